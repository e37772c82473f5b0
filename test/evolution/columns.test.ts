import { describe, expect, it } from 'vitest';
import { T } from '../../src/analysis/types/logical-type.js';
import { formatColumnTable, toCreateTableDdl, toSchemaJson, type SchemaView } from '../../src/schema-export/columns.js';

const VIEW: SchemaView = {
  name: 'totals',
  columns: [
    { name: 'customer_id', type: T.bigint(false) },
    { name: 'order count', type: T.bigint(false) },
    { name: 'mystery', type: T.unknown() },
  ],
  changelog: { updates: true, deletes: false },
  keys: [['customer_id']],
};

describe('schema views for `flinkcheck infer`', () => {
  it('table: aligned columns, changelog and keys', () => {
    expect(formatColumnTable(VIEW)).toBe(
      [
        '#  name         type',
        '1  customer_id  BIGINT NOT NULL',
        '2  order count  BIGINT NOT NULL',
        '3  mystery      UNKNOWN',
        'changelog [I,UB,UA]; keys (customer_id)',
        '',
      ].join('\n'),
    );
  });

  it('DDL: quoted names, primary key from the first key, unknown types left as comments', () => {
    expect(toCreateTableDdl(VIEW)).toBe(
      [
        'CREATE TABLE `totals` (',
        '  `customer_id` BIGINT NOT NULL,',
        '  `order count` BIGINT NOT NULL,',
        '  -- `mystery`: type unknown (an expression flinkcheck could not type)',
        '  PRIMARY KEY (`customer_id`) NOT ENFORCED',
        ');',
        '',
      ].join('\n'),
    );
  });

  it('DDL: no trailing comma when the last column is unknown', () => {
    const ddl = toCreateTableDdl({ ...VIEW, keys: [] });
    expect(ddl).toContain('  `order count` BIGINT NOT NULL\n  -- `mystery`');
  });

  it('JSON: printed types with nullability', () => {
    expect(toSchemaJson(VIEW).columns[0]).toEqual({ name: 'customer_id', type: 'BIGINT NOT NULL', nullable: false, timeAttribute: null });
    expect(toSchemaJson(VIEW).changelog).toBe('[I,UB,UA]');
  });
});
