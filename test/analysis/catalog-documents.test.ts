import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  loadCatalogFile,
  parseAvroSchema,
  parseCatalogDocument,
  type CatalogLoadError,
} from '../../src/analysis/catalog/documents/index.js';
import type { CatalogTable } from '../../src/analysis/catalog/model.js';
import { printType } from '../../src/analysis/types/logical-type.js';

const columnsOf = (t: CatalogTable | undefined) => t?.columns.map((c) => `${c.name} ${printType(c.type)}`);

function avroTable(fields: unknown[], options: Parameters<typeof parseAvroSchema>[2] = {}) {
  const r = parseAvroSchema(JSON.stringify({ type: 'record', name: 'Event', namespace: 'com.example', fields }), 'event.avsc', options);
  return { table: r.entries.tables[0], errors: r.errors };
}

describe('parseAvroSchema: Avro -> Flink types as AvroSchemaConverter', () => {
  it('maps primitives NOT NULL and ["null", T] unions to nullable types', () => {
    const { table, errors } = avroTable([
      { name: 'b', type: 'boolean' },
      { name: 'i', type: 'int' },
      { name: 'l', type: 'long' },
      { name: 'f', type: 'float' },
      { name: 'd', type: 'double' },
      { name: 's', type: 'string' },
      { name: 'y', type: 'bytes' },
      { name: 'ns', type: ['null', 'string'], default: null },
      { name: 'sn', type: ['string', 'null'] },
      { name: 'one', type: ['long'] },
    ]);
    expect(errors).toEqual([]);
    expect(table?.id).toEqual({ catalog: 'default_catalog', database: 'default_database', name: 'Event' });
    expect(columnsOf(table)).toEqual([
      'b BOOLEAN NOT NULL', 'i INT NOT NULL', 'l BIGINT NOT NULL', 'f FLOAT NOT NULL', 'd DOUBLE NOT NULL',
      's STRING NOT NULL', 'y BYTES NOT NULL', 'ns STRING', 'sn STRING', 'one BIGINT NOT NULL',
    ]);
    expect(table?.columns.every((c) => c.kind === 'physical')).toBe(true);
  });

  it('maps logical types (legacy timestamp mapping by default)', () => {
    const { table, errors } = avroTable([
      { name: 'dec', type: { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 } },
      { name: 'fdec', type: { type: 'fixed', name: 'Money', size: 8, logicalType: 'decimal', precision: 18, scale: 4 } },
      { name: 'fx', type: { type: 'fixed', name: 'Hash', size: 16 } },
      { name: 'day', type: { type: 'int', logicalType: 'date' } },
      { name: 'tm', type: { type: 'int', logicalType: 'time-millis' } },
      { name: 'tu', type: { type: 'long', logicalType: 'time-micros' } },
      { name: 'ts3', type: { type: 'long', logicalType: 'timestamp-millis' } },
      { name: 'ts6', type: ['null', { type: 'long', logicalType: 'timestamp-micros' }] },
      { name: 'lts', type: { type: 'long', logicalType: 'local-timestamp-millis' } },
      { name: 'id', type: { type: 'string', logicalType: 'uuid' } },
    ]);
    expect(errors).toEqual([]);
    expect(columnsOf(table)).toEqual([
      'dec DECIMAL(10, 2) NOT NULL', 'fdec DECIMAL(18, 4) NOT NULL', 'fx VARBINARY(16) NOT NULL', 'day DATE NOT NULL',
      'tm TIME(3) NOT NULL', 'tu TIME(6) NOT NULL', 'ts3 TIMESTAMP(3) NOT NULL', 'ts6 TIMESTAMP(6)',
      'lts BIGINT NOT NULL', 'id STRING NOT NULL',
    ]);
  });

  it('maps timestamps to TIMESTAMP_LTZ without the legacy mapping, also when the table options say so', () => {
    const fields = [
      { name: 'ts', type: { type: 'long', logicalType: 'timestamp-millis' } },
      { name: 'lts', type: { type: 'long', logicalType: 'local-timestamp-micros' } },
    ];
    expect(columnsOf(avroTable(fields, { legacyTimestampMapping: false }).table)).toEqual(['ts TIMESTAMP_LTZ(3) NOT NULL', 'lts TIMESTAMP(6) NOT NULL']);
    const viaOptions = avroTable(fields, { connectorOptions: { connector: 'kafka', format: 'avro', 'avro.timestamp_mapping.legacy': 'false' } });
    expect(columnsOf(viaOptions.table)).toEqual(['ts TIMESTAMP_LTZ(3) NOT NULL', 'lts TIMESTAMP(6) NOT NULL']);
    expect(viaOptions.table?.options).toContainEqual(['connector', 'kafka']);
  });

  it('ignores a logical type on the wrong underlying type, as Avro does', () => {
    const { table } = avroTable([
      { name: 'a', type: { type: 'long', logicalType: 'date' } },
      { name: 'b', type: { type: 'bytes', logicalType: 'decimal', precision: 4, scale: 9 } },
      { name: 'c', type: { type: 'string', logicalType: 'timestamp-millis' } },
    ]);
    expect(columnsOf(table)).toEqual(['a BIGINT NOT NULL', 'b BYTES NOT NULL', 'c STRING NOT NULL']);
  });

  it('maps nested records, arrays, maps, enums and named references', () => {
    const { table, errors } = avroTable([
      {
        name: 'address',
        type: ['null', { type: 'record', name: 'Address', fields: [{ name: 'city', type: 'string' }, { name: 'zip', type: ['null', 'int'] }] }],
      },
      { name: 'billing', type: 'Address' },
      { name: 'shipping', type: 'com.example.Address' },
      { name: 'tags', type: { type: 'array', items: 'string' } },
      { name: 'scores', type: { type: 'map', values: ['null', 'double'] } },
      { name: 'status', type: { type: 'enum', name: 'Status', symbols: ['NEW', 'DONE'] } },
      { name: 'status2', type: ['null', 'Status'] },
      { name: 'mixed', type: ['int', 'string'] },
    ]);
    expect(errors).toEqual([]);
    expect(columnsOf(table)).toEqual([
      'address ROW<`city` STRING NOT NULL, `zip` INT>',
      'billing ROW<`city` STRING NOT NULL, `zip` INT> NOT NULL',
      'shipping ROW<`city` STRING NOT NULL, `zip` INT> NOT NULL',
      'tags ARRAY<STRING NOT NULL> NOT NULL',
      'scores MAP<STRING NOT NULL, DOUBLE> NOT NULL',
      'status STRING NOT NULL',
      'status2 STRING',
      expect.stringMatching(/^mixed RAW\(/),
    ]);
  });

  it('takes the table name from the options and names the file in errors', () => {
    expect(avroTable([{ name: 'a', type: 'int' }], { tableName: 'events' }).table?.id.name).toBe('events');
    const r = parseAvroSchema('{"type": "record", "name": "R", "fields": [{"name": "a", "type": "strin"}]}', 'r.avsc');
    expect(r.entries.tables).toEqual([]);
    expect(r.errors).toEqual([
      { file: 'r.avsc', path: 'fields[0].type', code: 'FSQL7005', line: 1, column: 66, message: 'unknown Avro type `strin`; a named type must be defined before it is used' },
    ]);
  });

  it.each([
    ['{"type": "string"}', '', 'a table needs an Avro record schema'],
    ['{"type": "record", "name": "R"}', 'fields', 'needs `fields`'],
    ['{"type": "record", "name": "R", "fields": [{"name": "a", "type": {"type": "bytes", "logicalType": "decimal", "precision": 40}}]}', 'fields[0].type.precision', "more than Flink's maximum of 38"],
    ['{"type": "record", "name": "R", "fields": [{"name": "a", "type": ["null", "int", "null"]}]}', 'fields[0].type[2]', 'the union has the type `null` twice'],
    ['{"type": "record", "name": "R", "fields": [{"name": "next", "type": ["null", "R"]}]}', 'fields[0].type[1]', 'refers to itself'],
    ['{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}, {"name": "a", "type": "int"}]}', 'fields[1].name', 'two fields named `a`'],
    ['{"type": "record", "name": "R", "fields": [{"name": "1a", "type": "int"}]}', 'fields[0].name', 'not a valid Avro name'],
    ['{"type": "record", "name": "R", "fields": [{"name": "a", "type": {"type": "array"}}]}', 'fields[0].type', 'an array needs `items`'],
    ['{"type": "record", "name": "R", "fields": [{"name": "a", "type": {"type": "enum", "name": "E"}}]}', 'fields[0].type.symbols', 'needs `symbols`'],
    ['{"type": "record", "name": "R", "fields": [{"name": "a"}]}', 'fields[0]', 'has no `type`'],
    ['{"type": "record", "name": "R", "fields": [', '', 'not valid JSON'],
  ])('reports a malformed schema: %s', (text, errorPath, message) => {
    const r = parseAvroSchema(text, 'bad.avsc');
    expect(r.entries.tables).toEqual([]);
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.errors[0]).toMatchObject({ file: 'bad.avsc', path: errorPath, code: expect.stringMatching(/^FSQL700[25]$/) });
    expect(r.errors[0]!.message).toContain(message);
    expect(r.errors[0]!.line).toBe(1);
  });
});

const DOC = `
catalog: cat
database: db
tables:
  - name: orders
    comment: the orders
    columns:
      - {name: id, type: BIGINT}
      - {name: price, type: "DECIMAL(10, 2) NOT NULL"}
      - {name: ts, type: TIMESTAMP(3)}
      - {name: total, expression: price * 2}
      - {name: pt, expression: PROCTIME()}
      - {name: part, type: INT, metadata: partition, virtual: true}
      - {name: offset, type: BIGINT, metadata: true}
    watermark: {column: ts, expression: "ts - INTERVAL '5' SECOND"}
    primaryKey: {name: pk, columns: [id]}
    partitionKeys: [id]
    temporary: true
    options:
      connector: blackhole
  - name: other.db2.t2
    columns: [{name: a, type: STRING}]
views:
  - name: v
    columns: [{name: a, type: INT NOT NULL}]
    query: SELECT 1 AS a
functions:
  - name: f
    kind: table
    className: com.x.F
    signatures:
      - parameters: [INT, {name: s, type: STRING, optional: true}]
        variadic: true
        returns: ROW<x INT>
`;

describe('parseCatalogDocument', () => {
  it('reads tables, views and functions', () => {
    const { entries, errors } = parseCatalogDocument(DOC, 'cat.yaml', 'yaml');
    expect(errors).toEqual([]);
    const [orders, t2] = entries.tables;
    expect(orders!.id).toEqual({ catalog: 'cat', database: 'db', name: 'orders' });
    expect(t2!.id).toEqual({ catalog: 'other', database: 'db2', name: 't2' });
    expect(columnsOf(orders)).toEqual([
      'id BIGINT NOT NULL', 'price DECIMAL(10, 2) NOT NULL', 'ts TIMESTAMP(3) *ROWTIME*', 'total UNKNOWN',
      'pt TIMESTAMP_LTZ(3) NOT NULL *PROCTIME*', 'part INT', 'offset BIGINT',
    ]);
    expect(orders!.columns.map((c) => [c.kind, c.expression, c.metadataKey, c.virtual])).toEqual([
      ['physical', null, null, false], ['physical', null, null, false], ['physical', null, null, false],
      ['computed', 'price * 2', null, false], ['computed', 'PROCTIME()', null, false],
      ['metadata', null, 'partition', true], ['metadata', null, null, false],
    ]);
    expect(orders).toMatchObject({
      watermark: { column: 'ts', expression: "ts - INTERVAL '5' SECOND" },
      primaryKey: { name: 'pk', columns: ['id'] },
      partitionKeys: ['id'],
      options: [['connector', 'blackhole']],
      comment: 'the orders',
      temporary: true,
      origin: { file: 'cat.yaml' },
    });
    expect(entries.views[0]).toMatchObject({ id: { name: 'v' }, query: 'SELECT 1 AS a' });
    expect(entries.views[0]!.columns.map((c) => printType(c.type))).toEqual(['INT NOT NULL']);
    const f = entries.functions[0]!;
    expect(f).toMatchObject({ kind: 'table', className: 'com.x.F', id: { catalog: 'cat', database: 'db', name: 'f' } });
    expect(f.signatures[0]!.parameters.map((p) => [p.name, printType(p.type), p.optional])).toEqual([[null, 'INT', false], ['s', 'STRING', true]]);
    expect(f.signatures[0]!.variadic).toBe(true);
    expect(printType(f.signatures[0]!.returns)).toBe('ROW<`x` INT>');
  });

  it('reads the same document as JSON', () => {
    const json = JSON.stringify({
      tables: [{ name: 't', columns: [{ name: 'a', type: 'INT' }], primaryKey: ['a'], options: { connector: 'print', 'sink.parallelism': 2 } }],
    });
    const { entries, errors } = parseCatalogDocument(json, 'c.json', 'json');
    expect(errors).toEqual([]);
    expect(entries.tables[0]!.options).toEqual([['connector', 'print'], ['sink.parallelism', '2']]);
    expect(entries.tables[0]!.primaryKey).toEqual({ name: 'PK_a', columns: ['a'] });
  });

  it('keeps option values as written', () => {
    const text = 'tables:\n  - name: t\n    columns: [{name: a, type: INT}]\n    options: {connector: datagen, rows-per-second: 1.0e0, number-of-rows: 12345678901234567890, fields.a.var-len: yes}\n';
    const { entries } = parseCatalogDocument(text, 'c.yaml', 'yaml');
    expect(entries.tables[0]!.options).toEqual([
      ['connector', 'datagen'], ['rows-per-second', '1.0e0'], ['number-of-rows', '12345678901234567890'], ['fields.a.var-len', 'yes'],
    ]);
  });

  it('reads the example catalog in examples/catalog.yaml without an error', () => {
    const text = readFileSync(new URL('../../examples/catalog.yaml', import.meta.url), 'utf8');
    const { entries, errors } = parseCatalogDocument(text, 'catalog.yaml', 'yaml');
    expect(errors).toEqual([]);
    expect(entries.tables.map((t) => t.id.name)).toEqual(['orders', 'customers', 'revenue_by_country', 'payments']);
    expect(columnsOf(entries.tables[3])).toContain('paid_at TIMESTAMP(3) NOT NULL');
  });

  const errorCases: [string, string, Partial<CatalogLoadError>, string][] = [
    ['a bad type', 'tables:\n  - name: t\n    columns:\n      - name: a\n        type: VARCHAR(0)\n',
      { path: 'tables[0].columns[0].type', line: 5, column: 15, code: 'FSQL7004' }, 'table `t`, column `a`: `VARCHAR(0)`'],
    ['an unparsable type', 'tables:\n  - name: t\n    columns:\n      - {name: a, type: INTEGR}\n',
      { path: 'tables[0].columns[0].type', line: 4, code: 'FSQL7004' }, 'table `t`, column `a`: `INTEGR` is not a Flink SQL type: `INTEGR` is not a built-in type (did you mean `INTEGER`?)'],
    ['a misspelled key', 'tables:\n  - name: t\n    colums:\n      - {name: a, type: INT}\n',
      { path: 'tables[0].colums', line: 3, column: 5, code: 'FSQL7003' }, 'table `t`: unknown key `colums`; did you mean `columns`?'],
    ['a column without a type', 'tables:\n  - name: t\n    columns:\n      - name: a\n',
      { path: 'tables[0].columns[0]', line: 4, code: 'FSQL7003' }, 'table `t`, column `a`: a column needs a `type`'],
    ['a column without a name', 'tables:\n  - name: t\n    columns:\n      - type: INT\n',
      { path: 'tables[0].columns[0]', code: 'FSQL7003' }, 'table `t`, column #1: missing `name`'],
    ['a wrong value type', 'tables:\n  - name: t\n    columns: {a: INT}\n',
      { path: 'tables[0].columns', line: 3, column: 14, code: 'FSQL7003' }, 'table `t`: expected a list, found a mapping'],
    ['a comma in an unquoted type', 'tables:\n  - name: t\n    columns:\n      - {name: a, type: DECIMAL(10, 2)}\n',
      { path: "tables[0].columns[0]['2)']", code: 'FSQL7003' }, 'quote the type'],
    ['an unknown watermark column', 'tables:\n  - name: t\n    columns: [{name: a, type: INT}]\n    watermark: {column: ts, expression: ts}\n',
      { path: 'tables[0].watermark.column', line: 4, code: 'FSQL7007' }, 'the watermark column `ts` is not a column'],
    ['a watermark on a non-timestamp', 'tables:\n  - name: t\n    columns: [{name: a, type: INT}]\n    watermark: {column: a, expression: a}\n',
      { path: 'tables[0].watermark.column', code: 'FSQL7004' }, 'has type INT; it must be TIMESTAMP(p)'],
    ['a primary key on a computed column', 'tables:\n  - name: t\n    columns: [{name: a, type: INT}, {name: b, expression: a + 1}]\n    primaryKey: [b]\n',
      { path: 'tables[0].primaryKey[0]', code: 'FSQL7007' }, 'is a computed column'],
    ['an unknown partition key', 'tables:\n  - name: t\n    columns: [{name: a, type: INT}]\n    partitionKeys: [dt]\n',
      { path: 'tables[0].partitionKeys[0]', code: 'FSQL7007' }, 'partition key `dt` is not a column'],
    ['a duplicate column', 'tables:\n  - name: t\n    columns: [{name: a, type: INT}, {name: a, type: INT}]\n',
      { path: 'tables[0].columns[1].name', code: 'FSQL7006' }, 'column `a` is defined twice'],
    ['a duplicate table', 'tables:\n  - {name: t, columns: [{name: a, type: INT}]}\n  - {name: t, columns: [{name: a, type: INT}]}\n',
      { path: '', line: 3, code: 'FSQL7006' }, 'table `default_catalog.default_database.t` is defined twice'],
    ['a too-long name', 'tables:\n  - {name: a.b.c.d, columns: [{name: a, type: INT}]}\n',
      { path: 'tables[0].name', code: 'FSQL7003' }, 'is not a name'],
    ['virtual on a physical column', 'tables:\n  - name: t\n    columns: [{name: a, type: INT, virtual: true}]\n',
      { path: 'tables[0].columns[0].virtual', code: 'FSQL7003' }, '`virtual` only applies to metadata columns'],
    ['a bad function kind', 'functions:\n  - {name: f, kind: scalr}\n',
      { path: 'functions[0].kind', code: 'FSQL7003' }, 'function `f`: `scalr` is not one of `scalar`, `aggregate`, `table`, `process-table` (did you mean `scalar`?)'],
    ['a bad parameter type', 'functions:\n  - name: f\n    signatures: [{parameters: [INTT], returns: INT}]\n',
      { path: 'functions[0].signatures[0].parameters[0]', code: 'FSQL7004' }, 'function `f`: `INTT` is not a Flink SQL type'],
    ['a view without columns or query', 'views:\n  - name: v\n', { path: 'views[0]', code: 'FSQL7003' }, 'a view needs `columns`, `query`, or both'],
    ['YAML syntax', 'tables:\n  - name: [t\n', { path: '', line: 3, code: 'FSQL7002' }, 'not valid YAML'],
    ['a document that is a list', '- a\n- b\n', { path: '', code: 'FSQL7003' }, 'expected a mapping with `tables`, `views` and `functions`'],
    ['a misspelled connector option', 'tables:\n  - name: t\n    columns: [{name: a, type: INT}]\n    options: {connector: print, print-identifer: x}\n',
      { path: 'tables[0].options.print-identifer', line: 4, column: 33, code: 'FSQL5004' }, "Unsupported option 'print-identifer' for the print connector (did you mean 'print-identifier'?)"],
  ];

  it.each(errorCases)('reports %s with file, path and position', (_, text, expected, message) => {
    const { errors } = parseCatalogDocument(text, 'bad.yaml', 'yaml');
    expect(errors[0]).toMatchObject({ file: 'bad.yaml', ...expected });
    expect(errors[0]!.message).toContain(message);
  });

  it('keeps the good tables of a document with a bad one', () => {
    const text = 'tables:\n  - {name: good, columns: [{name: a, type: INT}]}\n  - {name: bad, columns: [{name: a, type: NOPE}]}\n';
    const { entries, errors } = parseCatalogDocument(text, 'c.yaml', 'yaml');
    expect(entries.tables.map((t) => t.id.name)).toEqual(['good']);
    expect(errors).toHaveLength(1);
  });

  it('reports incomplete connector options of a catalog table as warnings', () => {
    const text = 'tables:\n  - name: t\n    columns: [{name: a, type: INT}]\n    options: {connector: kafka, topic: x, format: json}\n';
    const { entries, errors } = parseCatalogDocument(text, 'c.yaml', 'yaml');
    expect(entries.tables).toHaveLength(1);
    expect(errors.map((e) => [e.code, e.severity])).toEqual([['FSQL5003', 'warning']]);
  });

  it('reports JSON syntax errors with a position, and YAML-only syntax in a .json file', () => {
    const bad = parseCatalogDocument('{\n  "tables": [\n    {"name": "t",}\n  ]\n}', 'c.json', 'json');
    expect(bad.errors[0]).toMatchObject({ file: 'c.json', code: 'FSQL7002', line: 3 });
    expect(parseCatalogDocument('tables: []', 'c.json', 'json').errors[0]!.message).toMatch(/^not valid JSON/);
  });

  it('refuses documents that expand without bound through aliases', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) lines.push(`a${i}: &a${i} [*a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}, *a${i - 1}]`);
    const { errors } = parseCatalogDocument(lines.join('\n') + '\n', 'bomb.yaml', 'yaml');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toBe('FSQL7002');
  });
});

describe('loadCatalogFile', () => {
  let dir = '';
  afterAll(async () => {
    if (dir !== '') await rm(dir, { recursive: true, force: true });
  });

  it('chooses the reader by extension and reports unreadable files', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'flinkcheck-catalog-'));
    await writeFile(path.join(dir, 'c.yml'), 'tables: [{name: t, columns: [{name: a, type: INT}]}]\n');
    await writeFile(path.join(dir, 'c.json'), '{"views": [{"name": "v", "query": "SELECT 1"}]}');
    await writeFile(path.join(dir, 'e.avsc'), '{"type": "record", "name": "E", "fields": [{"name": "a", "type": "int"}]}');
    await writeFile(path.join(dir, 'c.txt'), '');
    expect((await loadCatalogFile(path.join(dir, 'c.yml'))).entries.tables[0]!.id.name).toBe('t');
    expect((await loadCatalogFile(path.join(dir, 'c.json'))).entries.views[0]!.id.name).toBe('v');
    expect(columnsOf((await loadCatalogFile(path.join(dir, 'e.avsc'))).entries.tables[0])).toEqual(['a INT NOT NULL']);
    const txt = await loadCatalogFile(path.join(dir, 'c.txt'));
    expect(txt.errors[0]).toMatchObject({ code: 'FSQL7001', message: expect.stringContaining('unknown catalog file type `.txt`') });
    await writeFile(path.join(dir, 'with-avro.yaml'), 'tables:\n  - {name: events, avro: e.avsc, columns: [{name: n, expression: a + 1}]}\n  - {name: broken, avro: missing.avsc}\n');
    const withAvro = await loadCatalogFile(path.join(dir, 'with-avro.yaml'));
    expect(columnsOf(withAvro.entries.tables[0])).toEqual(['a INT NOT NULL', 'n UNKNOWN']);
    expect(withAvro.errors).toEqual([
      expect.objectContaining({ path: 'tables[1].avro', line: 3, code: 'FSQL7005', message: 'table `broken`: cannot read the Avro schema file `missing.avsc`: no such file' }),
    ]);
    const inline = parseCatalogDocument('tables:\n  - {name: t, avro: e.avsc}\n', 'c.yaml', 'yaml');
    expect(inline.errors[0]!.message).toContain('can only be read when the document is loaded from a file');
    const missing = await loadCatalogFile(path.join(dir, 'nope.yaml'));
    expect(missing.errors[0]).toMatchObject({ code: 'FSQL7001', message: 'cannot read the catalog file: no such file' });
  });
});

describe('docs/catalog.md', () => {
  it('has only examples that load without an error', () => {
    const text = readFileSync(new URL('../../docs/catalog.md', import.meta.url), 'utf8');
    const blocks = [...text.matchAll(/```(yaml|json)\n([\s\S]*?)```/g)];
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    for (const [, format, body] of blocks) {
      const { entries, errors } = parseCatalogDocument(body!, `catalog.md (${format})`, format as 'yaml' | 'json');
      expect(errors).toEqual([]);
      expect(entries.tables.length).toBeGreaterThan(0);
    }
  });
});

describe('Avro name resolution', () => {
  it('resolves a short name in the enclosing namespace before the null namespace', () => {
    const schema = {
      type: 'record', name: 'Outer', namespace: 'a',
      fields: [
        { name: 'plain', type: { type: 'record', name: 'Inner', namespace: '', fields: [{ name: 'x', type: 'int' }] } },
        { name: 'spaced', type: { type: 'record', name: 'Inner', fields: [{ name: 'y', type: 'string' }] } },
        { name: 'ref', type: 'Inner' },
      ],
    };
    const r = parseAvroSchema(JSON.stringify(schema), 'o.avsc');
    expect(r.errors).toEqual([]);
    expect(columnsOf(r.entries.tables[0])).toEqual([
      'plain ROW<`x` INT NOT NULL> NOT NULL',
      'spaced ROW<`y` STRING NOT NULL> NOT NULL',
      'ref ROW<`y` STRING NOT NULL> NOT NULL',
    ]);
  });
});

describe('hostile catalog input', () => {
  /** A small deterministic generator, so a failure reproduces. */
  function random(seed: number): () => number {
    let x = seed;
    return () => {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      return x / 0x7fffffff;
    };
  }

  it('never throws on mutated documents and Avro schemas', () => {
    const yaml = readFileSync(new URL('../../examples/catalog.yaml', import.meta.url), 'utf8');
    const avsc = JSON.stringify({
      type: 'record', name: 'R', fields: [
        { name: 'a', type: ['null', { type: 'record', name: 'S', fields: [{ name: 'b', type: { type: 'map', values: 'S' } }] }] },
        { name: 'c', type: { type: 'fixed', name: 'F', size: 4, logicalType: 'decimal', precision: 5 } },
      ],
    });
    const pieces = ['{', '}', '[', ']', ':', ',', '"', "'", '\n', ' ', '-', '&a', '*a', '!!', 'null', '#', 'type', 'name'];
    const next = random(42);
    for (let i = 0; i < 400; i++) {
      for (const [base, format] of [[yaml, 'yaml'], [avsc, 'json']] as const) {
        let text = base;
        for (let m = 0; m < 1 + Math.floor(next() * 4); m++) {
          const at = Math.floor(next() * text.length);
          const cut = Math.floor(next() * 6);
          text = text.slice(0, at) + pieces[Math.floor(next() * pieces.length)] + text.slice(at + cut);
        }
        const doc = parseCatalogDocument(text, 'm.yaml', format);
        for (const e of doc.errors) expect(e.message.length).toBeGreaterThan(0);
        const avro = parseAvroSchema(text, 'm.avsc');
        expect(avro.errors.length > 0 || avro.entries.tables.length === 1).toBe(true);
      }
    }
  });

  it('reports deep nesting instead of overflowing the stack', () => {
    const deep = '{"type": "record", "name": "R", "fields": [{"name": "a", "type": ' + '{"type": "array", "items": '.repeat(5000) + '"int"' + '}'.repeat(5000) + '}]}';
    const r = parseAvroSchema(deep, 'deep.avsc');
    expect(r.entries.tables).toEqual([]);
    expect(r.errors[0]!.message).toContain('nesting too deep');
  });
});
