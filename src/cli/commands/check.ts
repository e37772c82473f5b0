import path from 'node:path';
import type { CatalogEntries } from '../../analysis/catalog/model.js';
import type { CatalogLoadError } from '../../analysis/catalog/documents/located.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { mergeInputDiagnostics } from '../../diagnostics/merge.js';
import { renderJson, type FileResult } from '../../diagnostics/render-json.js';
import { renderText, summaryLine } from '../../diagnostics/render-text.js';
import type { ValidateOptions, ValidationResult } from '../../validate.js';
import type { RuleSettings } from '../../rules/config.js';
import { decodeSource } from '../../source/decode.js';
import { parseCommandArgs, type OptionSpec } from '../args.js';
import { readInputs, type Input } from '../inputs.js';
import { ExitCode, UsageError, type CliIo } from '../io.js';

export const CHECK_HELP = `Usage: flinkcheck check [options] <path...>

Check Flink SQL scripts and report problems.

Arguments:
  <path...>                  .sql files, directories (searched recursively for *.sql
                             files; hidden directories and node_modules are skipped),
                             or - to read standard input

Options:
  -c, --catalog <file>       tables, views and functions the scripts may use without
                             declaring them: a catalog document (.yaml, .yml, .json),
                             an Avro schema (.avsc, one table named after the record)
                             or DDL (.sql); repeat for several files
  -f, --format <text|json>   output format (default: text)
      --profile <name>       guardrail profile: recommended (default), strict,
                             conservative, permissive
      --rule <RULE=level>    set a rule (by code or name) to off, info, warn or
                             error; may be repeated
      --no-color             do not colour the output (colours are also off when
                             stdout is not a terminal or NO_COLOR is set)
  -h, --help                 show this help

Exit status:
  0  no errors (warnings allowed)
  1  errors found
  2  usage error, unreadable input or catalog, or internal error
`;

const OPTIONS = {
  catalog: { type: 'string', short: 'c', multiple: true },
  format: { type: 'string', short: 'f' },
  profile: { type: 'string' },
  rule: { type: 'string', multiple: true },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Record<string, OptionSpec>;

const FORMATS = ['text', 'json'] as const;
type Format = (typeof FORMATS)[number];

type ValidateScript = (text: string, options?: ValidateOptions) => ValidationResult;

/** `flinkcheck check`: returns the exit status. Throws UsageError for mistakes in the call. */
export async function runCheck(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, 'check');
  if (values.help === true) {
    io.stdout.write(CHECK_HELP);
    return ExitCode.clean;
  }
  const format = values.format ?? 'text';
  if (!isFormat(format)) {
    throw new UsageError(`unknown format \`${String(format)}\`; use \`text\` or \`json\``, 'check');
  }
  if (positionals.length === 0) {
    throw new UsageError('no input given: name .sql files or directories, or `-` for standard input', 'check');
  }

  const catalogFiles = values.catalog === undefined ? [] : typeof values.catalog === 'string' ? [values.catalog] : values.catalog;
  if (!Array.isArray(catalogFiles)) throw new UsageError('option `--catalog` needs a file', 'check');
  const ruleSettings = await readRuleSettings(values.profile, values.rule);
  const catalogs = await loadCatalogs(catalogFiles as readonly string[], io);
  if (catalogs === null) return ExitCode.usage;

  const inputs = await readInputs(positionals, io, 'check');
  const validateScript = await loadValidator();
  const results = inputs.map((input) => checkInput(input, validateScript, { catalogs, rules: ruleSettings }));

  if (format === 'json') {
    io.stdout.write(renderJson(results));
  } else {
    const color = io.isTTY && values['no-color'] !== true && !noColorRequested(io.env);
    io.stdout.write(renderTextReport(results, color));
  }
  return results.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? ExitCode.findings : ExitCode.clean;
}

/**
 * Loads the --catalog files in order. Problems go to stderr as `file:line:column: severity: path:
 * message [code]`; any error makes the whole run stop with exit status 2 (null).
 */
async function loadCatalogs(files: readonly string[], io: CliIo): Promise<CatalogEntries[] | null> {
  if (files.length === 0) return [];
  const { loadCatalogFile } = await import('../../analysis/catalog/documents/load.js');
  const catalogs: CatalogEntries[] = [];
  let failed = false;
  for (const file of files) {
    const { entries, errors } = await loadCatalogFile(path.resolve(io.cwd, file));
    for (const e of errors) {
      io.stderr.write(formatCatalogError({ ...e, file }) + '\n');
      if (e.severity !== 'warning') failed = true;
    }
    catalogs.push(entries);
  }
  if (failed) {
    io.stderr.write(`flinkcheck check: the catalog has errors; fix them and run again\n`);
    return null;
  }
  return catalogs;
}

export function formatCatalogError(e: CatalogLoadError): string {
  const where = e.line === undefined ? e.file : `${e.file}:${e.line}:${e.column ?? 1}`;
  const at = e.path === '' ? '' : `${e.path}: `;
  return `${where}: ${e.severity ?? 'error'}: ${at}${e.message}${e.code === undefined ? '' : ` [${e.code}]`}`;
}

/** Decodes, validates, and puts the input diagnostics before the pipeline's. */
function checkInput(input: Input, validateScript: ValidateScript, options: ValidateOptions): FileResult {
  const decoded = decodeSource(input.bytes);
  const parsed = validateScript(decoded.text, options);
  const diagnostics: Diagnostic[] = mergeInputDiagnostics(decoded.diagnostics, parsed.diagnostics);
  return { file: input.name, source: parsed.source, statements: parsed.statements, diagnostics };
}

function renderTextReport(results: readonly FileResult[], color: boolean): string {
  const blocks = results
    .filter((r) => r.diagnostics.length > 0)
    .map((r) => renderText(r.diagnostics, r.source, { fileName: r.file, color }));
  const counts = { errors: 0, warnings: 0, infos: 0, files: results.length };
  for (const r of results) {
    for (const d of r.diagnostics) {
      if (d.severity === 'error') counts.errors++;
      else if (d.severity === 'warning') counts.warnings++;
      else counts.infos++;
    }
  }
  const body = blocks.join('\n');
  return (body === '' ? '' : body + '\n') + summaryLine(counts) + '\n';
}

/**
 * The pipeline is loaded on first use: the generated ANTLR parser is by far the largest module, and
 * `--help`, `--version` and usage errors should not wait for it.
 */
async function loadValidator(): Promise<ValidateScript> {
  const module: { validateScript: ValidateScript } = await import('../../validate.js');
  return module.validateScript;
}

/** `--profile` and `--rule CODE=level` as rule settings; mistakes are usage errors. */
async function readRuleSettings(profile: unknown, rules: unknown): Promise<RuleSettings> {
  const { BUILTIN_RULES, parseRuleFlag, resolveRuleSettings, RuleSettingsError } = await import('../../rules/index.js');
  const flags = Array.isArray(rules) ? (rules as string[]) : typeof rules === 'string' ? [rules] : [];
  try {
    const settings: RuleSettings = {
      ...(typeof profile === 'string' ? { profile } : {}),
      rules: Object.fromEntries(flags.map((flag) => parseRuleFlag(flag))),
    };
    resolveRuleSettings(BUILTIN_RULES, settings);
    return settings;
  } catch (error) {
    if (error instanceof RuleSettingsError) throw new UsageError(error.message, 'check');
    throw error;
  }
}

function isFormat(value: unknown): value is Format {
  return typeof value === 'string' && (FORMATS as readonly string[]).includes(value);
}

/** NO_COLOR (no-color.org): colours are off when it is set to a non-empty value. */
function noColorRequested(env: CliIo['env']): boolean {
  const value = env?.['NO_COLOR'];
  return value !== undefined && value !== '';
}
