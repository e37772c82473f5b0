/**
 * Acceptance over real Flink SQL: statements Flink accepts must parse without a syntax error, and
 * statements Flink's parser rejects must get a syntax diagnostic, at the place Flink points to.
 * Every miss is printed with its reason.
 */
import { describe, expect, it } from 'vitest';
import { parseExpression, parseScript } from '../../src/parse/index.js';
import { corpusAvailable, type InvalidRecord, readJsonl, type ValidRecord } from '../support/corpus.js';

const run = corpusAvailable() ? describe : describe.skip;

function oneLine(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 3) + '...' : flat;
}

run('Flink corpus: parsing', () => {
  it('parses at least 99% of the statements Flink accepts without a syntax error', () => {
    const records = readJsonl<ValidRecord>('valid.jsonl').filter((r) => !r.fragment);
    const failures: string[] = [];
    for (const record of records) {
      const result = record.statement_type === 'EXPRESSION' ? parseExpression(record.sql) : parseScript(record.sql);
      const error = result.diagnostics.find((d) => d.category === 'syntax' && d.severity === 'error');
      if (error) {
        const at = result.source.position(error.span.start);
        failures.push(`${record.id} [${record.kind}] ${at.line}:${at.column} ${error.code} ${error.message}\n    ${oneLine(record.sql)}`);
      }
    }
    const accepted = records.length - failures.length;
    const rate = accepted / records.length;
    console.log(`valid.jsonl: ${accepted}/${records.length} parsed without a syntax error (${(rate * 100).toFixed(2)}%)`);
    if (failures.length > 0) console.log(`not parsed (${failures.length}):\n  ${failures.join('\n  ')}`);
    expect(rate).toBeGreaterThanOrEqual(0.99);
  });

  it('reports a syntax error for at least 95% of the statements Flink rejects while parsing, at its position in 80%', () => {
    const records = readJsonl<InvalidRecord>('invalid.jsonl').filter((r) => r.phase === 'parse');
    const missed: string[] = [];
    const misplaced: string[] = [];
    let withSpan = 0;
    let samePlace = 0;
    for (const record of records) {
      const result = parseScript(record.sql);
      const error = result.diagnostics.find((d) => d.category === 'syntax' && d.severity === 'error');
      if (!error) {
        missed.push(`${record.id}: ${oneLine(record.sql)}\n    Flink: ${oneLine(record.error ?? '')}`);
        continue;
      }
      if (record.error_span) {
        withSpan++;
        const at = result.source.position(error.span.start);
        if (at.line === record.error_span.line && at.column === record.error_span.column) samePlace++;
        else {
          misplaced.push(`${record.id}: ours ${at.line}:${at.column}, Flink ${record.error_span.line}:${record.error_span.column}: ${error.message}\n    ${oneLine(record.sql)}`);
        }
      }
    }
    const detected = records.length - missed.length;
    console.log(`invalid.jsonl (phase parse): ${detected}/${records.length} get a syntax error; position matches Flink in ${samePlace}/${withSpan}`);
    if (missed.length > 0) console.log(`missed:\n  ${missed.join('\n  ')}`);
    if (misplaced.length > 0) console.log(`at another position:\n  ${misplaced.join('\n  ')}`);
    expect(detected / records.length).toBeGreaterThanOrEqual(0.95);
    expect(samePlace / withSpan).toBeGreaterThanOrEqual(0.8);
  });
});
