import type { CatalogTable } from '../catalog/model.js';
import type { ChangelogMode, OutputColumn } from '../schema.js';
import { T, timeAttributeOf, type LogicalType } from '../types/logical-type.js';

/**
 * The columns a query sees when it reads a table: every column (physical, computed, metadata) in
 * declaration order; in streaming mode the watermark column is a rowtime attribute. Time attributes
 * inside queries have precision 3 (FlinkTypeFactory creates rowtime/proctime indicators that way).
 */
export function tableColumnsForQuery(table: CatalogTable, streaming: boolean): OutputColumn[] {
  return table.columns.map((c) => ({ name: c.name, type: queryType(c.type, streaming && table.watermark?.column === c.name, streaming) }));
}

function queryType(type: LogicalType, rowtime: boolean, streaming: boolean): LogicalType {
  if (rowtime) {
    if (type.root === 'TIMESTAMP_WITHOUT_TIME_ZONE') return T.timestamp(3, type.nullable, 'ROWTIME');
    if (type.root === 'TIMESTAMP_WITH_LOCAL_TIME_ZONE') return T.timestampLtz(3, type.nullable, 'ROWTIME');
  }
  if (!streaming && timeAttributeOf(type) !== null) {
    return type.root === 'TIMESTAMP_WITH_LOCAL_TIME_ZONE' ? T.timestampLtz(3, type.nullable) : type;
  }
  return type;
}

/** The DESCRIBE view of a table: declared types, the watermark column marked *ROWTIME* in streaming mode. */
export function describeColumns(table: CatalogTable, streaming: boolean): OutputColumn[] {
  return table.columns.map((c) => {
    if (streaming && table.watermark?.column === c.name) {
      if (c.type.root === 'TIMESTAMP_WITHOUT_TIME_ZONE') return { name: c.name, type: T.timestamp(c.type.precision, c.type.nullable, 'ROWTIME') };
      if (c.type.root === 'TIMESTAMP_WITH_LOCAL_TIME_ZONE') return { name: c.name, type: T.timestampLtz(c.type.precision, c.type.nullable, 'ROWTIME') };
    }
    return { name: c.name, type: c.type };
  });
}

const CHANGELOG_FORMATS = new Set(['debezium-json', 'debezium-avro-confluent', 'canal-json', 'maxwell-json', 'ogg-json', 'debezium-protobuf']);
const CHANGELOG_CONNECTORS = new Set(['upsert-kafka', 'mysql-cdc', 'postgres-cdc', 'oracle-cdc', 'mongodb-cdc', 'sqlserver-cdc', 'tidb-cdc', 'db2-cdc', 'oceanbase-cdc']);

/** What a scan of the table emits (the source's ChangelogMode). */
export function sourceChangelog(table: CatalogTable): ChangelogMode {
  const option = (key: string): string | undefined => table.options.find(([k]) => k === key)?.[1];
  const connector = option('connector')?.toLowerCase();
  const formats = [option('format'), option('value.format')].filter((f): f is string => f !== undefined).map((f) => f.toLowerCase());
  if ((connector !== undefined && CHANGELOG_CONNECTORS.has(connector)) || formats.some((f) => CHANGELOG_FORMATS.has(f))) {
    return { updates: true, deletes: true };
  }
  return { updates: false, deletes: false };
}

/** What a sink accepts, from its connector; null when the connector is unknown to flinkcheck. */
export function sinkAbilities(table: CatalogTable): { connector: string; acceptsUpdates: boolean; acceptsDeletes: boolean; requiresPrimaryKey: boolean } | null {
  const connector = table.options.find(([k]) => k === 'connector')?.[1];
  if (connector === undefined) return null;
  switch (connector) {
    case 'kafka':
    case 'filesystem':
      return { connector, acceptsUpdates: false, acceptsDeletes: false, requiresPrimaryKey: false };
    case 'upsert-kafka':
      return { connector, acceptsUpdates: true, acceptsDeletes: true, requiresPrimaryKey: true };
    case 'jdbc':
    case 'elasticsearch-7':
    case 'elasticsearch-6':
      return table.primaryKey === null
        ? { connector, acceptsUpdates: false, acceptsDeletes: false, requiresPrimaryKey: false }
        : { connector, acceptsUpdates: true, acceptsDeletes: true, requiresPrimaryKey: true };
    case 'print':
    case 'blackhole':
      return { connector, acceptsUpdates: true, acceptsDeletes: true, requiresPrimaryKey: false };
    default:
      return null;
  }
}
