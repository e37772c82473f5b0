import { describe, expect, it } from 'vitest';
import { T } from '../../src/analysis/types/logical-type.js';
import { parseAvro } from '../../src/evolution/index.js';
import { toAvroSchema } from '../../src/schema-export/avro.js';

describe('Flink type -> Avro schema (as AvroSchemaConverter.convertToSchema)', () => {
  it('maps scalar types, nullability and defaults', () => {
    const { schema, problems } = toAvroSchema([
      { name: 'id', type: T.bigint(false) },
      { name: 'small', type: T.smallint() },
      { name: 'name', type: T.varchar(20) },
      { name: 'flag', type: T.boolean(false) },
      { name: 'price', type: T.decimal(10, 2) },
      { name: 'raw', type: T.bytes(false) },
      { name: 'ratio', type: T.float(false) },
      { name: 'day', type: T.date() },
      { name: 'at', type: T.time(3, false) },
      { name: 'ts', type: T.timestamp(3, true, 'ROWTIME') },
    ]);
    expect(problems).toEqual([]);
    expect(schema).toEqual({
      type: 'record',
      name: 'record',
      namespace: 'org.apache.flink.avro.generated',
      fields: [
        { name: 'id', type: 'long' },
        { name: 'small', type: ['null', 'int'], default: null },
        { name: 'name', type: ['null', 'string'], default: null },
        { name: 'flag', type: 'boolean' },
        { name: 'price', type: ['null', { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 }], default: null },
        { name: 'raw', type: 'bytes' },
        { name: 'ratio', type: 'float' },
        { name: 'day', type: ['null', { type: 'int', logicalType: 'date' }], default: null },
        { name: 'at', type: { type: 'int', logicalType: 'time-millis' } },
        { name: 'ts', type: ['null', { type: 'long', logicalType: 'timestamp-millis' }], default: null },
      ],
    });
  });

  it('names nested rows {rowName}_{field} in the top-level namespace; arrays and maps pass the name on', () => {
    const { schema } = toAvroSchema([
      { name: 'address', type: T.row([T.field('geo', T.row([T.field('lat', T.double(false))], false)), T.field('zip', T.int())]) },
      { name: 'tags', type: T.array(T.string(false), false) },
      { name: 'lines', type: T.array(T.row([T.field('sku', T.string(false))], false), false) },
      { name: 'attrs', type: T.map(T.string(false), T.bigint(), false) },
      { name: 'seen', type: T.multiset(T.string(false), false) },
    ]);
    expect(schema?.fields).toEqual([
      {
        name: 'address',
        type: [
          'null',
          {
            type: 'record',
            name: 'record_address',
            fields: [
              { name: 'geo', type: { type: 'record', name: 'record_address_geo', fields: [{ name: 'lat', type: 'double' }] } },
              { name: 'zip', type: ['null', 'int'], default: null },
            ],
          },
        ],
        default: null,
      },
      { name: 'tags', type: { type: 'array', items: 'string' } },
      // The array passes its field's row name on to the element row.
      { name: 'lines', type: { type: 'array', items: { type: 'record', name: 'record_lines', fields: [{ name: 'sku', type: 'string' }] } } },
      { name: 'attrs', type: { type: 'map', values: ['null', 'long'] } },
      { name: 'seen', type: { type: 'map', values: ['null', 'int'] } },
    ]);
  });

  it('uses a custom record name with its namespace', () => {
    const { schema } = toAvroSchema([{ name: 'a', type: T.int(false) }], { recordName: 'com.acme.Order' });
    expect(schema).toMatchObject({ name: 'Order', namespace: 'com.acme' });
    expect(toAvroSchema([], { recordName: 'Plain' }).schema).toEqual({ type: 'record', name: 'Plain', fields: [] });
  });

  it('timestamps: legacy mapping by default, local-timestamp / timestamp with the new mapping', () => {
    const cols = [
      { name: 'a', type: T.timestamp(6, false) },
      { name: 'b', type: T.timestampLtz(3, false) },
    ];
    const legacy = toAvroSchema(cols);
    expect(legacy.schema).toBeNull();
    expect(legacy.problems.map((p) => [p.path, p.type])).toEqual([
      ['a', 'TIMESTAMP(6) NOT NULL'],
      ['b', 'TIMESTAMP_LTZ(3) NOT NULL'],
    ]);
    const modern = toAvroSchema(cols, { legacyTimestampMapping: false });
    expect(modern.schema?.fields).toEqual([
      { name: 'a', type: { type: 'long', logicalType: 'local-timestamp-micros' } },
      { name: 'b', type: { type: 'long', logicalType: 'timestamp-millis' } },
    ]);
  });

  it('reports every type Avro cannot hold, with its path', () => {
    const { schema, problems } = toAvroSchema([
      { name: 'm', type: T.map(T.int(false), T.string()) },
      { name: 'r', type: T.row([T.field('t', T.time(6))]) },
      { name: 'i', type: T.intervalDayTime() },
    ]);
    expect(schema).toBeNull();
    expect(problems.map((p) => p.path)).toEqual(['m', 'r.t', 'i']);
    expect(problems[0]!.reason).toBe('Avro maps have string keys; the key type here is INT NOT NULL');
  });

  it('produces schemas that parse back', () => {
    const { schema } = toAvroSchema([{ name: 'address', type: T.row([T.field('zip', T.int())]) }]);
    expect(() => parseAvro(schema)).not.toThrow();
  });
});
