import { parseCatalogDocument } from '../../src/analysis/catalog/documents/document.js';
import type { CatalogLoadError } from '../../src/analysis/catalog/documents/located.js';
import { formatCatalogError } from '../../src/cli/commands/check.js';
import { ConfigError, parseConfig } from '../../src/cli/lint/config.js';
import { splitExport } from '../../src/cli/lint/inputs.js';
import { ALL_CODES, Codes, type CodeInfo } from '../../src/diagnostics/codes.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { EXPLANATIONS, type Explanation } from '../../src/diagnostics/explanations/index.js';
import { mergeInputDiagnostics } from '../../src/diagnostics/merge.js';
import { renderText } from '../../src/diagnostics/render-text.js';
import { checkText, decodeSource } from '../../src/source/decode.js';
import { SourceText } from '../../src/source/source-text.js';
import { validateScript } from '../../src/validate.js';

/** Where the pages go, relative to the repository root. */
export const DIAGNOSTICS_DOCS_DIR = 'docs/diagnostics';

const RANGES: readonly { readonly from: number; readonly to: number; readonly title: string }[] = [
  { from: 0, to: 999, title: 'Internal' },
  { from: 1000, to: 1009, title: 'Input' },
  { from: 1010, to: 1999, title: 'Syntax' },
  { from: 2000, to: 2999, title: 'Names and catalog objects' },
  { from: 3000, to: 3999, title: 'Types, expressions and functions' },
  { from: 4000, to: 4999, title: 'Changelog and streaming' },
  { from: 5000, to: 5999, title: 'Connector options' },
  { from: 6000, to: 6999, title: 'Table definitions' },
  { from: 7000, to: 7999, title: 'Catalog documents' },
  { from: 8000, to: 8999, title: 'Lint configuration' },
  { from: 9000, to: 9999, title: 'Guardrail rules' },
];

/**
 * Checks a script the way the CLI checks a file: input checks (encoding, NUL, surrogates), then
 * validateScript. `latin1` saves the text as Latin-1 bytes first, for the encoding examples.
 */
export function checkExample(text: string, encoding: 'utf-16' | 'latin1' = 'utf-16', limits: Explanation['limits'] = {}): { diagnostics: Diagnostic[]; source: SourceText } {
  const decoded = encoding === 'latin1' ? decodeSource(Uint8Array.from(Buffer.from(text, 'latin1'))) : { text, diagnostics: checkText(text) };
  const result = validateScript(decoded.text, limits);
  return { diagnostics: mergeInputDiagnostics(decoded.diagnostics, result.diagnostics), source: result.source };
}

/**
 * Loads a catalog-document example as `flinkcheck check --catalog catalog.<format>` does (Avro schema
 * files cannot be named: the document is not read from disk) and returns its problems.
 */
export function checkCatalogExample(text: string, format: 'json' | 'yaml'): CatalogLoadError[] {
  return parseCatalogDocument(text, `catalog.${format}`, format).errors;
}

/**
 * Checks a guardrail rule's example: validateScript with the `strict` profile and the rule enabled
 * at its default severity (the profile may leave it off), with the given options.
 */
export function checkRuleExample(text: string, code: string, options?: Readonly<Record<string, unknown>>): { diagnostics: readonly Diagnostic[]; source: SourceText } {
  const info = ALL_CODES.find((c) => c.code === code);
  if (info === undefined) throw new Error(`unknown code ${code}`);
  const level = info.severity === 'warning' ? 'warn' : info.severity;
  const result = validateScript(text, { rules: { profile: 'strict', rules: { [code]: { level, ...(options !== undefined ? { options } : {}) } } } });
  return { diagnostics: result.diagnostics, source: result.source };
}

/** Reads a `flinkcheck lint` configuration file's text as the lint command does; its problems. */
export function checkLintConfigExample(text: string): { diagnostics: readonly Diagnostic[]; source: SourceText } {
  try {
    parseConfig(text, '/project/flinkcheck.yaml');
    return { diagnostics: [], source: new SourceText(text) };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { diagnostics: error.diagnostics, source: error.source };
  }
}

/**
 * Splits a JSONL export as `flinkcheck lint --jsonl` does and returns the problems of its records
 * (FSQL8010, FSQL8011), their spans moved from the record's line to the whole export.
 */
export function checkJsonlExample(text: string): { diagnostics: readonly Diagnostic[]; source: SourceText } {
  const source = new SourceText(text);
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
  const diagnostics = splitExport(Uint8Array.from(Buffer.from(text, 'utf8')), 'export.jsonl').flatMap((unit) => {
    const offset = lineStarts[(unit.query?.line ?? 1) - 1] ?? 0;
    return unit.inputDiagnostics
      .filter((d) => d.code === Codes.exportRecordInvalid.code || d.code === Codes.exportDuplicateId.code)
      .map((d) => ({ ...d, span: { start: d.span.start + offset, end: d.span.end + offset } }));
  });
  return { diagnostics, source };
}

/** The codes an example (or fixed text) produces, checked the way its entry says. */
export function exampleCodes(code: string, e: Explanation, text: string): string[] {
  switch (e.verifiedBy) {
    case 'rule':
      return checkRuleExample(text, code, e.ruleOptions).diagnostics.map((d) => d.code);
    case 'lint-config':
      return checkLintConfigExample(text).diagnostics.map((d) => d.code);
    case 'jsonl-export':
      return checkJsonlExample(text).diagnostics.map((d) => d.code);
    case 'catalog-document':
      return checkCatalogExample(text, e.documentFormat ?? 'yaml').flatMap((x) => (x.code === undefined ? [] : [x.code]));
    default:
      return checkExample(text, e.verifiedBy === 'latin1' ? 'latin1' : 'utf-16', e.limits).diagnostics.map((d) => d.code);
  }
}

/** The generated pages: path (relative to the repository root) to content. */
export function diagnosticsDocs(): Map<string, string> {
  const pages = new Map<string, string>();
  const codes = [...ALL_CODES].sort((a, b) => a.code.localeCompare(b.code));
  for (const info of codes) {
    const explanation = EXPLANATIONS.get(info.code);
    if (explanation !== undefined) pages.set(`${DIAGNOSTICS_DOCS_DIR}/${info.code}.md`, codePage(info, explanation));
  }
  pages.set(`${DIAGNOSTICS_DOCS_DIR}/README.md`, indexPage(codes));
  return pages;
}

function indexPage(codes: readonly CodeInfo[]): string {
  const lines = [
    '# flinkcheck diagnostics',
    '',
    '<!-- Generated by `npm run docs` from src/diagnostics/codes and src/diagnostics/explanations. Do not edit. -->',
    '',
    'Every diagnostic has a stable code. `flinkcheck explain CODE` prints the page of a code in the terminal.',
  ];
  for (const range of RANGES) {
    const inRange = codes.filter((c) => {
      const n = Number(c.code.slice(4));
      return n >= range.from && n <= range.to;
    });
    if (inRange.length === 0) continue;
    lines.push('', `## ${range.title}`, '', '| Code | Severity | Title |', '| --- | --- | --- |');
    for (const c of inRange) {
      const title = EXPLANATIONS.has(c.code) ? `[${c.title}](${c.code}.md)` : `${c.title} (not documented yet)`;
      lines.push(`| ${c.code} | ${c.severity} | ${title} |`);
    }
  }
  return lines.join('\n') + '\n';
}

function codePage(info: CodeInfo, e: Explanation): string {
  const lines = [
    `# ${info.code}: ${info.title}`,
    '',
    '<!-- Generated by `npm run docs` from src/diagnostics/explanations. Do not edit. -->',
    '',
    `Severity: ${info.severity} · category: ${info.category}`,
    '',
    e.explanation,
    '',
    '## Example',
    '',
  ];
  if (e.verifiedBy === 'none') {
    lines.push(`No script triggers this code: ${e.reason ?? 'it is not produced from SQL text'}.`);
  } else {
    if (e.verifiedBy === 'latin1') lines.push('This script, saved as Latin-1 (ISO-8859-1) instead of UTF-8:', '');
    if (e.verifiedBy === 'catalog-document') lines.push(`This catalog document, passed as \`--catalog catalog.${e.documentFormat ?? 'yaml'}\`:`, '');
    if (e.verifiedBy === 'rule') lines.push(ruleIntro(info, e), '');
    if (e.verifiedBy === 'lint-config') lines.push('This flinkcheck.yaml, read by `flinkcheck lint`:', '');
    if (e.verifiedBy === 'jsonl-export') lines.push('This query export, passed as `flinkcheck lint --jsonl export.jsonl`:', '');
    lines.push(...fence(languageOf(e), e.example));
    const output = e.verifiedBy === 'pending' ? '' : renderExampleOutput(info.code, e);
    if (output !== '') lines.push('', 'flinkcheck reports:', '', ...fence('text', output));
  }
  if (e.flink !== undefined) lines.push('', 'Flink reports:', '', ...fence('text', e.flink));
  lines.push('', '## Fix', '', e.fix, '', ...fence(languageOf(e), e.fixed));
  return lines.join('\n') + '\n';
}

function languageOf(e: Explanation): string {
  if (e.verifiedBy === 'lint-config') return 'yaml';
  if (e.verifiedBy === 'jsonl-export') return 'json';
  return e.documentFormat ?? 'sql';
}

/** How a rule's example is run: the rule is enabled (some profiles leave it off), maybe with options. */
function ruleIntro(info: CodeInfo, e: Explanation): string {
  const level = info.severity === 'warning' ? 'warn' : info.severity;
  const options = e.ruleOptions === undefined ? '' : ` and the options ${Object.entries(e.ruleOptions).map(([k, v]) => `\`${k}: ${JSON.stringify(v)}\``).join(', ')}`;
  return `With the rule enabled (\`--rule ${info.code}=${level}\`)${options}, in this script:`;
}

/** The example's diagnostics with this code, rendered as the CLI prints them (no colours). */
function renderExampleOutput(code: string, e: Explanation): string {
  if (e.verifiedBy === 'catalog-document') {
    return checkCatalogExample(e.example, e.documentFormat ?? 'yaml').filter((x) => x.code === code).map(formatCatalogError).join('\n');
  }
  const { diagnostics, source } = e.verifiedBy === 'rule' ? checkRuleExample(e.example, code, e.ruleOptions)
    : e.verifiedBy === 'lint-config' ? checkLintConfigExample(e.example)
    : e.verifiedBy === 'jsonl-export' ? checkJsonlExample(e.example)
    : checkExample(e.example, e.verifiedBy === 'latin1' ? 'latin1' : 'utf-16', e.limits);
  const mine = diagnostics.filter((d) => d.code === code);
  const fileName = e.verifiedBy === 'lint-config' ? 'flinkcheck.yaml' : e.verifiedBy === 'jsonl-export' ? 'export.jsonl' : 'example.sql';
  return mine.length === 0 ? '' : renderText(mine, source, { fileName, color: false }).trimEnd();
}

/** A fenced block; characters a page cannot show (NUL, lone surrogates) appear as \u{...} escapes. */
function fence(language: string, text: string): string[] {
  const shown = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    (c) => `\\u{${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}}`);
  return ['```' + language, shown, '```'];
}
