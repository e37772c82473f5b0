import type { ExplanationTable } from './types.js';

/** Table definitions (6001-6099). */
export const tableExplanations: ExplanationTable = {
  FSQL6001: {
    explanation:
      'Flink only accepts primary keys declared `NOT ENFORCED`. Flink does not own the data in external systems, so it cannot enforce uniqueness; the key is a promise from you that the planner uses (upsert sinks, lookup joins, changelog normalization).',
    example: "CREATE TABLE users (user_id BIGINT, name STRING, PRIMARY KEY (user_id)) WITH ('connector' = 'datagen');",
    fix: 'Add `NOT ENFORCED` after the key; the fix does it.',
    fixed: "CREATE TABLE users (user_id BIGINT, name STRING, PRIMARY KEY (user_id) NOT ENFORCED) WITH ('connector' = 'datagen');",
    flink: "Flink doesn't support ENFORCED mode for PRIMARY KEY constraint. ENFORCED/NOT ENFORCED controls if the constraint checks are performed on the incoming/outgoing data. Flink does not own the data therefore the only supported mode is the NOT ENFORCED mode",
  },
  FSQL6002: {
    explanation: 'Flink SQL has no UNIQUE constraints; the only constraint a table can declare is its primary key.',
    example: "CREATE TABLE users (user_id BIGINT, email STRING, UNIQUE (email)) WITH ('connector' = 'datagen');",
    fix: 'Remove the UNIQUE constraint. If the column identifies rows, declare it as `PRIMARY KEY (...) NOT ENFORCED` instead.',
    fixed: "CREATE TABLE users (user_id BIGINT, email STRING, PRIMARY KEY (user_id) NOT ENFORCED) WITH ('connector' = 'datagen');",
    flink: 'UNIQUE constraint is not supported yet',
  },
  FSQL6003: {
    explanation: 'A table declares two columns with the same name, or a column that the LIKE base table already has. Column names are case-sensitive, so `Id` and `id` are different.',
    example: "CREATE TABLE users (user_id BIGINT, name STRING, user_id STRING) WITH ('connector' = 'datagen');",
    fix: 'Rename or remove one of the columns.',
    fixed: "CREATE TABLE users (user_id BIGINT, name STRING, login STRING) WITH ('connector' = 'datagen');",
  },
  FSQL6004: {
    explanation: 'A primary key column must be a physical column of the table: not a computed column, not a metadata column, and not a name the table does not have.',
    example: "CREATE TABLE users (user_id BIGINT, name STRING, PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'datagen');",
    fix: 'Name physical columns of the table in the key.',
    fixed: "CREATE TABLE users (user_id BIGINT, name STRING, PRIMARY KEY (user_id) NOT ENFORCED) WITH ('connector' = 'datagen');",
  },
  FSQL6005: {
    explanation: 'A table declares its primary key twice (on a column and as a table constraint, twice as a constraint, or again over a LIKE base table that has one).',
    example: "CREATE TABLE users (user_id BIGINT PRIMARY KEY NOT ENFORCED, name STRING, PRIMARY KEY (user_id) NOT ENFORCED) WITH ('connector' = 'datagen');",
    fix: 'Declare one primary key; with LIKE, add `EXCLUDING CONSTRAINTS` to replace the base table\'s key.',
    fixed: "CREATE TABLE users (user_id BIGINT, name STRING, PRIMARY KEY (user_id) NOT ENFORCED) WITH ('connector' = 'datagen');",
    flink: 'Duplicate primary key definition',
  },
  FSQL6006: {
    explanation:
      'The column of a WATERMARK declaration must be a column of the table of type TIMESTAMP(p) or TIMESTAMP_LTZ(p) with a precision of at most 3. A bare TIMESTAMP means TIMESTAMP(6), which is not accepted; an epoch number (BIGINT) must first be turned into a timestamp by a computed column.',
    example: "CREATE TABLE clicks (user_id STRING, ts TIMESTAMP, WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'datagen');",
    fix: 'Declare the column as TIMESTAMP(3) (or TIMESTAMP_LTZ(3)); for epoch milliseconds, add `ts AS TO_TIMESTAMP_LTZ(epoch_ms, 3)` and put the watermark on `ts`.',
    fixed: "CREATE TABLE clicks (user_id STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'datagen');",
    flink: "Invalid data type of time field for watermark definition. The field must be of type TIMESTAMP(p) or TIMESTAMP_LTZ(p), the supported precision 'p' is from 0 to 3, but the time field type is TIMESTAMP(6)",
  },
  FSQL6007: {
    explanation: 'The watermark expression must return the type of the watermark column (a TIMESTAMP or TIMESTAMP_LTZ of the same kind); typically it is the column minus an interval.',
    example: "CREATE TABLE clicks (user_id STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS user_id) WITH ('connector' = 'datagen');",
    fix: "Write the watermark as the time column minus the allowed lateness, e.g. `ts - INTERVAL '5' SECOND`.",
    fixed: "CREATE TABLE clicks (user_id STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'datagen');",
  },
  FSQL6008: {
    explanation: 'A table can declare only one WATERMARK. When a LIKE base table already has one and its watermarks are included (the default), the new table cannot declare another. (Two WATERMARK clauses in one CREATE TABLE are a syntax error, FSQL1026.)',
    example: "CREATE TABLE clicks (user_id STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen');\nCREATE TABLE late_clicks (WATERMARK FOR ts AS ts - INTERVAL '1' MINUTE) LIKE clicks;",
    fix: 'Keep one WATERMARK; with LIKE, add `EXCLUDING WATERMARKS` or `OVERWRITING WATERMARKS`.',
    fixed: "CREATE TABLE clicks (user_id STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen');\nCREATE TABLE late_clicks (WATERMARK FOR ts AS ts - INTERVAL '1' MINUTE) LIKE clicks (OVERWRITING WATERMARKS);",
    flink: 'There already exists a watermark spec for column \'ts\' in the base table. You might want to specify EXCLUDING WATERMARKS or OVERWRITING WATERMARKS.',
  },
  FSQL6009: {
    explanation: 'A LIKE clause lists the same feature twice (for example EXCLUDING OPTIONS and INCLUDING OPTIONS), so it is unclear which merging strategy applies. (OVERWRITING on a feature that can only be included or excluded is a syntax error, FSQL1023.)',
    example: "CREATE TABLE base (id BIGINT) WITH ('connector' = 'datagen');\nCREATE TABLE copy WITH ('number-of-rows' = '10') LIKE base (EXCLUDING OPTIONS INCLUDING OPTIONS);",
    fix: 'List each feature once, with the strategy you want.',
    fixed: "CREATE TABLE base (id BIGINT) WITH ('connector' = 'datagen');\nCREATE TABLE copy WITH ('connector' = 'datagen', 'number-of-rows' = '10') LIKE base (EXCLUDING OPTIONS);",
  },
  FSQL6010: {
    explanation: 'A computed column\'s expression is not allowed: it refers to another computed column, uses an aggregate or window function, or calls a function that does not exist.',
    example: "CREATE TABLE t (a INT, b AS a + 1, c AS b * 2) WITH ('connector' = 'datagen');",
    fix: 'Write the expression over physical and metadata columns only, with scalar functions.',
    fixed: "CREATE TABLE t (a INT, b AS a + 1, c AS (a + 1) * 2) WITH ('connector' = 'datagen');",
    verifiedBy: 'validate',
  },
  FSQL6011: {
    explanation: 'PARTITIONED BY names a column the table does not have. Partition columns must be columns of the table, written exactly as declared (names are case-sensitive).',
    example: "CREATE TABLE events (id BIGINT, dt STRING) PARTITIONED BY (dat) WITH ('connector' = 'filesystem', 'path' = '/tmp/events', 'format' = 'json');",
    fix: 'Partition by columns of the table.',
    fixed: "CREATE TABLE events (id BIGINT, dt STRING) PARTITIONED BY (dt) WITH ('connector' = 'filesystem', 'path' = '/tmp/events', 'format' = 'json');",
  },
  FSQL6012: {
    explanation: 'An ALTER TABLE change does not fit the table: adding a column that exists, modifying or dropping one that does not, placing a column AFTER an unknown column, dropping a column that the key or watermark uses, and similar.',
    example: "CREATE TABLE users (user_id BIGINT, name STRING) WITH ('connector' = 'datagen');\nALTER TABLE users ADD name STRING;",
    fix: 'Check the table\'s current columns (the message names the conflict) and adjust the change.',
    fixed: "CREATE TABLE users (user_id BIGINT, name STRING) WITH ('connector' = 'datagen');\nALTER TABLE users ADD email STRING;",
    flink: 'Failed to execute ALTER TABLE statement.\nTry to add a column `name` which already exists in the table.',
  },
  FSQL6013: {
    explanation: 'CREATE TABLE ... AS SELECT (and REPLACE TABLE AS) creates a table in the catalog and starts a job that fills it; Flink does not support it for temporary tables.',
    example: "CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen');\nCREATE TEMPORARY TABLE copy WITH ('connector' = 'blackhole') AS SELECT id FROM src;",
    fix: 'Drop TEMPORARY, or create the temporary table first and fill it with INSERT INTO.',
    fixed: "CREATE TABLE src (id BIGINT) WITH ('connector' = 'datagen');\nCREATE TABLE copy WITH ('connector' = 'blackhole') AS SELECT id FROM src;",
    flink: 'CREATE TABLE AS SELECT syntax does not support to create temporary table yet.',
  },
  FSQL6014: {
    explanation: 'A data type is not valid as written: a precision or length out of range (DECIMAL(39, 0), TIMESTAMP(10), VARCHAR(0)), a scale larger than the precision, and similar.',
    example: "CREATE TABLE t (price DECIMAL(40, 2)) WITH ('connector' = 'datagen');",
    fix: 'Use a precision within the type\'s limits (DECIMAL up to 38, TIMESTAMP up to 9).',
    fixed: "CREATE TABLE t (price DECIMAL(38, 2)) WITH ('connector' = 'datagen');",
  },
  FSQL6015: {
    explanation: 'A RESET clause (ALTER TABLE ... RESET, ALTER CATALOG ... RESET) must name at least one option key.',
    example: "CREATE TABLE t (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '10');\nALTER TABLE t RESET ();",
    fix: 'Name the options to reset.',
    fixed: "CREATE TABLE t (id BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '10');\nALTER TABLE t RESET ('number-of-rows');",
    flink: 'ALTER TABLE RESET does not support empty key',
  },
};
