/** The AST the builder produces for the constructs later passes depend on most. */
import { describe, expect, it } from 'vitest';
import type * as A from '../../src/ast/nodes.js';
import { parseDataType, parseExpression, parseScript } from '../../src/parse/index.js';

function statement<K extends A.Statement['kind']>(sql: string, kind: K): Extract<A.Statement, { kind: K }> {
  const result = parseScript(sql);
  expect(result.diagnostics).toEqual([]);
  const ast = result.statements[0]!.ast!;
  expect(ast.kind).toBe(kind);
  return ast as Extract<A.Statement, { kind: K }>;
}

function select(sql: string): A.Select {
  const body = statement(sql, 'QueryStatement').query.body;
  expect(body.kind).toBe('Select');
  return body as A.Select;
}

function expr(sql: string): A.Expression {
  const result = parseExpression(sql);
  expect(result.diagnostics).toEqual([]);
  return result.expression!;
}

describe('AST builder', () => {
  it('builds CREATE TABLE with physical, computed and metadata columns, watermark, key and options', () => {
    const sql = `CREATE TABLE IF NOT EXISTS db.orders (
      id BIGINT NOT NULL,
      amount DECIMAL(10, 2),
      total AS amount * 2,
      ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL,
      WATERMARK FOR ts AS ts - INTERVAL '5' SECOND,
      PRIMARY KEY (id) NOT ENFORCED
    ) COMMENT 'orders' PARTITIONED BY (id) WITH ('connector' = 'kafka', 'topic' = 'orders')`;
    const t = statement(sql, 'CreateTable');
    expect(t.ifNotExists).toBe(true);
    expect(t.name.parts.map((p) => p.value)).toEqual(['db', 'orders']);
    expect(t.elements.map((e) => e.kind)).toEqual(['PhysicalColumn', 'PhysicalColumn', 'ComputedColumn', 'MetadataColumn', 'WatermarkDefinition', 'TableConstraint']);
    const id = t.elements[0] as A.PhysicalColumn;
    expect(id.type).toMatchObject({ name: 'BIGINT', nullable: false });
    expect((t.elements[1] as A.PhysicalColumn).type).toMatchObject({ name: 'DECIMAL', args: [10, 2], nullable: null });
    expect(t.elements[3]).toMatchObject({ metadataKey: 'timestamp', virtual: true, type: { name: 'TIMESTAMP_LTZ', args: [3] } });
    expect(t.elements[5]).toMatchObject({ type: 'PRIMARY KEY', enforced: false });
    expect(t.comment).toBe('orders');
    expect(t.options.map((o) => [o.key, o.value])).toEqual([['connector', 'kafka'], ['topic', 'orders']]);
    expect(sql.slice(t.options[1]!.valueSpan.start, t.options[1]!.valueSpan.end)).toBe("'orders'");
  });

  it('builds window table functions with positional and named arguments', () => {
    const positional = select("SELECT * FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTE))");
    const fn = positional.from[0] as A.TableFunction;
    expect(fn).toMatchObject({ kind: 'TableFunction', wrapped: true });
    expect(fn.call.name.parts[0]!.value).toBe('TUMBLE');
    expect(fn.call.args.map((a) => a.kind)).toEqual(['TableArgument', 'FunctionCall', 'IntervalLiteral']);
    const named = select("SELECT * FROM TABLE(HOP(DATA => TABLE t, TIMECOL => DESCRIPTOR(ts), SLIDE => INTERVAL '5' MINUTE, SIZE => INTERVAL '10' MINUTE))");
    const args = (named.from[0] as A.TableFunction).call.args as A.NamedArgument[];
    expect(args.map((a) => a.name.value)).toEqual(['DATA', 'TIMECOL', 'SLIDE', 'SIZE']);
  });

  it('builds joins: temporal, lateral table function, unnest, interval conditions', () => {
    const s = select(`SELECT * FROM orders AS o
      JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.cur = r.cur
      LEFT JOIN LATERAL TABLE(split(o.tags)) AS t(tag) ON TRUE
      CROSS JOIN UNNEST(o.items) AS i(item)`);
    const outer = s.from[0] as A.Join;
    expect(outer.joinType).toBe('CROSS');
    expect((outer.right as A.Unnest).alias?.columns.map((c) => c.value)).toEqual(['item']);
    const middle = outer.left as A.Join;
    expect(middle.joinType).toBe('LEFT');
    expect(middle.right).toMatchObject({ kind: 'TableFunction', lateral: true, wrapped: true });
    const inner = middle.left as A.Join;
    expect((inner.right as A.NamedTable).systemTime).toMatchObject({ kind: 'ColumnRef' });
  });

  it('builds OVER windows, FILTER, DISTINCT and named windows', () => {
    const s = select(`SELECT COUNT(DISTINCT a) FILTER (WHERE b > 0),
        SUM(x) OVER (PARTITION BY k ORDER BY ts RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW),
        ROW_NUMBER() OVER w
      FROM t WINDOW w AS (ORDER BY ts)`);
    const [count, sum, rowNumber] = s.items.map((i) => i.expr as A.FunctionCall);
    expect(count).toMatchObject({ quantifier: 'DISTINCT', filter: { kind: 'Binary', op: '>' } });
    const spec = sum!.over as A.WindowSpec;
    expect(spec.frame).toMatchObject({ units: 'RANGE', start: { bound: 'PRECEDING' }, end: { bound: 'CURRENT ROW' } });
    expect(rowNumber!.over).toMatchObject({ kind: 'Identifier', value: 'w' });
    expect(s.windows[0]!.name.value).toBe('w');
  });

  it('builds MATCH_RECOGNIZE with its pattern', () => {
    const s = select(`SELECT * FROM ticks MATCH_RECOGNIZE (
        PARTITION BY sym ORDER BY ts
        MEASURES FIRST(A.price) AS start_price, LAST(B.price) AS end_price
        ONE ROW PER MATCH AFTER MATCH SKIP PAST LAST ROW
        PATTERN (A B+? C{2,})
        DEFINE B AS B.price < PREV(B.price), C AS C.price > 10
      ) AS m`);
    const m = s.from[0] as A.MatchRecognize;
    expect(m.kind).toBe('MatchRecognize');
    expect(m.measures.map((x) => x.alias.value)).toEqual(['start_price', 'end_price']);
    expect(m.afterMatch?.skip).toBe('PAST LAST ROW');
    const pattern = m.pattern as Extract<A.RowPattern, { kind: 'PatternSequence' }>;
    expect(pattern.items.map((p) => p.kind)).toEqual(['PatternVariable', 'PatternQuantified', 'PatternQuantified']);
    expect((pattern.items[1] as Extract<A.RowPattern, { kind: 'PatternQuantified' }>).quantifier).toMatchObject({ min: 1, max: null, reluctant: true });
    expect((pattern.items[2] as Extract<A.RowPattern, { kind: 'PatternQuantified' }>).quantifier).toMatchObject({ min: 2, max: null });
    expect(m.alias?.name.value).toBe('m');
  });

  it('builds grouping sets, rollup and cube', () => {
    const s = select('SELECT a, b FROM t GROUP BY GROUPING SETS ((a, b), (a), ()), ROLLUP (a), CUBE (a, b)');
    expect(s.groupBy!.elements.map((e) => e.kind)).toEqual(['GroupingSets', 'Rollup', 'Cube']);
  });

  it('keeps operator precedence and BETWEEN bounds', () => {
    const e = expr('a OR b AND NOT c = 1 + 2 * 3') as A.Binary;
    expect(e.op).toBe('OR');
    const and = e.right as A.Binary;
    expect(and.op).toBe('AND');
    const not = and.right as A.Unary;
    expect(not.op).toBe('NOT');
    const eq = not.operand as A.Binary;
    expect(eq.op).toBe('=');
    expect((eq.right as A.Binary).op).toBe('+');
    const between = expr('x BETWEEN a - 1 AND b + 1 AND y') as A.Binary;
    expect(between.op).toBe('AND');
    expect(between.left).toMatchObject({ kind: 'Between', low: { kind: 'Binary', op: '-' }, high: { kind: 'Binary', op: '+' } });
  });

  it('builds special function syntax', () => {
    expect(expr('CAST(a AS DECIMAL(10, 2))')).toMatchObject({ kind: 'Cast', type: { name: 'DECIMAL', args: [10, 2] } });
    expect(expr('TRY_CAST(a AS INT)')).toMatchObject({ kind: 'Cast', tryCast: true });
    expect(expr('EXTRACT(DAY FROM ts)')).toMatchObject({ kind: 'Extract', unit: 'DAY' });
    expect(expr('FLOOR(ts TO HOUR)')).toMatchObject({ kind: 'FloorCeil', fn: 'FLOOR', unit: 'HOUR' });
    expect(expr('TIMESTAMPDIFF(SECOND, a, b)')).toMatchObject({ kind: 'TimestampFunction', unit: 'SECOND' });
    expect(expr("JSON_VALUE(j, '$.a' RETURNING INT DEFAULT 0 ON EMPTY NULL ON ERROR)")).toMatchObject({
      kind: 'JsonValue', returning: { name: 'INT' },
      behaviors: [{ behavior: 'DEFAULT', on: 'EMPTY' }, { behavior: 'NULL', on: 'ERROR' }],
    });
    expect(expr("JSON_OBJECT(KEY 'a' VALUE 1, 'b' : x ABSENT ON NULL)")).toMatchObject({ kind: 'JsonObject', onNull: 'ABSENT' });
    expect(expr("TRIM(LEADING 'x' FROM s)")).toMatchObject({ kind: 'Trim', side: 'LEADING' });
    expect(expr('CURRENT_TIMESTAMP')).toMatchObject({ kind: 'FunctionCall', niladic: true });
    expect(expr("MAP['a', 1]")).toMatchObject({ kind: 'CollectionConstructor', collection: 'MAP' });
    expect(expr('ARRAY[1, 2][1]')).toMatchObject({ kind: 'Subscript' });
    expect(expr('t.a.b')).toMatchObject({ kind: 'ColumnRef', parts: [{ value: 't' }, { value: 'a' }, { value: 'b' }] });
    expect(expr("INTERVAL '1 02:03' DAY TO MINUTE")).toMatchObject({ kind: 'IntervalLiteral', qualifier: { start: 'DAY', end: 'MINUTE' } });
  });

  it('reads string literals: escapes, prefixes and continuation across lines', () => {
    expect(expr("'it''s'")).toMatchObject({ kind: 'Literal', type: 'STRING', value: "it's" });
    expect(expr("N'abc'")).toMatchObject({ prefix: 'N', value: 'abc' });
    expect(expr("'ab'\n'cd'")).toMatchObject({ value: 'abcd' });
    expect(expr("X'0aFF'")).toMatchObject({ type: 'BINARY', value: '0AFF' });
  });

  it('parses Flink types with nesting and nullability', () => {
    const t = parseDataType('ROW<`a` INT NOT NULL, b ARRAY<MAP<STRING, DECIMAL(5, 1)>> \'desc\'>').type!;
    expect(t.name).toBe('ROW');
    expect(t.fields[0]).toMatchObject({ name: { value: 'a', quoted: true }, type: { name: 'INT', nullable: false } });
    expect(t.fields[1]!.description).toBe('desc');
    expect(t.fields[1]!.type.element?.key?.name).toBe('STRING');
    expect(parseDataType('INT ARRAY NOT NULL').type).toMatchObject({ name: 'ARRAY', nullable: false, element: { name: 'INT' } });
    expect(parseDataType('TIMESTAMP(3) WITH LOCAL TIME ZONE').type).toMatchObject({ name: 'TIMESTAMP_LTZ', args: [3] });
    expect(parseDataType('VARCHAR(').diagnostics.length).toBeGreaterThan(0);
  });

  it('builds INSERT with partition and column list, statement sets, and SET', () => {
    const insert = statement("INSERT OVERWRITE t /*+ OPTIONS('sink.parallelism' = '2') */ PARTITION (dt = '2024-01-01') (a, b) SELECT a, b FROM s", 'Insert');
    expect(insert.overwrite).toBe(true);
    expect(insert.hints[0]!.options[0]).toMatchObject({ key: 'sink.parallelism', value: '2' });
    expect(insert.partition[0]!.column.value).toBe('dt');
    expect(insert.columns?.map((c) => c.value)).toEqual(['a', 'b']);
    const set = statement('EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT 1; INSERT INTO b SELECT 2; END', 'Execute');
    expect((set.statement as A.StatementSet).inserts).toHaveLength(2);
    expect(statement("SET 'table.exec.state.ttl' = '1 h'", 'Set')).toMatchObject({ key: { key: 'table.exec.state.ttl', quoted: true }, value: '1 h' });
  });

  it('gives every node a span inside its parent', () => {
    const sql = "SELECT a + 1 AS b, f(c) FROM t WHERE d IN (1, 2) GROUP BY a";
    const ast = statement(sql, 'QueryStatement');
    const check = (node: unknown, outer: { start: number; end: number }): void => {
      if (Array.isArray(node)) { node.forEach((n) => check(n, outer)); return; }
      if (!node || typeof node !== 'object') return;
      const span = (node as { span?: { start: number; end: number } }).span;
      if (span) {
        expect(span.start).toBeGreaterThanOrEqual(outer.start);
        expect(span.end).toBeLessThanOrEqual(outer.end);
      }
      for (const [key, value] of Object.entries(node)) if (key !== 'span') check(value, span ?? outer);
    };
    check(ast, { start: 0, end: sql.length });
  });
});

describe('Unicode string literals', () => {
  it('decodes U& escapes, with the default or a UESCAPE character', () => {
    expect(expr("U&'\\0041\\+01F600x'")).toMatchObject({ kind: 'Literal', type: 'STRING', value: 'A😀x', prefix: null });
    expect(expr("U&'!0041!!' UESCAPE '!'")).toMatchObject({ value: 'A!' });
  });

  it('reports a broken escape', () => {
    const result = parseExpression("U&'\\zz'");
    expect(result.diagnostics.map((d) => d.code)).toEqual(['FSQL1025']);
  });
});
