import rule from '../../rules/legacy-group-window.js';
import { ruleTester } from '../support/rule-tester.js';
import { ORDERS } from './ddl.js';

ruleTester(rule, {
  valid: [
    ORDERS + "SELECT user_id, window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' HOUR)) GROUP BY user_id, window_start, window_end",
    'SELECT user_id, COUNT(*) FROM orders GROUP BY user_id',
  ],
  invalid: [
    {
      sql: ORDERS + "SELECT user_id, COUNT(*) FROM orders GROUP BY user_id, TUMBLE(ts, INTERVAL '1' HOUR)",
      errors: [{ text: "TUMBLE(ts, INTERVAL '1' HOUR)", message: /`GROUP BY TUMBLE\(\.\.\.\)` is the deprecated/, hint: /FROM TABLE\(TUMBLE\(TABLE orders, DESCRIPTOR\(ts\), INTERVAL '1' HOUR\)\)/ }],
    },
    {
      sql: ORDERS + "SELECT HOP_START(ts, INTERVAL '1' MINUTE, INTERVAL '1' HOUR), COUNT(*) FROM orders GROUP BY HOP(ts, INTERVAL '1' MINUTE, INTERVAL '1' HOUR)",
      errors: [{ text: "HOP(ts, INTERVAL '1' MINUTE, INTERVAL '1' HOUR)", hint: /HOP_START\/HOP_END become window_start\/window_end/ }],
    },
  ],
});
