/**
 * Flink accepted every CREATE TABLE in the corpus (q-files and docs). Flink checks options only
 * when a table is used, so a declared table may be incomplete (docs abbreviate WITH clauses), but
 * nothing in the options that are given may be reported as an error.
 */
import { describe, expect, it } from 'vitest';
import type { CreateTable } from '../../src/ast/nodes.js';
import { checkConnectorOptions, connectorInputFromCreateTable } from '../../src/analysis/connectors/index.js';
import { parseScript } from '../../src/parse/index.js';
import { corpusAvailable, readJsonl, type ValidRecord } from '../support/corpus.js';

const run = corpusAvailable() ? describe : describe.skip;

run('connector options over the corpus', () => {
  it('reports no error on a CREATE TABLE Flink accepted', () => {
    const records = readJsonl<ValidRecord>('valid.jsonl').filter((r) => (r.kind === 'q-file' || r.kind === 'docs') && r.fragment !== true);
    let tables = 0;
    const errors: string[] = [];
    for (const r of records) {
      for (const s of parseScript(r.sql).statements) {
        if (s.ast?.kind !== 'CreateTable') continue;
        tables++;
        const input = connectorInputFromCreateTable(s.ast as CreateTable);
        for (const d of checkConnectorOptions({ ...input, used: false })) {
          if (d.severity === 'error') errors.push(`${r.id}: ${d.code} ${d.message}`);
        }
      }
    }
    expect(tables).toBeGreaterThan(50);
    expect(errors).toEqual([]);
  });
});
