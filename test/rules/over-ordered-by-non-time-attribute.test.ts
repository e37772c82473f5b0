import rule from '../../rules/over-ordered-by-non-time-attribute.js';
import { ruleTester } from '../support/rule-tester.js';
import { ORDERS } from './ddl.js';

ruleTester(rule, {
  valid: [
    ORDERS + 'SELECT id, SUM(amount) OVER (PARTITION BY id ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM orders',
    ORDERS + 'SELECT * FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY amount DESC) AS rn FROM orders) WHERE rn <= 3',
    { name: 'Top-N through a CTE', sql: ORDERS + 'WITH ranked AS (SELECT id, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY amount DESC) AS rn FROM orders)\nSELECT id FROM ranked WHERE rn <= 3' },
    { name: 'Top-N through a view', sql: ORDERS + 'CREATE TEMPORARY VIEW ranked AS SELECT id, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY amount DESC) AS rn FROM orders;\nSELECT id FROM ranked WHERE rn <= 3' },
    { name: 'batch mode', sql: "SET 'execution.runtime-mode' = 'batch';\n" + ORDERS + 'SELECT id, SUM(amount) OVER (PARTITION BY id ORDER BY amount) FROM orders' },
  ],
  invalid: [
    {
      sql: ORDERS + 'SELECT id, SUM(amount) OVER (PARTITION BY id ORDER BY amount ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM orders',
      errors: [{ text: 'amount', message: /must be ordered by a time attribute, but `amount` is a plain INT column of `orders`/, hint: /order by `ts`/ }],
    },
    {
      name: 'named window',
      sql: ORDERS + 'SELECT id, COUNT(*) OVER w FROM orders WINDOW w AS (PARTITION BY id ORDER BY created ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)',
      errors: [{ text: 'created' }],
    },
    {
      name: 'an aggregate of a time attribute is a plain value',
      sql: ORDERS + 'SELECT user_id, RANK() OVER (ORDER BY last_ts) FROM (SELECT user_id, MAX(ts) AS last_ts FROM orders GROUP BY user_id)',
      errors: [{ text: 'last_ts', message: /`last_ts` comes out of an aggregation/ }],
    },
    {
      name: 'ROW_NUMBER without a Top-N filter',
      sql: ORDERS + 'SELECT id, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY amount) AS rn FROM orders',
      errors: [{ text: 'amount' }],
    },
  ],
});
