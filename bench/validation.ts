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
  readonly validate: Summary;
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
  const parse = (sql: string): unknown => parseScript(sql);
  const validate = (sql: string): unknown => validateScript(sql);
  for (let pass = 0; pass < WARMUP_PASSES; pass++) {
    time(inputs, parse, new Float64Array(inputs.length), 0);
    time(inputs, validate, new Float64Array(inputs.length), 0);
  }
  const parseSamples = new Float64Array(inputs.length * TIMED_PASSES);
  const validateSamples = new Float64Array(inputs.length * TIMED_PASSES);
  for (let pass = 0; pass < TIMED_PASSES; pass++) {
    // Alternate which goes first, so neither always runs on a warmer cache.
    if (pass % 2 === 0) {
      time(inputs, parse, parseSamples, pass * inputs.length);
      time(inputs, validate, validateSamples, pass * inputs.length);
    } else {
      time(inputs, validate, validateSamples, pass * inputs.length);
      time(inputs, parse, parseSamples, pass * inputs.length);
    }
  }
  return { workload, inputs: inputs.length, parse: summarize(parseSamples), validate: summarize(validateSamples) };
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
    '| workload | inputs | parse p50 µs | validate p50 µs | parse p99 µs | validate p99 µs | total ratio validate/parse |',
    '|---|--:|--:|--:|--:|--:|--:|',
  ];
  for (const row of rows) {
    lines.push(`| ${row.workload} | ${row.inputs} | ${us(row.parse.p50Ns)} | ${us(row.validate.p50Ns)} | ${us(row.parse.p99Ns)} | ${us(row.validate.p99Ns)} | ${(row.validate.totalNs / row.parse.totalNs).toFixed(2)}× |`);
  }
  return lines.join('\n');
}
