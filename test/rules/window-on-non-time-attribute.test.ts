import rule from '../../rules/window-on-non-time-attribute.js';
import { ruleTester } from '../support/rule-tester.js';
import { CLICKS, ORDERS, SHIPMENTS } from './ddl.js';

ruleTester(rule, {
  valid: [
    { name: 'rowtime', sql: ORDERS + "SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' HOUR)) GROUP BY window_start, window_end" },
    { name: 'proctime', sql: ORDERS + "SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(pt), INTERVAL '1' HOUR)) GROUP BY window_start, window_end" },
    { name: 'rowtime through a view', sql: ORDERS + "CREATE VIEW v AS SELECT id, ts FROM orders;\nSELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE v, DESCRIPTOR(ts), INTERVAL '1' HOUR)) GROUP BY window_start, window_end" },
    { name: 'no watermark at all is the other rule', sql: CLICKS + "SELECT COUNT(*) FROM clicks GROUP BY TUMBLE(ts, INTERVAL '1' HOUR)" },
    {
      name: 'legacy group window after a regular join (Flink plans it before it materializes time attributes)',
      sql: ORDERS + SHIPMENTS + "SELECT s.status, COUNT(*) FROM orders AS o JOIN shipments AS s ON o.id = s.order_id GROUP BY s.status, TUMBLE(o.ts, INTERVAL '1' HOUR)",
    },
    {
      name: 'legacy group window over a grouped view',
      sql: ORDERS + "CREATE VIEW d AS SELECT DISTINCT id, ts FROM orders;\nSELECT id, COUNT(*) FROM d GROUP BY id, TUMBLE(ts, INTERVAL '1' HOUR)",
    },
    { name: 'unknown table', sql: "SELECT COUNT(*) FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(x), INTERVAL '1' HOUR)) GROUP BY window_start, window_end" },
  ],
  invalid: [
    {
      sql: ORDERS + "SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(created), INTERVAL '1' HOUR)) GROUP BY window_start, window_end",
      errors: [{ text: 'created', message: /the TUMBLE window needs a time attribute, but `created` is a plain TIMESTAMP\(3\) column of `orders`, whose rowtime is `ts`/, hint: /use `ts`/ }],
    },
    {
      name: 'after a regular join, through a CTE',
      sql: ORDERS + SHIPMENTS + "WITH j AS (SELECT o.id, o.ts FROM orders AS o JOIN shipments AS s ON o.id = s.order_id)\nSELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE j, DESCRIPTOR(ts), INTERVAL '1' HOUR)) GROUP BY window_start, window_end",
      errors: [{ text: 'ts', message: /regular join/ }],
    },
    {
      name: 'legacy window on a computed column of a view',
      sql: ORDERS + "CREATE VIEW v AS SELECT id, ts + INTERVAL '1' HOUR AS later FROM orders;\nSELECT COUNT(*) FROM v GROUP BY TUMBLE(later, INTERVAL '1' HOUR)",
      errors: [{ text: 'later', message: /computed by an expression/ }],
    },
  ],
});
