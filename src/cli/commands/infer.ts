import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { renderText } from '../../diagnostics/render-text.js';
import { mergeInputDiagnostics } from '../../diagnostics/merge.js';
import { AvroSchemaError, parseAvro, type AvroNode } from '../../evolution/avro-model.js';
import { checkCompatibility, COMPATIBILITY_MODES, type CompatibilityMode } from '../../evolution/compatibility.js';
import { printAvroSchema, toAvroSchema } from '../../schema-export/avro.js';
import { formatColumnTable, toCreateTableDdl, toSchemaJson, type SchemaView } from '../../schema-export/columns.js';
import { decodeSource } from '../../source/decode.js';
import type { StatementResult, ValidationResult } from '../../validate.js';
import { parseCommandArgs, type OptionSpec } from '../args.js';
import { loadCatalogs } from '../catalogs.js';
import { sinkColumns } from '../sink-table.js';
import { ExitCode, UsageError, type CliIo } from '../io.js';

export const INFER_HELP = `Usage: flinkcheck infer [options] <file | ->

Print the output schema of each query and INSERT in a Flink SQL script, and optionally check it
against a sink's registered Avro schema with Schema Registry's compatibility rules.

Options:
  -f, --format <name>        table, ddl (CREATE TABLE), json, or avro (the schema Flink's Avro
                             formats derive) (default: table)
      --catalog <file>       a catalog file (CREATE TABLE ... DDL in a .sql file); repeatable
      --against <file.avsc>  compare each INSERT's and query's output, as Avro, with this schema
      --compat <mode>        backward, forward or full (default: backward)
      --no-color             no colours in diagnostics
  -h, --help                 show this help

Exit status:
  0  schemas printed (and compatible with --against)
  1  the script has errors, no statement has an output schema, a schema cannot be written as
     Avro, or it breaks the registered schema
  2  usage error, unreadable input, or internal error
`;

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  catalog: { type: 'string', multiple: true },
  against: { type: 'string' },
  compat: { type: 'string' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Record<string, OptionSpec>;

const FORMATS = ['table', 'ddl', 'json', 'avro'] as const;
type InferFormat = (typeof FORMATS)[number];

export async function runInfer(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, 'infer');
  if (values.help === true) {
    io.stdout.write(INFER_HELP);
    return ExitCode.clean;
  }
  const format = (typeof values.format === 'string' ? values.format : 'table') as InferFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format \`${format}\`; use one of: ${FORMATS.join(', ')}`, 'infer');
  const compat = (typeof values.compat === 'string' ? values.compat : 'backward') as CompatibilityMode;
  if (!COMPATIBILITY_MODES.includes(compat)) {
    throw new UsageError(`unknown compatibility mode \`${compat}\`; use one of: ${COMPATIBILITY_MODES.join(', ')}`, 'infer');
  }
  if (typeof values.compat === 'string' && typeof values.against !== 'string') throw new UsageError('`--compat` needs `--against`', 'infer');
  if (positionals.length !== 1) throw new UsageError('name one .sql file, or `-` for standard input', 'infer');
  const given = positionals[0]!;

  let registered: AvroNode | null = null;
  if (typeof values.against === 'string') {
    try {
      registered = parseAvro(await readFile(path.resolve(io.cwd, values.against), 'utf8'));
    } catch (error) {
      const why = error instanceof AvroSchemaError ? error.message : (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
      throw new UsageError(`cannot use \`${values.against}\` as the registered schema: ${why}`, 'infer');
    }
  }
  const catalogFiles = (Array.isArray(values.catalog) ? values.catalog : []).map((c) => path.resolve(io.cwd, c));
  const catalogs = await loadCatalogs(catalogFiles, io.cwd);
  for (const line of catalogs.warnings) io.stderr.write(`flinkcheck: warning: ${line}\n`);
  if (catalogs.errors.length > 0) throw new UsageError(catalogs.errors.join('\n'), 'infer');

  const bytes = given === '-' ? await readAll(io.stdin) : await readFile(path.resolve(io.cwd, given)).catch(() => {
    throw new UsageError(`cannot read \`${given}\``, 'infer');
  });
  const decoded = decodeSource(bytes);
  const { validateScript } = await import('../../validate.js');
  const result = validateScript(decoded.text, { catalogs: catalogs.entries });
  const diagnostics = mergeInputDiagnostics(decoded.diagnostics, result.diagnostics);
  const color = io.stderrIsTTY === true && values['no-color'] !== true && !(io.env?.['NO_COLOR'] ?? '');
  if (diagnostics.length > 0) io.stderr.write(renderText(diagnostics, result.source, { fileName: given === '-' ? '<stdin>' : given, color }));
  const hasErrors = diagnostics.some((d) => d.severity === 'error');

  const views = schemaViews(result, registered !== null);
  if (views.length === 0) {
    io.stderr.write('flinkcheck: no statement in the script has an output schema\n');
    return ExitCode.findings;
  }
  const out = renderViews(views, format);
  if (!out.ok) {
    for (const line of out.errors) io.stderr.write(`flinkcheck: ${line}\n`);
    return ExitCode.findings;
  }
  io.stdout.write(out.text);

  let broken = false;
  if (registered !== null) {
    for (const { view, statement } of views) {
      // An INSERT writes its sink table's row (the query is cast to it): compare that when known.
      const target = statement.analysis?.target ?? null;
      const written = statement.ast?.kind === 'Insert' && target !== null ? sinkColumns(target, result, catalogs.entries) : null;
      const exported = toAvroSchema(written ?? view.columns);
      if (exported.schema === null) {
        broken = true;
        for (const p of exported.problems) io.stderr.write(`flinkcheck: ${view.name}: column \`${p.path}\` (${p.type}): ${p.reason}\n`);
        continue;
      }
      const compatibility = checkCompatibility(parseAvro(exported.schema), registered, compat, { checkNames: false });
      const label = `${view.name} (statement ${statement.index + 1}${written !== null ? ', as its sink table writes it' : ''})`;
      if (compatibility.compatible) {
        io.stderr.write(`${label}: compatible with ${values.against} (${compat.toUpperCase()})\n`);
        continue;
      }
      broken = true;
      const n = compatibility.changes.length;
      io.stderr.write(`${label}: ${n} breaking change${n === 1 ? '' : 's'} against ${values.against} (${compat.toUpperCase()}):\n`);
      for (const change of compatibility.changes) io.stderr.write(`  - ${change.message}${compat === 'full' ? ` [${change.direction}]` : ''}\n`);
    }
  }
  return hasErrors || broken ? ExitCode.findings : ExitCode.clean;
}

interface ViewOf {
  readonly view: SchemaView;
  readonly statement: StatementResult;
}

/** Statements with an output schema; with `--against`, only queries and INSERTs (not DDL). */
function schemaViews(result: ValidationResult, writesOnly: boolean): ViewOf[] {
  const views: ViewOf[] = [];
  for (const statement of result.statements) {
    const analysis = statement.analysis;
    if (analysis === null || analysis.schema === null) continue;
    if (writesOnly && statement.kind.startsWith('CREATE')) continue;
    const name = analysis.target?.split('.').pop() ?? `statement_${statement.index + 1}`;
    views.push({ statement, view: { name, columns: analysis.schema, changelog: analysis.changelog, keys: analysis.keys } });
  }
  return views;
}

/** Renders the schemas; for Avro, every type Avro cannot hold is an error. */
export function renderViews(views: readonly ViewOf[], format: InferFormat): { ok: true; text: string } | { ok: false; errors: string[] } {
  switch (format) {
    case 'table':
      return { ok: true, text: views.map(({ view, statement }) => `-- ${view.name} (statement ${statement.index + 1}, ${statement.kind})\n${formatColumnTable(view)}`).join('\n') };
    case 'ddl':
      return { ok: true, text: views.map(({ view }) => toCreateTableDdl(view)).join('\n') };
    case 'json':
      return { ok: true, text: JSON.stringify(views.map(({ view, statement }) => ({ statement: statement.index, kind: statement.kind, ...toSchemaJson(view) })), null, 2) + '\n' };
    case 'avro': {
      const errors: string[] = [];
      const schemas = views.map(({ view }) => {
        const exported = toAvroSchema(view.columns);
        for (const p of exported.problems) errors.push(`${view.name}: column \`${p.path}\` (${p.type}): ${p.reason}`);
        return exported.schema;
      });
      if (errors.length > 0) return { ok: false, errors };
      // One schema prints as a plain .avsc; several as a JSON array, one per statement.
      const text = schemas.length === 1 ? printAvroSchema(schemas[0]!) : JSON.stringify(schemas, null, 2);
      return { ok: true, text: text + '\n' };
    }
  }
}

async function readAll(stream: CliIo['stdin']): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  return Buffer.concat(chunks);
}
