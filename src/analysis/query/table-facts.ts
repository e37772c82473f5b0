import type { CatalogTable } from '../catalog/model.js';
import { connectorCapabilities } from '../connectors/capabilities.js';
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

/** What a scan of the table emits (the source's ChangelogMode), from its connector and format. */
export function sourceChangelog(table: CatalogTable): ChangelogMode {
  return connectorCapabilities(table.options).sourceChangelog;
}

/** What a sink accepts, from its connector; null when the connector is unknown to flinkcheck. */
export function sinkAbilities(table: CatalogTable): { connector: string; acceptsUpdates: boolean; acceptsDeletes: boolean; requiresPrimaryKey: boolean } | null {
  const capabilities = connectorCapabilities(table.options);
  if (!capabilities.known || capabilities.connector === null) return null;
  return {
    connector: capabilities.connector,
    acceptsUpdates: capabilities.sinkAcceptsUpdates,
    acceptsDeletes: capabilities.sinkAcceptsDeletes,
    requiresPrimaryKey: capabilities.sinkUpdatesNeedPrimaryKey,
  };
}
