import { describe, expect, it } from 'vitest';
import { FLINK_ERROR_PATTERNS, operatorInWords, userType } from '../../src/diagnostics/flink-errors.js';
import { explainFlinkError } from '../../src/explain-error.js';
import { internalNamesIn } from '../../tools/docs/flink-corpus.js';

const CLICKS = `CREATE TABLE clicks (
  user_id STRING,
  url STRING,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH ('connector' = 'datagen');`;

/** The common messages of Flink 1.20/2.x (flink-semantics.md, section 8), as Flink prints them. */
const COMMON_MESSAGES: readonly (readonly [string, string])[] = [
  ['SQL parse failed. Encountered "FORM" at line 1, column 10.\nWas expecting one of:\n    <EOF>\n    "EXCEPT" ...', 'unexpected-token'],
  ["SQL parse failed. Bang equal '!=' is not allowed under the current SQL conformance level", 'bang-equal'],
  ["SQL validation failed. From line 1, column 8 to line 1, column 8: Column 'x' not found in any table; did you mean 'X'?", 'column-not-found'],
  ["From line 1, column 8 to line 1, column 10: Column 'x' not found in table 't'", 'column-not-found-in-table'],
  ["From line 1, column 8 to line 1, column 9: Column 'id' is ambiguous", 'column-ambiguous'],
  ["From line 1, column 15 to line 1, column 20: Object 'orders' not found within 'cat.db'", 'object-not-found'],
  ["From line 1, column 8 to line 1, column 8: Table 'z' not found", 'alias-not-found'],
  ["From line 1, column 11 to line 1, column 11: Expression 'b' is not being grouped", 'not-grouped'],
  ["Invalid metadata key 'timestmp' in column 'kafka_time' of table 'default_catalog.default_database.orders'. The DynamicTableSource class 'org.apache.flink.streaming.connectors.kafka.table.KafkaDynamicSource' supports the following metadata keys for reading:\ntopic\ntimestamp", 'invalid-metadata-key'],
  ["Temporal table's primary key [currency] must be included in the equivalence condition of temporal join, but current temporal join condition is [>(cur, currency)].", 'temporal-join-key'],
  ['Temporal table join requires an equality condition on fields of table [default_catalog.default_database.customers].', 'temporal-join-equality'],
  ['Temporal table join currently only support INNER JOIN and LEFT JOIN, but is FULL JOIN.', 'temporal-join-type'],
  ["From line 1, column 17 to line 1, column 50: Call to auxiliary group function 'TUMBLE_END' must have matching call to group function '$TUMBLE' in GROUP BY clause", 'auxiliary-without-group-window'],
  ["From line 1, column 8 to line 1, column 15: Cannot apply '+' to arguments of type '<VARCHAR(2147483647)> + <INTEGER>'. Supported form(s): '<NUMERIC> + <NUMERIC>'", 'cannot-apply-operator'],
  ['From line 1, column 8 to line 1, column 13: No match found for function signature foo(<NUMERIC>)', 'function-signature'],
  ['Invalid function call:\nCOALESCE(STRING, INT NOT NULL)', 'invalid-function-call'],
  ['Invalid input arguments. Expected signatures are:\nARRAY_APPEND(array <ARRAY>, element <ARRAY ELEMENT>)', 'invalid-input-arguments'],
  ['Cast function cannot convert value of type BOOLEAN to type DATE', 'cast-not-supported'],
  ["The cast from NUMERIC type to TIMESTAMP type is not allowed. It's recommended to use TO_TIMESTAMP(FROM_UNIXTIME(numeric_col)) instead, note the numeric is in seconds.", 'cast-numeric-to-timestamp'],
  ['Illegal mixing of types in CASE or COALESCE statement', 'illegal-mixing'],
  ['Type mismatch in column 2 of UNION', 'set-op-type-mismatch'],
  ['Column count mismatch in UNION', 'set-op-column-count'],
  ["Column types of query result and sink for 'default_catalog.default_database.snk' do not match.\nCause: Incompatible types for sink column 'a' at position 0.", 'sink-column-type'],
  ["Table sink 'default_catalog.default_database.snk' doesn't support consuming update changes which is produced by node GroupAggregate(groupBy=[user_id], select=[user_id, COUNT(*) AS EXPR$1])", 'sink-updates'],
  ["StreamPhysicalOverAggregate doesn't support consuming update and delete changes which is produced by node Join(joinType=[LeftOuterJoin], where=[=(id, id0)])", 'operator-updates'],
  ["Invalid data type of time field for watermark definition. The field must be of type TIMESTAMP(p) or TIMESTAMP_LTZ(p), the supported precision 'p' is from 0 to 3, but the time field type is TIMESTAMP(6)", 'watermark-type'],
  ['The window function requires the timecol is a time attribute type, but is TIMESTAMP(3).', 'window-time-attribute'],
  ['The window function requires the timecol to be TIMESTAMP or TIMESTAMP_LTZ, but is BIGINT. Besides, the timecol must be a time attribute type in streaming mode.', 'window-time-attribute'],
  ['Window aggregate can only be defined over a time attribute column, but TIMESTAMP(3) encountered.', 'group-window-time-attribute'],
  ["OVER windows' ordering in stream mode must be defined on a time attribute.", 'over-order-time'],
  ['The window can only be ordered in ASCENDING mode.', 'over-order-ascending'],
  ['Sort on a non-time-attribute field is not supported.', 'sort-non-time'],
  ["Temporal table join currently only supports 'FOR SYSTEM_TIME AS OF' left table's time attribute field", 'temporal-join-period'],
  ['Event-Time Temporal Table Join requires both primary key and row time attribute in versioned table, but no row time attribute can be found.', 'temporal-join-versioned'],
  ['Temporal Table Join requires primary key in versioned table, but no primary key can be found.', 'temporal-join-versioned'],
  ['Processing-time temporal join is not supported yet.', 'proctime-temporal-join'],
  ['Union fields with time attributes requires same types, but the types are TIMESTAMP(3) *ROWTIME* and TIMESTAMP(3).', 'union-time-attributes'],
  ["The query contains more than one rowtime attribute column [a, b] for writing into table 'default_catalog.default_database.snk'.", 'multiple-rowtimes'],
  ['Over Agg: Unsupported use of OVER windows. All aggregates must be computed on the same window. please re-check the over window statement.', 'different-over-windows'],
  ['RANK() on streaming table is not supported currently', 'rank-on-stream'],
  ['DENSE_RANK() on streaming table is not supported currently', 'rank-on-stream'],
  ["Flink doesn't support ENFORCED mode for PRIMARY KEY constraint. ENFORCED/NOT ENFORCED controls if the constraint checks are performed on the incoming/outgoing data.", 'primary-key-enforced'],
  ["Invalid primary key 'PK_x'. Column 'x' is not a physical column.", 'primary-key-not-physical'],
  ["Table options do not contain an option key 'connector' for discovering a connector.", 'missing-connector'],
  ["Left outer joins with a table function do not accept a predicate such as >($1, 0). Only literal TRUE is accepted.", 'lateral-left-join'],
  ['The column(s): ts(generated by non-deterministic function: NOW ) can not satisfy the determinism requirement for correctly processing update message', 'non-deterministic-update'],
  ['UPSERT INTO statement is not supported. Please use INSERT INTO instead.', 'upsert-into'],
];

describe('explainFlinkError: the common Flink messages', () => {
  it.each(COMMON_MESSAGES)('recognises %j', (message, kind) => {
    const explained = explainFlinkError(message, 'SELECT 1');
    expect(explained.recognised).toBe(true);
    expect(explained.kind).toBe(kind);
    expect(explained.translation?.message).toBeTruthy();
    // The translation is in the user's terms.
    expect(internalNamesIn(`${explained.translation!.message}\n${explained.translation!.hint ?? ''}`)).toEqual([]);
    expect(explained.translation!.message).not.toMatch(/VARCHAR\(2147483647\)|StreamPhysical|GroupAggregate\(/);
  });

  it('covers at least 25 messages and every pattern has a distinct id', () => {
    expect(new Set(COMMON_MESSAGES.map(([, kind]) => kind)).size).toBeGreaterThanOrEqual(25);
    const ids = FLINK_ERROR_PATTERNS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('explainFlinkError: positions', () => {
  const script = `${CLICKS}\n\nSELECT user_id, urll\nFROM clicks;\n`;

  it("counts Flink's line and column from the statement Flink ran, and uses flinkcheck's own diagnostic there", () => {
    const explained = explainFlinkError("From line 1, column 17 to line 1, column 20: Column 'urll' not found in any table", script);
    expect(explained.recognised).toBe(true);
    expect(script.slice(explained.span!.start, explained.span!.end)).toBe('urll');
    expect(explained.fromValidation).toBe(true);
    expect(explained.diagnostic?.code).toBe('FSQL2002');
    expect(explained.diagnostic?.message).toContain("'url'");
  });

  it('also reads positions counted from the start of the file (a script submitted as one text)', () => {
    const explained = explainFlinkError("From line 8, column 17 to line 8, column 20: Column 'urll' not found in any table", script);
    expect(script.slice(explained.span!.start, explained.span!.end)).toBe('urll');
  });

  it('reads the message out of a stack trace and drops the Java class names', () => {
    const trace = [
      'org.apache.flink.table.api.ValidationException: SQL validation failed. From line 1, column 17 to line 1, column 20: Column \'urll\' not found in any table',
      '\tat org.apache.flink.table.planner.calcite.FlinkPlannerImpl.validate(FlinkPlannerImpl.scala:200)',
      "Caused by: org.apache.calcite.runtime.CalciteContextException: From line 1, column 17 to line 1, column 20: Column 'urll' not found in any table",
    ].join('\n');
    const explained = explainFlinkError(trace, script);
    expect(explained.flinkMessage).toBe("From line 1, column 17 to line 1, column 20: Column 'urll' not found in any table");
    expect(explained.diagnostic?.code).toBe('FSQL2002');
  });

  it('counts columns in UTF-16 code units, as Java does', () => {
    const sql = "SELECT '😀' AS e, FORM";
    const explained = explainFlinkError('Encountered "FORM" at line 1, column 19.', sql);
    expect(sql.slice(explained.span!.start, explained.span!.end)).toBe('FORM');
  });

  it('builds the diagnostic from Flink\'s text when validation does not find the problem', () => {
    const sql = "CREATE TABLE snk (a INT) WITH ('connector' = 'blackhole');\nINSERT INTO snk SELECT 1;";
    const explained = explainFlinkError("Table sink 'default_catalog.default_database.snk' doesn't support consuming update changes which is produced by node GroupAggregate(groupBy=[a], select=[a, COUNT(*) AS EXPR$1])", sql);
    expect(explained.fromValidation).toBe(false);
    expect(explained.diagnostic?.code).toBe('FSQL4001');
    expect(explained.diagnostic?.message).toBe("The sink 'snk' is append-only, but the query produces updates because of a GROUP BY aggregation (or DISTINCT)");
    expect(sql.slice(explained.span!.start, explained.span!.end)).toBe('snk');
  });

  it('says so plainly when it does not recognise the message, and still places its position', () => {
    const explained = explainFlinkError('Something unexpected happened at line 2, column 8.', `${CLICKS}\nSELECT user_id FROM clicks;`);
    expect(explained.recognised).toBe(false);
    expect(explained.kind).toBeNull();
    expect(explained.translation).toBeNull();
    expect(explained.span).not.toBeNull();
  });

  it('gives no span when Flink gives no position and the names are not in the SQL', () => {
    const explained = explainFlinkError('Cast function cannot convert value of type BOOLEAN to type DATE', 'SELECT 1');
    expect(explained.recognised).toBe(true);
    expect(explained.span).toBeNull();
    expect(explained.translation?.message).toBe('A value of type BOOLEAN cannot be CAST to DATE');
  });
});

describe('Flink names in user terms', () => {
  it('says planner operators as the SQL that makes them', () => {
    expect(operatorInWords('GroupAggregate(groupBy=[a], select=[a, COUNT(*) AS EXPR$1])')).toBe('a GROUP BY aggregation (or DISTINCT)');
    expect(operatorInWords('Join(joinType=[LeftOuterJoin], where=[=(id, id0)])')).toBe('a LEFT OUTER JOIN');
    expect(operatorInWords('Join(joinType=[InnerJoin], where=[=(id, id0)])')).toBe('a regular join');
    expect(operatorInWords('StreamPhysicalOverAggregate')).toBe('an OVER aggregation');
    expect(operatorInWords('Rank(strategy=[UndefinedStrategy])')).toBe('a Top-N (ROW_NUMBER or ORDER BY ... LIMIT)');
  });

  it('writes Calcite types as Flink SQL types', () => {
    expect(userType('<VARCHAR(2147483647)>')).toBe('STRING');
    expect(userType('TIMESTAMP(3) WITH LOCAL TIME ZONE')).toBe('TIMESTAMP_LTZ(3)');
    expect(userType('DECIMAL(10, 2)')).toBe('DECIMAL(10, 2)');
  });
});
