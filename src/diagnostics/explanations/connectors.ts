import type { ExplanationTable } from './types.js';

const ORDER_COLUMNS = `  order_id BIGINT,
  customer STRING,
  amount DECIMAL(10, 2)`;

/** A table of orders with these WITH options, and a query that reads it (so that Flink checks the options). */
function orders(options: readonly string[], columns = ORDER_COLUMNS, query = 'SELECT order_id, amount FROM orders;'): string {
  return `CREATE TABLE orders (\n${columns}\n) WITH (\n${options.map((o) => `  ${o}`).join(',\n')}\n);\n${query}`;
}

const KAFKA = ["'connector' = 'kafka'", "'topic' = 'orders'", "'properties.bootstrap.servers' = 'kafka:9092'"];
const JSON_FORMAT = "'format' = 'json'";
const UPSERT_KAFKA = ["'connector' = 'upsert-kafka'", "'topic' = 'customer_totals'", "'properties.bootstrap.servers' = 'kafka:9092'"];

/** An upsert-kafka table of totals per customer with these options and this key clause, and a query that reads it. */
function totals(options: readonly string[], key = ',\n  PRIMARY KEY (customer) NOT ENFORCED'): string {
  return `CREATE TABLE customer_totals (
  customer STRING,
  total DECIMAL(38, 2)${key}
) WITH (
${options.map((o) => `  ${o}`).join(',\n')}
);
SELECT customer, total FROM customer_totals;`;
}

/** Connector and format options (5000-5999). */
export const connectorExplanations: ExplanationTable = {
  FSQL5001: {
    explanation:
      "A table's WITH clause has no `connector` option. Flink picks the code that reads and writes a table by its connector, so it accepts the CREATE TABLE but fails the first query that reads or writes the table. A table meant only as a LIKE template may leave the connector out.",
    example: orders([JSON_FORMAT]),
    fix: "Add `'connector' = '...'` with the connector of the external system (`kafka`, `jdbc`, `filesystem`, `datagen` ...) and the options it needs.",
    fixed: orders(["'connector' = 'datagen'"]),
  },
  FSQL5002: {
    explanation:
      "The `connector` option names a connector flinkcheck does not know. Flink finds connectors by their exact, case-sensitive name among the connector jars on its classpath; a misspelled name (or `Kafka` for `kafka`) fails with a list of the connectors it has. A name close to a known one is reported as a warning (an error when only the case differs); a name unlike any is an info, since it may be a connector from your own jar, whose options flinkcheck then does not check.",
    example: orders(["'connector' = 'kafak'", "'topic' = 'orders'", "'properties.bootstrap.servers' = 'kafka:9092'", JSON_FORMAT]),
    fix: 'Correct the name (the hint suggests close ones); for a connector of your own, make sure its jar is on the classpath of the Flink cluster.',
    fixed: orders([...KAFKA, JSON_FORMAT]),
  },
  FSQL5003: {
    explanation:
      'The connector needs an option that the WITH clause does not give, for example the brokers of a Kafka table, the path of a file system table or the URL and table name of a JDBC table. Flink checks the options when a query reads or writes the table, so this is an error for tables the script uses and a warning for tables it only declares.',
    example: orders(["'connector' = 'kafka'", "'topic' = 'orders'", JSON_FORMAT]),
    fix: 'Add the missing option; the message names it and the connector that requires it.',
    fixed: orders([...KAFKA, JSON_FORMAT]),
  },
  FSQL5004: {
    explanation:
      "The WITH clause has an option the connector (or its format) does not support. Flink rejects unknown options instead of ignoring them, which catches misspellings such as `scan.startup.mod`. Options of a format carry the format's name as a prefix (`json.ignore-parse-errors`), and free-form client settings go under the connector's pass-through prefix (`properties.*` for Kafka).",
    example: orders([...KAFKA, JSON_FORMAT, "'scan.startup.mod' = 'earliest-offset'"]),
    fix: "Correct the option's name (the hint suggests close ones), or remove it.",
    fixed: orders([...KAFKA, JSON_FORMAT, "'scan.startup.mode' = 'earliest-offset'"]),
    flink:
      "Unsupported options found for 'kafka'.\n\nUnsupported options:\n\nscan.startup.mod\n\nSupported options:\n\nconnector\nformat\nproperties.bootstrap.servers\nscan.startup.mode\ntopic",
  },
  FSQL5005: {
    explanation:
      "An option's value cannot be read as the type the option has: a number, a duration such as `5 s` or `1 min`, a memory size such as `128 mb`, a boolean (`true` or `false`) or a single character. Flink parses option values when it creates the source or sink and fails on one it cannot read, or one outside the allowed range.",
    example: orders(["'connector' = 'datagen'", "'rows-per-second' = '10k'"]),
    fix: 'Write the value in the form the option expects; the message says which.',
    fixed: orders(["'connector' = 'datagen'", "'rows-per-second' = '10000'"]),
  },
  FSQL5006: {
    explanation:
      'The option only accepts a fixed set of values, and the value given is not one of them. Most such options ignore case, a few (like the JSON timestamp standard) do not.',
    example: orders([...KAFKA, JSON_FORMAT, "'scan.startup.mode' = 'earliest'"]),
    fix: 'Use one of the values the message lists.',
    fixed: orders([...KAFKA, JSON_FORMAT, "'scan.startup.mode' = 'earliest-offset'"]),
  },
  FSQL5007: {
    explanation:
      "Two options cannot be used together: they are alternatives (`topic` and `topic-pattern`, `format` and `value.format`), contradict each other (a CSV quote character with quoting disabled, a JSON format that both fails on and skips missing fields), or disagree (a JDBC scan whose lower bound is above its upper bound). Flink refuses the table rather than pick one.",
    example: orders([...KAFKA, "'topic-pattern' = 'orders-.*'", JSON_FORMAT]),
    fix: 'Keep one of the options (or make the values agree).',
    fixed: orders([...KAFKA, JSON_FORMAT]),
  },
  FSQL5008: {
    explanation:
      "An option (or one of its values) only works together with another option that is missing: starting a Kafka source at a timestamp needs the timestamp, exactly-once delivery needs a transactional id prefix, a key format needs the key columns, a partitioned JDBC scan needs the column, the number of partitions and both bounds.",
    example: orders([...KAFKA, JSON_FORMAT, "'scan.startup.mode' = 'timestamp'"]),
    fix: 'Add the options the message names, or remove the option that needs them.',
    fixed: orders([...KAFKA, JSON_FORMAT, "'scan.startup.mode' = 'timestamp'", "'scan.startup.timestamp-millis' = '1735689600000'"]),
  },
  FSQL5009: {
    explanation:
      "The connector reads and writes bytes and needs a format to turn them into rows: Kafka and the file system connector need `format` (or `value.format`), and upsert-kafka also a `key.format` for its key. Like other missing options, this is an error for tables the script uses and a warning for tables it only declares.",
    example: orders(KAFKA),
    fix: "Add the format the data is written in, for example `'format' = 'json'`, `'avro-confluent'` or `'csv'`.",
    fixed: orders([...KAFKA, JSON_FORMAT]),
  },
  FSQL5010: {
    explanation:
      'The format option names a format flinkcheck does not know. Flink finds formats, like connectors, by exact, case-sensitive name among the jars on its classpath. A name close to a known format is probably a typo (a different case is certainly one); the options of an unknown format are not checked.',
    example: orders([...KAFKA, "'format' = 'jsn'"]),
    fix: "Correct the format's name (the hint suggests close ones), or make sure the jar of your own format is on the classpath.",
    fixed: orders([...KAFKA, JSON_FORMAT]),
  },
  FSQL5011: {
    explanation:
      'An `upsert-kafka` table is a changelog keyed by its primary key: a message replaces the previous row with the same key, and a message whose value is null (a tombstone) deletes it. Without a PRIMARY KEY there is nothing to key the messages by, so Flink refuses the table.',
    example: totals([...UPSERT_KAFKA, "'key.format' = 'json'", "'value.format' = 'json'"], ''),
    fix: "Declare the columns that identify a row as `PRIMARY KEY (...) NOT ENFORCED`, or use `'connector' = 'kafka'` for an append-only topic.",
    fixed: totals([...UPSERT_KAFKA, "'key.format' = 'json'", "'value.format' = 'json'"]),
  },
  FSQL5012: {
    explanation:
      "A `kafka` table with an insert-only format (json, avro, csv ...) is an append-only topic: every message is a new row, and nothing makes rows with the same key replace each other. Flink therefore refuses a PRIMARY KEY on it; a key is only meaningful with a changelog format (such as `debezium-json`) or with the `upsert-kafka` connector.",
    example: orders([...KAFKA, JSON_FORMAT], `${ORDER_COLUMNS},\n  PRIMARY KEY (order_id) NOT ENFORCED`),
    fix: "Drop the PRIMARY KEY, read the topic with a changelog format such as `'format' = 'debezium-json'`, or use `'connector' = 'upsert-kafka'` with a `key.format`.",
    fixed: orders([...KAFKA, JSON_FORMAT]),
  },
  FSQL5013: {
    explanation:
      "The format cannot be used in this place. `upsert-kafka` makes the changelog itself from the message keys, so its value format must be a plain insert-only format, not a changelog format such as `debezium-json`. A key format (`key.format`) must be insert-only in every Kafka table.",
    example: totals([...UPSERT_KAFKA, "'key.format' = 'json'", "'value.format' = 'debezium-json'"]),
    fix: "Use a plain format such as `json`, `avro` or `avro-confluent`; to read a Debezium topic, use the `kafka` connector with `'format' = 'debezium-json'`.",
    fixed: totals([...UPSERT_KAFKA, "'key.format' = 'json'", "'value.format' = 'json'"]),
  },
  FSQL5014: {
    explanation:
      'The WITH clause gives the same option twice. Flink keeps the last value without a warning, which usually hides an edit that went wrong.',
    example: orders([...KAFKA, "'topic' = 'orders-v2'", JSON_FORMAT]),
    fix: 'Remove the entry you do not mean.',
    fixed: orders(["'connector' = 'kafka'", "'topic' = 'orders-v2'", "'properties.bootstrap.servers' = 'kafka:9092'", JSON_FORMAT]),
    // The analyzer hands the connector check the table's options after the last value of a key has
    // won, so a repeated key never reaches it from a script; the check itself reports it.
    verifiedBy: 'pending',
  },
  FSQL5015: {
    explanation:
      'The option has been renamed or replaced. Flink still accepts the old name for now, but a later version may drop it, and the documentation only describes the new one.',
    example: orders([...KAFKA, JSON_FORMAT, "'sink.semantic' = 'at-least-once'"]),
    fix: 'Use the option the hint names.',
    fixed: orders([...KAFKA, JSON_FORMAT, "'sink.delivery-guarantee' = 'at-least-once'"]),
  },
  FSQL5016: {
    explanation:
      "An option names a column the table does not have as a physical column: a `fields.<column>.*` option of the datagen connector, or a column in Kafka's `key.fields`. Flink builds these from the table's physical columns and fails on a name it does not find there; column names are case-sensitive.",
    example: orders(["'connector' = 'datagen'", "'fields.amout.max' = '500'"]),
    fix: "Correct the column's name (the hint suggests a close one), or remove the option.",
    fixed: orders(["'connector' = 'datagen'", "'fields.amount.max' = '500'"]),
  },
  FSQL5017: {
    explanation:
      "The `raw` format reads a whole message (or key) as a single value, so the table must have exactly one physical column for it. Other columns can be metadata columns (such as the Kafka timestamp) or computed columns.",
    example: orders([...KAFKA, "'format' = 'raw'"], '  line STRING,\n  received_at STRING', 'SELECT line FROM orders;'),
    fix: "Keep one physical column for the raw value and declare the others as metadata or computed columns, or use a structured format such as `json`.",
    fixed: orders([...KAFKA, "'format' = 'raw'"], "  line STRING,\n  received_at TIMESTAMP_LTZ(3) METADATA FROM 'timestamp'", 'SELECT line FROM orders;'),
  },
  FSQL5018: {
    explanation:
      "`PARTITIONED BY` declares columns whose values decide the directory (or partition) a row is written to. Only connectors that write partitions, such as the file system connector, support it; Flink fails when a query writes into a partitioned table whose connector does not.",
    example: `CREATE TABLE orders (\n${ORDER_COLUMNS},\n  order_date STRING\n) PARTITIONED BY (order_date) WITH (\n${[...KAFKA, JSON_FORMAT].map((o) => `  ${o}`).join(',\n')}\n);`,
    fix: "Remove `PARTITIONED BY` (Kafka partitions by the message key: see `key.fields`), or write to a connector that supports partitions, such as `filesystem`.",
    fixed: `CREATE TABLE orders (\n${ORDER_COLUMNS},\n  order_date STRING\n) PARTITIONED BY (order_date) WITH (\n  'connector' = 'filesystem',\n  'path' = 's3://bucket/orders',\n  'format' = 'json'\n);`,
  },
  FSQL5019: {
    explanation:
      "A `METADATA` column reads (or writes) a value the connector or its format carries besides the row: Kafka's `timestamp`, `partition`, `offset`, `headers`, or a CDC format's `value.source.timestamp`. The key is `METADATA FROM 'key'`, or the column's name when FROM is left out, and it must be one the connector offers. Flink checks it when the table is read or written (\"Invalid metadata key\").",
    example: `CREATE TABLE orders (\n${ORDER_COLUMNS},\n  kafka_time TIMESTAMP_LTZ(3) METADATA FROM 'timestmp' VIRTUAL\n) WITH (\n${[...KAFKA, JSON_FORMAT].map((o) => `  ${o}`).join(',\n')}\n);`,
    fix: 'Use one of the keys the connector lists (the message lists them); for a column named like its key, `METADATA` alone is enough.',
    fixed: `CREATE TABLE orders (\n${ORDER_COLUMNS},\n  kafka_time TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL\n) WITH (\n${[...KAFKA, JSON_FORMAT].map((o) => `  ${o}`).join(',\n')}\n);`,
    flink: "Invalid metadata key 'timestmp' in column 'kafka_time' of table 'default_catalog.default_database.orders'. The DynamicTableSource class 'org.apache.flink.streaming.connectors.kafka.table.KafkaDynamicSource' supports the following metadata keys for reading:\ntopic\npartition\nheaders\nleader-epoch\noffset\ntimestamp\ntimestamp-type",
  },
};
