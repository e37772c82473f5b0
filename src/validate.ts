import { analyzeScript } from './analysis/analyze.js';
import type { CatalogEntries } from './analysis/catalog/model.js';
import type { StatementAnalysis } from './analysis/schema.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';
import type { ParseOptions, ParsedStatement } from './parse/api.js';
import { parseScript } from './parse/index.js';
import { type AnyRule, BUILTIN_RULES, runRules, type RuleSettings } from './rules/index.js';
import type { SourceText } from './source/source-text.js';

/**
 * The whole pipeline for one script: parse, analyse, (guardrail rules), as one pure function. Every
 * interface (CLI, gRPC, library users) calls this.
 */
export interface ValidateOptions extends ParseOptions {
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
  const diagnostics = [...parsed.diagnostics, ...analysis.diagnostics, ...ruleDiagnostics].sort((a, b) => a.span.start - b.span.start);
  return { source: parsed.source, statements, diagnostics };
}

const ruleSets = new WeakMap<readonly AnyRule[], readonly AnyRule[]>();

/** The built-in rules plus custom ones, as one stable array (the engine caches settings per rule set). */
function ruleSet(custom: readonly AnyRule[] | undefined): readonly AnyRule[] {
  if (custom === undefined || custom.length === 0) return BUILTIN_RULES;
  let set = ruleSets.get(custom);
  if (set === undefined) ruleSets.set(custom, (set = [...BUILTIN_RULES, ...custom]));
  return set;
}
