import { analyzeScript } from './analysis/analyze.js';
import type { CatalogEntries } from './analysis/catalog/model.js';
import type { StatementAnalysis } from './analysis/schema.js';
import { Codes } from './diagnostics/codes.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import { diagnostic } from './diagnostics/make.js';
import type { ParseOptions, ParsedStatement } from './parse/api.js';
import { parseScript } from './parse/index.js';
import { type AnyRule, BUILTIN_RULES, runRules, type RuleSettings } from './rules/index.js';
import type { SourceText } from './source/source-text.js';

/**
 * Diagnostics one script reports at most (errors first, then by position). A generated script can
 * produce tens of thousands, which no reader wants and which every renderer would pay for.
 */
export const MAX_DIAGNOSTICS = 1_000;

/**
 * The whole pipeline for one script: parse, analyse, (guardrail rules), as one pure function. Every
 * interface (CLI, gRPC, library users) calls this.
 */
export interface ValidateOptions extends ParseOptions {
  /** At most this many diagnostics, then one FSQL1006 that says how many were left out. */
  readonly maxDiagnostics?: number;
  /** Catalog documents and Avro schemas, applied in order before the script's own DDL. */
  readonly catalogs?: readonly CatalogEntries[];
  /** Guardrail rules: a profile and per-rule overrides (default: the `recommended` profile); false runs no rules. */
  readonly rules?: RuleSettings | false;
  /** Rules loaded from a project's custom-rules directory, run with the built-in ones. */
  readonly customRules?: readonly AnyRule[];
}

export interface StatementResult extends ParsedStatement {
  /** Semantic result: output schema, changelog mode, keys; null when the statement did not parse. */
  readonly analysis: StatementAnalysis | null;
}

export interface ValidationResult {
  readonly source: SourceText;
  readonly statements: readonly StatementResult[];
  /** All diagnostics of the script, ordered by position. */
  readonly diagnostics: readonly Diagnostic[];
}

export function validateScript(text: string, options: ValidateOptions = {}): ValidationResult {
  const parsed = parseScript(text, options);
  const analysis = analyzeScript(parsed, { catalogs: options.catalogs ?? [] });
  const byIndex = new Map(analysis.statements.map((a) => [a.index, a]));
  const statements = parsed.statements.map((s) => ({ ...s, analysis: byIndex.get(s.index) ?? null }));
  const ruleDiagnostics = options.rules === false ? []
    : runRules({ source: parsed.source, statements, catalogs: options.catalogs ?? [], analysisDiagnostics: analysis.diagnostics }, ruleSet(options.customRules), options.rules ?? {});
  const all = [...parsed.diagnostics, ...analysis.diagnostics, ...ruleDiagnostics].sort((a, b) => a.span.start - b.span.start);
  return { source: parsed.source, statements, diagnostics: capDiagnostics(all, options.maxDiagnostics ?? MAX_DIAGNOSTICS) };
}

const SEVERITY_RANK: Readonly<Record<Diagnostic['severity'], number>> = { error: 0, warning: 1, info: 2 };

/** Keeps `max` diagnostics (the most severe, earliest first), in position order, plus an FSQL1006 note. */
function capDiagnostics(sorted: Diagnostic[], max: number): Diagnostic[] {
  if (sorted.length <= max) return sorted;
  const kept = sorted
    .map((d, position) => ({ d, position }))
    .sort((a, b) => SEVERITY_RANK[a.d.severity] - SEVERITY_RANK[b.d.severity] || a.position - b.position)
    .slice(0, max)
    .sort((a, b) => a.position - b.position)
    .map((x) => x.d);
  const keptSet = new Set(kept);
  const firstLeftOut = sorted.find((d) => !keptSet.has(d))!;
  const info = Codes.tooManyDiagnostics;
  const left = sorted.length - max;
  kept.push(diagnostic(info, {
    span: { start: firstLeftOut.span.start, end: firstLeftOut.span.start },
    message: `${left.toLocaleString('en-US')} more diagnostic${left === 1 ? ' is' : 's are'} not shown: flinkcheck reports at most ${max.toLocaleString('en-US')} per script (errors first)`,
    hint: 'fix the ones shown and check again, or split the script',
  }));
  return kept;
}

const ruleSets = new WeakMap<readonly AnyRule[], readonly AnyRule[]>();

/** The built-in rules plus custom ones, as one stable array (the engine caches settings per rule set). */
function ruleSet(custom: readonly AnyRule[] | undefined): readonly AnyRule[] {
  if (custom === undefined || custom.length === 0) return BUILTIN_RULES;
  let set = ruleSets.get(custom);
  if (set === undefined) ruleSets.set(custom, (set = [...BUILTIN_RULES, ...custom]));
  return set;
}
