/**
 * Statements in the style of real pipelines (catalogs, Kafka and upsert-kafka tables, window TVFs,
 * Top-N, temporal and interval joins, MATCH_RECOGNIZE, JSON functions, statement sets, ...) all
 * parse, each into the statement kind it is.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parseScript } from '../../src/parse/index.js';
import { printStatement } from '../../src/ast/print.js';

const script = readFileSync(new URL('../fixtures/parse/pipelines.sql', import.meta.url), 'utf8');

it('parses a script of real-world pipeline statements without a diagnostic', () => {
  const result = parseScript(script);
  const problems = result.diagnostics.map((d) => {
    const at = result.source.position(d.span.start);
    return `${at.line}:${at.column} ${d.code} ${d.message}`;
  });
  expect(problems).toEqual([]);
  expect(result.statements.length).toBe(45);
  expect(result.statements.filter((s) => s.kind === 'UNKNOWN')).toEqual([]);
});

it('prints every statement back to SQL that parses to the same statement kind', () => {
  for (const statement of parseScript(script).statements) {
    const again = parseScript(printStatement(statement.ast!));
    expect(again.diagnostics, printStatement(statement.ast!)).toEqual([]);
    expect(again.statements[0]!.kind).toBe(statement.kind);
  }
});
