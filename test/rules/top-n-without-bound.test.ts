import rule from '../../rules/top-n-without-bound.js';
import { ruleTester } from '../support/rule-tester.js';
import { HISTORY, ORDERS } from './ddl.js';

const TOP = (filter: string) => ORDERS + `SELECT * FROM (SELECT id, user_id, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY amount DESC) AS rn FROM orders) WHERE ${filter}`;

ruleTester(rule, {
  valid: [
    TOP('rn <= 3'),
    TOP('rn < 10 AND user_id IS NOT NULL'),
    { name: 'a rank end from a column is a bound', sql: TOP('rn < amount') },
    { name: 'bounded input', sql: HISTORY + 'SELECT * FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY id ORDER BY amount DESC) AS rn FROM history) WHERE rn > 3' },
    { name: 'small LIMIT', sql: ORDERS + 'SELECT id FROM orders ORDER BY amount DESC LIMIT 10' },
    { name: 'option raises the limit', sql: TOP('rn <= 5000'), options: { maxRank: 10000 } },
  ],
  invalid: [
    { sql: TOP('rn > 3'), errors: [{ text: 'rn > 3', message: /has no upper bound/ }] },
    { sql: TOP('rn <= 100000'), errors: [{ text: 'rn <= 100000', message: /keeps 100000 rows per partition \(more than 1000\)/ }] },
    { name: 'BETWEEN with a huge bound, option', sql: TOP('rn BETWEEN 1 AND 500'), options: { maxRank: 100 }, errors: [{ text: 'rn BETWEEN 1 AND 500' }] },
    { name: 'ORDER BY with a large LIMIT', sql: ORDERS + 'SELECT id FROM orders ORDER BY amount DESC LIMIT 50000', errors: [{ text: '50000', message: /LIMIT 50000/ }] },
  ],
});
