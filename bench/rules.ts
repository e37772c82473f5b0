/**
 * `npm run bench:rules`: what the guardrail rules add to validation. Validates every record of the
 * corpus (valid.jsonl and the q-file scripts) with no rules, with the recommended profile and with
 * the strict profile, and prints the medians of several passes and the overhead in percent.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { validateScript, type ValidateOptions } from '../src/validate.js';
import { corpusPath } from './corpus.js';

const PASSES = 7;

function load(): string[] {
  const lines = (name: string): unknown[] => readFileSync(join(dirname(corpusPath()), name), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
  const records = (lines('valid.jsonl') as { sql: string }[]).map((r) => r.sql);
  const scripts = (lines('qscripts.jsonl') as { statements: { sql: string }[] }[]).map((q) => q.statements.map((s) => s.sql).join(';\n'));
  return [...records, ...scripts];
}

function timePass(inputs: readonly string[], options: ValidateOptions): number {
  const start = process.hrtime.bigint();
  for (const text of inputs) validateScript(text, options);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const inputs = load();
const modes: [string, ValidateOptions][] = [
  ['no rules', { rules: false }],
  ['recommended', { rules: { profile: 'recommended' } }],
  ['strict', { rules: { profile: 'strict' } }],
];
for (const [, options] of modes) timePass(inputs, options); // warm up every path
const times = new Map<string, number[]>(modes.map(([name]) => [name, []]));
for (let pass = 0; pass < PASSES; pass++) {
  // Interleave the modes so drift in machine load affects each alike.
  for (const [name, options] of modes) times.get(name)!.push(timePass(inputs, options));
}
const base = median(times.get('no rules')!);
console.log(`| mode | median of ${PASSES} passes over ${inputs.length} inputs | overhead |`);
console.log('|---|---|---|');
for (const [name] of modes) {
  const m = median(times.get(name)!);
  console.log(`| ${name} | ${m.toFixed(0)} ms | ${name === 'no rules' ? '-' : `${(((m - base) / base) * 100).toFixed(1)}%`} |`);
}
