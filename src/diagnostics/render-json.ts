import { printChangelogMode, type StatementAnalysis } from '../analysis/schema.js';
import { printType, timeAttributeOf, withoutTimeAttribute } from '../analysis/types/logical-type.js';
import type { SourceText } from '../source/source-text.js';
import type { Span } from '../source/span.js';
import type { Applicability, Category, Diagnostic, Severity } from './diagnostic.js';

/**
 * Machine-readable output (`flinkcheck check --format json`). The shape is documented in README.md
 * ("JSON output") and is stable within a `version`: fields may be added, never removed or renamed.
 *
 * Positions: `line` and `column` are 1-based, `column` counts UTF-16 code units; `offset` is the
 * 0-based UTF-16 offset into the decoded text (BOM removed). `end` is exclusive. All positions
 * come from SourceText.resolve, the same conversion the text renderer uses.
 */
export const JSON_FORMAT_VERSION = 1;

export interface JsonPosition {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

export interface JsonSpan {
  readonly start: JsonPosition;
  readonly end: JsonPosition;
}

export interface JsonColumn {
  readonly name: string;
  /** The type as Flink prints it, without the time-attribute marker, e.g. `DECIMAL(10, 2) NOT NULL`. */
  readonly type: string;
  readonly nullable: boolean;
  readonly timeAttribute: 'ROWTIME' | 'PROCTIME' | null;
}

export interface JsonStatement {
  readonly index: number;
  readonly kind: string;
  readonly span: JsonSpan;
  /** The statement's output schema (query, INSERT, table or view columns); absent when it has none. */
  readonly schema?: readonly JsonColumn[];
  /** `[I]`, `[I,UB,UA]`, `[I,UB,UA,D]`: the changelog mode of the rows the statement produces. */
  readonly changelogMode?: string;
  /** Primary key (tables, sinks) or upsert keys (queries), as column names. */
  readonly keys?: readonly (readonly string[])[];
  /** The table written or defined, fully qualified. */
  readonly target?: string;
}

export interface JsonRelated {
  readonly message: string;
  readonly span: JsonSpan;
}

export interface JsonEdit {
  readonly span: JsonSpan;
  readonly text: string;
}

export interface JsonFix {
  readonly title: string;
  readonly applicability: Applicability;
  readonly edits: readonly JsonEdit[];
}

export interface JsonDiagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly category: Category;
  readonly message: string;
  /** Present only when the diagnostic has a hint. */
  readonly hint?: string;
  readonly span: JsonSpan;
  /** Present only when non-empty. */
  readonly related?: readonly JsonRelated[];
  /** Present only when non-empty. */
  readonly fixes?: readonly JsonFix[];
}

export interface JsonFile {
  readonly file: string;
  readonly statements: readonly JsonStatement[];
  readonly diagnostics: readonly JsonDiagnostic[];
}

export interface JsonSummary {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

export interface JsonReport {
  readonly version: typeof JSON_FORMAT_VERSION;
  readonly files: readonly JsonFile[];
  readonly summary: JsonSummary;
}

/** What the JSON renderer needs to know about a statement (a subset of the parser's ParsedStatement). */
export interface StatementOutline {
  readonly index: number;
  readonly kind: string;
  readonly span: Span;
  /** The semantic result, when the statement was analysed. */
  readonly analysis?: StatementAnalysis | null;
}

/** The checked result of one input. */
export interface FileResult {
  /** The name shown to the user, usually the path as given on the command line. */
  readonly file: string;
  readonly source: SourceText;
  readonly statements: readonly StatementOutline[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Converts one file's result into its JSON shape. */
export function toJsonFile(result: FileResult): JsonFile {
  const { source } = result;
  return {
    file: result.file,
    statements: result.statements.map((s) => ({ index: s.index, kind: s.kind, span: resolve(source, s.span), ...analysisFields(s.analysis ?? null) })),
    diagnostics: result.diagnostics.map((d) => toJsonDiagnostic(d, source)),
  };
}

/** Builds the top-level report, with the summary counted over all files. */
export function toJsonReport(files: readonly JsonFile[]): JsonReport {
  const summary = { errors: 0, warnings: 0, infos: 0 };
  for (const file of files) {
    for (const d of file.diagnostics) {
      if (d.severity === 'error') summary.errors++;
      else if (d.severity === 'warning') summary.warnings++;
      else summary.infos++;
    }
  }
  return { version: JSON_FORMAT_VERSION, files, summary };
}

/** The JSON report as text: two-space indented, with a final newline. */
export function renderJson(results: readonly FileResult[]): string {
  return JSON.stringify(toJsonReport(results.map(toJsonFile)), null, 2) + '\n';
}

export function toJsonDiagnostic(d: Diagnostic, source: SourceText): JsonDiagnostic {
  return {
    code: d.code,
    severity: d.severity,
    category: d.category,
    message: d.message,
    ...(d.hint !== undefined ? { hint: d.hint } : {}),
    span: resolve(source, d.span),
    ...(d.related !== undefined && d.related.length > 0
      ? { related: d.related.map((r) => ({ message: r.message, span: resolve(source, r.span) })) }
      : {}),
    ...(d.fixes !== undefined && d.fixes.length > 0
      ? {
          fixes: d.fixes.map((f) => ({
            title: f.title,
            applicability: f.applicability,
            edits: f.edits.map((e) => ({ span: resolve(source, e.span), text: e.text })),
          })),
        }
      : {}),
  };
}

function resolve(source: SourceText, span: Span): JsonSpan {
  const { start, end } = source.resolve(span);
  return {
    start: { line: start.line, column: start.column, offset: start.offset },
    end: { line: end.line, column: end.column, offset: end.offset },
  };
}

function analysisFields(analysis: StatementAnalysis | null): Partial<JsonStatement> {
  if (analysis === null) return {};
  const fields: { -readonly [K in keyof JsonStatement]?: JsonStatement[K] } = {};
  if (analysis.schema !== null) {
    fields.schema = analysis.schema.map((c) => ({
      name: c.name,
      type: printType(withoutTimeAttribute(c.type)),
      nullable: c.type.nullable,
      timeAttribute: timeAttributeOf(c.type),
    }));
  }
  if (analysis.changelog !== null) fields.changelogMode = printChangelogMode(analysis.changelog);
  if (analysis.keys.length > 0) fields.keys = analysis.keys;
  if (analysis.target !== null) fields.target = analysis.target;
  return fields;
}
