import { describe, expect, it } from 'vitest';
import { castRoute, rejectedAtCodegen, supportsExplicitCast, supportsImplicitCast } from '../../../src/analysis/types/casts.js';
import { T } from '../../../src/analysis/types/logical-type.js';
import { apiType } from '../support.js';

const explicit = (from: string, to: string): boolean => supportsExplicitCast(apiType(from), apiType(to));
const implicit = (from: string, to: string): boolean => supportsImplicitCast(apiType(from), apiType(to));

describe('explicit casts (LogicalTypeCasts)', () => {
  it('allows every predefined and constructed type to a string', () => {
    for (const t of ['INT', 'DECIMAL(10, 2)', 'BOOLEAN', 'DATE', 'TIMESTAMP(3)', 'ARRAY<INT>', 'MAP<STRING, INT>', 'ROW<a INT>', 'BYTES', 'INTERVAL DAY']) {
      expect(explicit(t, 'STRING'), t).toBe(true);
      expect(explicit(t, 'CHAR(3)'), t).toBe(true);
    }
  });

  it('casts BOOLEAN from strings and integers only', () => {
    expect(explicit('STRING', 'BOOLEAN')).toBe(true);
    expect(explicit('BIGINT', 'BOOLEAN')).toBe(true);
    expect(explicit('DECIMAL(10, 2)', 'BOOLEAN')).toBe(false);
    expect(explicit('DOUBLE', 'BOOLEAN')).toBe(false);
  });

  it('rejects BOOLEAN to DATE and DATE to numbers', () => {
    expect(explicit('BOOLEAN', 'DATE')).toBe(false);
    expect(explicit('DATE', 'INT')).toBe(false);
    expect(explicit('TIMESTAMP(3)', 'BIGINT')).toBe(true);
  });

  it('converts numbers and intervals only for single-field intervals', () => {
    expect(explicit('INT', 'INTERVAL DAY')).toBe(true);
    expect(explicit('INT', 'INTERVAL DAY TO SECOND')).toBe(false);
    expect(explicit('INTERVAL YEAR TO MONTH', 'BIGINT')).toBe(false);
    expect(explicit('INTERVAL MONTH', 'BIGINT')).toBe(true);
    expect(explicit('INTERVAL MONTH', 'DOUBLE')).toBe(false);
  });

  it('casts constructed types child by child within the same root', () => {
    expect(explicit('ARRAY<INT>', 'ARRAY<STRING>')).toBe(true);
    expect(explicit('ARRAY<BOOLEAN>', 'ARRAY<DATE>')).toBe(false);
    expect(explicit('ROW<a INT, b STRING>', 'ROW<x BIGINT, y STRING>')).toBe(true);
    expect(explicit('ROW<a INT>', 'ROW<x INT, y INT>')).toBe(false);
    expect(explicit('ARRAY<INT>', 'MAP<INT, INT>')).toBe(false);
    expect(explicit('MAP<STRING, INT>', 'MAP<STRING, DOUBLE>')).toBe(true);
  });

  it('accepts the untyped NULL everywhere', () => {
    expect(supportsExplicitCast(T.null(), T.date())).toBe(true);
    expect(supportsImplicitCast(T.null(), T.date())).toBe(true);
    // NULL is a nullable type: it does not fit a NOT NULL target implicitly.
    expect(supportsImplicitCast(T.null(), T.date(false))).toBe(false);
  });
});

describe('implicit casts', () => {
  it('widens numbers, never narrows them', () => {
    expect(implicit('INT', 'BIGINT')).toBe(true);
    expect(implicit('BIGINT', 'INT')).toBe(false);
    expect(implicit('DECIMAL(10, 2)', 'DOUBLE')).toBe(true);
    expect(implicit('DOUBLE', 'FLOAT')).toBe(false);
    expect(implicit('DECIMAL(10, 2)', 'FLOAT')).toBe(true);
  });

  it('does not turn strings into numbers or the reverse', () => {
    expect(implicit('STRING', 'INT')).toBe(false);
    expect(implicit('INT', 'STRING')).toBe(false);
    expect(implicit('CHAR(3)', 'STRING')).toBe(true);
  });

  it('never makes a nullable value NOT NULL', () => {
    expect(implicit('INT', 'INT NOT NULL')).toBe(false);
    expect(implicit('INT NOT NULL', 'INT')).toBe(true);
    expect(explicit('INT', 'INT NOT NULL')).toBe(true);
  });

  it('moves between TIMESTAMP and TIMESTAMP_LTZ, and TIMESTAMP to DATE', () => {
    expect(implicit('TIMESTAMP(3)', 'TIMESTAMP_LTZ(3)')).toBe(true);
    expect(implicit('TIMESTAMP_LTZ(3)', 'TIMESTAMP(6)')).toBe(true);
    expect(implicit('TIMESTAMP(3)', 'DATE')).toBe(true);
    expect(implicit('DATE', 'TIMESTAMP(3)')).toBe(false);
  });
});

describe('casts Flink rejects later, and routes', () => {
  it('flags numbers to timestamps with the function Flink recommends', () => {
    expect(rejectedAtCodegen(T.bigint(), T.timestamp(3))?.instead).toBe('TO_TIMESTAMP(FROM_UNIXTIME(x))');
    expect(rejectedAtCodegen(T.bigint(), T.timestampLtz(3))?.instead).toBe('TO_TIMESTAMP_LTZ(x, 3)');
    expect(rejectedAtCodegen(T.string(), T.timestamp(3))).toBeNull();
  });

  it('suggests a function or comparison where one does what the cast meant', () => {
    expect(castRoute(apiType('BOOLEAN'), apiType('DATE'))).toBeNull();
    expect(castRoute(apiType('DATE'), apiType('INT'))?.template).toBe('UNIX_TIMESTAMP(CAST(x AS STRING))');
    expect(castRoute(apiType('BIGINT'), apiType('DATE'))?.template).toBe('TO_DATE(FROM_UNIXTIME(x))');
    expect(castRoute(apiType('DOUBLE'), apiType('BOOLEAN'))?.template).toBe('x <> 0');
  });
});
