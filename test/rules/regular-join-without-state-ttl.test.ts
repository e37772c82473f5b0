import rule from '../../rules/regular-join-without-state-ttl.js';
import { ruleTester } from '../support/rule-tester.js';
import { HISTORY, ORDERS, RATES_JDBC, SHIPMENTS, TTL } from './ddl.js';

ruleTester(rule, {
  valid: [
    { name: 'state TTL set', sql: TTL + ORDERS + SHIPMENTS + 'SELECT o.id, s.status FROM orders AS o JOIN shipments AS s ON o.id = s.order_id' },
    { name: 'STATE_TTL hint', sql: ORDERS + SHIPMENTS + "SELECT /*+ STATE_TTL('o' = '1d', 's' = '1d') */ o.id, s.status FROM orders AS o JOIN shipments AS s ON o.id = s.order_id" },
    { name: 'interval join', sql: ORDERS + SHIPMENTS + "SELECT o.id FROM orders AS o JOIN shipments AS s ON o.id = s.order_id AND s.ts BETWEEN o.ts AND o.ts + INTERVAL '1' HOUR" },
    { name: 'lookup join', sql: ORDERS + RATES_JDBC + 'SELECT o.id, r.rate FROM orders AS o JOIN rates_db FOR SYSTEM_TIME AS OF o.pt AS r ON o.cur = r.cur' },
    { name: 'UNNEST', sql: ORDERS + 'SELECT o.id, t.tag FROM orders AS o CROSS JOIN UNNEST(o.tags) AS t(tag)' },
    { name: 'bounded side', sql: ORDERS + HISTORY + 'SELECT o.id FROM orders AS o JOIN history AS h ON o.id = h.id' },
    { name: 'batch mode', sql: "SET 'execution.runtime-mode' = 'batch';\n" + ORDERS + SHIPMENTS + 'SELECT o.id FROM orders AS o JOIN shipments AS s ON o.id = s.order_id' },
    { name: 'comma join with a TTL', sql: "SET 'table.exec.state.ttl' = '2 h';\n" + 'SELECT * FROM a, b WHERE a.id = b.id' },
  ],
  invalid: [
    {
      sql: ORDERS + SHIPMENTS + 'SELECT o.id, s.status FROM orders AS o JOIN shipments AS s ON o.id = s.order_id',
      errors: [{ text: 'JOIN', message: /regular join of `orders` and `shipments` keeps every row/, hint: /table\.exec\.state\.ttl/ }],
    },
    {
      name: 'LEFT JOIN of unknown (assumed streaming) tables, TTL of 0',
      sql: "SET 'table.exec.state.ttl' = '0';\nSELECT * FROM a LEFT JOIN b ON a.id = b.id",
      errors: [{ text: 'LEFT JOIN' }],
    },
    {
      name: 'comma join',
      sql: ORDERS + SHIPMENTS + 'SELECT o.id FROM orders AS o, shipments AS s WHERE o.id = s.order_id',
      errors: [{ text: ',' }],
    },
    {
      name: 'two joins',
      sql: 'SELECT * FROM a JOIN b ON a.id = b.id JOIN c ON b.id = c.id',
      errors: [{ text: 'JOIN', message: /`a` and `b`/ }, { text: 'JOIN', message: /`a`, `b` and `c`/ }],
    },
  ],
});
