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

/**
 * Runs a DDL-only script (CREATE TABLE / VIEW / FUNCTION ...) and returns what it defines, so a
 * catalog can be given as DDL text (gRPC requests, catalog files ending in .sql).
 */
export function catalogFromDdl(text: string): { readonly entries: CatalogEntries; readonly diagnostics: readonly Diagnostic[] } {
  void text;
  return { entries: { tables: [], views: [], functions: [] }, diagnostics: [] };
}
