import { describe, expect, it } from 'vitest';
import type { CatalogFunction } from '../../../src/analysis/catalog/model.js';
import { expressionContainsAggregate, typeExpression } from '../../../src/analysis/expressions/typer.js';
import { T } from '../../../src/analysis/types/logical-type.js';
import { applyFix } from '../../../src/diagnostics/apply-fix.js';
import { parseExpression } from '../../../src/parse/index.js';
import { apiType, contextWith, fields, typeOf } from '../support.js';

const cols = {
  i: apiType('INT'), n: apiType('INT NOT NULL'), b: apiType('BIGINT NOT NULL'), d: apiType('DECIMAL(10, 2)'),
  s: apiType('STRING'), c: apiType('CHAR(5) NOT NULL'), ok: apiType('BOOLEAN'), dt: apiType('DATE'),
  ts: T.timestamp(3, true, 'ROWTIME'), ltz: apiType('TIMESTAMP_LTZ(3)'), arr: apiType('ARRAY<INT NOT NULL> NOT NULL'),
  m: apiType('MAP<STRING, BIGINT>'), r: apiType('ROW<a INT NOT NULL, b STRING> NOT NULL'), dbl: apiType('DOUBLE'),
};

function type(text: string, options = {}): string {
  const r = typeOf(text, cols, options);
  if (r.diagnostics.length > 0) throw new Error(`${text}: unexpected ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return r.type;
}

function errors(text: string, options = {}): { code: string; message: string; hint?: string; span: string }[] {
  const parsed = parseExpression(text);
  const ctx = contextWith(cols, options);
  typeExpression(parsed.expression!, ctx);
  return ctx.diagnostics.map((d) => ({ code: d.code, message: d.message, ...(d.hint === undefined ? {} : { hint: d.hint }), span: text.slice(d.span.start, d.span.end) }));
}

describe('literals (Calcite literal types)', () => {
  it('types numbers by their digits', () => {
    expect(type('1')).toBe('INT NOT NULL');
    expect(type('2147483648')).toBe('BIGINT NOT NULL');
    expect(type('1.5')).toBe('DECIMAL(2, 1) NOT NULL');
    expect(type('0.05')).toBe('DECIMAL(3, 2) NOT NULL');
    expect(type('1.5E0')).toBe('DOUBLE NOT NULL');
    expect(type('-1')).toBe('INT NOT NULL');
  });

  it('types strings, booleans, NULL and datetimes', () => {
    expect(type("'abc'")).toBe('CHAR(3) NOT NULL');
    expect(type("''")).toBe('CHAR(0) NOT NULL');
    expect(type("x'0A0B'")).toBe('BINARY(2) NOT NULL');
    expect(type('TRUE')).toBe('BOOLEAN NOT NULL');
    expect(type('NULL')).toBe('NULL');
    expect(type("DATE '2020-01-01'")).toBe('DATE NOT NULL');
    expect(type("TIMESTAMP '2020-01-01 00:00:00'")).toBe('TIMESTAMP(0) NOT NULL');
    expect(type("TIMESTAMP '2020-01-01 00:00:00.123'")).toBe('TIMESTAMP(3) NOT NULL');
    expect(type("TIME '10:00:00.123'")).toBe('TIME(0) NOT NULL');
  });

  it('collapses interval literals as the planner reports them', () => {
    expect(type("INTERVAL '5' MINUTE")).toBe('INTERVAL SECOND(3) NOT NULL');
    expect(type("INTERVAL '1-2' YEAR TO MONTH")).toBe('INTERVAL MONTH NOT NULL');
  });

  it('checks the digits of an interval against the leading precision, with a fix', () => {
    expect(type("INTERVAL '90' MINUTE")).toBe('INTERVAL SECOND(3) NOT NULL');
    expect(type("INTERVAL '120' MINUTE(3)")).toBe('INTERVAL SECOND(3) NOT NULL');
    expect(type("INTERVAL '1 10:00:00' DAY TO SECOND")).toBe('INTERVAL SECOND(3) NOT NULL');
    const text = "INTERVAL '120' MINUTE";
    const parsed = parseExpression(text);
    const ctx = contextWith(cols);
    typeExpression(parsed.expression!, ctx);
    const [d] = ctx.diagnostics;
    expect(d?.message).toBe('The interval value 120 has 3 digits, more than MINUTE(2) holds');
    expect(applyFix(text, d!.fixes![0]!)).toBe("INTERVAL '120' MINUTE(3)");
  });

  it('rejects numbers of more than 38 digits', () => {
    expect(errors('123456789012345678901234567890123456789')[0]?.code).toBe('FSQL3038');
  });
});

describe('columns, fields and subscripts', () => {
  it('reads ROW fields with the row nullability', () => {
    expect(type('r.a')).toBe('INT NOT NULL');
    expect(type("r['b']")).toBe('STRING');
  });

  it('reports a missing field with a suggestion', () => {
    const [e] = errors("r['A']");
    expect(e?.code).toBe('FSQL3035');
    expect(e?.hint).toContain('`a`');
  });

  it('reads fields of computed ROW values', () => {
    expect(type('ROW(n, s).EXPR$0')).toBe('INT NOT NULL');
    expect(errors('CAST(r AS ROW<x INT, y STRING>).b')[0]).toMatchObject({ code: 'FSQL3035', span: 'b' });
  });

  it('makes array and map items nullable', () => {
    expect(type('arr[1]')).toBe('INT');
    expect(type("m['k']")).toBe('BIGINT');
  });

  it('rejects indexing a scalar and a string array index', () => {
    expect(errors('i[1]')[0]?.code).toBe('FSQL3036');
    expect(errors("arr['x']")[0]).toMatchObject({ code: 'FSQL3036', span: "'x'" });
  });
});

describe('operators', () => {
  it('types arithmetic as Calcite with Flink decimals', () => {
    expect(type('n / 2')).toBe('INT NOT NULL');
    expect(type('d + i')).toBe('DECIMAL(13, 2)');
    expect(type('b % n')).toBe('INT NOT NULL');
    expect(type("ts + INTERVAL '1' HOUR")).toBe('TIMESTAMP(3)');
    expect(type('-d')).toBe('DECIMAL(10, 2)');
  });

  it("rejects '1' + 1 with a CAST fix", () => {
    const text = "'1' + n";
    const parsed = parseExpression(text);
    const ctx = contextWith(cols);
    typeExpression(parsed.expression!, ctx);
    const [d] = ctx.diagnostics;
    expect(d?.code).toBe('FSQL3030');
    expect(d?.message).toBe("Cannot apply '+' to CHAR(1) NOT NULL and INT NOT NULL");
    expect(d?.hint).toBe("cast the string to a number: CAST('1' AS INT)");
    expect(applyFix(text, d!.fixes![0]!)).toBe("CAST('1' AS INT) + n");
  });

  it('concatenates strings with summed lengths', () => {
    expect(type("'a' || 'bc'")).toBe('CHAR(3) NOT NULL');
    expect(type("c || 'x'")).toBe('CHAR(6) NOT NULL');
    expect(type('s || c')).toBe('STRING');
    expect(errors("s || 1")[0]?.hint).toBe('cast the other side: CAST(1 AS STRING)');
  });

  it('compares strings with numbers and dates, but not numbers with booleans', () => {
    expect(type("s = 1")).toBe('BOOLEAN');
    expect(type("dt > '2020-01-01'")).toBe('BOOLEAN');
    expect(type('n = b')).toBe('BOOLEAN NOT NULL');
    expect(errors('n = TRUE')[0]).toMatchObject({ code: 'FSQL3031', message: 'Cannot compare INT NOT NULL with BOOLEAN NOT NULL using =' });
    expect(errors('ts > dt')[0]?.hint).toBe('compare timestamps with timestamps: CAST(dt AS TIMESTAMP(3))');
  });

  it('types IS tests as NOT NULL and BETWEEN / IN / LIKE by their operands', () => {
    expect(type('i IS NULL')).toBe('BOOLEAN NOT NULL');
    expect(type('ok IS NOT TRUE')).toBe('BOOLEAN NOT NULL');
    expect(type('i IS DISTINCT FROM n')).toBe('BOOLEAN NOT NULL');
    expect(type('n BETWEEN 1 AND 10')).toBe('BOOLEAN NOT NULL');
    expect(type('n IN (1, 2, 3)')).toBe('BOOLEAN NOT NULL');
    expect(type('n IN (1, NULL)')).toBe('BOOLEAN');
    expect(type("c LIKE 'a%'")).toBe('BOOLEAN NOT NULL');
    expect(type('s IS JSON OBJECT')).toBe('BOOLEAN NOT NULL');
  });

  it('rejects IN lists without a common type and LIKE on numbers', () => {
    expect(errors("n IN (1, 'a')")[0]).toMatchObject({ code: 'FSQL3032', span: "'a'" });
    expect(errors("n LIKE '1%'")[0]?.code).toBe('FSQL3030');
  });

  it('needs BOOLEAN operands for AND, OR and NOT', () => {
    expect(type('ok AND n > 1')).toBe('BOOLEAN');
    expect(errors('ok AND n')[0]).toMatchObject({ code: 'FSQL3034', span: 'n' });
    expect(errors('NOT s')[0]?.code).toBe('FSQL3034');
  });
});

describe('CASE and CAST', () => {
  it('merges branches with leastRestrictive; no ELSE makes it nullable', () => {
    expect(type("CASE WHEN ok THEN 'a' ELSE 'bc' END")).toBe('VARCHAR(2) NOT NULL');
    expect(type('CASE WHEN ok THEN 1 END')).toBe('INT');
    expect(type('CASE n WHEN 1 THEN b ELSE n END')).toBe('BIGINT NOT NULL');
  });

  it('rejects CASE branches without a common type, and CASE of NULLs only', () => {
    expect(errors("CASE WHEN ok THEN 1 ELSE 'x' END")[0]).toMatchObject({ code: 'FSQL3032', span: "'x'" });
    expect(errors('CASE WHEN ok THEN NULL END')[0]?.code).toBe('FSQL3033');
  });

  it('keeps the operand nullability for CAST; TRY_CAST is always nullable', () => {
    expect(type("CAST('42' AS INT)")).toBe('INT NOT NULL');
    expect(type('CAST(i AS STRING)')).toBe('STRING');
    expect(type('TRY_CAST(n AS BIGINT)')).toBe('BIGINT');
    expect(type('CAST(n AS VARCHAR)')).toBe('STRING NOT NULL');
    expect(type('CAST(n AS DECIMAL)')).toBe('DECIMAL(10, 0) NOT NULL');
    expect(type('CAST(s AS TIME(3))')).toBe('TIME(0)');
  });

  it('reports invalid casts with a route when there is one', () => {
    expect(errors('CAST(ok AS DATE)')[0]).toMatchObject({ code: 'FSQL3020', message: 'CAST cannot convert BOOLEAN to DATE' });
    expect(errors('CAST(dbl AS BOOLEAN)')[0]?.hint).toBe('use a comparison instead: dbl <> 0');
  });

  it('reports number-to-timestamp casts Flink rejects at compile time, with the replacement', () => {
    const text = 'CAST(b AS TIMESTAMP(3))';
    const parsed = parseExpression(text);
    const ctx = contextWith(cols);
    expect(typeExpression(parsed.expression!, ctx)).toEqual(T.timestamp(3, false));
    const [d] = ctx.diagnostics;
    expect(d?.code).toBe('FSQL3021');
    expect(applyFix(text, d!.fixes![0]!)).toBe('TO_TIMESTAMP(FROM_UNIXTIME(b))');
  });
});

describe('special forms', () => {
  it('types EXTRACT, FLOOR TO, POSITION, SUBSTRING, OVERLAY, TRIM', () => {
    expect(type('EXTRACT(YEAR FROM dt)')).toBe('BIGINT');
    expect(type('FLOOR(ts TO HOUR)')).toBe('TIMESTAMP(3)');
    expect(type("POSITION('a' IN c)")).toBe('INT NOT NULL');
    expect(type('SUBSTRING(c FROM 2)')).toBe('VARCHAR(5)');
    expect(type("OVERLAY(c PLACING 'xy' FROM 2)")).toBe('VARCHAR(7) NOT NULL');
    expect(type('TRIM(c)')).toBe('VARCHAR(5) NOT NULL');
    expect(errors('EXTRACT(HOUR FROM dt)')[0]?.code).toBe('FSQL3039');
  });

  it('types TIMESTAMPADD / TIMESTAMPDIFF', () => {
    expect(type('TIMESTAMPADD(DAY, 1, ts)')).toBe('TIMESTAMP(3)');
    expect(type('TIMESTAMPADD(MICROSECOND, 1, ts)')).toBe('TIMESTAMP(6)');
    expect(type('TIMESTAMPADD(HOUR, n, dt)')).toBe('TIMESTAMP(6)');
    expect(type('TIMESTAMPADD(DAY, n, dt)')).toBe('DATE');
    expect(type('TIMESTAMPDIFF(DAY, ts, ts)')).toBe('INT');
  });

  it('types JSON functions with RETURNING', () => {
    expect(type("JSON_VALUE(s, '$.a')")).toBe('STRING');
    expect(type("JSON_VALUE(c, '$.a' RETURNING INT)")).toBe('INT');
    expect(type("JSON_QUERY(s, '$.a' RETURNING ARRAY<STRING>)")).toBe('ARRAY<STRING>');
    expect(type("JSON_EXISTS(c, '$.a')")).toBe('BOOLEAN');
    expect(type("JSON_OBJECT('a' VALUE i)")).toBe('STRING NOT NULL');
    expect(type('JSON_ARRAY(i, s)')).toBe('STRING NOT NULL');
    expect(type("JSON_OBJECTAGG(KEY s VALUE i)")).toBe('VARCHAR(2000) NOT NULL');
  });

  it('types DESCRIPTOR without resolving its column names', () => {
    expect(type('DESCRIPTOR(bidtime)')).toBe('DESCRIPTOR(`bidtime`) NOT NULL');
  });

  it('types ROW, ARRAY and MAP constructors', () => {
    expect(type('ROW(i, s)')).toBe('ROW<`EXPR$0` INT, `EXPR$1` STRING> NOT NULL');
    expect(type('ARRAY[1, 2]')).toBe('ARRAY<INT NOT NULL> NOT NULL');
    expect(type('ARRAY[1, NULL]')).toBe('ARRAY<INT> NOT NULL');
    expect(type("MAP['a', 1]")).toBe('MAP<CHAR(1) NOT NULL, INT NOT NULL> NOT NULL');
    expect(errors("ARRAY[1, 'a']")[0]?.code).toBe('FSQL3032');
    expect(errors("MAP['a']")[0]?.code).toBe('FSQL3002');
  });

  it('types subqueries through the context', () => {
    expect(type('(SELECT 1)')).toBe('INT');
    expect(type('EXISTS (SELECT 1)')).toBe('BOOLEAN NOT NULL');
    expect(type('n IN (SELECT 1)')).toBe('BOOLEAN');
    expect(errors('(SELECT 1)', { subqueries: [{ name: 'a', type: T.int() }, { name: 'b', type: T.int() }] })[0]?.code).toBe('FSQL3037');
  });
});

describe('function calls', () => {
  it('types built-ins case-insensitively', () => {
    expect(type('upper(c)')).toBe('CHAR(5) NOT NULL');
    expect(type('coalesce(i, 0)')).toBe('INT NOT NULL');
    expect(type('CURRENT_TIMESTAMP')).toBe('TIMESTAMP_LTZ(3) NOT NULL');
    expect(type('PROCTIME()')).toBe('TIMESTAMP_LTZ(3) NOT NULL *PROCTIME*');
    expect(type('ROUND(d, 1)')).toBe('DECIMAL(10, 1)');
  });

  it('lists the signatures when the arguments do not fit', () => {
    expect(errors('SUBSTRING(n, 1)')[0]).toMatchObject({
      code: 'FSQL3002', message: 'Function SUBSTRING cannot take (INT NOT NULL, INT NOT NULL). Valid: SUBSTRING(STRING, INT[, INT])',
      span: 'n',
      hint: 'argument 1 is INT NOT NULL, but SUBSTRING expects STRING there; Flink does not convert argument types, so CAST it',
    });
    expect(errors('ARRAY_CONTAINS(arr, TRUE)')[0]).toMatchObject({ span: 'TRUE', hint: expect.stringContaining("a value of the array's element type") });
    // A wrong count blames the whole call.
    expect(errors('UPPER(s, s)')[0]).toMatchObject({ span: 'UPPER(s, s)', hint: 'UPPER takes 1 argument, not 2' });
  });

  it('suggests close names for an unknown function, with a fix for a single candidate', () => {
    const [e] = errors('SUBSTING(s, 1)');
    expect(e).toMatchObject({ code: 'FSQL3001', message: 'No function named SUBSTING', span: 'SUBSTING' });
    expect(e?.hint).toContain('SUBSTRING');
  });

  it('explains a reserved word read as a function, with a fix quoting it', () => {
    const text = 'user';
    const parsed = parseExpression(text);
    const ctx = contextWith(cols);
    typeExpression(parsed.expression!, ctx);
    const [d] = ctx.diagnostics;
    expect(d?.code).toBe('FSQL3001');
    expect(applyFix(text, d!.fixes![0]!)).toBe('`user`');
  });

  it('rejects CURRENT_TIMESTAMP() with a fix removing the parentheses', () => {
    const text = 'CURRENT_TIMESTAMP()';
    const ctx = contextWith(cols);
    expect(typeExpression(parseExpression(text).expression!, ctx)).toEqual(T.timestampLtz(3, false));
    expect(ctx.diagnostics[0]?.code).toBe('FSQL3003');
    expect(applyFix(text, ctx.diagnostics[0]!.fixes![0]!)).toBe('CURRENT_TIMESTAMP');
  });

  it('offers the one close built-in name as a fix', () => {
    const text = 'DATE_FORMT(ts, s)';
    const ctx = contextWith(cols);
    typeExpression(parseExpression(text).expression!, ctx);
    expect(applyFix(text, ctx.diagnostics[0]!.fixes![0]!)).toBe('DATE_FORMAT(ts, s)');
  });

  it('places aggregates only where allowed, never nested', () => {
    expect(type('SUM(i)')).toBe('INT');
    expect(type('SUM(n)')).toBe('INT NOT NULL');
    expect(type('SUM(n)', { globalAggregation: true })).toBe('INT');
    expect(type('SUM(n) FILTER (WHERE n > 0)')).toBe('INT');
    expect(type('COUNT(*)')).toBe('BIGINT NOT NULL');
    expect(type('COUNT(DISTINCT s)')).toBe('BIGINT NOT NULL');
    expect(errors('SUM(i)', { aggregatesAllowed: false })[0]?.code).toBe('FSQL3006');
    expect(errors('SUM(MAX(i))')[0]).toMatchObject({ code: 'FSQL3007', span: 'MAX(i)' });
    // A windowed aggregate runs over the grouped rows: its argument may aggregate.
    expect(errors('AVG(SUM(i)) OVER (PARTITION BY s)')).toEqual([]);
  });

  it('needs OVER for window functions and allows OVER only where windows are', () => {
    expect(type('ROW_NUMBER() OVER (PARTITION BY s ORDER BY ts)')).toBe('BIGINT NOT NULL');
    expect(type('SUM(n) OVER (ORDER BY ts)', { globalAggregation: true })).toBe('INT NOT NULL');
    expect(errors('ROW_NUMBER()')[0]?.code).toBe('FSQL3004');
    expect(errors('SUM(i) OVER (ORDER BY ts)', { overAllowed: false })[0]?.code).toBe('FSQL3008');
    expect(errors('UPPER(s) OVER (ORDER BY ts)')[0]?.code).toBe('FSQL3005');
    expect(errors('UPPER(DISTINCT s)')[0]?.code).toBe('FSQL3009');
  });

  it('uses declared signatures of user functions, and UNKNOWN without them', () => {
    const fn = (name: string, signatures: CatalogFunction['signatures'], kind: CatalogFunction['kind'] = 'scalar'): CatalogFunction => ({
      id: { catalog: 'c', database: 'd', name }, kind, signatures, className: null, language: null, temporary: false, system: false,
      origin: { file: null, span: null },
    });
    const functions = [
      fn('my_len', [{ parameters: [{ name: 's', type: T.string(), optional: false }], variadic: false, returns: T.int(false) }]),
      fn('opaque', []),
      fn('my_agg', [{ parameters: [{ name: 'x', type: T.bigint(), optional: false }], variadic: false, returns: T.bigint() }], 'aggregate'),
    ];
    expect(type('my_len(c)', { functions })).toBe('INT NOT NULL');
    expect(type('opaque(1, s)', { functions })).toBe('UNKNOWN');
    expect(type('my_agg(n)', { functions })).toBe('BIGINT');
    expect(errors('my_len(n)', { functions })[0]?.message).toBe('Function my_len cannot take (INT NOT NULL). Valid: my_len(s STRING)');
    expect(errors('my_agg(n)', { functions, aggregatesAllowed: false })[0]?.code).toBe('FSQL3006');
  });

  it('does not report anything more about UNKNOWN operands', () => {
    const functions: CatalogFunction[] = [{
      id: { catalog: 'c', database: 'd', name: 'opaque' }, kind: 'scalar', signatures: [], className: null, language: null,
      temporary: false, system: false, origin: { file: null, span: null },
    }];
    expect(errors("opaque() + 1 > 'x' AND UPPER(opaque()) = opaque()", { functions })).toEqual([]);
    expect(errors('UPPER(no_such_column) + 1')).toHaveLength(1);
  });
});

describe('long expressions', () => {
  // Longer chains are refused by the parser (MAX_OPERATOR_DEPTH, test/parse/limits.test.ts).
  it('types a 1,900-term chain of operators without exhausting the stack', () => {
    expect(type(Array(1_900).fill('n').join(' + '))).toBe('INT NOT NULL');
    expect(type(Array(950).fill('n = 1').join(' OR '))).toBe('BOOLEAN NOT NULL');
  });

  it('blames the first misfit of a 20,000-branch CASE in linear time', () => {
    const branches = Array(20_000).fill("WHEN n = 1 THEN 'x'");
    branches[15_000] = 'WHEN n = 2 THEN 7';
    const started = Date.now();
    const [e] = errors(`CASE ${branches.join(' ')} END`);
    expect(e).toMatchObject({ code: 'FSQL3032', span: '7' });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('expressionContainsAggregate', () => {
  const has = (text: string): boolean => expressionContainsAggregate(parseExpression(text).expression!);
  it('finds aggregates outside OVER and outside subqueries', () => {
    expect(has('1 + SUM(x)')).toBe(true);
    expect(has('JSON_ARRAYAGG(x)')).toBe(true);
    expect(has('SUM(x) OVER (ORDER BY y)')).toBe(false);
    expect(has('UPPER(s)')).toBe(false);
    expect(has('(SELECT MAX(x) FROM t)')).toBe(false);
    expect(has('ROW_NUMBER() OVER (ORDER BY SUM(x))')).toBe(false);
  });
});

describe('recordType', () => {
  it('reports the type of every node', () => {
    const parsed = parseExpression('i + 1');
    const seen: string[] = [];
    const ctx = { ...contextWith(fields('INT')), recordType: (node: { kind: string }) => { seen.push(node.kind); } };
    typeExpression(parsed.expression!, { ...ctx, resolveColumn: () => T.int() });
    expect(seen).toEqual(['ColumnRef', 'Literal', 'Binary']);
  });
});
