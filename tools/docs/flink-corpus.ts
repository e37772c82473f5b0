import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repoRoot } from '../../bench/corpus.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { validateScript } from '../../src/validate.js';

/**
 * Replays every statement Flink rejects (invalid.jsonl of the shared corpus) through flinkcheck and
 * judges our diagnostic against Flink's message: do we report an error, where, and do we name what
 * is wrong without internal names. Used by the message-quality test and by
 * docs/flink-vs-flinkcheck.md.
 */

export interface FlinkErrorSpan {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
  readonly marked_text?: string;
}

export interface InvalidRecord {
  readonly id: string;
  readonly sql: string;
  readonly kind: string;
  readonly error: string | null;
  readonly error_is_regex?: boolean;
  readonly phase: 'parse' | 'validate' | 'execute';
  readonly error_span?: FlinkErrorSpan | null;
  readonly input_types?: readonly string[];
  readonly context_ids?: readonly string[];
}

interface QScript {
  readonly statements: readonly { readonly id: string; readonly sql: string }[];
}

export interface Verdict {
  readonly record: InvalidRecord;
  /** The statement as checked (expression records are wrapped in a SELECT). */
  readonly statement: string;
  /** Our main diagnostic for the statement: its first syntax error, else its first error. */
  readonly primary: Diagnostic | null;
  /** primary's span relative to the statement. */
  readonly start: number | null;
  readonly end: number | null;
  readonly spanInside: boolean;
  /** null when Flink gives no position. */
  readonly positionMatch: boolean | null;
  /** Internal names found in our message and hint. */
  readonly internalNames: readonly string[];
  /** The token or names Flink's message points at; empty when there is none to name. */
  readonly offending: readonly string[];
  /** null when there is nothing to name. */
  readonly namesOffending: boolean | null;
}

/** The shared corpus next to the repository, or $FLINKCHECK_CORPUS. */
export function corpusDir(): string {
  const override = process.env['FLINKCHECK_CORPUS'];
  if (override !== undefined && override !== '') return resolve(override);
  return resolve(repoRoot(), '..', 'shared', 'corpus', 'flink');
}

export function corpusAvailable(dir = corpusDir()): boolean {
  return existsSync(join(dir, 'invalid.jsonl')) && existsSync(join(dir, 'qscripts.jsonl'));
}

function readJsonl<T>(dir: string, name: string): T[] {
  return readFileSync(join(dir, name), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as T);
}

/** Patterns of names that belong to Flink's, Calcite's or our parser's internals, not to the user. */
export const INTERNAL_NAME_PATTERNS: readonly RegExp[] = [
  /\b(?:org\.apache|java\.lang|java\.util|com\.google)\.[\w.$]+/,
  /\b\w+(?:Exception|Error)\b(?=:)/,
  /\bEXPR\$\d+/,
  /\$f\d+\b/,
  /<EOF>/,
  /\b(?:IDENTIFIER|QUOTED_IDENTIFIER|STRING_LITERAL|UNSIGNED_INTEGER|DECIMAL_NUMERIC|APPROX_NUMERIC|BINARY_STRING|ERROR_CHARACTER|DOUBLE_QUOTED|LPAREN|RPAREN|HINT_[A-Z_]+)\b/,
  /\b(?:mismatched input|extraneous input|no viable alternative|missing \S+ at)\b/,
  /\b(?:Stream|Batch)(?:Physical|Exec)\w+/,
  /\b(?:FlinkLogical|Logical)(?:Project|Aggregate|Join|TableScan|Calc|Sort|Window|Filter|Union)\b/,
  /\b(?:RelNode|RexNode|SqlNode|SqlIdentifier|SqlCall|RelDataType)\b/,
];

export function internalNamesIn(text: string): string[] {
  return INTERNAL_NAME_PATTERNS.map((p) => p.exec(text)?.[0]).filter((m): m is string => m !== undefined);
}

/** Names Flink's message quotes ('x', "x", `x`, [x]) that also appear in the statement. */
function quotedNames(error: string, statement: string): string[] {
  const names = new Set<string>();
  for (const match of error.matchAll(/'([^'\n]{1,80})'|"([^"\n]{1,80})"|`([^`\n]{1,80})`|\[([^\]\n]{1,80})\]/g)) {
    const raw = match[1] ?? match[2] ?? match[3] ?? match[4] ?? '';
    for (const part of raw.replace(/`/g, '').split('.')) {
      const name = part.trim();
      if (!/^[A-Za-z_][\w$]*$/.test(name) || name.length < 2) continue;
      if (new RegExp(`(?<![\\w$])${escapeRegExp(name)}(?![\\w$])`, 'i').test(statement)) names.add(name);
    }
  }
  return [...names];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isEndOfInput(record: InvalidRecord): boolean {
  return (record.error ?? '').includes('<EOF>');
}

/** The offending token (Flink's marked text) or the names its message quotes. */
function offendingOf(record: InvalidRecord, statement: string): string[] {
  const marked = record.error_span?.marked_text;
  if (marked !== undefined && record.error_span !== null) {
    // A word (name, keyword, number) can be named; a bracket or operator is better explained than quoted.
    if (isEndOfInput(record) || !/^[\w.]*\w[\w.]*$/.test(marked)) return [];
    return [marked];
  }
  if (record.error === null || record.error_is_regex === true) return [];
  // The list of expected tokens after "Was expecting" is not what the user wrote.
  return quotedNames(record.error.split(/Was expecting/)[0]!, statement);
}

/** The script that reproduces a record: its context statements (or a table of its input types), then the statement. */
export function scriptOf(record: InvalidRecord, contextSql: ReadonlyMap<string, string>): { prefix: string; statement: string } {
  if (Array.isArray(record.input_types)) {
    const columns = record.input_types.map((t, i) => `f${i} ${t}`).join(', ');
    return { prefix: `CREATE TABLE t (${columns}) WITH ('connector' = 'datagen');\n`, statement: `SELECT ${record.sql} FROM t` };
  }
  const context = (record.context_ids ?? []).map((id) => contextSql.get(id)).filter((s): s is string => s !== undefined);
  return { prefix: context.map((s) => s + ';\n').join(''), statement: record.sql };
}

export function judge(record: InvalidRecord, contextSql: ReadonlyMap<string, string>): Verdict {
  const { prefix, statement } = scriptOf(record, contextSql);
  const result = validateScript(prefix + statement);
  const from = prefix.length;
  const to = prefix.length + statement.length;
  const mine = result.diagnostics.filter((d) => d.severity === 'error' && d.span.start >= from && d.span.start <= to);
  // Flink stops at the first syntax error before it validates anything, so a syntax error is the one to compare.
  const primary = mine.find((d) => d.category === 'syntax') ?? mine[0] ?? null;
  const offending = offendingOf(record, statement);
  if (primary === null) {
    return { record, statement, primary, start: null, end: null, spanInside: false, positionMatch: record.error_span ? false : null, internalNames: [], offending, namesOffending: offending.length > 0 ? false : null };
  }
  const start = primary.span.start - from;
  const end = primary.span.end - from;
  const flink = record.error_span ?? null;
  // At the end of input Flink points at the last character; the end of the text is the same place.
  const positionMatch = flink === null ? null : start === flink.start || (isEndOfInput(record) && start === flink.end);
  const text = `${primary.message}\n${primary.hint ?? ''}`;
  const lower = text.toLowerCase();
  return {
    record,
    statement,
    primary,
    start,
    end,
    spanInside: start >= 0 && end <= statement.length && start <= end,
    positionMatch,
    internalNames: internalNamesIn(text),
    offending,
    namesOffending: offending.length === 0 ? null : offending.some((o) => lower.includes(o.toLowerCase())),
  };
}

export interface CorpusReport {
  readonly verdicts: readonly Verdict[];
  readonly reported: number;
  readonly spanInside: number;
  readonly positioned: number;
  readonly positionMatches: number;
  readonly withInternalNames: number;
  readonly nameable: number;
  readonly named: number;
}

export function judgeCorpus(dir = corpusDir()): CorpusReport {
  const scripts = readJsonl<QScript>(dir, 'qscripts.jsonl');
  const contextSql = new Map<string, string>();
  for (const script of scripts) for (const s of script.statements) contextSql.set(s.id, s.sql);
  const verdicts = readJsonl<InvalidRecord>(dir, 'invalid.jsonl').map((r) => judge(r, contextSql));
  const count = (p: (v: Verdict) => boolean): number => verdicts.filter(p).length;
  return {
    verdicts,
    reported: count((v) => v.primary !== null),
    spanInside: count((v) => v.spanInside),
    positioned: count((v) => v.positionMatch !== null),
    positionMatches: count((v) => v.positionMatch === true),
    withInternalNames: count((v) => v.internalNames.length > 0),
    nameable: count((v) => v.namesOffending !== null),
    named: count((v) => v.namesOffending === true),
  };
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((part / whole) * 100).toFixed(1)}%`;
}
