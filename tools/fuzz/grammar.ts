import fc from 'fast-check';

/**
 * Grammar-aware generation of Flink SQL scripts. Names come from small pools shared by the DDL and
 * the queries, so that many generated queries resolve and reach the analyser and the rules instead
 * of stopping at "unknown table".
 */

const TABLES = ['orders', 'clicks', 'users', 'sink_t', 't1', '`my table`', 'cat1.db1.events'];
const COLUMNS = ['id', 'user_id', 'amount', 'name', 'ts', 'proc', 'tags', 'payload', 'price', 'cnt', '`value`', '`Ünïcødé`', 'window_start', 'window_end'];
const FUNCTIONS_1 = ['UPPER', 'LOWER', 'ABS', 'CHAR_LENGTH', 'TRIM', 'FLOOR', 'CEIL', 'MD5', 'SHA256', 'HOUR', 'DAYOFMONTH', 'TO_TIMESTAMP', 'FROM_UNIXTIME', 'CARDINALITY', 'IFNULL', 'LN', 'SQRT', 'INITCAP', 'REVERSE', 'MY_UDF', 'JSON_QUOTE', 'UNIX_TIMESTAMP', 'TYPEOF'];
const FUNCTIONS_N = ['COALESCE', 'CONCAT', 'CONCAT_WS', 'GREATEST', 'LEAST', 'IF', 'NULLIF', 'SUBSTR', 'REGEXP_EXTRACT', 'DATE_FORMAT', 'LPAD', 'SPLIT_INDEX', 'MOD', 'POWER', 'ROUND', 'JSON_VALUE', 'JSON_QUERY', 'STR_TO_MAP', 'TIMESTAMPDIFF', 'ARRAY_CONTAINS', 'MAP_KEYS'];
const AGGREGATES = ['COUNT', 'SUM', 'AVG', 'MIN', 'MAX', 'STDDEV_POP', 'LISTAGG', 'COLLECT', 'FIRST_VALUE', 'LAST_VALUE', 'ARRAY_AGG', 'JSON_ARRAYAGG'];
const RANKING = ['ROW_NUMBER', 'RANK', 'DENSE_RANK', 'PERCENT_RANK', 'CUME_DIST', 'LAG', 'LEAD', 'NTILE'];
const UNITS = ['SECOND', 'MINUTE', 'HOUR', 'DAY', 'MONTH', 'YEAR', 'MILLISECOND', 'WEEK', 'QUARTER'];
const CONNECTORS = ['kafka', 'upsert-kafka', 'filesystem', 'jdbc', 'datagen', 'print', 'blackhole', 'elasticsearch-7', 'hbase-2.2', 'unknown-conn'];
const OPTION_KEYS = ['topic', 'properties.bootstrap.servers', 'format', 'key.format', 'value.format', 'scan.startup.mode', 'path', 'url', 'table-name', 'rows-per-second', 'sink.parallelism', 'scan.watermark.idle-timeout', 'json.fail-on-missing-field', 'lookup.cache', 'fields.id.kind', 'bogus.key'];
const OPTION_VALUES = ['json', 'avro', 'csv', 'earliest-offset', 'latest-offset', 'localhost:9092', '/tmp/x', 'jdbc:mysql://h/db', '10', 'true', 'false', 'PARTIAL', '5 s', '', "it''s", 'ünï'];
const RESERVED_AS_NAMES = ['`timestamp`', '`value`', '`user`', '`time`', '`date`', '`comment`', '`from`', '`order`', 'timestamp', 'value', 'user', 'from'];

const name = (pool: readonly string[]) => fc.constantFrom(...pool);
const column = fc.oneof({ weight: 8, arbitrary: name(COLUMNS) }, { weight: 1, arbitrary: name(RESERVED_AS_NAMES) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', 'b', 'o', 'c', 'x'), name(COLUMNS)).map(([q, c]) => `${q}.${c}`) });
const table = name(TABLES);
const small = fc.integer({ min: 0, max: 40 });

export const literal: fc.Arbitrary<string> = fc.oneof(
  fc.integer().map(String),
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => (Number.isInteger(d) ? `${d}.5` : String(d)).replace('e+', 'E')),
  fc.tuple(fc.nat(99999), fc.nat(999)).map(([a, b]) => `${a}.${b}`),
  fc.tuple(fc.nat(9), fc.integer({ min: -400, max: 400 })).map(([a, e]) => `${a}.5E${e}`),
  fc.string({ maxLength: 12 }).map((s) => `'${s.replace(/'/g, "''")}'`),
  fc.string({ unit: 'grapheme', maxLength: 8 }).map((s) => `'${s.replace(/'/g, "''")}'`),
  fc.string({ unit: 'binary', maxLength: 6 }).map((s) => `'${s.replace(/'/g, "''")}'`),
  fc.uint8Array({ maxLength: 8 }).map((b) => `X'${Buffer.from(b).toString('hex')}'`),
  fc.constantFrom("X'ABC'", "U&'\\0041\\00e9'", "_UTF16'x'", "E'\\n'"),
  fc.constantFrom('TRUE', 'FALSE', 'NULL', 'UNKNOWN'),
  fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `DATE '${y}-${m}-${d}'`),
  fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 })).map(([h, m]) => `TIME '${h}:${m}:00'`),
  fc.tuple(fc.integer({ min: 1970, max: 2100 }), fc.nat(999999999)).map(([y, ns]) => `TIMESTAMP '${y}-01-02 03:04:05.${ns}'`),
  fc.constantFrom("TIMESTAMP_LTZ '2020-01-01 00:00:00'", "TIMESTAMP '2020-13-45 99:99:99'", "DATE 'yesterday'"),
  fc.tuple(fc.integer({ min: -5, max: 100000 }), name(UNITS)).map(([n, u]) => `INTERVAL '${n}' ${u}`),
  fc.constantFrom("INTERVAL '1-2' YEAR TO MONTH", "INTERVAL '1 02:03:04.5' DAY TO SECOND(3)", "INTERVAL '10' SECOND(2, 3)", "INTERVAL '99999999999' DAY", "INTERVAL '1:2' HOUR TO MINUTE"),
);

export const dataType: fc.Arbitrary<string> = fc.letrec<{ type: string }>((untyped) => {
  const tie = (key: 'type'): fc.Arbitrary<string> => untyped(key) as fc.Arbitrary<string>;
  return {
  type: fc.oneof(
    { depthSize: 'xsmall', withCrossShrink: true },
    fc.constantFrom('INT', 'INTEGER', 'BIGINT', 'SMALLINT', 'TINYINT', 'BOOLEAN', 'STRING', 'DOUBLE', 'FLOAT', 'REAL', 'DATE', 'BYTES', 'VARCHAR', 'CHAR', 'DECIMAL', 'TIMESTAMP', 'TIMESTAMP_LTZ', 'TIME', 'NULL', 'RAW(\'a.B\', \'AAA=\')', 'INTERVAL DAY', 'INTERVAL YEAR TO MONTH', 'TIMESTAMP WITH LOCAL TIME ZONE', 'TIMESTAMP(3) WITHOUT TIME ZONE', 'DOUBLE PRECISION', 'VARIANT'),
    fc.tuple(fc.constantFrom('VARCHAR', 'CHAR', 'BINARY', 'VARBINARY', 'TIMESTAMP', 'TIMESTAMP_LTZ', 'TIME', 'DECIMAL', 'NUMERIC'), fc.integer({ min: 0, max: 2147483648 })).map(([t, n]) => `${t}(${n})`),
    fc.tuple(fc.integer({ min: -1, max: 40 }), fc.integer({ min: -1, max: 40 })).map(([p, s]) => `DECIMAL(${p}, ${s})`),
    tie('type').map((t) => `ARRAY<${t}>`),
    tie('type').map((t) => `MULTISET<${t}>`),
    tie('type').map((t) => `${t} ARRAY`),
    fc.tuple(tie('type'), tie('type')).map(([k, v]) => `MAP<${k}, ${v}>`),
    fc.array(fc.tuple(name(COLUMNS), tie('type')), { minLength: 0, maxLength: 3 }).map((fs) => `ROW<${fs.map(([n, t]) => `${n} ${t}`).join(', ')}>`),
    fc.array(fc.tuple(name(COLUMNS), tie('type')), { minLength: 1, maxLength: 3 }).map((fs) => `ROW(${fs.map(([n, t]) => `${n} ${t} 'doc'`).join(', ')})`),
    tie('type').map((t) => `${t} NOT NULL`),
  ),
  };
}).type;

const windowTvf = fc.tuple(fc.constantFrom('TUMBLE', 'HOP', 'CUMULATE', 'SESSION'), table, name(['ts', 'proc', 'amount', 'id']), fc.integer({ min: 0, max: 120 }), name(UNITS)).map(([w, t, c, n, u]) => {
  const size = `INTERVAL '${n}' ${u}`;
  switch (w) {
    case 'TUMBLE': return `TABLE(TUMBLE(TABLE ${t}, DESCRIPTOR(${c}), ${size}))`;
    case 'HOP': return `TABLE(HOP(DATA => TABLE ${t}, TIMECOL => DESCRIPTOR(${c}), SLIDE => INTERVAL '1' MINUTE, SIZE => ${size}))`;
    case 'CUMULATE': return `TABLE(CUMULATE(TABLE ${t}, DESCRIPTOR(${c}), INTERVAL '1' MINUTE, ${size}))`;
    default: return `TABLE(SESSION(TABLE ${t} PARTITION BY id, DESCRIPTOR(${c}), ${size}))`;
  }
});

interface Sql { expr: string; pred: string; query: string; from: string; select: string }

export const sql = fc.letrec<Sql>((untyped) => {
  const tie = (key: keyof Sql): fc.Arbitrary<string> => untyped(key) as fc.Arbitrary<string>;
  return {
  expr: fc.oneof(
    { depthSize: 'xsmall', withCrossShrink: true },
    column,
    literal,
    fc.tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '%', '||'), tie('expr')).map(([a, o, b]) => `${a} ${o} ${b}`),
    tie('expr').map((e) => `(${e})`),
    tie('expr').map((e) => `-${e}`),
    fc.tuple(name(FUNCTIONS_1), tie('expr')).map(([f, e]) => `${f}(${e})`),
    fc.tuple(name(FUNCTIONS_N), fc.array(tie('expr'), { maxLength: 4 })).map(([f, a]) => `${f}(${a.join(', ')})`),
    fc.tuple(fc.constantFrom('CAST', 'TRY_CAST'), tie('expr'), dataType).map(([c, e, t]) => `${c}(${e} AS ${t})`),
    fc.tuple(fc.array(fc.tuple(tie('pred'), tie('expr')), { minLength: 1, maxLength: 3 }), fc.option(tie('expr'))).map(([ws, e]) => `CASE ${ws.map(([p, v]) => `WHEN ${p} THEN ${v}`).join(' ')}${e === null ? '' : ` ELSE ${e}`} END`),
    fc.tuple(tie('expr'), fc.array(fc.tuple(literal, tie('expr')), { minLength: 1, maxLength: 3 })).map(([x, ws]) => `CASE ${x} ${ws.map(([l, v]) => `WHEN ${l} THEN ${v}`).join(' ')} END`),
    fc.tuple(name(AGGREGATES), fc.boolean(), tie('expr')).map(([f, d, e]) => `${f}(${d ? 'DISTINCT ' : ''}${e})`),
    fc.constantFrom('COUNT(*)', 'PROCTIME()', 'CURRENT_TIMESTAMP', 'NOW()', 'LOCALTIMESTAMP', 'CURRENT_DATE', 'RAND()', 'UUID()', 'CURRENT_WATERMARK(ts)'),
    fc.tuple(name([...AGGREGATES, ...RANKING]), fc.array(tie('expr'), { maxLength: 2 }), fc.array(column, { maxLength: 2 }), fc.array(column, { maxLength: 2 }), fc.constantFrom('', ' ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW', " RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW", ' ROWS BETWEEN 5 PRECEDING AND CURRENT ROW', ' ROWS 10 PRECEDING'))
      .map(([f, a, p, o, frame]) => `${f}(${a.join(', ')}) OVER (${p.length ? `PARTITION BY ${p.join(', ')} ` : ''}${o.length ? `ORDER BY ${o.join(', ')}` : ''}${frame})`),
    fc.tuple(tie('expr'), fc.constantFrom('YEAR', 'MONTH', 'DAY', 'HOUR', 'EPOCH', 'DOW')).map(([e, u]) => `EXTRACT(${u} FROM ${e})`),
    fc.tuple(name(UNITS), tie('expr'), tie('expr')).map(([u, a, b]) => `TIMESTAMPADD(${u}, ${a}, ${b})`),
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `POSITION(${a} IN ${b})`),
    fc.tuple(tie('expr'), small, small).map(([e, a, b]) => `SUBSTRING(${e} FROM ${a} FOR ${b})`),
    fc.tuple(fc.constantFrom('BOTH', 'LEADING', 'TRAILING'), tie('expr')).map(([w, e]) => `TRIM(${w} ' ' FROM ${e})`),
    fc.array(tie('expr'), { minLength: 0, maxLength: 3 }).map((a) => `ARRAY[${a.join(', ')}]`),
    fc.array(tie('expr'), { minLength: 0, maxLength: 3 }).map((a) => `ROW(${a.join(', ')})`),
    fc.array(tie('expr'), { minLength: 1, maxLength: 3 }).map((a) => `(${a.join(', ')})`),
    fc.array(fc.tuple(tie('expr'), tie('expr')), { maxLength: 2 }).map((a) => `MAP[${a.map(([k, v]) => `${k}, ${v}`).join(', ')}]`),
    fc.tuple(tie('expr'), fc.integer({ min: -1, max: 5 })).map(([e, i]) => `${e}[${i}]`),
    fc.tuple(column, name(COLUMNS)).map(([e, f]) => `${e}.${f}`),
    fc.tuple(tie('expr'), fc.constantFrom("'$.a'", "'$.a[0].b'", "'strict $.x'", "'$'", "'lax $.*'", "'$..'")).map(([e, p]) => `JSON_VALUE(${e}, ${p} RETURNING INT DEFAULT 0 ON ERROR)`),
    fc.array(fc.tuple(literal, tie('expr')), { maxLength: 2 }).map((a) => `JSON_OBJECT(${a.map(([k, v]) => `KEY ${k} VALUE ${v}`).join(', ')})`),
    tie('query').map((q) => `(${q})`),
  ),
  pred: fc.oneof(
    { depthSize: 'xsmall', withCrossShrink: true },
    fc.tuple(tie('expr'), fc.constantFrom('=', '<>', '<', '>', '<=', '>=', '!=', 'IS DISTINCT FROM'), tie('expr')).map(([a, o, b]) => `${a} ${o} ${b}`),
    fc.tuple(tie('pred'), fc.constantFrom('AND', 'OR'), tie('pred')).map(([a, o, b]) => `${a} ${o} ${b}`),
    tie('pred').map((p) => `NOT (${p})`),
    fc.tuple(tie('expr'), fc.constantFrom('IS NULL', 'IS NOT NULL', 'IS TRUE', 'IS NOT FALSE')).map(([e, s]) => `${e} ${s}`),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([a, b, c]) => `${a} BETWEEN ${b} AND ${c}`),
    fc.tuple(tie('expr'), fc.array(literal, { minLength: 1, maxLength: 4 })).map(([e, l]) => `${e} IN (${l.join(', ')})`),
    fc.tuple(tie('expr'), tie('query')).map(([e, q]) => `${e} NOT IN (${q})`),
    tie('query').map((q) => `EXISTS (${q})`),
    fc.tuple(tie('expr'), fc.string({ maxLength: 6 })).map(([e, s]) => `${e} LIKE '${s.replace(/'/g, "''")}%' ESCAPE '!'`),
    fc.tuple(tie('expr'), literal).map(([e, l]) => `${e} SIMILAR TO ${l}`),
    fc.constantFrom('TRUE', 'ts > CURRENT_TIMESTAMP', "proc BETWEEN o.ts - INTERVAL '1' HOUR AND o.ts"),
  ),
  from: fc.oneof(
    { depthSize: 'xsmall', withCrossShrink: true },
    table,
    fc.tuple(table, fc.constantFrom('a', 'b', 'o', 'c', 'x')).map(([t, a]) => `${t} AS ${a}`),
    fc.tuple(table, fc.constantFrom("OPTIONS('scan.startup.mode'='earliest-offset')", "LOOKUP('table'='c', 'retry-predicate'='lookup_miss')", 'BROADCAST(x)', 'STATE_TTL(\'a\' = \'1d\')')).map(([t, h]) => `${t} /*+ ${h} */`),
    windowTvf,
    tie('query').map((q) => `(${q}) AS x`),
    fc.tuple(tie('from'), fc.constantFrom('JOIN', 'LEFT JOIN', 'RIGHT OUTER JOIN', 'FULL JOIN', 'INNER JOIN', 'LEFT OUTER JOIN'), tie('from'), tie('pred')).map(([a, j, b, p]) => `${a} ${j} ${b} ON ${p}`),
    fc.tuple(tie('from'), tie('from')).map(([a, b]) => `${a} CROSS JOIN ${b}`),
    fc.tuple(tie('from'), tie('from'), fc.array(column, { minLength: 1, maxLength: 2 })).map(([a, b, c]) => `${a} JOIN ${b} USING (${c.join(', ')})`),
    fc.tuple(tie('from'), table, column).map(([a, t, c]) => `${a} JOIN ${t} FOR SYSTEM_TIME AS OF ${c} AS d ON d.id = ${c}`),
    fc.tuple(tie('from'), tie('expr')).map(([a, e]) => `${a}, LATERAL TABLE(MY_TVF(${e})) AS T(w, n)`),
    fc.tuple(tie('from'), tie('expr')).map(([a, e]) => `${a} CROSS JOIN UNNEST(${e}) AS u (v)`),
    fc.array(fc.array(literal, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }).map((rows) => `(VALUES ${rows.map((r) => `(${r.join(', ')})`).join(', ')}) AS v(a, b, c)`),
  ),
  select: fc.tuple(
    fc.boolean(),
    fc.array(fc.oneof(tie('expr'), fc.tuple(tie('expr'), name(COLUMNS)).map(([e, a]) => `${e} AS ${a}`), fc.constant('*'), fc.constant('a.*')), { minLength: 1, maxLength: 4 }),
    tie('from'),
    fc.option(tie('pred')),
    fc.option(fc.oneof(
      fc.array(tie('expr'), { minLength: 1, maxLength: 3 }).map((g) => g.join(', ')),
      fc.constant('window_start, window_end'),
      fc.array(column, { minLength: 1, maxLength: 2 }).map((g) => `GROUPING SETS ((${g.join(', ')}), ())`),
      fc.array(column, { minLength: 1, maxLength: 2 }).map((g) => `ROLLUP (${g.join(', ')})`),
      fc.array(column, { minLength: 1, maxLength: 2 }).map((g) => `CUBE (${g.join(', ')})`),
      fc.tuple(column, fc.integer({ min: 0, max: 60 })).map(([c, n]) => `TUMBLE(${c}, INTERVAL '${n}' MINUTE)`),
    )),
    fc.option(tie('pred')),
    fc.option(fc.array(fc.tuple(tie('expr'), fc.constantFrom('', ' ASC', ' DESC', ' DESC NULLS LAST')), { minLength: 1, maxLength: 2 })),
    fc.option(fc.integer({ min: -1, max: 2 ** 40 })),
  ).map(([distinct, items, from, where, group, having, order, limit]) =>
    `SELECT ${distinct ? 'DISTINCT ' : ''}${items.join(', ')} FROM ${from}`
    + (where === null ? '' : ` WHERE ${where}`)
    + (group === null ? '' : ` GROUP BY ${group}`)
    + (having === null ? '' : ` HAVING ${having}`)
    + (order === null ? '' : ` ORDER BY ${order.map(([e, d]) => e + d).join(', ')}`)
    + (limit === null ? '' : ` LIMIT ${limit}`)),
  query: fc.oneof(
    { depthSize: 'xsmall', withCrossShrink: true },
    tie('select'),
    fc.tuple(tie('query'), fc.constantFrom('UNION ALL', 'UNION', 'INTERSECT', 'EXCEPT', 'MINUS'), tie('query')).map(([a, o, b]) => `${a} ${o} ${b}`),
    fc.tuple(name(['cte', 'w', 'x']), tie('query'), tie('query')).map(([n, a, b]) => `WITH ${n} AS (${a}) ${b}`),
    fc.tuple(column, column, table, fc.integer({ min: 0, max: 10 })).map(([p, o, t, n]) =>
      `SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY ${p} ORDER BY ${o} DESC) AS rn FROM ${t}) WHERE rn <= ${n}`),
    fc.tuple(table, column).map(([t, c]) =>
      `SELECT * FROM ${t} MATCH_RECOGNIZE (PARTITION BY id ORDER BY ${c} MEASURES A.id AS aid, LAST(B.ts) AS bts ONE ROW PER MATCH AFTER MATCH SKIP PAST LAST ROW PATTERN (A B+ C?) WITHIN INTERVAL '1' HOUR DEFINE A AS A.amount > 10, B AS B.amount < A.amount)`),
  ),
  };
});

const columnDef = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(column, dataType, fc.constantFrom('', ' NOT NULL', " COMMENT 'c'", ' PRIMARY KEY NOT ENFORCED')).map(([c, t, s]) => `${c} ${t}${s}`) },
  { weight: 1, arbitrary: fc.tuple(name(COLUMNS), sql.expr).map(([c, e]) => `${c} AS ${e}`) },
  { weight: 1, arbitrary: fc.tuple(name(COLUMNS), dataType, fc.constantFrom("METADATA FROM 'timestamp'", 'METADATA VIRTUAL', "METADATA FROM 'offset' VIRTUAL", "METADATA FROM 'nope'")).map(([c, t, m]) => `${c} ${t} ${m}`) },
);

const options = fc.array(fc.tuple(name(OPTION_KEYS), name(OPTION_VALUES)), { maxLength: 5 });
const withClause = fc.tuple(name(CONNECTORS), options).map(([c, o]) => `WITH ('connector' = '${c}'${o.map(([k, v]) => `, '${k}' = '${v}'`).join('')})`);

export const createTable = fc.tuple(
  table,
  fc.array(columnDef, { minLength: 1, maxLength: 7 }),
  fc.option(fc.tuple(name(['ts', 'proc', 'amount', 'name']), fc.oneof(
    fc.constant('ts'), fc.tuple(fc.nat(60), name(UNITS)).map(([n, u]) => `ts - INTERVAL '${n}' ${u}`), sql.expr,
  )).map(([c, e]) => `WATERMARK FOR ${c} AS ${e}`)),
  fc.option(fc.array(column, { minLength: 1, maxLength: 2 }).map((k) => `PRIMARY KEY (${k.join(', ')}) NOT ENFORCED`)),
  fc.option(fc.array(column, { minLength: 1, maxLength: 2 }).map((k) => `PARTITIONED BY (${k.join(', ')})`)),
  withClause,
  fc.option(fc.tuple(table, fc.constantFrom('', ' (EXCLUDING ALL)', ' (INCLUDING OPTIONS EXCLUDING WATERMARKS)', ' (OVERWRITING GENERATED)'))),
).map(([t, cols, wm, pk, part, w, like]) =>
  `CREATE TABLE ${t} (\n  ${[...cols, ...(wm ? [wm] : []), ...(pk ? [pk] : [])].join(',\n  ')}\n)${part ? ` ${part}` : ''} ${w}${like ? ` LIKE ${like[0]}${like[1]}` : ''}`);

export const statement: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: createTable },
  { weight: 5, arbitrary: sql.query },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom('INSERT INTO', 'INSERT OVERWRITE'), table, fc.option(fc.array(column, { minLength: 1, maxLength: 3 })), sql.query).map(([i, t, cs, q]) => `${i} ${t}${cs ? ` (${cs.join(', ')})` : ''} ${q}`) },
  { weight: 1, arbitrary: fc.tuple(table, sql.query).map(([t, q]) => `CREATE VIEW ${t} AS ${q}`) },
  { weight: 1, arbitrary: fc.tuple(table, withClause, sql.query).map(([t, w, q]) => `CREATE TABLE ${t} ${w} AS ${q}`) },
  { weight: 1, arbitrary: fc.tuple(name([...OPTION_KEYS, 'table.exec.state.ttl', 'execution.runtime-mode', 'table.sql-dialect', 'parallelism.default', 'table.exec.mini-batch.enabled']), name([...OPTION_VALUES, 'batch', 'streaming', 'hive', 'default', '1 h'])).map(([k, v]) => `SET '${k}' = '${v}'`) },
  { weight: 1, arbitrary: sql.query.map((q) => `EXPLAIN PLAN FOR ${q}`) },
  { weight: 1, arbitrary: fc.array(fc.tuple(table, sql.query).map(([t, q]) => `INSERT INTO ${t} ${q};`), { minLength: 0, maxLength: 2 }).map((ins) => `BEGIN STATEMENT SET;\n${ins.join('\n')}\nEND`) },
  { weight: 1, arbitrary: fc.constantFrom('USE CATALOG c1', 'USE db1', 'SHOW TABLES', 'DROP TABLE IF EXISTS orders', "CREATE FUNCTION my_udf AS 'com.x.MyUdf' LANGUAGE JAVA", "ALTER TABLE orders SET ('k' = 'v')", 'ALTER TABLE orders ADD (z INT)', 'DESCRIBE orders', 'CREATE CATALOG c1 WITH (\'type\' = \'generic_in_memory\')', 'RESET', 'ANALYZE TABLE orders COMPUTE STATISTICS') },
);

/** A script: some DDL so names resolve, then statements, joined by semicolons (sometimes without the last one). */
export const script: fc.Arbitrary<string> = fc.tuple(
  fc.array(createTable, { minLength: 0, maxLength: 3 }),
  fc.array(statement, { minLength: 1, maxLength: 4 }),
  fc.boolean(),
).map(([ddl, stmts, trailing]) => [...ddl, ...stmts].join(';\n') + (trailing ? ';\n' : ''));
