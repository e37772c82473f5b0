/**
 * The expression types of Flink's own function ITCases (../shared/corpus/flink/exprtypes.jsonl):
 * columns f0, f1, ... get the record's input types, the expression is typed, and the printed type
 * (root, parameters and nullability) must equal what Flink's test asserts. The score is printed with
 * every miss; a floor keeps it from going down.
 */
import { describe, expect, it } from 'vitest';
import { typeExpression } from '../../../src/analysis/expressions/typer.js';
import { type LogicalType, printType } from '../../../src/analysis/types/logical-type.js';
import { parseExpression } from '../../../src/parse/index.js';
import { corpusAvailable, readJsonl } from '../../support/corpus.js';
import type { CatalogFunction } from '../../../src/analysis/catalog/model.js';
import { apiType, contextWith } from '../support.js';

function undeclaredFunction(name: string): CatalogFunction {
  return {
    id: { catalog: 'default_catalog', database: 'default_database', name }, kind: 'scalar', signatures: [],
    className: `org.apache.flink.table.planner.functions.${name}`, language: 'JAVA', temporary: true, system: true,
    origin: { file: null, span: null },
  };
}

interface ExprTypeRecord {
  id: string;
  expr: string;
  input_types: string[];
  expected_type: string;
  function: string;
  udfs?: string[];
}

const run = corpusAvailable() ? describe : describe.skip;

/** The share of records typed exactly that must not be lost. */
const FLOOR = 0.98;

run('Flink corpus: expression types', () => {
  it('types the expressions of Flink function tests as Flink does', () => {
    const records = readJsonl<ExprTypeRecord>('exprtypes.jsonl');
    let exact = 0;
    const failures: string[] = [];
    const untypable: string[] = [];
    for (const record of records) {
      const parsed = parseExpression(record.expr);
      if (parsed.expression === null) {
        untypable.push(`${record.expr}: flinkcheck's grammar does not parse it (${parsed.diagnostics[0]?.message ?? 'no diagnostic'})`);
        continue;
      }
      const columns: Record<string, LogicalType> = {};
      record.input_types.forEach((t, i) => { columns[`f${i}`] = apiType(t); });
      // The tests' own functions (Java classes) are declared as a user would declare them without a
      // signature: any arguments, result unknown.
      const ctx = contextWith(columns, { functions: (record.udfs ?? []).map((u) => undeclaredFunction(u.replace(/\.class$/, ''))) });
      const type = printType(typeExpression(parsed.expression, ctx));
      if (type === record.expected_type && ctx.diagnostics.length === 0) {
        exact++;
        continue;
      }
      if (record.udfs !== undefined && record.udfs.length > 0 && type === 'UNKNOWN') {
        untypable.push(`${record.expr}: the result comes from test-only functions (${record.udfs.join(', ')}) whose types only their Java code knows`);
        continue;
      }
      failures.push(`${record.expr} [${record.input_types.join(' | ')}]: expected ${record.expected_type}, got ${type}${ctx.diagnostics.map((d) => ` {${d.code}: ${d.message}}`).join('')}`);
    }
    const score = exact / records.length;
    console.log(`exprtypes: ${exact}/${records.length} exact (${(score * 100).toFixed(1)}%), ${untypable.length} untypable, ${failures.length} wrong`);
    for (const u of untypable) console.log(`  untypable: ${u}`);
    for (const f of failures) console.log(`  wrong: ${f}`);
    expect(score).toBeGreaterThanOrEqual(FLOOR);
  });
});
