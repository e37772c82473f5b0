import deprecatedStatementSetSyntax from '../../rules/deprecated-statement-set-syntax.js';
import insertOverwriteInStreaming from '../../rules/insert-overwrite-in-streaming.js';
import rankInStreamingTopN from '../../rules/rank-in-streaming-top-n.js';
import streamingSort from '../../rules/streaming-sort-on-non-time-attribute.js';
import { ruleTester } from '../support/rule-tester.js';
import { HISTORY, ORDERS, SHIPMENTS } from './ddl.js';

ruleTester(deprecatedStatementSetSyntax, {
  valid: ['EXECUTE STATEMENT SET BEGIN\nINSERT INTO a SELECT * FROM t;\nEND', 'INSERT INTO a SELECT * FROM t'],
  invalid: [
    {
      sql: 'BEGIN STATEMENT SET;\nINSERT INTO a SELECT * FROM t;\nEND',
      errors: [{ text: 'BEGIN STATEMENT SET', message: /deprecated SQL-client syntax/ }],
      output: 'EXECUTE STATEMENT SET BEGIN;\nINSERT INTO a SELECT * FROM t;\nEND',
    },
    { sql: 'begin statement set;\nEND', errors: [{ text: 'begin statement set' }] },
  ],
});

ruleTester(insertOverwriteInStreaming, {
  valid: ["SET 'execution.runtime-mode' = 'batch';\nINSERT OVERWRITE archive SELECT id FROM orders", 'INSERT INTO archive SELECT id FROM orders'],
  invalid: [
    { sql: 'INSERT OVERWRITE archive SELECT id FROM orders', errors: [{ text: 'OVERWRITE', message: /not supported in streaming mode/ }], output: 'INSERT INTO archive SELECT id FROM orders' },
    { sql: "SET 'execution.runtime-mode' = 'streaming';\ninsert overwrite archive PARTITION (dt = '2024') SELECT id FROM orders", errors: [{ text: 'overwrite' }] },
  ],
});

ruleTester(rankInStreamingTopN, {
  valid: [
    'SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY category ORDER BY sales DESC) AS r FROM products) WHERE r <= 3',
    "SET 'execution.runtime-mode' = 'batch';\nSELECT * FROM (SELECT *, RANK() OVER (PARTITION BY category ORDER BY sales DESC) AS r FROM products) WHERE r <= 3",
  ],
  invalid: [
    {
      sql: 'SELECT * FROM (SELECT *, RANK() OVER (PARTITION BY category ORDER BY sales DESC) AS r FROM products) WHERE r <= 3',
      errors: [{ text: 'RANK', message: /only ROW_NUMBER\(\), not RANK\(\)/ }],
      output: 'SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY category ORDER BY sales DESC) AS r FROM products) WHERE r <= 3',
    },
    { sql: 'SELECT * FROM (SELECT *, DENSE_RANK() OVER (ORDER BY sales) AS r FROM products) WHERE r = 1', errors: [{ text: 'DENSE_RANK' }] },
  ],
});

ruleTester(streamingSort, {
  valid: [
    ORDERS + 'SELECT id, amount FROM orders ORDER BY ts, amount',
    ORDERS + 'SELECT id, amount FROM orders ORDER BY amount DESC LIMIT 10',
    { name: 'bounded input', sql: HISTORY + 'SELECT id FROM history ORDER BY amount' },
    { name: 'unknown column origin', sql: 'SELECT id FROM t ORDER BY x' },
  ],
  invalid: [
    { sql: ORDERS + 'SELECT id, amount FROM orders ORDER BY amount', errors: [{ text: 'amount', message: /must start with an ascending time attribute, but `amount` is a plain INT column of `orders`/, hint: /sort by `ts` first/ }] },
    { sql: ORDERS + 'INSERT INTO sink SELECT id, ts FROM orders ORDER BY ts DESC', errors: [{ text: 'ts DESC', message: /ascending/ }] },
    {
      name: 'rowtime after a regular join',
      sql: ORDERS + SHIPMENTS + 'SELECT o.id, o.ts FROM orders AS o JOIN shipments AS s ON o.id = s.order_id ORDER BY o.ts',
      errors: [{ text: 'o.ts', message: /regular join/ }],
    },
  ],
});
