import rule from '../../rules/sink-key-differs-from-upsert-key.js';
import { ruleTester } from '../support/rule-tester.js';
import { CLICKS, ORDERS, UPSERT_SINK } from './ddl.js';

const SINK_BY_N = "CREATE TABLE by_n (k STRING, n BIGINT, PRIMARY KEY (n) NOT ENFORCED) WITH ('connector' = 'upsert-kafka', 'topic' = 'o', 'key.format' = 'json', 'value.format' = 'json');\n";

ruleTester(rule, {
  valid: [
    { name: 'sink key is the GROUP BY key', sql: CLICKS + UPSERT_SINK + 'INSERT INTO out_upsert SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id' },
    { name: 'column list maps the key', sql: CLICKS + UPSERT_SINK + 'INSERT INTO out_upsert (n, k) SELECT COUNT(*), user_id FROM clicks GROUP BY user_id' },
    { name: 'append-only result', sql: CLICKS + SINK_BY_N + 'INSERT INTO by_n SELECT user_id, 1 FROM clicks' },
    { name: 'Top-N keyed by its partition', sql: ORDERS + UPSERT_SINK + 'INSERT INTO out_upsert SELECT user_id, amount FROM (SELECT user_id, CAST(amount AS BIGINT) AS amount, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY amount DESC) AS rn FROM orders) WHERE rn = 1' },
  ],
  invalid: [
    {
      sql: CLICKS + SINK_BY_N + 'INSERT INTO by_n SELECT page, COUNT(*) AS n FROM clicks GROUP BY page',
      errors: [{ text: 'by_n', message: /sink `by_n` has PRIMARY KEY \(`n`\) but the query's result is keyed by \(`page`\)/, hint: /PRIMARY KEY \(`k`\)/ }],
    },
    {
      name: 'group key not projected: no key',
      sql: CLICKS + UPSERT_SINK + 'INSERT INTO out_upsert SELECT page, COUNT(*) FROM clicks GROUP BY page, user_id',
      errors: [{ text: 'out_upsert', message: /has no key/ }],
    },
  ],
});
