import { toJsonFile, type JsonFile } from '../../../diagnostics/render-json.js';
import type { LintReport } from './report.js';

/**
 * `flinkcheck lint --format json`, documented in docs/json-format.md. Stable within `version`:
 * fields may be added, never removed or renamed.
 */
export const LINT_JSON_VERSION = 1;

export interface LintJsonResult extends JsonFile {
  /** Present for a query of a JSONL export. */
  readonly query?: { readonly id: string; readonly line: number };
}

export interface LintJsonReport {
  readonly version: typeof LINT_JSON_VERSION;
  readonly tool: { readonly name: 'flinkcheck'; readonly version: string };
  readonly results: readonly LintJsonResult[];
  readonly summary: {
    readonly errors: number;
    readonly warnings: number;
    readonly infos: number;
    readonly files: number;
    readonly queries: number;
    readonly maxWarnings: number | null;
  };
}

export function toLintJson(report: LintReport): LintJsonReport {
  return {
    version: LINT_JSON_VERSION,
    tool: { name: 'flinkcheck', version: report.toolVersion },
    results: report.results.map((r) => {
      const { file, statements, diagnostics } = toJsonFile(r);
      const query = r.query !== undefined ? { query: { id: r.query.id, line: r.query.line } } : {};
      return { file, ...query, statements, diagnostics };
    }),
    summary: { ...report.counts, maxWarnings: report.maxWarnings },
  };
}

export function formatJson(report: LintReport): string {
  return JSON.stringify(toLintJson(report), null, 2) + '\n';
}
