/**
 * The ten facts a naive Flink SQL validator gets wrong (shared/notes/flink-semantics.md, section 9),
 * each checked through the whole pipeline.
 */
import { describe, expect, it } from 'vitest';
import { printChangelogMode } from '../../src/analysis/schema.js';
import { printType } from '../../src/analysis/types/logical-type.js';
import { validateScript } from '../../src/validate.js';

const CLICKS = `CREATE TABLE clicks (
  user_id STRING, url STRING, i INT, b BIGINT, d DECIMAL(10, 2), name STRING,
  ts TIMESTAMP(3), pt AS PROCTIME(),
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH ('connector' = 'kafka', 'properties.bootstrap.servers' = 'k:9092', 'topic' = 'clicks', 'format' = 'json');
CREATE TABLE users (user_id STRING, region STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'kafka', 'properties.bootstrap.servers' = 'k:9092', 'topic' = 'users', 'format' = 'json');
`;

/** The output schema of the last statement, as `name TYPE` strings. */
function schemaOf(sql: string): string[] {
  const result = validateScript(CLICKS + sql);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  expect(errors.map((e) => `${e.code} ${e.message}`)).toEqual([]);
  const last = result.statements[result.statements.length - 1]!;
  return last.analysis!.schema!.map((c) => `${c.name} ${printType(c.type)}`);
}

function errorsOf(sql: string): string[] {
  return validateScript(CLICKS + sql).diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
}

function changelogOf(sql: string): string {
  const result = validateScript(CLICKS + sql);
  return printChangelogMode(result.statements[result.statements.length - 1]!.analysis!.changelog!);
}

describe('section 9: what a naive validator gets wrong', () => {
  it('1. AVG and SUM keep the input type; COUNT is BIGINT NOT NULL; DECIMAL SUM widens to 38', () => {
    expect(schemaOf('SELECT AVG(i) AS a, SUM(i) AS s, COUNT(*) AS c, SUM(d) AS sd FROM clicks GROUP BY user_id')).toEqual([
      'a INT', 's INT', 'c BIGINT NOT NULL', 'sd DECIMAL(38, 2)',
    ]);
  });

  it('2. integer division stays integer; MOD returns the divisor type', () => {
    expect(schemaOf('SELECT i / 2 AS q, MOD(b, i) AS m FROM clicks')).toEqual(['q INT', 'm INT']);
  });

  it('3. DDL defaults: TIMESTAMP is TIMESTAMP(6) and cannot carry a watermark; VARCHAR is STRING; DECIMAL is DECIMAL(10, 0)', () => {
    expect(errorsOf("CREATE TABLE bad (ts TIMESTAMP, WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen')")).toContain('FSQL6006');
    expect(schemaOf("CREATE TABLE ok (v VARCHAR, c CHAR, n DECIMAL, r ROW<f INT NOT NULL>) WITH ('connector' = 'datagen')")).toEqual([
      'v STRING', 'c CHAR(1)', 'n DECIMAL(10, 0)', 'r ROW<`f` INT>',
    ]);
  });

  it("4. no implicit coercion for arithmetic ('1' + 1 fails) but string-to-number comparison is allowed", () => {
    expect(errorsOf("SELECT '1' + 1 FROM clicks").some((c) => c.startsWith('FSQL3'))).toBe(true);
    expect(schemaOf("SELECT i = '1' AS eq FROM clicks")).toEqual(['eq BOOLEAN']);
  });

  it('5. identifiers are case-sensitive, function names are not', () => {
    const result = validateScript(CLICKS + 'SELECT Name FROM clicks');
    const error = result.diagnostics.find((d) => d.code === 'FSQL2002');
    expect(error?.message).toContain("Did you mean 'name'?");
    expect(schemaOf('SELECT upper(url) AS u, UPPER(url) AS v FROM clicks')).toEqual(['u STRING', 'v STRING']);
  });

  it('6. unaliased expressions are EXPR$<index>; duplicates get 0, 1 suffixes; USING columns come first', () => {
    expect(schemaOf('SELECT i, i + 1, COUNT(*) OVER (ORDER BY pt) FROM clicks').map((c) => c.split(' ')[0])).toEqual(['i', 'EXPR$1', 'EXPR$2']);
    expect(schemaOf('SELECT user_id, user_id FROM clicks').map((c) => c.split(' ')[0])).toEqual(['user_id', 'user_id0']);
    expect(schemaOf('SELECT * FROM (SELECT user_id, url FROM clicks) c JOIN (SELECT user_id, region FROM users) u USING (user_id)').map((c) => c.split(' ')[0]))
      .toEqual(['user_id', 'url', 'region']);
  });

  it('7. nullability: COALESCE is NOT NULL when one argument is; CASE without ELSE is nullable; PROCTIME() is NOT NULL', () => {
    expect(schemaOf("SELECT COALESCE(url, 'x') AS c, CASE WHEN i > 0 THEN 1 END AS k, PROCTIME() AS p FROM clicks")).toEqual([
      'c STRING NOT NULL', 'k INT', 'p TIMESTAMP_LTZ(3) NOT NULL *PROCTIME*',
    ]);
  });

  it('8. a regular join silently turns time attributes into plain timestamps; the next window fails', () => {
    expect(schemaOf('SELECT c.ts FROM clicks c JOIN users u ON c.user_id = u.user_id')).toEqual(['ts TIMESTAMP(3)']);
    const sql = `CREATE VIEW joined AS SELECT c.user_id, c.ts FROM clicks c JOIN users u ON c.user_id = u.user_id;
SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE joined, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end`;
    expect(errorsOf(sql)).toContain('FSQL4003');
  });

  it('9. changelog: GROUP BY and DISTINCT update, inner joins of streams stay insert-only, outer joins update, window aggregates are insert-only, Top-N updates', () => {
    expect(changelogOf('SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id')).toBe('[I,UB,UA]');
    expect(changelogOf('SELECT DISTINCT user_id FROM clicks')).toBe('[I,UB,UA]');
    expect(changelogOf('SELECT c.url FROM clicks c JOIN users u ON c.user_id = u.user_id')).toBe('[I]');
    expect(changelogOf('SELECT c.url FROM clicks c LEFT JOIN users u ON c.user_id = u.user_id')).toBe('[I,UB,UA,D]');
    expect(changelogOf("SELECT window_start, window_end, COUNT(*) FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end")).toBe('[I]');
    expect(changelogOf('SELECT * FROM (SELECT url, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY i DESC) AS rn FROM clicks) WHERE rn <= 3')).toBe('[I,UB,UA,D]');
    const sink = "CREATE TABLE out_kafka (user_id STRING, n BIGINT) WITH ('connector' = 'kafka', 'properties.bootstrap.servers' = 'k:9092', 'topic' = 'o', 'format' = 'json');\n";
    expect(errorsOf(sink + 'INSERT INTO out_kafka SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id')).toContain('FSQL4001');
  });

  it('10. window TVFs append window_start/window_end TIMESTAMP(3) NOT NULL and window_time keeping the time attribute; HOP takes slide before size', () => {
    expect(schemaOf("SELECT * FROM TABLE(HOP(TABLE users, DESCRIPTOR(ts), INTERVAL '1' MINUTE, INTERVAL '5' MINUTE))")).toEqual([
      'user_id STRING', 'region STRING', 'ts TIMESTAMP(3) *ROWTIME*',
      'window_start TIMESTAMP(3) NOT NULL', 'window_end TIMESTAMP(3) NOT NULL', 'window_time TIMESTAMP(3) NOT NULL *ROWTIME*',
    ]);
    expect(schemaOf("SELECT window_start, window_time, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE users, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end, window_time")).toEqual([
      'window_start TIMESTAMP(3) NOT NULL', 'window_time TIMESTAMP(3) NOT NULL *ROWTIME*', 'n BIGINT NOT NULL',
    ]);
  });
});
