import rule from '../../rules/unbounded-group-aggregation.js';
import { ruleTester } from '../support/rule-tester.js';
import { CLICKS, HISTORY, ORDERS, TTL } from './ddl.js';

ruleTester(rule, {
  valid: [
    { name: 'window TVF aggregation', sql: ORDERS + "SELECT user_id, window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' HOUR)) GROUP BY user_id, window_start, window_end" },
    { name: 'legacy group window', sql: ORDERS + "SELECT user_id, COUNT(*) FROM orders GROUP BY user_id, TUMBLE(ts, INTERVAL '1' HOUR)" },
    { name: 'TTL', sql: TTL + CLICKS + 'SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id' },
    { name: 'bounded source', sql: HISTORY + 'SELECT id, SUM(amount) FROM history GROUP BY id' },
    { name: 'global aggregation keeps one row', sql: CLICKS + 'SELECT COUNT(*) FROM clicks' },
  ],
  invalid: [
    { sql: CLICKS + 'SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id', errors: [{ text: 'GROUP BY user_id', message: /GROUP BY `user_id` on an unbounded stream keeps state for every key forever/, hint: /TUMBLE/ }] },
    { name: 'a quoted key is shown as written', sql: CLICKS + 'SELECT `page`, COUNT(*) FROM clicks GROUP BY `page`, user_id', errors: [{ text: 'GROUP BY `page`, user_id', message: /^GROUP BY `page`, `user_id` on an unbounded stream/ }] },
    { name: 'in a subquery of an INSERT', sql: 'INSERT INTO s SELECT * FROM (SELECT page, user_id, COUNT(*) AS n FROM clicks GROUP BY page, user_id) WHERE n > 3', errors: [{ text: 'GROUP BY page, user_id' }] },
    { name: 'group by over a window TVF without window_end', sql: ORDERS + "SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' HOUR)) GROUP BY window_start", errors: [{ text: 'GROUP BY window_start' }] },
  ],
});
