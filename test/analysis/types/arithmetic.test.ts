import { describe, expect, it } from 'vitest';
import {
  adjustPrecisionScale, arithmeticType, avgAggType, findDivisionDecimalType, findRoundDecimalType, sumAggType,
} from '../../../src/analysis/types/arithmetic.js';
import { printType } from '../../../src/analysis/types/logical-type.js';
import { apiType } from '../support.js';

const op = (l: string, o: '+' | '-' | '*' | '/' | '%', r: string): string => {
  const t = arithmeticType(o, apiType(l), apiType(r));
  return t === null ? 'invalid' : printType(t);
};

describe('decimal arithmetic (LogicalTypeMerging via FlinkTypeSystem)', () => {
  it('adds with one more whole digit', () => {
    expect(op('DECIMAL(10, 2) NOT NULL', '+', 'INT NOT NULL')).toBe('DECIMAL(13, 2) NOT NULL');
    expect(op('DECIMAL(19, 0)', '-', 'DECIMAL(19, 0)')).toBe('DECIMAL(20, 0)');
  });

  it('multiplies adding precisions and scales', () => {
    expect(op('DECIMAL(10, 2)', '*', 'INT')).toBe('DECIMAL(21, 2)');
  });

  it('divides with at least 6 decimals', () => {
    expect(op('INT', '/', 'DECIMAL(10, 2)')).toBe('DECIMAL(23, 11)');
    expect(op('DECIMAL(19, 0)', '/', 'INT')).toBe('DECIMAL(30, 11)');
  });

  it('adjusts beyond 38 digits keeping whole digits and at least 6 decimals', () => {
    expect(op('DECIMAL(19, 0)', '/', 'DECIMAL(19, 0)')).toBe('DECIMAL(38, 19)');
    expect(adjustPrecisionScale(39, 8)).toEqual({ precision: 38, scale: 7 });
    expect(adjustPrecisionScale(50, 20)).toEqual({ precision: 38, scale: 8 });
    expect(findDivisionDecimalType(38, 10, 38, 10)).toEqual({ precision: 38, scale: 6 });
  });

  it('rounds decimals with a literal scale', () => {
    expect(findRoundDecimalType(10, 4, 2)).toEqual({ precision: 9, scale: 2 });
    expect(findRoundDecimalType(10, 2, 5)).toEqual({ precision: 10, scale: 2 });
    expect(findRoundDecimalType(10, 2, -1)).toEqual({ precision: 9, scale: 0 });
  });
});

describe('other arithmetic', () => {
  it('keeps integer division integral', () => {
    expect(op('INT NOT NULL', '/', 'INT NOT NULL')).toBe('INT NOT NULL');
    expect(op('INT', '/', 'DOUBLE NOT NULL')).toBe('DOUBLE');
    expect(op('TINYINT', '+', 'TINYINT')).toBe('TINYINT');
    expect(op('INT', '+', 'BIGINT')).toBe('BIGINT');
  });

  it('gives % the divisor type and takes exact numbers only', () => {
    expect(op('BIGINT', '%', 'INT')).toBe('INT');
    expect(op('DECIMAL(10, 2)', '%', 'INT NOT NULL')).toBe('INT');
    expect(op('DOUBLE', '%', 'INT')).toBe('invalid');
  });

  it('does not convert strings to numbers', () => {
    expect(op('STRING', '+', 'INT')).toBe('invalid');
    expect(op('BOOLEAN', '*', 'INT')).toBe('invalid');
  });

  it('adds intervals to datetimes and keeps the datetime type without its time attribute', () => {
    expect(op('TIMESTAMP(3)', '+', 'INTERVAL HOUR')).toBe('TIMESTAMP(3)');
    expect(op('INTERVAL DAY', '+', 'DATE NOT NULL')).toBe('DATE');
    expect(op('TIMESTAMP(3)', '-', 'INTERVAL SECOND(3)')).toBe('TIMESTAMP(3)');
    expect(op('TIMESTAMP(3)', '-', 'TIMESTAMP(3)')).toBe('invalid');
    expect(op('TIME(0)', '+', 'INTERVAL MONTH')).toBe('invalid');
  });

  it('scales intervals by numbers, as query types', () => {
    expect(op('INTERVAL DAY', '*', 'INT NOT NULL')).toBe('INTERVAL SECOND(3)');
    expect(op('INTERVAL YEAR', '/', 'INT')).toBe('INTERVAL MONTH');
    expect(op('INTERVAL DAY', '+', 'INTERVAL HOUR')).toBe('INTERVAL SECOND(3)');
    expect(op('INTERVAL DAY', '+', 'INTERVAL MONTH')).toBe('invalid');
  });
});

describe('aggregate result types', () => {
  it('keep non-decimal input types (no widening)', () => {
    expect(printType(sumAggType(apiType('INT')))).toBe('INT');
    expect(printType(avgAggType(apiType('INT NOT NULL')))).toBe('INT NOT NULL');
  });

  it('widen decimals to 38 digits', () => {
    expect(printType(sumAggType(apiType('DECIMAL(10, 2)')))).toBe('DECIMAL(38, 2)');
    expect(printType(avgAggType(apiType('DECIMAL(10, 2)')))).toBe('DECIMAL(38, 6)');
    expect(printType(avgAggType(apiType('DECIMAL(20, 8)')))).toBe('DECIMAL(38, 8)');
  });
});
