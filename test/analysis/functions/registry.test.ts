import { describe, expect, it } from 'vitest';
import {
  builtinFunctionKind, isAggregateFunction, isOverCapable, isWindowFunction, listBuiltinFunctions, lookupBuiltinFunction,
  printSignatures, suggestFunctionNames, typeBuiltinCall,
} from '../../../src/analysis/functions/registry.js';
import { matchesSignature, parseSignature } from '../../../src/analysis/functions/signature.js';
import { printType, T } from '../../../src/analysis/types/logical-type.js';
import { apiType } from '../support.js';

function call(name: string, ...args: string[]): string {
  const fn = lookupBuiltinFunction(name);
  if (fn === null) throw new Error(`no ${name}`);
  const types = args.map((a) => (a === 'NULL' ? T.null() : apiType(a)));
  const r = typeBuiltinCall(fn, name, { args: types, literals: args.map(() => null), globalOrFiltered: false });
  return r.ok ? printType(r.type) : `error: ${r.message}`;
}

describe('the built-in function table', () => {
  it('has at least 200 functions, each name once', () => {
    const fns = listBuiltinFunctions();
    expect(fns.length).toBeGreaterThanOrEqual(200);
    const names = fns.flatMap((f) => f.names.map((n) => n.toUpperCase()));
    expect(new Set(names).size).toBe(names.length);
  });

  it('looks names up case-insensitively and answers kind queries', () => {
    expect(lookupBuiltinFunction('substr')?.names[0]).toBe('SUBSTRING');
    expect(isAggregateFunction('sum')).toBe(true);
    expect(isAggregateFunction('upper')).toBe(false);
    expect(isWindowFunction('Row_Number')).toBe(true);
    expect(isWindowFunction('SUM')).toBe(false);
    expect(isOverCapable('FIRST_VALUE')).toBe(true);
    expect(builtinFunctionKind('TUMBLE_START')).toBe('group-window-auxiliary');
    expect(builtinFunctionKind('TUMBLE')).toBe('group-window');
    expect(builtinFunctionKind('no_such_function')).toBeNull();
  });

  it('suggests close names for a misspelt function', () => {
    expect(suggestFunctionNames('SUBSTING')).toContain('SUBSTRING');
    expect(suggestFunctionNames('date_formt')[0]).toBe('DATE_FORMAT');
  });
});

describe('signatures', () => {
  it('parses optional and repeating parameters', () => {
    const s = parseSignature('STRING, INT[, INT]');
    expect(s.required).toHaveLength(2);
    expect(s.optional).toHaveLength(1);
    expect(matchesSignature(s, [T.string(), T.int()])).toBe(true);
    expect(matchesSignature(s, [T.string(), T.int(), T.bigint()])).toBe(true);
    expect(matchesSignature(s, [T.string()])).toBe(false);
    expect(matchesSignature(s, [T.int(), T.int()])).toBe(false);
    const v = parseSignature('ANY, ANY...');
    expect(matchesSignature(v, [T.int()])).toBe(true);
    expect(matchesSignature(v, [T.int(), T.date(), T.string()])).toBe(true);
    expect(matchesSignature(v, [])).toBe(false);
    const nested = parseSignature('STRING[, STRING[, STRING]]');
    expect(nested.optional).toHaveLength(2);
  });

  it('lists the valid signatures when the arguments do not fit', () => {
    expect(call('SUBSTRING', 'INT')).toBe('error: Function SUBSTRING cannot take (INT). Valid: SUBSTRING(STRING, INT[, INT])');
    expect(call('UPPER', 'INT')).toBe('error: Function UPPER cannot take (INT). Valid: UPPER(STRING)');
    const substring = lookupBuiltinFunction('SUBSTRING')!;
    const r = typeBuiltinCall(substring, 'substring', { args: [T.string()], literals: [null], globalOrFiltered: false });
    expect(!r.ok && r.hint).toBe('SUBSTRING takes 2 or 3 arguments, not 1');
    const pi = typeBuiltinCall(lookupBuiltinFunction('PI')!, 'PI', { args: [T.int()], literals: [null], globalOrFiltered: false });
    expect(!pi.ok && pi.hint).toBe('PI takes no arguments, not 1');
    const coalesce = typeBuiltinCall(lookupBuiltinFunction('COALESCE')!, 'COALESCE', { args: [], literals: [], globalOrFiltered: false });
    expect(!coalesce.ok && coalesce.hint).toBe('COALESCE takes 1 or more arguments, not 0');
    expect(printSignatures(lookupBuiltinFunction('SPLIT_INDEX')!)).toBe('SPLIT_INDEX(STRING, STRING|INT, INT)');
  });
});

describe('return types and nullability', () => {
  it('types string functions as Flink does', () => {
    expect(call('SUBSTRING', 'CHAR(5) NOT NULL', 'INT NOT NULL')).toBe('VARCHAR(5)');
    expect(call('UPPER', 'CHAR(3) NOT NULL')).toBe('CHAR(3) NOT NULL');
    expect(call('CONCAT', 'STRING NOT NULL', 'CHAR(3) NOT NULL')).toBe('STRING NOT NULL');
    expect(call('REGEXP_EXTRACT', 'STRING NOT NULL', 'STRING NOT NULL')).toBe('STRING');
    expect(call('MD5', 'STRING NOT NULL')).toBe('CHAR(32) NOT NULL');
    expect(call('UUID')).toBe('CHAR(36) NOT NULL');
  });

  it('applies COALESCE, IFNULL and NULLIF nullability', () => {
    expect(call('COALESCE', 'INT', 'INT NOT NULL')).toBe('INT NOT NULL');
    expect(call('COALESCE', 'INT', 'BIGINT')).toBe('BIGINT');
    expect(call('IFNULL', 'INT NOT NULL', 'INT')).toBe('INT');
    expect(call('NULLIF', 'INT NOT NULL', 'INT NOT NULL')).toBe('INT');
    expect(call('COALESCE', 'STRING', 'INT NOT NULL')).toBe('error: Invalid call of COALESCE(STRING, INT NOT NULL): the arguments have no common type');
  });

  it('types IF with leastRestrictive and the condition nullability', () => {
    expect(call('IF', 'BOOLEAN', 'INT NOT NULL', 'BIGINT NOT NULL')).toBe('BIGINT');
    expect(call('IF', 'BOOLEAN NOT NULL', 'CHAR(1) NOT NULL', 'CHAR(3) NOT NULL')).toBe('VARCHAR(3) NOT NULL');
  });

  it('types aggregates without widening', () => {
    expect(call('SUM', 'INT NOT NULL')).toBe('INT NOT NULL');
    expect(call('AVG', 'DECIMAL(10, 2) NOT NULL')).toBe('DECIMAL(38, 6) NOT NULL');
    expect(call('COUNT', 'STRING')).toBe('BIGINT NOT NULL');
    expect(call('COLLECT', 'INT')).toBe('MULTISET<INT> NOT NULL');
    const sum = lookupBuiltinFunction('SUM')!;
    const global = typeBuiltinCall(sum, 'SUM', { args: [T.int(false)], literals: [null], globalOrFiltered: true });
    expect(global.ok && printType(global.type)).toBe('INT');
  });

  it('makes LAG NOT NULL only with a NOT NULL default', () => {
    expect(call('LAG', 'INT NOT NULL')).toBe('INT');
    expect(call('LAG', 'INT NOT NULL', 'INT NOT NULL', 'INT NOT NULL')).toBe('INT NOT NULL');
  });

  it('types temporal and window helper functions', () => {
    expect(call('PROCTIME')).toBe('TIMESTAMP_LTZ(3) NOT NULL *PROCTIME*');
    expect(call('TUMBLE_START', 'TIMESTAMP(3)', 'INTERVAL SECOND(3)')).toBe('TIMESTAMP(3) NOT NULL');
    expect(call('TUMBLE_ROWTIME', 'TIMESTAMP_LTZ(3)', 'INTERVAL SECOND(3)')).toBe('TIMESTAMP_LTZ(3) NOT NULL *ROWTIME*');
    expect(call('CURRENT_WATERMARK', 'TIMESTAMP(3) NOT NULL')).toBe('TIMESTAMP(3)');
    expect(call('TO_TIMESTAMP_LTZ', 'BIGINT NOT NULL', 'INT NOT NULL')).toBe('TIMESTAMP_LTZ(3)');
    expect(call('HOUR', 'TIMESTAMP(3) NOT NULL')).toBe('BIGINT NOT NULL');
  });

  it('types collection functions', () => {
    expect(call('ARRAY_MAX', 'ARRAY<INT NOT NULL> NOT NULL')).toBe('INT');
    expect(call('MAP_KEYS', 'MAP<STRING, INT> NOT NULL')).toBe('ARRAY<STRING> NOT NULL');
    expect(call('ARRAY_CONTAINS', 'ARRAY<INT> NOT NULL', 'NULL')).toBe('BOOLEAN NOT NULL');
    expect(call('ARRAY_APPEND', 'ARRAY<STRING NOT NULL> NOT NULL', 'NULL')).toBe('ARRAY<STRING>');
    expect(call('CARDINALITY', 'MAP<STRING, INT>')).toBe('INT');
  });

  it('rounds decimals with the literal scale', () => {
    const round = lookupBuiltinFunction('ROUND')!;
    const r = typeBuiltinCall(round, 'ROUND', { args: [apiType('DECIMAL(10, 4) NOT NULL'), T.int(false)], literals: [null, '2'], globalOrFiltered: false });
    expect(r.ok && printType(r.type)).toBe('DECIMAL(9, 2) NOT NULL');
  });
});
