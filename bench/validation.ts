import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseScript } from '../src/parse/index.js';
import { validateScript } from '../src/validate.js';
import { corpusPath } from './corpus.js';
import { summarize, type Summary } from './stats.js';

/**
 * Full validation (parse + semantic analysis) next to parse-only, on the same inputs:
 * - every corpus statement on its own (most name tables defined elsewhere, so analysis stops early);
 * - the SQL client scripts (qscripts.jsonl) as whole scripts, where every statement is analysed
 *   against the tables the script defines: the realistic case.
 */
export interface ValidationRow {
  readonly workload: string;
  readonly inputs: number;
  readonly parse: Summary;
  /** Parse + semantic analysis (`validateScript` with rules off). */
  readonly validate: Summary;
  /** Parse + analysis + the recommended guardrail rules (what `check` runs by default). */
  readonly full: Summary;
}

const WARMUP_PASSES = 2;
const TIMED_PASSES = 5;

function time(inputs: readonly string[], run: (sql: string) => unknown, samples: Float64Array, offset: number): void {
  for (let i = 0; i < inputs.length; i++) {
    const start = process.hrtime.bigint();
    run(inputs[i]!);
    samples[offset + i] = Number(process.hrtime.bigint() - start);
  }
}

function measure(workload: string, inputs: readonly string[]): ValidationRow {
  const runs = [
    (sql: string): unknown => parseScript(sql),
    (sql: string): unknown => validateScript(sql, { rules: false }),
    (sql: string): unknown => validateScript(sql),
  ];
  for (let pass = 0; pass < WARMUP_PASSES; pass++) {
    for (const run of runs) time(inputs, run, new Float64Array(inputs.length), 0);
  }
  const samples = runs.map(() => new Float64Array(inputs.length * TIMED_PASSES));
  for (let pass = 0; pass < TIMED_PASSES; pass++) {
    // Rotate which goes first, so none always runs on a warmer cache.
    for (let k = 0; k < runs.length; k++) {
      const i = (k + pass) % runs.length;
      time(inputs, runs[i]!, samples[i]!, pass * inputs.length);
    }
  }
  return { workload, inputs: inputs.length, parse: summarize(samples[0]!), validate: summarize(samples[1]!), full: summarize(samples[2]!) };
}

export function measureValidation(statements: readonly string[]): ValidationRow[] {
  const scriptsFile = join(dirname(corpusPath()), 'qscripts.jsonl');
  const scripts = readFileSync(scriptsFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => (JSON.parse(line) as { statements: { sql: string }[] }).statements.map((s) => s.sql).join(';\n'));
  return [measure('corpus statements, one at a time', statements), measure('SQL client scripts, whole', scripts)];
}

function us(ns: number): string {
  return (ns / 1e3).toFixed(1);
}

export function validationReport(rows: readonly ValidationRow[]): string {
  const lines = [
    '| workload | inputs | parse p50 / p99 µs | parse + analysis p50 / p99 µs | + rules p50 / p99 µs | analysis total / parse | with rules / parse |',
    '|---|--:|--:|--:|--:|--:|--:|',
  ];
  for (const row of rows) {
    lines.push(`| ${row.workload} | ${row.inputs} | ${us(row.parse.p50Ns)} / ${us(row.parse.p99Ns)} | ${us(row.validate.p50Ns)} / ${us(row.validate.p99Ns)} | ${us(row.full.p50Ns)} / ${us(row.full.p99Ns)} | ${(row.validate.totalNs / row.parse.totalNs).toFixed(2)}× | ${(row.full.totalNs / row.parse.totalNs).toFixed(2)}× |`);
  }
  return lines.join('\n');
}
