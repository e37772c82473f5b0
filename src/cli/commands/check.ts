import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { mergeInputDiagnostics } from '../../diagnostics/merge.js';
import { renderJson, type FileResult } from '../../diagnostics/render-json.js';
import { renderText, summaryLine } from '../../diagnostics/render-text.js';
import type { ParseOptions, ScriptParseResult } from '../../parse/api.js';
import { decodeSource } from '../../source/decode.js';
import { parseCommandArgs, type OptionSpec } from '../args.js';
import { readInputs, type Input } from '../inputs.js';
import { ExitCode, UsageError, type CliIo } from '../io.js';
import { fixInputs } from './fix.js';

export const CHECK_HELP = `Usage: flinkcheck check [options] <path...>

Check Flink SQL scripts and report problems.

Arguments:
  <path...>                  .sql files, directories (searched recursively for *.sql
                             files; hidden directories and node_modules are skipped),
                             or - to read standard input

Options:
  -f, --format <text|json>   output format (default: text)
      --no-color             do not colour the output (colours are also off when
                             stdout is not a terminal or NO_COLOR is set)
      --fix                  apply the safe fixes to the files in place, then
                             report what remains
      --fix-dry-run          print the safe fixes as a unified diff instead of
                             applying them
  -h, --help                 show this help

Exit status:
  0  no errors (warnings allowed)
  1  errors found
  2  usage error, unreadable input, or internal error
`;

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  'no-color': { type: 'boolean' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Record<string, OptionSpec>;

const FORMATS = ['text', 'json'] as const;
type Format = (typeof FORMATS)[number];

type ParseScript = (text: string, options?: ParseOptions) => ScriptParseResult;

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

  let inputs = await readInputs(positionals, io, 'check');
  const parseScript = await loadParser();
  if (values.fix === true || values['fix-dry-run'] === true) {
    const check = (text: string): readonly Diagnostic[] => checkInput({ name: '', bytes: Buffer.from(text, 'utf8') }, parseScript).diagnostics;
    inputs = await fixInputs(inputs, check, io, values['fix-dry-run'] === true);
    if (values['fix-dry-run'] === true) return inputs.some((i) => checkInput(i, parseScript).diagnostics.some((d) => d.severity === 'error')) ? ExitCode.findings : ExitCode.clean;
  }
  const results = inputs.map((input) => checkInput(input, parseScript));

  if (format === 'json') {
    io.stdout.write(renderJson(results));
  } else {
    const color = io.isTTY && values['no-color'] !== true && !noColorRequested(io.env);
    io.stdout.write(renderTextReport(results, color));
  }
  return results.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? ExitCode.findings : ExitCode.clean;
}

/** Decodes, parses, and puts the input diagnostics before the parser's. */
function checkInput(input: Input, parseScript: ParseScript): FileResult {
  const decoded = decodeSource(input.bytes);
  const parsed = parseScript(decoded.text);
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
 * The parser is loaded on first use: the generated ANTLR parser is by far the largest module, and
 * `--help`, `--version` and usage errors should not wait for it.
 */
async function loadParser(): Promise<ParseScript> {
  const module: { parseScript: ParseScript } = await import('../../parse/index.js');
  return module.parseScript;
}

function isFormat(value: unknown): value is Format {
  return typeof value === 'string' && (FORMATS as readonly string[]).includes(value);
}

/** NO_COLOR (no-color.org): colours are off when it is set to a non-empty value. */
function noColorRequested(env: CliIo['env']): boolean {
  const value = env?.['NO_COLOR'];
  return value !== undefined && value !== '';
}
