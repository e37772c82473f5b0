/**
 * Function signatures as data. A signature is written the way Flink's docs write it and parsed once:
 *
 *   'STRING, INT[, INT]'      SUBSTRING: two or three arguments
 *   'STRING|BYTES, INT'       alternatives for one argument
 *   'ANY...'                  a repeating last argument (zero or more)
 *   'ANY, ANY...'             one or more
 *
 * Argument families follow Calcite's SqlTypeFamily / Flink's LogicalTypeFamily. A family accepts every
 * type in it; there is no implicit conversion between families (no '1' where a number is expected).
 */
import { is, type LogicalType } from '../types/logical-type.js';

export type ArgFamily =
  | 'ANY' | 'STRING' | 'BYTES' | 'NUMERIC' | 'INT' | 'EXACT_NUMERIC' | 'BOOLEAN' | 'DATE' | 'TIME'
  | 'TIMESTAMP' | 'TIMESTAMP_LTZ' | 'DATETIME' | 'INTERVAL' | 'ARRAY' | 'MAP' | 'MULTISET' | 'ROW';

const FAMILY_TEST: Readonly<Record<ArgFamily, (t: LogicalType) => boolean>> = {
  ANY: () => true,
  STRING: is.characterString,
  BYTES: is.binaryString,
  NUMERIC: is.numeric,
  INT: is.integer,
  EXACT_NUMERIC: is.exactNumeric,
  BOOLEAN: (t) => t.root === 'BOOLEAN',
  DATE: (t) => t.root === 'DATE',
  TIME: (t) => t.root === 'TIME',
  TIMESTAMP: (t) => t.root === 'TIMESTAMP_WITHOUT_TIME_ZONE' || t.root === 'TIMESTAMP_WITH_LOCAL_TIME_ZONE',
  TIMESTAMP_LTZ: (t) => t.root === 'TIMESTAMP_WITH_LOCAL_TIME_ZONE',
  DATETIME: is.datetime,
  INTERVAL: is.interval,
  ARRAY: (t) => t.root === 'ARRAY',
  MAP: (t) => t.root === 'MAP',
  MULTISET: (t) => t.root === 'MULTISET',
  ROW: (t) => t.root === 'ROW',
};

export interface ParameterSpec {
  /** Alternatives; the argument must belong to one of them. */
  readonly families: readonly ArgFamily[];
}

export interface Signature {
  /** The signature as written, for messages: `STRING, INT[, INT]`. */
  readonly text: string;
  readonly required: readonly ParameterSpec[];
  readonly optional: readonly ParameterSpec[];
  /** Repeats any number of times after required and optional parameters. */
  readonly variadic: ParameterSpec | null;
}

function parameter(token: string, text: string): ParameterSpec {
  const families = token.split('|').map((f) => f.trim());
  for (const f of families) {
    if (!(f in FAMILY_TEST)) throw new Error(`unknown argument family ${f} in signature '${text}'`);
  }
  return { families: families as ArgFamily[] };
}

/** Parses `STRING, INT[, INT]`; throws on a malformed table entry (a programming error). */
export function parseSignature(text: string): Signature {
  const required: ParameterSpec[] = [];
  const optional: ParameterSpec[] = [];
  let variadic: ParameterSpec | null = null;
  let depth = 0;
  for (const raw of text.replace(/\[/g, ',[').split(',')) {
    let token = raw.trim();
    if (token === '') continue;
    if (token.startsWith('[')) { depth++; token = token.slice(1).trim(); }
    let closes = 0;
    while (token.endsWith(']')) { closes++; token = token.slice(0, -1).trim(); }
    if (token === '') { depth -= closes; continue; }
    if (token.endsWith('...')) {
      variadic = parameter(token.slice(0, -3), text);
    } else if (depth > 0) {
      optional.push(parameter(token, text));
    } else {
      required.push(parameter(token, text));
    }
    depth -= closes;
  }
  return { text, required, optional, variadic };
}

export function acceptsType(spec: ParameterSpec, type: LogicalType): boolean {
  if (type.root === 'NULL' || type.root === 'UNKNOWN') return true;
  return spec.families.some((f) => FAMILY_TEST[f](type));
}

/** Whether the argument types fit the signature: count and families. */
export function matchesSignature(signature: Signature, args: readonly LogicalType[]): boolean {
  const fixed = signature.required.length + signature.optional.length;
  if (args.length < signature.required.length) return false;
  if (args.length > fixed && signature.variadic === null) return false;
  return args.every((arg, i) => {
    const spec = i < signature.required.length
      ? signature.required[i]!
      : i < fixed ? signature.optional[i - signature.required.length]! : signature.variadic!;
    return acceptsType(spec, arg);
  });
}

/** Whether the count alone fits (to tell "wrong number of arguments" from "wrong types"). */
export function acceptsCount(signature: Signature, count: number): boolean {
  return count >= signature.required.length
    && (signature.variadic !== null || count <= signature.required.length + signature.optional.length);
}
