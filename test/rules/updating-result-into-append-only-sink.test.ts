import { describe, expect, it } from 'vitest';
import rule from '../../rules/updating-result-into-append-only-sink.js';
import { runRules } from '../../src/rules/engine.js';
import { validateScript } from '../../src/validate.js';
import { ruleTester } from '../support/rule-tester.js';
import { APPEND_SINK, CLICKS, ORDERS, RATES_KAFKA, SHIPMENTS, UPSERT_SINK, USERS_CDC } from './ddl.js';

const PRINT = "CREATE TABLE out_print (k STRING, n BIGINT) WITH ('connector' = 'print');\n";
const CDC_SINK = "CREATE TABLE out_cdc (k STRING, n BIGINT) WITH ('connector' = 'kafka', 'topic' = 'o', 'format' = 'debezium-json');\n";

ruleTester(rule, {
  valid: [
    { name: 'upsert sink', sql: CLICKS + UPSERT_SINK + 'INSERT INTO out_upsert SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id' },
    { name: 'print accepts everything', sql: CLICKS + PRINT + 'INSERT INTO out_print SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id' },
    { name: 'changelog format sink', sql: CLICKS + CDC_SINK + 'INSERT INTO out_cdc SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id' },
    { name: 'window aggregation is append-only', sql: ORDERS + APPEND_SINK + "INSERT INTO out_append SELECT user_id, COUNT(*) FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY user_id, window_start, window_end" },
    { name: 'inner join of append-only streams', sql: ORDERS + SHIPMENTS + APPEND_SINK + 'INSERT INTO out_append SELECT o.id, 1 FROM orders AS o JOIN shipments AS s ON o.id = s.order_id' },
    { name: 'unknown sink', sql: CLICKS + 'INSERT INTO somewhere SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id' },
    {
      name: 'event-time temporal join forwards the left side only (the versioned table is state)',
      sql: ORDERS + RATES_KAFKA + APPEND_SINK + 'INSERT INTO out_append SELECT o.id, 1 FROM orders AS o LEFT JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.cur = r.cur',
    },
    {
      name: 'window Top-N is insert-only',
      sql: ORDERS + APPEND_SINK + "INSERT INTO out_append SELECT id, 1 FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY amount DESC) AS rn FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '10' MINUTES))) WHERE rn <= 3",
    },
    {
      name: 'Top-N after a window aggregation is insert-only',
      sql: ORDERS + APPEND_SINK + "INSERT INTO out_append SELECT user_id, 1 FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY n DESC) AS rn FROM (SELECT window_start, window_end, user_id, COUNT(*) AS n FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '10' MINUTES)) GROUP BY window_start, window_end, user_id)) WHERE rn <= 3",
    },
    {
      name: 'keep-first deduplication on processing time is insert-only',
      sql: ORDERS + APPEND_SINK + 'INSERT INTO out_append SELECT id, 1 FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY id ORDER BY pt ASC) AS rn FROM orders) WHERE rn = 1',
    },
  ],
  invalid: [
    {
      sql: CLICKS + APPEND_SINK + 'INSERT INTO out_append SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id',
      errors: [{ text: 'GROUP BY user_id', message: /the GROUP BY here makes the result updating, but sink `out_append` \(connector `kafka`\) only accepts appended rows/, hint: /upsert-kafka/ }],
    },
    {
      name: 'LEFT JOIN',
      sql: ORDERS + SHIPMENTS + APPEND_SINK + 'INSERT INTO out_append SELECT o.id, 1 FROM orders AS o LEFT JOIN shipments AS s ON o.id = s.order_id',
      errors: [{ text: 'LEFT JOIN', message: /LEFT JOIN here/ }],
    },
    {
      name: 'changelog source through a view',
      sql: USERS_CDC + APPEND_SINK + "CREATE VIEW names AS SELECT id, name FROM users;\nINSERT INTO out_append SELECT name, 1 FROM names",
      errors: [{ text: 'users', message: /changelog source `users`/ }],
    },
    {
      name: 'keep-first deduplication on event time retracts when an earlier row arrives late',
      sql: ORDERS + APPEND_SINK + 'INSERT INTO out_append SELECT id, 1 FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY id ORDER BY ts ASC) AS rn FROM orders) WHERE rn = 1',
      errors: [{ text: 'ROW_NUMBER() OVER (PARTITION BY id ORDER BY ts ASC)', message: /updating/ }],
    },
    {
      name: 'Top-N in a statement set',
      sql: ORDERS + APPEND_SINK + 'EXECUTE STATEMENT SET BEGIN\nINSERT INTO out_append SELECT id, amount FROM (SELECT id, amount, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY amount DESC) AS rn FROM orders) WHERE rn <= 3;\nEND',
      errors: [{ text: 'ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY amount DESC)', message: /Top-N/ }],
    },
  ],
});

describe('updating-result-into-append-only-sink with the analysis', () => {
  it("names the analysis' cause when the analysis sees updates its own inference does not", () => {
    // A source whose changelog only the analysis knows (e.g. from a catalog): the statement's analysis says why it updates.
    const sql = CLICKS + APPEND_SINK + 'INSERT INTO out_append SELECT user_id, 1 FROM clicks';
    const parsed = validateScript(sql, { rules: false });
    const start = sql.indexOf('clicks', sql.indexOf('INSERT'));
    const statements = parsed.statements.map((s) => s.index !== 2 ? s : {
      ...s,
      analysis: { ...s.analysis!, changelog: { updates: true, deletes: true }, updatingSource: { span: { start, end: start + 6 }, what: "the source table 'clicks', whose format produces a changelog" } },
    });
    const found = runRules({ source: parsed.source, statements }, [rule], {});
    expect(found.map((d) => [d.code, sql.slice(d.span.start, d.span.end), d.message])).toEqual([[
      'FSQL9005', 'clicks',
      "the result is updating because of the source table 'clicks', whose format produces a changelog, but sink `out_append` (connector `kafka`) only accepts appended rows",
    ]]);
    // Without the analysis' verdict the same statement is append-only.
    expect(runRules({ source: parsed.source, statements: parsed.statements }, [rule], {})).toEqual([]);
  });
});
