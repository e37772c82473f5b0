import { describe, expect, it } from 'vitest';
import { printType } from '../../src/analysis/types/logical-type.js';
import { convertCatalogs, identifierOf } from '../../src/server/catalog-input.js';
import { catalogIdOf } from '../../src/server/catalog-registry.js';
import type { WireCatalog, WireColumn, WireTable } from '../../src/server/wire.js';

function column(name: string, type: string, extra: Partial<WireColumn> = {}): WireColumn {
  return { name, type, kind: 'COLUMN_KIND_UNSPECIFIED', expression: '', metadata_key: '', virtual: false, comment: '', ...extra };
}

function table(name: string, columns: WireColumn[], extra: Partial<WireTable> = {}): WireTable {
  return { name, columns, watermark: null, primary_key: [], partition_keys: [], options: [], comment: '', ...extra };
}

function structured(...tables: WireTable[]): WireCatalog {
  return { source: 'structured', structured: { tables } };
}

describe('convertCatalogs', () => {
  it('turns structured tables into catalog tables with Flink types, rowtime and key', () => {
    const result = convertCatalogs([structured(table('orders', [
      column('id', 'BIGINT'),
      column('amount', 'DECIMAL(10, 2) NOT NULL'),
      column('ts', 'TIMESTAMP(3)'),
      column('pt', '', { kind: 'COLUMN_KIND_COMPUTED', expression: 'PROCTIME()' }),
      column('offset', 'BIGINT', { kind: 'COLUMN_KIND_METADATA', virtual: true }),
    ], {
      watermark: { column: 'ts', expression: "ts - INTERVAL '5' SECOND" },
      primary_key: ['id'],
      options: [{ key: 'connector', value: 'kafka' }, { key: 'topic', value: 'orders' }],
    }))], 'catalogs');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [orders] = result.entries.tables;
    expect(orders!.id).toEqual({ catalog: 'default_catalog', database: 'default_database', name: 'orders' });
    expect(orders!.columns.map((c) => [c.name, printType(c.type), c.kind])).toEqual([
      ['id', 'BIGINT NOT NULL', 'physical'],
      ['amount', 'DECIMAL(10, 2) NOT NULL', 'physical'],
      ['ts', 'TIMESTAMP(3) *ROWTIME*', 'physical'],
      ['pt', 'TIMESTAMP_LTZ(3) NOT NULL *PROCTIME*', 'computed'],
      ['offset', 'BIGINT', 'metadata'],
    ]);
    expect(orders!.columns[4]!.virtual).toBe(true);
    expect(orders!.primaryKey).toEqual({ name: null, columns: ['id'] });
    expect(orders!.options).toEqual([['connector', 'kafka'], ['topic', 'orders']]);
  });

  it('names every malformed field by its path', () => {
    const result = convertCatalogs([
      structured(table('a.b.c.d', [column('x', 'INT')])),
      structured(table('t', [
        column('x', 'VARCHAR(0)'),
        column('y', 'INT'),
        column('y', 'INT'),
        column('ts', 'STRING'),
      ], { watermark: { column: 'ts', expression: 'ts -' }, primary_key: ['nope'], partition_keys: ['z'], options: [{ key: 'k', value: '1' }, { key: 'k', value: '2' }] })),
      { source: 'avro', avro: { table_name: 't2', schema: '{}', options: [] } },
      {},
    ], 'catalogs');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.violations.map((v) => v.field)).toEqual([
      'catalogs[0].structured.tables[0].name',
      'catalogs[1].structured.tables[0].columns[0].type',
      'catalogs[1].structured.tables[0].columns[2].name',
      'catalogs[1].structured.tables[0].watermark.column',
      'catalogs[1].structured.tables[0].watermark.expression',
      'catalogs[1].structured.tables[0].primary_key[0]',
      'catalogs[1].structured.tables[0].partition_keys[0]',
      'catalogs[1].structured.tables[0].options[1].key',
      'catalogs[2].avro.schema',
      'catalogs[3]',
    ]);
    expect(result.violations[3]!.description).toBe('the rowtime column `ts` is STRING; it must be TIMESTAMP(3) or TIMESTAMP_LTZ(3)');
  });

  it('reads an Avro record as a table: qualified name, Flink types, the request\'s options', () => {
    const schema = JSON.stringify({
      type: 'record', name: 'Order', namespace: 'shop',
      fields: [
        { name: 'id', type: 'long' },
        { name: 'note', type: ['null', 'string'], default: null },
        { name: 'ts', type: { type: 'long', logicalType: 'timestamp-millis' } },
      ],
    });
    const result = convertCatalogs([{ source: 'avro', avro: { table_name: 'sales.orders', schema, options: [{ key: 'connector', value: 'kafka' }, { key: 'format', value: 'avro' }] } }], 'catalogs');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [orders] = result.entries.tables;
    expect(orders!.id).toEqual({ catalog: 'default_catalog', database: 'sales', name: 'orders' });
    expect(orders!.columns.map((c) => [c.name, printType(c.type)])).toEqual([['id', 'BIGINT NOT NULL'], ['note', 'STRING'], ['ts', 'TIMESTAMP(3) NOT NULL']]);
    expect(orders!.options).toEqual([['connector', 'kafka'], ['format', 'avro']]);
    // Without a table name the record's name is the table's.
    const unnamed = convertCatalogs([{ source: 'avro', avro: { table_name: '', schema, options: [] } }], 'catalogs');
    expect(unnamed.ok && unnamed.entries.tables[0]!.id.name).toBe('Order');
  });

  it('points at the Avro schema with the line, column and path of its problem', () => {
    const schema = '{"type": "record", "name": "R",\n "fields": [{"name": "a", "type": "lng"}]}';
    const result = convertCatalogs([{ source: 'avro', avro: { table_name: 'a.b.c.d', schema, options: [] } }], 'catalogs');
    expect(result).toEqual({
      ok: false,
      violations: [
        { field: 'catalogs[0].avro.table_name', description: expect.stringContaining('is not a table name') },
        { field: 'catalogs[0].avro.schema', description: expect.stringMatching(/^line 2, column \d+: unknown Avro type `lng`.*\(at `fields\[0\]\.type`\)$/) },
      ],
    });
    const notJson = convertCatalogs([{ source: 'avro', avro: { table_name: '', schema: '{"type": ', options: [] } }], 'catalogs');
    expect(!notJson.ok && notJson.violations.map((v) => v.field)).toEqual(['catalogs[0].avro.schema']);
  });

  it('reports a table defined twice across catalogs', () => {
    const result = convertCatalogs([structured(table('t', [column('a', 'INT')])), structured(table('default_database.t', [column('a', 'INT')]))], 'catalogs');
    expect(result).toEqual({ ok: false, violations: [{ field: 'catalogs', description: 'table `default_catalog.default_database.t` is defined twice' }] });
  });
});

describe('identifierOf', () => {
  it('fills Flink defaults for missing parts', () => {
    expect(identifierOf('t')).toEqual({ catalog: 'default_catalog', database: 'default_database', name: 't' });
    expect(identifierOf('db.t')).toEqual({ catalog: 'default_catalog', database: 'db', name: 't' });
    expect(identifierOf('c.db.t')).toEqual({ catalog: 'c', database: 'db', name: 't' });
    expect(identifierOf('c..t')).toBeNull();
  });
});

describe('catalogIdOf', () => {
  it('depends on the content only', () => {
    const a = [structured(table('t', [column('a', 'INT')]))];
    const b = [structured(table('t', [column('a', 'INT')]))];
    const c = [structured(table('t', [column('a', 'BIGINT')]))];
    expect(catalogIdOf(a)).toBe(catalogIdOf(b));
    expect(catalogIdOf(a)).not.toBe(catalogIdOf(c));
    expect(catalogIdOf([{ source: 'ddl', ddl: 'CREATE TABLE t (a INT)' }])).not.toBe(catalogIdOf([{ source: 'ddl', ddl: 'CREATE TABLE t (a BIGINT)' }]));
  });
});
