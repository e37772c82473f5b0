import { describe, expect, it } from 'vitest';
import type { OutputColumn } from '../../src/analysis/schema.js';
import { T } from '../../src/analysis/types/logical-type.js';
import { checkCompatibility, parseAvro, type CompatibilityMode } from '../../src/evolution/index.js';
import { toAvroSchema } from '../../src/schema-export/avro.js';

/** The registered sink schema: id long, amount long, customer string (nullable), note with a default. */
const REGISTERED = {
  type: 'record',
  name: 'Order',
  namespace: 'com.acme',
  fields: [
    { name: 'id', type: 'long' },
    { name: 'amount', type: 'long' },
    { name: 'customer', type: ['null', 'string'], default: null },
    { name: 'note', type: 'string', default: '' },
  ],
};

const BASE: OutputColumn[] = [
  { name: 'id', type: T.bigint(false) },
  { name: 'amount', type: T.bigint(false) },
  { name: 'customer', type: T.string() },
  { name: 'note', type: T.string(false) },
];

function check(columns: OutputColumn[], mode: CompatibilityMode, registered: unknown = REGISTERED) {
  const exported = toAvroSchema(columns);
  expect(exported.problems).toEqual([]);
  return checkCompatibility(parseAvro(exported.schema), parseAvro(registered), mode, { checkNames: false });
}

const modes: CompatibilityMode[] = ['backward', 'forward', 'full'];

function verdicts(columns: OutputColumn[], registered: unknown = REGISTERED): Record<CompatibilityMode, boolean> {
  return Object.fromEntries(modes.map((m) => [m, check(columns, m, registered).compatible])) as Record<CompatibilityMode, boolean>;
}

describe('schema evolution against a registered Avro schema', () => {
  it('the same columns are compatible in every mode', () => {
    expect(verdicts(BASE)).toEqual({ backward: true, forward: true, full: true });
  });

  it('added optional (nullable) field: compatible in every mode', () => {
    expect(verdicts([...BASE, { name: 'discount', type: T.double() }])).toEqual({ backward: true, forward: true, full: true });
  });

  it('added required field: breaks BACKWARD and FULL, not FORWARD', () => {
    const cols = [...BASE, { name: 'discount', type: T.double(false) }];
    expect(verdicts(cols)).toEqual({ backward: false, forward: true, full: false });
    const r = check(cols, 'backward');
    expect(r.changes).toHaveLength(1);
    expect(r.changes[0]).toMatchObject({ direction: 'backward', field: 'discount', kind: 'missing-default' });
    expect(r.changes[0]!.message).toContain('field `discount` is new and has no default');
  });

  it('removed field without a default in the registered schema: breaks FORWARD and FULL, not BACKWARD', () => {
    const cols = BASE.filter((c) => c.name !== 'amount');
    expect(verdicts(cols)).toEqual({ backward: true, forward: false, full: false });
    const r = check(cols, 'full');
    expect(r.changes.map((c) => [c.direction, c.field, c.kind])).toEqual([['forward', 'amount', 'missing-default']]);
    expect(r.changes[0]!.message).toContain('field `amount` is no longer written');
  });

  it('removed field that has a default in the registered schema: compatible in every mode', () => {
    expect(verdicts(BASE.filter((c) => c.name !== 'customer'))).toEqual({ backward: true, forward: true, full: true });
    expect(verdicts(BASE.filter((c) => c.name !== 'note'))).toEqual({ backward: true, forward: true, full: true });
  });

  it('widening long -> double: BACKWARD only', () => {
    const cols = BASE.map((c) => (c.name === 'amount' ? { name: 'amount', type: T.double(false) } : c));
    expect(verdicts(cols)).toEqual({ backward: true, forward: false, full: false });
    const r = check(cols, 'forward');
    expect(r.changes).toEqual([
      expect.objectContaining({ field: 'amount', kind: 'type-mismatch', message: expect.stringContaining('changed from long to double (widening') }),
    ]);
  });

  it('widening int -> long against a registered int: BACKWARD only', () => {
    const registered = { ...REGISTERED, fields: [{ name: 'id', type: 'int' }] };
    expect(verdicts([{ name: 'id', type: T.bigint(false) }], registered)).toEqual({ backward: true, forward: false, full: false });
  });

  it('narrowing long -> int: FORWARD only, and says narrowing', () => {
    const cols = BASE.map((c) => (c.name === 'amount' ? { name: 'amount', type: T.int(false) } : c));
    expect(verdicts(cols)).toEqual({ backward: false, forward: true, full: false });
    const r = check(cols, 'backward');
    expect(r.changes).toHaveLength(1);
    expect(r.changes[0]!.message).toBe(
      'field `amount` changed from long to int (narrowing: int cannot hold the long values already written)',
    );
  });

  it('string <-> bytes is a promotion both ways', () => {
    const cols = BASE.map((c) => (c.name === 'note' ? { name: 'note', type: T.bytes(false) } : c));
    expect(verdicts(cols)).toEqual({ backward: true, forward: true, full: true });
  });

  it('incompatible types (string -> long) break every mode', () => {
    const cols = BASE.map((c) => (c.name === 'note' ? { name: 'note', type: T.bigint(false) } : c));
    expect(verdicts(cols)).toEqual({ backward: false, forward: false, full: false });
  });

  it('renamed field (amount -> total, NOT NULL): breaks every mode and suggests the rename', () => {
    const cols = BASE.map((c) => (c.name === 'amount' ? { name: 'total', type: T.bigint(false) } : c));
    expect(verdicts(cols)).toEqual({ backward: false, forward: false, full: false });
    const r = check(cols, 'full');
    expect(r.changes.map((c) => [c.direction, c.field])).toEqual([
      ['backward', 'total'],
      ['forward', 'amount'],
    ]);
    for (const c of r.changes) expect(c.message).toContain('if `total` is `amount` renamed');
  });

  it('renamed field with an alias in the registered schema: FORWARD reads it through the alias', () => {
    const registered = {
      ...REGISTERED,
      fields: [
        { name: 'id', type: 'long' },
        { name: 'amount', type: 'long', aliases: ['total'] },
      ],
    };
    const cols: OutputColumn[] = [
      { name: 'id', type: T.bigint(false) },
      { name: 'total', type: T.bigint(false) },
    ];
    expect(verdicts(cols, registered)).toEqual({ backward: false, forward: true, full: false });
  });

  it('renamed field as a nullable column: BACKWARD passes (it defaults to null), FORWARD breaks', () => {
    const cols = BASE.map((c) => (c.name === 'amount' ? { name: 'total', type: T.bigint() } : c));
    expect(verdicts(cols)).toEqual({ backward: true, forward: false, full: false });
  });

  it('nullability: a column that becomes nullable breaks FORWARD; one that becomes NOT NULL breaks BACKWARD', () => {
    const nullable = BASE.map((c) => (c.name === 'amount' ? { name: 'amount', type: T.bigint() } : c));
    expect(verdicts(nullable)).toEqual({ backward: true, forward: false, full: false });
    expect(check(nullable, 'forward').changes[0]).toMatchObject({ kind: 'became-nullable', field: 'amount' });
    const notNull = BASE.map((c) => (c.name === 'customer' ? { name: 'customer', type: T.string(false) } : c));
    expect(verdicts(notNull)).toEqual({ backward: false, forward: true, full: false });
    expect(check(notNull, 'backward').changes[0]).toMatchObject({ kind: 'no-longer-nullable', field: 'customer' });
  });

  it('nested records are compared field by field, with dotted paths', () => {
    const registered = {
      type: 'record',
      name: 'Order',
      fields: [{ name: 'address', type: { type: 'record', name: 'Address', fields: [{ name: 'zip', type: 'int' }] } }],
    };
    const cols: OutputColumn[] = [{ name: 'address', type: T.row([T.field('zip', T.string(false))], false) }];
    const r = check(cols, 'backward', registered);
    expect(r.changes).toEqual([expect.objectContaining({ field: 'address.zip', kind: 'type-mismatch' })]);
  });

  it('record names are compared when asked (Avro compares unqualified names and aliases)', () => {
    const next = parseAvro({ type: 'record', name: 'A', fields: [] });
    expect(checkCompatibility(next, parseAvro({ type: 'record', name: 'B', fields: [] }), 'backward').changes[0]!.kind).toBe('name-mismatch');
    expect(checkCompatibility(next, parseAvro({ type: 'record', name: 'x.A', fields: [] }), 'full').compatible).toBe(true);
    const aliased = parseAvro({ type: 'record', name: 'A', aliases: ['B'], fields: [] });
    expect(checkCompatibility(aliased, parseAvro({ type: 'record', name: 'B', fields: [] }), 'backward').compatible).toBe(true);
  });

  it('enums: a writer symbol the reader lacks breaks unless the reader has a default', () => {
    const small = { type: 'enum', name: 'E', symbols: ['A'] };
    const big = { type: 'enum', name: 'E', symbols: ['A', 'B'] };
    expect(checkCompatibility(parseAvro(small), parseAvro(big), 'backward').changes[0]!.kind).toBe('missing-enum-symbols');
    expect(checkCompatibility(parseAvro(big), parseAvro(small), 'backward').compatible).toBe(true);
    expect(checkCompatibility(parseAvro({ ...small, default: 'A' }), parseAvro(big), 'backward').compatible).toBe(true);
  });

  it('recursive records terminate', () => {
    const list = { type: 'record', name: 'Node', fields: [{ name: 'next', type: ['null', 'Node'], default: null }] };
    expect(checkCompatibility(parseAvro(list), parseAvro(list), 'full').compatible).toBe(true);
  });
});
