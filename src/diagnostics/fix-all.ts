import { applyEdits } from './apply-fix.js';
import type { Diagnostic, Fix, TextEdit } from './diagnostic.js';

export interface FixResult {
  /** The text after the fixes. */
  readonly text: string;
  /** How many fixes were applied, over all passes. */
  readonly applied: number;
  /** The titles of the applied fixes, in the order they were applied. */
  readonly titles: readonly string[];
}

/** At most this many check-and-fix passes: a fix can reveal an error the parser could not see before it. */
export const MAX_FIX_PASSES = 10;

/**
 * Applies the safe fixes of the diagnostics to the text, then checks the text again and repeats
 * while new safe fixes appear (a statement's first syntax error hides the next one). Only fixes
 * marked `safe` are applied, each diagnostic contributes at most its first safe fix, and no two
 * applied fixes touch the same text: when two would overlap (or touch), the one that starts first
 * wins and the other waits for the next pass, where it is recomputed on the new text.
 */
export function applySafeFixes(text: string, check: (text: string) => readonly Diagnostic[]): FixResult {
  let current = text;
  let applied = 0;
  const titles: string[] = [];
  const seen = new Set<string>([current]);
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const chosen = nonOverlappingSafeFixes(check(current));
    if (chosen.length === 0) break;
    const next = applyEdits(current, chosen.flatMap((f) => f.edits));
    // A fix that would bring back an earlier text would loop; stop instead.
    if (seen.has(next)) break;
    seen.add(next);
    current = next;
    applied += chosen.length;
    titles.push(...chosen.map((f) => f.title));
  }
  return { text: current, applied, titles };
}

/** The first safe fix of each diagnostic, in text order, leaving out any that overlaps or touches one already taken. */
export function nonOverlappingSafeFixes(diagnostics: readonly Diagnostic[]): Fix[] {
  const candidates = diagnostics
    .map((d) => d.fixes?.find((f) => f.applicability === 'safe' && f.edits.length > 0))
    .filter((f): f is Fix => f !== undefined)
    .sort((a, b) => firstStart(a) - firstStart(b));
  const taken: TextEdit[] = [];
  const chosen: Fix[] = [];
  for (const fix of candidates) {
    if (selfOverlapping(fix.edits)) continue;
    if (fix.edits.some((e) => taken.some((t) => touches(e, t)))) continue;
    chosen.push(fix);
    taken.push(...fix.edits);
  }
  return chosen;
}

function firstStart(fix: Fix): number {
  return Math.min(...fix.edits.map((e) => e.span.start));
}

/** Two edits conflict when their spans overlap or meet: the order of two insertions at one offset is not defined. */
function touches(a: TextEdit, b: TextEdit): boolean {
  return a.span.start <= b.span.end && b.span.start <= a.span.end;
}

function selfOverlapping(edits: readonly TextEdit[]): boolean {
  for (let i = 0; i < edits.length; i++) {
    for (let j = i + 1; j < edits.length; j++) {
      const a = edits[i]!.span;
      const b = edits[j]!.span;
      if (a.start < b.end && b.start < a.end) return true;
    }
  }
  return false;
}
