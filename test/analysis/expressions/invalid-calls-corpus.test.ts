/**
 * Calls that Flink's own function tests expect to fail validation (invalid.jsonl, kind
 * function-itcase): with the record's input types, the typer must report an error. The detection
 * rate is printed with every miss; a floor keeps it from going down.
 */
import { describe, expect, it } from 'vitest';
import { typeExpression } from '../../../src/analysis/expressions/typer.js';
import type { LogicalType } from '../../../src/analysis/types/logical-type.js';
import { parseExpression } from '../../../src/parse/index.js';
import { corpusAvailable, readJsonl } from '../../support/corpus.js';
import { apiType, contextWith } from '../support.js';

interface InvalidCallRecord {
  id: string;
  sql: string;
  kind: string;
  error: string | null;
  input_types?: string[] | null;
}

const run = corpusAvailable() ? describe : describe.skip;

/** The share of invalid calls that must be reported. */
const FLOOR = 0.95;

run('Flink corpus: invalid function calls', () => {
  it('reports the calls Flink rejects', () => {
    const records = readJsonl<InvalidCallRecord>('invalid.jsonl').filter((r) => r.kind === 'function-itcase' && Array.isArray(r.input_types));
    let detected = 0;
    const misses: string[] = [];
    for (const record of records) {
      const parsed = parseExpression(record.sql);
      if (parsed.expression === null || parsed.diagnostics.some((d) => d.severity === 'error')) {
        detected++;
        continue;
      }
      const columns: Record<string, LogicalType> = {};
      record.input_types!.forEach((t, i) => { columns[`f${i}`] = apiType(t); });
      const ctx = contextWith(columns);
      typeExpression(parsed.expression, ctx);
      if (ctx.diagnostics.some((d) => d.severity === 'error')) detected++;
      else misses.push(`${record.sql} [${record.input_types!.join(' | ')}]: Flink says ${(record.error ?? '').split('\n')[0]}`);
    }
    const rate = detected / records.length;
    console.log(`invalid calls: ${detected}/${records.length} reported (${(rate * 100).toFixed(1)}%)`);
    for (const m of misses) console.log(`  missed: ${m}`);
    expect(rate).toBeGreaterThanOrEqual(FLOOR);
  });
});
