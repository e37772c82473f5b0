import { summaryLine } from '../../../diagnostics/render-text.js';
import type { Severity } from '../../../diagnostics/diagnostic.js';
import { ALL_CODES } from '../../../diagnostics/codes.js';
import { unitName, type LintReport } from './report.js';

/**
 * GitHub Actions workflow commands (`::error file=…,line=…::message`), one per finding, then a
 * summary line. GitHub shows only 10 annotations of each level per step, so when there are more
 * a notice says so (SARIF upload shows them all), and `stepSummary` gives a Markdown table for
 * $GITHUB_STEP_SUMMARY.
 */
const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };
const ANNOTATION_LIMIT = 10;
const TITLES = new Map(ALL_CODES.map((c) => [c.code, c.title]));

export function formatGithub(report: LintReport): string {
  const lines: string[] = [];
  const perLevel: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const r of report.results) {
    for (const d of r.diagnostics) {
      perLevel[d.severity]++;
      const { start, end } = r.source.resolve(d.span);
      const props: [string, string | number][] = [['file', r.file]];
      if (r.query === undefined) {
        props.push(['line', start.line]);
        props.push(['endLine', end.line]);
        // Columns only within one line, as GitHub ignores them otherwise.
        if (start.line === end.line) props.push(['col', start.column], ['endColumn', Math.max(end.column, start.column + 1)]);
      } else {
        props.push(['line', r.query.line]);
      }
      const title = `${d.code} ${TITLES.get(d.code) ?? ''}`.trim();
      props.push(['title', title]);
      let message = d.message;
      if (r.query !== undefined) message = `query \`${r.query.id}\` at ${start.line}:${start.column}: ${message}`;
      if (d.hint !== undefined) message += `\nhelp: ${d.hint}`;
      lines.push(`::${COMMAND[d.severity]} ${props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',')}::${escapeData(message)}`);
    }
  }
  const hidden = (Object.keys(perLevel) as Severity[]).filter((s) => perLevel[s] > ANNOTATION_LIMIT);
  if (hidden.length > 0) {
    lines.push(
      `::notice title=flinkcheck::${escapeData(
        `GitHub shows ${ANNOTATION_LIMIT} annotations per level in a step; ${hidden.map((s) => `${perLevel[s]} ${s}s`).join(', ')} were reported. Upload the SARIF output (--format sarif) to see all of them.`,
      )}`,
    );
  }
  let summary = summaryLine(report.counts);
  if (report.counts.queries !== report.counts.files) summary += ` (${report.counts.queries} queries)`;
  lines.push(`flinkcheck: ${summary}`);
  return lines.join('\n') + '\n';
}

/** Markdown for $GITHUB_STEP_SUMMARY: totals, then findings per code and per file. */
export function stepSummary(report: LintReport): string {
  const { counts } = report;
  const out = ['## flinkcheck', '', `${summaryLine(counts)}${counts.queries !== counts.files ? ` (${counts.queries} queries)` : ''}`, ''];
  const byCode = new Map<string, { severity: Severity; n: number }>();
  const byFile = new Map<string, number>();
  for (const r of report.results) {
    for (const d of r.diagnostics) {
      const entry = byCode.get(d.code) ?? { severity: d.severity, n: 0 };
      entry.n++;
      byCode.set(d.code, entry);
      byFile.set(unitName(r), (byFile.get(unitName(r)) ?? 0) + 1);
    }
  }
  if (byCode.size > 0) {
    out.push('| code | title | severity | findings |', '| --- | --- | --- | ---: |');
    for (const [code, { severity, n }] of [...byCode].sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1))) {
      out.push(`| ${code} | ${escapeMarkdown(TITLES.get(code) ?? '')} | ${severity} | ${n} |`);
    }
    out.push('', '| file | findings |', '| --- | ---: |');
    const files = [...byFile].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    for (const [file, n] of files.slice(0, 50)) out.push(`| \`${escapeMarkdown(file)}\` | ${n} |`);
    if (files.length > 50) out.push(`| … ${files.length - 50} more files | |`);
    out.push('');
  }
  return out.join('\n') + '\n';
}

/** As actions/toolkit's command.ts: data escapes %, CR, LF; properties also `:` and `,`. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function escapeMarkdown(text: string): string {
  return text.replace(/\|/g, '\\|');
}
