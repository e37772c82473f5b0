import { describe, expect, it } from 'vitest';
import { applyFix } from '../../src/diagnostics/apply-fix.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { parseScript } from '../../src/parse/index.js';

function errorsOf(sql: string): Diagnostic[] {
  return parseScript(sql).diagnostics.filter((d) => d.severity === 'error');
}

function onlyError(sql: string): Diagnostic {
  const errors = errorsOf(sql);
  expect(errors, errors.map((e) => e.message).join('\n')).toHaveLength(1);
  return errors[0]!;
}

function at(sql: string, d: Diagnostic): string {
  return sql.slice(d.span.start, d.span.end);
}

/** The safe fix must turn the statement into one that parses cleanly. */
function expectFixRepairs(sql: string, d: Diagnostic, expected: string): void {
  const fix = d.fixes?.find((f) => f.applicability === 'safe');
  expect(fix, 'a safe fix').toBeDefined();
  const fixed = applyFix(sql, fix!);
  expect(fixed).toBe(expected);
  expect(errorsOf(fixed)).toEqual([]);
}

const INTERNAL_WORDS = /IDENTIFIER|LPAREN|RPAREN|<EOF>|mismatched|extraneous|no viable|Context|QUOTED_|STRING_LITERAL|null/;

describe('syntax diagnostics', () => {
  it('recognizes a misspelled keyword after the select list and offers the keyword', () => {
    const sql = 'SELECT user_id, COUNT(*) FORM clicks GROUP BY user_id';
    const d = onlyError(sql);
    expect(d.code).toBe('FSQL1015');
    expect(d.category).toBe('syntax');
    expect(d.message).toBe('Unexpected `FORM` after the select list. Did you mean FROM?');
    expect(at(sql, d)).toBe('FORM');
    expectFixRepairs(sql, d, 'SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id');
  });

  it('names the clause a misspelling follows', () => {
    expect(onlyError('SELECT a FROM t WERE a = 1').message).toBe('Unexpected `WERE` after the FROM clause. Did you mean WHERE?');
    expect(onlyError('SELECT a FROM t WHERE a > 1 GRUOP BY a').message).toBe('Unexpected `GRUOP` after the WHERE condition. Did you mean GROUP?');
  });

  it('points a missing closing parenthesis at the end and relates it to the opener', () => {
    const sql = 'SELECT a, b\nFROM t\nWHERE (a > 1 AND (b < 2)';
    const d = onlyError(sql);
    expect(d.code).toBe('FSQL1012');
    expect(d.message).toBe('Missing `)` to close the `(` opened at line 3, column 7');
    expect(d.related?.[0]?.span).toEqual({ start: sql.indexOf('('), end: sql.indexOf('(') + 1 });
  });

  it('finds a parenthesis left open in the middle of a statement', () => {
    const table = "CREATE TABLE t (a INT WITH ('connector' = 'datagen')";
    const d = onlyError(table);
    expect(d.code).toBe('FSQL1012');
    expect(d.message).toBe('Missing `)` to close the `(` opened at line 1, column 16, before `WITH`');
    expectFixRepairs(table, d, "CREATE TABLE t (a INT) WITH ('connector' = 'datagen')");
    const call = 'SELECT COUNT(a FROM t';
    expectFixRepairs(call, onlyError(call), 'SELECT COUNT(a) FROM t');
  });

  it('reports a closing parenthesis without an opener', () => {
    const sql = 'SELECT a FROM t WHERE x = 1)';
    const d = onlyError(sql);
    expect(d.code).toBe('FSQL1013');
    expect(d.span.start).toBe(sql.length - 1);
  });

  it('explains reserved words used as names and quotes them', () => {
    const sql = 'SELECT timestamp FROM t';
    const d = onlyError(sql);
    expect(d.code).toBe('FSQL1014');
    expect(d.message).toContain('`timestamp` is a reserved word');
    expectFixRepairs(sql, d, 'SELECT `timestamp` FROM t');
  });

  it('says what is missing after an operator that ends the statement', () => {
    expect(onlyError('SELECT d FROM t WHERE d =').hint).toBe('`=` needs a value after it');
    expect(onlyError("SELECT d FROM t WHERE d = 'a' AND").hint).toBe('`AND` needs a condition after it');
  });

  it('recognises a temporal join written AS OF without FOR SYSTEM_TIME', () => {
    const sql = 'SELECT * FROM o JOIN r AS OF o.ts AS x ON o.k = x.k';
    const d = onlyError(sql);
    expect(d.code).toBe('FSQL1029');
    expect(d.message).toContain('`FOR SYSTEM_TIME` is missing before `AS OF`');
    expectFixRepairs(sql, d, 'SELECT * FROM o JOIN r FOR SYSTEM_TIME AS OF o.ts AS x ON o.k = x.k');
  });

  it('quotes a reserved word at the end of a statement when that completes it, and only then', () => {
    const sql = 'SELECT d FROM t GROUP BY day';
    const d = onlyError(sql);
    expect(d.code).toBe('FSQL1014');
    expectFixRepairs(sql, d, 'SELECT d FROM t GROUP BY `day`');
    expect(onlyError('SELECT d FROM t WHERE d =').code).toBe('FSQL1011');
  });

  it('reports every reserved word of a copied schema at once, with the other problems the statement has', () => {
    const sql = "CREATE TABLE t (id INT, timestamp TIMESTAMP(3), value STRING, rank INT, ts TIMESTAMP WITH TIME ZONE) WITH ('x' = 'y')";
    const found = errorsOf(sql);
    expect(found.map((d) => [d.code, at(sql, d)])).toEqual([
      ['FSQL1014', 'timestamp'], ['FSQL1014', 'value'], ['FSQL1014', 'rank'], ['FSQL1024', 'TIME'],
    ]);
  });

  it('finds reserved words that the lexer reads as plain names', () => {
    const sql = 'SELECT rank, value2 FROM t';
    const d = onlyError(sql);
    expect(d.code).toBe('FSQL1014');
    expect(at(sql, d)).toBe('rank');
  });

  it('finds a missing comma between column definitions', () => {
    const sql = "CREATE TABLE t (\n  a INT\n  b STRING\n) WITH ('connector' = 'datagen')";
    const d = onlyError(sql);
    expect(d.code).toBe('FSQL1016');
    expect(d.message).toBe('Missing comma between column definitions, before `b`');
    expectFixRepairs(sql, d, "CREATE TABLE t (\n  a INT,\n  b STRING\n) WITH ('connector' = 'datagen')");
  });

  it('finds a missing comma between options written on one line', () => {
    const sql = "CREATE TABLE t (a INT) WITH ('connector' = 'kafka' 'topic' = 'x')";
    const d = onlyError(sql);
    expect(d.message).toBe("Missing comma between options, before `'topic'`");
    expectFixRepairs(sql, d, "CREATE TABLE t (a INT) WITH ('connector' = 'kafka', 'topic' = 'x')");
  });

  it('names the list a missing comma belongs to', () => {
    const cases: Array<[string, string]> = [
      ['SELECT a, b c d FROM t', 'Missing comma between select items, before `d`'],
      ['SELECT a FROM t GROUP BY a b', 'Missing comma between GROUP BY items, before `b`'],
      ['SELECT a FROM t ORDER BY a b', 'Missing comma between ORDER BY items, before `b`'],
      ['SELECT CONCAT(a b) FROM t', 'Missing comma between function arguments, before `b`'],
      ['SELECT COUNT(b), COUNT(c)COUNT(d) FROM t', 'Missing comma between select items, before `COUNT`'],
      ["SELECT * FROM TABLE(TUMBLE(TABLE t DESCRIPTOR(ts), INTERVAL '1' MINUTE))", 'Missing comma between function arguments, before `DESCRIPTOR`'],
      ['INSERT INTO s PARTITION (a = 1 b = 2) SELECT 1', 'Missing comma between partition values, before `b`'],
    ];
    for (const [sql, message] of cases) {
      const d = onlyError(sql);
      expect(d.code).toBe('FSQL1016');
      expect(d.message).toBe(message);
      expect(parseScript(applyFix(sql, d.fixes![0]!)).diagnostics).toEqual([]);
    }
  });

  it('explains ALTER TABLE column actions written with COLUMN, as other databases do', () => {
    for (const sql of ['ALTER TABLE t ADD COLUMN c INT', 'ALTER TABLE t MODIFY COLUMN c BIGINT', 'ALTER TABLE t DROP COLUMN c', 'ALTER TABLE t RENAME COLUMN a TO b']) {
      const d = onlyError(sql);
      expect(d.code).toBe('FSQL1024');
      expect(at(sql, d)).toBe('COLUMN');
      expect(d.fixes![0]!.applicability).toBe('safe');
      expect(parseScript(applyFix(sql, d.fixes![0]!)).diagnostics).toEqual([]);
    }
    expect(parseScript('ALTER TABLE t ADD (`column` INT)').diagnostics).toEqual([]);
  });

  it('prefers the narrow keyword when several missing keywords would fit', () => {
    const options = "CREATE TABLE t (a INT) ('connector' = 'datagen')";
    const d = onlyError(options);
    expect(d.message).toBe('Missing WITH after `)`');
    expectFixRepairs(options, d, "CREATE TABLE t (a INT) WITH ('connector' = 'datagen')");
    const limit = 'SELECT * FROM t 10';
    expect(onlyError(limit).message).toBe('Missing LIMIT after `t`');
    expect(onlyError('SELECT * FROM t x > 1').code).not.toBe('FSQL1029');
  });

  it('quotes option values and keys written as names or numbers', () => {
    for (const [sql, fixed] of [
      ["CREATE TABLE t (a INT) WITH ('connector' = kafka)", "CREATE TABLE t (a INT) WITH ('connector' = 'kafka')"],
      ["CREATE TABLE t (a INT) WITH ('connector' = `kafka`)", "CREATE TABLE t (a INT) WITH ('connector' = 'kafka')"],
      ["ALTER TABLE t SET ('sink.parallelism' = 4)", "ALTER TABLE t SET ('sink.parallelism' = '4')"],
      ["CREATE TABLE t (a INT) WITH (`connector` = 'kafka')", "CREATE TABLE t (a INT) WITH ('connector' = 'kafka')"],
    ] as const) {
      expectFixRepairs(sql, onlyError(sql), fixed);
    }
  });

  it("rejects what Flink's SQL conformance rejects: !=, MINUS and LIMIT start, count", () => {
    for (const [sql, fixed] of [
      ['SELECT * FROM t WHERE a != 1', 'SELECT * FROM t WHERE a <> 1'],
      ['SELECT a FROM t MINUS SELECT a FROM u', 'SELECT a FROM t EXCEPT SELECT a FROM u'],
      ['SELECT a FROM t LIMIT 2, 3', 'SELECT a FROM t LIMIT 3 OFFSET 2'],
    ] as const) {
      const d = onlyError(sql);
      expect(d.code).toBe('FSQL1024');
      expectFixRepairs(sql, d, fixed);
    }
  });

  it('suggests LIMIT for SELECT TOP', () => {
    const sql = 'SELECT TOP 10 a FROM t ORDER BY a';
    const d = onlyError(sql);
    expect(d.message).toBe('Flink SQL has no SELECT TOP: write LIMIT 10 at the end of the query');
    expectFixRepairs(sql, d, 'SELECT a FROM t ORDER BY a LIMIT 10');
  });

  it('finds the comma missing before a table constraint', () => {
    const sql = "CREATE TABLE t (id INT, ts TIMESTAMP(3) PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'datagen')";
    const d = onlyError(sql);
    expect(d.message).toBe('Missing comma between column definitions, before `PRIMARY`');
    expectFixRepairs(sql, d, sql.replace('TIMESTAMP(3) PRIMARY', 'TIMESTAMP(3), PRIMARY'));
  });

  it('explains operators from programming languages', () => {
    const equals = 'SELECT * FROM t WHERE a == 1';
    const d = onlyError(equals);
    expect(d.message).toBe('SQL compares with a single `=`, not `==`');
    expectFixRepairs(equals, d, 'SELECT * FROM t WHERE a = 1');
    const and = 'SELECT * FROM t WHERE a = 1 && b = 2';
    const a = onlyError(and);
    expect(a.message).toBe('`&&` is not an operator in SQL: write AND');
    expectFixRepairs(and, a, 'SELECT * FROM t WHERE a = 1 AND b = 2');
  });

  it('finds two words written without the space between them', () => {
    const cases: Array<[string, string]> = [
      ['SELECT a FROM t ORDERBY a', 'ORDER BY'],
      ['SELECT a, COUNT(*) FROM t GROUPBY a', 'GROUP BY'],
      ['DELETEFROM t WHERE a > 1', 'DELETE FROM'],
      ['SELECT * FROMt', 'FROM t'],
      ["SELECT CAST(a ASTIMESTAMP(3)) FROM t", 'AS TIMESTAMP'],
      ['SELECT a FROM t WHERE a > 1 ANDb < 2', 'AND b'],
    ];
    for (const [sql, words] of cases) {
      const d = onlyError(sql);
      expect(d.code).toBe('FSQL1033');
      expect(d.message).toContain(`did you mean \`${words}\``);
      expectFixRepairs(sql, d, sql.replace(words.replace(' ', ''), words));
    }
  });

  it('does not split a name that merely starts with a keyword', () => {
    const d = onlyError('SELECT description FROM t WHERE');
    expect(d.code).toBe('FSQL1011');
    expect(onlyError('SELECT a FORM t').code).toBe('FSQL1015');
  });

  it('accepts only a number or a parameter after LIMIT, as Calcite does', () => {
    for (const sql of ['SELECT a FROM t LIMIT 10', 'SELECT a FROM t LIMIT ?', 'SELECT a FROM t LIMIT ALL']) expect(parseScript(sql).diagnostics).toEqual([]);
    const d = onlyError('SELECT a FROM t LIMIT n');
    expect(d.message).toBe('Unexpected `n` after `LIMIT`');
    expect(d.hint).toContain('a number');
  });

  it('finds a missing keyword and says where it goes', () => {
    const sql = "CREATE TABLE t (ts TIMESTAMP(3), WATERMARK ts AS ts) WITH ('connector' = 'datagen')";
    const d = onlyError(sql);
    expect(d.code).toBe('FSQL1029');
    expect(d.message).toBe('Missing FOR after `WATERMARK`');
    expectFixRepairs(sql, d, "CREATE TABLE t (ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen')");
    expect(onlyError('SELECT a FROM t GROUP a').message).toBe('Missing BY after `GROUP`');
  });

  it('finds an extra comma rather than calling the next keyword a name', () => {
    const sql = 'SELECT a, b, FROM t';
    const d = onlyError(sql);
    expect(d.code).toBe('FSQL1028');
    expectFixRepairs(sql, d, 'SELECT a, b FROM t');
    const options = "CREATE TABLE t (a INT) WITH ('connector' = 'datagen',)";
    expectFixRepairs(options, onlyError(options), "CREATE TABLE t (a INT) WITH ('connector' = 'datagen')");
  });

  it('finds a missing semicolon between statements', () => {
    const sql = 'SELECT 1\nSELECT 2';
    const d = onlyError(sql);
    expect(d.code).toBe('FSQL1022');
    expectFixRepairs(sql, d, 'SELECT 1;\nSELECT 2');
  });

  it('recognises template placeholders left in the script', () => {
    const sql = 'SELECT * FROM ${source_table} WHERE dt = 1';
    const d = onlyError(sql);
    expect(d.code).toBe('FSQL1031');
    expect(at(sql, d)).toBe('${source_table}');
    expect(onlyError('INSERT INTO {{ sink }} SELECT 1').message).toBe('`{{ sink }}` is a template placeholder, not SQL');
  });

  it('explains double quotes', () => {
    const d = onlyError('SELECT "name" FROM t');
    expect(d.message).toContain('does not use double quotes');
    expect(d.hint).toContain('`name`');
  });

  it('reports unterminated strings, names and comments where they start', () => {
    expect(onlyError("SELECT 'abc").code).toBe('FSQL1017');
    expect(onlyError('SELECT `abc FROM t').code).toBe('FSQL1019');
    expect(onlyError('SELECT 1 /* never closed').code).toBe('FSQL1018');
    const d = onlyError("SELECT a,\n  'abc");
    expect(d.message).toBe('The string starting at line 2, column 3 is never closed');
  });

  it('says what was expected when a statement ends too early', () => {
    const d = onlyError('SELECT a FROM');
    expect(d.code).toBe('FSQL1011');
    expect(d.message).toBe('The statement ends too early after `FROM`');
    expect(d.hint).toBeDefined();
  });

  it('reports Flink\'s parser-level rules', () => {
    expect(onlyError("CREATE TABLE t (a INT) WITH (a.b = 'x')").message).toContain('Option keys must be string literals');
    expect(onlyError("CREATE TABLE t (ts TIMESTAMP(3) WITH TIME ZONE) WITH ('connector' = 'datagen')").message).toBe('Flink has no TIMESTAMP WITH TIME ZONE type');
    expect(onlyError("CREATE TABLE t (a INT, WATERMARK FOR a AS a, WATERMARK FOR a AS a) WITH ('x' = 'y')").code).toBe('FSQL1026');
    expect(onlyError("CREATE TABLE t (a INT) DISTRIBUTED INTO 3.5 BUCKETS WITH ('x' = 'y')").message).toBe('The bucket count must be a positive integer');
    expect(onlyError("create system function f as 'com.example.F'").message).toContain('system functions can only be temporary');
    expect(onlyError('UPSERT OVERWRITE t SELECT 1').message).toContain('OVERWRITE can only be used with INSERT');
  });

  it('never shows parser internals in messages or hints', () => {
    const broken = [
      'SELECT', 'SELECT FROM t', 'SELECT a,, b FROM t', 'CREATE TABLE', 'INSERT INTO t VALUES (1,', 'SELECT * FROM t WHERE',
      'SELECT CASE WHEN a THEN b FROM t', 'CREATE TABLE t (a INT', 'SHOW TABLEZ', 'SELECT a FROM t ORDER a', '))',
      "SELECT JSON_VALUE(a, '$.x' RETURNING) FROM t", 'SELECT 1 +', 'ALTER TABLE t ADD',
    ];
    for (const sql of broken) {
      const errors = errorsOf(sql);
      expect(errors.length, sql).toBeGreaterThan(0);
      for (const e of errors) {
        expect(e.message, sql).not.toMatch(INTERNAL_WORDS);
        expect(e.hint ?? '', sql).not.toMatch(INTERNAL_WORDS);
      }
    }
  });
});

describe('scripts', () => {
  it('splits statements, keeps exact spans and names their kinds', () => {
    const sql = "-- a comment\nCREATE TABLE t (a INT) WITH ('connector' = 'datagen');\n\nINSERT INTO s SELECT a FROM t;\nSELECT 1";
    const result = parseScript(sql);
    expect(result.diagnostics).toEqual([]);
    expect(result.statements.map((s) => s.kind)).toEqual(['CREATE TABLE', 'INSERT', 'SELECT']);
    expect(result.statements.map((s) => sql.slice(s.span.start, s.span.end))).toEqual([
      "CREATE TABLE t (a INT) WITH ('connector' = 'datagen')", 'INSERT INTO s SELECT a FROM t', 'SELECT 1',
    ]);
  });

  it('keeps the semicolons inside EXECUTE STATEMENT SET in one statement', () => {
    const sql = 'EXECUTE STATEMENT SET BEGIN\nINSERT INTO a SELECT 1;\nINSERT INTO b SELECT 2;\nEND;\nSELECT 3;';
    const result = parseScript(sql);
    expect(result.diagnostics).toEqual([]);
    expect(result.statements.map((s) => s.kind)).toEqual(['EXECUTE STATEMENT SET', 'SELECT']);
    const set = result.statements[0]!.ast;
    expect(set?.kind).toBe('Execute');
  });

  it('recovers per statement: a broken statement hides neither errors nor valid statements after it', () => {
    const sql = 'SELECT a FORM t;\nSELECT b FROM u;\nSELECT c FROM v WHERE;\nSELECT d FROM w';
    const result = parseScript(sql);
    expect(result.diagnostics.map((d) => result.source.position(d.span.start).line)).toEqual([1, 3]);
    expect(result.statements.map((s) => s.ast !== null)).toEqual([false, true, false, true]);
  });

  it('blames a semicolon that ends a statement in the middle, and removing it fixes the script', () => {
    const cases = [
      'SELECT o.id, c.name FROM orders o\nLEFT JOIN customers c ON o.cid = c.id;\nLEFT JOIN regions r ON c.rid = r.id;',
      "CREATE TABLE t (a INT);\nWITH ('connector' = 'datagen');",
      'SELECT a FROM t;\nWHERE a > 1\nGROUP BY a;',
    ];
    for (const sql of cases) {
      const result = parseScript(sql);
      expect(result.diagnostics.map((d) => d.code)).toEqual(['FSQL1032']);
      const d = result.diagnostics[0]!;
      expect(d.related?.[0]?.span.start).toBe(sql.indexOf(';'));
      expect(d.span.start).toBe(sql.slice(sql.indexOf(';') + 1).search(/\S/) + sql.indexOf(';') + 1);
      expect(d.fixes?.[0]?.applicability).toBe('safe');
      const fixed = parseScript(applyFix(sql, d.fixes![0]!));
      expect(fixed.diagnostics).toEqual([]);
      expect(fixed.statements).toHaveLength(1);
    }
  });

  it('does not blame the semicolon when the next statement is broken on its own', () => {
    const result = parseScript('SELECT a FROM t;\nSELECT b FORM u;\nSELECT c FROM v;\nWHERE c > 1;\nSELECT d FROM w;\nFROM x;');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['FSQL1015', 'FSQL1032', 'FSQL1010']);
    const broken = parseScript('SELECT a FROM t;\nGROUP BY;');
    expect(broken.diagnostics.map((d) => d.code)).toEqual(['FSQL1032']);
    expect(broken.diagnostics[0]!.fixes?.[0]?.applicability).toBe('unsafe');
    const unrelated = parseScript('SELECT 1;\nPARTITION BY a');
    expect(unrelated.diagnostics.map((d) => d.code)).toEqual(['FSQL1010']);
    const afterBroken = parseScript('SELECT a FORM t;\nWHERE a > 1;');
    expect(afterBroken.diagnostics.map((d) => d.code)).toEqual(['FSQL1015', 'FSQL1010']);
    const afterSet = parseScript('SET a = b;\nDROP TABLE x CASCADE;');
    expect(afterSet.diagnostics.map((d) => d.code)).not.toContain('FSQL1032');
  });

  it('explains a SET without `=` instead of guessing a keyword', () => {
    const result = parseScript('SET search_path TO inventory');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['FSQL1011']);
    const d = result.diagnostics[0]!;
    expect(d.message).toBe('SET needs `=` between the option key and its value');
    expect(d.fixes?.[0]?.applicability).toBe('unsafe');
    expect(parseScript(applyFix('SET search_path TO inventory', d.fixes![0]!)).diagnostics).toEqual([]);
    const bare = parseScript("SET 'parallelism.default' 4");
    expect(bare.diagnostics[0]!.message).toContain('SET needs `=`');
    expect(bare.diagnostics[0]!.fixes).toBeUndefined();
  });

  it('does not check statements written in the Hive dialect, and checks again after switching back', () => {
    const sql = "SET table.sql-dialect = hive;\nCREATE TABLE h (a INT) STORED AS ORC;\nSET 'table.sql-dialect' = 'default';\nSELECT a FORM t";
    const result = parseScript(sql);
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([['FSQL1030', 'info'], ['FSQL1015', 'error']]);
    expect(result.statements.map((s) => s.kind)).toEqual(['SET', 'CREATE TABLE', 'SET', 'SELECT']);
    expect(result.statements[1]!.ast).toBeNull();
  });

  it('reports positions in UTF-16 code units with 1-based lines and columns', () => {
    const sql = "SELECT '😀😀' AS e,\r\n  x FORM t";
    const result = parseScript(sql);
    const d = result.diagnostics[0]!;
    const start = result.source.position(d.span.start);
    expect(start.line).toBe(2);
    expect(sql.slice(d.span.start, d.span.end)).toBe('FORM');
    const emoji = "SELECT '😀' x FORM t";
    const r2 = parseScript(emoji);
    const p = r2.source.position(r2.diagnostics[0]!.span.start);
    expect(p.column).toBe(emoji.indexOf('FORM') + 1);
    expect(emoji.slice(r2.diagnostics[0]!.span.start, r2.diagnostics[0]!.span.end)).toBe('FORM');
  });
});
