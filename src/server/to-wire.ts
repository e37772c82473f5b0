import type { StatementAnalysis } from '../analysis/schema.js';
import { printChangelogMode } from '../analysis/schema.js';
import { printType, timeAttributeOf } from '../analysis/types/logical-type.js';
import type { Applicability, Category, Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import type { SourceText } from '../source/source-text.js';
import type { Span } from '../source/span.js';
import type { FlinkErrorExplanation } from '../explain-error.js';
import type { ValidationResult } from '../validate.js';
import type { WireDiagnostic, WireExplainErrorResponse, WireRange, WireStatement, WireValidateScriptResponse } from './wire.js';

const SEVERITY: Readonly<Record<Severity, string>> = {
  error: 'SEVERITY_ERROR',
  warning: 'SEVERITY_WARNING',
  info: 'SEVERITY_INFO',
};

const CATEGORY: Readonly<Record<Category, string>> = {
  syntax: 'CATEGORY_SYNTAX',
  semantic: 'CATEGORY_SEMANTIC',
  rule: 'CATEGORY_RULE',
  internal: 'CATEGORY_INTERNAL',
};

const APPLICABILITY: Readonly<Record<Applicability, string>> = {
  safe: 'FIX_APPLICABILITY_SAFE',
  unsafe: 'FIX_APPLICABILITY_UNSAFE',
};

/** The response message for one validated script; positions come from SourceText only. */
export function toWireResponse(result: ValidationResult): WireValidateScriptResponse {
  const { source } = result;
  let errors = 0;
  let warnings = 0;
  for (const d of result.diagnostics) {
    if (d.severity === 'error') errors++;
    else if (d.severity === 'warning') warnings++;
  }
  return {
    diagnostics: result.diagnostics.map((d) => toWireDiagnostic(d, source)),
    statements: result.statements.map((s) => toWireStatement(s.index, s.kind, s.span, s.analysis, source)),
    error_count: errors,
    warning_count: warnings,
  };
}

/** The ExplainError response; the diagnostic's positions are in the SQL the request sent. */
export function toWireExplanation(e: FlinkErrorExplanation): WireExplainErrorResponse {
  return {
    recognised: e.recognised,
    kind: e.kind ?? '',
    flink_message: e.flinkMessage,
    flink_line: e.flinkPosition?.line ?? 0,
    flink_column: e.flinkPosition?.column ?? 0,
    diagnostic: e.diagnostic === null ? null : toWireDiagnostic(e.diagnostic, e.source),
    from_validation: e.fromValidation,
    translated_message: e.translation?.message ?? '',
    translated_hint: e.translation?.hint ?? '',
  };
}

export function toWireDiagnostic(d: Diagnostic, source: SourceText): WireDiagnostic {
  return {
    code: d.code,
    severity: SEVERITY[d.severity],
    category: CATEGORY[d.category],
    message: d.message,
    hint: d.hint ?? '',
    range: toWireRange(d.span, source),
    related: (d.related ?? []).map((r) => ({ range: toWireRange(r.span, source), message: r.message })),
    fixes: (d.fixes ?? []).map((f) => ({
      title: f.title,
      edits: f.edits.map((e) => ({ range: toWireRange(e.span, source), text: e.text })),
      applicability: APPLICABILITY[f.applicability],
    })),
  };
}

function toWireStatement(index: number, kind: string, span: Span, analysis: StatementAnalysis | null, source: SourceText): WireStatement {
  return {
    index,
    kind,
    range: toWireRange(span, source),
    analyzed: analysis !== null,
    output_columns: (analysis?.schema ?? []).map((c) => {
      const attribute = timeAttributeOf(c.type);
      return {
        name: c.name,
        type: printType(c.type),
        nullable: c.type.nullable,
        time_attribute: attribute === null ? 'TIME_ATTRIBUTE_UNSPECIFIED' : `TIME_ATTRIBUTE_${attribute}`,
      };
    }),
    changelog_mode: analysis?.changelog == null
      ? null
      : { updates: analysis.changelog.updates, deletes: analysis.changelog.deletes, summary: printChangelogMode(analysis.changelog) },
    keys: (analysis?.keys ?? []).map((columns) => ({ columns: [...columns] })),
    target: analysis?.target ?? '',
  };
}

export function toWireRange(span: Span, source: SourceText): WireRange {
  const { start, end } = source.resolve(span);
  return { start, end };
}
