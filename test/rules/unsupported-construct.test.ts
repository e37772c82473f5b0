import rule from '../../rules/unsupported-construct.js';
import { ruleTester } from '../support/rule-tester.js';
import { ORDERS, RATES_KAFKA, SHIPMENTS } from './ddl.js';

ruleTester(rule, {
  valid: [
    'SELECT id, amount FROM orders WHERE amount > 10',
    { name: 'everything allowed', sql: 'SELECT * FROM t MATCH_RECOGNIZE (ORDER BY ts MEASURES A.x AS x PATTERN (A) DEFINE A AS A.x > 0)', options: { constructs: ['*'] } },
    { name: 'statement allow-list', sql: "SET 'a' = 'b';\nINSERT INTO s SELECT a FROM t", options: { statements: ['SET', 'INSERT'] } },
    { name: 'function deny pattern does not match', sql: 'SELECT UPPER(a) FROM t', options: { functions: ['*', '!UUID'] } },
  ],
  invalid: [
    {
      sql: 'SELECT * FROM orders MATCH_RECOGNIZE (PARTITION BY id ORDER BY ts MEASURES A.id AS aid PATTERN (A B) DEFINE A AS A.v > 0, B AS B.v < 0)',
      errors: [{ text: 'MATCH_RECOGNIZE', message: /MATCH_RECOGNIZE \(pattern matching\) is not supported on this platform/, hint: /window aggregation/ }],
    },
    {
      name: 'temporal join',
      sql: ORDERS + RATES_KAFKA + 'SELECT o.id FROM orders AS o JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.cur = r.cur',
      errors: [{ text: 'rates FOR SYSTEM_TIME AS OF o.ts AS r', message: /temporal join/ }],
    },
    {
      name: 'platform lists',
      sql: "CREATE TABLE t (a INT) WITH ('connector' = 'filesystem');\nSELECT UUID(), a FROM t ORDER BY a",
      options: { statements: ['SELECT'], functions: ['*', '!UUID'], connectors: ['kafka'], constructs: ['*', '!ORDER_BY'] },
      errors: [
        { text: 'CREATE TABLE', message: /CREATE TABLE statements are not supported on this platform/, hint: /SELECT/ },
        { text: "'filesystem'", message: /connector `filesystem` is not supported/, hint: /kafka/ },
        { text: 'UUID', message: /function `UUID` is not supported/ },
        { text: 'a', message: /ORDER BY is not supported/ },
      ],
    },
    {
      name: 'join kinds and aggregation constructs',
      sql: ORDERS + SHIPMENTS + "SELECT o.user_id, COUNT(*) FROM orders AS o JOIN shipments AS s ON o.id = s.order_id AND s.ts BETWEEN o.ts AND o.ts + INTERVAL '1' HOUR CROSS JOIN UNNEST(o.tags) AS t(tag) GROUP BY o.user_id",
      options: { constructs: ['*', '!INTERVAL_JOIN', '!UNNEST', '!GROUP_AGGREGATION'] },
      errors: [{ text: 'JOIN', message: /interval join/ }, { text: 'UNNEST' }, { text: 'GROUP BY o.user_id', message: /non-windowed aggregation/ }],
    },
    {
      name: 'Top-N versus OVER',
      sql: 'SELECT * FROM (SELECT a, ROW_NUMBER() OVER (ORDER BY b) AS rn FROM t) WHERE rn <= 3;\nSELECT SUM(a) OVER (ORDER BY ts) FROM t',
      options: { constructs: ['*', '!TOP_N', '!OVER_AGGREGATION'] },
      errors: [{ text: 'ROW_NUMBER() OVER (ORDER BY b)', message: /Top-N/ }, { text: 'SUM(a) OVER (ORDER BY ts)', message: /OVER aggregation/ }],
    },
  ],
});
