/**
 * What rules need to know about connectors and formats, as data: whether a source is bounded,
 * which changes a source emits and a sink accepts, and which connectors serve lookups. Facts from
 * Flink's connector docs (1.20 / 2.0) and the `values` test connector (TestValuesTableFactory).
 */

export type SinkMode = 'append' | 'upsert' | 'all' | 'upsert-with-key';

export interface ConnectorFacts {
  /** 'unbounded' sources read forever; 'bounded' ones end; the option below may flip the default. */
  readonly source: 'unbounded' | 'bounded' | null;
  /** An option that makes the source bounded or unbounded when set, with the value that flips it. */
  readonly boundedWhen?: { readonly option: string; readonly present?: true; readonly value?: string };
  readonly unboundedWhen?: { readonly option: string; readonly present?: true; readonly value?: string };
  /** The source emits updates and deletes (CDC and upsert sources). */
  readonly changelogSource?: true;
  /**
   * What the sink accepts: 'append' only inserts; 'upsert' needs a primary key and accepts all
   * changes; 'upsert-with-key' accepts all changes when the table has a primary key, else appends
   * only; 'all' accepts everything.
   */
  readonly sink: SinkMode | null;
  /** Can be the right side of a processing-time lookup join (LookupTableSource). */
  readonly lookup?: true;
}

export const CONNECTORS: Readonly<Record<string, ConnectorFacts>> = {
  kafka: { source: 'unbounded', boundedWhen: { option: 'scan.bounded.mode' }, sink: 'append' },
  'upsert-kafka': { source: 'unbounded', changelogSource: true, sink: 'upsert' },
  kinesis: { source: 'unbounded', sink: 'append' },
  firehose: { source: null, sink: 'append' },
  pulsar: { source: 'unbounded', sink: 'append' },
  'upsert-pulsar': { source: 'unbounded', changelogSource: true, sink: 'upsert' },
  datagen: { source: 'unbounded', boundedWhen: { option: 'number-of-rows', present: true }, sink: null },
  filesystem: { source: 'bounded', unboundedWhen: { option: 'source.monitor-interval', present: true }, sink: 'append' },
  jdbc: { source: 'bounded', sink: 'upsert-with-key', lookup: true },
  elasticsearch: { source: null, sink: 'upsert-with-key' },
  'elasticsearch-6': { source: null, sink: 'upsert-with-key' },
  'elasticsearch-7': { source: null, sink: 'upsert-with-key' },
  opensearch: { source: null, sink: 'upsert-with-key' },
  'hbase-1.4': { source: 'bounded', sink: 'upsert', lookup: true },
  'hbase-2.2': { source: 'bounded', sink: 'upsert', lookup: true },
  mongodb: { source: 'bounded', sink: 'upsert-with-key', lookup: true },
  hive: { source: 'bounded', unboundedWhen: { option: 'streaming-source.enable', value: 'true' }, sink: 'append', lookup: true },
  'mysql-cdc': { source: 'unbounded', changelogSource: true, sink: null },
  'postgres-cdc': { source: 'unbounded', changelogSource: true, sink: null },
  'oracle-cdc': { source: 'unbounded', changelogSource: true, sink: null },
  'sqlserver-cdc': { source: 'unbounded', changelogSource: true, sink: null },
  'mongodb-cdc': { source: 'unbounded', changelogSource: true, sink: null },
  print: { source: null, sink: 'all' },
  blackhole: { source: null, sink: 'all' },
  // Flink's test connector: unbounded unless 'bounded' = 'true'; insert-only sink unless
  // 'sink-insert-only' = 'false'; a changelog source when 'changelog-mode' lists more than I.
  values: { source: 'unbounded', boundedWhen: { option: 'bounded', value: 'true' }, sink: 'append', lookup: true },
};

/** Formats that carry a changelog: a source using them emits updates and deletes, a sink accepts them. */
export const CHANGELOG_FORMATS: ReadonlySet<string> = new Set([
  'debezium-json', 'debezium-avro-confluent', 'canal-json', 'maxwell-json', 'ogg-json',
]);
