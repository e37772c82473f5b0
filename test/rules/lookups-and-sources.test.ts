import lookupJoinOnUpdatingInput from '../../rules/lookup-join-on-updating-input.js';
import processingTimeTemporalJoin from '../../rules/processing-time-temporal-join-on-non-lookup-table.js';
import sourceWithoutIdleTimeout from '../../rules/source-without-idle-timeout.js';
import { ruleTester } from '../support/rule-tester.js';
import { ORDERS, RATES_JDBC, RATES_KAFKA } from './ddl.js';

const CDC_ORDERS = "CREATE TABLE cdc_orders (id STRING, cur STRING, pt AS PROCTIME()) WITH ('connector' = 'kafka', 'format' = 'debezium-json');\n";

ruleTester(processingTimeTemporalJoin, {
  valid: [
    ORDERS + RATES_JDBC + 'SELECT o.id, r.rate FROM orders AS o JOIN rates_db FOR SYSTEM_TIME AS OF o.pt AS r ON o.cur = r.cur',
    { name: 'event-time temporal join', sql: ORDERS + RATES_KAFKA + 'SELECT o.id, r.rate FROM orders AS o JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.cur = r.cur' },
    { name: 'unknown table', sql: ORDERS + 'SELECT o.id FROM orders AS o JOIN dim FOR SYSTEM_TIME AS OF o.pt AS d ON o.cur = d.cur' },
  ],
  invalid: [
    {
      sql: ORDERS + RATES_KAFKA + 'SELECT o.id, r.rate FROM orders AS o JOIN rates FOR SYSTEM_TIME AS OF o.pt AS r ON o.cur = r.cur',
      errors: [{ text: 'rates FOR SYSTEM_TIME AS OF o.pt AS r', message: /`rates` is read by connector `upsert-kafka`, which cannot serve lookups/ }],
    },
    {
      name: 'PROCTIME() added in a view',
      sql: "CREATE TABLE s (id STRING, cur STRING) WITH ('connector' = 'kafka');\nCREATE TABLE d (cur STRING, v INT) WITH ('connector' = 'filesystem', 'path' = '/d', 'format' = 'csv');\n" +
        'CREATE VIEW sp AS SELECT *, PROCTIME() AS pt FROM s;\nSELECT sp.id, d.v FROM sp LEFT JOIN d FOR SYSTEM_TIME AS OF sp.pt ON sp.cur = d.cur',
      errors: [{ text: 'd FOR SYSTEM_TIME AS OF sp.pt', message: /connector `filesystem`/ }],
    },
  ],
});

ruleTester(lookupJoinOnUpdatingInput, {
  valid: [
    ORDERS + RATES_JDBC + 'SELECT o.id, r.rate FROM orders AS o JOIN rates_db FOR SYSTEM_TIME AS OF o.pt AS r ON o.cur = r.cur',
    "SET 'table.optimizer.non-deterministic-update.strategy' = 'TRY_RESOLVE';\n" + CDC_ORDERS + RATES_JDBC + 'SELECT o.id, r.rate FROM cdc_orders AS o JOIN rates_db FOR SYSTEM_TIME AS OF o.pt AS r ON o.cur = r.cur',
  ],
  invalid: [
    {
      sql: CDC_ORDERS + RATES_JDBC + 'SELECT o.id, r.rate FROM cdc_orders AS o JOIN rates_db FOR SYSTEM_TIME AS OF o.pt AS r ON o.cur = r.cur',
      errors: [{ text: 'rates_db FOR SYSTEM_TIME AS OF o.pt AS r', message: /changelog source `cdc_orders`/, hint: /TRY_RESOLVE/, severity: 'info' }],
    },
    {
      name: 'changelog source through a view',
      sql: CDC_ORDERS + RATES_JDBC + 'CREATE VIEW v AS SELECT id, cur, pt FROM cdc_orders WHERE id IS NOT NULL;\n' +
        'SELECT v.id, r.rate FROM v JOIN rates_db FOR SYSTEM_TIME AS OF v.pt AS r ON v.cur = r.cur',
      errors: [{ text: 'rates_db FOR SYSTEM_TIME AS OF v.pt AS r', message: /changelog source `cdc_orders`/ }],
    },
  ],
});

ruleTester(sourceWithoutIdleTimeout, {
  valid: [
    { name: 'idle timeout on the table', sql: "CREATE TABLE c (ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'kafka', 'scan.watermark.idle-timeout' = '1 min')" },
    "SET 'table.exec.source.idle-timeout' = '30 s';\nCREATE TABLE c (ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'kafka')",
    { name: 'no watermark', sql: "CREATE TABLE c (ts TIMESTAMP(3)) WITH ('connector' = 'kafka')" },
    { name: 'not partitioned', sql: "CREATE TABLE c (ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen')" },
  ],
  invalid: [
    {
      sql: "CREATE TABLE c (ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'kafka')",
      errors: [{ text: "WATERMARK FOR ts AS ts - INTERVAL '1' SECOND", message: /`c` has a watermark but no idle timeout/, severity: 'info' }],
    },
    { name: 'a SET of 0 disables it', sql: "SET 'table.exec.source.idle-timeout' = '0 ms';\nCREATE TABLE c (ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'upsert-kafka')", errors: [{ text: 'WATERMARK FOR ts AS ts' }] },
  ],
});
