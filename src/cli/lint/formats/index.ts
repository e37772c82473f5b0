import type { LintFormat } from '../config.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import type { LintReport } from './report.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export { countResults, unitName, type LintCounts, type LintReport, type LintResult } from './report.js';
export { stepSummary } from './github.js';

/** Renders a report in one of the lint formats. */
export function formatReport(report: LintReport, format: LintFormat, color: boolean): string {
  switch (format) {
    case 'text':
      return formatText(report, color);
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report);
    case 'github':
      return formatGithub(report);
    case 'junit':
      return formatJunit(report);
  }
}
