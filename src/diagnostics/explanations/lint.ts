import type { ExplanationTable } from './types.js';

/** `flinkcheck lint`'s codes (FSQL8000-8999): its configuration, JSONL exports, sink schema evolution. */
export const lintExplanations: ExplanationTable = {
  FSQL8001: {
    explanation:
      "`flinkcheck lint` reads its settings from the nearest flinkcheck.yaml. This file is not valid YAML: a key appears " +
      'twice in one mapping, the indentation is inconsistent, or a quote or bracket is not closed. Lint stops with exit ' +
      'status 2 before checking any script, because it cannot know which settings were meant.',
    example: 'profile: strict\nformat: sarif\nprofile: recommended',
    fix: 'Fix the YAML at the reported position; here, keep one of the two `profile` keys.',
    fixed: 'profile: strict\nformat: sarif',
    verifiedBy: 'lint-config',
  },
  FSQL8002: {
    explanation:
      'A key of flinkcheck.yaml has a value of the wrong kind: a `format` other than text, json, sarif, github or junit, ' +
      'a `max-warnings` that is not a whole number, a rule level other than off, info, warn or error, or a sink without ' +
      'its schema file. Lint stops with exit status 2 and reports every such value at once.',
    example: 'profile: strict\nformat: pdf',
    fix: "Use one of the values the hint lists for the key.",
    fixed: 'profile: strict\nformat: sarif',
    verifiedBy: 'lint-config',
  },
  FSQL8003: {
    explanation:
      'flinkcheck.yaml has a key lint does not know, usually a misspelling (`catalog` for `catalogs`, `max_warnings` for ' +
      '`max-warnings`). An unknown key is an error rather than ignored, so a setting that looks applied always is.',
    example: 'catalog: catalog.sql\nprofile: strict',
    fix: 'Rename the key to one the hint lists: catalogs, profile, rules, include, exclude, format, max-warnings, compat or sinks.',
    fixed: 'catalogs: catalog.sql\nprofile: strict',
    verifiedBy: 'lint-config',
  },
  FSQL8010: {
    explanation:
      '`flinkcheck lint --jsonl` reads a query export with one JSON object per line: `{"id": ..., "sql": ..., "catalog": ...}`. ' +
      'This line is not valid JSON, is not an object, has no string `sql`, or has an `id` or `catalog` of the wrong type. ' +
      'The record is reported and skipped; the other records are still checked, and lint exits with status 2.',
    example: '{"id": "q1", "sql": "SELECT 1"}\n{"id": "q2", "query": "SELECT 2"}',
    fix: 'Export each record as one JSON object on one line, with the query text in `sql`.',
    fixed: '{"id": "q1", "sql": "SELECT 1"}\n{"id": "q2", "sql": "SELECT 2"}',
    verifiedBy: 'jsonl-export',
  },
  FSQL8011: {
    explanation:
      'Two records of a JSONL export have the same `id`. Findings are reported per query id, so with a repeated id they ' +
      'cannot be traced back to one query. Both records are still checked.',
    example: '{"id": "q1", "sql": "SELECT 1"}\n{"id": "q1", "sql": "SELECT 2"}',
    fix: "Give each record its own id, such as the query's key in the database it was exported from.",
    fixed: '{"id": "q1", "sql": "SELECT 1"}\n{"id": "q2", "sql": "SELECT 2"}',
    verifiedBy: 'jsonl-export',
  },
  FSQL8101: {
    explanation:
      'The sink of this INSERT has a registered Avro schema (`sinks:` in flinkcheck.yaml, or `--sink table=schema.avsc`). ' +
      'The rows the statement writes, as an Avro record, do not evolve compatibly from that schema under the configured ' +
      'mode (backward, forward or full): a field changes to a type that cannot hold the values already written, a new ' +
      'field has no default, or a field that readers need is no longer written. Consumers of the topic would fail to ' +
      'read the new records, or the registry would refuse the new schema.',
    example: '',
    fix: "Follow the hint for each change: keep the registered field's name and type, make a new or dropped sink column nullable so it gets the default null, or register a compatible schema version first.",
    fixed: [
      "CREATE TABLE orders_in (id BIGINT NOT NULL, amount BIGINT NOT NULL, discount INT) WITH ('connector' = 'datagen');",
      'CREATE TABLE orders_out (',
      '  id BIGINT NOT NULL,',
      '  amount BIGINT NOT NULL,',
      '  discount INT  -- a new column, nullable: its Avro field gets the default null',
      ") WITH ('connector' = 'kafka', 'topic' = 'orders', 'properties.bootstrap.servers' = 'kafka:9092', 'format' = 'avro');",
      'INSERT INTO orders_out SELECT id, amount, discount FROM orders_in;',
    ].join('\n'),
    verifiedBy: 'none',
    reason:
      "it needs the sink's registered Avro schema file besides the script, given to `flinkcheck lint` by `sinks:` in " +
      'flinkcheck.yaml or by `--sink`; test/cli/sink-evolution.test.ts runs it, and test/evolution/compatibility.test.ts ' +
      'covers each kind of change',
  },
  FSQL8102: {
    explanation:
      'The sink of this INSERT has a registered Avro schema, so its rows are written with the Avro format, but a column ' +
      'has a type that format cannot write: a TIMESTAMP_LTZ or a TIMESTAMP finer than milliseconds under the legacy ' +
      'timestamp mapping (Flink\'s default), a TIME finer than milliseconds, a MAP or MULTISET whose keys are not strings, ' +
      'or a type Avro has no counterpart for. The statement cannot be compared with the registered schema.',
    example: '',
    fix: 'Cast the column to a type the Avro format supports (TIMESTAMP(3) for a TIMESTAMP_LTZ, STRING map keys) in the query and declare the sink column with it.',
    fixed: [
      "CREATE TABLE orders_in (id BIGINT NOT NULL, updated_at TIMESTAMP_LTZ(3)) WITH ('connector' = 'datagen');",
      "CREATE TABLE orders_out (id BIGINT NOT NULL, updated_at TIMESTAMP(3)) WITH ('connector' = 'kafka', 'topic' = 'orders', 'properties.bootstrap.servers' = 'kafka:9092', 'format' = 'avro');",
      'INSERT INTO orders_out SELECT id, CAST(updated_at AS TIMESTAMP(3)) FROM orders_in;',
    ].join('\n'),
    verifiedBy: 'none',
    reason:
      "it needs the sink's registered Avro schema file besides the script, given to `flinkcheck lint` by `sinks:` in " +
      'flinkcheck.yaml or by `--sink`; test/cli/sink-evolution.test.ts runs it and test/evolution/avro-export.test.ts ' +
      'covers the types',
  },
};
