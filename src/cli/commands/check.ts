import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { mergeInputDiagnostics } from '../../diagnostics/merge.js';
import { renderJson, type FileResult } from '../../diagnostics/render-json.js';
import { renderText, summaryLine } from '../../diagnostics/render-text.js';
import type { ScriptParseResult } from '../../parse/api.js';
import path from 'node:path';
import type { RuleSettings } from '../../rules/config.js';
import type { AnyRule } from '../../rules/types.js';
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
  -f, --format <text|json>   output format (default: text)
      --profile <name>       guardrail profile: recommended (default), strict,
                             conservative, permissive
      --rule <RULE=level>    set a rule (by code or name) to off, info, warn or
                             error; may be repeated
      --config <file>        project file (default: the nearest flinkcheck.yaml
                             in the working directory or above); it chooses the
                             profile, rule settings and a custom rules directory
      --no-color             do not colour the output (colours are also off when
                             stdout is not a terminal or NO_COLOR is set)
  -h, --help                 show this help

Exit status:
  0  no errors (warnings allowed)
  1  errors found
  2  usage error, unreadable input, or internal error
`;

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  profile: { type: 'string' },
  rule: { type: 'string', multiple: true },
  config: { type: 'string' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Record<string, OptionSpec>;

const FORMATS = ['text', 'json'] as const;
type Format = (typeof FORMATS)[number];

type Validate = (text: string) => ScriptParseResult;

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

  const { settings: ruleSettings, customRules } = await readRuleSettings(values.profile, values.rule, values.config, io);
  const inputs = await readInputs(positionals, io, 'check');
  const validate = await loadValidator(ruleSettings, customRules);
  const results = inputs.map((input) => checkInput(input, validate));

  if (format === 'json') {
    io.stdout.write(renderJson(results));
  } else {
    const color = io.isTTY && values['no-color'] !== true && !noColorRequested(io.env);
    io.stdout.write(renderTextReport(results, color));
  }
  return results.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? ExitCode.findings : ExitCode.clean;
}

/** Decodes, parses, and puts the input diagnostics before the parser's. */
function checkInput(input: Input, validate: Validate): FileResult {
  const decoded = decodeSource(input.bytes);
  const parsed = validate(decoded.text);
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
 * The whole pipeline (parse, analyse, guardrail rules) is loaded on first use: the generated ANTLR
 * parser is by far the largest module, and `--help`, `--version` and usage errors should not wait for it.
 */
async function loadValidator(rules: RuleSettings, customRules: readonly AnyRule[]): Promise<Validate> {
  const module = await import('../../validate.js');
  return (text) => module.validateScript(text, { rules, customRules });
}

/**
 * The rule settings: the project file (given, or the nearest flinkcheck.yaml), then `--profile`
 * and `--rule CODE=level` over it. Mistakes are usage errors.
 */
async function readRuleSettings(profile: unknown, rules: unknown, config: unknown, io: CliIo): Promise<{ settings: RuleSettings; customRules: readonly AnyRule[] }> {
  const { BUILTIN_RULES, findProjectConfig, loadProjectConfig, parseRuleFlag, resolveRuleSettings, RuleSettingsError } = await import('../../rules/index.js');
  const flags = Array.isArray(rules) ? (rules as string[]) : typeof rules === 'string' ? [rules] : [];
  try {
    const file = typeof config === 'string' ? path.resolve(io.cwd, config) : findProjectConfig(io.cwd);
    const project = file === null ? null : await loadProjectConfig(file);
    const settings: RuleSettings = {
      ...project?.settings,
      ...(typeof profile === 'string' ? { profile } : {}),
      rules: { ...project?.settings.rules, ...Object.fromEntries(flags.map((flag) => parseRuleFlag(flag))) },
    };
    const customRules = project?.customRules ?? [];
    resolveRuleSettings([...BUILTIN_RULES, ...customRules], settings);
    return { settings, customRules };
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
