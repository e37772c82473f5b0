import { ALL_CODES, type CodeInfo } from '../../diagnostics/codes.js';
import { EXPLANATIONS, type Explanation } from '../../diagnostics/explanations/index.js';
import { closestMatches } from '../../diagnostics/suggest.js';
import { parseCommandArgs, type OptionSpec } from '../args.js';
import { ExitCode, UsageError, type CliIo } from '../io.js';

export const EXPLAIN_HELP = `Usage: flinkcheck explain [options] <code>

Explain a diagnostic code: why it is reported, an example that triggers it, and
how to fix it. The code may be written as FSQL2002, fsql2002 or 2002.

Options:
  -f, --format <text|json>   output format (default: text)
  -h, --help                 show this help

Exit status:
  0  the code was explained
  2  unknown code or usage error
`;

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Record<string, OptionSpec>;

/** `flinkcheck explain CODE`. */
export async function runExplain(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, 'explain');
  if (values.help === true) {
    io.stdout.write(EXPLAIN_HELP);
    return ExitCode.clean;
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format \`${String(format)}\`; use \`text\` or \`json\``, 'explain');
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'name a diagnostic code, e.g. `flinkcheck explain FSQL2002`' : '`explain` takes one code', 'explain');

  const code = normalizeCode(positionals[0]!);
  const info = ALL_CODES.find((c) => c.code === code);
  if (info === undefined) {
    const near = closestMatches(code, ALL_CODES.map((c) => c.code), 3);
    throw new UsageError(`unknown code \`${positionals[0]}\`${near.length > 0 ? `; close codes: ${near.join(', ')}` : ''}`, 'explain');
  }
  const explanation = EXPLANATIONS.get(code);
  if (format === 'json') {
    io.stdout.write(JSON.stringify({ ...info, ...(explanation === undefined ? {} : explanationJson(explanation)) }, null, 2) + '\n');
  } else {
    io.stdout.write(renderExplanation(info, explanation));
  }
  return ExitCode.clean;
}

/** `2002`, `fsql2002` → `FSQL2002`. */
export function normalizeCode(text: string): string {
  const trimmed = text.trim().toUpperCase();
  return /^\d{4}$/.test(trimmed) ? `FSQL${trimmed}` : trimmed;
}

function explanationJson(e: Explanation): Record<string, string> {
  const json: Record<string, string> = { explanation: e.explanation, example: e.example, fix: e.fix, fixed: e.fixed };
  if (e.flink !== undefined) json['flink'] = e.flink;
  return json;
}

export function renderExplanation(info: CodeInfo, e: Explanation | undefined): string {
  const lines = [`${info.code}: ${info.title} (${info.severity}, ${info.category})`, ''];
  if (e === undefined) {
    lines.push('This code has no explanation yet.');
    return lines.join('\n') + '\n';
  }
  lines.push(...wrap(e.explanation, 78), '');
  if (e.verifiedBy !== 'none') {
    lines.push(e.verifiedBy === 'latin1' ? 'Example (saved as Latin-1 instead of UTF-8):' : 'Example:', '', ...indent(e.example), '');
  }
  if (e.flink !== undefined) lines.push('Flink reports:', '', ...indent(e.flink), '');
  lines.push('Fix:', '', ...wrap(e.fix, 78), '', ...indent(e.fixed), '');
  lines.push(`Documentation: docs/diagnostics/${info.code}.md`);
  return lines.join('\n') + '\n';
}

function indent(text: string): string[] {
  return text.split('\n').map((l) => (l === '' ? '' : `    ${l}`));
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
