import rule from '../../rules/unbounded-distinct.js';
import { ruleTester } from '../support/rule-tester.js';
import { CLICKS, HISTORY, ORDERS, TTL } from './ddl.js';

ruleTester(rule, {
  valid: [
    { name: 'UNION ALL', sql: 'SELECT user_id FROM clicks UNION ALL SELECT user_id FROM page_views' },
    { name: 'DISTINCT per window', sql: ORDERS + "SELECT DISTINCT user_id, window_start FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' DAY))" },
    { name: 'COUNT DISTINCT per window', sql: ORDERS + "SELECT window_start, COUNT(DISTINCT user_id) FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' DAY)) GROUP BY window_start, window_end" },
    { name: 'TTL', sql: TTL + 'SELECT DISTINCT user_id FROM clicks' },
    { name: 'bounded', sql: HISTORY + 'SELECT DISTINCT id FROM history' },
  ],
  invalid: [
    { sql: CLICKS + 'SELECT DISTINCT user_id FROM clicks', errors: [{ text: 'DISTINCT', message: /SELECT DISTINCT on an unbounded stream/ }] },
    { sql: CLICKS + 'SELECT page, COUNT(DISTINCT user_id) FROM clicks GROUP BY page', errors: [{ text: 'COUNT(DISTINCT user_id)', hint: /split\.enabled/ }] },
    {
      name: 'UNION with a fix',
      sql: 'SELECT user_id FROM clicks UNION SELECT user_id FROM page_views',
      errors: [{ text: 'UNION', message: /UNION without ALL/ }],
      output: 'SELECT user_id FROM clicks UNION ALL SELECT user_id FROM page_views',
    },
    { name: 'parenthesized branches', sql: '(SELECT s FROM t1) UNION (SELECT s FROM t2)', errors: [{ text: 'UNION' }], output: '(SELECT s FROM t1) UNION ALL (SELECT s FROM t2)' },
  ],
});
