import { renderText, summaryLine } from '../../../diagnostics/render-text.js';
import { unitName, type LintReport } from './report.js';

/**
 * Human output: for each unit with findings, a header naming the file (and the query of an
 * export), then the diagnostics with code frames; then the summary line.
 */
export function formatText(report: LintReport, color: boolean): string {
  const bold = (s: string) => (color ? `\u001b[1;4m${s}\u001b[0m` : s);
  const blocks: string[] = [];
  for (const r of report.results) {
    if (r.diagnostics.length === 0) continue;
    const header = r.query === undefined ? r.file : `${r.file} (query \`${r.query.id}\`, line ${r.query.line})`;
    blocks.push(`${bold(header)}\n\n${renderText(r.diagnostics, r.source, { fileName: unitName(r), color })}`);
  }
  const { counts } = report;
  let summary = summaryLine(counts);
  if (counts.queries !== counts.files) summary += ` (${counts.queries} queries)`;
  const lines = [summary];
  if (report.maxWarnings !== null && counts.warnings > report.maxWarnings) {
    lines.push(`too many warnings: ${counts.warnings}, more than --max-warnings ${report.maxWarnings}`);
  }
  return (blocks.length === 0 ? '' : blocks.join('\n') + '\n') + lines.join('\n') + '\n';
}
