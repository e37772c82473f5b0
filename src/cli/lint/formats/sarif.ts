import { explanationOf } from '../../../diagnostics/explanations/index.js';
import { createHash } from 'node:crypto';
import { ALL_CODES, Codes, type CodeInfo } from '../../../diagnostics/codes.js';
import type { Category, Diagnostic, Severity } from '../../../diagnostics/diagnostic.js';
import type { LintReport, LintResult } from './report.js';

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. One run; the driver lists a
 * rule for every code that has a result (with the short, full and help texts GitHub requires);
 * regions are 1-based with UTF-16 columns (`columnKind: utf16CodeUnits`), end column exclusive.
 * A query of a JSONL export is located at its record's line, with its id as a logical location
 * and its own line/column in the message. URIs are relative to the working directory
 * (`%SRCROOT%`), so run the linter from the repository root.
 */

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** What each category means, for the rules' full descriptions. */
const CATEGORY_TEXT: Record<Category, string> = {
  syntax: 'Found while reading the script as Flink SQL: its encoding, tokens and statement structure. Errors are statements Flink would reject before planning.',
  semantic: "The statement parses, but Flink's validator or planner would reject it, or it would break its sink.",
  rule: 'A guardrail: the statement is valid Flink SQL but risky to run in production.',
  internal: 'flinkcheck could not check the input as given (configuration, input files, or an internal failure).',
};

const CATEGORY_HELP: Record<Category, string> = {
  syntax: 'Fix the text at the marked position; the result message says what Flink expected there, and its help line how to fix it.',
  semantic: 'The result message names the objects and types involved; its help line says what to change.',
  rule: 'Change the query as the help line suggests, or configure the rule in flinkcheck.yaml (`rules: {CODE: off|warn|error}`).',
  internal: 'Check the file named in the message; run `flinkcheck lint --help` for the expected inputs.',
};

const CODE_KEYS = new Map<string, string>(Object.entries(Codes).map(([key, info]) => [info.code, key]));
const CODE_INFO = new Map<string, CodeInfo>(ALL_CODES.map((info) => [info.code, info]));

export interface SarifLog {
  readonly $schema: string;
  readonly version: '2.1.0';
  readonly runs: readonly unknown[];
}

export function toSarif(report: LintReport): SarifLog {
  const used = [...new Set(report.results.flatMap((r) => r.diagnostics.map((d) => d.code)))].sort();
  const rules = used.map(ruleDescriptor);
  const ruleIndex = new Map(used.map((code, i) => [code, i]));
  const occurrences = new Map<string, number>();
  const results = report.results.flatMap((r) =>
    r.diagnostics.map((d) => toResult(r, d, ruleIndex.get(d.code)!, occurrences)),
  );
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'flinkcheck',
            version: report.toolVersion,
            semanticVersion: report.toolVersion,
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

export function formatSarif(report: LintReport): string {
  return JSON.stringify(toSarif(report), null, 2) + '\n';
}

function ruleDescriptor(code: string) {
  const info = CODE_INFO.get(code) ?? { code, title: code, category: 'internal' as const, severity: 'error' as const };
  // Codes may carry their own texts; otherwise they are composed from the title and category.
  // The diagnostics catalog explains each code (docs/diagnostics/); the category texts are the fallback.
  const explained = explanationOf(code);
  const key = CODE_KEYS.get(code);
  const full = explained?.explanation ?? `${info.title}. ${CATEGORY_TEXT[info.category]}`;
  const help = explained?.fix ?? CATEGORY_HELP[info.category];
  return {
    id: code,
    ...(key !== undefined ? { name: key.charAt(0).toUpperCase() + key.slice(1) } : {}),
    shortDescription: { text: info.title },
    fullDescription: { text: full },
    help: {
      text: help,
      markdown: `**${code}: ${info.title}**\n\n${full}\n\n${help}${explained === undefined ? '' : `\n\nExample:\n\n\`\`\`sql\n${explained.example}\n\`\`\`\n\nFixed:\n\n\`\`\`sql\n${explained.fixed}\n\`\`\``}`,
    },
    defaultConfiguration: { level: LEVEL[info.severity] },
    properties: { category: info.category, tags: ['flink-sql', info.category] },
  };
}

/** Fingerprint bases per unit, code and line: many results on one long line hash it once, not once each. */
const FINGERPRINTS = new WeakMap<LintResult, Map<string, string>>();

function lineFingerprint(r: LintResult, code: string, line: number): string {
  let cache = FINGERPRINTS.get(r);
  if (cache === undefined) FINGERPRINTS.set(r, (cache = new Map()));
  const key = `${code}\0${line}`;
  let base = cache.get(key);
  if (base === undefined) {
    const lineText = r.source.lineText(line).trim();
    base = createHash('sha256').update([code, r.file, r.query?.id ?? '', lineText].join('\0')).digest('hex').slice(0, 32);
    cache.set(key, base);
  }
  return base;
}

function toResult(r: LintResult, d: Diagnostic, ruleIndex: number, occurrences: Map<string, number>) {
  const { start, end } = r.source.resolve(d.span);
  let text = d.message;
  if (d.hint !== undefined) text += `\nhelp: ${d.hint}`;
  const physical =
    r.query === undefined
      ? {
          artifactLocation: { uri: r.file, uriBaseId: '%SRCROOT%' },
          region: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column },
        }
      : { artifactLocation: { uri: r.file, uriBaseId: '%SRCROOT%' }, region: { startLine: r.query.line } };
  if (r.query !== undefined) text = `query \`${r.query.id}\` at ${start.line}:${start.column}: ${text}`;

  // Stable across runs and unrelated edits: the code, the file, the query and the marked line's text.
  const base = lineFingerprint(r, d.code, start.line);
  const n = (occurrences.get(base) ?? 0) + 1;
  occurrences.set(base, n);

  return {
    ruleId: d.code,
    ruleIndex,
    level: LEVEL[d.severity],
    message: { text },
    locations: [
      {
        physicalLocation: physical,
        ...(r.query !== undefined ? { logicalLocations: [{ name: r.query.id, kind: 'object' }] } : {}),
      },
    ],
    partialFingerprints: { 'flinkcheck/v1': `${base}:${n}` },
  };
}
