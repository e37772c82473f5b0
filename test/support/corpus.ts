import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared Flink corpus, beside the repository (as CI lays it out), or FLINKCHECK_CORPUS. */
export const CORPUS_DIR = process.env['FLINKCHECK_CORPUS']
  ?? resolve(join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'corpus', 'flink'));

export function corpusAvailable(): boolean {
  return existsSync(join(CORPUS_DIR, 'valid.jsonl'));
}

export function readJsonl<T>(name: string): T[] {
  return readFileSync(join(CORPUS_DIR, name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

export interface ValidRecord {
  id: string;
  sql: string;
  kind: string;
  statement_type?: string;
  fragment?: boolean;
  validity?: string;
}

export interface ErrorSpan {
  start: number;
  end: number;
  line: number;
  column: number;
}

export interface InvalidRecord {
  id: string;
  sql: string;
  error: string | null;
  phase: 'parse' | 'validate' | 'execute';
  error_span?: ErrorSpan | null;
  parses?: boolean;
}
