import { codeFrameColumns } from '@babel/code-frame';
import { toJsonDiagnostic } from '../../diagnostics/render-json.js';
import { renderText } from '../../diagnostics/render-text.js';
import type { FlinkErrorExplanation } from '../../explain-error.js';
import { decodeSource } from '../../source/decode.js';
import { parseCommandArgs, type OptionSpec } from '../args.js';
import { readInputs } from '../inputs.js';
import { ExitCode, UsageError, type CliIo } from '../io.js';

export const EXPLAIN_ERROR_HELP = `Usage: flinkcheck explain-error [options] <sql-file>

Translate an exception text from a Flink run into flinkcheck's diagnostic for the
SQL that caused it: the exact place in the file, plain words, and what to do.
Flink's "line L, column C" is counted from the start of the statement Flink ran;
flinkcheck finds which statement of the file that is.

Arguments:
  <sql-file>                 the SQL that Flink ran (- for standard input)

Options:
  -e, --error <file>         Flink's exception text, with or without its stack
                             trace (default: standard input)
  -f, --format <text|json>   output format (default: text)
      --no-color             do not colour the output
  -h, --help                 show this help

Exit status:
  0  the message was recognised
  1  the message was not recognised
  2  usage error or unreadable input
`;

const OPTIONS = {
  error: { type: 'string', short: 'e' },
  format: { type: 'string', short: 'f' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Record<string, OptionSpec>;

/** `flinkcheck explain-error --error error.txt job.sql`. */
export async function runExplainError(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, 'explain-error');
  if (values.help === true) {
    io.stdout.write(EXPLAIN_ERROR_HELP);
    return ExitCode.clean;
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format \`${String(format)}\`; use \`text\` or \`json\``, 'explain-error');
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'name the SQL file Flink ran' : '`explain-error` takes one SQL file', 'explain-error');
  const errorPath = typeof values.error === 'string' ? values.error : '-';
  const sqlPath = positionals[0]!;
  if (errorPath === '-' && sqlPath === '-') throw new UsageError('the error text and the SQL cannot both come from standard input; pass the error with --error <file>', 'explain-error');

  const [errorInput] = await readInputs([errorPath], io, 'explain-error');
  const [sqlInput] = await readInputs([sqlPath], io, 'explain-error');
  const errorText = decodeSource(errorInput!.bytes).text;
  if (errorText.trim() === '') throw new UsageError(`the error text (${errorPath === '-' ? 'standard input' : `\`${errorPath}\``}) is empty`, 'explain-error');
  const sql = decodeSource(sqlInput!.bytes).text;

  const { explainFlinkError } = await import('../../explain-error.js');
  const explained = explainFlinkError(errorText, sql);
  if (format === 'json') {
    io.stdout.write(JSON.stringify(toJson(explained), null, 2) + '\n');
  } else {
    const color = io.isTTY && values['no-color'] !== true && (io.env?.['NO_COLOR'] ?? '') === '';
    io.stdout.write(renderExplained(explained, sqlInput!.name, color));
  }
  return explained.recognised ? ExitCode.clean : ExitCode.findings;
}

export function renderExplained(e: FlinkErrorExplanation, fileName: string, color: boolean): string {
  const out: string[] = [`Flink: ${e.flinkMessage === '' ? '(empty message)' : e.flinkMessage}`, ''];
  if (!e.recognised) {
    out.push('flinkcheck does not recognise this Flink message.');
    if (e.span === null) {
      out.push('It gives no position in the SQL.');
    } else {
      const at = e.source.position(e.span.start);
      out.push(`It points at ${fileName}:${at.line}:${at.column}:`, '', frame(e, color));
    }
    if (e.diagnostic !== null) out.push('', 'At that position flinkcheck reports:', '', renderText([e.diagnostic], e.source, { fileName, color }).trimEnd());
    return out.join('\n') + '\n';
  }
  if (e.diagnostic !== null && e.span !== null) {
    out.push(renderText([e.diagnostic], e.source, { fileName, color }).trimEnd());
  } else {
    out.push(`error: ${e.translation?.message ?? e.flinkMessage}`);
    if (e.span !== null) {
      const at = e.source.position(e.span.start);
      out.push(` --> ${fileName}:${at.line}:${at.column}`, frame(e, color));
    } else {
      out.push(' (Flink gives no position, and flinkcheck could not find the place in the SQL)');
    }
    if (e.translation?.hint !== undefined) out.push(`  = help: ${e.translation.hint}`);
  }
  return out.join('\n') + '\n';
}

function frame(e: FlinkErrorExplanation, color: boolean): string {
  const span = e.span!;
  const start = e.source.position(span.start);
  const end = e.source.position(Math.max(span.end, span.start + 1));
  return codeFrameColumns(e.source.text, { start: { line: start.line, column: start.column }, end: { line: end.line, column: end.column } }, { highlightCode: color, forceColor: color });
}

function toJson(e: FlinkErrorExplanation): Record<string, unknown> {
  const span = e.span === null ? null : e.source.resolve(e.span);
  return {
    recognised: e.recognised,
    kind: e.kind,
    flinkMessage: e.flinkMessage,
    flinkPosition: e.flinkPosition,
    span,
    fromValidation: e.fromValidation,
    translation: e.translation,
    diagnostic: e.diagnostic === null ? null : toJsonDiagnostic(e.diagnostic, e.source),
  };
}
