import { Codes } from './diagnostics/codes.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { FLINK_ERROR_PATTERNS, type FlinkErrorPattern } from './diagnostics/flink-errors.js';
import { mergeInputDiagnostics } from './diagnostics/merge.js';
import { checkText } from './source/decode.js';
import type { SourceText } from './source/source-text.js';
import type { Span } from './source/span.js';
import { validateScript, type ValidateOptions } from './validate.js';

/**
 * Translates an exception text from a real Flink run (the planner's or the SQL client's message,
 * possibly with its stack trace) into flinkcheck's terms for the SQL that caused it.
 */
export interface FlinkErrorExplanation {
  /** Whether the message is one flinkcheck knows (FLINK_ERROR_PATTERNS). */
  readonly recognised: boolean;
  /** The known message's id, e.g. `column-not-found`; null when not recognised. */
  readonly kind: string | null;
  /** Flink's message, the line that says what is wrong, without the Java exception class. */
  readonly flinkMessage: string;
  /** The position as Flink prints it (1-based line and column); null when it gives none. */
  readonly flinkPosition: { readonly line: number; readonly column: number } | null;
  /** Where the problem is in the SQL; null when neither Flink's text nor flinkcheck can place it. */
  readonly span: Span | null;
  /**
   * flinkcheck's diagnostic for the problem: its own, when validating the SQL finds the problem there
   * (with its hint and fixes), else one built from Flink's text. Null when the message is recognised
   * but its code belongs to an area this build does not have (see `translation`), or when the message
   * is not recognised and flinkcheck reports nothing at Flink's position. A diagnostic built from
   * Flink's text when no place is known has the empty span 0..0; `span` is then null.
   */
  readonly diagnostic: Diagnostic | null;
  /** True when `diagnostic` comes from validating the SQL. */
  readonly fromValidation: boolean;
  /** The message in flinkcheck's words, when recognised. */
  readonly translation: { readonly message: string; readonly hint?: string } | null;
  readonly source: SourceText;
}

const POSITION = /From line (\d+), column (\d+) to line (\d+), column (\d+)|\bat line (\d+), column (\d+)/i;
const PARSE_PATTERNS = new Set(['lexical-error', 'unexpected-end', 'unexpected-token', 'incorrect-syntax-near-keyword']);

export function explainFlinkError(errorText: string, sql: string, options: ValidateOptions = {}): FlinkErrorExplanation {
  const result = validateScript(sql, options);
  const source = result.source;
  const ours = mergeInputDiagnostics(checkText(sql), result.diagnostics);

  const match = recognise(errorText);
  const flinkMessage = headline(errorText, match?.index);
  const position = flinkPositionOf(errorText);
  const bases = statementBases(result.statements.map((s) => s.span), sql);
  const expected = match === null ? undefined : expectedText(match.pattern, match.groups);
  const span = position === null ? null : placePosition(source, position, bases, result.statements.map((s) => s.span), expected, ours.filter((d) => d.severity === 'error'));

  if (match === null) {
    const at = span === null ? undefined : nearest(ours.filter((d) => d.severity === 'error'), span);
    return { recognised: false, kind: null, flinkMessage, flinkPosition: position?.start ?? null, span, diagnostic: at ?? null, fromValidation: at !== undefined, translation: null, source };
  }

  const { pattern, groups } = match;
  const translation = { message: pattern.message(groups), hint: pattern.hint?.(groups) };
  const located = span ?? locateName(sql, pattern.locate?.(groups), ours, pattern.code === null ? null : Codes[pattern.code].code);
  const own = ownDiagnostic(pattern, ours, located);
  if (own !== undefined) {
    return { recognised: true, kind: pattern.id, flinkMessage, flinkPosition: position?.start ?? null, span: located ?? own.span, diagnostic: own, fromValidation: true, translation, source };
  }
  const diagnostic: Diagnostic | null = pattern.code === null
    ? null
    : { ...Codes[pattern.code], message: translation.message, ...(translation.hint === undefined ? {} : { hint: translation.hint }), span: located ?? { start: 0, end: 0 } };
  return { recognised: true, kind: pattern.id, flinkMessage, flinkPosition: position?.start ?? null, span: located, diagnostic, fromValidation: false, translation, source };
}

function recognise(text: string): { pattern: FlinkErrorPattern; groups: RegExpMatchArray; index: number } | null {
  for (const pattern of FLINK_ERROR_PATTERNS) {
    const groups = pattern.pattern.exec(text);
    if (groups !== null) return { pattern, groups, index: groups.index };
  }
  return null;
}

/** The line of Flink's text that holds the message, without Java class names and Flink's prefixes. */
function headline(text: string, index: number | undefined): string {
  const lines = text.split(/\r\n|\n|\r/);
  let line: string | undefined;
  if (index !== undefined) {
    let offset = 0;
    for (const l of lines) {
      if (index < offset + l.length + 1) { line = l; break; }
      offset += l.length + 1;
    }
  }
  line ??= lines.find((l) => l.trim() !== '' && !/^\s*at [\w$.]+\(/.test(l)) ?? '';
  return line
    .replace(/^\s*(?:Caused by:\s*)?(?:[a-z_$][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error)(?::\s*|$)/, '')
    .replace(/^(?:SQL parse failed|SQL validation failed)\.\s*/, '')
    .trim();
}

interface FlinkPosition {
  readonly start: { readonly line: number; readonly column: number };
  /** Inclusive, as Calcite prints it. */
  readonly end: { readonly line: number; readonly column: number } | null;
}

function flinkPositionOf(text: string): FlinkPosition | null {
  const m = POSITION.exec(text);
  if (m === null) return null;
  if (m[1] !== undefined) return { start: { line: Number(m[1]), column: Number(m[2]) }, end: { line: Number(m[3]), column: Number(m[4]) } };
  return { start: { line: Number(m[5]), column: Number(m[6]) }, end: null };
}

/**
 * Where Flink's line 1, column 1 may be: Flink numbers positions within the text it was given, which
 * is the whole file when the script was submitted as one text, or one statement when a client split
 * the script. Candidates: the file, then each statement (at its first token, and just after the `;`
 * before it), each with the statement the position must then fall in.
 */
interface Base {
  readonly offset: number;
  /** The statement the position must lie in; null for the whole file. */
  readonly statement: Span | null;
}

function statementBases(spans: readonly Span[], sql: string): Base[] {
  const bases: Base[] = [{ offset: 0, statement: null }];
  for (const span of spans) {
    bases.push({ offset: span.start, statement: span });
    const semicolon = sql.lastIndexOf(';', span.start - 1);
    if (semicolon >= 0) bases.push({ offset: semicolon + 1, statement: span });
  }
  return bases;
}

/** Offset of a 1-based line and column counted from `base` (Calcite counts UTF-16 units, tabs as one); null past the line's end. */
function offsetFrom(source: SourceText, base: number, line: number, column: number): number | null {
  const at = source.position(base);
  const targetLine = at.line + line - 1;
  if (targetLine > source.lineCount) return null;
  const lineStart = source.offsetAt(targetLine, 1);
  const startColumn = line === 1 ? at.column : 1;
  const offset = lineStart + startColumn - 1 + column - 1;
  const nextLine = targetLine < source.lineCount ? source.offsetAt(targetLine + 1, 1) : source.length;
  return offset > nextLine ? null : offset;
}

function placePosition(
  source: SourceText,
  position: FlinkPosition,
  bases: readonly Base[],
  statements: readonly Span[],
  expected: string | undefined,
  errors: readonly Diagnostic[],
): Span | null {
  const spanFrom = (base: Base): Span | null => {
    const start = offsetFrom(source, base.offset, position.start.line, position.start.column);
    if (start === null) return null;
    const inside = (s: Span): boolean => start >= s.start && start <= s.end;
    if (base.statement !== null ? !inside(base.statement) : statements.length > 0 && !statements.some(inside)) return null;
    const end = position.end === null ? start + Math.max(1, expected?.length ?? 1) : (offsetFrom(source, base.offset, position.end.line, position.end.column) ?? start) + 1;
    return { start, end: Math.min(Math.max(end, start), source.length) };
  };
  const candidates = bases.map(spanFrom).filter((s): s is Span => s !== null);
  if (expected !== undefined) {
    const wanted = expected.replace(/`/g, '').toLowerCase();
    const found = candidates.find((span) => source.text.slice(span.start).replace(/^`/, '').toLowerCase().startsWith(wanted));
    if (found !== undefined) return found;
  }
  // Nothing to check the text against: the statement Flink failed on is most likely one where flinkcheck finds an error too.
  const failing = statements.filter((st) => errors.some((d) => d.span.start >= st.start && d.span.start <= st.end));
  return candidates.find((c) => failing.some((st) => c.start >= st.start && c.start <= st.end)) ?? candidates[0] ?? null;
}

/** The text Flink's message says is at its position, to check which statement the position counts from. */
function expectedText(pattern: FlinkErrorPattern, groups: RegExpMatchArray): string | undefined {
  if (pattern.id === 'unexpected-token') return groups[1]!.replace(/\\(.)/g, '$1');
  if (pattern.id === 'lexical-error') return groups[1]?.replace(/\\(.)/g, '$1');
  if (pattern.id === 'incorrect-syntax-near-keyword') return groups[1];
  if (pattern.id === 'unexpected-end') return undefined;
  const name = pattern.locate?.(groups);
  return name === undefined || name === '' ? undefined : name;
}

/** Where a name from Flink's message is written in the SQL: one of our diagnostics on it, else its first occurrence. */
function locateName(sql: string, name: string | undefined, ours: readonly Diagnostic[], code: string | null): Span | null {
  if (code !== null) {
    const same = ours.find((d) => d.code === code);
    if (same !== undefined) return same.span;
  }
  if (name === undefined || name === '') return null;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const word = /^\w/.test(name) ? `(?<![\\w$])\`?${escaped}\`?(?![\\w$])` : escaped;
  const m = new RegExp(word, 'i').exec(sql);
  return m === null ? null : { start: m.index, end: m.index + m[0].length };
}

/** Our diagnostic for the same problem: the same code (nearest to the span), or for parse errors our syntax error there. */
function ownDiagnostic(pattern: FlinkErrorPattern, ours: readonly Diagnostic[], span: Span | null): Diagnostic | undefined {
  const errors = ours.filter((d) => d.severity === 'error');
  if (pattern.code !== null) {
    const code = Codes[pattern.code].code;
    const same = errors.filter((d) => d.code === code);
    const near = span === null ? same[0] : nearest(same, span, 200);
    if (near !== undefined) return near;
  }
  if (PARSE_PATTERNS.has(pattern.id) && span !== null) return nearest(errors.filter((d) => d.category === 'syntax'), span, 2);
  if (pattern.code === null && span !== null) return nearest(errors, span, 0);
  return undefined;
}

/** The diagnostic closest to `span` (overlapping ones first), within `slack` characters. */
function nearest(diagnostics: readonly Diagnostic[], span: Span, slack = 0): Diagnostic | undefined {
  let best: Diagnostic | undefined;
  let bestDistance = Infinity;
  for (const d of diagnostics) {
    const distance = d.span.end < span.start ? span.start - d.span.end : d.span.start > span.end ? d.span.start - span.end : 0;
    if (distance <= slack && distance < bestDistance) {
      best = d;
      bestDistance = distance;
    }
  }
  return best;
}
