import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type * as A from '../../src/ast/nodes.js';
import {
  printDataType, printExpression, printIdentifier, printQuery, printStatement, QUOTED_KEYWORDS,
} from '../../src/ast/print.js';
import type { AstKind, NodeOfKind } from '../../src/ast/walk.js';
import { parseScript } from '../../src/parse/index.js';

// ------------------------------------------------------------------------------------ builders

const S = { start: 0, end: 0 };
type WithoutKindAndSpan<T> = T extends unknown ? Omit<T, 'kind' | 'span'> : never;

/** Any node, with its span filled in. */
function n<K extends AstKind>(kind: K, fields: WithoutKindAndSpan<NodeOfKind<K>>): NodeOfKind<K> {
  return { kind, ...fields, span: S } as unknown as NodeOfKind<K>;
}

const id = (value: string, quoted = false): A.Identifier => n('Identifier', { value, quoted });
const qn = (...parts: string[]): A.QualifiedName => n('QualifiedName', { parts: parts.map((p) => id(p)) });
const col = (...parts: string[]): A.ColumnRef => n('ColumnRef', { parts: parts.map((p) => id(p)) });
const lit = (type: A.LiteralType, value: string, prefix: string | null = null): A.Literal => n('Literal', { type, value, prefix });
const num = (value: string): A.Literal => lit(value.includes('E') ? 'APPROX' : value.includes('.') ? 'DECIMAL' : 'INTEGER', value);
const str = (value: string, prefix: string | null = null): A.Literal => lit('STRING', value, prefix);
const bin = (op: A.BinaryOperator, left: A.Expression, right: A.Expression): A.Binary => n('Binary', { op, left, right });
const not = (operand: A.Expression): A.Unary => n('Unary', { op: 'NOT', operand });
const neg = (operand: A.Expression): A.Unary => n('Unary', { op: '-', operand });
const like = (operand: A.Expression, pattern: A.Expression, escape: A.Expression | null = null): A.Like =>
  n('Like', { op: 'LIKE', operand, pattern, escape, negated: false });
const between = (operand: A.Expression, low: A.Expression, high: A.Expression): A.Between =>
  n('Between', { operand, low, high, negated: false, symmetric: false });

function call(name: string | A.QualifiedName, args: A.Expression[] = [], extra: Partial<A.FunctionCall> = {}): A.FunctionCall {
  return n('FunctionCall', {
    name: typeof name === 'string' ? qn(name) : name, args, quantifier: null, star: false, niladic: false, argOrderBy: [],
    nullTreatment: null, withinGroup: [], filter: null, over: null, semantics: null, ...extra,
  });
}

function type(name: A.TypeName, extra: Partial<A.DataType> = {}): A.DataType {
  return n('DataType', {
    name, args: [], nullable: null, element: null, key: null, value: null, fields: [], interval: null,
    rawClass: null, rawSnapshot: null, userType: null, ...extra,
  });
}

const qualifier = (start: A.TimeUnit, extra: Partial<A.IntervalQualifier> = {}): A.IntervalQualifier =>
  n('IntervalQualifier', { start, startPrecision: null, fractionalPrecision: null, end: null, endPrecision: null, ...extra });

const order = (expr: A.Expression, direction: 'ASC' | 'DESC' | null = null, nulls: 'FIRST' | 'LAST' | null = null): A.OrderItem =>
  n('OrderItem', { expr, direction, nulls });

function select(extra: Partial<A.Select> = {}): A.Select {
  return n('Select', {
    hints: [], quantifier: null, items: [n('SelectItem', { expr: col('a'), alias: null })], from: [], where: null,
    groupBy: null, having: null, windows: [], ...extra,
  });
}

function query(body: A.QueryBody = select(), extra: Partial<A.Query> = {}): A.Query {
  return n('Query', {
    recursive: false, withItems: [], body, orderBy: [], limit: null, limitAll: false, offset: null, fetch: null, ...extra,
  });
}

/** SELECT a FROM <name> */
const selectFrom = (...from: A.TableRef[]): A.Query => query(select({ from }));

function table(name: string, extra: Partial<A.NamedTable> = {}): A.NamedTable {
  return n('NamedTable', { name: qn(...name.split('.')), hints: [], extension: [], systemTime: null, alias: null, ...extra });
}

const alias = (name: string, ...columns: string[]): A.TableAlias => n('TableAlias', { name: id(name), columns: columns.map((c) => id(c)) });
const option = (key: string, value: string, keyQuoted = true): A.TableOption =>
  n('TableOption', { key, keySpan: S, keyQuoted, value, valueSpan: S });
const physical = (name: string, t: A.DataType | null, extra: Partial<A.PhysicalColumn> = {}): A.PhysicalColumn =>
  n('PhysicalColumn', { name: qn(name), type: t, constraint: null, comment: null, ...extra });

function createTable(extra: Partial<A.CreateTable> = {}): A.CreateTable {
  return n('CreateTable', {
    mode: 'CREATE', temporary: false, ifNotExists: false, name: qn('t'), elements: [physical('a', type('INT'))], comment: null,
    distribution: null, partitionedBy: [], options: [], like: null, asQuery: null, ...extra,
  });
}

function insert(target: string, extra: Partial<A.Insert> = {}): A.Insert {
  return n('Insert', {
    upsert: false, overwrite: false, target: qn(target), hints: [], extendedColumns: [], partition: [], columns: null,
    query: query(select({ items: [n('SelectItem', { expr: num('1'), alias: null })] })), ...extra,
  });
}

const entry = (column: string, value: A.Expression | null = null): A.PartitionEntry => n('PartitionEntry', { column: id(column), value });

/** The printed statement must be accepted by the real parser, with no diagnostics at all. */
function expectValid(sql: string): void {
  const result = parseScript(sql);
  // Only the syntax matters here; some printed forms (UNIQUE) are valid SQL that Flink then rejects.
  expect(result.diagnostics.filter((d) => d.category === 'syntax').map((d) => d.message), sql).toEqual([]);
  expect(result.statements.filter((s) => s.ast !== null), sql).toHaveLength(1);
}

function stmt(s: A.Statement): string {
  const sql = printStatement(s);
  expectValid(sql);
  return sql;
}

/** Prints an expression inside `SELECT <e> FROM t` and checks that it parses. */
function expr(e: A.Expression): string {
  const sql = printExpression(e);
  expectValid(`SELECT ${sql} FROM t`);
  return sql;
}

// ------------------------------------------------------------------------------------ names

describe('identifiers', () => {
  it('leaves plain names bare and quotes the rest', () => {
    expect(printIdentifier(id('user_id'))).toBe('user_id');
    expect(printIdentifier(id('$x1'))).toBe('$x1');
    expect(printIdentifier(id('größe'))).toBe('größe');
    expect(printIdentifier(id('a b'))).toBe('`a b`');
    expect(printIdentifier(id('1a'))).toBe('`1a`');
    expect(printIdentifier(id(''))).toBe('``');
    expect(printIdentifier(id('a`b'))).toBe('`a``b`');
  });

  it('keeps the quotes written in the source', () => {
    expect(printIdentifier(id('name', true))).toBe('`name`');
  });

  it('quotes reserved words and keywords the parser does not take as names, case-insensitively', () => {
    for (const word of ['select', 'From', 'TABLE', 'hash', 'user', 'value', 'current_date', 'count', 'continuous']) {
      expect(printIdentifier(id(word))).toBe('`' + word + '`');
    }
    for (const word of ['catalog', 'key', 'database', 'json', 'first', 'map', 'try_cast']) {
      expect(printIdentifier(id(word))).toBe(word);
    }
    expect(stmt(n('QueryStatement', { query: query(select({ items: [n('SelectItem', { expr: col('hash'), alias: id('value') })], from: [table('t')] })) })))
      .toBe('SELECT `hash` AS `value` FROM t');
  });

  it('lists exactly the lexer keywords that the nonReservedKeyword rule leaves out', () => {
    const grammar = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'grammar');
    const lexer = readFileSync(join(grammar, 'FlinkSqlLexer.g4'), 'utf8');
    const parser = readFileSync(join(grammar, 'FlinkSqlParser.g4'), 'utf8');
    const section = lexer.slice(lexer.indexOf('// ---------------------------------------------------------------- keywords'),
      lexer.indexOf('// ---------------------------------------------------------------- literals'));
    const spelling = new Map([...section.matchAll(/(\w+)\s*:\s*'([A-Z_]+)'/g)].map((m) => [m[1]!, m[2]!]));
    const rule = /nonReservedKeyword\s*:([^;]*);/.exec(parser)![1]!;
    const nonReserved = new Set(rule.match(/[A-Z_]+/g)!.map((token) => spelling.get(token)));
    const expected = [...spelling.values()].filter((word) => !nonReserved.has(word)).sort();
    expect([...QUOTED_KEYWORDS].sort()).toEqual(expected);
  });

  it('prints function names bare when the grammar allows them as names', () => {
    expect(expr(call('LEFT', [col('s'), num('2')]))).toBe('LEFT(s, 2)');
    expect(expr(call('count', [], { star: true }))).toBe('count(*)');
    expect(expr(call('FLOOR', [col('x')]))).toBe('FLOOR(x)');
    expect(expr(call(n('QualifiedName', { parts: [id('cat'), id('db'), id('my fn')] }), [num('1')]))).toBe('cat.db.`my fn`(1)');
    expect(expr(call(n('QualifiedName', { parts: [id('SELECT')] }), []))).toBe('`SELECT`()');
    expect(expr(call('CURRENT_TIMESTAMP', [], { niladic: true }))).toBe('CURRENT_TIMESTAMP');
    expect(expr(call('USER', [], { niladic: true }))).toBe('USER');
  });
});

// ------------------------------------------------------------------------------------ literals

describe('literals', () => {
  it('prints strings with quote doubling and prefixes', () => {
    expect(expr(str("it's"))).toBe("'it''s'");
    expect(expr(str('x', 'N'))).toBe("N'x'");
    expect(expr(str('x', '_UTF16'))).toBe("_UTF16'x'");
    expect(expr(str('\\0041', 'U&'))).toBe("U&'\\0041'");
    expect(expr(str(''))).toBe("''");
  });

  it('prints numbers as written, binary strings, booleans, NULL and typed literals', () => {
    expect(expr(num('42'))).toBe('42');
    expect(expr(num('.5'))).toBe('.5');
    expect(expr(num('1.5E-3'))).toBe('1.5E-3');
    expect(expr(lit('BINARY', '0AFF'))).toBe("X'0AFF'");
    expect(expr(lit('BOOLEAN', 'TRUE'))).toBe('TRUE');
    expect(expr(lit('BOOLEAN', 'false'))).toBe('FALSE');
    expect(expr(lit('NULL', 'NULL'))).toBe('NULL');
    expect(expr(lit('UNKNOWN', 'UNKNOWN'))).toBe('UNKNOWN');
    expect(expr(lit('DATE', '2024-01-01'))).toBe("DATE '2024-01-01'");
    expect(expr(lit('TIME', '10:00:00'))).toBe("TIME '10:00:00'");
    expect(expr(lit('TIMESTAMP', '2024-01-01 00:00:00'))).toBe("TIMESTAMP '2024-01-01 00:00:00'");
    expect(expr(lit('TIMESTAMP_LTZ', '2024-01-01 00:00:00'))).toBe("TIMESTAMP_LTZ '2024-01-01 00:00:00'");
  });

  it('prints interval literals with sign and qualifier precision', () => {
    const interval = (value: string, q: A.IntervalQualifier, negative = false) => n('IntervalLiteral', { negative, value, qualifier: q });
    expect(expr(interval('1', qualifier('DAY')))).toBe("INTERVAL '1' DAY");
    expect(expr(interval('2', qualifier('YEAR'), true))).toBe("INTERVAL -'2' YEAR");
    expect(expr(interval('1.5', qualifier('SECOND', { startPrecision: 3 })))).toBe("INTERVAL '1.5' SECOND(3)");
    expect(expr(interval('1 10:00:00', qualifier('DAY', { startPrecision: 2, end: 'SECOND', endPrecision: 3 }))))
      .toBe("INTERVAL '1 10:00:00' DAY(2) TO SECOND(3)");
  });
});

// ------------------------------------------------------------------------------------ types

describe('data types', () => {
  const cast = (t: A.DataType) => expr(n('Cast', { tryCast: false, operand: col('x'), type: t })).slice('CAST(x AS '.length, -1);

  it('prints canonical names with length, precision and scale', () => {
    expect(cast(type('INT'))).toBe('INT');
    expect(cast(type('VARCHAR', { args: [10] }))).toBe('VARCHAR(10)');
    expect(cast(type('DECIMAL', { args: [10, 2] }))).toBe('DECIMAL(10, 2)');
    expect(cast(type('TIMESTAMP', { args: [3] }))).toBe('TIMESTAMP(3)');
    expect(cast(type('TIMESTAMP_LTZ', { args: [3] }))).toBe('TIMESTAMP_LTZ(3)');
    expect(cast(type('STRING', { nullable: false }))).toBe('STRING NOT NULL');
    expect(cast(type('BIGINT', { nullable: true }))).toBe('BIGINT NULL');
  });

  it('prints collection, row, raw, interval and user-defined types', () => {
    expect(cast(type('ARRAY', { element: type('INT', { nullable: false }), nullable: false }))).toBe('ARRAY<INT NOT NULL> NOT NULL');
    expect(cast(type('MULTISET', { element: type('STRING') }))).toBe('MULTISET<STRING>');
    expect(cast(type('MAP', { key: type('STRING'), value: type('ARRAY', { element: type('INT') }) }))).toBe('MAP<STRING, ARRAY<INT>>');
    const fields = [
      n('RowField', { name: id('a', true), type: type('INT'), description: "it's" }),
      n('RowField', { name: id('b c'), type: type('ROW'), description: null }),
    ];
    expect(cast(type('ROW', { fields }))).toBe("ROW<`a` INT 'it''s', `b c` ROW<>>");
    expect(cast(type('ROW'))).toBe('ROW<>');
    expect(cast(type('RAW', { rawClass: 'java.lang.String', rawSnapshot: 'AAA=' }))).toBe("RAW('java.lang.String', 'AAA=')");
    expect(cast(type('RAW', { rawClass: 'x.Y' }))).toBe("RAW('x.Y')");
    expect(cast(type('INTERVAL', { interval: qualifier('DAY', { startPrecision: 2, end: 'SECOND', endPrecision: 3 }) })))
      .toBe('INTERVAL DAY(2) TO SECOND(3)');
    expect(cast(type('INTERVAL', { interval: qualifier('SECOND', { startPrecision: 3, fractionalPrecision: 6 }) })))
      .toBe('INTERVAL SECOND(3, 6)');
    expect(cast(type('USER_DEFINED', { userType: qn('cat', 'db', 'Money') }))).toBe('cat.db.Money');
    expect(printDataType(type('ROW', { fields: [], nullable: false }))).toBe('ROW<> NOT NULL');
  });
});

// ------------------------------------------------------------------------------------ operators

describe('operators and parentheses', () => {
  const [a, b, c] = [col('a'), col('b'), col('c')];

  it('adds parentheses only where precedence or associativity needs them', () => {
    expect(expr(bin('+', bin('+', a, b), c))).toBe('a + b + c');
    expect(expr(bin('+', a, bin('+', b, c)))).toBe('a + (b + c)');
    expect(expr(bin('-', a, bin('-', b, c)))).toBe('a - (b - c)');
    expect(expr(bin('*', bin('+', a, b), c))).toBe('(a + b) * c');
    expect(expr(bin('+', a, bin('*', b, c)))).toBe('a + b * c');
    expect(expr(bin('||', bin('*', a, b), c))).toBe('a * b || c');
    expect(expr(bin('OR', bin('AND', a, b), bin('AND', b, c)))).toBe('a AND b OR b AND c');
    expect(expr(bin('AND', bin('OR', a, b), c))).toBe('(a OR b) AND c');
    expect(expr(bin('=', bin('=', a, b), c))).toBe('a = b = c');
    expect(expr(bin('<>', a, bin('<', b, c)))).toBe('a <> (b < c)');
  });

  it('prints unary operators without creating comments', () => {
    expect(expr(neg(a))).toBe('-a');
    expect(expr(neg(neg(a)))).toBe('- -a');
    expect(expr(neg(bin('+', a, b)))).toBe('-(a + b)');
    expect(expr(bin('-', a, neg(num('1'))))).toBe('a - -1');
    expect(expr(n('Unary', { op: '+', operand: neg(a) }))).toBe('+ -a');
    expect(expr(not(bin('=', a, b)))).toBe('NOT a = b');
    expect(expr(not(n('IsTest', { operand: a, negated: false, test: 'NULL' })))).toBe('NOT a IS NULL');
    expect(expr(not(bin('AND', a, b)))).toBe('NOT (a AND b)');
    expect(expr(bin('=', not(a), b))).toBe('(NOT a) = b');
    expect(expr(n('Subscript', { target: neg(a), index: num('1') }))).toBe('(-a)[1]');
  });

  it('keeps predicate operands at the value level', () => {
    expect(expr(bin('AND', like(a, str('x%')), b))).toBe("a LIKE 'x%' AND b");
    expect(expr(bin('AND', bin('AND', b, like(a, str('x'))), c))).toBe("b AND a LIKE 'x' AND c");
    expect(expr(bin('AND', not(like(a, str('x'))), b))).toBe("NOT a LIKE 'x' AND b");
    expect(expr(bin('AND', between(a, num('1'), num('2')), b))).toBe('a BETWEEN 1 AND 2 AND b');
    expect(expr(between(a, bin('AND', b, c), num('2')))).toBe('a BETWEEN (b AND c) AND 2');
    expect(expr(between(a, num('1'), bin('=', b, c)))).toBe('a BETWEEN 1 AND (b = c)');
    expect(expr(between(a, bin('+', b, c), bin('*', b, c)))).toBe('a BETWEEN b + c AND b * c');
    expect(expr(like(a, bin('||', b, str('%')), str('!')))).toBe("a LIKE b || '%' ESCAPE '!'");
    expect(expr(like(a, bin('OR', b, c)))).toBe('a LIKE (b OR c)');
    expect(expr(like(a, bin('=', b, c)))).toBe('a LIKE (b = c)');
    // Predicates chain left to right.
    expect(expr(bin('=', like(a, b), c))).toBe('a LIKE b = c');
    expect(expr(n('IsTest', { operand: between(a, b, c), negated: false, test: 'FALSE' }))).toBe('a BETWEEN b AND c IS FALSE');
  });

  it('prints every predicate form', () => {
    const sub = query(select({ items: [n('SelectItem', { expr: col('x'), alias: null })], from: [table('u')] }));
    expect(expr(n('IsTest', { operand: a, negated: true, test: 'NULL' }))).toBe('a IS NOT NULL');
    expect(expr(n('IsTest', { operand: bin('=', a, b), negated: false, test: 'TRUE' }))).toBe('a = b IS TRUE');
    expect(expr(bin('=', a, n('IsTest', { operand: b, negated: false, test: 'UNKNOWN' })))).toBe('a = (b IS UNKNOWN)');
    expect(expr(n('IsDistinctFrom', { left: a, right: b, negated: true }))).toBe('a IS NOT DISTINCT FROM b');
    expect(expr(n('IsJson', { operand: a, negated: false, jsonType: 'OBJECT' }))).toBe('a IS JSON OBJECT');
    expect(expr(n('IsJson', { operand: a, negated: true, jsonType: null }))).toBe('a IS NOT JSON');
    const period = (x: typeof a, y: typeof a) => n('RowConstructor', { explicit: false, items: [x, y] });
    expect(expr(n('Overlaps', { left: period(a, b), right: period(c, a) }))).toBe('(a, b) OVERLAPS (c, a)');
    expect(expr(n('Between', { operand: a, low: b, high: c, negated: true, symmetric: true }))).toBe('a NOT BETWEEN SYMMETRIC b AND c');
    expect(expr(n('InList', { operand: a, negated: true, values: [num('1'), bin('+', b, c)] }))).toBe('a NOT IN (1, b + c)');
    expect(expr(n('InSubquery', { operand: a, negated: false, query: sub }))).toBe('a IN (SELECT x FROM u)');
    expect(expr(n('QuantifiedComparison', { op: '>=', quantifier: 'ALL', left: a, query: sub }))).toBe('a >= ALL (SELECT x FROM u)');
    expect(expr(n('Like', { op: 'SIMILAR TO', operand: a, pattern: str('x'), escape: null, negated: true }))).toBe("a NOT SIMILAR TO 'x'");
    expect(expr(n('Like', { op: 'ILIKE', operand: a, pattern: str('x'), escape: null, negated: false }))).toBe("a ILIKE 'x'");
    expect(expr(n('MemberOf', { op: 'SUBMULTISET OF', left: a, right: b, negated: true }))).toBe('a NOT SUBMULTISET OF b');
    expect(expr(n('MemberOf', { op: 'MEMBER OF', left: a, right: b, negated: false }))).toBe('a MEMBER OF b');
    expect(expr(n('Exists', { query: sub }))).toBe('EXISTS (SELECT x FROM u)');
    expect(expr(n('ScalarSubquery', { query: sub }))).toBe('(SELECT x FROM u)');
  });

  it('prints a 10,000-deep left-deep chain without overflowing the stack', () => {
    let chain: A.Expression = num('1');
    for (let i = 0; i < 10_000; i++) chain = bin('+', chain, num('1'));
    expect(printExpression(chain)).toBe(Array(10_001).fill('1').join(' + '));

    let conditions: A.Expression = like(a, str('x'));
    for (let i = 0; i < 10_000; i++) conditions = bin('AND', conditions, bin('=', a, num(String(i))));
    const printed = printExpression(conditions);
    expect(printed.startsWith("a LIKE 'x' AND a = 0 AND a = 1 AND")).toBe(true);
    expect(printed.endsWith(' AND a = 9999')).toBe(true);
  });
});

// ------------------------------------------------------------------------------------ calls and special forms

describe('function calls and special forms', () => {
  const [a, b] = [col('a'), col('b')];

  it('prints quantifiers, ordered arguments, null treatment, WITHIN GROUP, FILTER and OVER', () => {
    expect(expr(call('COUNT', [a], { quantifier: 'DISTINCT' }))).toBe('COUNT(DISTINCT a)');
    expect(expr(call('ARRAY_AGG', [a], { argOrderBy: [order(b, 'DESC', 'LAST')] }))).toBe('ARRAY_AGG(a ORDER BY b DESC NULLS LAST)');
    expect(expr(call('LISTAGG', [a], { withinGroup: [order(b)] }))).toBe('LISTAGG(a) WITHIN GROUP (ORDER BY b)');
    expect(expr(call('SUM', [a], { filter: bin('>', a, num('0')) }))).toBe('SUM(a) FILTER (WHERE a > 0)');
    expect(expr(call('LAST_VALUE', [a], { nullTreatment: 'IGNORE NULLS', over: id('w') }))).toBe('LAST_VALUE(a) IGNORE NULLS OVER w');
    const frame = n('WindowFrame', {
      units: 'ROWS', start: n('FrameBound', { bound: 'PRECEDING', offset: num('2') }),
      end: n('FrameBound', { bound: 'CURRENT ROW', offset: null }), partial: null,
    });
    const spec = n('WindowSpec', { baseWindow: null, partitionBy: [a], orderBy: [order(b)], frame });
    expect(expr(call('SUM', [a], { over: spec }))).toBe('SUM(a) OVER (PARTITION BY a ORDER BY b ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)');
    const single = n('WindowFrame', { units: 'RANGE', start: n('FrameBound', { bound: 'UNBOUNDED PRECEDING', offset: null }), end: null, partial: null });
    expect(expr(call('SUM', [a], { over: n('WindowSpec', { baseWindow: null, partitionBy: [], orderBy: [order(b)], frame: single }) })))
      .toBe('SUM(a) OVER (ORDER BY b RANGE UNBOUNDED PRECEDING)');
    expect(expr(call('ROW_NUMBER', [], { over: n('WindowSpec', { baseWindow: null, partitionBy: [], orderBy: [], frame: null }) })))
      .toBe('ROW_NUMBER() OVER ()');
    expect(expr(call('LAST', [col('A', 'price')], { semantics: 'FINAL' }))).toBe('FINAL LAST(A.price)');
  });

  it('prints named, table and DEFAULT arguments', () => {
    const tableArg = n('TableArgument', { table: qn('t'), partitionBy: [a], orderBy: [order(b, 'ASC')] });
    expect(expr(call('f', [n('NamedArgument', { name: id('x'), value: num('1') }), n('NamedArgument', { name: id('y'), value: n('DefaultArgument', {}) })])))
      .toBe('f(x => 1, y => DEFAULT)');
    expect(expr(call('g', [tableArg]))).toBe('g(TABLE t PARTITION BY a ORDER BY b ASC)');
  });

  it('prints the functions with syntax of their own', () => {
    expect(expr(n('Cast', { tryCast: true, operand: a, type: type('INT') }))).toBe('TRY_CAST(a AS INT)');
    expect(expr(n('Extract', { unit: 'DOW', source: a }))).toBe('EXTRACT(DOW FROM a)');
    expect(expr(n('FloorCeil', { fn: 'CEIL', operand: a, unit: 'HOUR' }))).toBe('CEIL(a TO HOUR)');
    expect(expr(n('Position', { needle: str('x'), haystack: a, from: num('2') }))).toBe("POSITION('x' IN a FROM 2)");
    expect(expr(n('Position', { needle: bin('||', a, b), haystack: a, from: null }))).toBe('POSITION((a || b) IN a)');
    expect(expr(n('Substring', { operand: a, from: num('1'), length: num('2') }))).toBe('SUBSTRING(a FROM 1 FOR 2)');
    expect(expr(n('Overlay', { operand: a, placing: str('x'), from: num('1'), length: null }))).toBe("OVERLAY(a PLACING 'x' FROM 1)");
    expect(expr(n('Trim', { side: null, characters: null, operand: a }))).toBe('TRIM(a)');
    expect(expr(n('Trim', { side: 'LEADING', characters: null, operand: a }))).toBe('TRIM(LEADING FROM a)');
    expect(expr(n('Trim', { side: 'BOTH', characters: str(' '), operand: a }))).toBe("TRIM(BOTH ' ' FROM a)");
    expect(expr(n('Trim', { side: null, characters: str('x'), operand: a }))).toBe("TRIM('x' FROM a)");
    expect(expr(n('TimestampFunction', { fn: 'TIMESTAMPDIFF', unit: 'DAY', first: a, second: b }))).toBe('TIMESTAMPDIFF(DAY, a, b)');
    const whens = [n('WhenClause', { condition: num('1'), result: str('x') })];
    expect(expr(n('Case', { operand: a, whens, elseResult: str('y') }))).toBe("CASE a WHEN 1 THEN 'x' ELSE 'y' END");
    expect(expr(n('Case', { operand: null, whens, elseResult: null }))).toBe("CASE WHEN 1 THEN 'x' END");
  });

  it('prints the JSON functions', () => {
    const behavior = (b: A.JsonBehavior['behavior'], on: 'EMPTY' | 'ERROR', defaultValue: A.Expression | null = null) =>
      n('JsonBehavior', { behavior: b, defaultValue, on });
    expect(expr(n('JsonValue', { operand: a, path: str('$.x'), returning: type('INT'), behaviors: [behavior('DEFAULT', 'EMPTY', num('0')), behavior('ERROR', 'ERROR')] })))
      .toBe("JSON_VALUE(a, '$.x' RETURNING INT DEFAULT 0 ON EMPTY ERROR ON ERROR)");
    expect(expr(n('JsonQuery', { operand: a, path: str('$'), returning: null, wrapper: 'WITH CONDITIONAL ARRAY', behaviors: [behavior('EMPTY ARRAY', 'ERROR')] })))
      .toBe("JSON_QUERY(a, '$' WITH CONDITIONAL ARRAY WRAPPER EMPTY ARRAY ON ERROR)");
    expect(expr(n('JsonExists', { operand: a, path: str('$'), onError: behavior('FALSE', 'ERROR') }))).toBe("JSON_EXISTS(a, '$' FALSE ON ERROR)");
    const kv = n('JsonKeyValue', { key: str('k'), value: b });
    expect(expr(n('JsonObject', { aggregate: false, entries: [kv, kv], onNull: 'ABSENT' }))).toBe("JSON_OBJECT(KEY 'k' VALUE b, KEY 'k' VALUE b ABSENT ON NULL)");
    expect(expr(n('JsonObject', { aggregate: false, entries: [], onNull: null }))).toBe('JSON_OBJECT()');
    expect(expr(n('JsonObject', { aggregate: true, entries: [kv], onNull: 'NULL' }))).toBe("JSON_OBJECTAGG(KEY 'k' VALUE b NULL ON NULL)");
    expect(expr(n('JsonArray', { aggregate: false, items: [a, b], orderBy: [], onNull: 'NULL' }))).toBe('JSON_ARRAY(a, b NULL ON NULL)');
    expect(expr(n('JsonArray', { aggregate: true, items: [a], orderBy: [order(b)], onNull: 'ABSENT' }))).toBe('JSON_ARRAYAGG(a ORDER BY b ABSENT ON NULL)');
  });

  it('prints constructors, access and parameters', () => {
    const sub = query(select({ items: [n('SelectItem', { expr: num('1'), alias: null })] }));
    expect(expr(n('RowConstructor', { explicit: true, items: [a, b] }))).toBe('ROW(a, b)');
    expect(expr(n('RowConstructor', { explicit: false, items: [a, b] }))).toBe('(a, b)');
    expect(expr(n('CollectionConstructor', { collection: 'ARRAY', items: [num('1')] }))).toBe('ARRAY[1]');
    expect(expr(n('CollectionConstructor', { collection: 'MAP', items: [str('k'), num('1')] }))).toBe("MAP['k', 1]");
    expect(expr(n('CollectionQuery', { collection: 'MULTISET', query: sub }))).toBe('MULTISET(SELECT 1)');
    expect(expr(n('Subscript', { target: a, index: bin('+', num('1'), num('1')) }))).toBe('a[1 + 1]');
    expect(expr(n('FieldAccess', { target: n('Subscript', { target: a, index: num('1') }), field: id('f') }))).toBe('a[1].f');
    expect(expr(n('FieldAccess', { target: call('f', []), field: id('value', true) }))).toBe('f().`value`');
    expect(expr(n('Star', { qualifier: [id('t')] }))).toBe('t.*');
    expect(expr(n('DynamicParameter', {}))).toBe('?');
  });
});

// ------------------------------------------------------------------------------------ queries

describe('queries', () => {
  const one = n('SelectItem', { expr: num('1'), alias: null });
  const sel = (v: string) => select({ items: [n('SelectItem', { expr: num(v), alias: null })] });
  const set = (op: A.SetOperation['op'], left: A.QueryBody, right: A.QueryBody, quantifier: 'ALL' | 'DISTINCT' | null = null) =>
    n('SetOperation', { op, quantifier, left, right });

  it('prints every SELECT clause', () => {
    const q = query(select({
      hints: [n('Hint', { name: id('STATE_TTL'), options: [n('HintOption', { key: 'o', keyQuoted: true, value: '1d' })] })],
      quantifier: 'DISTINCT',
      items: [n('SelectItem', { expr: col('a'), alias: id('x') }), n('SelectItem', { expr: n('Star', { qualifier: [] }), alias: null })],
      from: [table('t', { alias: alias('o') }), table('u')],
      where: bin('>', col('a'), num('1')),
      groupBy: n('GroupBy', {
        quantifier: 'ALL',
        elements: [
          n('GroupingExpression', { expr: col('a') }),
          n('Rollup', { elements: [n('GroupingExpression', { expr: col('a') }), n('GroupingExpression', { expr: col('b') })] }),
          n('Cube', { elements: [n('GroupingExpression', { expr: col('c') })] }),
          n('GroupingSets', { elements: [n('GroupingExpression', { expr: n('RowConstructor', { explicit: false, items: [col('a'), col('b')] }) }), n('EmptyGrouping', {})] }),
        ],
      }),
      having: bin('>', call('COUNT', [], { star: true }), num('1')),
      windows: [n('WindowDefinition', { name: id('w'), spec: n('WindowSpec', { baseWindow: null, partitionBy: [col('a')], orderBy: [], frame: null }) })],
    }), { orderBy: [order(col('a'), 'DESC')], limit: num('10'), offset: num('5') });
    const sql = printQuery(q);
    expect(sql).toBe("SELECT /*+ STATE_TTL('o' = '1d') */ DISTINCT a AS x, * FROM t AS o, u WHERE a > 1 "
      + 'GROUP BY ALL a, ROLLUP(a, b), CUBE(c), GROUPING SETS ((a, b), ()) HAVING COUNT(*) > 1 WINDOW w AS (PARTITION BY a) '
      + 'ORDER BY a DESC LIMIT 10 OFFSET 5');
    expectValid(sql);
  });

  it('prints WITH, VALUES, TABLE, LIMIT ALL and FETCH', () => {
    const withItem = n('WithItem', { name: id('x'), columns: [id('c')], query: query(sel('1')) });
    expect(stmt(n('QueryStatement', { query: query(select({ from: [table('x')] }), { withItems: [withItem], recursive: true }) })))
      .toBe('WITH RECURSIVE x (c) AS (SELECT 1) SELECT a FROM x');
    const values = n('Values', { rows: [n('RowConstructor', { explicit: false, items: [num('1'), str('a')] }), n('RowConstructor', { explicit: false, items: [num('2'), str('b')] })] });
    expect(stmt(n('QueryStatement', { query: query(values) }))).toBe("VALUES (1, 'a'), (2, 'b')");
    expect(stmt(n('QueryStatement', { query: query(n('ExplicitTable', { name: qn('c', 'd', 't') })) }))).toBe('TABLE c.d.t');
    expect(stmt(n('QueryStatement', { query: query(select({ from: [table('t')] }), { limitAll: true }) }))).toBe('SELECT a FROM t LIMIT ALL');
    expect(stmt(n('QueryStatement', { query: query(select({ from: [table('t')] }), { offset: num('1'), fetch: num('2') }) })))
      .toBe('SELECT a FROM t OFFSET 1 FETCH FIRST 2 ROWS ONLY');
  });

  it('parenthesizes set operations by precedence and nested queries with their own clauses', () => {
    expect(printQuery(query(set('UNION', set('UNION', sel('1'), sel('2')), sel('3'), 'ALL')))).toBe('SELECT 1 UNION SELECT 2 UNION ALL SELECT 3');
    expect(printQuery(query(set('UNION', sel('1'), set('UNION', sel('2'), sel('3')))))).toBe('SELECT 1 UNION (SELECT 2 UNION SELECT 3)');
    expect(printQuery(query(set('UNION', sel('1'), set('INTERSECT', sel('2'), sel('3')))))).toBe('SELECT 1 UNION SELECT 2 INTERSECT SELECT 3');
    expect(printQuery(query(set('INTERSECT', set('EXCEPT', sel('1'), sel('2'), 'DISTINCT'), sel('3')))))
      .toBe('(SELECT 1 EXCEPT DISTINCT SELECT 2) INTERSECT SELECT 3');
    const ordered = query(select({ items: [one], from: [table('t')] }), { orderBy: [order(col('a'))], limit: num('1') });
    const sql = printQuery(query(set('UNION', ordered, sel('2'))));
    expect(sql).toBe('(SELECT 1 FROM t ORDER BY a LIMIT 1) UNION SELECT 2');
    expectValid(sql);
  });

  it('prints long set-operation chains with a loop', () => {
    let body: A.QueryBody = sel('0');
    for (let i = 1; i <= 10_000; i++) body = set('UNION', body, sel(String(i)), 'ALL');
    const sql = printQuery(query(body));
    expect(sql.startsWith('SELECT 0 UNION ALL SELECT 1 UNION ALL')).toBe(true);
    expect(sql.endsWith('UNION ALL SELECT 10000')).toBe(true);
  });

  it('puts each clause on its own line when pretty', () => {
    const q = query(select({ from: [table('t')], where: n('InSubquery', { operand: col('a'), negated: false, query: query(select({ from: [table('u')] })) }) }), { limit: num('1') });
    expect(printQuery(q, { pretty: true })).toBe('SELECT a\nFROM t\nWHERE a IN (\n  SELECT a\n  FROM u\n)\nLIMIT 1');
    expect(printQuery(q)).toBe('SELECT a FROM t WHERE a IN (SELECT a FROM u) LIMIT 1');
  });
});

// ------------------------------------------------------------------------------------ FROM

describe('table references', () => {
  const join = (joinType: A.JoinType, left: A.TableRef, right: A.TableRef, extra: Partial<A.Join> = {}): A.Join =>
    n('Join', { joinType, natural: false, left, right, on: null, using: [], ...extra });
  const from = (...refs: A.TableRef[]) => stmt(n('QueryStatement', { query: selectFrom(...refs) })).slice('SELECT a FROM '.length);

  it('prints named tables with hints, extension, time travel and alias', () => {
    expect(from(table('c.d.t', {
      hints: [n('Hint', { name: id('OPTIONS'), options: [n('HintOption', { key: 'k', keyQuoted: true, value: "it's" })] })],
      extension: [n('ExtendedColumn', { name: id('x'), type: type('INT') })],
      alias: alias('o', 'p', 'q'),
    }))).toBe("c.d.t /*+ OPTIONS('k' = 'it''s') */ EXTEND (x INT) AS o (p, q)");
    expect(from(table('r', { systemTime: col('o', 'proctime'), alias: alias('r2') }))).toBe('r FOR SYSTEM_TIME AS OF o.proctime AS r2');
    expect(from(table('t', { hints: [n('Hint', { name: id('BROADCAST'), options: [n('HintOption', { key: 't1', keyQuoted: false, value: null })] }), n('Hint', { name: id('SHUFFLE_HASH'), options: [] })] })))
      .toBe('t /*+ BROADCAST(t1), SHUFFLE_HASH */');
  });

  it('prints derived tables, table functions and UNNEST', () => {
    expect(from(n('DerivedTable', { lateral: true, query: selectFrom(table('u')), alias: alias('d') }))).toBe('LATERAL (SELECT a FROM u) AS d');
    expect(from(table('t'), n('TableFunction', { lateral: true, wrapped: true, call: call('split', [col('t', 'a')]), alias: alias('s', 'w') })))
      .toBe('t, LATERAL TABLE(split(t.a)) AS s (w)');
    expect(from(n('TableFunction', { lateral: false, wrapped: true, call: call('TUMBLE', [n('TableArgument', { table: qn('Bid'), partitionBy: [], orderBy: [] }), call('DESCRIPTOR', [col('ts')])]), alias: null })))
      .toBe('TABLE(TUMBLE(TABLE Bid, DESCRIPTOR(ts)))');
    expect(from(n('TableFunction', { lateral: false, wrapped: false, call: call('f', [num('1')]), alias: null }))).toBe('f(1)');
    expect(from(table('t'), n('Unnest', { lateral: false, args: [col('t', 'arr')], withOrdinality: true, alias: alias('u', 'e', 'o') })))
      .toBe('t, UNNEST(t.arr) WITH ORDINALITY AS u (e, o)');
  });

  it('prints join chains left to right and parenthesizes a join on the right', () => {
    const on = bin('=', col('t1', 'a'), col('t2', 'a'));
    expect(from(join('LEFT', join('INNER', table('t1'), table('t2'), { on }), table('t3'), { using: [id('a'), id('b')] })))
      .toBe('t1 INNER JOIN t2 ON t1.a = t2.a LEFT JOIN t3 USING (a, b)');
    expect(from(join('FULL', table('t1'), join('CROSS', table('t2'), table('t3')), { on: lit('BOOLEAN', 'TRUE') })))
      .toBe('t1 FULL JOIN (t2 CROSS JOIN t3) ON TRUE');
    expect(from(join('INNER', table('t1'), table('t2'), { natural: true }))).toBe('t1 NATURAL INNER JOIN t2');
    const fn = n('TableFunction', { lateral: false, wrapped: false, call: call('f', [col('x')]), alias: null });
    expect(from(join('OUTER APPLY', join('CROSS APPLY', table('t1'), fn), fn))).toBe('t1 CROSS APPLY f(x) OUTER APPLY f(x)');

    let chain: A.TableRef = table('t0');
    for (let i = 1; i <= 10_000; i++) chain = join('CROSS', chain, table(`t${i}`));
    expect(printQuery(selectFrom(chain)).endsWith('CROSS JOIN t9999 CROSS JOIN t10000')).toBe(true);
  });

  it('prints MATCH_RECOGNIZE with every row pattern form', () => {
    const v = (name: string): A.RowPattern => ({ kind: 'PatternVariable', span: S, name: id(name) });
    const q = (pattern: A.RowPattern, min: number, max: number | null, form: A.PatternQuantifier['form'], reluctant = false): A.RowPattern =>
      ({ kind: 'PatternQuantified', span: S, pattern, quantifier: n('PatternQuantifier', { min, max, reluctant, form }) });
    const pattern: A.RowPattern = {
      kind: 'PatternSequence', span: S, items: [
        { kind: 'PatternAnchor', span: S, anchor: '^' },
        v('A'), q(v('B'), 1, null, '+', true), q(v('C'), 0, null, '*'), q(v('D'), 0, 1, '?'),
        q(v('E'), 2, 2, 'braces'), q(v('F'), 2, null, 'braces'), q(v('G'), 0, 3, 'braces'), q(v('H'), 1, 3, 'braces', true),
        { kind: 'PatternGroup', span: S, pattern: { kind: 'PatternAlternation', span: S, alternatives: [v('I'), v('J')] } },
        { kind: 'PatternExclusion', span: S, pattern: v('K') },
        { kind: 'PatternPermute', span: S, patterns: [v('L'), v('M')] },
        q({ kind: 'PatternGroup', span: S, pattern: null }, 0, null, '*'),
        { kind: 'PatternAnchor', span: S, anchor: '$' },
      ],
    };
    const mr = n('MatchRecognize', {
      input: table('Ticker'), partitionBy: [col('symbol')], orderBy: [order(col('rowtime'))],
      measures: [n('MatchMeasure', { expr: call('LAST', [col('B', 'price')], { semantics: 'FINAL' }), alias: id('p') })],
      rowsPerMatch: 'ONE ROW PER MATCH', afterMatch: n('AfterMatch', { skip: 'TO LAST', variable: id('B') }),
      pattern, within: n('IntervalLiteral', { negative: false, value: '1', qualifier: qualifier('HOUR') }),
      subsets: [n('SubsetDefinition', { name: id('S'), variables: [id('A'), id('B')] })],
      definitions: [n('PatternDefinition', { variable: id('A'), condition: bin('>', col('A', 'price'), num('10')) })],
      alias: alias('m'),
    });
    expect(from(mr)).toBe('Ticker MATCH_RECOGNIZE (PARTITION BY symbol ORDER BY rowtime MEASURES FINAL LAST(B.price) AS p '
      + 'ONE ROW PER MATCH AFTER MATCH SKIP TO LAST B '
      + 'PATTERN (^ A B+? C* D? E{2} F{2,} G{,3} H{1,3}? (I | J) {- K -} PERMUTE(L, M) ()* $) '
      + "WITHIN INTERVAL '1' HOUR SUBSET S = (A, B) DEFINE A AS A.price > 10) AS m");
    const alternation: A.RowPattern = { kind: 'PatternAlternation', span: S, alternatives: [{ kind: 'PatternSequence', span: S, items: [v('A'), v('B')] }, v('C')] };
    const simple = n('MatchRecognize', { ...mr, partitionBy: [], measures: [], rowsPerMatch: null, afterMatch: n('AfterMatch', { skip: 'PAST LAST ROW', variable: null }), pattern: alternation, within: null, subsets: [], alias: null });
    expect(from(simple)).toBe('Ticker MATCH_RECOGNIZE (ORDER BY rowtime AFTER MATCH SKIP PAST LAST ROW PATTERN (A B | C) DEFINE A AS A.price > 10)');
  });
});

// ------------------------------------------------------------------------------------ statements

describe('DML statements', () => {
  it('prints INSERT, UPSERT and OVERWRITE with partition and column lists', () => {
    expect(stmt(insert('t'))).toBe('INSERT INTO t SELECT 1');
    expect(stmt(insert('t', { overwrite: true, partition: [entry('dt', str('2024')), entry('h')] }))).toBe("INSERT OVERWRITE t PARTITION (dt = '2024', h) SELECT 1");
    expect(stmt(insert('t', { upsert: true, columns: [id('a'), id('b')] }))).toBe('UPSERT INTO t (a, b) SELECT 1');
    expect(stmt(insert('t', {
      hints: [n('Hint', { name: id('OPTIONS'), options: [n('HintOption', { key: 'k', keyQuoted: true, value: 'v' })] })],
      extendedColumns: [n('ExtendedColumn', { name: id('x'), type: type('INT') })], columns: [id('x')],
    }))).toBe("INSERT INTO t /*+ OPTIONS('k' = 'v') */ (x INT) (x) SELECT 1");
  });

  it('prints statement sets, EXECUTE and COMPILE PLAN', () => {
    const set = n('StatementSet', { inserts: [insert('a'), insert('b')] });
    expect(stmt(n('Execute', { statement: set }))).toBe('EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT 1; INSERT INTO b SELECT 1; END');
    expect(stmt(set)).toBe('STATEMENT SET BEGIN INSERT INTO a SELECT 1; INSERT INTO b SELECT 1; END');
    expect(stmt(n('Execute', { statement: insert('a') }))).toBe('EXECUTE INSERT INTO a SELECT 1');
    expect(stmt(n('Execute', { statement: n('QueryStatement', { query: selectFrom(table('t')) }) }))).toBe('EXECUTE SELECT a FROM t');
    expect(stmt(n('ExecutePlan', { path: '/p.json' }))).toBe("EXECUTE PLAN '/p.json'");
    expect(stmt(n('CompilePlan', { andExecute: true, path: '/p.json', ifNotExists: true, statement: insert('a') })))
      .toBe("COMPILE AND EXECUTE PLAN '/p.json' IF NOT EXISTS FOR INSERT INTO a SELECT 1");
  });

  it('prints DELETE, UPDATE, TRUNCATE and CALL', () => {
    expect(stmt(n('Delete', { table: qn('t'), alias: id('x'), where: bin('=', col('x', 'a'), num('1')) }))).toBe('DELETE FROM t AS x WHERE x.a = 1');
    expect(stmt(n('Update', { table: qn('t'), alias: null, assignments: [n('Assignment', { column: id('a'), value: num('1') }), n('Assignment', { column: id('b'), value: str('x') })], where: null })))
      .toBe("UPDATE t SET a = 1, b = 'x'");
    expect(stmt(n('Truncate', { table: qn('c', 'd', 't') }))).toBe('TRUNCATE TABLE c.d.t');
    expect(stmt(n('Call', { procedure: qn('cat', 'sys', 'compact'), args: [str('t'), n('NamedArgument', { name: id('x'), value: num('1') })] })))
      .toBe("CALL cat.sys.compact('t', x => 1)");
  });
});

describe('DDL statements', () => {
  it('prints CREATE TABLE with every kind of element and clause', () => {
    const elements: A.TableElement[] = [
      physical('id', type('BIGINT', { nullable: false }), { comment: 'key', constraint: n('ColumnConstraint', { name: null, type: 'PRIMARY KEY', enforced: false }) }),
      n('ComputedColumn', { name: qn('total'), expr: bin('*', col('price'), col('qty')), comment: null }),
      n('MetadataColumn', { name: qn('ts'), type: type('TIMESTAMP_LTZ', { args: [3] }), metadataKey: 'timestamp', metadataKeySpan: null, virtual: true, constraint: null, comment: null }),
      n('MetadataColumn', { name: qn('part'), type: type('INT'), metadataKey: null, metadataKeySpan: null, virtual: false, constraint: null, comment: 'p' }),
      n('WatermarkDefinition', { column: qn('ts'), expr: bin('-', col('ts'), n('IntervalLiteral', { negative: false, value: '5', qualifier: qualifier('SECOND') })) }),
      n('TableConstraint', { name: id('uq'), type: 'UNIQUE', columns: [id('total')], enforced: null }),
    ];
    const distribution = n('Distribution', { algorithm: 'HASH', columns: [id('id')], buckets: num('4') });
    expect(stmt(createTable({
      temporary: true, ifNotExists: true, name: qn('c', 'd', 'orders'), elements, comment: 'orders', distribution,
      partitionedBy: [id('part')], options: [option('connector', 'kafka'), option('topic', "it's")],
    }))).toBe("CREATE TEMPORARY TABLE IF NOT EXISTS c.d.orders (id BIGINT NOT NULL PRIMARY KEY NOT ENFORCED COMMENT 'key', "
      + "total AS price * qty, ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL, part INT METADATA COMMENT 'p', "
      + "WATERMARK FOR ts AS ts - INTERVAL '5' SECOND, CONSTRAINT uq UNIQUE (total)) COMMENT 'orders' "
      + "DISTRIBUTED BY HASH(id) INTO 4 BUCKETS PARTITIONED BY (part) WITH ('connector' = 'kafka', 'topic' = 'it''s')");
  });

  it('prints distributions, LIKE, CTAS, CREATE OR REPLACE and REPLACE', () => {
    expect(stmt(createTable({ distribution: n('Distribution', { algorithm: null, columns: [], buckets: num('3') }) })))
      .toBe('CREATE TABLE t (a INT) DISTRIBUTED INTO 3 BUCKETS');
    expect(stmt(createTable({ distribution: n('Distribution', { algorithm: 'RANGE', columns: [id('a')], buckets: null }) })))
      .toBe('CREATE TABLE t (a INT) DISTRIBUTED BY RANGE(a)');
    const like = n('LikeClause', { source: qn('src'), options: [n('LikeOption', { mode: 'INCLUDING', feature: 'ALL' }), n('LikeOption', { mode: 'EXCLUDING', feature: 'OPTIONS' })] });
    expect(stmt(createTable({ elements: [], options: [option('k', 'v')], like }))).toBe("CREATE TABLE t WITH ('k' = 'v') LIKE src (INCLUDING ALL EXCLUDING OPTIONS)");
    expect(stmt(createTable({ elements: [], options: [option('k', 'v')], asQuery: selectFrom(table('s')) }))).toBe("CREATE TABLE t WITH ('k' = 'v') AS SELECT a FROM s");
    expect(stmt(createTable({ mode: 'CREATE OR REPLACE', elements: [physical('a', null)], options: [option('k', 'v')], asQuery: selectFrom(table('s')) })))
      .toBe("CREATE OR REPLACE TABLE t (a) WITH ('k' = 'v') AS SELECT a FROM s");
    expect(stmt(createTable({ mode: 'REPLACE', elements: [], options: [option('k', 'v')], asQuery: selectFrom(table('s')) })))
      .toBe("REPLACE TABLE t WITH ('k' = 'v') AS SELECT a FROM s");
    expect(printStatement(createTable({ options: [option('connector', 'x', false)] }))).toBe("CREATE TABLE t (a INT) WITH (connector = 'x')");
    expect(printStatement(createTable({ options: [option('table.name', 'x', false)] }))).toBe("CREATE TABLE t (a INT) WITH (`table`.name = 'x')");
  });

  it('prints CREATE MATERIALIZED TABLE, VIEW, FUNCTION, CATALOG, DATABASE and MODEL', () => {
    expect(stmt(n('CreateMaterializedTable', {
      orReplace: false, temporary: false, ifNotExists: true, name: qn('mt'), elements: [n('TableConstraint', { name: null, type: 'PRIMARY KEY', columns: [id('a')], enforced: false })],
      comment: null, distribution: null, partitionedBy: [], options: [option('k', 'v')],
      freshness: n('IntervalLiteral', { negative: false, value: '1', qualifier: qualifier('MINUTE') }), refreshMode: 'CONTINUOUS', query: selectFrom(table('t')),
    }))).toBe("CREATE MATERIALIZED TABLE IF NOT EXISTS mt (PRIMARY KEY (a) NOT ENFORCED) WITH ('k' = 'v') FRESHNESS = INTERVAL '1' MINUTE REFRESH_MODE = CONTINUOUS AS SELECT a FROM t");
    expect(stmt(n('CreateView', { orReplace: true, temporary: true, ifNotExists: false, name: qn('v'), columns: [id('x')], comment: 'c', query: selectFrom(table('t')) })))
      .toBe("CREATE OR REPLACE TEMPORARY VIEW v (x) COMMENT 'c' AS SELECT a FROM t");
    expect(stmt(n('CreateFunction', {
      orReplace: false, temporary: true, system: true, ifNotExists: true, name: qn('f'), className: 'com.x.F', language: 'JAVA',
      jars: [n('FunctionJar', { path: '/a.jar' }), n('FunctionJar', { path: '/b.jar' })],
    }))).toBe("CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS f AS 'com.x.F' LANGUAGE JAVA USING JAR '/a.jar', JAR '/b.jar'");
    expect(stmt(n('CreateCatalog', { ifNotExists: false, name: id('c'), comment: null, options: [option('type', 'generic_in_memory')] })))
      .toBe("CREATE CATALOG c WITH ('type' = 'generic_in_memory')");
    expect(stmt(n('CreateDatabase', { ifNotExists: true, name: qn('c', 'd'), comment: 'x', options: [] }))).toBe("CREATE DATABASE IF NOT EXISTS c.d COMMENT 'x'");
    expect(stmt(n('CreateModel', {
      orReplace: false, temporary: true, ifNotExists: false, name: qn('m'), input: [physical('q', type('STRING'))], output: [physical('r', type('DOUBLE'))],
      comment: null, options: [option('provider', 'openai')], asQuery: null,
    }))).toBe("CREATE TEMPORARY MODEL m INPUT (q STRING) OUTPUT (r DOUBLE) WITH ('provider' = 'openai')");
  });

  it('prints every ALTER TABLE action', () => {
    const alter = (action: A.AlterTableAction, ifExists = false) => stmt(n('AlterTable', { ifExists, name: qn('t'), action }));
    const positioned = (element: A.TableElement, position: A.ColumnPosition | null = null) => n('PositionedElement', { element, position });
    expect(alter(n('RenameTable', { newName: qn('t2') }), true)).toBe('ALTER TABLE IF EXISTS t RENAME TO t2');
    expect(alter(n('RenameColumn', { column: qn('a'), newName: qn('b') }))).toBe('ALTER TABLE t RENAME a TO b');
    expect(alter(n('SetOptions', { options: [option('k', 'v')] }))).toBe("ALTER TABLE t SET ('k' = 'v')");
    expect(alter(n('ResetOptions', { keys: [n('ConfigKey', { key: 'k', quoted: true }), n('ConfigKey', { key: 'a.b', quoted: false })] }))).toBe("ALTER TABLE t RESET ('k', a.b)");
    expect(alter(n('AddElements', {
      parenthesized: true,
      elements: [positioned(physical('a', type('INT')), n('ColumnPosition', { position: 'FIRST', reference: null })), positioned(physical('b', type('INT')), n('ColumnPosition', { position: 'AFTER', reference: qn('a') }))],
    }))).toBe('ALTER TABLE t ADD (a INT FIRST, b INT AFTER a)');
    expect(alter(n('ModifyElements', { parenthesized: false, elements: [positioned(n('WatermarkDefinition', { column: qn('ts'), expr: col('ts') }))] })))
      .toBe('ALTER TABLE t MODIFY WATERMARK FOR ts AS ts');
    expect(alter(n('AddDistribution', { distribution: n('Distribution', { algorithm: 'HASH', columns: [id('a')], buckets: num('2') }) })))
      .toBe('ALTER TABLE t ADD DISTRIBUTION BY HASH(a) INTO 2 BUCKETS');
    expect(alter(n('ModifyDistribution', { distribution: n('Distribution', { algorithm: null, columns: [], buckets: num('2') }) })))
      .toBe('ALTER TABLE t MODIFY DISTRIBUTION INTO 2 BUCKETS');
    expect(alter(n('AddPartitions', { ifNotExists: true, partitions: [n('PartitionSpec', { entries: [entry('p', num('1'))], options: [option('k', 'v')] }), n('PartitionSpec', { entries: [entry('p', num('2'))], options: [] })] })))
      .toBe("ALTER TABLE t ADD IF NOT EXISTS PARTITION (p = 1) WITH ('k' = 'v') PARTITION (p = 2)");
    expect(alter(n('DropColumns', { parenthesized: true, columns: [qn('a'), qn('b')] }))).toBe('ALTER TABLE t DROP (a, b)');
    expect(alter(n('DropColumns', { parenthesized: false, columns: [qn('a')] }))).toBe('ALTER TABLE t DROP a');
    expect(alter(n('DropPrimaryKey', {}))).toBe('ALTER TABLE t DROP PRIMARY KEY');
    expect(alter(n('DropWatermark', {}))).toBe('ALTER TABLE t DROP WATERMARK');
    expect(alter(n('DropDistribution', {}))).toBe('ALTER TABLE t DROP DISTRIBUTION');
    expect(alter(n('DropConstraint', { name: id('pk') }))).toBe('ALTER TABLE t DROP CONSTRAINT pk');
    expect(alter(n('DropPartitions', { ifExists: true, partitions: [n('PartitionSpec', { entries: [entry('p', num('1'))], options: [] }), n('PartitionSpec', { entries: [entry('p', num('2'))], options: [] })] })))
      .toBe('ALTER TABLE t DROP IF EXISTS PARTITION (p = 1), PARTITION (p = 2)');
    expect(alter(n('Compact', { partition: [entry('p', num('1'))] }))).toBe('ALTER TABLE t PARTITION (p = 1) COMPACT');
    expect(alter(n('Compact', { partition: [] }))).toBe('ALTER TABLE t COMPACT');
    expect(alter(n('AsQuery', { query: selectFrom(table('s')) }))).toBe('ALTER TABLE t AS SELECT a FROM s');
  });

  it('prints ALTER MATERIALIZED TABLE, VIEW, FUNCTION, CATALOG, DATABASE and MODEL', () => {
    const alterMt = (action: A.AlterMaterializedTableAction) => stmt(n('AlterMaterializedTable', { name: qn('mt'), action }));
    expect(alterMt(n('Suspend', {}))).toBe('ALTER MATERIALIZED TABLE mt SUSPEND');
    expect(alterMt(n('Resume', { options: [option('k', 'v')] }))).toBe("ALTER MATERIALIZED TABLE mt RESUME WITH ('k' = 'v')");
    expect(alterMt(n('Refresh', { partition: [entry('ds', str('1'))] }))).toBe("ALTER MATERIALIZED TABLE mt REFRESH PARTITION (ds = '1')");
    expect(alterMt(n('SetFreshness', { freshness: n('IntervalLiteral', { negative: false, value: '1', qualifier: qualifier('DAY') }) })))
      .toBe("ALTER MATERIALIZED TABLE mt SET FRESHNESS = INTERVAL '1' DAY");
    expect(alterMt(n('SetRefreshMode', { mode: 'FULL' }))).toBe('ALTER MATERIALIZED TABLE mt SET REFRESH_MODE = FULL');
    expect(alterMt(n('SetOptions', { options: [option('k', 'v')] }))).toBe("ALTER MATERIALIZED TABLE mt SET ('k' = 'v')");
    expect(alterMt(n('ResetOptions', { keys: [n('ConfigKey', { key: 'k', quoted: true })] }))).toBe("ALTER MATERIALIZED TABLE mt RESET ('k')");
    expect(alterMt(n('AsQuery', { query: selectFrom(table('t')) }))).toBe('ALTER MATERIALIZED TABLE mt AS SELECT a FROM t');
    expect(stmt(n('AlterView', { name: qn('v'), newName: qn('w'), query: null }))).toBe('ALTER VIEW v RENAME TO w');
    expect(stmt(n('AlterView', { name: qn('v'), newName: null, query: selectFrom(table('t')) }))).toBe('ALTER VIEW v AS SELECT a FROM t');
    expect(stmt(n('AlterFunction', { temporary: true, system: true, ifExists: true, name: qn('f'), className: 'x.F', language: 'SCALA' })))
      .toBe("ALTER TEMPORARY SYSTEM FUNCTION IF EXISTS f AS 'x.F' LANGUAGE SCALA");
    expect(stmt(n('AlterCatalog', { name: id('c'), setOptions: [option('k', 'v')], resetKeys: null, comment: null }))).toBe("ALTER CATALOG c SET ('k' = 'v')");
    expect(stmt(n('AlterCatalog', { name: id('c'), setOptions: null, resetKeys: [n('ConfigKey', { key: 'k', quoted: true })], comment: null }))).toBe("ALTER CATALOG c RESET ('k')");
    expect(stmt(n('AlterCatalog', { name: id('c'), setOptions: null, resetKeys: null, comment: 'x' }))).toBe("ALTER CATALOG c COMMENT 'x'");
    expect(stmt(n('AlterDatabase', { name: qn('d'), options: [option('k', 'v')] }))).toBe("ALTER DATABASE d SET ('k' = 'v')");
    expect(stmt(n('AlterModel', { ifExists: true, name: qn('m'), setOptions: null, resetKeys: null, newName: qn('m2') }))).toBe('ALTER MODEL IF EXISTS m RENAME TO m2');
    expect(stmt(n('AlterModel', { ifExists: false, name: qn('m'), setOptions: [option('k', 'v')], resetKeys: null, newName: null }))).toBe("ALTER MODEL m SET ('k' = 'v')");
  });

  it('prints DROP for every object', () => {
    const drop = (object: A.DropObject, extra: Partial<A.Drop> = {}) =>
      stmt(n('Drop', { object, temporary: false, system: false, ifExists: false, name: qn('x'), behavior: null, ...extra }));
    expect(drop('FUNCTION', { temporary: true, system: true, ifExists: true })).toBe('DROP TEMPORARY SYSTEM FUNCTION IF EXISTS x');
    expect(drop('TABLE', { name: qn('c', 'd', 't') })).toBe('DROP TABLE c.d.t');
    expect(drop('VIEW', { temporary: true })).toBe('DROP TEMPORARY VIEW x');
    expect(drop('MODEL')).toBe('DROP MODEL x');
    expect(drop('MATERIALIZED TABLE', { ifExists: true })).toBe('DROP MATERIALIZED TABLE IF EXISTS x');
    expect(drop('CATALOG')).toBe('DROP CATALOG x');
    expect(drop('DATABASE', { behavior: 'CASCADE' })).toBe('DROP DATABASE x CASCADE');
  });
});

describe('other statements', () => {
  it('prints USE, SHOW and DESCRIBE', () => {
    expect(stmt(n('Use', { target: 'CATALOG', names: [qn('c')] }))).toBe('USE CATALOG c');
    expect(stmt(n('Use', { target: 'DATABASE', names: [qn('c', 'd')] }))).toBe('USE c.d');
    expect(stmt(n('Use', { target: 'MODULES', names: [qn('hive'), qn('core')] }))).toBe('USE MODULES hive, core');
    const show = (object: A.ShowObject, extra: Partial<A.Show> = {}) =>
      stmt(n('Show', { object, name: null, preposition: null, like: null, partition: [], ...extra }));
    expect(show('TABLES', { name: qn('c', 'd'), preposition: 'IN', like: n('LikePattern', { negated: true, ilike: false, pattern: "x'%" }) }))
      .toBe("SHOW TABLES IN c.d NOT LIKE 'x''%'");
    expect(show('USER FUNCTIONS', { like: n('LikePattern', { negated: false, ilike: true, pattern: 'f%' }) })).toBe("SHOW USER FUNCTIONS ILIKE 'f%'");
    expect(show('DATABASES', { name: qn('c') })).toBe('SHOW DATABASES FROM c');
    expect(show('CURRENT CATALOG')).toBe('SHOW CURRENT CATALOG');
    expect(show('FULL MODULES')).toBe('SHOW FULL MODULES');
    expect(show('JOBS')).toBe('SHOW JOBS');
    expect(show('COLUMNS', { name: qn('t'), preposition: 'FROM' })).toBe('SHOW COLUMNS FROM t');
    expect(show('CREATE TABLE', { name: qn('t') })).toBe('SHOW CREATE TABLE t');
    expect(show('CREATE MATERIALIZED TABLE', { name: qn('mt') })).toBe('SHOW CREATE MATERIALIZED TABLE mt');
    expect(show('PARTITIONS', { name: qn('t'), partition: [entry('p', num('1'))] })).toBe('SHOW PARTITIONS t PARTITION (p = 1)');
    const describe = (object: A.Describe['object'], extra: Partial<A.Describe> = {}) =>
      stmt(n('Describe', { object, extended: false, name: qn('x'), jobId: null, ...extra }));
    expect(describe('TABLE', { extended: true })).toBe('DESCRIBE EXTENDED x');
    expect(describe('TABLE')).toBe('DESCRIBE x');
    expect(describe('CATALOG', { extended: true })).toBe('DESCRIBE CATALOG EXTENDED x');
    expect(describe('DATABASE')).toBe('DESCRIBE DATABASE x');
    expect(describe('FUNCTION', { extended: true })).toBe('DESCRIBE FUNCTION EXTENDED x');
    expect(describe('MODEL')).toBe('DESCRIBE MODEL x');
    expect(describe('JOB', { name: null, jobId: 'abc' })).toBe("DESCRIBE JOB 'abc'");
  });

  it('prints EXPLAIN in all its forms', () => {
    const select1 = n('QueryStatement', { query: query(select({ items: [n('SelectItem', { expr: num('1'), alias: null })] })) });
    const explain = (extra: Partial<A.Explain>) => stmt(n('Explain', { planFor: false, implementation: null, details: [], statement: select1, ...extra }));
    expect(explain({})).toBe('EXPLAIN SELECT 1');
    expect(explain({ details: ['CHANGELOG_MODE', 'PLAN_ADVICE'] })).toBe('EXPLAIN CHANGELOG_MODE, PLAN_ADVICE SELECT 1');
    expect(explain({ planFor: true })).toBe('EXPLAIN PLAN FOR SELECT 1');
    expect(explain({ planFor: true, implementation: 'WITHOUT IMPLEMENTATION' })).toBe('EXPLAIN PLAN WITHOUT IMPLEMENTATION FOR SELECT 1');
    expect(explain({ statement: n('StatementSet', { inserts: [insert('a')] }) })).toBe('EXPLAIN STATEMENT SET BEGIN INSERT INTO a SELECT 1; END');
    expect(explain({ statement: n('Execute', { statement: insert('a') }) })).toBe('EXPLAIN EXECUTE INSERT INTO a SELECT 1');
  });

  it('prints SET, RESET, JAR, modules, ANALYZE, STOP JOB and client commands', () => {
    expect(stmt(n('Set', { key: null, value: null }))).toBe('SET');
    expect(stmt(n('Set', { key: n('ConfigKey', { key: 'k', quoted: true }), value: "it's" }))).toBe("SET 'k' = 'it''s'");
    expect(stmt(n('Set', { key: n('ConfigKey', { key: 'table.exec.mini-batch.enabled', quoted: false }), value: 'true' })))
      .toBe("SET table.exec.mini-batch.enabled = 'true'");
    expect(stmt(n('Reset', { key: n('ConfigKey', { key: 'k', quoted: true }) }))).toBe("RESET 'k'");
    expect(stmt(n('Reset', { key: null }))).toBe('RESET');
    expect(stmt(n('Jar', { action: 'ADD', path: '/a.jar' }))).toBe("ADD JAR '/a.jar'");
    expect(stmt(n('Jar', { action: 'REMOVE', path: '/a.jar' }))).toBe("REMOVE JAR '/a.jar'");
    expect(stmt(n('LoadModule', { name: id('hive'), options: [option('hive-version', '3.1')] }))).toBe("LOAD MODULE hive WITH ('hive-version' = '3.1')");
    expect(stmt(n('UnloadModule', { name: id('hive') }))).toBe('UNLOAD MODULE hive');
    expect(stmt(n('AnalyzeTable', { name: qn('t'), partition: [entry('p')], allColumns: true, columns: [] }))).toBe('ANALYZE TABLE t PARTITION (p) COMPUTE STATISTICS FOR ALL COLUMNS');
    expect(stmt(n('AnalyzeTable', { name: qn('t'), partition: [], allColumns: false, columns: [id('a'), id('b')] }))).toBe('ANALYZE TABLE t COMPUTE STATISTICS FOR COLUMNS a, b');
    expect(stmt(n('StopJob', { jobId: 'j', withSavepoint: true, withDrain: true }))).toBe("STOP JOB 'j' WITH SAVEPOINT WITH DRAIN");
    for (const command of ['BEGIN STATEMENT SET', 'END', 'HELP', 'QUIT', 'EXIT', 'CLEAR'] as const) {
      expect(stmt(n('ClientCommand', { command }))).toBe(command);
    }
  });
});
