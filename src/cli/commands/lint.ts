import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderText } from '../../diagnostics/render-text.js';
import { parseAvro } from '../../evolution/avro-model.js';
import { COMPATIBILITY_MODES, type CompatibilityMode } from '../../evolution/compatibility.js';
import { SourceText } from '../../source/source-text.js';
import { parseCommandArgs, type OptionSpec } from '../args.js';
import { loadCatalogs } from '../catalogs.js';
import { ExitCode, UsageError, type CliIo } from '../io.js';
import {
  ConfigError,
  defaultConfig,
  findConfigFile,
  LINT_FORMATS,
  loadConfigFile,
  RULE_LEVELS,
  type LintConfig,
  type LintFormat,
  type SinkSchema,
} from '../lint/config.js';
import type { RuleLevel, RuleSettings } from '../../rules/config.js';
import type { LintEnvironment, SinkSpec } from '../lint/engine.js';
import { countResults, formatReport, stepSummary, type LintReport, type LintResult } from '../lint/formats/index.js';
import { collectUnits, displayName } from '../lint/inputs.js';
import { ProgressBar } from '../lint/progress.js';
import { defaultWorkers, runUnits } from '../lint/runner.js';

export const LINT_HELP = `Usage: flinkcheck lint [options] [path | glob | -]...

Check Flink SQL files and exports of stored queries with the whole pipeline (syntax, semantics,
guardrail rules, sink schema evolution), for CI and batch runs.

Arguments:
  path                       a .sql file, a .jsonl export (one {"id", "sql", "catalog"?} object
                             per line), a directory (searched for both), a glob, or - for stdin.
                             Without paths, the \`include\` globs of flinkcheck.yaml are linted
                             (default: **/*.sql under the config's directory)

Options:
  -f, --format <name>        text, json, sarif, github or junit (default: text)
  -o, --output <file>        write the report to a file instead of stdout
  -c, --config <file>        use this config file instead of searching for flinkcheck.yaml
      --no-config            ignore flinkcheck.yaml
      --catalog <file>       a catalog file (CREATE TABLE ... DDL in a .sql file); repeatable,
                             loaded after the config's catalogs
      --profile <name>       guardrail profile
      --rule <rule>=<level>  override a guardrail rule (code or name) with off, warn or error;
                             repeatable
      --sink <table>=<file>  the registered Avro schema (.avsc) of a sink table; INSERTs into it
                             are checked for schema evolution; repeatable
      --compat <mode>        backward, forward or full, for every sink (default: backward)
      --max-warnings <n>     exit with 1 when there are more than n warnings
  -q, --quiet                report errors only (warnings and infos are neither shown nor counted)
      --workers <n>          worker threads for large inputs (default: the number of cores)
      --stdin-filename <name>  the name of standard input in reports; a .jsonl name reads it as
                             an export
      --no-color             no colours (also off when stdout is not a terminal or NO_COLOR is set)
  -h, --help                 show this help

Exit status:
  0  no errors, and no more warnings than --max-warnings
  1  errors found, or more warnings than --max-warnings
  2  usage or configuration error, unreadable input or catalog, or internal error
`;

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  catalog: { type: 'string', multiple: true },
  profile: { type: 'string' },
  rule: { type: 'string', multiple: true },
  sink: { type: 'string', multiple: true },
  compat: { type: 'string' },
  'max-warnings': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  workers: { type: 'string' },
  'stdin-filename': { type: 'string' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Record<string, OptionSpec>;

/** `flinkcheck lint`: returns the exit status. Throws UsageError for mistakes in the call. */
export async function runLint(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, 'lint');
  if (values.help === true) {
    io.stdout.write(LINT_HELP);
    return ExitCode.clean;
  }
  const flags = readFlags(values);

  let config: LintConfig;
  try {
    config = await resolveConfig(flags, io);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const color = io.stderrIsTTY === true && !noColor(io, values);
    io.stderr.write(renderText(error.diagnostics, error.source, { fileName: displayName(error.file, io.cwd), color }));
    io.stderr.write(`flinkcheck: ${error.diagnostics.length === 1 ? 'the configuration has a problem' : `the configuration has ${error.diagnostics.length} problems`}; nothing was checked\n`);
    return ExitCode.usage;
  }
  const effective = applyFlags(config, flags, io.cwd);

  const catalogs = await loadCatalogs(effective.catalogs, io.cwd);
  for (const line of catalogs.warnings) io.stderr.write(`flinkcheck: warning: ${line}\n`);
  const sinks = await loadSinks(effective.sinks, io.cwd);
  const setupErrors = [...catalogs.errors, ...sinks.errors];
  if (setupErrors.length > 0) {
    for (const line of setupErrors) io.stderr.write(`flinkcheck: ${line}\n`);
    return ExitCode.usage;
  }

  const rules: RuleSettings = { ...(effective.profile !== null ? { profile: effective.profile } : {}), rules: effective.rules };
  const rulesProblem = await checkRuleSettings(rules);
  if (rulesProblem !== null) {
    io.stderr.write(`flinkcheck: ${rulesProblem}\n`);
    return ExitCode.usage;
  }

  const units = await collectUnits(positionals, effective, io, flags.stdinFilename);
  const env: LintEnvironment = { catalogs: catalogs.entries, sinks: sinks.specs, rules };
  const progress = io.stderrIsTTY === true ? new ProgressBar(io.stderr, units.length, units.length === 1 ? 'query' : 'queries') : null;
  const outcomes = await runUnits(units, env, {
    workers: flags.workers ?? defaultWorkers(),
    ...(progress !== null ? { onProgress: (done: number) => progress.update(done) } : {}),
  });
  progress?.finish();

  const results: LintResult[] = units.map((unit, i) => {
    const outcome = outcomes[i]!;
    const diagnostics = flags.quiet ? outcome.diagnostics.filter((d) => d.severity === 'error') : outcome.diagnostics;
    return {
      file: unit.file,
      source: new SourceText(unit.text),
      statements: outcome.statements,
      diagnostics,
      ...(unit.query !== undefined ? { query: unit.query } : {}),
    };
  });
  const report: LintReport = {
    results,
    counts: countResults(results),
    toolVersion: await toolVersion(),
    maxWarnings: effective.maxWarnings,
  };
  const format = effective.format ?? 'text';
  const color = format === 'text' && flags.output === undefined && io.isTTY && !noColor(io, values);
  const output = formatReport(report, format, color);
  if (flags.output !== undefined) {
    await writeFile(path.resolve(io.cwd, flags.output), output);
  } else {
    io.stdout.write(output);
  }
  const summaryFile = io.env?.['GITHUB_STEP_SUMMARY'];
  if (format === 'github' && summaryFile !== undefined && summaryFile !== '') {
    await appendFile(summaryFile, stepSummary(report));
  }

  const failed = results.some((r) => r.diagnostics.some((d) => d.code === 'FSQL0001' || d.code === 'FSQL8010'));
  if (failed) return ExitCode.usage;
  if (report.counts.errors > 0) return ExitCode.findings;
  if (effective.maxWarnings !== null && report.counts.warnings > effective.maxWarnings) return ExitCode.findings;
  return ExitCode.clean;
}

interface Flags {
  readonly format?: LintFormat;
  readonly output?: string;
  readonly config?: string;
  readonly noConfig: boolean;
  readonly catalogs: readonly string[];
  readonly profile?: string;
  readonly rules: Readonly<Record<string, RuleLevel>>;
  readonly sinks: readonly { table: string; schema: string }[];
  readonly compat?: CompatibilityMode;
  readonly maxWarnings?: number;
  readonly quiet: boolean;
  readonly workers?: number;
  readonly stdinFilename?: string;
}

function readFlags(values: Readonly<Record<string, string | boolean | readonly string[] | undefined>>): Flags {
  const str = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const list = (name: string): readonly string[] => (Array.isArray(values[name]) ? (values[name] as readonly string[]) : []);
  const format = str('format');
  if (format !== undefined && !(LINT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format \`${format}\`; use one of: ${LINT_FORMATS.join(', ')}`, 'lint');
  }
  const compat = str('compat');
  if (compat !== undefined && !(COMPATIBILITY_MODES as readonly string[]).includes(compat)) {
    throw new UsageError(`unknown compatibility mode \`${compat}\`; use one of: ${COMPATIBILITY_MODES.join(', ')}`, 'lint');
  }
  const rules: Record<string, RuleLevel> = {};
  for (const rule of list('rule')) {
    const [name, level] = splitPair(rule, '--rule', '<rule>=<level>');
    if (!/^(FSQL9\d{3}|[a-z][a-z0-9]*(-[a-z0-9]+)*)$/.test(name)) {
      throw new UsageError(`\`${name}\` is not a rule: use a guardrail code (FSQL9000-FSQL9999) or a kebab-case rule name`, 'lint');
    }
    if (!(RULE_LEVELS as readonly string[]).includes(level)) {
      throw new UsageError(`\`${level}\` is not a rule level; use off, info, warn or error`, 'lint');
    }
    rules[name] = level as RuleLevel;
  }
  const sinks = list('sink').map((s) => {
    const [table, schema] = splitPair(s, '--sink', '<table>=<file.avsc>');
    return { table, schema };
  });
  const config = str('config');
  if (config !== undefined && values['no-config'] === true) throw new UsageError('`--config` and `--no-config` cannot be used together', 'lint');
  const maxWarnings = wholeNumber(str('max-warnings'), '--max-warnings', 0);
  const workers = wholeNumber(str('workers'), '--workers', 1);
  const profile = str('profile');
  const output = str('output');
  const stdinFilename = str('stdin-filename');
  return {
    ...(format !== undefined ? { format: format as LintFormat } : {}),
    ...(output !== undefined ? { output } : {}),
    ...(config !== undefined ? { config } : {}),
    noConfig: values['no-config'] === true,
    catalogs: list('catalog'),
    ...(profile !== undefined ? { profile } : {}),
    rules,
    sinks,
    ...(compat !== undefined ? { compat: compat as CompatibilityMode } : {}),
    ...(maxWarnings !== undefined ? { maxWarnings } : {}),
    quiet: values.quiet === true,
    ...(workers !== undefined ? { workers } : {}),
    ...(stdinFilename !== undefined ? { stdinFilename } : {}),
  };
}

function splitPair(text: string, option: string, shape: string): [string, string] {
  const eq = text.indexOf('=');
  if (eq <= 0 || eq === text.length - 1) throw new UsageError(`\`${option} ${text}\` must look like ${shape}`, 'lint');
  return [text.slice(0, eq), text.slice(eq + 1)];
}

function wholeNumber(text: string | undefined, option: string, min: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < min) {
    throw new UsageError(`\`${option}\` needs a whole number${min > 0 ? ` of at least ${min}` : ''}, not \`${text}\``, 'lint');
  }
  return Number(text);
}

async function resolveConfig(flags: Flags, io: CliIo): Promise<LintConfig> {
  if (flags.noConfig) return defaultConfig(io.cwd);
  if (flags.config !== undefined) {
    const file = path.resolve(io.cwd, flags.config);
    try {
      return await loadConfigFile(file);
    } catch (error) {
      if (error instanceof ConfigError) throw error;
      throw new UsageError(`cannot read the config file \`${flags.config}\`: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`, 'lint');
    }
  }
  const found = findConfigFile(io.cwd);
  return found === null ? defaultConfig(io.cwd) : loadConfigFile(found);
}

/** Flags override the file: scalars replace, catalogs and sinks add (flag sinks replace same-named ones). */
function applyFlags(config: LintConfig, flags: Flags, cwd: string): LintConfig {
  const compat = flags.compat ?? config.compat;
  const flagSinks: SinkSchema[] = flags.sinks.map((s) => ({ table: s.table, schema: path.resolve(cwd, s.schema), compat }));
  const sinks = [
    ...config.sinks.filter((s) => !flagSinks.some((f) => f.table === s.table)).map((s) => (flags.compat !== undefined ? { ...s, compat } : s)),
    ...flagSinks,
  ];
  return {
    ...config,
    catalogs: [...config.catalogs, ...flags.catalogs.map((c) => path.resolve(cwd, c))],
    profile: flags.profile ?? config.profile,
    rules: { ...config.rules, ...flags.rules },
    format: flags.format ?? config.format,
    maxWarnings: flags.maxWarnings ?? config.maxWarnings,
    compat,
    sinks,
  };
}

async function loadSinks(sinks: readonly SinkSchema[], cwd: string): Promise<{ specs: SinkSpec[]; errors: string[] }> {
  const specs: SinkSpec[] = [];
  const errors: string[] = [];
  for (const sink of sinks) {
    const file = displayName(sink.schema, cwd);
    try {
      const schema: unknown = JSON.parse(await readFile(sink.schema, 'utf8'));
      parseAvro(schema);
      specs.push({ table: sink.table, schema, file, compat: sink.compat });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      errors.push(`sink schema \`${file}\` of \`${sink.table}\`: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
    }
  }
  return { specs, errors };
}

function noColor(io: CliIo, values: Readonly<Record<string, unknown>>): boolean {
  const env = io.env?.['NO_COLOR'];
  return values['no-color'] === true || (env !== undefined && env !== '');
}

/** The engine's own check of the profile and rule names; the error text, or null when they are fine. */
async function checkRuleSettings(settings: RuleSettings): Promise<string | null> {
  const { BUILTIN_RULES, resolveRuleSettings, RuleSettingsError } = await import('../../rules/index.js');
  try {
    resolveRuleSettings(BUILTIN_RULES, settings);
    return null;
  } catch (error) {
    if (error instanceof RuleSettingsError) return error.message;
    throw error;
  }
}

async function toolVersion(): Promise<string> {
  const { packageVersion } = await import('../main.js');
  return packageVersion();
}
