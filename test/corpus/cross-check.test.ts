/**
 * node-sql-parser, an independent parser with a Flink dialect, as a cross-check of our AST: on
 * statements both parsers accept, both must find the same tables read and written.
 */
import { Parser } from 'node-sql-parser';
import { describe, expect, it } from 'vitest';
import { tablesOf } from '../../src/ast/tables.js';
import { parseScript } from '../../src/parse/index.js';
import { corpusAvailable, readJsonl, type ValidRecord } from '../support/corpus.js';

const run = corpusAvailable() ? describe : describe.skip;

const DML_WRITES = new Set(['insert', 'update', 'delete', 'replace']);
/** Statements whose table access both parsers model the same way: queries and DML. */
const COMPARED_KINDS = new Set(['QueryStatement', 'Insert', 'Update', 'Delete']);

/** node-sql-parser's `type::schema::table` entries, split into reads and writes. */
function theirTables(list: string[]): { reads: string[]; writes: string[] } {
  const reads = new Set<string>();
  const writes = new Set<string>();
  for (const entry of list) {
    const [type, schema, table] = entry.split('::') as [string, string, string];
    const name = schema === 'null' ? table : `${schema}.${table}`;
    if (type === 'select') reads.add(name);
    else if (DML_WRITES.has(type)) writes.add(name);
  }
  return { reads: [...reads].sort(), writes: [...writes].sort() };
}

run('cross-check with node-sql-parser', () => {
  it('finds the same tables read and written on every query and DML statement both parsers accept', () => {
    const theirs = new Parser();
    const records = readJsonl<ValidRecord>('valid.jsonl').filter((r) => !r.fragment && r.statement_type !== 'EXPRESSION');
    let compared = 0;
    const differences: string[] = [];
    for (const record of records) {
      const ours = parseScript(record.sql);
      if (ours.statements.length !== 1 || ours.diagnostics.length > 0) continue;
      const statement = ours.statements[0]!.ast!;
      if (!COMPARED_KINDS.has(statement.kind)) continue;
      // node-sql-parser does not look inside table-function calls: TUMBLE(TABLE t, ...) reads t.
      if (/\bTABLE\s*\(/i.test(record.sql)) continue;
      let list: string[];
      try {
        list = theirs.tableList(record.sql, { database: 'flinksql' });
        // node-sql-parser reads `JOIN b ON x = y, c` as ON (x = y, c), losing table c: not comparable.
        if (JSON.stringify(theirs.astify(record.sql, { database: 'flinksql' })).includes('"on":{"type":"expr_list"')) continue;
      } catch {
        continue;
      }
      compared++;
      const mine = tablesOf(statement);
      // node-sql-parser lists names defined by WITH as tables; they are not.
      const ctes = new Set([...record.sql.matchAll(/(?:WITH|,)\s+`?(\w+)`?\s*(?:\([^)]*\))?\s+AS\s*\(/gi)].map((m) => m[1]!));
      const other = theirTables(list);
      const theirReads = other.reads.filter((n) => !ctes.has(n));
      const expected = { reads: [...mine.reads].sort(), writes: [...mine.writes].sort() };
      const actual = { reads: theirReads, writes: other.writes };
      if (JSON.stringify(expected) !== JSON.stringify(actual)) {
        differences.push(`${record.id}\n    ours: ${JSON.stringify(expected)}\n    node-sql-parser: ${JSON.stringify(actual)}\n    ${record.sql.replace(/\s+/g, ' ').slice(0, 200)}`);
      }
    }
    console.log(`compared ${compared} statements accepted by both parsers; ${differences.length} differ`);
    if (differences.length > 0) console.log(differences.join('\n'));
    expect(compared).toBeGreaterThan(500);
    expect(differences).toEqual([]);
  });
});
