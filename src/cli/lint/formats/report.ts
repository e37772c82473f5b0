import type { FileResult } from '../../../diagnostics/render-json.js';
import type { Diagnostic } from '../../../diagnostics/diagnostic.js';

/** The checked result of one unit: a .sql file, or one query of a JSONL export. */
export interface LintResult extends FileResult {
  /** Set for a query of a JSONL export: its id and the line of its record. */
  readonly query?: { readonly id: string; readonly line: number };
}

export interface LintCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  /** Distinct files (a JSONL export counts once). */
  readonly files: number;
  /** Units checked: files plus export records. */
  readonly queries: number;
}

export interface LintReport {
  readonly results: readonly LintResult[];
  readonly counts: LintCounts;
  readonly toolVersion: string;
  /** `--max-warnings`, when set. */
  readonly maxWarnings: number | null;
}

export function countResults(results: readonly LintResult[]): LintCounts {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const r of results) {
    for (const d of r.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
      else infos++;
    }
  }
  return { errors, warnings, infos, files: new Set(results.map((r) => r.file)).size, queries: results.length };
}

/** The name a unit is shown under: the file, or `file#id` for a query of an export. */
export function unitName(result: LintResult): string {
  return result.query === undefined ? result.file : `${result.file}#${result.query.id}`;
}

/** 1-based line and UTF-16 columns of a diagnostic's span, end exclusive. */
export function region(result: LintResult, d: Diagnostic) {
  return result.source.resolve(d.span);
}
