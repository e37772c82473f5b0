/** Rules Flink applies to a statement right after parsing it, before any catalog is involved. */
import { describe, expect, it } from 'vitest';
import { applyFix } from '../../src/diagnostics/apply-fix.js';
import { parseScript } from '../../src/parse/index.js';

function diagnostics(sql: string) {
  return parseScript(sql).diagnostics;
}

describe('table definition checks', () => {
  it('requires PRIMARY KEY ... NOT ENFORCED and fixes it', () => {
    for (const sql of [
      "CREATE TABLE t (id INT PRIMARY KEY, v STRING) WITH ('connector' = 'jdbc')",
      "CREATE TABLE t (id INT, v STRING, PRIMARY KEY (id)) WITH ('connector' = 'jdbc')",
      "CREATE TABLE t (id INT, v STRING, PRIMARY KEY (id) ENFORCED) WITH ('connector' = 'jdbc')",
      'ALTER TABLE t ADD CONSTRAINT pk PRIMARY KEY (id)',
    ]) {
      const found = diagnostics(sql);
      expect(found.map((d) => [d.code, d.category]), sql).toEqual([['FSQL6001', 'semantic']]);
      const fixed = applyFix(sql, found[0]!.fixes![0]!);
      expect(fixed).toContain('NOT ENFORCED');
      expect(diagnostics(fixed), fixed).toEqual([]);
    }
    expect(diagnostics("CREATE TABLE t (id INT PRIMARY KEY NOT ENFORCED) WITH ('connector' = 'jdbc')")).toEqual([]);
  });

  it('rejects UNIQUE constraints', () => {
    expect(diagnostics("CREATE TABLE t (id INT, v STRING UNIQUE) WITH ('x' = 'y')").map((d) => d.code)).toEqual(['FSQL6002']);
    expect(diagnostics('ALTER TABLE t ADD UNIQUE (a, b)').map((d) => d.code)).toEqual(['FSQL6002']);
  });

  it('allows column names without types only in CREATE/REPLACE TABLE AS', () => {
    expect(diagnostics("CREATE TABLE t (a, b) WITH ('x' = 'y')").map((d) => d.code)).toEqual(['FSQL1023']);
    expect(diagnostics("CREATE TABLE t (a, b) WITH ('x' = 'y') AS SELECT 1, 2")).toEqual([]);
    expect(diagnostics("CREATE TABLE t (a, b INT) WITH ('x' = 'y') AS SELECT 1, 2").map((d) => d.code)).toEqual(['FSQL1023']);
  });

  it('rejects subqueries in computed columns and watermarks, and INTERVAL column types', () => {
    expect(diagnostics("CREATE TABLE t (a INT, b AS (SELECT 1)) WITH ('x' = 'y')").map((d) => d.code)).toEqual(['FSQL1023']);
    expect(diagnostics("CREATE TABLE t (a INTERVAL DAY) WITH ('x' = 'y')").map((d) => d.code)).toEqual(['FSQL1023']);
  });

  it('checks LIKE options, EXPLAIN details, STOP JOB, SHOW scopes and function languages', () => {
    expect(diagnostics("CREATE TABLE t (a INT) WITH ('x' = 'y') LIKE s (INCLUDING EVERYTHING)")[0]!.message).toContain('Unknown LIKE option');
    expect(diagnostics("CREATE TABLE t (a INT) WITH ('x' = 'y') LIKE s (OVERWRITING ALL)")[0]!.message).toContain('OVERWRITING cannot be used with ALL');
    expect(diagnostics('EXPLAIN CHANGELOG_MODE, CHANGELOG_MODE SELECT 1').map((d) => d.code)).toEqual(['FSQL1026']);
    expect(diagnostics("STOP JOB 'j' WITH DRAIN").map((d) => d.code)).toEqual(['FSQL1023']);
    expect(diagnostics("STOP JOB 'j' WITH SAVEPOINT WITH DRAIN")).toEqual([]);
    expect(diagnostics('SHOW DATABASES IN c.d')[0]!.message).toContain('takes a catalog name');
    expect(diagnostics("CREATE FUNCTION f AS 'x' LANGUAGE RUST").map((d) => d.code)).toEqual(['FSQL1023']);
    expect(diagnostics("CREATE FUNCTION f AS 'x' LANGUAGE PYTHON USING JAR 'a.jar'")[0]!.message).toContain('USING JAR cannot be used with LANGUAGE PYTHON');
  });
});
