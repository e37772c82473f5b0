/**
 * No false alarms on SQL Flink accepts: every expression of the valid corpus (docs, parser tests,
 * planner plans) is typed with columns of unknown type and no catalog. Unknown columns must not
 * cause diagnostics, so the only ones allowed are functions that are not built in (user functions
 * the corpus registers elsewhere) and reserved words Flink reads as functions.
 */
import { describe, expect, it } from 'vitest';
import type { Expression } from '../../../src/ast/nodes.js';
import { typeExpression } from '../../../src/analysis/expressions/typer.js';
import { T } from '../../../src/analysis/types/logical-type.js';
import { parseScript } from '../../../src/parse/index.js';
import { corpusAvailable, readJsonl, type ValidRecord } from '../../support/corpus.js';

const EXPRESSION_KINDS: ReadonlySet<string> = new Set([
  'Literal', 'IntervalLiteral', 'ColumnRef', 'FieldAccess', 'Subscript', 'Unary', 'Binary', 'QuantifiedComparison',
  'IsTest', 'IsDistinctFrom', 'IsJson', 'Between', 'InList', 'InSubquery', 'Like', 'MemberOf', 'Case', 'Cast',
  'FunctionCall', 'Extract', 'FloorCeil', 'Position', 'Substring', 'Overlay', 'Trim', 'TimestampFunction', 'JsonValue',
  'JsonQuery', 'JsonExists', 'JsonObject', 'JsonArray', 'ScalarSubquery', 'Exists', 'RowConstructor',
  'CollectionConstructor', 'CollectionQuery',
]);

/** The outermost expressions of a statement, not those of table function calls in FROM. */
function outermostExpressions(root: unknown): Expression[] {
  const found: Expression[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) { stack.push(...node); continue; }
    const kind = (node as { kind?: string }).kind;
    if (kind === 'TableFunction') continue;
    if (kind !== undefined && EXPRESSION_KINDS.has(kind)) { found.push(node as Expression); continue; }
    for (const [key, value] of Object.entries(node)) if (key !== 'span') stack.push(value);
  }
  return found;
}

const run = corpusAvailable() ? describe : describe.skip;

run('Flink corpus: no false alarms on valid SQL', () => {
  it('reports nothing on the expressions of valid statements but functions that are not built in', () => {
    let typed = 0;
    const unexpected: string[] = [];
    for (const record of readJsonl<ValidRecord>('valid.jsonl')) {
      const parsed = parseScript(record.sql);
      for (const statement of parsed.statements) {
        for (const expr of outermostExpressions(statement.ast)) {
          typed++;
          typeExpression(expr, {
            aggregatesAllowed: true, overAllowed: true, resolveColumn: () => T.unknown(), typeSubquery: () => null,
            lookupUserFunction: () => null,
            report: (d) => {
              if (d.code !== 'FSQL3001') unexpected.push(`${d.code} ${d.message}: ${record.sql.slice(d.span.start, d.span.end)} (${record.id})`);
            },
          });
        }
      }
    }
    console.log(`valid corpus: ${typed} expressions typed, ${unexpected.length} unexpected diagnostics`);
    for (const u of unexpected) console.log(`  ${u}`);
    expect(typed).toBeGreaterThan(9_000);
    expect(unexpected).toEqual([]);
  });
});
