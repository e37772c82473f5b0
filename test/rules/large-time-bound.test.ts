import rule from '../../rules/large-time-bound.js';
import { ruleTester } from '../support/rule-tester.js';
import { ORDERS, SHIPMENTS } from './ddl.js';

ruleTester(rule, {
  valid: [
    ORDERS + "SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' DAY)) GROUP BY window_start, window_end",
    ORDERS + SHIPMENTS + "SELECT o.id FROM orders AS o JOIN shipments AS s ON o.id = s.order_id AND s.ts BETWEEN o.ts AND o.ts + INTERVAL '4' HOUR",
    { name: 'larger limit by option', sql: ORDERS + "SELECT COUNT(*) FROM orders GROUP BY TUMBLE(ts, INTERVAL '30' DAY)", options: { maxWindow: '31 d' } },
    { name: 'a filter is not a bound', sql: ORDERS + "SELECT id FROM orders WHERE ts > CURRENT_TIMESTAMP - INTERVAL '30' DAY" },
  ],
  invalid: [
    {
      sql: ORDERS + "SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '30' DAY)) GROUP BY window_start, window_end",
      errors: [{ text: "INTERVAL '30' DAY", message: /a TUMBLE window of 30 days keeps that much of the stream in state \(the limit is 7 days\)/ }],
    },
    {
      sql: ORDERS + SHIPMENTS + "SELECT o.id FROM orders AS o JOIN shipments AS s ON o.id = s.order_id AND s.ts BETWEEN o.ts AND o.ts + INTERVAL '10' DAY",
      errors: [{ text: "INTERVAL '10' DAY", message: /an interval join bound of 10 days/ }],
    },
    {
      name: 'OVER RANGE and composite interval',
      sql: ORDERS + "SELECT id, SUM(amount) OVER (PARTITION BY id ORDER BY ts RANGE BETWEEN INTERVAL '2 12' DAY TO HOUR PRECEDING AND CURRENT ROW) FROM orders",
      errors: [{ text: "INTERVAL '2 12' DAY TO HOUR", message: /2\.5 days/ }],
    },
  ],
});
