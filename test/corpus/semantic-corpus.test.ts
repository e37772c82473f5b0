/**
 * Acceptance of the semantic analysis over real Flink scripts: schemas as Flink prints them
 * (DESCRIBE, result headers), no false alarm on statements Flink accepts, and an error on
 * statements Flink's validator rejects. Each test prints its score and its misses.
 */
import { describe, expect, it } from 'vitest';
import { printType, withNullability, withoutTimeAttribute } from '../../src/analysis/types/logical-type.js';
import { validateScript, type ValidationResult } from '../../src/validate.js';
import { corpusAvailable, readJsonl, type InvalidRecord } from '../support/corpus.js';

const run = corpusAvailable() ? describe : describe.skip;

interface ScriptStatement { id: string; sql: string; tag: string; output: string }
interface QScript { id: string; statements: ScriptStatement[] }
interface DescribeColumn { name: string; data_type: string; nullable: boolean; time_attribute: string | null }
interface SchemaRecord {
  id: string;
  schema_kind: 'describe' | 'select-header';
  describe_sql?: string;
  query_sql?: string;
  context: { id: string; sql: string }[];
  columns: (DescribeColumn & { name: string })[];
}

/** Runs `context` then `target` as one script; returns the result and the target statement's span. */
function replay(context: readonly string[], target: string): { result: ValidationResult; start: number } {
  const prefix = context.map((s) => s + ';\n').join('');
  const result = validateScript(prefix + target);
  return { result, start: prefix.length };
}

function semanticErrors(result: ValidationResult, start: number, end = Infinity): string[] {
  return result.diagnostics
    .filter((d) => d.severity === 'error' && d.category === 'semantic' && d.span.start >= start && d.span.start < end)
    .map((d) => `${d.code} ${d.message}`);
}

function oneLine(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 3) + '...' : flat;
}

const SCRIPTS = corpusAvailable() ? readJsonl<QScript>('qscripts.jsonl') : [];
const SQL_BY_ID = new Map<string, string>();
for (const script of SCRIPTS) for (const s of script.statements) SQL_BY_ID.set(s.id, s.sql);

run('Flink corpus: schemas', () => {
  const records = corpusAvailable() ? readJsonl<SchemaRecord>('schemas.jsonl') : [];

  it('DESCRIBE: columns, types, nullability and time attributes as Flink prints them (>= 95%)', () => {
    const describes = records.filter((r) => r.schema_kind === 'describe');
    const misses: string[] = [];
    for (const record of describes) {
      const { result } = replay(record.context.map((c) => c.sql), record.describe_sql!);
      const schema = result.statements[result.statements.length - 1]?.analysis?.schema ?? null;
      const actual = schema?.map((c) => `${c.name} ${printType(withoutTimeAttribute(withNullability(c.type, true)))}${c.type.nullable ? '' : ' NOT NULL'}${c.type.root.startsWith('TIMESTAMP') && 'timeAttribute' in c.type && c.type.timeAttribute !== null ? ` *${c.type.timeAttribute}*` : ''}`).join(', ') ?? 'no schema';
      const expected = record.columns.map((c) => `${c.name} ${c.data_type}${c.nullable ? '' : ' NOT NULL'}${c.time_attribute === null ? '' : ` *${c.time_attribute}*`}`).join(', ');
      if (actual !== expected) misses.push(`${record.id}\n    expected: ${expected}\n    actual:   ${actual}`);
    }
    const rate = (describes.length - misses.length) / describes.length;
    console.log(`DESCRIBE schemas: ${describes.length - misses.length}/${describes.length} exact (${(rate * 100).toFixed(1)}%)${misses.length > 0 ? '\n  ' + misses.join('\n  ') : ''}`);
    expect(rate).toBeGreaterThanOrEqual(0.95);
  });

  it('result headers: output column names (>= 95%)', () => {
    const headers = records.filter((r) => r.schema_kind === 'select-header');
    const misses: string[] = [];
    for (const record of headers) {
      const { result } = replay(record.context.map((c) => c.sql), record.query_sql!);
      const schema = result.statements[result.statements.length - 1]?.analysis?.schema ?? null;
      const actual = schema?.map((c) => c.name).join(', ') ?? 'no schema';
      const expected = record.columns.map((c) => c.name).join(', ');
      if (actual !== expected) misses.push(`${record.id}: expected [${expected}], got [${actual}]\n    ${oneLine(record.query_sql!)}`);
    }
    const rate = (headers.length - misses.length) / headers.length;
    console.log(`Result headers: ${headers.length - misses.length}/${headers.length} exact (${(rate * 100).toFixed(1)}%)${misses.length > 0 ? '\n  ' + misses.join('\n  ') : ''}`);
    expect(rate).toBeGreaterThanOrEqual(0.95);
  });
});

run('Flink corpus: validation', () => {
  it('reports no semantic error on statements Flink ran successfully in its SQL client scripts', () => {
    let checked = 0;
    const falseAlarms: string[] = [];
    for (const script of SCRIPTS) {
      const texts = script.statements.map((s) => s.sql);
      let offset = 0;
      const spans = texts.map((t) => { const start = offset; offset += t.length + 2; return { start, end: start + t.length }; });
      const result = validateScript(texts.join(';\n'));
      script.statements.forEach((s, i) => {
        if (s.tag === '!error') return;
        checked++;
        const errors = semanticErrors(result, spans[i]!.start, spans[i]!.end);
        if (errors.length > 0) falseAlarms.push(`${s.id}: ${errors[0]}\n    ${oneLine(s.sql)}`);
      });
    }
    console.log(`Accepted script statements: ${checked - falseAlarms.length}/${checked} without a semantic error${falseAlarms.length > 0 ? '\n  ' + falseAlarms.join('\n  ') : ''}`);
    expect(falseAlarms).toEqual([]);
  });

  it('reports an error on at least 90% of the statements Flink rejects when validating', () => {
    const records = readJsonl<InvalidRecord & { context_ids?: string[]; input_types?: string[] }>('invalid.jsonl').filter((r) => r.phase === 'validate');
    const misses: string[] = [];
    for (const record of records) {
      // Expression records come from the function tests: columns f0, f1, ... of the given types.
      const expression = Array.isArray(record.input_types);
      const context = expression
        ? [`CREATE TABLE t (${record.input_types!.map((t, i) => `f${i} ${t}`).join(', ')}) WITH ('connector' = 'datagen')`]
        : (record.context_ids ?? []).map((id) => SQL_BY_ID.get(id)).filter((s): s is string => s !== undefined);
      const { result, start } = replay(context, expression ? `SELECT ${record.sql} FROM t` : record.sql);
      // The right kind: a type or function error for expressions; a semantic (not a syntax) error otherwise.
      const rightKind = (code: string, category: string): boolean => (expression ? /^FSQL3/.test(code) : category !== 'syntax' || record.parses !== true);
      const found = result.diagnostics.some((d) => d.severity === 'error' && d.span.start >= start && rightKind(d.code, d.category));
      if (!found) misses.push(`${record.id}: Flink says ${oneLine(record.error ?? '', 100)}\n    ${oneLine(record.sql)}`);
    }
    const rate = (records.length - misses.length) / records.length;
    console.log(`Rejected by Flink's validator: ${records.length - misses.length}/${records.length} reported (${(rate * 100).toFixed(1)}%)${misses.length > 0 ? '\n  ' + misses.join('\n  ') : ''}`);
    expect(rate).toBeGreaterThanOrEqual(0.9);
  });
});
