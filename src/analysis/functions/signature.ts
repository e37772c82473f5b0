/**
 * Function signatures as data. A signature is written the way Flink's docs write it and parsed once:
 *
 *   'STRING, INT[, INT]'      SUBSTRING: two or three arguments
 *   'STRING|BYTES, INT'       alternatives for one argument
 *   'ANY...'                  a repeating last argument (zero or more)
 *   'ANY, ANY...'             one or more
 *   'ARRAY<STRING>'           an array of character strings
 *   'ARRAY<COMPARABLE>'       an array whose elements compare with EQUALS and ORDER (ARRAY_MAX, ARRAY_SORT)
 *   'ARRAY, ELEMENT'          a value that fits the array's element type by implicit cast (ARRAY_CONTAINS)
 *
 * Argument families follow Calcite's SqlTypeFamily / Flink's LogicalTypeFamily. A family accepts every
 * type in it; there is no implicit conversion between families (no '1' where a number is expected).
 */
import { supportsImplicitCast } from '../types/casts.js';
import { is, type LogicalType, withNullability } from '../types/logical-type.js';

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

/**
 * Fully comparable types, as Flink's ArrayComparableElementArgumentTypeStrategy: numbers, datetimes,
 * character strings and binary strings (not BOOLEAN, not constructed types).
 */
function fullyComparable(t: LogicalType): boolean {
  return is.numeric(t) || is.datetime(t) || is.characterString(t) || is.binaryString(t) || t.root === 'NULL' || t.root === 'UNKNOWN';
}

/** One accepted form of an argument. */
export type ArgForm =
  | { readonly kind: 'family'; readonly family: ArgFamily }
  | { readonly kind: 'arrayOf'; readonly element: ArgFamily | 'COMPARABLE' }
  /** Fits the element type of the ARRAY in the first argument (Flink's ArrayElementArgumentTypeStrategy). */
  | { readonly kind: 'element' };

export interface ParameterSpec {
  /** Alternatives; the argument must fit one of them. */
  readonly forms: readonly ArgForm[];
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
  const forms = token.split('|').map((f): ArgForm => {
    const name = f.trim();
    if (name === 'ELEMENT') return { kind: 'element' };
    const array = /^ARRAY<(\w+)>$/.exec(name);
    if (array !== null) {
      const element = array[1]!;
      if (element !== 'COMPARABLE' && !(element in FAMILY_TEST)) throw new Error(`unknown element family ${element} in signature '${text}'`);
      return { kind: 'arrayOf', element: element as ArgFamily | 'COMPARABLE' };
    }
    if (!(name in FAMILY_TEST)) throw new Error(`unknown argument family ${name} in signature '${text}'`);
    return { kind: 'family', family: name as ArgFamily };
  });
  return { forms };
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

/** Whether `type` fits the parameter; `args` are all the call's argument types (for ELEMENT). */
export function acceptsType(spec: ParameterSpec, type: LogicalType, args: readonly LogicalType[] = []): boolean {
  if (type.root === 'NULL' || type.root === 'UNKNOWN') return true;
  return spec.forms.some((form) => {
    switch (form.kind) {
      case 'family': return FAMILY_TEST[form.family](type);
      case 'arrayOf':
        if (type.root !== 'ARRAY') return false;
        return form.element === 'COMPARABLE' ? fullyComparable(type.element) : FAMILY_TEST[form.element](type.element) || type.element.root === 'NULL';
      case 'element': {
        const array = args[0];
        if (array === undefined || array.root !== 'ARRAY') return true;
        const element = type.nullable ? withNullability(array.element, true) : array.element;
        return supportsImplicitCast(type, element);
      }
    }
  });
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
    return acceptsType(spec, arg, args);
  });
}

/** Whether the count alone fits (to tell "wrong number of arguments" from "wrong types"). */
export function acceptsCount(signature: Signature, count: number): boolean {
  return count >= signature.required.length
    && (signature.variadic !== null || count <= signature.required.length + signature.optional.length);
}
