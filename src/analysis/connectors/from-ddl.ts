import type { CreateTable } from '../../ast/nodes.js';
import { coverSpans } from '../../source/span.js';
import { logicalTypeOf } from '../types/from-ast.js';
import type { CatalogTable } from '../catalog/model.js';
import type { ConnectorCheckInput, ConnectorColumnInput } from './check.js';

/** The connector check's input for a CREATE TABLE statement (options with their spans). */
export function connectorInputFromCreateTable(node: CreateTable): ConnectorCheckInput {
  const columns: ConnectorColumnInput[] = [];
  let primaryKey: string[] | null = null;
  let primaryKeySpan = null;
  for (const e of node.elements) {
    switch (e.kind) {
      case 'PhysicalColumn':
      case 'MetadataColumn': {
        const name = e.name.parts.map((p) => p.value).join('.');
        columns.push({
          name,
          type: e.type === null ? null : logicalTypeOf(e.type, { inDdl: true }).type,
          kind: e.kind === 'PhysicalColumn' ? 'physical' : 'metadata',
          ...(e.kind === 'MetadataColumn' ? { metadataKey: e.metadataKey, metadataSpan: e.metadataKeySpan ?? e.name.span } : {}),
        });
        if (e.constraint?.type === 'PRIMARY KEY') {
          primaryKey = [name];
          primaryKeySpan = e.constraint.span;
        }
        break;
      }
      case 'ComputedColumn':
        columns.push({ name: e.name.parts.map((p) => p.value).join('.'), type: null, kind: 'computed' });
        break;
      case 'TableConstraint':
        if (e.type === 'PRIMARY KEY') {
          primaryKey = e.columns.map((c) => c.value);
          primaryKeySpan = e.span;
        }
        break;
      case 'WatermarkDefinition':
        break;
    }
  }
  const first = node.options[0];
  const last = node.options[node.options.length - 1];
  const withSpan = first !== undefined && last !== undefined ? coverSpans(first.keySpan, last.valueSpan) : node.name.span;
  return {
    options: node.options.map((o) => ({ key: o.key, value: o.value, keySpan: o.keySpan, valueSpan: o.valueSpan })),
    withSpan,
    columns,
    primaryKey,
    primaryKeySpan,
    partitionKeys: node.partitionedBy.map((p) => p.value),
    partitionSpan: node.partitionedBy.length > 0 ? coverSpans(node.partitionedBy[0]!.span, node.partitionedBy[node.partitionedBy.length - 1]!.span) : null,
    tableName: node.name.parts.map((p) => p.value).join('.'),
  };
}

/** The connector check's input for a catalog table (no spans: everything points at `at`). */
export function connectorInputFromCatalogTable(table: CatalogTable, at: { start: number; end: number }): ConnectorCheckInput {
  return {
    options: table.options.map(([key, value]) => ({ key, value })),
    withSpan: at,
    columns: table.columns.map((c) => ({ name: c.name, type: c.type, kind: c.kind, metadataKey: c.metadataKey })),
    primaryKey: table.primaryKey?.columns ?? null,
    partitionKeys: table.partitionKeys,
    tableName: table.id.name,
  };
}
