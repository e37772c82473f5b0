import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseScript, predictionCacheStats, setPredictionCacheLimit } from '../../src/parse/index.js';
import { printStatement } from '../../src/ast/print.js';
import { validateScript } from '../../src/validate.js';

describe('size limits', () => {
  it('refuses a script over the character limit with one FSQL1005 and checks nothing in it', () => {
    const sql = 'SELECT 1;\n'.repeat(20);
    const result = parseScript(sql, { maxScriptChars: 100 });
    expect(result.statements).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['FSQL1005']);
    expect(result.diagnostics[0]!.message).toBe('This script is 200 characters long; flinkcheck checks scripts of up to 100 characters, so nothing in it was checked');
    expect(result.diagnostics[0]!.span).toEqual({ start: 0, end: 'SELECT 1;'.length });
    expect(parseScript(sql, { maxScriptChars: 200 }).diagnostics).toEqual([]);
  });

  it('checks the first statements up to the limit and reports the skipped ones with FSQL1027', () => {
    const sql = 'SELECT 1;\nSELECT 2;\nSELECT x FROM;\nSELECT 4';
    const result = parseScript(sql, { maxStatements: 2 });
    expect(result.statements.map((s) => s.index)).toEqual([0, 1]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['FSQL1027']);
    const d = result.diagnostics[0]!;
    expect(sql.slice(d.span.start, d.span.end)).toBe('SELECT x FROM;\nSELECT 4');
    expect(d.message).toBe('This script has 4 statements; flinkcheck checked the first 2 and skipped the 2 from here on');
  });

  it('applies the default limits through validateScript', () => {
    const huge = `SELECT '${'x'.repeat(1_048_576)}'`;
    expect(validateScript(huge).diagnostics.map((d) => d.code)).toEqual(['FSQL1005']);
    const many = 'SELECT 1;'.repeat(10_001);
    const result = validateScript(many, { rules: false });
    expect(result.statements).toHaveLength(10_000);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['FSQL1027']);
  });
});

describe('the prediction cache bound', () => {
  afterEach(() => setPredictionCacheLimit());

  it('empties the caches past the limit, and parses exactly as before', () => {
    const corpus = join(__dirname, '..', '..', '..', 'shared', 'corpus', 'flink', 'valid.jsonl');
    const statements = readFileSync(corpus, 'utf8').trim().split('\n').slice(0, 400).map((line) => (JSON.parse(line) as { sql: string }).sql);
    const print = (sql: string): string[] => parseScript(sql).statements.map((s) => (s.ast === null ? 'null' : printStatement(s.ast)));
    const unbounded = statements.map(print);

    setPredictionCacheLimit(1_000);
    const before = predictionCacheStats().resets;
    const bounded = statements.map(print);
    const after = predictionCacheStats();
    expect(after.resets).toBeGreaterThan(before);
    // Checked every 64 scripts: the cache can exceed the limit only by what those add.
    expect(after.states).toBeLessThan(3_000);
    expect(bounded).toEqual(unbounded);
  });
});

describe('join chains', () => {
  const chain = (joins: number): string =>
    `SELECT 1 FROM t0 ${Array.from({ length: joins }, (_, i) => `JOIN t${i + 1} ON t${i}.id = t${i + 1}.id`).join(' ')}`;

  it('checks a statement with up to 1,000 joins and refuses a longer chain like deep nesting', () => {
    expect(parseScript(chain(1_000)).diagnostics).toEqual([]);
    const result = parseScript(chain(1_001));
    expect(result.statements[0]!.ast).toBeNull();
    expect(result.diagnostics.map((d) => d.code)).toEqual(['FSQL1021']);
    expect(result.diagnostics[0]!.message).toBe('This statement has more than 1,000 joins');
  });

  it('refuses more than 1,000 set operations the same way', () => {
    const union = (n: number): string => Array.from({ length: n + 1 }, (_, i) => `SELECT ${i}`).join(' UNION ALL ');
    expect(parseScript(union(1_000)).diagnostics).toEqual([]);
    expect(parseScript(union(1_001)).diagnostics.map((d) => d.message)).toEqual(['This statement has more than 1,000 UNION, INTERSECT or EXCEPT operations']);
  });
});

describe('the diagnostics cap', () => {
  const table = "CREATE TABLE t (a INT, s STRING) WITH ('connector' = 'datagen');\n";

  it('keeps the errors before the warnings, in position order, and says how many were left out', () => {
    // Three unbounded GROUP BYs (warnings) come before two type errors.
    const sql = table + 'SELECT a, COUNT(*) FROM t GROUP BY a;\n'.repeat(3) + "SELECT a + 'x' FROM t;\nSELECT s + 'y' FROM t;";
    const all = validateScript(sql).diagnostics;
    expect(all.map((d) => d.severity)).toEqual(['warning', 'warning', 'warning', 'error', 'error']);
    const capped = validateScript(sql, { maxDiagnostics: 3 }).diagnostics;
    expect(capped.map((d) => `${d.code} ${d.severity}`)).toEqual(['FSQL9003 warning', 'FSQL3030 error', 'FSQL3030 error', 'FSQL1006 warning']);
    const note = capped.at(-1)!;
    expect(note.message).toBe('2 more diagnostics are not shown: flinkcheck reports at most 3 per script (errors first)');
    expect(note.span.start).toBe(all[1]!.span.start);
  });

  it('leaves a script under the cap alone', () => {
    const sql = table + "SELECT a + 'x' FROM t";
    expect(validateScript(sql, { maxDiagnostics: 1 }).diagnostics.map((d) => d.code)).toEqual(['FSQL3030']);
  });
});

describe('operator chains', () => {
  it('refuses expressions that chain more than 2,000 operators on one path, whatever the operator', () => {
    const refused = (sql: string): boolean => parseScript(sql).diagnostics.some((d) => d.code === 'FSQL1021' && d.message.includes('operators'));
    expect(refused(`SELECT a FROM t GROUP BY ${'- '.repeat(2_001)}a`)).toBe(true);
    expect(refused(`SELECT ${'NOT '.repeat(2_001)}a FROM t`)).toBe(true);
    expect(refused(`SELECT ${Array(2_002).fill('a').join(' + ')} FROM t`)).toBe(true);
    expect(refused(`SELECT a${'.b'.repeat(2_001)} FROM t`)).toBe(true);
    expect(refused(`SELECT a${'[1]'.repeat(2_001)} FROM t`)).toBe(true);
  });

  it('counts siblings separately: long select lists, argument lists and OR of hundreds of comparisons pass', () => {
    const ok = (sql: string): void => expect(parseScript(sql).diagnostics).toEqual([]);
    ok(`SELECT ${Array.from({ length: 5_000 }, (_, i) => `a + ${i} AS c${i}`).join(', ')} FROM t`);
    ok(`SELECT * FROM t WHERE ${Array.from({ length: 500 }, (_, i) => `a = ${i}`).join(' OR ')}`);
    ok(`SELECT COALESCE(${Array.from({ length: 3_000 }, (_, i) => `a * ${i}`).join(', ')}) FROM t`);
    ok(Array.from({ length: 900 }, (_, i) => `SELECT a + ${i} FROM t`).join(' UNION ALL '));
  });
});

describe('WITH clauses', () => {
  const withClause = (n: number): string =>
    `WITH ${Array.from({ length: n }, (_, i) => `c${i} AS (SELECT ${i} AS x${i === 0 ? '' : ` FROM c${i - 1}`})`).join(', ')} SELECT * FROM c${n - 1}`;

  it('checks up to 1,000 queries in one WITH clause and refuses more', () => {
    expect(parseScript(withClause(1_000)).diagnostics).toEqual([]);
    const result = parseScript(withClause(1_001));
    expect(result.statements[0]!.ast).toBeNull();
    expect(result.diagnostics.map((d) => d.message)).toEqual(['This WITH clause defines more than 1,000 queries']);
  });
});
