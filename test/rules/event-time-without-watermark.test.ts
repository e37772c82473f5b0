import rule from '../../rules/event-time-without-watermark.js';
import { ruleTester } from '../support/rule-tester.js';
import { CLICKS, ORDERS } from './ddl.js';

ruleTester(rule, {
  valid: [
    ORDERS + "SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end",
    { name: 'plain column of a table that has a rowtime is the other rule', sql: ORDERS + "SELECT COUNT(*) FROM orders GROUP BY TUMBLE(created, INTERVAL '1' HOUR)" },
    { name: 'batch mode', sql: "SET 'execution.runtime-mode' = 'batch';\n" + CLICKS + "SELECT COUNT(*) FROM clicks GROUP BY TUMBLE(ts, INTERVAL '1' HOUR)" },
  ],
  invalid: [
    {
      sql: CLICKS + "SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end",
      errors: [{ text: 'ts', message: /the TUMBLE window runs on `ts`, but `clicks` declares no WATERMARK/, hint: /WATERMARK FOR ts AS ts - INTERVAL '5' SECOND/ }],
    },
    { name: 'legacy window', sql: CLICKS + "SELECT COUNT(*) FROM clicks GROUP BY HOP(ts, INTERVAL '1' MINUTE, INTERVAL '1' HOUR)", errors: [{ text: 'ts', message: /HOP group window/ }] },
    { name: 'OVER', sql: CLICKS + 'SELECT page, COUNT(*) OVER (PARTITION BY page ORDER BY ts ROWS BETWEEN 5 PRECEDING AND CURRENT ROW) FROM clicks', errors: [{ text: 'ts', message: /OVER window/ }] },
    {
      name: 'MATCH_RECOGNIZE',
      sql: CLICKS + 'SELECT * FROM clicks MATCH_RECOGNIZE (PARTITION BY user_id ORDER BY ts MEASURES A.page AS p PATTERN (A B) DEFINE A AS A.page = \'x\', B AS B.page = \'y\')',
      errors: [{ text: 'ts', message: /MATCH_RECOGNIZE/ }],
    },
  ],
});
