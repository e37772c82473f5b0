import rule from '../../rules/non-deterministic-function-in-updating-pipeline.js';
import { ruleTester } from '../support/rule-tester.js';
import { CLICKS, ORDERS, USERS_CDC } from './ddl.js';

ruleTester(rule, {
  valid: [
    { name: 'append-only pipeline', sql: CLICKS + 'SELECT user_id, CURRENT_TIMESTAMP AS seen_at FROM clicks' },
    { name: 'window aggregation', sql: ORDERS + "SELECT user_id, NOW() AS computed_at, COUNT(*) FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY user_id, window_start, window_end" },
    { name: 'a filter before the aggregation sees append-only rows', sql: CLICKS + 'SELECT page, COUNT(*) FROM clicks WHERE ts > CURRENT_TIMESTAMP GROUP BY page' },
    { name: 'an aggregate argument sees append-only rows', sql: CLICKS + 'SELECT page, COUNT(*) FILTER (WHERE ts > NOW()) FROM clicks GROUP BY page' },
    { name: 'UNIX_TIMESTAMP with an argument is deterministic', sql: USERS_CDC + "SELECT id, UNIX_TIMESTAMP('2024-01-01 00:00:00') FROM users" },
  ],
  invalid: [
    {
      sql: CLICKS + 'SELECT user_id, COUNT(*) AS n, CURRENT_TIMESTAMP AS updated_at FROM clicks GROUP BY user_id',
      errors: [{ text: 'CURRENT_TIMESTAMP', message: /`CURRENT_TIMESTAMP` gives a different value .* \(GROUP BY\)/ }],
    },
    { name: 'UUID over a CDC source', sql: USERS_CDC + 'SELECT id, UUID() AS version FROM users', errors: [{ text: 'UUID()', message: /changelog source `users`/ }] },
    { name: 'RAND in a filter over an outer join', sql: 'SELECT a.id FROM a LEFT JOIN b ON a.id = b.id WHERE RAND() < 0.5', errors: [{ text: 'RAND()' }] },
    { name: 'in HAVING, after the aggregation', sql: CLICKS + 'SELECT page FROM clicks GROUP BY page HAVING MAX(ts) > LOCALTIMESTAMP', errors: [{ text: 'LOCALTIMESTAMP' }] },
  ],
});
