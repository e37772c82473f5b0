/**
 * Lookup and call checking over the built-in function table. Names are case-insensitive, as
 * FlinkSqlOperatorTable's lookup (SqlNameMatchers.withCaseSensitive(false)).
 */
import { SuggestionIndex, closestMatches } from '../../diagnostics/suggest.js';
import { printType, type LogicalType } from '../types/logical-type.js';
import { BUILTIN_FUNCTIONS, type BuiltinFunction, type BuiltinKind } from './builtins.js';
import { acceptsCount, acceptsType, matchesSignature, type ParameterSpec, type Signature } from './signature.js';
import { applyNullStrategy, applyReturnStrategy, type CallTypes } from './strategies.js';

const BY_NAME: ReadonlyMap<string, BuiltinFunction> = new Map(
  BUILTIN_FUNCTIONS.flatMap((f) => f.names.map((n) => [n.toUpperCase(), f] as const)),
);

export function lookupBuiltinFunction(name: string): BuiltinFunction | null {
  return BY_NAME.get(name.toUpperCase()) ?? null;
}

/** Every built-in function, each once (with its synonyms in `names`). */
export function listBuiltinFunctions(): readonly BuiltinFunction[] {
  return BUILTIN_FUNCTIONS;
}

/** Every name a built-in can be called by. */
export function builtinFunctionNames(): readonly string[] {
  return [...BY_NAME.keys()];
}

export function builtinFunctionKind(name: string): BuiltinKind | null {
  return lookupBuiltinFunction(name)?.kind ?? null;
}

export function isAggregateFunction(name: string): boolean {
  return builtinFunctionKind(name) === 'aggregate';
}

/** Ranking/offset functions that need OVER (ROW_NUMBER, RANK, LAG, ...). */
export function isWindowFunction(name: string): boolean {
  return builtinFunctionKind(name) === 'window';
}

/** Functions allowed with OVER: aggregates and window functions. */
export function isOverCapable(name: string): boolean {
  const kind = builtinFunctionKind(name);
  return kind === 'aggregate' || kind === 'window';
}

/** Close built-in names for a name that is not a function, best first. */
let builtinIndex: SuggestionIndex | null = null;

export function suggestFunctionNames(name: string, extra: Iterable<string> = []): string[] {
  builtinIndex ??= new SuggestionIndex(BY_NAME.keys());
  return builtinIndex.closest(name.toUpperCase(), 4, extra);
}

export function printSignature(name: string, signature: Signature): string {
  return `${name}(${signature.text})`;
}

/** `SUBSTRING(STRING|BYTES, INT[, INT])`, one per signature, comma separated. */
export function printSignatures(fn: BuiltinFunction, name = fn.names[0]!): string {
  return fn.signatures.map((s) => printSignature(name.toUpperCase(), s)).join(', ');
}

export type CallResult =
  | { readonly ok: true; readonly type: LogicalType }
  | {
    readonly ok: false;
    readonly message: string;
    readonly hint: string;
    readonly arityOnly: boolean;
    /** The argument to blame, when only one signature takes this many arguments. */
    readonly badArgument: number | null;
  };

/**
 * Types a call of a built-in: the arguments must fit one of its signatures; the result comes from the
 * function's return and nullability strategies.
 */
export function typeBuiltinCall(fn: BuiltinFunction, name: string, call: CallTypes): CallResult {
  const display = name.toUpperCase();
  if (fn.signatures.length > 0 && !fn.signatures.some((s) => matchesSignature(s, call.args))) {
    const arityOnly = !fn.signatures.some((s) => acceptsCount(s, call.args.length));
    const given = printArguments(call.args);
    const candidates = fn.signatures.filter((s) => acceptsCount(s, call.args.length));
    const badArgument = candidates.length === 1 ? firstMisfit(candidates[0]!, call.args) : null;
    return {
      ok: false,
      arityOnly,
      badArgument,
      message: `Function ${display} cannot take (${given}). Valid: ${printSignatures(fn, display)}`,
      hint: arityOnly
        ? `${display} takes ${describeCounts(fn.signatures)}, not ${call.args.length}`
        : badArgument !== null
          ? `argument ${badArgument + 1} is ${printType(call.args[badArgument]!)}, but ${display} expects ${describeParameter(candidates[0]!, badArgument)} there; Flink does not convert argument types, so CAST it`
          : 'Flink does not convert argument types for functions: CAST the arguments to the types a signature expects',
    };
  }
  const result = applyReturnStrategy(fn.returns, call);
  if (!result.ok) {
    return {
      ok: false,
      arityOnly: false,
      badArgument: null,
      message: `Invalid call of ${display}(${printArguments(call.args)}): ${result.reason}`,
      hint: 'CAST the arguments to one common type',
    };
  }
  return { ok: true, type: applyNullStrategy(fn.nullability, result.type, call) };
}

/** "2 or 3 arguments", "1 or more arguments", "no arguments". */
function describeCounts(signatures: readonly Signature[]): string {
  const counts = new Set<number>();
  let atLeast: number | null = null;
  for (const s of signatures) {
    const min = s.required.length;
    if (s.variadic !== null) atLeast = Math.min(atLeast ?? min, min);
    for (let n = min; n <= min + s.optional.length; n++) counts.add(n);
  }
  const sorted = [...counts].filter((n) => atLeast === null || n < atLeast).sort((a, b) => a - b);
  const parts = sorted.map(String);
  if (atLeast !== null) parts.push(`${atLeast} or more`);
  if (parts.length === 1 && parts[0] === '0') return 'no arguments';
  const last = parts.pop()!;
  const text = parts.length === 0 ? last : `${parts.join(', ')} or ${last}`;
  return `${text} argument${last === '1' ? '' : 's'}`;
}

function parameterAt(signature: Signature, index: number): ParameterSpec {
  const fixed = signature.required.length + signature.optional.length;
  return index < signature.required.length
    ? signature.required[index]!
    : index < fixed ? signature.optional[index - signature.required.length]! : signature.variadic!;
}

function firstMisfit(signature: Signature, args: readonly LogicalType[]): number | null {
  const index = args.findIndex((arg, i) => !acceptsType(parameterAt(signature, i), arg, args));
  return index < 0 ? null : index;
}

/** The expected forms of one parameter in words: `STRING or BYTES`, `an element of the array`. */
function describeParameter(signature: Signature, index: number): string {
  return parameterAt(signature, index).forms.map((f) => {
    switch (f.kind) {
      case 'family': return f.family;
      case 'arrayOf': return f.element === 'COMPARABLE' ? 'an ARRAY of comparable values (numbers, strings, datetimes)' : `ARRAY<${f.element}>`;
      case 'element': return "a value of the array's element type";
    }
  }).join(' or ');
}

/** Argument types for a message; a call with very many arguments shows the first ten. */
function printArguments(args: readonly LogicalType[]): string {
  const shown = args.slice(0, 10).map(printType).join(', ');
  return args.length > 10 ? `${shown}, ... (${args.length} arguments)` : shown;
}
