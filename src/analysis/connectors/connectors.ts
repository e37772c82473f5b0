import { INSERT_ONLY } from '../schema.js';
import type { ConnectorSpec, OptionRule, OptionSpec, SinkCapabilities } from './spec.js';

/**
 * Connector options as data, after the factories' requiredOptions/optionalOptions:
 * KafkaDynamicTableFactory, UpsertKafkaDynamicTableFactory (flink-connector-kafka),
 * DataGenTableSourceFactory, FileSystemTableFactory, JdbcDynamicTableFactory
 * (flink-connector-jdbc), PrintTableSinkFactory, BlackHoleTableSinkFactory.
 */

const str = (key: string, extra: Partial<OptionSpec> = {}): OptionSpec => ({ key, type: { kind: 'string' }, ...extra });
const int = (key: string, extra: Partial<OptionSpec> = {}, min?: number): OptionSpec => ({
  key, type: min === undefined ? { kind: 'int' } : { kind: 'int', min }, ...extra,
});
const long = (key: string, extra: Partial<OptionSpec> = {}, min?: number): OptionSpec => ({
  key, type: min === undefined ? { kind: 'long' } : { kind: 'long', min }, ...extra,
});
const bool = (key: string, defaultValue = 'false', extra: Partial<OptionSpec> = {}): OptionSpec => ({
  key, type: { kind: 'boolean' }, defaultValue, ...extra,
});
const duration = (key: string, extra: Partial<OptionSpec> = {}): OptionSpec => ({ key, type: { kind: 'duration' }, ...extra });
const memory = (key: string, extra: Partial<OptionSpec> = {}): OptionSpec => ({ key, type: { kind: 'memory' }, ...extra });
const oneOf = (key: string, values: readonly string[], extra: Partial<OptionSpec> = {}): OptionSpec => ({
  key, type: { kind: 'enum', values }, ...extra,
});

const SINK_PARALLELISM = int('sink.parallelism', {}, 1);
const SCAN_PARALLELISM = int('scan.parallelism', {}, 1);

const ALL_CHANGES_SINK: SinkCapabilities = {
  acceptsUpdates: true, acceptsDeletes: true, requiresPrimaryKey: false, updatesNeedPrimaryKey: false,
};

/** `partition:0,offset:42;partition:1,offset:300` (KafkaConnectorOptionsUtil.parseSpecificOffsets). */
const SPECIFIC_OFFSETS = /^\s*partition\s*:\s*\d+\s*,\s*offset\s*:\s*\d+\s*(;\s*partition\s*:\s*\d+\s*,\s*offset\s*:\s*\d+\s*)*;?\s*$/;

/** KafkaConnectorOptionsUtil#getFlinkKafkaPartitioner: a built-in name or a class name. */
const PARTITIONER = /^(default|fixed|round-robin|[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)+)$/;

const KAFKA_STARTUP_MODES = ['earliest-offset', 'latest-offset', 'group-offsets', 'timestamp', 'specific-offsets'];
const KAFKA_BOUNDED_MODES = ['unbounded', 'latest-offset', 'group-offsets', 'timestamp', 'specific-offsets'];
const DELIVERY = ['at-least-once', 'exactly-once', 'none'];

const KAFKA_BOUNDED: readonly OptionSpec[] = [
  oneOf('scan.bounded.mode', KAFKA_BOUNDED_MODES, { defaultValue: 'unbounded' }),
  { key: 'scan.bounded.specific-offsets', type: { kind: 'pattern', regex: SPECIFIC_OFFSETS, expected: "'partition:0,offset:42;partition:1,offset:300'" } },
  long('scan.bounded.timestamp-millis', {}, 0),
];

const TOPIC_RULES = [
  { kind: 'exclusive', keys: ['topic', 'topic-pattern'], why: 'a table reads either named topics or a topic pattern' },
  { kind: 'anyOf', keys: ['topic', 'topic-pattern'], why: 'the table must say which topics it reads or writes' },
] as const;

const BOUNDED_RULES = [
  { kind: 'requires', key: 'scan.bounded.mode', values: ['specific-offsets'], needs: ['scan.bounded.specific-offsets'], why: "bounded mode 'specific-offsets' stops at these offsets" },
  { kind: 'requires', key: 'scan.bounded.mode', values: ['timestamp'], needs: ['scan.bounded.timestamp-millis'], why: "bounded mode 'timestamp' stops at this timestamp" },
] as const;

const KAFKA_COMMON: readonly OptionSpec[] = [
  str('properties.bootstrap.servers', { required: true }),
  str('properties.group.id'),
  oneOf('value.fields-include', ['ALL', 'EXCEPT_KEY'], { defaultValue: 'ALL' }),
  str('key.fields-prefix'),
  oneOf('sink.delivery-guarantee', DELIVERY, { defaultValue: 'at-least-once', fallbackKeys: ['sink.semantic'] }),
  str('sink.transactional-id-prefix'),
  oneOf('sink.transaction-naming-strategy', ['default', 'pooling'], { defaultValue: 'default' }),
  SINK_PARALLELISM,
  SCAN_PARALLELISM,
];

const KAFKA_PREFIXES = [{ prefix: 'properties.', description: 'Kafka client properties' }];

/** KafkaDynamicSource.ReadableMetadata and KafkaDynamicSink.WritableMetadata. */
const KAFKA_READABLE_METADATA = ['topic', 'partition', 'headers', 'leader-epoch', 'offset', 'timestamp', 'timestamp-type'];
const KAFKA_WRITABLE_METADATA = ['headers', 'timestamp'];

const KEY_PREFIX_RULE = {
  kind: 'onlyWhen',
  key: 'key.fields-prefix',
  other: 'value.fields-include',
  values: ['EXCEPT_KEY'],
  otherDefault: 'ALL',
  why: "a key prefix would make key and value fields overlap when 'value.fields-include' is ALL",
} as const;

const EXACTLY_ONCE_RULE = {
  kind: 'requires',
  key: 'sink.delivery-guarantee',
  values: ['exactly-once'],
  needs: ['sink.transactional-id-prefix'],
  why: 'exactly-once delivery writes through Kafka transactions, which need an id prefix',
} as const;

/**
 * Options every table factory accepts (FactoryUtil.TableFactoryHelper consumes the source
 * watermark options for all connectors) and the rule FactoryUtil#checkWatermarkOptions applies.
 */
const TABLE_OPTIONS: readonly OptionSpec[] = [
  int('property-version'),
  oneOf('scan.watermark.emit.strategy', ['on-event', 'on-periodic'], { defaultValue: 'on-periodic' }),
  str('scan.watermark.alignment.group'),
  duration('scan.watermark.alignment.max-drift'),
  duration('scan.watermark.alignment.update-interval', { defaultValue: '1000 ms' }),
  duration('scan.watermark.idle-timeout'),
];

const ALIGNMENT = 'watermark alignment needs a group and a maximum drift';
const TABLE_RULES: readonly OptionRule[] = [
  { kind: 'requires', key: 'scan.watermark.alignment.group', needs: ['scan.watermark.alignment.max-drift'], why: ALIGNMENT },
  { kind: 'requires', key: 'scan.watermark.alignment.max-drift', needs: ['scan.watermark.alignment.group'], why: ALIGNMENT },
  {
    kind: 'requires',
    key: 'scan.watermark.alignment.update-interval',
    needs: ['scan.watermark.alignment.group', 'scan.watermark.alignment.max-drift'],
    why: ALIGNMENT,
  },
];

const withTableOptions = (spec: ConnectorSpec): ConnectorSpec => ({
  ...spec,
  options: [...spec.options, ...TABLE_OPTIONS],
  rules: [...spec.rules, ...TABLE_RULES],
});

export const CONNECTORS: readonly ConnectorSpec[] = ([
  {
    name: 'kafka',
    summary: 'Apache Kafka topics (append-only)',
    options: [
      str('topic'),
      str('topic-pattern'),
      { key: 'key.fields', type: { kind: 'columns' } },
      oneOf('scan.startup.mode', KAFKA_STARTUP_MODES, { defaultValue: 'group-offsets' }),
      { key: 'scan.startup.specific-offsets', type: { kind: 'pattern', regex: SPECIFIC_OFFSETS, expected: "'partition:0,offset:42;partition:1,offset:300'" } },
      long('scan.startup.timestamp-millis', {}, 0),
      ...KAFKA_BOUNDED,
      duration('scan.topic-partition-discovery.interval', { defaultValue: '5 min' }),
      bool('record.key.include.kafka.connect.json.schema'),
      bool('record.value.include.kafka.connect.json.schema'),
      {
        key: 'sink.partitioner',
        type: { kind: 'pattern', regex: PARTITIONER, expected: "'default', 'fixed', 'round-robin' or a partitioner class name" },
        defaultValue: 'default',
      },
      ...KAFKA_COMMON,
    ],
    prefixes: KAFKA_PREFIXES,
    formats: [
      { keys: ['value.format', 'format'], role: 'value', required: true, insertOnly: false },
      { keys: ['key.format'], role: 'key', required: false, insertOnly: true },
    ],
    rules: [
      ...TOPIC_RULES,
      { kind: 'exclusive', keys: ['format', 'value.format'], why: "'format' is another name for 'value.format'" },
      { kind: 'requires', key: 'scan.startup.mode', values: ['specific-offsets'], needs: ['scan.startup.specific-offsets'], why: "startup mode 'specific-offsets' reads the offsets from this option" },
      { kind: 'requires', key: 'scan.startup.mode', values: ['timestamp'], needs: ['scan.startup.timestamp-millis'], why: "startup mode 'timestamp' starts at this timestamp" },
      ...BOUNDED_RULES,
      { kind: 'requires', key: 'key.format', needs: ['key.fields'], why: 'a key format needs the columns that form the key' },
      { kind: 'requires', key: 'key.fields', needs: ['key.format'], why: 'key columns are written with a key format' },
      { kind: 'requires', key: 'key.fields-prefix', needs: ['key.format'], why: 'a key prefix only applies to key columns' },
      KEY_PREFIX_RULE,
      EXACTLY_ONCE_RULE,
    ],
    source: true,
    sourceChangelog: null,
    sink: null,
    canSink: true,
    primaryKey: 'insert-only-format-forbids',
    supportsPartitioning: false,
    metadata: { readable: KAFKA_READABLE_METADATA, writable: KAFKA_WRITABLE_METADATA, valueFormat: true },
  },
  {
    name: 'upsert-kafka',
    summary: 'Kafka topics as a changelog keyed by the PRIMARY KEY',
    options: [
      str('topic'),
      str('topic-pattern'),
      int('sink.buffer-flush.max-rows', { defaultValue: '0' }, 0),
      duration('sink.buffer-flush.interval', { defaultValue: '0 s' }),
      ...KAFKA_BOUNDED,
      ...KAFKA_COMMON,
    ],
    prefixes: KAFKA_PREFIXES,
    formats: [
      { keys: ['value.format', 'format'], role: 'value', required: true, insertOnly: true },
      { keys: ['key.format'], role: 'key', required: true, insertOnly: true },
    ],
    rules: [
      ...TOPIC_RULES,
      { kind: 'exclusive', keys: ['format', 'value.format'], why: "'format' is another name for 'value.format'" },
      ...BOUNDED_RULES,
      {
        kind: 'positiveTogether',
        keys: ['sink.buffer-flush.max-rows', 'sink.buffer-flush.interval'],
        why: 'sink buffering is enabled by setting both above zero, and disabled by leaving both at zero',
      },
      KEY_PREFIX_RULE,
      EXACTLY_ONCE_RULE,
    ],
    source: true,
    sourceChangelog: { updates: true, deletes: true },
    sink: { acceptsUpdates: true, acceptsDeletes: true, requiresPrimaryKey: true, updatesNeedPrimaryKey: true },
    canSink: true,
    primaryKey: 'required',
    supportsPartitioning: false,
    metadata: { readable: KAFKA_READABLE_METADATA, writable: KAFKA_WRITABLE_METADATA },
  },
  {
    name: 'datagen',
    summary: 'generated random or sequence rows',
    options: [
      long('rows-per-second', { defaultValue: '10000' }, 1),
      long('number-of-rows', {}, 0),
      SCAN_PARALLELISM,
    ],
    prefixes: [],
    columnOptions: {
      prefix: 'fields.',
      options: [
        oneOf('kind', ['random', 'sequence'], { defaultValue: 'random' }),
        str('min'),
        str('max'),
        duration('max-past'),
        int('length', { defaultValue: '100' }, 1),
        str('start'),
        str('end'),
        { key: 'null-rate', type: { kind: 'float' }, defaultValue: '0' },
        bool('var-len'),
      ],
      rules: [
        { kind: 'requires', key: 'kind', values: ['sequence'], needs: ['start', 'end'], why: 'a sequence generator counts from start to end' },
      ],
    },
    formats: [],
    rules: [],
    source: true,
    sourceChangelog: INSERT_ONLY,
    sink: null,
    canSink: false,
    primaryKey: 'allowed',
    supportsPartitioning: false,
    metadata: { readable: [], writable: [] },
  },
  {
    name: 'filesystem',
    summary: 'files in a local or distributed file system',
    options: [
      str('path', { required: true }),
      str('partition.default-name', { defaultValue: '__DEFAULT_PARTITION__' }),
      duration('source.monitor-interval'),
      oneOf('source.report-statistics', ['NONE', 'ALL'], { defaultValue: 'ALL' }),
      str('source.path.regex-pattern'),
      memory('sink.rolling-policy.file-size', { defaultValue: '128 mb' }),
      duration('sink.rolling-policy.rollover-interval', { defaultValue: '30 min' }),
      duration('sink.rolling-policy.inactivity-interval', { defaultValue: '30 min' }),
      duration('sink.rolling-policy.check-interval', { defaultValue: '1 min' }),
      bool('sink.shuffle-by-partition.enable'),
      str('partition.time-extractor.kind', { defaultValue: 'default' }),
      str('partition.time-extractor.class'),
      str('partition.time-extractor.timestamp-formatter'),
      str('partition.time-extractor.timestamp-pattern'),
      oneOf('sink.partition-commit.trigger', ['process-time', 'partition-time'], { defaultValue: 'process-time' }),
      duration('sink.partition-commit.delay', { defaultValue: '0 ms' }),
      str('sink.partition-commit.watermark-time-zone', { defaultValue: 'UTC' }),
      // PartitionCommitPolicy: a comma-separated chain; 'metastore' exists only for Hive tables.
      { key: 'sink.partition-commit.policy.kind', type: { kind: 'pattern', regex: /^\s*(success-file|custom)\s*(,\s*(success-file|custom)\s*)*$/i, expected: "'success-file', 'custom', or both separated by a comma ('metastore' works only for Hive tables)" } },
      str('sink.partition-commit.policy.class'),
      str('sink.partition-commit.policy.class.parameters'),
      str('sink.partition-commit.success-file.name', { defaultValue: '_SUCCESS' }),
      bool('auto-compaction'),
      memory('compaction.file-size'),
      int('compaction.parallelism', {}, 1),
      SINK_PARALLELISM,
    ],
    prefixes: [],
    formats: [{ keys: ['format'], role: 'value', required: true, insertOnly: false }],
    formatOptionsUnchecked: true,
    rules: [
      { kind: 'requires', key: 'partition.time-extractor.kind', values: ['custom'], needs: ['partition.time-extractor.class'], why: 'a custom time extractor is loaded from this class' },
      { kind: 'requires', key: 'sink.partition-commit.policy.kind', values: ['custom'], needs: ['sink.partition-commit.policy.class'], why: 'a custom commit policy is loaded from this class' },
    ],
    source: true,
    sourceChangelog: null,
    sink: null,
    canSink: true,
    primaryKey: 'allowed',
    supportsPartitioning: true,
  },
  {
    name: 'jdbc',
    summary: 'a table in a relational database over JDBC',
    options: [
      str('url', { required: true }),
      str('table-name', { required: true }),
      str('driver'),
      str('username'),
      str('password'),
      str('compatible-mode'),
      duration('connection.max-retry-timeout', { defaultValue: '60 s' }),
      str('scan.partition.column'),
      int('scan.partition.num', {}, 1),
      long('scan.partition.lower-bound'),
      long('scan.partition.upper-bound'),
      int('scan.fetch-size', { defaultValue: '0' }, 0),
      bool('scan.auto-commit', 'true'),
      oneOf('lookup.cache', ['NONE', 'PARTIAL'], { defaultValue: 'NONE' }),
      long('lookup.partial-cache.max-rows', {}, 0),
      duration('lookup.partial-cache.expire-after-write'),
      duration('lookup.partial-cache.expire-after-access'),
      bool('lookup.partial-cache.cache-missing-key', 'true'),
      long('lookup.cache.max-rows', { deprecatedBy: 'lookup.cache = PARTIAL with lookup.partial-cache.max-rows' }, 0),
      duration('lookup.cache.ttl', { deprecatedBy: 'lookup.cache = PARTIAL with lookup.partial-cache.expire-after-write' }),
      bool('lookup.cache.caching-missing-key', 'true', { deprecatedBy: 'lookup.partial-cache.cache-missing-key' }),
      int('lookup.max-retries', { defaultValue: '3' }, 0),
      oneOf('filter.handling.policy', ['always', 'never'], { defaultValue: 'always' }),
      int('sink.buffer-flush.max-rows', { defaultValue: '100' }, 0),
      duration('sink.buffer-flush.interval', { defaultValue: '1 s' }),
      int('sink.max-retries', { defaultValue: '3' }, 0),
      SINK_PARALLELISM,
    ],
    prefixes: [],
    formats: [],
    rules: [
      {
        kind: 'allOrNone',
        keys: ['scan.partition.column', 'scan.partition.num', 'scan.partition.lower-bound', 'scan.partition.upper-bound'],
        why: 'a partitioned scan needs the column, the number of partitions and both bounds',
      },
      { kind: 'notGreater', keys: ['scan.partition.lower-bound', 'scan.partition.upper-bound'], why: 'the partitioned scan reads from the lower to the upper bound' },
      { kind: 'allOrNone', keys: ['username', 'password'], why: 'the database login needs both' },
      { kind: 'allOrNone', keys: ['lookup.cache.max-rows', 'lookup.cache.ttl'], why: 'the legacy lookup cache is enabled by setting both' },
    ],
    source: true,
    sourceChangelog: INSERT_ONLY,
    sink: { acceptsUpdates: true, acceptsDeletes: true, requiresPrimaryKey: false, updatesNeedPrimaryKey: true },
    canSink: true,
    primaryKey: 'allowed',
    supportsPartitioning: false,
  },
  {
    name: 'print',
    summary: 'writes every row to the task manager log (stdout or stderr)',
    options: [str('print-identifier'), bool('standard-error'), SINK_PARALLELISM],
    prefixes: [],
    formats: [],
    rules: [],
    source: false,
    sourceChangelog: null,
    sink: ALL_CHANGES_SINK,
    canSink: true,
    primaryKey: 'allowed',
    supportsPartitioning: true,
  },
  {
    name: 'blackhole',
    summary: 'discards every row (for tests and benchmarks)',
    options: [],
    prefixes: [],
    formats: [],
    rules: [],
    source: false,
    sourceChangelog: null,
    sink: ALL_CHANGES_SINK,
    canSink: true,
    primaryKey: 'allowed',
    supportsPartitioning: true,
  },
] satisfies ConnectorSpec[]).map(withTableOptions);

const BY_NAME = new Map(CONNECTORS.map((c) => [c.name, c]));

export function connectorSpec(name: string): ConnectorSpec | undefined {
  return BY_NAME.get(name);
}

/**
 * Connectors flinkcheck knows exist but whose options it does not check: external connectors,
 * CDC sources, lakehouse tables, and Flink's own test connectors. Using one is not reported.
 */
export const UNCHECKED_CONNECTORS: readonly string[] = [
  'values', 'socket', 'hive', 'hbase-1.4', 'hbase-2.2', 'elasticsearch-6', 'elasticsearch-7', 'opensearch',
  'opensearch-2', 'kinesis', 'firehose', 'dynamodb', 'mongodb', 'pulsar', 'rabbitmq', 'paimon', 'iceberg',
  'hudi', 'mysql-cdc', 'postgres-cdc', 'oracle-cdc', 'sqlserver-cdc', 'mongodb-cdc', 'tidb-cdc', 'db2-cdc',
  'starrocks', 'doris', 'clickhouse', 'redis', 'aws-kinesis-streams', 'prometheus', 'http', 'fluss', 'faker',
];

/** Flink's planner tests register factories named `test-...` and `values`. */
export function isTestConnector(name: string): boolean {
  return name === 'values' || name.startsWith('test-') || name.startsWith('test_');
}
