import type { Span } from '../source/span.js';

/**
 * Inline suppressions in SQL comments, ESLint style:
 *
 *   -- flinkcheck-disable-next-line FSQL9002, unbounded-group-aggregation
 *   -- flinkcheck-disable FSQL9013          (the whole file)
 *
 * Rules are named by code or by name; a directive without names applies to every rule. Block
 * comments work too. Only rule findings can be suppressed, never syntax or semantic errors.
 */

export interface Suppression {
  readonly scope: 'next-line' | 'file';
  /** Codes or names as written; empty for all rules. */
  readonly rules: readonly { readonly text: string; readonly span: Span }[];
  /** The directive comment's span. */
  readonly span: Span;
  /** For next-line: the 0-based index of the line it applies to; -1 for file directives. */
  readonly line: number;
}

const DIRECTIVE = /^\s*flinkcheck-(disable-next-line|disable)(?=\s|$)/;

/**
 * Finds the comments of a script (outside string literals and quoted identifiers) and reads the
 * directives among them.
 */
export function findSuppressions(text: string): Suppression[] {
  const found: Suppression[] = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const directive = (bodyStart: number, body: string, commentStart: number, commentEnd: number): void => {
    const match = DIRECTIVE.exec(body);
    if (match === null) return;
    const rules: { text: string; span: Span }[] = [];
    // Names run until `--` (a reason, as in ESLint) or the end of the comment.
    const rest = body.slice(match[0].length).split(/\s--\s/)[0]!;
    const restStart = bodyStart + match[0].length;
    for (const m of rest.matchAll(/[A-Za-z0-9_-]+/g)) {
      rules.push({ text: m[0], span: { start: restStart + m.index, end: restStart + m.index + m[0].length } });
    }
    const scope = match[1] === 'disable' ? 'file' : 'next-line';
    found.push({ scope, rules, span: { start: commentStart, end: commentEnd }, line: scope === 'file' ? -1 : lineOf(commentStart) + 1 });
  };

  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "'" || c === '"' || c === '`') {
      // Quotes are escaped by doubling, so scanning to the next quote character is enough.
      const close = text.indexOf(c, i + 1);
      i = close < 0 ? text.length : close + 1;
    } else if (c === '-' && text[i + 1] === '-') {
      let end = text.indexOf('\n', i);
      if (end < 0) end = text.length;
      const commentEnd = text[end - 1] === '\r' ? end - 1 : end;
      directive(i + 2, text.slice(i + 2, commentEnd), i, commentEnd);
      i = end;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      const end = close < 0 ? text.length : close + 2;
      directive(i + 2, text.slice(i + 2, close < 0 ? text.length : close), i, end);
      i = end;
    } else {
      i++;
    }
  }
  return found;
}
