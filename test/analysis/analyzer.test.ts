import { describe, expect, it } from 'vitest';
import { catalogFromDdl } from '../../src/analysis/analyze.js';
import { printChangelogMode } from '../../src/analysis/schema.js';
import { printType } from '../../src/analysis/types/logical-type.js';
import { validateScript } from '../../src/validate.js';

const DDL = `CREATE TABLE orders (
  order_id BIGINT, user_id STRING, amount DECIMAL(10, 2), product STRING,
  order_time TIMESTAMP(3), proc AS PROCTIME(),
  WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH ('connector' = 'kafka', 'properties.bootstrap.servers' = 'k:9092', 'topic' = 'orders', 'format' = 'json');
CREATE TABLE rates (currency STRING, rate DECIMAL(10, 4), update_time TIMESTAMP(3),
  PRIMARY KEY (currency) NOT ENFORCED, WATERMARK FOR update_time AS update_time
) WITH ('connector' = 'upsert-kafka', 'properties.bootstrap.servers' = 'k:9092', 'topic' = 'rates', 'key.format' = 'json', 'value.format' = 'json');
CREATE TABLE plain (id BIGINT, ts TIMESTAMP(3)) WITH ('connector' = 'datagen');
`;

function run(sql: string) {
  const result = validateScript(DDL + sql, { rules: false });
  const last = result.statements[result.statements.length - 1]!;
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  return { result, last, errors, codes: errors.map((e) => e.code), messages: errors.map((e) => e.message) };
}

describe('names', () => {
  it('reports an unknown table with the tables that exist', () => {
    const { codes, errors } = run('SELECT * FROM ordrs');
    expect(codes).toContain('FSQL2001');
    expect(errors[0]!.message).toContain("'ordrs'");
    expect(errors[0]!.message).toContain("Did you mean 'orders'?");
    expect(errors[0]!.fixes?.[0]?.edits[0]?.text).toBe('orders');
  });

  it('reports an unknown column with a suggestion and the available columns, at the column', () => {
    const { errors, result } = run('SELECT user_idd FROM orders');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toBe("Column 'user_idd' not found in table 'orders'. Did you mean 'user_id'?");
    expect(errors[0]!.hint).toContain('order_id, user_id, amount');
    expect(result.source.text.slice(errors[0]!.span.start, errors[0]!.span.end)).toBe('user_idd');
  });

  it('reports an ambiguous column in a join and offers both qualifications', () => {
    const { errors } = run('SELECT user_id FROM orders o JOIN orders p ON o.order_id = p.order_id');
    expect(errors[0]!.code).toBe('FSQL2003');
    expect(errors[0]!.fixes?.map((f) => f.edits[0]!.text)).toEqual(['o.user_id', 'p.user_id']);
  });

  it('reports an unknown qualifier', () => {
    expect(run('SELECT x.user_id FROM orders o').codes).toEqual(['FSQL2004']);
  });

  it('resolves CTEs, derived tables with column aliases, and correlated subqueries', () => {
    const { errors, last } = run(`WITH big AS (SELECT order_id, amount FROM orders WHERE amount > 100)
SELECT t.id, t.amt FROM (SELECT order_id, amount FROM big) AS t (id, amt)
WHERE EXISTS (SELECT 1 FROM orders o WHERE o.order_id = t.id)`);
    expect(errors).toEqual([]);
    expect(last.analysis!.schema!.map((c) => c.name)).toEqual(['id', 'amt']);
  });

  it('checks GROUP BY: a selected column must be grouped or aggregated', () => {
    const { errors } = run('SELECT user_id, product, COUNT(*) FROM orders GROUP BY user_id');
    expect(errors.map((e) => e.code)).toEqual(['FSQL2010']);
    expect(errors[0]!.message).toContain("'product'");
  });

  it('checks GROUP BY: an expression key matches the same expression in the select list, next to column keys', () => {
    expect(run("SELECT REGEXP_EXTRACT(product, '[^/]+') AS p, user_id, COUNT(*) FROM orders GROUP BY REGEXP_EXTRACT(product, '[^/]+'), user_id").errors).toEqual([]);
    expect(run('SELECT UPPER(product), user_id, COUNT(*) FROM orders GROUP BY product, user_id').errors).toEqual([]);
    const { errors } = run('SELECT product, user_id, COUNT(*) FROM orders GROUP BY UPPER(product), user_id');
    expect(errors.map((e) => e.code)).toEqual(['FSQL2010']);
    expect(errors[0]!.message).toContain("'product'");
  });

  it('checks GROUP BY: JSON_ARRAYAGG and JSON_OBJECTAGG are aggregates; an unknown function is reported once, not its arguments', () => {
    expect(run('SELECT user_id, JSON_ARRAYAGG(product), JSON_OBJECTAGG(KEY product VALUE amount) FROM orders GROUP BY user_id').errors).toEqual([]);
    const global = run('SELECT JSON_ARRAYAGG(product) FROM orders');
    expect(global.errors).toEqual([]);
    expect(printChangelogMode(global.last.analysis!.changelog!)).not.toBe('[I]');
    expect(run('SELECT user_id, AVERAGE(amount) FROM orders GROUP BY user_id').codes).toEqual(['FSQL3001']);
  });

  it('a persisted METADATA column of a table the script writes must be writable', () => {
    const kafka = (columns: string) => `CREATE TABLE k (id BIGINT, ${columns}) WITH ('connector' = 'kafka', 'topic' = 't', 'properties.bootstrap.servers' = 'k:9092', 'format' = 'json');\n`;
    const written = run(kafka("part INT METADATA FROM 'partition'") + 'INSERT INTO k SELECT order_id, 1 FROM orders');
    expect(written.codes).toEqual(['FSQL5019']);
    expect(written.errors[0]!.hint).toContain('VIRTUAL');
    expect(run(kafka("part INT METADATA FROM 'partition' VIRTUAL") + 'INSERT INTO k SELECT order_id FROM orders').errors).toEqual([]);
    expect(run(kafka("part INT METADATA FROM 'partition'") + 'SELECT id, part FROM k').errors).toEqual([]);
    expect(run(kafka("ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp'") + 'INSERT INTO k SELECT order_id, CURRENT_TIMESTAMP FROM orders').errors).toEqual([]);
  });

  it('checks the options of an OPTIONS hint like those of the WITH clause', () => {
    expect(run("SELECT order_id FROM orders /*+ OPTIONS('scan.startup.mode' = 'earliest-offset') */").errors).toEqual([]);
    const typo = run("SELECT id FROM plain /*+ OPTIONS('number-of-row' = '10') */");
    expect(typo.codes).toEqual(['FSQL5004']);
    expect(typo.errors[0]!.hint).toContain("'number-of-rows'");
    expect(run("SELECT order_id FROM orders /*+ OPTIONS('scan.startup.mode' = 'earliest') */").codes).toEqual(['FSQL5006']);
  });

  it('qualified table names resolve in the current catalog and database', () => {
    expect(run('SELECT order_id FROM default_catalog.default_database.orders').errors).toEqual([]);
    expect(run('SELECT order_id FROM nocat.db.orders').codes).toEqual(['FSQL2006']);
    expect(run('SELECT order_id FROM nodb.orders').codes).toEqual(['FSQL2007']);
  });

  it('a table in a catalog of unknown type is opaque: no false alarm, no schema', () => {
    const { errors, last } = run("CREATE CATALOG hive WITH ('type' = 'hive');\nSELECT anything FROM hive.db.t");
    expect(errors).toEqual([]);
    expect(last.analysis!.schema).toBeNull();
  });
});

describe('SUBSTRING', () => {
  it('without a start position is a call with too few arguments, naming the valid forms', () => {
    const { errors } = run('SELECT SUBSTRING(product) FROM orders');
    expect(errors.map((e) => e.code)).toEqual(['FSQL3002']);
    expect(errors[0]!.message).toContain('Valid: SUBSTRING(STRING, INT[, INT])');
  });
});

describe('OVERLAPS', () => {
  it('compares two periods of (start, end) or (start, interval)', () => {
    expect(run("SELECT (order_time, INTERVAL '1' HOUR) OVERLAPS (order_time, order_time) FROM orders").errors).toEqual([]);
    expect(run('SELECT (amount, order_time) OVERLAPS (order_time, order_time) FROM orders').codes).toEqual(['FSQL3030']);
    expect(run('SELECT amount OVERLAPS (order_time, order_time) FROM orders').codes).toEqual(['FSQL3030']);
  });
});

describe('batch-only statements', () => {
  it('UPDATE, DELETE, TRUNCATE and ANALYZE run only in batch mode', () => {
    for (const [sql, what] of [['UPDATE plain SET id = 1', 'UPDATE'], ['DELETE FROM plain WHERE id = 1', 'DELETE'], ['TRUNCATE TABLE plain', 'TRUNCATE TABLE'], ['ANALYZE TABLE plain COMPUTE STATISTICS', 'ANALYZE TABLE']] as const) {
      const streaming = run(sql);
      expect(streaming.codes).toEqual(['FSQL2021']);
      expect(streaming.errors[0]!.message).toBe(`${what} runs only in batch mode, and this script runs in streaming mode.`);
      expect(run(`SET 'execution.runtime-mode' = 'batch';\n${sql}`).errors).toEqual([]);
    }
  });
});

describe('DDL', () => {
  it('CREATE TABLE AS: the CREATE part may use the query columns in computed columns, the primary key and the watermark', () => {
    const { errors, result } = run(`CREATE TABLE big (note STRING, total AS amount * 2, WATERMARK FOR order_time AS order_time, PRIMARY KEY (order_id) NOT ENFORCED)
WITH ('connector' = 'print') AS SELECT order_id, amount, order_time FROM orders`);
    expect(errors).toEqual([]);
    const table = result.statements[result.statements.length - 1]!.analysis!;
    expect(table.schema!.map((c) => c.name)).toEqual(['note', 'order_id', 'amount', 'order_time', 'total']);
    expect(run("CREATE TABLE k (PRIMARY KEY (order_idd) NOT ENFORCED) WITH ('connector' = 'print') AS SELECT order_id FROM orders").codes).toEqual(['FSQL6004']);
    const reordered = run("CREATE TABLE r (amount, order_id) WITH ('connector' = 'print') AS SELECT order_id, amount FROM orders");
    expect(reordered.errors).toEqual([]);
    expect(reordered.last.analysis!.schema!.map((c) => `${c.name} ${printType(c.type)}`)).toEqual(['amount DECIMAL(10, 2)', 'order_id BIGINT']);
    expect(run("CREATE TABLE r (amount) WITH ('connector' = 'print') AS SELECT order_id, amount FROM orders").codes).toEqual(['FSQL2009']);
    expect(run("CREATE TABLE r (amount, order_time) WITH ('connector' = 'print') AS SELECT order_id, amount FROM orders").codes).toEqual(['FSQL2002']);
  });

  it('reports two WATERMARKs in one table once (the syntax check), and a watermark clashing with the LIKE base table', () => {
    const two = validateScript("CREATE TABLE o (id INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts, WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'datagen')", { rules: false });
    expect(two.diagnostics.map((d) => d.code)).toEqual(['FSQL1026']);
    expect(run('CREATE TABLE c (WATERMARK FOR order_time AS order_time) LIKE orders').codes).toEqual(['FSQL6008']);
  });

  it('rejects a second table of the same name unless IF NOT EXISTS', () => {
    expect(run("CREATE TABLE orders (a INT) WITH ('connector' = 'datagen')").codes).toEqual(['FSQL2005']);
    expect(run("CREATE TABLE IF NOT EXISTS orders (a INT) WITH ('connector' = 'datagen')").codes).toEqual([]);
  });

  it('checks primary key columns and duplicates', () => {
    expect(run("CREATE TABLE t (a INT, PRIMARY KEY (b) NOT ENFORCED) WITH ('connector' = 'datagen')").codes).toEqual(['FSQL6004']);
    expect(run("CREATE TABLE t (a INT PRIMARY KEY NOT ENFORCED, PRIMARY KEY (a) NOT ENFORCED) WITH ('connector' = 'datagen')").codes).toEqual(['FSQL6005']);
    expect(run("CREATE TABLE t (a INT, c AS a + 1, PRIMARY KEY (c) NOT ENFORCED) WITH ('connector' = 'datagen')").codes).toEqual(['FSQL6004']);
  });

  it('primary key columns become NOT NULL; the watermark column is a rowtime', () => {
    const { last } = run("CREATE TABLE t (a INT, ts TIMESTAMP(3), PRIMARY KEY (a) NOT ENFORCED, WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen')");
    expect(last.analysis!.schema!.map((c) => printType(c.type))).toEqual(['INT NOT NULL', 'TIMESTAMP(3) *ROWTIME*']);
    expect(last.analysis!.keys).toEqual([['a']]);
  });

  it('checks the watermark column', () => {
    expect(run("CREATE TABLE t (a INT, WATERMARK FOR b AS b) WITH ('connector' = 'datagen')").codes).toEqual(['FSQL6006']);
    expect(run("CREATE TABLE t (a BIGINT, WATERMARK FOR a AS a) WITH ('connector' = 'datagen')").codes).toContain('FSQL6006');
  });

  it('LIKE copies columns, watermark and options, and rejects OVERWRITING where Flink does', () => {
    const { last, errors } = run("CREATE TABLE copy (extra STRING) WITH ('topic' = 'copy') LIKE orders (EXCLUDING GENERATED)");
    expect(errors).toEqual([]);
    expect(last.analysis!.schema!.map((c) => c.name)).toEqual(['order_id', 'user_id', 'amount', 'product', 'order_time', 'extra']);
    expect(run("CREATE TABLE copy3 (x INT) LIKE orders (INCLUDING ALL EXCLUDING OPTIONS)").codes).toEqual([]);
    expect(run("CREATE TABLE copy4 (x INT) LIKE orders (EXCLUDING OPTIONS INCLUDING OPTIONS)").codes).toEqual(['FSQL6009']);
  });

  it('CTAS takes its columns from the query and cannot be temporary', () => {
    const { last } = run("CREATE TABLE agg WITH ('connector' = 'print') AS SELECT user_id, COUNT(*) AS n FROM orders GROUP BY user_id");
    expect(last.analysis!.schema!.map((c) => `${c.name} ${printType(c.type)}`)).toEqual(['user_id STRING', 'n BIGINT NOT NULL']);
    expect(run("CREATE TEMPORARY TABLE agg2 WITH ('connector' = 'print') AS SELECT user_id FROM orders").codes).toEqual(['FSQL6013']);
  });

  it('ALTER TABLE checks the columns it names and applies the change', () => {
    expect(run('ALTER TABLE orders ADD user_id STRING').codes).toEqual(['FSQL6012']);
    expect(run('ALTER TABLE orders ADD note STRING AFTER nothing').codes).toEqual(['FSQL6012']);
    const partitioned = "CREATE TABLE p (id INT, v STRING, dt STRING) PARTITIONED BY (dt) WITH ('connector' = 'filesystem', 'path' = '/data', 'format' = 'json');\n";
    expect(run(partitioned + 'ALTER TABLE p DROP v').errors).toEqual([]);
    expect(run(partitioned + 'ALTER TABLE p DROP dt').messages).toEqual(["Column 'dt' is a partition key of 'p' and cannot be dropped."]);
    const { last, errors } = run('ALTER TABLE plain ADD note STRING FIRST;\nDESCRIBE plain');
    expect(errors).toEqual([]);
    expect(last.analysis!.schema!.map((c) => c.name)).toEqual(['note', 'id', 'ts']);
  });

  it('DROP and USE check that the object exists', () => {
    expect(run('DROP TABLE nothing').codes).toEqual(['FSQL2001']);
    expect(run('DROP TABLE IF EXISTS nothing').codes).toEqual([]);
    expect(run('USE CATALOG nothing').codes).toEqual(['FSQL2006']);
    expect(run('DROP DATABASE default_database').codes).toEqual(['FSQL2019']);
  });

  it('catalogFromDdl exports the tables a DDL script defines', () => {
    const { entries, diagnostics } = catalogFromDdl(DDL);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(entries.tables.map((t) => t.id.name).sort()).toEqual(['orders', 'plain', 'rates']);
  });

  it('a catalog given as entries is visible to the script', () => {
    const { entries } = catalogFromDdl(DDL);
    const result = validateScript('SELECT order_id FROM orders', { catalogs: [entries], rules: false });
    expect(result.diagnostics).toEqual([]);
  });
});

describe('streaming semantics', () => {
  it('window TVF on a column that is not a time attribute', () => {
    const { errors } = run("SELECT * FROM TABLE(TUMBLE(TABLE plain, DESCRIPTOR(ts), INTERVAL '1' MINUTE))");
    expect(errors.map((e) => e.code)).toEqual(['FSQL4003']);
    expect(errors[0]!.hint).toContain('WATERMARK');
  });

  it('TUMBLE_END and friends need GROUP BY the same window, with the same arguments', () => {
    const grouped = "FROM orders GROUP BY user_id, TUMBLE(order_time, INTERVAL '1' HOUR)";
    expect(run(`SELECT user_id, TUMBLE_START(order_time, INTERVAL '1' HOUR), TUMBLE_END(order_time, INTERVAL '1' HOUR) ${grouped}`).errors).toEqual([]);
    const otherSize = run(`SELECT user_id, TUMBLE_END(order_time, INTERVAL '1' MINUTE) ${grouped}`);
    expect(otherSize.codes).toEqual(['FSQL4016']);
    expect(otherSize.errors[0]!.hint).toContain("TUMBLE_END(order_time, INTERVAL '1' HOUR)");
    expect(run(`SELECT user_id, COUNT(*) ${grouped} HAVING HOP_END(order_time, INTERVAL '1' MINUTE, INTERVAL '1' HOUR) > CURRENT_TIMESTAMP`).codes).toEqual(['FSQL4016']);
    expect(run("SELECT user_id, SESSION_END(order_time, INTERVAL '5' MINUTE) FROM orders GROUP BY user_id").codes).toEqual(['FSQL4016']);
  });

  it('SESSION takes PARTITION BY keys (one name or a list) before its other arguments; other windows do not', () => {
    const session = (keys: string): string => `SELECT window_start, window_end, user_id, COUNT(*) FROM TABLE(SESSION(TABLE orders PARTITION BY ${keys}, DESCRIPTOR(order_time), INTERVAL '2' MINUTES)) GROUP BY window_start, window_end, user_id`;
    expect(run(session('user_id')).errors).toEqual([]);
    expect(run(session('(user_id, product)')).errors).toEqual([]);
    const typo = run(session('usr_id'));
    expect(typo.codes).toEqual(['FSQL2002']);
    expect(typo.errors[0]!.message).toContain("Did you mean 'user_id'?");
    const tumble = run("SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE orders PARTITION BY user_id, DESCRIPTOR(order_time), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end");
    expect(tumble.codes).toEqual(['FSQL4014']);
    expect(tumble.errors[0]!.message).toContain('Only SESSION windows take PARTITION BY');
  });

  it('a HOP or CUMULATE window aggregation needs the size to be a multiple of the slide or step', () => {
    const hop = (slide: string, size: string): string => `SELECT window_start, COUNT(*) FROM TABLE(HOP(TABLE orders, DESCRIPTOR(order_time), ${slide}, ${size})) GROUP BY window_start, window_end`;
    expect(run(hop("INTERVAL '2' MINUTE", "INTERVAL '10' MINUTE")).errors).toEqual([]);
    expect(run(hop("INTERVAL '30' SECOND", "INTERVAL '1 00:01' DAY TO MINUTE")).errors).toEqual([]);
    const swapped = run(hop("INTERVAL '10' MINUTE", "INTERVAL '2' MINUTE"));
    expect(swapped.codes).toEqual(['FSQL4014']);
    expect(swapped.errors[0]!.message).toContain('the size is 2 minutes and the slide 10 minutes');
    expect(swapped.errors[0]!.hint).toContain('Swap the two intervals');
    expect(run(hop("INTERVAL '4' MINUTE", "INTERVAL '10' MINUTE")).errors[0]!.hint).toContain('12 minutes');
    expect(run("SELECT window_start, COUNT(*) FROM TABLE(CUMULATE(TABLE orders, DESCRIPTOR(order_time), INTERVAL '25' MINUTE, INTERVAL '1' HOUR)) GROUP BY window_start, window_end").codes).toEqual(['FSQL4014']);
    // Without an aggregation the window is assigned row by row, with no slices.
    expect(run(`SELECT * FROM TABLE(HOP(TABLE orders, DESCRIPTOR(order_time), INTERVAL '4' MINUTE, INTERVAL '10' MINUTE))`).errors).toEqual([]);
  });

  it('a temporal or lookup join is INNER or LEFT, with an equality on the versioned table (its primary key on event time)', () => {
    const temporal = (join: string, on: string): ReturnType<typeof run> => run(`SELECT o.order_id, r.rate FROM orders o ${join} rates FOR SYSTEM_TIME AS OF o.order_time AS r ON ${on}`);
    expect(temporal('LEFT JOIN', 'o.product = r.currency AND r.rate > 0').errors).toEqual([]);
    expect(temporal('FULL JOIN', 'o.product = r.currency').codes).toEqual(['FSQL4017']);
    const noKey = temporal('JOIN', 'o.amount = r.rate');
    expect(noKey.codes).toEqual(['FSQL4017']);
    expect(noKey.errors[0]!.message).toContain("primary key of 'r' (currency)");
    const noEquality = run('SELECT o.order_id FROM orders o JOIN plain FOR SYSTEM_TIME AS OF o.proc AS p ON o.order_id > p.id');
    expect(noEquality.codes).toEqual(['FSQL4017']);
    expect(noEquality.errors[0]!.message).toContain("needs an equality between a column of 'p' and the left side");
    expect(run('SELECT o.order_id FROM orders o JOIN plain FOR SYSTEM_TIME AS OF o.proc AS p ON CAST(o.order_id AS BIGINT) = p.id').errors).toEqual([]);
    expect(run('SELECT o.order_id FROM orders o JOIN plain FOR SYSTEM_TIME AS OF o.proc AS p ON p.id = 42').errors).toEqual([]);
  });

  it('a legacy group window accepts a rowtime that passed through a regular join; a window TVF does not', () => {
    const joined = 'FROM orders o JOIN plain p ON o.order_id = p.id';
    expect(run(`SELECT o.user_id, COUNT(*) ${joined} GROUP BY o.user_id, TUMBLE(o.order_time, INTERVAL '1' MINUTE)`).errors).toEqual([]);
    expect(run(`SELECT p.id, COUNT(*) ${joined} GROUP BY p.id, TUMBLE(p.ts, INTERVAL '1' MINUTE)`).codes).toEqual(['FSQL4003']);
    expect(run(`CREATE VIEW j AS SELECT o.order_time ${joined};\nSELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE j, DESCRIPTOR(order_time), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end`).codes).toEqual(['FSQL4003']);
  });

  it('a window join needs event-time windows, with the windows directly in FROM or in projecting subqueries', () => {
    const side = (table: string, time: string, sub: boolean): string => {
      const tvf = `TABLE(TUMBLE(TABLE ${table}, DESCRIPTOR(${time}), INTERVAL '5' MINUTES))`;
      return sub ? `(SELECT * FROM ${tvf})` : tvf;
    };
    const on = 'ON L.order_id = R.order_id AND L.window_start = R.window_start AND L.window_end = R.window_end';
    for (const sub of [false, true]) {
      expect(run(`SELECT L.order_id FROM ${side('orders', 'order_time', sub)} L JOIN ${side('orders', 'order_time', sub)} R ${on}`).errors).toEqual([]);
      const proc = run(`SELECT L.order_id FROM ${side('orders', 'proc', sub)} L JOIN ${side('orders', 'proc', sub)} R ${on}`);
      expect(proc.codes).toEqual(['FSQL2021']);
      expect(proc.errors[0]!.message).toContain('processing time');
    }
  });

  it('checks OVER frame offsets: ROWS counts rows, RANGE over a time column takes intervals', () => {
    const over = (frame: string): ReturnType<typeof run> => run(`SELECT SUM(amount) OVER (PARTITION BY user_id ORDER BY order_time ${frame}) FROM orders`);
    expect(over("RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW").errors).toEqual([]);
    expect(over('ROWS BETWEEN 10 PRECEDING AND CURRENT ROW').errors).toEqual([]);
    expect(over('RANGE BETWEEN 10 PRECEDING AND CURRENT ROW').codes).toEqual(['FSQL4013']);
    const rows = over("ROWS BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW");
    expect(rows.codes).toEqual(['FSQL4013']);
    expect(rows.errors[0]!.hint).toContain("RANGE BETWEEN INTERVAL '1' HOUR PRECEDING");
  });

  it('keep-first deduplication is insert-only on processing time and updating on event time', () => {
    const dedup = (order: string): string => `SELECT order_id FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY ${order}) AS rn FROM orders) WHERE rn = 1`;
    expect(printChangelogMode(run(dedup('proc ASC')).last.analysis!.changelog!)).toBe('[I]');
    expect(printChangelogMode(run(dedup('order_time ASC')).last.analysis!.changelog!)).not.toBe('[I]');
    expect(printChangelogMode(run(dedup('proc DESC')).last.analysis!.changelog!)).not.toBe('[I]');
  });

  it('window TVF with a missing time column names the columns', () => {
    const { errors } = run("SELECT * FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(order_tim), INTERVAL '1' MINUTE))");
    expect(errors[0]!.message).toContain("Did you mean 'order_time'?");
  });

  it('event-time temporal join needs a versioned table with a primary key and a watermark', () => {
    const ok = run('SELECT o.order_id, r.rate FROM orders o JOIN rates FOR SYSTEM_TIME AS OF o.order_time AS r ON o.product = r.currency');
    expect(ok.errors).toEqual([]);
    expect(printChangelogMode(ok.last.analysis!.changelog!)).toBe('[I]');
    expect(run('SELECT o.order_id FROM orders o JOIN plain FOR SYSTEM_TIME AS OF o.order_time AS p ON o.order_id = p.id').codes).toEqual(['FSQL4007']);
    expect(run('SELECT o.order_id FROM orders o JOIN rates FOR SYSTEM_TIME AS OF o.amount AS r ON o.product = r.currency').codes).toEqual(['FSQL4006']);
  });

  it('an upsert source is updating; OVER on it is an error', () => {
    const { codes } = run('SELECT currency, COUNT(*) OVER (PARTITION BY currency ORDER BY update_time) FROM rates');
    expect(codes).toEqual(['FSQL4002']);
  });

  it('OVER must be ordered by a time attribute, ascending', () => {
    expect(run('SELECT COUNT(*) OVER (ORDER BY amount) FROM orders').codes).toEqual(['FSQL4004']);
    expect(run('SELECT COUNT(*) OVER (ORDER BY order_time DESC) FROM orders').codes).toEqual(['FSQL4004']);
  });

  it('streaming ORDER BY needs a time attribute first, unless it is a Top-N', () => {
    expect(run('SELECT * FROM orders ORDER BY amount').codes).toEqual(['FSQL4005']);
    expect(run('SELECT * FROM orders ORDER BY order_time').codes).toEqual([]);
    expect(printChangelogMode(run('SELECT * FROM orders ORDER BY amount DESC LIMIT 3').last.analysis!.changelog!)).toBe('[I,UB,UA,D]');
  });

  it('keep-first deduplication on proctime stays insert-only; RANK is rejected for Top-N', () => {
    const dedup = run('SELECT order_id FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY proc ASC) AS rn FROM orders) WHERE rn = 1');
    expect(dedup.errors).toEqual([]);
    expect(printChangelogMode(dedup.last.analysis!.changelog!)).toBe('[I]');
    expect(run('SELECT * FROM (SELECT *, RANK() OVER (PARTITION BY user_id ORDER BY amount DESC) AS r FROM orders) WHERE r <= 3').codes).toEqual(['FSQL4010']);
  });

  it('a window Top-N stays insert-only', () => {
    const { last, errors } = run(`SELECT * FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY total DESC) AS rn
  FROM (SELECT window_start, window_end, user_id, SUM(amount) AS total
        FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(order_time), INTERVAL '10' MINUTES))
        GROUP BY window_start, window_end, user_id)
) WHERE rn <= 3`);
    expect(errors).toEqual([]);
    expect(printChangelogMode(last.analysis!.changelog!)).toBe('[I]');
  });

  it('an interval join keeps both time attributes and needs insert-only inputs', () => {
    const { last, errors } = run(`SELECT o.order_time, p.order_time AS t2 FROM orders o, orders p
WHERE o.order_id = p.order_id AND o.order_time BETWEEN p.order_time - INTERVAL '1' HOUR AND p.order_time`);
    expect(errors).toEqual([]);
    void last;
  });

  it('UNION of a rowtime and a plain timestamp is an error with a CAST hint', () => {
    const { errors } = run('SELECT order_time FROM orders UNION ALL SELECT ts FROM plain');
    expect(errors.map((e) => e.code)).toEqual(['FSQL4008']);
  });

  it('a LEFT JOIN with a table function only accepts ON TRUE', () => {
    const { codes } = run("CREATE FUNCTION split AS 'com.example.Split';\nSELECT o.order_id, s.word FROM orders o LEFT JOIN LATERAL TABLE(split(o.product)) AS s(word) ON o.order_id > 0");
    expect(codes).toEqual(['FSQL4012']);
  });
});

describe('INSERT', () => {
  const SINKS = `CREATE TABLE out_append (user_id STRING, n BIGINT) WITH ('connector' = 'kafka', 'properties.bootstrap.servers' = 'k:9092', 'topic' = 'o', 'format' = 'json');
CREATE TABLE out_upsert (user_id STRING, n BIGINT, PRIMARY KEY (user_id) NOT ENFORCED) WITH ('connector' = 'upsert-kafka', 'properties.bootstrap.servers' = 'k:9092', 'topic' = 'u', 'key.format' = 'json', 'value.format' = 'json');
CREATE TABLE out_typed (id INT, name STRING NOT NULL) WITH ('connector' = 'print');
`;

  it('an updating query into an append-only sink names the GROUP BY and suggests upsert-kafka', () => {
    const { errors, result } = run(SINKS + 'INSERT INTO out_append SELECT user_id, COUNT(*) FROM orders GROUP BY user_id');
    expect(errors.map((e) => e.code)).toEqual(['FSQL4001']);
    expect(errors[0]!.message).toContain('GROUP BY');
    expect(errors[0]!.hint).toContain('upsert-kafka');
    const related = errors[0]!.related![0]!;
    expect(result.source.text.slice(related.span.start, related.span.end)).toBe('GROUP BY user_id');
  });

  it('the same query into an upsert sink is fine', () => {
    expect(run(SINKS + 'INSERT INTO out_upsert SELECT user_id, COUNT(*) FROM orders GROUP BY user_id').errors).toEqual([]);
  });

  it('checks the column count and names the sink columns', () => {
    const { errors } = run(SINKS + 'INSERT INTO out_append SELECT user_id FROM orders');
    expect(errors.map((e) => e.code)).toEqual(['FSQL2013']);
    expect(errors[0]!.message).toContain('expects 2');
  });

  it('checks target column lists: unknown, duplicated, NOT NULL columns left out', () => {
    expect(run(SINKS + 'INSERT INTO out_typed (id, nam) SELECT 1, user_id FROM orders').codes).toContain('FSQL2011');
    expect(run(SINKS + 'INSERT INTO out_typed (id, id) SELECT 1, 2 FROM orders').codes).toContain('FSQL2012');
    expect(run(SINKS + 'INSERT INTO out_typed (id) SELECT 1 FROM orders').codes).toContain('FSQL2020');
  });

  it('INSERT into a view is an error', () => {
    expect(run('CREATE VIEW v AS SELECT * FROM orders;\nINSERT INTO v SELECT * FROM orders').codes).toEqual(['FSQL2015']);
  });

  it('two rowtime columns cannot be written into one sink', () => {
    const sql = `CREATE TABLE out2 (a TIMESTAMP(3), b TIMESTAMP(3)) WITH ('connector' = 'print');
INSERT INTO out2 SELECT o.order_time, p.order_time FROM orders o, orders p WHERE o.order_id = p.order_id AND o.order_time BETWEEN p.order_time - INTERVAL '1' HOUR AND p.order_time`;
    expect(run(sql).codes).toEqual(['FSQL4009']);
  });
});

describe('session statements', () => {
  it('statement sets take only INSERT and CTAS; END needs BEGIN', () => {
    const result = validateScript(DDL + "BEGIN STATEMENT SET;\nSELECT 1;\nINSERT INTO plain SELECT order_id, order_time FROM orders;\nEND;\nEND", { rules: false });
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['FSQL2025', 'FSQL2025']);
  });

  it('SET checks the values of options that take a fixed set of values', () => {
    const { errors } = run("SET 'execution.runtime-mode' = 'batc'");
    expect(errors.map((e) => e.code)).toEqual(['FSQL2026']);
    expect(errors[0]!.message).toContain("Did you mean 'batch'?");
    expect(run("SET 'pipeline.name' = 'anything goes'").errors).toEqual([]);
  });

  it('batch mode has no time attributes and no changelog', () => {
    const { last } = run("SET 'execution.runtime-mode' = 'batch';\nSELECT user_id, COUNT(*) AS n, MAX(order_time) AS t FROM orders GROUP BY user_id");
    expect(printChangelogMode(last.analysis!.changelog!)).toBe('[I]');
    expect(run("SET 'execution.runtime-mode' = 'batch';\nSELECT * FROM orders ORDER BY amount").errors).toEqual([]);
  });

  it('an OPTIONS hint on a view is an error', () => {
    expect(run("CREATE VIEW v AS SELECT * FROM orders;\nSELECT * FROM v /*+ OPTIONS('scan.startup.mode' = 'earliest-offset') */").codes).toEqual(['FSQL2027']);
  });

  it('modules: loading twice, unloading what is not loaded', () => {
    expect(run('LOAD MODULE core').codes).toEqual(['FSQL2024']);
    expect(run('UNLOAD MODULE hive').codes).toEqual(['FSQL2024']);
    expect(run('UNLOAD MODULE core;\nLOAD MODULE core').codes).toEqual([]);
  });
});

describe('INSERT with partitions', () => {
  const FS = "CREATE TABLE fs (a INT, b STRING, dt STRING) PARTITIONED BY (dt) WITH ('connector' = 'filesystem', 'path' = '/tmp/x', 'format' = 'csv');\n";

  it('a static partition column is not part of the query', () => {
    expect(run(FS + "INSERT INTO fs PARTITION (dt = '2024-01-01') SELECT 1, 'x' FROM orders").errors).toEqual([]);
  });

  it('PARTITION must name a partition column', () => {
    expect(run(FS + "INSERT INTO fs PARTITION (b = 'x') SELECT 1, 'y' FROM orders").codes).toContain('FSQL6011');
  });
});

describe('ROW_NUMBER without a Top-N filter', () => {
  it('is an OVER aggregation, which needs a time attribute order on a stream', () => {
    const { errors } = run('SELECT *, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY amount DESC) AS rn FROM orders');
    expect(errors.map((e) => e.code)).toEqual(['FSQL4004']);
    expect(errors[0]!.hint).toContain('WHERE rn <= 10');
  });

  it('is fine when an enclosing query filters it, or when a view leaves the filter to later queries', () => {
    expect(run('SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY amount DESC) AS rn FROM orders) WHERE rn <= 3').errors).toEqual([]);
    expect(run('CREATE VIEW ranked AS SELECT *, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY amount DESC) AS rn FROM orders').errors).toEqual([]);
    expect(run('SELECT *, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY proc) AS rn FROM orders').errors).toEqual([]);
  });
});

describe('changelog through views and subqueries', () => {
  const CDC = "CREATE TABLE users_cdc (id BIGINT, name STRING) WITH ('connector' = 'kafka', 'properties.bootstrap.servers' = 'k:9092', 'topic' = 'u', 'format' = 'debezium-json');\nCREATE TABLE out_append (name STRING, n INT) WITH ('connector' = 'kafka', 'properties.bootstrap.servers' = 'k:9092', 'topic' = 'o', 'format' = 'json');\n";

  it('a view over a changelog source is updating', () => {
    expect(run(CDC + 'CREATE VIEW names AS SELECT id, name FROM users_cdc;\nINSERT INTO out_append SELECT name, 1 FROM names').codes).toEqual(['FSQL4001']);
  });

  it('an updating subquery in WHERE or in the select list makes the result updating', () => {
    expect(run(CDC + 'INSERT INTO out_append SELECT name, 1 FROM users_cdc').codes).toEqual(['FSQL4001']);
    expect(run(CDC + 'INSERT INTO out_append SELECT user_id, 1 FROM orders WHERE user_id IN (SELECT MAX(user_id) FROM orders)').codes).toEqual(['FSQL4001']);
    expect(run(CDC + 'INSERT INTO out_append SELECT user_id, CAST((SELECT COUNT(*) FROM orders) AS INT) FROM orders').codes).toEqual(['FSQL4001']);
  });

  it('an INSERT reports the query\'s upsert keys', () => {
    const sql = "CREATE TABLE out_up (user_id STRING, n BIGINT, PRIMARY KEY (user_id) NOT ENFORCED) WITH ('connector' = 'upsert-kafka', 'properties.bootstrap.servers' = 'k:9092', 'topic' = 'u', 'key.format' = 'json', 'value.format' = 'json');\nINSERT INTO out_up SELECT user_id, COUNT(*) FROM orders GROUP BY user_id";
    expect(run(sql).last.analysis!.keys).toEqual([['user_id']]);
  });
});
