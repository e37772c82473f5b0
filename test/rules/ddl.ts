/** Table definitions shared by the rule tests: streams, a CDC source, a lookup table, a bounded table, sinks. */
export const ORDERS =
  "CREATE TABLE orders (id STRING, user_id STRING, amount INT, cur STRING, tags ARRAY<STRING>, ts TIMESTAMP(3), created TIMESTAMP(3), pt AS PROCTIME(), " +
  "WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'kafka', 'properties.bootstrap.servers' = 'kafka:9092', 'topic' = 'orders', 'format' = 'json');\n";
export const SHIPMENTS =
  "CREATE TABLE shipments (order_id STRING, status STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) " +
  "WITH ('connector' = 'kafka', 'properties.bootstrap.servers' = 'kafka:9092', 'topic' = 'shipments', 'format' = 'json');\n";
/** A stream without a watermark. */
export const CLICKS = "CREATE TABLE clicks (user_id STRING, page STRING, ts TIMESTAMP(3)) WITH ('connector' = 'kafka', 'properties.bootstrap.servers' = 'kafka:9092', 'topic' = 'clicks', 'format' = 'json');\n";
/** A changelog (CDC) source. */
export const USERS_CDC =
  "CREATE TABLE users (id STRING, name STRING, country STRING, PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'kafka', 'properties.bootstrap.servers' = 'kafka:9092', 'topic' = 'users', 'format' = 'debezium-json');\n";
export const RATES_JDBC = "CREATE TABLE rates_db (cur STRING, rate DOUBLE) WITH ('connector' = 'jdbc', 'url' = 'jdbc:mysql://db/rates', 'table-name' = 'rates');\n";
export const RATES_KAFKA =
  "CREATE TABLE rates (cur STRING, rate DOUBLE, ts TIMESTAMP(3), WATERMARK FOR ts AS ts, PRIMARY KEY (cur) NOT ENFORCED) " +
  "WITH ('connector' = 'upsert-kafka', 'properties.bootstrap.servers' = 'kafka:9092', 'topic' = 'rates', 'key.format' = 'json', 'value.format' = 'json');\n";
export const HISTORY = "CREATE TABLE history (id STRING, amount INT, ts TIMESTAMP(3)) WITH ('connector' = 'filesystem', 'path' = '/data/history', 'format' = 'parquet');\n";
export const APPEND_SINK = "CREATE TABLE out_append (k STRING, n BIGINT) WITH ('connector' = 'kafka', 'properties.bootstrap.servers' = 'kafka:9092', 'topic' = 'out', 'format' = 'json');\n";
export const UPSERT_SINK =
  "CREATE TABLE out_upsert (k STRING, n BIGINT, PRIMARY KEY (k) NOT ENFORCED) WITH ('connector' = 'upsert-kafka', 'properties.bootstrap.servers' = 'kafka:9092', 'topic' = 'out', 'key.format' = 'json', 'value.format' = 'json');\n";
export const TTL = "SET 'table.exec.state.ttl' = '1 d';\n";
