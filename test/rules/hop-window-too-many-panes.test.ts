import rule from '../../rules/hop-window-too-many-panes.js';
import { ruleTester } from '../support/rule-tester.js';
import { ORDERS } from './ddl.js';

ruleTester(rule, {
  valid: [
    ORDERS + "SELECT window_start, COUNT(*) FROM TABLE(HOP(TABLE orders, DESCRIPTOR(ts), INTERVAL '5' MINUTE, INTERVAL '1' HOUR)) GROUP BY window_start, window_end",
    ORDERS + "SELECT window_start, COUNT(*) FROM TABLE(CUMULATE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' HOUR, INTERVAL '1' DAY)) GROUP BY window_start, window_end",
    { name: 'option', sql: ORDERS + "SELECT COUNT(*) FROM orders GROUP BY HOP(ts, INTERVAL '1' MINUTE, INTERVAL '1' DAY)", options: { maxPanes: 2000 } },
  ],
  invalid: [
    {
      sql: ORDERS + "SELECT window_start, COUNT(*) FROM TABLE(HOP(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE, INTERVAL '1' DAY)) GROUP BY window_start, window_end",
      errors: [{ text: "HOP(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE, INTERVAL '1' DAY)", message: /puts each row into 1440 windows/, hint: /slide of at least 14\.4 minutes/ }],
    },
    {
      name: 'named arguments, CUMULATE',
      sql: ORDERS + "SELECT window_start, COUNT(*) FROM TABLE(CUMULATE(DATA => TABLE orders, TIMECOL => DESCRIPTOR(ts), STEP => INTERVAL '1' SECOND, SIZE => INTERVAL '1' HOUR)) GROUP BY window_start, window_end",
      errors: [{ text: "CUMULATE(DATA => TABLE orders, TIMECOL => DESCRIPTOR(ts), STEP => INTERVAL '1' SECOND, SIZE => INTERVAL '1' HOUR)", message: /3600 windows/ }],
    },
    { name: 'legacy HOP', sql: ORDERS + "SELECT COUNT(*) FROM orders GROUP BY HOP(ts, INTERVAL '1' MINUTE, INTERVAL '1' DAY)", errors: [{ text: "HOP(ts, INTERVAL '1' MINUTE, INTERVAL '1' DAY)" }] },
  ],
});
