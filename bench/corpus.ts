import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest ancestor of this module holding flinkcheck's package.json. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const name = (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name;
      if (name === 'flinkcheck') return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('bench: cannot find the flinkcheck repository root');
    dir = parent;
  }
}

/** `$FLINKCHECK_CORPUS` (relative to the working directory) or the shared corpus next to the repo. */
export function corpusPath(): string {
  const override = process.env['FLINKCHECK_CORPUS'];
  if (override !== undefined && override !== '') return resolve(override);
  return resolve(repoRoot(), '../shared/corpus/flink/valid.jsonl');
}

export interface Corpus {
  readonly path: string;
  /** Complete statements, in file order (records flagged `fragment` are left out). */
  readonly statements: readonly string[];
  /** UTF-8 size of `statements`, in bytes. */
  readonly bytes: number;
  readonly records: number;
  readonly fragments: number;
}

interface CorpusRecord {
  readonly sql?: unknown;
  readonly fragment?: unknown;
}

export function loadCorpus(path: string = corpusPath()): Corpus {
  if (!existsSync(path)) {
    throw new Error(`bench: corpus not found at ${path} (set FLINKCHECK_CORPUS to a valid.jsonl file)`);
  }
  const statements: string[] = [];
  let records = 0;
  let fragments = 0;
  let bytes = 0;
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const record = JSON.parse(line) as CorpusRecord;
    if (typeof record.sql !== 'string') {
      throw new Error(`bench: ${path}:${index + 1}: record has no string "sql"`);
    }
    records++;
    if (record.fragment) {
      fragments++;
      return;
    }
    statements.push(record.sql);
    bytes += Buffer.byteLength(record.sql, 'utf8');
  });
  if (statements.length === 0) throw new Error(`bench: ${path} holds no complete statements`);
  return { path, statements, bytes, records, fragments };
}
