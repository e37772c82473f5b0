import type { ExplanationTable } from './types.js';

/** A YAML catalog document with one table. */
const ORDERS = `tables:
  - name: orders
    columns:
      - {name: order_id, type: BIGINT}
      - {name: amount, type: "DECIMAL(10, 2)"}`;

/**
 * Catalog documents (7000-7999): the files passed with `--catalog` (docs/catalog.md). Their examples
 * are catalog documents, not SQL, and are checked as `--catalog catalog.yaml` loads them.
 */
export const catalogDocumentExplanations: ExplanationTable = {
  FSQL7001: {
    explanation:
      "A file passed with `--catalog` cannot be used: it does not exist, is a directory or cannot be read, or its extension is not one flinkcheck reads (`.yaml`, `.yml` or `.json` for catalog documents, `.avsc` for Avro schemas, `.sql` for DDL). The extension decides how the file is read, so a catalog saved as `catalog.txt` is refused rather than guessed at. Like every catalog error, it stops the run before any script is checked, since the scripts' tables would be missing.",
    example: '',
    fix: 'Pass the path of a readable file (relative paths are resolved from the current directory) whose extension says what it contains: save the catalog below as `catalog.yaml`, not `catalog.txt`, and pass `--catalog catalog.yaml`.',
    fixed: ORDERS,
    documentFormat: 'yaml',
    verifiedBy: 'none',
    reason:
      'it concerns the catalog file itself rather than the text of a document; for example, `flinkcheck check --catalog catalog.txt job.sql` stops with ``catalog.txt: error: unknown catalog file type `.txt`; use .json, .yaml, .yml, .avsc or .sql [FSQL7001]``',
  },
  FSQL7002: {
    explanation:
      'The catalog file is not valid JSON (for `.json`) or YAML 1.2 (for `.yaml` and `.yml`), so nothing in it can be read. JSON catalogs are read strictly: no comments, no trailing commas, every key in double quotes. In YAML, indentation is structure, and every `{` or `[` needs its closing `}` or `]`. Keys must be unique in both.',
    example: `{
  "tables": [
    {
      "name": "orders",
      "columns": [
        { "name": "order_id", "type": "BIGINT" }
        { "name": "amount", "type": "DECIMAL(10, 2)" }
      ]
    }
  ]
}`,
    fix: 'Correct the syntax at the line and column the message gives (here: a comma between the two columns).',
    fixed: `{
  "tables": [
    {
      "name": "orders",
      "columns": [
        { "name": "order_id", "type": "BIGINT" },
        { "name": "amount", "type": "DECIMAL(10, 2)" }
      ]
    }
  ]
}`,
    documentFormat: 'json',
    verifiedBy: 'catalog-document',
  },
  FSQL7003: {
    explanation:
      'The document is valid JSON or YAML, but not laid out as a catalog document (docs/catalog.md): a key flinkcheck does not know (often a misspelling), a required key that is missing (a table without `name`), or a value of the wrong kind (a string where a list belongs). In YAML, an unquoted type with a comma inside a flow mapping, `{name: amount, type: DECIMAL(10, 2)}`, also ends here: the comma splits the type, and ` 2)` becomes an unknown key.',
    example: `tables:
  - name: orders
    colums:
      - {name: order_id, type: BIGINT}
      - {name: amount, type: "DECIMAL(10, 2)"}`,
    fix: 'Use the keys of the catalog document format; the message names the path, and suggests the key you probably meant. Quote types that contain commas.',
    fixed: ORDERS,
    documentFormat: 'yaml',
    verifiedBy: 'catalog-document',
  },
  FSQL7004: {
    explanation:
      "A column's type (or a function's parameter or result type) is not a Flink SQL type. Types are written exactly as in a CREATE TABLE: `BIGINT NOT NULL`, `DECIMAL(10, 2)`, `TIMESTAMP_LTZ(3)`, `ARRAY<STRING>`, `ROW<city STRING, zip INT>`. A catalog document cannot define types of its own, so an unknown name is an error. A watermark column whose type is not TIMESTAMP(p) or TIMESTAMP_LTZ(p) with p at most 3 is reported here too.",
    example: `tables:
  - name: orders
    columns:
      - {name: order_id, type: BIGINT}
      - {name: customer, type: VARCHR(100)}`,
    fix: 'Write the type in Flink SQL syntax; the message suggests the closest type name.',
    fixed: `tables:
  - name: orders
    columns:
      - {name: order_id, type: BIGINT}
      - {name: customer, type: VARCHAR(100)}`,
    documentFormat: 'yaml',
    verifiedBy: 'catalog-document',
  },
  FSQL7005: {
    explanation:
      "An Avro schema (an `.avsc` file, or a table's `avro:` entry) is not a valid Avro record schema, or cannot be read. Its fields become the table's columns with the types Flink's Avro formats derive, so the schema must follow the Avro specification: primitive types are `null`, `boolean`, `int`, `long`, `float`, `double`, `bytes` and `string`; dates and times are logical types written on top of them (`{type: long, logicalType: timestamp-millis}`); records need `fields` and enums need `symbols`.",
    example: `tables:
  - name: payments
    avro:
      type: record
      name: Payment
      fields:
        - {name: payment_id, type: long}
        - {name: paid_at, type: timestamp-millis}`,
    fix: 'Correct the schema at the path the message gives; a logical type goes into `logicalType` beside its underlying type.',
    fixed: `tables:
  - name: payments
    avro:
      type: record
      name: Payment
      fields:
        - {name: payment_id, type: long}
        - {name: paid_at, type: {type: long, logicalType: timestamp-millis}}`,
    documentFormat: 'yaml',
    verifiedBy: 'catalog-document',
  },
  FSQL7006: {
    explanation:
      'Something is defined twice: a column of a table, a column in its primary key, or an object of the catalog. Tables and views share one namespace per catalog and database, as in Flink, so a view cannot have the name of a table; functions have their own.',
    example: `tables:
  - name: orders
    columns:
      - {name: order_id, type: BIGINT}
      - {name: amount, type: "DECIMAL(10, 2)"}
      - {name: order_id, type: STRING}`,
    fix: 'Remove or rename one of the two definitions.',
    fixed: `tables:
  - name: orders
    columns:
      - {name: order_id, type: BIGINT}
      - {name: amount, type: "DECIMAL(10, 2)"}
      - {name: order_ref, type: STRING}`,
    documentFormat: 'yaml',
    verifiedBy: 'catalog-document',
  },
  FSQL7007: {
    explanation:
      "A table's primary key, partition keys or watermark name a column the table does not have. A primary key must also use physical columns only, not computed or metadata columns, as in Flink DDL. Column names are case-sensitive.",
    example: `${ORDERS}\n    primaryKey: [id]`,
    fix: 'Name columns the table defines.',
    fixed: `${ORDERS}\n    primaryKey: [order_id]`,
    documentFormat: 'yaml',
    verifiedBy: 'catalog-document',
  },
};
