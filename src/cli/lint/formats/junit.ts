import type { LintReport } from './report.js';
import { unitName } from './report.js';

/**
 * JUnit XML for CI dashboards: one <testsuite> per file (per query for JSONL exports), one
 * <testcase> per finding (errors and warnings as <failure type="error|warning">, infos pass with
 * the message in <system-out>), and a single passing test case for a clean file.
 */
export function formatJunit(report: LintReport): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const r of report.results) {
    const name = unitName(r);
    const cases: string[] = [];
    let suiteFailures = 0;
    for (const d of r.diagnostics) {
      const { start } = r.source.resolve(d.span);
      const where = `${name}:${start.line}:${start.column}`;
      const caseName = `${d.code} at ${start.line}:${start.column}`;
      const details = [`${d.severity}[${d.code}]: ${d.message}`, `at ${where}`, ...(d.hint !== undefined ? [`help: ${d.hint}`] : [])].join('\n');
      if (d.severity === 'info') {
        cases.push(`    <testcase classname="${attr(name)}" name="${attr(caseName)}">\n      <system-out>${text(details)}</system-out>\n    </testcase>`);
      } else {
        suiteFailures++;
        cases.push(
          `    <testcase classname="${attr(name)}" name="${attr(caseName)}">\n      <failure type="${d.severity}" message="${attr(d.message)}">${text(details)}</failure>\n    </testcase>`,
        );
      }
    }
    if (cases.length === 0) cases.push(`    <testcase classname="${attr(name)}" name="flinkcheck"/>`);
    tests += cases.length;
    failures += suiteFailures;
    suites.push(`  <testsuite name="${attr(name)}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="flinkcheck" tests="${tests}" failures="${failures}" errors="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

/** XML 1.0 cannot hold most control characters even escaped: they become U+FFFD. */
function clean(s: string): string {
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

function text(s: string): string {
  return clean(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
