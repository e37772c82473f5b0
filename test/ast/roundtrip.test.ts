/**
 * Printing is faithful: parse -> print -> parse gives the same AST (spans aside), over the Flink
 * corpus and over hand-picked statements for forms the corpus lacks. Every mismatch is listed.
 */
import { describe, expect, it } from 'vitest';
import { printDataType, printExpression, printStatement } from '../../src/ast/print.js';
import { parseDataType, parseExpression, parseScript } from '../../src/parse/index.js';
import { corpusAvailable, readJsonl, type ValidRecord } from '../support/corpus.js';

const SPAN_KEYS = new Set(['span', 'keySpan', 'valueSpan', 'metadataKeySpan']);

/** The AST as JSON without positions, so that two parses of different text compare equal. */
function shape(node: unknown): string {
  return JSON.stringify(node, (key, value: unknown) => (SPAN_KEYS.has(key) ? undefined : value));
}

function oneLine(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 3) + '...' : flat;
}

/** Where two shapes first differ, with some context. */
function difference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `\n      was: ...${a.slice(Math.max(0, i - 100), i + 80)}\n      now: ...${b.slice(Math.max(0, i - 100), i + 80)}`;
}

/** Round-trips every statement of `sql`; returns a description of each failure. */
function roundTripScript(sql: string, label: string): { checked: number; failures: string[] } {
  const first = parseScript(sql);
  const failures: string[] = [];
  let checked = 0;
  for (const statement of first.statements) {
    if (statement.ast === null) continue;
    checked++;
    let printed: string;
    try {
      printed = printStatement(statement.ast);
    } catch (error) {
      failures.push(`${label}: printing threw ${String(error)}\n    ${oneLine(sql)}`);
      continue;
    }
    const second = parseScript(printed);
    const again = second.statements.length === 1 ? second.statements[0]!.ast : null;
    if (second.diagnostics.some((d) => d.category === 'syntax') || again === null) {
      const messages = second.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ');
      failures.push(`${label}: the printed text does not parse (${messages})\n    source:  ${oneLine(sql)}\n    printed: ${oneLine(printed)}`);
      continue;
    }
    const [was, now] = [shape(statement.ast), shape(again)];
    if (was !== now) {
      failures.push(`${label}: the AST changed\n    source:  ${oneLine(sql)}\n    printed: ${oneLine(printed)}${difference(was, now)}`);
    } else if (printStatement(again) !== printed) {
      failures.push(`${label}: printing is not stable\n    printed: ${oneLine(printed)}\n    again:   ${oneLine(printStatement(again))}`);
    }
  }
  return { checked, failures };
}

function report(what: string, checked: number, failures: readonly string[]): void {
  console.log(`${what}: ${checked} round-tripped, ${failures.length} failed`);
  if (failures.length > 0) console.log(`failures:\n  ${failures.join('\n  ')}`);
}

const corpus = corpusAvailable() ? describe : describe.skip;

corpus('round trip over the Flink corpus', () => {
  it('reproduces the AST of every valid statement that parses cleanly', () => {
    const failures: string[] = [];
    let checked = 0;
    for (const record of readJsonl<ValidRecord>('valid.jsonl')) {
      if (record.fragment || record.statement_type === 'EXPRESSION') continue;
      if (parseScript(record.sql).diagnostics.some((d) => d.category === 'syntax')) continue;
      const result = roundTripScript(record.sql, record.id);
      checked += result.checked;
      failures.push(...result.failures);
    }
    report('valid.jsonl statements', checked, failures);
    expect(checked).toBeGreaterThan(3000);
    expect(failures).toEqual([]);
  });

  it('reproduces every expression and type of the function tests', () => {
    interface Typed { id: string; expr: string; input_types: string[]; expected_type: string }
    const expressions = [
      ...readJsonl<Typed>('exprtypes.jsonl').map((r) => ({ id: r.id, text: r.expr })),
      ...readJsonl<ValidRecord>('valid.jsonl').filter((r) => !r.fragment && r.statement_type === 'EXPRESSION').map((r) => ({ id: r.id, text: r.sql })),
    ];
    const failures: string[] = [];
    let checked = 0;
    for (const { id, text } of expressions) {
      const first = parseExpression(text);
      if (first.expression === null || first.diagnostics.some((d) => d.category === 'syntax')) continue;
      checked++;
      const printed = printExpression(first.expression);
      const second = parseExpression(printed);
      if (second.expression === null || second.diagnostics.some((d) => d.category === 'syntax')) failures.push(`${id}: the printed text does not parse\n    source:  ${text}\n    printed: ${printed}`);
      else if (shape(first.expression) !== shape(second.expression)) {
        failures.push(`${id}: the AST changed\n    source:  ${text}\n    printed: ${printed}${difference(shape(first.expression), shape(second.expression))}`);
      }
    }
    const types = new Set(readJsonl<Typed>('exprtypes.jsonl').flatMap((r) => [...r.input_types, r.expected_type]));
    for (const text of types) {
      const first = parseDataType(text);
      if (first.type === null || first.diagnostics.some((d) => d.category === 'syntax')) continue;
      checked++;
      const printed = printDataType(first.type);
      const second = parseDataType(printed);
      if (second.type === null || shape(first.type) !== shape(second.type)) failures.push(`type ${text}: printed as ${printed}`);
    }
    report('exprtypes.jsonl expressions and types', checked, failures);
    expect(checked).toBeGreaterThan(500);
    expect(failures).toEqual([]);
  });
});

/** Forms the corpus has few or no examples of. */
const EXTRA = [
  "SELECT a FROM t WHERE (a LIKE 'x') AND b = 1",
  'SELECT a FROM t WHERE (x BETWEEN 1 AND 2) AND c OR (y NOT BETWEEN SYMMETRIC 3 AND 4) AND d',
  "SELECT a FROM t WHERE NOT (a LIKE 'x') AND b OR c AND (a NOT ILIKE 'y' ESCAPE '!')",
  'SELECT x BETWEEN (1 AND 2) AND 3, a = b IS NULL, a = (b IS NULL), (a = b) = c, a = (b = c) FROM t',
  'SELECT a LIKE (b = c), x BETWEEN 1 AND (b = c), (NOT a) = b, NOT (a AND b), a IS DISTINCT FROM (b = c), a MEMBER OF (b IN (1)), -(a + b), (a + b) * c FROM t',
  "SELECT a LIKE b = c, a BETWEEN b AND c IS FALSE, NOT a IS NULL, a || (b + c), (a || b) + c, a[1 + 1], (a = b)[1], (x IS NULL) IN (TRUE) FROM t",
  'SELECT -a, +a, - -a, -(-1), NOT NOT a, -(a + b), (-a)[1], a || b || c, a * (b / c) % d, a - (b - c), (a OR b) AND c FROM t',
  'SELECT a IS NOT DISTINCT FROM b, a IS JSON OBJECT, a IS NOT JSON, a MEMBER OF b, a NOT SUBMULTISET OF b FROM t',
  'SELECT a = ANY (SELECT 1), a > ALL (SELECT b FROM u), a IN (1, 2), a NOT IN (SELECT b FROM u), EXISTS (SELECT 1) FROM t',
  "SELECT CAST(a AS ROW<x INT 'd', `y z` ARRAY<STRING NOT NULL>> NOT NULL), CAST(b AS ROW<>), CAST(c AS ROW()), CAST(d AS INT ARRAY MULTISET) FROM t",
  "SELECT CAST(a AS INTERVAL DAY(2) TO SECOND(3)), CAST(b AS RAW('java.lang.String', 'snap')), CAST(c AS TIMESTAMP(3) WITH LOCAL TIME ZONE), CAST(d AS my.udt) FROM t",
  'SELECT CAST(a AS CHAR VARYING(3)), CAST(a AS DOUBLE PRECISION), CAST(a AS DEC(3)), CAST(a AS NUMERIC(5, 1)), CAST(a AS REAL), CAST(a AS INTEGER) FROM t',
  'SELECT COUNT(*), COUNT(DISTINCT a), ARRAY_AGG(a ORDER BY b DESC NULLS LAST), LISTAGG(a) WITHIN GROUP (ORDER BY b), SUM(a) FILTER (WHERE a > 0) FROM t',
  'SELECT LAST_VALUE(a) IGNORE NULLS OVER w, SUM(a) OVER (w ROWS 2 PRECEDING) FROM t WINDOW w AS (PARTITION BY b ORDER BY c)',
  "SELECT SUM(a) OVER (ORDER BY c RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW), ROW_NUMBER() OVER () FROM t",
  'SELECT CURRENT_TIMESTAMP, USER, LEFT(a, 2), RIGHT(a, 2), TRUNCATE(a, 2), FLOOR(a), CEILING(a), FLOOR(a TO DAY), SUBSTRING(a, 1, 2), YEAR(d) FROM t',
  "SELECT EXTRACT(DAY FROM a), POSITION('a' IN b FROM 2), OVERLAY(a PLACING 'x' FROM 1 FOR 2), TRIM(BOTH ' ' FROM a), TRIM(LEADING FROM a), TIMESTAMPDIFF(HOUR, a, b) FROM t",
  "SELECT JSON_VALUE(a, '$.x' RETURNING INT DEFAULT 0 ON EMPTY ERROR ON ERROR), JSON_QUERY(a, '$' WITH UNCONDITIONAL ARRAY WRAPPER EMPTY OBJECT ON EMPTY), JSON_EXISTS(a, '$.z' UNKNOWN ON ERROR) FROM t",
  "SELECT JSON_OBJECT(KEY 'a' VALUE b, 'c' : d ABSENT ON NULL), JSON_OBJECT(), JSON_ARRAY(1 NULL ON NULL), JSON_OBJECTAGG(KEY a VALUE b), JSON_ARRAYAGG(a ORDER BY b) FROM t",
  'SELECT ROW(1, 2), (1, 2), ARRAY[1], ARRAY[], MULTISET[1], MAP[1, 2], ARRAY(SELECT 1), MAP(SELECT a, b FROM t), ? FROM t',
  "SELECT a[1].b, f(x).y, t.a.b.c, t.*, `select`, `a``b`, `hash`, größe, N'x', _UTF16'x', U&'\\0041', 'it''s', X'0AFF', TIME '10:00:00' FROM t",
  "SELECT INTERVAL -'1' YEAR, INTERVAL '1 10' DAY TO HOUR, INTERVAL '1' SECOND(3), INTERVAL '1:2' MINUTE(2) TO SECOND(3) FROM t",
  'SELECT f(a => 1, b => DEFAULT), g(TABLE t PARTITION BY a ORDER BY b), FINAL LAST(A.price) FROM t',
  'SELECT DISTINCT a AS x FROM t GROUP BY ALL ROLLUP(a, b), CUBE(a), GROUPING SETS ((a, b), a, ()) HAVING COUNT(*) > 1',
  "SELECT /*+ OPTIONS('a.b' = 'c'), BROADCAST(t1), SHUFFLE_HASH */ a FROM t /*+ OPTIONS('k'='v') */ AS x",
  'SELECT * FROM t1 CROSS JOIN t2 LEFT JOIN t3 ON t1.a = t3.a RIGHT OUTER JOIN t4 USING (a) FULL JOIN (t5 JOIN t6 ON TRUE) ON TRUE NATURAL JOIN t7',
  'SELECT * FROM t1 CROSS APPLY f(x) OUTER APPLY g(y), LATERAL TABLE(h(t1.a)) AS u (x), UNNEST(t1.arr) WITH ORDINALITY AS v (e, o), LATERAL (SELECT 1) AS w',
  "SELECT * FROM TABLE(TUMBLE(TABLE Bid, DESCRIPTOR(bidtime), INTERVAL '10' MINUTES)), t EXTEND (x INT), o JOIN r FOR SYSTEM_TIME AS OF o.pt AS r2 ON o.id = r2.id",
  'SELECT 1 UNION SELECT 2 UNION ALL SELECT 3 INTERSECT SELECT 4 EXCEPT DISTINCT SELECT 5 EXCEPT ALL SELECT 6',
  'SELECT 1 UNION (SELECT 2 UNION SELECT 3)',
  '(SELECT 1 UNION SELECT 2) INTERSECT SELECT 3',
  '(SELECT a FROM t ORDER BY a LIMIT 1) UNION SELECT 2 ORDER BY 1 LIMIT 10 OFFSET 5',
  'SELECT a FROM t LIMIT ALL',
  'SELECT a FROM t OFFSET 2 ROWS FETCH NEXT 3 ROWS ONLY',
  'WITH RECURSIVE x (a) AS (SELECT 1), y AS (SELECT 2) SELECT * FROM x, y',
  'VALUES (1, 2), (3, 4)',
  'TABLE c.d.t',
  'SELECT * FROM t MATCH_RECOGNIZE (PARTITION BY a ORDER BY b MEASURES FIRST(A.x) AS fx ALL ROWS PER MATCH AFTER MATCH SKIP TO FIRST A '
    + "PATTERN (^ A B+? C* D{2} E{2,} F{,3} G{1,3}? (H | I) {- J -} PERMUTE(K, L) () $) WITHIN INTERVAL '1' HOUR SUBSET S = (A, B) DEFINE A AS a > 1) AS m",
  'SELECT * FROM t MATCH_RECOGNIZE (ORDER BY b AFTER MATCH SKIP TO A PATTERN (A | B C) DEFINE A AS TRUE)',
  "INSERT OVERWRITE t PARTITION (a = 1, b) SELECT 1; UPSERT INTO t (a, b) VALUES (1, 2); INSERT INTO t /*+ OPTIONS('k'='v') */ (x INT) (x) SELECT 1",
  'EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT 1; INSERT INTO b SELECT 2; END',
  "EXECUTE INSERT INTO a SELECT 1; EXECUTE SELECT 1; EXECUTE PLAN '/p.json'; COMPILE AND EXECUTE PLAN '/p.json' IF NOT EXISTS FOR INSERT INTO a SELECT 1",
  'BEGIN STATEMENT SET; END; HELP; QUIT; EXIT; CLEAR',
  "CREATE TABLE t (a INT NOT NULL COMMENT 'c', b AS a + 1, c TIMESTAMP(3) METADATA FROM 'ts' VIRTUAL, d STRING METADATA, e INT PRIMARY KEY NOT ENFORCED, "
    + "WATERMARK FOR c AS c - INTERVAL '5' SECOND, CONSTRAINT u UNIQUE (b)) COMMENT 'tbl' DISTRIBUTED BY HASH(a) INTO 4 BUCKETS PARTITIONED BY (a, b) WITH ('k' = 'it''s')",
  "CREATE TEMPORARY TABLE IF NOT EXISTS c.d.t (a INT) DISTRIBUTED INTO 3 BUCKETS; CREATE TABLE t2 WITH ('k' = 'v') LIKE t1 (INCLUDING ALL EXCLUDING OPTIONS)",
  "CREATE OR REPLACE TABLE t2 (PRIMARY KEY (a) NOT ENFORCED) WITH ('k' = 'v') AS SELECT a FROM t1; REPLACE TABLE t2 WITH ('k' = 'v') AS SELECT a FROM t1",
  "CREATE MATERIALIZED TABLE mt (PRIMARY KEY (a) NOT ENFORCED) PARTITIONED BY (a) WITH ('k' = 'v') FRESHNESS = INTERVAL '1' MINUTE REFRESH_MODE = FULL AS SELECT a FROM t",
  "CREATE OR REPLACE TEMPORARY VIEW IF NOT EXISTS v (a, b) COMMENT 'x' AS SELECT 1, 2",
  "CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS f AS 'com.X' LANGUAGE JAVA USING JAR '/a.jar', JAR '/b.jar'",
  "CREATE CATALOG c COMMENT 'x' WITH ('type' = 'generic_in_memory'); CREATE DATABASE IF NOT EXISTS c.d COMMENT 'x' WITH ('k' = 'v')",
  "CREATE TEMPORARY MODEL m INPUT (a STRING) OUTPUT (b DOUBLE) COMMENT 'x' WITH ('provider' = 'openai')",
  "ALTER TABLE t ADD (a INT FIRST, b STRING AFTER a, WATERMARK FOR ts AS ts); ALTER TABLE t ADD a INT COMMENT 'x' AFTER b; ALTER TABLE t MODIFY DISTRIBUTION INTO 4 BUCKETS",
  "ALTER TABLE t ADD IF NOT EXISTS PARTITION (a = 1) WITH ('k' = 'v') PARTITION (a = 2); ALTER TABLE t DROP IF EXISTS PARTITION (a = 1), PARTITION (a = 2)",
  "ALTER TABLE t DROP (a, b); ALTER TABLE t DROP PRIMARY KEY; ALTER TABLE t DROP CONSTRAINT pk; ALTER TABLE t PARTITION (a = 1) COMPACT; ALTER TABLE t RESET ('k', 'k2')",
  "ALTER MATERIALIZED TABLE mt RESUME WITH ('k' = 'v'); ALTER MATERIALIZED TABLE mt REFRESH PARTITION (ds = '1'); ALTER MATERIALIZED TABLE mt SET REFRESH_MODE = CONTINUOUS",
  "ALTER TEMPORARY SYSTEM FUNCTION IF EXISTS f AS 'x' LANGUAGE SCALA; ALTER CATALOG c COMMENT 'x'; ALTER MODEL IF EXISTS m RENAME TO m2; ALTER VIEW v AS SELECT 2",
  'DROP TEMPORARY SYSTEM FUNCTION IF EXISTS f; DROP MATERIALIZED TABLE IF EXISTS mt; DROP DATABASE IF EXISTS d CASCADE; DROP CATALOG c',
  "USE CATALOG c; USE c.d; USE MODULES hive, core; SHOW TABLES IN c.d NOT LIKE 'x%'; SHOW USER FUNCTIONS; SHOW FULL MODULES; SHOW CURRENT DATABASE",
  "SHOW COLUMNS FROM t LIKE 'a%'; SHOW CREATE MATERIALIZED TABLE mt; SHOW PARTITIONS t PARTITION (a = 1); SHOW JOBS",
  "DESC EXTENDED t; DESCRIBE CATALOG EXTENDED c; DESCRIBE FUNCTION EXTENDED f; DESCRIBE MODEL m; DESCRIBE JOB 'abc'",
  'EXPLAIN PLAN WITH IMPLEMENTATION FOR SELECT 1; EXPLAIN CHANGELOG_MODE, PLAN_ADVICE, ESTIMATED_COST, JSON_EXECUTION_PLAN SELECT 1',
  "EXPLAIN STATEMENT SET BEGIN INSERT INTO a SELECT 1; END; EXPLAIN EXECUTE INSERT INTO a SELECT 1; EXPLAIN REPLACE TABLE t2 WITH ('k' = 'v') AS SELECT 1",
  "SET; SET 'k' = 'v'; SET table.exec.mini-batch.enabled = true; RESET; RESET 'k'; ADD JAR '/a.jar'; REMOVE JAR '/a.jar'",
  "LOAD MODULE hive WITH ('hive-version' = '3.1'); UNLOAD MODULE hive; ANALYZE TABLE t PARTITION (a = 1) COMPUTE STATISTICS FOR COLUMNS a, b",
  "CALL c.sys.proc(1, 'x', a => 2); DELETE FROM t AS x WHERE a = 1; UPDATE t SET a = 1, b = 'x' WHERE c > 2; TRUNCATE TABLE t; STOP JOB 'abc' WITH SAVEPOINT WITH DRAIN",
];

describe('round trip over hand-picked statements', () => {
  it('reproduces the AST of each', () => {
    const failures: string[] = [];
    let checked = 0;
    EXTRA.forEach((sql, i) => {
      const first = parseScript(sql);
      if (first.diagnostics.some((d) => d.category === 'syntax')) {
        failures.push(`#${i}: the source itself has diagnostics: ${first.diagnostics.map((d) => d.message).join('; ')}\n    ${oneLine(sql)}`);
        return;
      }
      const result = roundTripScript(sql, `#${i}`);
      checked += result.checked;
      failures.push(...result.failures);
    });
    report('hand-picked statements', checked, failures);
    expect(failures).toEqual([]);
  });
});
