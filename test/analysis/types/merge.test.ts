import { describe, expect, it } from 'vitest';
import { printType, T } from '../../../src/analysis/types/logical-type.js';
import { findCommonType, leastRestrictive } from '../../../src/analysis/types/merge.js';
import { apiType } from '../support.js';

const calcite = (...types: string[]): string => {
  const r = leastRestrictive(types.map((t) => (t === 'NULL' ? T.null() : apiType(t))));
  return r === null ? 'none' : printType(r);
};
const flink = (...types: string[]): string => {
  const r = findCommonType(types.map((t) => (t === 'NULL' ? T.null() : apiType(t))));
  return r === null ? 'none' : printType(r);
};

describe('leastRestrictive (Calcite, Flink-patched)', () => {
  it('makes ragged CHAR unions VARCHAR and keeps equal CHARs', () => {
    expect(calcite('CHAR(1) NOT NULL', 'CHAR(2) NOT NULL')).toBe('VARCHAR(2) NOT NULL');
    expect(calcite('CHAR(2) NOT NULL', 'CHAR(2) NOT NULL')).toBe('CHAR(2) NOT NULL');
    expect(calcite('CHAR(3)', 'VARCHAR(10) NOT NULL')).toBe('VARCHAR(10)');
    expect(calcite('STRING', 'CHAR(3)')).toBe('STRING');
  });

  it('merges exact numerics: bigger integer, or a DECIMAL keeping whole digits and scale', () => {
    expect(calcite('TINYINT', 'INT')).toBe('INT');
    expect(calcite('INT', 'DECIMAL(10, 2)')).toBe('DECIMAL(12, 2)');
    expect(calcite('BIGINT', 'DECIMAL(10, 2)')).toBe('DECIMAL(21, 2)');
    expect(calcite('DECIMAL(38, 0)', 'DECIMAL(38, 38)')).toBe('DECIMAL(38, 0)');
  });

  it('merges approximate numerics in order: DECIMAL and DOUBLE give DOUBLE, FLOAT and DOUBLE keep the first', () => {
    expect(calcite('INT', 'DOUBLE')).toBe('DOUBLE');
    expect(calcite('DECIMAL(10, 2)', 'FLOAT')).toBe('DOUBLE');
    expect(calcite('FLOAT', 'DOUBLE')).toBe('FLOAT');
    expect(calcite('DOUBLE', 'FLOAT')).toBe('DOUBLE');
  });

  it('does not mix families', () => {
    expect(calcite('STRING', 'INT')).toBe('none');
    expect(calcite('BOOLEAN', 'INT')).toBe('none');
    expect(calcite('DATE', 'TIMESTAMP(3)')).toBe('none');
  });

  it('merges TIMESTAMP and TIMESTAMP_LTZ depending on order and precision', () => {
    expect(calcite('TIMESTAMP(3)', 'TIMESTAMP_LTZ(6)')).toBe('TIMESTAMP_LTZ(6)');
    expect(calcite('TIMESTAMP(3)', 'TIMESTAMP_LTZ(3)')).toBe('TIMESTAMP(3)');
  });

  it('takes the datetime of datetime arithmetic (Calcite shortcut)', () => {
    expect(calcite('TIMESTAMP(3)', 'INTERVAL SECOND(3)')).toBe('TIMESTAMP(3)');
    expect(calcite('INT NOT NULL', 'DATE NOT NULL')).toBe('DATE NOT NULL');
  });

  it('is nullable when any input is, and ignores NULL', () => {
    expect(calcite('INT NOT NULL', 'NULL')).toBe('INT');
    expect(calcite('INT NOT NULL', 'BIGINT NOT NULL')).toBe('BIGINT NOT NULL');
  });

  it('merges collections element-wise', () => {
    expect(calcite('ARRAY<INT NOT NULL> NOT NULL', 'ARRAY<BIGINT> NOT NULL')).toBe('ARRAY<BIGINT> NOT NULL');
    expect(calcite('ROW<a INT, b STRING>', 'ROW<x BIGINT, y STRING>')).toBe('ROW<`a` BIGINT, `b` STRING>');
    expect(calcite('ROW<a INT>', 'ROW<a INT, b INT>')).toBe('none');
  });
});

describe('findCommonType (LogicalTypeMerging)', () => {
  it('makes DOUBLE win over FLOAT and an exact result take the approximate type', () => {
    expect(flink('FLOAT', 'DOUBLE')).toBe('DOUBLE');
    expect(flink('DECIMAL(10, 2)', 'FLOAT')).toBe('FLOAT');
    expect(flink('FLOAT', 'DECIMAL(10, 2)')).toBe('DOUBLE');
    expect(flink('INT', 'FLOAT')).toBe('FLOAT');
  });

  it('merges timestamps to the zoned kind with the largest precision', () => {
    expect(flink('TIMESTAMP(3)', 'TIMESTAMP_LTZ(0)')).toBe('TIMESTAMP_LTZ(3)');
    expect(flink('TIMESTAMP_LTZ(0)', 'TIMESTAMP(6)')).toBe('TIMESTAMP_LTZ(6)');
  });

  it('ignores NULL for the type but not for nullability, and has no type for NULL alone', () => {
    expect(flink('STRING NOT NULL', 'NULL')).toBe('STRING');
    expect(flink('NULL', 'NULL')).toBe('none');
  });

  it('has no common type for a string and a number', () => {
    expect(flink('STRING', 'INT NOT NULL')).toBe('none');
  });

  it('uses the type patterns of date arithmetic', () => {
    expect(flink('DATE', 'INT')).toBe('DATE');
    expect(flink('INTERVAL DAY', 'TIMESTAMP(3)')).toBe('TIMESTAMP(3)');
  });

  it('falls back to a type all others cast to implicitly', () => {
    expect(flink('DATE', 'TIMESTAMP(3)')).toBe('DATE');
  });
});
