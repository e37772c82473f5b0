import { INSERT_ONLY, type ChangelogMode } from '../schema.js';
import type { FormatSpec, OptionSpec } from './spec.js';

/** Format options as data (JsonFormatOptions, CsvFormatOptions, AvroFormatOptions, ...). */

const ALL_CHANGES: ChangelogMode = { updates: true, deletes: true };

const bool = (key: string, defaultValue = 'false'): OptionSpec => ({ key, type: { kind: 'boolean' }, defaultValue });
const str = (key: string, extra: Partial<OptionSpec> = {}): OptionSpec => ({ key, type: { kind: 'string' }, ...extra });

/** JsonFormatOptionsUtil checks the timestamp standard exactly and the null-key mode after upper-casing. */
const TIMESTAMP_STANDARD: OptionSpec = {
  key: 'timestamp-format.standard',
  type: { kind: 'enum', values: ['SQL', 'ISO-8601'], caseSensitive: true },
  defaultValue: 'SQL',
};
const MAP_NULL_KEY_MODE: OptionSpec = {
  key: 'map-null-key.mode',
  type: { kind: 'enum', values: ['FAIL', 'DROP', 'LITERAL'] },
  defaultValue: 'FAIL',
};

/** Options the CDC JSON formats share with `json`. */
const CDC_JSON_OPTIONS: readonly OptionSpec[] = [
  bool('ignore-parse-errors'),
  TIMESTAMP_STANDARD,
  MAP_NULL_KEY_MODE,
  str('map-null-key.literal', { defaultValue: 'null' }),
  bool('encode.decimal-as-plain-number'),
  bool('encode.ignore-null-fields'),
];

/** Options of the Confluent Schema Registry formats (AvroConfluentFormatOptions). */
const REGISTRY_OPTIONS: readonly OptionSpec[] = [
  str('url', { required: true, fallbackKeys: ['schema-registry.url'] }),
  str('subject', { fallbackKeys: ['schema-registry.subject'] }),
  str('schema', { fallbackKeys: ['schema-registry.schema'] }),
  str('ssl.keystore.location'),
  str('ssl.keystore.password'),
  str('ssl.truststore.location'),
  str('ssl.truststore.password'),
  str('basic-auth.credentials-source'),
  str('basic-auth.user-info'),
  str('bearer-auth.credentials-source'),
  str('bearer-auth.token'),
];

export const FORMATS: readonly FormatSpec[] = [
  {
    name: 'json',
    options: [
      bool('fail-on-missing-field'),
      bool('ignore-parse-errors'),
      TIMESTAMP_STANDARD,
      MAP_NULL_KEY_MODE,
      str('map-null-key.literal', { defaultValue: 'null' }),
      bool('encode.decimal-as-plain-number'),
      bool('encode.ignore-null-fields'),
      bool('decode.json-parser.enabled', 'true'),
    ],
    rules: [
      {
        kind: 'notBothTrue',
        keys: ['fail-on-missing-field', 'ignore-parse-errors'],
        why: 'a missing field cannot both fail the job and be skipped as a parse error',
      },
    ],
    changelog: INSERT_ONLY,
    encodesChanges: false,
    metadata: [],
  },
  {
    name: 'csv',
    options: [
      { key: 'field-delimiter', type: { kind: 'char' }, defaultValue: ',' },
      bool('disable-quote-character'),
      { key: 'quote-character', type: { kind: 'char' }, defaultValue: '"' },
      bool('allow-comments'),
      bool('ignore-parse-errors'),
      str('array-element-delimiter', { defaultValue: ';' }),
      { key: 'escape-character', type: { kind: 'char' } },
      str('null-literal'),
      bool('write-bigdecimal-in-scientific-notation', 'true'),
    ],
    rules: [
      {
        kind: 'onlyWhen',
        key: 'quote-character',
        other: 'disable-quote-character',
        values: ['false'],
        otherDefault: 'false',
        why: 'a quote character cannot be set while quoting is disabled',
      },
    ],
    changelog: INSERT_ONLY,
    encodesChanges: false,
    metadata: [],
  },
  {
    name: 'avro',
    options: [
      { key: 'encoding', type: { kind: 'enum', values: ['binary', 'json'] }, defaultValue: 'binary' },
      bool('timestamp_mapping.legacy', 'true'),
      // Read by the file system writer (AvroFileFormatFactory).
      { key: 'codec', type: { kind: 'enum', values: ['null', 'deflate', 'snappy', 'bzip2', 'xz', 'zstandard'] }, defaultValue: 'snappy' },
    ],
    rules: [],
    changelog: INSERT_ONLY,
    encodesChanges: false,
    metadata: [],
  },
  {
    name: 'avro-confluent',
    options: REGISTRY_OPTIONS,
    rules: [],
    changelog: INSERT_ONLY,
    encodesChanges: false,
    metadata: [],
  },
  {
    name: 'raw',
    options: [
      { key: 'endianness', type: { kind: 'enum', values: ['big-endian', 'little-endian'], caseSensitive: true }, defaultValue: 'big-endian' },
      str('charset', { defaultValue: 'UTF-8' }),
    ],
    rules: [],
    changelog: INSERT_ONLY,
    encodesChanges: false,
    metadata: [],
    singlePhysicalColumn: true,
  },
  {
    name: 'debezium-json',
    options: [bool('schema-include'), ...CDC_JSON_OPTIONS],
    rules: [],
    changelog: ALL_CHANGES,
    encodesChanges: true,
    metadata: ['schema', 'ingestion-timestamp', 'source.timestamp', 'source.database', 'source.schema', 'source.table', 'source.properties'],
  },
  {
    name: 'canal-json',
    options: [...CDC_JSON_OPTIONS, str('database.include'), str('table.include')],
    rules: [],
    changelog: ALL_CHANGES,
    encodesChanges: true,
    metadata: ['database', 'table', 'sql-type', 'pk-names', 'ingestion-timestamp', 'event-timestamp'],
  },
  {
    name: 'maxwell-json',
    options: CDC_JSON_OPTIONS,
    rules: [],
    changelog: ALL_CHANGES,
    encodesChanges: true,
    metadata: ['database', 'table', 'primary-key-columns', 'ingestion-timestamp'],
  },
  {
    name: 'ogg-json',
    options: CDC_JSON_OPTIONS,
    rules: [],
    changelog: ALL_CHANGES,
    encodesChanges: true,
    metadata: ['table', 'primary-keys', 'ingestion-timestamp', 'event-timestamp'],
  },
  {
    name: 'debezium-avro-confluent',
    options: REGISTRY_OPTIONS,
    rules: [],
    changelog: ALL_CHANGES,
    encodesChanges: true,
  },
  {
    name: 'protobuf',
    options: [
      str('message-class-name', { required: true }),
      bool('ignore-parse-errors'),
      bool('read-default-values'),
      str('write-null-string-literal', { defaultValue: '' }),
    ],
    rules: [],
    changelog: INSERT_ONLY,
    encodesChanges: false,
  },
  // Bulk formats of the file system connector; their options go to Hadoop/Parquet/ORC unchecked.
  { name: 'parquet', options: [bool('utc-timezone')], rules: [], changelog: INSERT_ONLY, encodesChanges: false, openOptions: true },
  { name: 'orc', options: [], rules: [], changelog: INSERT_ONLY, encodesChanges: false, openOptions: true },
];

const BY_NAME = new Map(FORMATS.map((f) => [f.name, f]));

export function formatSpec(name: string): FormatSpec | undefined {
  return BY_NAME.get(name);
}

/** The `properties.*` prefix of avro-confluent: a map option (ConfigOptions.mapType). */
export function formatPassThroughPrefixes(format: FormatSpec): readonly string[] {
  return format.name === 'avro-confluent' || format.name === 'debezium-avro-confluent' ? ['properties.'] : [];
}
