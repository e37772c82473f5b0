import stateEstimate from '../../rules/state-estimate.js';
import unboundedState from '../../rules/unbounded-state.js';
import groupAggregationWithoutMiniBatch from '../../rules/group-aggregation-without-mini-batch.js';
import { ruleTester } from '../support/rule-tester.js';
import { CLICKS, HISTORY, ORDERS, SHIPMENTS, TTL } from './ddl.js';

ruleTester(unboundedState, {
  valid: [
    { name: 'stateless', sql: ORDERS + 'INSERT INTO sink SELECT id, amount FROM orders WHERE amount > 0' },
    { name: 'window aggregation', sql: ORDERS + "INSERT INTO sink SELECT user_id, COUNT(*) FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' HOUR)) GROUP BY user_id, window_start, window_end" },
    { name: 'TTL', sql: TTL + CLICKS + 'INSERT INTO sink SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id' },
    { name: 'bounded input', sql: HISTORY + 'INSERT INTO sink SELECT id, COUNT(*) FROM history GROUP BY id' },
    { name: 'a view runs nothing', sql: CLICKS + 'CREATE VIEW v AS SELECT user_id, COUNT(*) AS n FROM clicks GROUP BY user_id' },
  ],
  invalid: [
    {
      sql: ORDERS + SHIPMENTS + 'INSERT INTO sink SELECT o.user_id, COUNT(*) FROM orders AS o\nJOIN shipments AS s ON o.id = s.order_id\nGROUP BY o.user_id',
      errors: [{ text: 'JOIN', message: /this INSERT keeps state that grows without bound: regular join \(line 4\), GROUP BY \(line 5\)/ }],
    },
    {
      name: 'deduplication on a stream',
      sql: ORDERS + 'SELECT id, amount FROM (SELECT id, amount, ROW_NUMBER() OVER (PARTITION BY id ORDER BY ts DESC) AS rn FROM orders) WHERE rn = 1',
      errors: [{ text: 'ROW_NUMBER() OVER (PARTITION BY id ORDER BY ts DESC)', message: /SELECT keeps state .*deduplication/ }],
    },
  ],
});

ruleTester(stateEstimate, {
  valid: [ORDERS + 'INSERT INTO sink SELECT id FROM orders', "SET 'a' = 'b'"],
  invalid: [
    {
      sql: ORDERS + "INSERT INTO sink SELECT user_id, COUNT(*) FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' HOUR)) GROUP BY user_id, window_start, window_end",
      errors: [{ text: 'GROUP BY user_id, window_start, window_end', message: /state of this INSERT: bounded; kept by window aggregation \(bounded by a window of 1 hour\)/, severity: 'info' }],
    },
    {
      sql: TTL + CLICKS + 'INSERT INTO sink SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id',
      errors: [{ text: 'GROUP BY user_id', message: /bounded by the state TTL of 1 day; kept by GROUP BY/ }],
    },
    {
      sql: CLICKS + 'SELECT DISTINCT user_id FROM clicks',
      errors: [{ text: 'SELECT DISTINCT user_id FROM clicks', message: /unbounded; kept by SELECT DISTINCT/ }],
    },
  ],
});

ruleTester(groupAggregationWithoutMiniBatch, {
  valid: [
    "SET 'table.exec.mini-batch.enabled' = 'true';\n" + CLICKS + 'SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id',
    ORDERS + "SELECT user_id, COUNT(*) FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' HOUR)) GROUP BY user_id, window_start, window_end",
  ],
  invalid: [
    { sql: CLICKS + 'SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id', errors: [{ text: 'GROUP BY user_id', hint: /mini-batch\.enabled/ }] },
    { sql: "SET 'table.exec.mini-batch.enabled' = 'false';\nSELECT page, SUM(n) FROM (SELECT page, user_id, COUNT(*) AS n FROM clicks GROUP BY page, user_id) GROUP BY page", errors: [{ text: 'GROUP BY page, user_id' }, { text: 'GROUP BY page' }] },
  ],
});
