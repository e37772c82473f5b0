import { codeFrameColumns } from '@babel/code-frame';
import type { SourceText } from '../source/source-text.js';
import type { Span } from '../source/span.js';
import type { Diagnostic, Severity } from './diagnostic.js';

/**
 * Human-readable output in the style of rustc and Elm:
 *
 * ```
 * error[FSQL1010]: unexpected `FORM`
 *  --> jobs/clicks.sql:3:26
 *   2 |
 * > 3 | SELECT user_id, COUNT(*) FORM clicks
 *     |                          ^^^^
 *   4 | GROUP BY user_id;
 *     = help: write `FROM`
 * ```
 *
 * Lines and columns are 1-based; columns count UTF-16 code units, like editors, LSP and SARIF.
 */
export interface TextRenderOptions {
  /** The name shown after `-->`, usually the path as the user gave it. */
  readonly fileName: string;
  /** Use ANSI colours (the caller decides: TTY, NO_COLOR, --no-color). */
  readonly color: boolean;
}

/** Counts for {@link summaryLine}. */
export interface SummaryCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos?: number;
  readonly files: number;
}

/** Source lines longer than this (in UTF-16 code units) are cut around the marked span. */
export const MAX_FRAME_WIDTH = 120;
/** How much of a long line stays visible to the left of the marked span. */
const LEFT_CONTEXT = 40;
const LINES_ABOVE = 1;
const LINES_BELOW = 1;

/**
 * Renders the diagnostics of one source, in the order given, each as a block ending in a newline,
 * with a blank line between blocks. Returns an empty string when there are no diagnostics.
 */
export function renderText(diags: readonly Diagnostic[], source: SourceText, opts: TextRenderOptions): string {
  const style = opts.color ? ansi : plain;
  return diags.map((d) => renderOne(d, source, opts, style)).join('\n');
}

/** For example "2 errors, 1 warning in 3 files", or "no problems found in 1 file". */
export function summaryLine(counts: SummaryCounts): string {
  const parts: string[] = [];
  if (counts.errors > 0) parts.push(plural(counts.errors, 'error'));
  if (counts.warnings > 0) parts.push(plural(counts.warnings, 'warning'));
  if ((counts.infos ?? 0) > 0) parts.push(plural(counts.infos ?? 0, 'info'));
  const files = plural(counts.files, 'file');
  return parts.length === 0 ? `no problems found in ${files}` : `${parts.join(', ')} in ${files}`;
}

// ---------------------------------------------------------------------------------------------

function renderOne(d: Diagnostic, source: SourceText, opts: TextRenderOptions, style: Style): string {
  const start = source.position(d.span.start);
  const lines: string[] = [];
  lines.push(style.severity(d.severity, `${d.severity}[${d.code}]`) + style.bold(`: ${d.message}`));
  lines.push(`${style.arrow(' -->')} ${opts.fileName}:${start.line}:${start.column}`);
  const { text: frame, gutterWidth } = codeFrame(source, d.span, opts.color);
  lines.push(frame);

  const pad = ' '.repeat(gutterWidth);
  const helps: string[] = [];
  if (d.hint !== undefined) helps.push(d.hint);
  for (const fix of d.fixes ?? []) {
    const title = fix.applicability === 'unsafe' ? `${fix.title} (unsafe fix)` : fix.title;
    if (!helps.includes(title)) helps.push(title);
  }
  for (const help of helps) lines.push(`${pad}${style.arrow('=')} ${style.bold('help')}: ${help}`);
  for (const related of d.related ?? []) {
    const at = source.position(related.span.start);
    lines.push(`${pad}${style.arrow('=')} ${style.bold('note')}: ${related.message} (at ${opts.fileName}:${at.line}:${at.column})`);
  }
  return lines.join('\n') + '\n';
}

/**
 * The code frame for a span. The marked line is the span's first line: carets from the start to the
 * end of the span, or to the end of that line when the span goes on; an empty span gets one caret.
 * Lines are cut to MAX_FRAME_WIDTH around the span and control characters are made visible, so
 * neither a minified one-line script nor stray escape codes can flood or garble the terminal.
 */
function codeFrame(source: SourceText, span: Span, color: boolean): { text: string; gutterWidth: number } {
  const start = source.position(span.start);
  const end = source.position(Math.max(span.start, span.end));
  const markedLine = source.lineText(start.line);
  const c0 = Math.min(start.column - 1, markedLine.length);
  let c1 = end.line === start.line ? Math.min(end.column - 1, markedLine.length) : markedLine.length;
  if (c1 < c0) c1 = c0;

  const first = Math.max(1, start.line - LINES_ABOVE);
  let last = Math.min(source.lineCount, start.line + LINES_BELOW);
  // The empty "line" after a final line break is not worth showing as context.
  if (last > start.line && last === source.lineCount && source.lineText(last) === '') last--;
  const raw: string[] = [];
  for (let line = first; line <= last; line++) raw.push(source.lineText(line));

  // Horizontal window, shared by all lines of the frame so they stay aligned.
  let from = 0;
  let to = Infinity;
  if (raw.some((l) => l.length > MAX_FRAME_WIDTH)) {
    from = Math.max(0, c0 - LEFT_CONTEXT);
    if (isLowSurrogate(markedLine.charCodeAt(from)) && from < c0) from++;
    to = from + MAX_FRAME_WIDTH;
    if (isHighSurrogate(markedLine.charCodeAt(to - 1))) to--;
  }
  const ellipsis = '…';
  const shown = raw.map((l) => {
    if (from === 0 && l.length <= to) return visible(l);
    const prefix = from > 0 && l.length > from ? ellipsis : '';
    const suffix = l.length > to ? ellipsis : '';
    return prefix + visible(l.slice(from, to)) + suffix;
  });
  const shift = from > 0 ? ellipsis.length - from : 0;
  const markStart = c0 + shift;
  const markEnd = Math.min(c1, to) + shift;

  const text = codeFrameColumns(
    shown.join('\n'),
    { start: { line: start.line, column: markStart + 1 }, end: { line: start.line, column: markEnd + 1 } },
    { highlightCode: color, forceColor: color, linesAbove: LINES_ABOVE, linesBelow: LINES_BELOW, startLine: first },
  );
  // Babel's gutter is "> 12 |": the bar sits after the marker, a space, the number and a space.
  return { text, gutterWidth: String(last).length + 3 };
}

/**
 * Replaces characters that would not show as one column of text: C0/C1 controls except tab become
 * visible symbols (U+2400 block) or U+FFFD, U+2028/U+2029 (line breaks to the code-frame library,
 * not to SQL) become spaces, unpaired surrogates become U+FFFD. Every replacement is one UTF-16
 * unit, so columns are unchanged.
 */
function visible(line: string): string {
  if (!NEEDS_ESCAPE.test(line)) return line;
  return line.replace(ESCAPE_ALL, (ch) => {
    const c = ch.charCodeAt(0);
    if (c < 0x20) return String.fromCharCode(0x2400 + c);
    if (c === 0x7f) return '\u2421';
    if (c === 0x2028 || c === 0x2029) return ' ';
    return '\uFFFD';
  });
}

const ESCAPE_SOURCE =
  '[\\x00-\\x08\\x0A-\\x1F\\x7F-\\x9F\\u2028\\u2029]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
const NEEDS_ESCAPE = new RegExp(ESCAPE_SOURCE);
const ESCAPE_ALL = new RegExp(ESCAPE_SOURCE, 'g');

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

// ---------------------------------------------------------------------------------------------
// colours

interface Style {
  severity(severity: Severity, text: string): string;
  bold(text: string): string;
  arrow(text: string): string;
}

const plain: Style = {
  severity: (_severity, text) => text,
  bold: (text) => text,
  arrow: (text) => text,
};

const sgr = (open: string, text: string) => `\u001b[${open}m${text}\u001b[0m`;
const SEVERITY_SGR: Record<Severity, string> = { error: '1;31', warning: '1;33', info: '1;36' };

const ansi: Style = {
  severity: (severity, text) => sgr(SEVERITY_SGR[severity], text),
  bold: (text) => sgr('1', text),
  arrow: (text) => sgr('1;34', text),
};
