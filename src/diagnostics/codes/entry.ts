import type { Category, Severity } from '../diagnostic.js';

export interface CodeInfo {
  readonly code: string;
  readonly severity: Severity;
  readonly category: Category;
  /** Short title used by SARIF/docs. */
  readonly title: string;
}

export function entry(code: string, category: Category, title: string, severity: Severity = 'error'): CodeInfo {
  return { code, category, title, severity };
}
