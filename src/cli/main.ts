import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCommandArgs } from './args.js';
import { CHECK_HELP, runCheck } from './commands/check.js';
import { INFER_HELP, runInfer } from './commands/infer.js';
import { LINT_HELP, runLint } from './commands/lint.js';
import { RULES_HELP, runRules } from './commands/rules.js';
import { EXPLAIN_HELP, runExplain } from './commands/explain.js';
import { EXPLAIN_ERROR_HELP, runExplainError } from './commands/explain-error.js';
import { ExitCode, UsageError, processIo, type CliIo } from './io.js';

export { ExitCode, UsageError, type CliIo } from './io.js';

const MAIN_HELP = `flinkcheck: check Apache Flink SQL scripts

Usage:
  flinkcheck check [options] <path...>   check .sql files, directories or - (stdin)
  flinkcheck lint [options] [path...]    lint files, globs and JSONL exports for CI (flinkcheck.yaml)
  flinkcheck infer [options] <file>      print output schemas (table, DDL, JSON, Avro); check a sink's .avsc
  flinkcheck rules [options]             list the guardrail rules
  flinkcheck explain <code>              explain a diagnostic code, with an example and the fix
  flinkcheck explain-error --error <file> <sql-file>
                                         translate a Flink exception text for the SQL it came from
  flinkcheck help [command]              show help for a command
  flinkcheck --version                   show the version

Options:
  -h, --help      show this help
  -v, --version   show the version

Run \`flinkcheck help <command>\` for the options of a command.
`;

const COMMAND_HELP: Readonly<Record<string, string>> = {
  check: CHECK_HELP,
  lint: LINT_HELP,
  infer: INFER_HELP,
  rules: RULES_HELP,
  explain: EXPLAIN_HELP,
  'explain-error': EXPLAIN_ERROR_HELP,
};

const GLOBAL_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/**
 * Runs the CLI. `argv` is shaped like `process.argv` (the first two entries, node and the script,
 * are skipped). Resolves to the exit status: 0 clean, 1 errors found, 2 usage or internal error.
 * Never throws and never prints a stack trace.
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  return run(argv.slice(2), io);
}

/** Like {@link main}, with the arguments after the program name. */
export async function run(args: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      for (const line of error.message.split('\n')) io.stderr.write(`flinkcheck: ${line}\n`);
      const helpCommand = error.command === undefined ? 'flinkcheck --help' : `flinkcheck help ${error.command}`;
      io.stderr.write(`Run \`${helpCommand}\` for usage.\n`);
      return ExitCode.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`flinkcheck: internal error: ${firstLine(message)}\n`);
    return ExitCode.usage;
  }
}

async function dispatch(args: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined) {
    io.stderr.write(MAIN_HELP);
    return ExitCode.usage;
  }
  if (command.startsWith('-') && command !== '-') {
    const { values, positionals } = parseCommandArgs(args, GLOBAL_OPTIONS, undefined);
    if (values.version === true) {
      io.stdout.write(`${packageVersion()}\n`);
      return ExitCode.clean;
    }
    if (values.help === true) return help(positionals[0], io);
    throw new UsageError(`a command must come before \`${positionals[0] ?? command}\``);
  }
  switch (command) {
    case 'check':
      return runCheck(rest, io);
    case 'lint':
      return runLint(rest, io);
    case 'infer':
      return runInfer(rest, io);
    case 'rules':
      return runRules(rest, io);
    case 'explain':
      return runExplain(rest, io);
    case 'explain-error':
      return runExplainError(rest, io);
    case 'help':
      if (rest.length > 1) throw new UsageError('`help` takes at most one command name');
      return help(rest[0], io);
    default:
      throw new UsageError(`unknown command \`${command}\`; the commands are: ${Object.keys(COMMAND_HELP).join(', ')}, help`);
  }
}

function help(command: string | undefined, io: CliIo): number {
  if (command === undefined) {
    io.stdout.write(MAIN_HELP);
    return ExitCode.clean;
  }
  const text = COMMAND_HELP[command];
  if (text === undefined) throw new UsageError(`unknown command \`${command}\`; the commands are: ${Object.keys(COMMAND_HELP).join(', ')}, help`);
  io.stdout.write(text);
  return ExitCode.clean;
}

/** The version in flinkcheck's package.json, found from this module's location (src/ or dist/src/). */
export function packageVersion(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (pkg.name === 'flinkcheck' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // no readable package.json here: keep looking upwards
    }
    const parent = path.dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0]!.trim();
  return line === '' ? 'unexpected failure' : line;
}
