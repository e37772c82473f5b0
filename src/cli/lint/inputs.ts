import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { Codes } from '../../diagnostics/codes.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { checkText, decodeSource } from '../../source/decode.js';
import { UsageError, type CliIo } from '../io.js';
import type { LintConfig } from './config.js';

/**
 * One query to lint: a .sql file, or one record of a JSONL export (`{id, sql, catalog?}` per line).
 * Units are numbered in input order; results are reported in that order whatever ran them.
 */
export interface LintUnit {
  readonly index: number;
  /** The file as shown to the user: relative to the working directory, `/`-separated. */
  readonly file: string;
  /** The SQL text (decoded). */
  readonly text: string;
  /** Problems found before parsing (encoding, broken JSONL record). */
  readonly inputDiagnostics: readonly Diagnostic[];
  /** Set for a record of a JSONL export. */
  readonly query?: { readonly id: string; readonly line: number };
  /** The record's `catalog`: DDL applied after the configured catalogs, for this query only. */
  readonly catalogDdl?: string;
  /** True when the record could not be read: only its input diagnostics are reported. */
  readonly broken?: boolean;
}

export const STDIN_NAME = '<stdin>';
const LINTED_EXTENSIONS = ['.sql', '.jsonl'];
const ALWAYS_IGNORED = ['**/node_modules/**'];

/**
 * The files to lint, in a stable order: with no paths, the config's `include` globs (from the
 * config's directory) minus `exclude`; otherwise each path in turn: a file as given, a directory
 * searched for .sql and .jsonl files, a glob expanded from the working directory, `-` for
 * standard input. `exclude` drops files found by searching and globbing, never a file named
 * explicitly. Problems (missing paths, globs matching nothing) are usage errors, reported together.
 */
export async function collectUnits(
  paths: readonly string[],
  config: LintConfig,
  io: CliIo,
  stdinName: string | undefined,
): Promise<LintUnit[]> {
  const problems: string[] = [];
  const files: { abs: string; explicit: boolean }[] = [];
  let stdin = false;
  const excluded = new Set(
    config.exclude.length === 0 ? [] : await glob([...config.exclude], { cwd: config.root, absolute: true, dot: true, onlyFiles: true }),
  );
  const found = async (patterns: string[], cwd: string) =>
    (await glob(patterns, { cwd, absolute: true, onlyFiles: true, ignore: ALWAYS_IGNORED })).map(path.normalize).sort(byCodeUnit);

  if (paths.length === 0) {
    const matched = await found([...config.include], config.root);
    if (matched.length === 0) {
      problems.push(`no files match the include patterns ${config.include.map((p) => `\`${p}\``).join(', ')}${config.file === null ? '' : ` of ${config.file}`}`);
    }
    for (const abs of matched) files.push({ abs, explicit: false });
  }
  for (const given of paths) {
    if (given === '-') {
      if (stdin) problems.push('standard input (`-`) can be given only once');
      stdin = true;
      continue;
    }
    const abs = path.resolve(io.cwd, given);
    const info = await stat(abs).catch(() => null);
    if (info?.isFile()) {
      files.push({ abs, explicit: true });
    } else if (info?.isDirectory()) {
      const matched = await found(LINTED_EXTENSIONS.map((e) => `**/*${e}`), abs);
      if (matched.length === 0) problems.push(`no .sql or .jsonl files found in \`${given}\``);
      for (const file of matched) files.push({ abs: file, explicit: false });
    } else if (isDynamicPattern(given)) {
      const matched = await found([given], io.cwd);
      if (matched.length === 0) problems.push(`no files match \`${given}\``);
      for (const file of matched) files.push({ abs: file, explicit: false });
    } else {
      problems.push(`cannot find \`${given}\`: no such file or directory`);
    }
  }

  const units: LintUnit[] = [];
  const seen = new Set<string>();
  const add = (unit: Omit<LintUnit, 'index'>) => units.push({ ...unit, index: units.length });
  for (const { abs, explicit } of files) {
    if (seen.has(abs) || (!explicit && excluded.has(abs))) continue;
    seen.add(abs);
    const name = displayName(abs, io.cwd);
    let bytes: Uint8Array;
    try {
      bytes = await readFile(abs);
    } catch (error) {
      problems.push(`cannot read \`${name}\`: ${(error as Error).message}`);
      continue;
    }
    if (abs.toLowerCase().endsWith('.jsonl')) splitExport(bytes, name).forEach(add);
    else add(sqlUnit(bytes, name));
  }
  if (stdin) {
    const bytes = await readAll(io.stdin);
    const name = stdinName ?? STDIN_NAME;
    if (name.toLowerCase().endsWith('.jsonl')) splitExport(bytes, name).forEach(add);
    else add(sqlUnit(bytes, name));
  }
  if (problems.length > 0) throw new UsageError(problems.join('\n'), 'lint');
  return units;
}

function sqlUnit(bytes: Uint8Array, file: string): Omit<LintUnit, 'index'> {
  const decoded = decodeSource(bytes);
  return { file, text: decoded.text, inputDiagnostics: decoded.diagnostics };
}

/**
 * One unit per non-blank line of a JSONL export. A line that is not a JSON object with a string
 * `sql` becomes a broken unit carrying FSQL8010 over the line, so one bad record is reported
 * without stopping the batch.
 */
export function splitExport(bytes: Uint8Array, file: string): Omit<LintUnit, 'index'>[] {
  const decoded = decodeSource(bytes);
  const units: Omit<LintUnit, 'index'>[] = [];
  const ids = new Map<string, number>();
  const lines = decoded.text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    if (raw.trim() === '') return;
    const line = i + 1;
    const broken = (message: string, hint: string): void => {
      const info = Codes.exportRecordInvalid;
      units.push({
        file,
        text: raw,
        query: { id: `line ${line}`, line },
        broken: true,
        inputDiagnostics: [{ code: info.code, severity: 'error', category: info.category, message, hint, span: { start: 0, end: raw.length } }],
      });
    };
    let record: unknown;
    try {
      record = JSON.parse(raw);
    } catch (error) {
      broken(`line ${line} is not valid JSON: ${(error as Error).message}`, 'each line of a JSONL export is one JSON object: {"id": ..., "sql": ...}');
      return;
    }
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      broken(`line ${line} is not a JSON object`, 'each line of a JSONL export is one JSON object: {"id": ..., "sql": ...}');
      return;
    }
    const r = record as Record<string, unknown>;
    if (typeof r['sql'] !== 'string') {
      broken(`the record on line ${line} has no string \`sql\``, 'put the query text in `sql`');
      return;
    }
    const rawId = r['id'];
    if (rawId !== undefined && typeof rawId !== 'string' && typeof rawId !== 'number') {
      broken(`the record on line ${line} has an \`id\` that is neither a string nor a number`, 'use the query\'s id from the database');
      return;
    }
    const catalog = r['catalog'];
    if (catalog !== undefined && catalog !== null && typeof catalog !== 'string') {
      broken(`the record on line ${line} has a \`catalog\` that is not a string`, '`catalog` holds DDL (CREATE TABLE ...) for this query');
      return;
    }
    const id = rawId === undefined ? `line ${line}` : String(rawId);
    const sql = r['sql'] as string;
    const inputDiagnostics: Diagnostic[] = checkText(sql);
    const first = ids.get(id);
    if (first !== undefined) {
      const info = Codes.exportDuplicateId;
      inputDiagnostics.unshift({
        code: info.code,
        severity: info.severity,
        category: info.category,
        message: `query id \`${id}\` is also used on line ${first}`,
        hint: 'give each record its own id, so findings can be traced back to one query',
        span: { start: 0, end: 0 },
      });
    } else {
      ids.set(id, line);
    }
    units.push({
      file,
      text: sql,
      query: { id, line },
      inputDiagnostics,
      ...(typeof catalog === 'string' ? { catalogDdl: catalog } : {}),
    });
  });
  return units;
}

export function displayName(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  return (rel === '' ? path.basename(abs) : rel).split(path.sep).join('/');
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function readAll(stream: CliIo['stdin']): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  return Buffer.concat(chunks);
}
