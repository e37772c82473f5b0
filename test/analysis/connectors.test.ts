import { describe, expect, it } from 'vitest';
import type { CreateTable } from '../../src/ast/nodes.js';
import {
  checkConnectorOptions,
  connectorCapabilities,
  connectorInputFromCreateTable,
  CONNECTORS,
  FORMATS,
  type ConnectorCheckInput,
} from '../../src/analysis/connectors/index.js';
import { checkOptionValue } from '../../src/analysis/connectors/values.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { parseScript } from '../../src/parse/index.js';

function inputOf(sql: string): { input: ConnectorCheckInput; text: string } {
  const parsed = parseScript(sql);
  const ast = parsed.statements[0]?.ast;
  if (ast?.kind !== 'CreateTable') throw new Error(`not a CREATE TABLE: ${sql}`);
  return { input: connectorInputFromCreateTable(ast as CreateTable), text: sql };
}

function check(sql: string, extra: Partial<ConnectorCheckInput> = {}): (Diagnostic & { at: string })[] {
  const { input, text } = inputOf(sql);
  return checkConnectorOptions({ ...input, ...extra }).map((d) => ({ ...d, at: text.slice(d.span.start, d.span.end) }));
}

function table(options: Record<string, string>, columns = 'id BIGINT, name STRING, ts TIMESTAMP(3)', extra = ''): string {
  const body = Object.entries(options).filter(([, v]) => v !== undefined).map(([k, v]) => `  '${k}' = '${v.replace(/'/g, "''")}'`).join(',\n');
  return `CREATE TABLE t (${columns}${extra === '' ? '' : `, ${extra}`}) WITH (\n${body}\n)`;
}

const KAFKA = {
  connector: 'kafka',
  topic: 'clicks',
  'properties.bootstrap.servers': 'kafka:9092',
  format: 'json',
};

const codes = (ds: readonly Diagnostic[]) => ds.map((d) => d.code);

describe('checkConnectorOptions: complete tables', () => {
  it.each([
    ['kafka', KAFKA],
    ['kafka with key and value formats', {
      connector: 'kafka', topic: 'a;b', 'properties.bootstrap.servers': 'k:9092', 'properties.group.id': 'g',
      'key.format': 'raw', 'key.fields': 'name', 'key.fields-prefix': 'k_', 'value.fields-include': 'EXCEPT_KEY',
      'value.format': 'avro-confluent', 'value.avro-confluent.url': 'http://sr:8081',
      'scan.startup.mode': 'timestamp', 'scan.startup.timestamp-millis': '1700000000000',
      'sink.delivery-guarantee': 'exactly-once', 'sink.transactional-id-prefix': 'tx',
      'scan.topic-partition-discovery.interval': '30 s', 'properties.max.poll.records': '500',
    }],
    ['datagen', { connector: 'datagen', 'rows-per-second': '5', 'fields.id.kind': 'sequence', 'fields.id.start': '1', 'fields.id.end': '100', 'fields.name.length': '10' }],
    ['filesystem', { connector: 'filesystem', path: 's3://b/p', format: 'parquet', 'parquet.compression': 'SNAPPY', 'sink.rolling-policy.file-size': '256MB', 'sink.rolling-policy.rollover-interval': '10 min' }],
    ['filesystem csv', { connector: 'filesystem', path: '/tmp/x', format: 'csv', 'csv.field-delimiter': '\\t', 'csv.ignore-parse-errors': 'true' }],
    ['jdbc', { connector: 'jdbc', url: 'jdbc:mysql://db/x', 'table-name': 'users', username: 'u', password: 'p', 'lookup.cache': 'PARTIAL', 'lookup.partial-cache.max-rows': '1000' }],
    ['print', { connector: 'print', 'print-identifier': 'out', 'standard-error': 'TRUE' }],
    ['blackhole', { connector: 'blackhole' }],
  ])('accepts a complete %s table', (_, options) => {
    expect(check(table(options))).toEqual([]);
  });

  it('accepts an upsert-kafka table with a primary key', () => {
    const sql = table(
      { connector: 'upsert-kafka', topic: 't', 'properties.bootstrap.servers': 'k:9092', 'key.format': 'json', 'value.format': 'json' },
      'id BIGINT, name STRING',
      'PRIMARY KEY (id) NOT ENFORCED',
    );
    expect(check(sql)).toEqual([]);
  });

  it('accepts a primary key on kafka with a changelog format', () => {
    expect(check(table({ ...KAFKA, format: 'debezium-json' }, 'id BIGINT, name STRING', 'PRIMARY KEY (id) NOT ENFORCED'))).toEqual([]);
  });
});

describe('checkConnectorOptions: the connector', () => {
  it('reports a table without a connector only as info', () => {
    const ds = check("CREATE TABLE t (id INT) WITH ('format' = 'json')");
    expect(ds.map((d) => [d.code, d.severity])).toEqual([['FSQL5001', 'info']]);
  });

  it('warns about an unknown connector, with a did-you-mean, never as an error', () => {
    const [d, ...rest] = check(table({ connector: 'kafak', topic: 'x' }));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'FSQL5002', severity: 'warning', at: "'kafak'" });
    expect(d!.hint).toContain("'kafka'");
  });

  it.each(['values', 'test-update-delete', 'socket', 'hive', 'paimon', 'mysql-cdc'])('leaves connector %s alone', (name) => {
    expect(check(table({ connector: name, 'whatever.option': 'x' }))).toEqual([]);
  });
});

describe('checkConnectorOptions: required options and formats', () => {
  it.each([
    ['kafka', { connector: 'kafka', topic: 't', format: 'json' }, 'properties.bootstrap.servers'],
    ['upsert-kafka', { connector: 'upsert-kafka', 'properties.bootstrap.servers': 'k', 'key.format': 'json', format: 'json' }, 'topic'],
    ['filesystem', { connector: 'filesystem', format: 'json' }, 'path'],
    ['jdbc url', { connector: 'jdbc', 'table-name': 'x' }, 'url'],
    ['jdbc table-name', { connector: 'jdbc', url: 'jdbc:x' }, 'table-name'],
    ['avro-confluent url', { ...KAFKA, format: 'avro-confluent' }, 'avro-confluent.url'],
    ['value avro-confluent url', { ...KAFKA, format: undefined, 'value.format': 'avro-confluent' }, 'value.avro-confluent.url'],
  ])('%s: reports the missing required option at the connector', (_, options, missing) => {
    const clean = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Record<string, string>;
    const ds = check(table(clean, 'id BIGINT, name STRING', _ === 'upsert-kafka' ? 'PRIMARY KEY (id) NOT ENFORCED' : ''));
    expect(ds.map((d) => [d.code, d.severity])).toEqual([['FSQL5003', 'error']]);
    expect(ds[0]!.message).toContain(`'${missing}'`);
    expect(ds[0]!.at).toBe(`'${clean['connector']}'`);
  });

  it('accepts the old schema-registry.url key but points to the new name', () => {
    const ds = check(table({ ...KAFKA, format: 'avro-confluent', 'avro-confluent.schema-registry.url': 'http://sr' }));
    expect(ds.map((d) => [d.code, d.severity])).toEqual([['FSQL5015', 'info']]);
    expect(ds[0]!.hint).toContain("'avro-confluent.url'");
  });

  it('needs a topic or a topic pattern for kafka, and not both', () => {
    const none = check(table({ connector: 'kafka', 'properties.bootstrap.servers': 'k', format: 'json' }));
    expect(codes(none)).toEqual(['FSQL5003']);
    expect(none[0]!.message).toContain("'topic', 'topic-pattern'");
    const both = check(table({ ...KAFKA, 'topic-pattern': 'c.*' }));
    expect(both.map((d) => [d.code, d.at])).toEqual([['FSQL5007', "'topic-pattern'"]]);
  });

  it('reports a missing format, and downgrades incompleteness to a warning for unused tables', () => {
    const sql = table({ connector: 'kafka', topic: 't', 'properties.bootstrap.servers': 'k' });
    expect(check(sql).map((d) => [d.code, d.severity])).toEqual([['FSQL5009', 'error']]);
    expect(check(sql, { used: false }).map((d) => [d.code, d.severity])).toEqual([['FSQL5009', 'warning']]);
    // Mistakes in the options that are given stay errors for unused tables.
    expect(check(table({ ...KAFKA, 'scan.startup.mode': 'earliest' }), { used: false }).map((d) => d.severity)).toEqual(['error']);
  });

  it("rejects 'format' together with 'value.format'", () => {
    const ds = check(table({ ...KAFKA, 'value.format': 'json' }));
    expect(ds.map((d) => [d.code, d.at])).toEqual([['FSQL5007', "'value.format'"]]);
  });

  it('warns about an unknown format and does not check its options', () => {
    const ds = check(table({ ...KAFKA, format: 'jsn', 'jsn.whatever': 'x' }));
    expect(ds.map((d) => [d.code, d.severity, d.at])).toEqual([['FSQL5010', 'warning', "'jsn'"]]);
    expect(ds[0]!.hint).toContain("'json'");
  });
});

describe('checkConnectorOptions: unknown options', () => {
  it.each([
    [KAFKA, 'scan.startup.mod', 'scan.startup.mode'],
    [KAFKA, 'json.ignore-parse-error', 'json.ignore-parse-errors'],
    [KAFKA, 'topics', 'topic'],
    [{ connector: 'filesystem', path: '/p', format: 'csv' }, 'sink.rolling-policy.file-sise', 'sink.rolling-policy.file-size'],
    [{ connector: 'jdbc', url: 'jdbc:x', 'table-name': 't' }, 'tablename', 'table-name'],
    [{ connector: 'datagen' }, 'rows-per-secnd', 'rows-per-second'],
    [{ connector: 'print' }, 'print-identifer', 'print-identifier'],
    [{ connector: 'blackhole' }, 'sink.paralelism', null],
  ] as const)('flags %s option %s', (options, wrong, suggestion) => {
    const ds = check(table({ ...options, [wrong]: 'x' }));
    expect(ds.map((d) => [d.code, d.severity, d.at])).toEqual([['FSQL5004', 'error', `'${wrong}'`]]);
    if (suggestion !== null) expect(ds[0]!.hint).toBe(`did you mean '${suggestion}'?`);
  });

  it('says when an option belongs to another format', () => {
    const ds = check(table({ ...KAFKA, 'csv.field-delimiter': ';' }));
    expect(codes(ds)).toEqual(['FSQL5004']);
    expect(ds[0]!.hint).toBe("this is an option of the csv format, but the table's format is 'json'");
  });

  it('accepts pass-through prefixes and prefixed format options under value.', () => {
    const ds = check(table({ ...KAFKA, format: undefined as unknown as string, 'value.format': 'json', 'value.json.fail-on-missing-field': 'true', 'properties.security.protocol': 'SASL_SSL' }));
    expect(ds).toEqual([]);
  });

  it('reports a repeated key as a warning pointing at the second one', () => {
    const sql = "CREATE TABLE t (a INT) WITH ('connector' = 'blackhole', 'connector' = 'blackhole')";
    const ds = check(sql);
    expect(ds.map((d) => [d.code, d.severity])).toEqual([['FSQL5014', 'warning']]);
    expect(ds[0]!.span.start).toBe(sql.lastIndexOf("'connector'"));
  });
});

describe('checkConnectorOptions: values', () => {
  it.each([
    [{ ...KAFKA, 'scan.startup.mode': 'earliest' }, 'FSQL5006', "'earliest'", "did you mean 'earliest-offset'?"],
    [{ ...KAFKA, 'sink.delivery-guarantee': 'exactly_once' }, 'FSQL5006', "'exactly_once'", "did you mean 'exactly-once'?"],
    [{ ...KAFKA, 'scan.topic-partition-discovery.interval': '5 minutes later' }, 'FSQL5005', "'5 minutes later'", "the default is '5 min'"],
    [{ ...KAFKA, 'json.ignore-parse-errors': 'yes' }, 'FSQL5005', "'yes'", "the default is 'false'"],
    [{ ...KAFKA, 'json.timestamp-format.standard': 'iso-8601' }, 'FSQL5006', "'iso-8601'", "did you mean 'ISO-8601'?"],
    [{ ...KAFKA, 'sink.parallelism': '0' }, 'FSQL5005', "'0'", undefined],
    [{ ...KAFKA, 'sink.parallelism': '2147483648' }, 'FSQL5005', "'2147483648'", undefined],
    [{ ...KAFKA, 'scan.startup.mode': 'specific-offsets', 'scan.startup.specific-offsets': 'p0:42' }, 'FSQL5005', "'p0:42'", undefined],
    [{ connector: 'filesystem', path: '/p', format: 'json', 'sink.rolling-policy.file-size': '128 megs' }, 'FSQL5005', "'128 megs'", "the default is '128 mb'"],
    [{ connector: 'filesystem', path: '/p', format: 'csv', 'csv.field-delimiter': ';;' }, 'FSQL5005', "';;'", "the default is ','"],
    [{ connector: 'datagen', 'fields.id.kind': 'seq' }, 'FSQL5006', "'seq'", "did you mean 'sequence'?"],
    [{ connector: 'datagen', 'fields.name.null-rate': 'half' }, 'FSQL5005', "'half'", "the default is '0'"],
  ] as const)('rejects a bad value (%#)', (options, code, at, hint) => {
    const ds = check(table(options as Record<string, string>));
    expect(ds.map((d) => [d.code, d.at])).toEqual([[code, at]]);
    expect(ds[0]!.hint).toBe(hint);
  });

  it('reads values as Flink does', () => {
    expect(checkOptionValue('5 s', { kind: 'duration' })).toBeNull();
    expect(checkOptionValue('500ms', { kind: 'duration' })).toBeNull();
    expect(checkOptionValue('1000', { kind: 'duration' })).toBeNull();
    expect(checkOptionValue('PT10M', { kind: 'duration' })).toBeNull();
    expect(checkOptionValue('5 sec later', { kind: 'duration' })).not.toBeNull();
    expect(checkOptionValue('-5 s', { kind: 'duration' })).not.toBeNull();
    expect(checkOptionValue('64mb', { kind: 'memory' })).toBeNull();
    expect(checkOptionValue('1 GB', { kind: 'memory' })).toBeNull();
    expect(checkOptionValue('1.5gb', { kind: 'memory' })).not.toBeNull();
    expect(checkOptionValue('True', { kind: 'boolean' })).toBeNull();
    expect(checkOptionValue('1', { kind: 'boolean' })).not.toBeNull();
    expect(checkOptionValue('9223372036854775807', { kind: 'long' })).toBeNull();
    expect(checkOptionValue('9223372036854775808', { kind: 'long' })).not.toBeNull();
    expect(checkOptionValue('\\u0001', { kind: 'char' })).toBeNull();
    expect(checkOptionValue('EARLIEST-OFFSET', { kind: 'enum', values: ['earliest-offset'] })).toBeNull();
    expect(checkOptionValue('sql', { kind: 'enum', values: ['SQL'], caseSensitive: true })).not.toBeNull();
  });

  it('checks key.fields against the physical columns', () => {
    const ds = check(table({ ...KAFKA, 'key.format': 'json', 'key.fields': 'id;nme' }));
    expect(ds.map((d) => [d.code, d.at])).toEqual([['FSQL5016', "'id;nme'"]]);
    expect(ds[0]!.hint).toBe('did you mean `name`?');
  });

  it('checks datagen per-column options against the columns', () => {
    const ds = check(table({ connector: 'datagen', 'fields.nmae.length': '5', 'fields.c.kind': 'random' }, 'id BIGINT, name STRING, c AS id + 1'));
    expect(ds.map((d) => [d.code, d.at])).toEqual([['FSQL5016', "'fields.nmae.length'"], ['FSQL5016', "'fields.c.kind'"]]);
    expect(ds[0]!.hint).toBe("did you mean 'fields.name.length'?");
    expect(ds[1]!.message).toContain('computed or metadata');
    const typo = check(table({ connector: 'datagen', 'fields.id.lenght': '5' }));
    expect(typo.map((d) => [d.code, d.hint])).toEqual([['FSQL5004', "did you mean 'fields.id.length'?"]]);
  });
});

describe('checkConnectorOptions: rules between options', () => {
  it.each([
    [{ ...KAFKA, 'scan.startup.mode': 'specific-offsets' }, 'scan.startup.specific-offsets', "'specific-offsets'"],
    [{ ...KAFKA, 'scan.startup.mode': 'timestamp' }, 'scan.startup.timestamp-millis', "'timestamp'"],
    [{ ...KAFKA, 'scan.bounded.mode': 'timestamp' }, 'scan.bounded.timestamp-millis', "'timestamp'"],
    [{ ...KAFKA, 'key.format': 'json' }, 'key.fields', "'key.format'"],
    [{ ...KAFKA, 'key.fields': 'id' }, 'key.format', "'key.fields'"],
    [{ ...KAFKA, 'sink.delivery-guarantee': 'exactly-once' }, 'sink.transactional-id-prefix', "'exactly-once'"],
    [{ connector: 'datagen', 'fields.id.kind': 'sequence', 'fields.id.start': '1' }, 'fields.id.end', "'sequence'"],
    [{ connector: 'jdbc', url: 'jdbc:x', 'table-name': 't', username: 'u' }, 'password', "'username'"],
    [{ connector: 'jdbc', url: 'jdbc:x', 'table-name': 't', 'scan.partition.column': 'id', 'scan.partition.num': '4' }, 'scan.partition.lower-bound', "'scan.partition.column'"],
  ] as const)('reports a missing companion option (%#)', (options, missing, at) => {
    const ds = check(table(options as Record<string, string>));
    expect(ds.map((d) => [d.code, d.at])).toEqual([['FSQL5008', at]]);
    expect(ds[0]!.message).toContain(`'${missing}'`);
  });

  it('rejects a key prefix while value.fields-include is ALL (the default)', () => {
    const ds = check(table({ ...KAFKA, 'key.format': 'json', 'key.fields': 'id', 'key.fields-prefix': 'k_' }));
    expect(ds.map((d) => [d.code, d.at])).toEqual([['FSQL5007', "'key.fields-prefix'"]]);
    expect(ds[0]!.message).toContain('(the default)');
    expect(check(table({ ...KAFKA, 'key.format': 'json', 'key.fields': 'id', 'key.fields-prefix': '', 'value.fields-include': 'ALL' }))).toEqual([]);
  });

  it('rejects conflicting format options', () => {
    const json = check(table({ ...KAFKA, 'json.fail-on-missing-field': 'true', 'json.ignore-parse-errors': 'true' }));
    expect(json.map((d) => [d.code, d.at])).toEqual([['FSQL5007', "'json.ignore-parse-errors'"]]);
    const csv = check(table({ connector: 'filesystem', path: '/p', format: 'csv', 'csv.disable-quote-character': 'true', 'csv.quote-character': "'" }));
    expect(codes(csv)).toEqual(['FSQL5007']);
  });
});

describe('checkConnectorOptions: primary keys and formats', () => {
  it('requires a PRIMARY KEY on upsert-kafka', () => {
    const ds = check(table({ connector: 'upsert-kafka', topic: 't', 'properties.bootstrap.servers': 'k', 'key.format': 'json', format: 'json' }));
    expect(ds.map((d) => [d.code, d.at])).toEqual([['FSQL5011', "'upsert-kafka'"]]);
  });

  it('rejects a PRIMARY KEY on kafka with an append-only format, pointing at the key', () => {
    const ds = check(table(KAFKA, 'id BIGINT, name STRING', 'PRIMARY KEY (id) NOT ENFORCED'));
    expect(ds.map((d) => [d.code, d.at])).toEqual([['FSQL5012', 'PRIMARY KEY (id) NOT ENFORCED']]);
    expect(ds[0]!.hint).toContain('upsert-kafka');
  });

  it('accepts a PRIMARY KEY on print and blackhole', () => {
    expect(check(table({ connector: 'print' }, 'id BIGINT', 'PRIMARY KEY (id) NOT ENFORCED'))).toEqual([]);
    expect(check(table({ connector: 'blackhole' }, 'id BIGINT', 'PRIMARY KEY (id) NOT ENFORCED'))).toEqual([]);
  });

  it('rejects a changelog format where an insert-only one is needed', () => {
    const value = check(table(
      { connector: 'upsert-kafka', topic: 't', 'properties.bootstrap.servers': 'k', 'key.format': 'json', 'value.format': 'debezium-json' },
      'id BIGINT, name STRING', 'PRIMARY KEY (id) NOT ENFORCED',
    ));
    expect(value.map((d) => [d.code, d.at])).toEqual([['FSQL5013', "'debezium-json'"]]);
    const key = check(table({ ...KAFKA, 'key.format': 'canal-json', 'key.fields': 'id' }));
    expect(key.map((d) => [d.code, d.at])).toEqual([['FSQL5013', "'canal-json'"]]);
  });

  it('needs exactly one physical column for the raw format', () => {
    const two = check(table({ ...KAFKA, format: 'raw' }, 'a STRING, b STRING'));
    expect(two.map((d) => [d.code, d.at])).toEqual([['FSQL5017', "'raw'"]]);
    expect(check(table({ ...KAFKA, format: 'raw' }, 'line STRING, ts TIMESTAMP_LTZ(3) METADATA FROM \'timestamp\''))).toEqual([]);
    const exceptKey = table(
      { ...KAFKA, format: 'raw', 'key.format': 'json', 'key.fields': 'k', 'value.fields-include': 'EXCEPT_KEY' },
      'k STRING, v STRING',
    );
    expect(check(exceptKey)).toEqual([]);
  });

  it('warns about PARTITIONED BY on a connector that cannot write partitions', () => {
    const sql = `CREATE TABLE t (id INT, dt STRING) PARTITIONED BY (dt) WITH ('connector' = 'kafka', 'topic' = 't', 'properties.bootstrap.servers' = 'k', 'format' = 'json')`;
    const ds = check(sql);
    expect(ds.map((d) => [d.code, d.severity, d.at])).toEqual([['FSQL5018', 'warning', 'dt']]);
    expect(check(sql.replace("'kafka', 'topic' = 't', 'properties.bootstrap.servers' = 'k'", "'filesystem', 'path' = '/p'"))).toEqual([]);
  });
});

describe('connectorCapabilities', () => {
  it.each([
    ['kafka + json', { ...KAFKA }, { updates: false, deletes: false }, false, false, false],
    ['kafka + debezium-json', { ...KAFKA, format: 'debezium-json' }, { updates: true, deletes: true }, true, true, false],
    ['kafka + canal-json via value.format', { connector: 'kafka', 'value.format': 'canal-json' }, { updates: true, deletes: true }, true, true, false],
    ['upsert-kafka', { connector: 'upsert-kafka', format: 'json' }, { updates: true, deletes: true }, true, true, true],
    ['filesystem + csv', { connector: 'filesystem', format: 'csv' }, { updates: false, deletes: false }, false, false, false],
    ['jdbc', { connector: 'jdbc' }, { updates: false, deletes: false }, true, true, false],
    ['print', { connector: 'print' }, { updates: false, deletes: false }, true, true, false],
    ['blackhole', { connector: 'blackhole' }, { updates: false, deletes: false }, true, true, false],
  ] as const)('%s', (_, options, source, updates, deletes, requiresPk) => {
    const c = connectorCapabilities(options);
    expect(c.known).toBe(true);
    expect(c.sourceChangelog).toEqual(source);
    expect([c.sinkAcceptsUpdates, c.sinkAcceptsDeletes, c.sinkRequiresPrimaryKey]).toEqual([updates, deletes, requiresPk]);
  });

  it('knows which connectors read, write, need keys for updates, and end', () => {
    expect(connectorCapabilities({ connector: 'datagen' })).toMatchObject({ canSink: false, sinkAcceptsUpdates: false, isBounded: false });
    expect(connectorCapabilities({ connector: 'datagen', 'number-of-rows': '10' }).isBounded).toBe(true);
    expect(connectorCapabilities({ connector: 'print' }).canSource).toBe(false);
    expect(connectorCapabilities({ connector: 'jdbc' })).toMatchObject({ sinkUpdatesNeedPrimaryKey: true, isBounded: true });
    expect(connectorCapabilities({ connector: 'kafka', 'scan.bounded.mode': 'latest-offset' }).isBounded).toBe(true);
    expect(connectorCapabilities({ connector: 'kafka' }).isBounded).toBe(false);
    expect(connectorCapabilities({ connector: 'filesystem', 'source.monitor-interval': '1 min' }).isBounded).toBe(false);
  });

  it("rejects the Hive-only 'metastore' partition commit policy on a file system table", () => {
    const fs = (kind: string) => check(table({ connector: 'filesystem', path: '/data', format: 'json', 'sink.partition-commit.policy.kind': kind }));
    expect(fs('success-file')).toEqual([]);
    expect(fs('metastore,success-file').map((d) => [d.code, d.at])).toEqual([['FSQL5005', "'metastore,success-file'"]]);
    expect(fs('metastore,success-file')[0]!.message).toContain('only for Hive tables');
  });

  it('checks METADATA keys against the connector and its value format', () => {
    const run = (options: Record<string, string>, key: string) => check(table(options, `id BIGINT, m TIMESTAMP_LTZ(3) METADATA FROM '${key}' VIRTUAL`));
    expect(run(KAFKA, 'timestamp')).toEqual([]);
    const typo = run(KAFKA, 'timestmp');
    expect(typo.map((d) => [d.code, d.at])).toEqual([['FSQL5019', "'timestmp'"]]);
    expect(typo[0]!.hint).toContain("did you mean 'timestamp'?");
    expect(run({ ...KAFKA, format: 'debezium-json' }, 'value.source.timestamp')).toEqual([]);
    expect(run(KAFKA, 'value.source.timestamp').map((d) => d.code)).toEqual(['FSQL5019']);
    expect(check(table({ connector: 'datagen' }, 'id BIGINT, ts TIMESTAMP_LTZ(3) METADATA')).map((d) => [d.code, d.at])).toEqual([['FSQL5019', 'ts']]);
    // A format whose metadata flinkcheck does not know is not checked.
    expect(run({ ...KAFKA, format: 'debezium-avro-confluent', 'debezium-avro-confluent.url': 'http://sr:8081' }, 'value.anything')).toEqual([]);
  });

  it('knows that the Flink CDC connectors read changelogs, without knowing their options', () => {
    for (const connector of ['mysql-cdc', 'postgres-cdc', 'mongodb-cdc', 'oceanbase-cdc']) {
      expect(connectorCapabilities({ connector })).toMatchObject({ known: false, sourceChangelog: { updates: true, deletes: true } });
    }
    expect(connectorCapabilities({ connector: 'my-connector' }).sourceChangelog).toEqual({ updates: false, deletes: false });
  });

  it('takes options as pairs, as {key, value} entries or as a record', () => {
    const a = connectorCapabilities([['connector', 'upsert-kafka']]);
    const b = connectorCapabilities([{ key: 'connector', value: 'upsert-kafka' }]);
    const c = connectorCapabilities({ connector: 'upsert-kafka' });
    expect(a).toEqual(b);
    expect(b).toEqual(c);
    expect(a.sinkRequiresPrimaryKey).toBe(true);
  });

  it('is permissive for unknown connectors and reads the test connector changelog-mode', () => {
    expect(connectorCapabilities({ connector: 'mystery' })).toMatchObject({ known: false, sinkAcceptsUpdates: true, sinkAcceptsDeletes: true });
    expect(connectorCapabilities({}).connector).toBeNull();
    expect(connectorCapabilities({ connector: 'values', 'changelog-mode': 'I,UA,D' }).sourceChangelog).toEqual({ updates: true, deletes: true });
    expect(connectorCapabilities({ connector: 'values' }).sourceChangelog).toEqual({ updates: false, deletes: false });
  });
});

describe('option data', () => {
  it('has no duplicate option keys per connector and format', () => {
    for (const c of CONNECTORS) {
      const keys = c.options.map((o) => o.key);
      expect(new Set(keys).size, c.name).toBe(keys.length);
    }
    for (const f of FORMATS) {
      const keys = f.options.map((o) => o.key);
      expect(new Set(keys).size, f.name).toBe(keys.length);
    }
  });

  it('gives every default value a valid value of its own type', () => {
    for (const spec of [...CONNECTORS.flatMap((c) => [...c.options, ...(c.columnOptions?.options ?? [])]), ...FORMATS.flatMap((f) => f.options)]) {
      if (spec.defaultValue === undefined) continue;
      expect(checkOptionValue(spec.defaultValue, spec.type), spec.key).toBeNull();
    }
  });
});

describe('checkConnectorOptions: more Flink rules', () => {
  it('reports a connector or format name in the wrong case as an error (Flink matches names exactly)', () => {
    const connector = check(table({ ...KAFKA, connector: 'Kafka' }));
    expect(connector.map((d) => [d.code, d.severity, d.at, d.hint])).toEqual([['FSQL5002', 'error', "'Kafka'", "write 'kafka'"]]);
    const format = check(table({ ...KAFKA, format: 'JSON' }));
    expect(format.map((d) => [d.code, d.severity, d.at, d.hint])).toEqual([['FSQL5010', 'error', "'JSON'", "write 'json'"]]);
  });

  it('warns about unknown format options of the file system connector, which Flink ignores', () => {
    const ds = check(table({ connector: 'filesystem', path: '/p', format: 'csv', 'csv.field-delimter': ';' }));
    expect(ds.map((d) => [d.code, d.severity, d.at, d.hint])).toEqual([
      ['FSQL5004', 'warning', "'csv.field-delimter'", "did you mean 'csv.field-delimiter'?"],
    ]);
    // parquet and orc take any option under their prefix.
    expect(check(table({ connector: 'filesystem', path: '/p', format: 'orc', 'orc.compress': 'ZLIB' }))).toEqual([]);
  });

  it('checks the kafka partitioner', () => {
    expect(check(table({ ...KAFKA, 'sink.partitioner': 'round-robin' }))).toEqual([]);
    expect(check(table({ ...KAFKA, 'sink.partitioner': 'com.example.MyPartitioner' }))).toEqual([]);
    expect(codes(check(table({ ...KAFKA, 'sink.partitioner': 'roundrobin' })))).toEqual(['FSQL5005']);
  });

  it('rejects a jdbc scan whose lower bound is above its upper bound', () => {
    const ds = check(table({
      connector: 'jdbc', url: 'jdbc:x', 'table-name': 't',
      'scan.partition.column': 'id', 'scan.partition.num': '4', 'scan.partition.lower-bound': '100', 'scan.partition.upper-bound': '1',
    }));
    expect(ds.map((d) => [d.code, d.at])).toEqual([['FSQL5007', "'100'"]]);
  });
});

describe('checkConnectorOptions: upsert-kafka buffering and bounds', () => {
  const UPSERT = { connector: 'upsert-kafka', topic: 't', 'properties.bootstrap.servers': 'k', 'key.format': 'json', 'value.format': 'json' };
  const withKey = (options: Record<string, string>) => table(options, 'id BIGINT, name STRING', 'PRIMARY KEY (id) NOT ENFORCED');

  it('needs both buffer-flush options above zero, or neither', () => {
    expect(check(withKey({ ...UPSERT, 'sink.buffer-flush.max-rows': '100', 'sink.buffer-flush.interval': '1 s' }))).toEqual([]);
    expect(check(withKey({ ...UPSERT, 'sink.buffer-flush.max-rows': '0' }))).toEqual([]);
    const one = check(withKey({ ...UPSERT, 'sink.buffer-flush.max-rows': '100', 'sink.buffer-flush.interval': '0 s' }));
    expect(one.map((d) => [d.code, d.at])).toEqual([['FSQL5008', "'100'"]]);
    expect(one[0]!.message).toBe("'sink.buffer-flush.max-rows' is above zero but 'sink.buffer-flush.interval' is not: sink buffering is enabled by setting both above zero, and disabled by leaving both at zero");
  });

  it('accepts bounded reads and still needs their companion options', () => {
    expect(check(withKey({ ...UPSERT, 'scan.bounded.mode': 'latest-offset' }))).toEqual([]);
    expect(codes(check(withKey({ ...UPSERT, 'scan.bounded.mode': 'timestamp' })))).toEqual(['FSQL5008']);
    expect(codes(check(withKey({ ...UPSERT, 'key.fields': 'id' })))).toEqual(['FSQL5004']);
  });
});

describe('checkConnectorOptions: options of every table', () => {
  it('accepts the source watermark options on any connector and checks watermark alignment', () => {
    expect(check(table({ ...KAFKA, 'scan.watermark.emit.strategy': 'on-event', 'scan.watermark.idle-timeout': '1 min' }))).toEqual([]);
    expect(check(table({ connector: 'datagen', 'scan.watermark.alignment.group': 'g', 'scan.watermark.alignment.max-drift': '20 s' }))).toEqual([]);
    const alone = check(table({ connector: 'datagen', 'scan.watermark.alignment.group': 'g' }));
    expect(alone.map((d) => [d.code, d.at])).toEqual([['FSQL5008', "'scan.watermark.alignment.group'"]]);
    expect(alone[0]!.message).toContain("'scan.watermark.alignment.max-drift'");
    expect(codes(check(table({ ...KAFKA, 'scan.watermark.emit.strategy': 'periodic' })))).toEqual(['FSQL5006']);
  });
});
