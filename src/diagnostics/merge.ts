import { Codes } from './codes.js';
import type { Diagnostic } from './diagnostic.js';

/**
 * Puts the input problems (encoding, NUL characters, unpaired surrogates) first and drops the
 * parser's "character cannot appear here" reports for the same characters: one problem, one
 * diagnostic.
 */
export function mergeInputDiagnostics(input: readonly Diagnostic[], parsed: readonly Diagnostic[]): Diagnostic[] {
  const covered = (d: Diagnostic): boolean =>
    d.code === Codes.invalidCharacter.code && input.some((i) => d.span.start >= i.span.start && d.span.start < Math.max(i.span.end, i.span.start + 1));
  return [...input, ...parsed.filter((d) => !covered(d))];
}
