import type { Fix, TextEdit } from './diagnostic.js';

/**
 * Applies text edits to a text. Edits are given in original offsets and must not overlap; they are
 * applied from the end so earlier offsets stay valid.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let result = text;
  let limit = Infinity;
  for (const edit of sorted) {
    if (edit.span.end > limit) throw new Error('overlapping edits');
    result = result.slice(0, edit.span.start) + edit.text + result.slice(edit.span.end);
    limit = edit.span.start;
  }
  return result;
}

export function applyFix(text: string, fix: Fix): string {
  return applyEdits(text, fix.edits);
}
