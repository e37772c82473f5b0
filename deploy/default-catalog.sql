-- The catalog `npm start` preloads (flinkcheck-server --catalog deploy/default-catalog.sql):
-- example tables that requests naming no catalog of their own can query.

-- Page views from Kafka; event time from the record, events up to 5 seconds late.
CREATE TABLE clicks (
  user_id    BIGINT,
  url        STRING,
  referrer   STRING,
  event_time TIMESTAMP(3),
  WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = 'clicks',
  'properties.bootstrap.servers' = 'kafka:9092',
  'format' = 'json'
);

-- Orders from Kafka, append-only.
CREATE TABLE orders (
  order_id    BIGINT NOT NULL,
  customer_id BIGINT,
  amount      DECIMAL(10, 2),
  currency    STRING,
  order_time  TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '10' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = 'orders',
  'properties.bootstrap.servers' = 'kafka:9092',
  'format' = 'json'
);

-- A lookup table of customers in a database.
CREATE TABLE customers (
  customer_id BIGINT NOT NULL,
  name        STRING,
  country     STRING,
  PRIMARY KEY (customer_id) NOT ENFORCED
) WITH (
  'connector' = 'jdbc',
  'url' = 'jdbc:postgresql://db:5432/shop',
  'table-name' = 'customers'
);

-- Currency rates, versioned by update time, for temporal joins.
CREATE TABLE currency_rates (
  currency    STRING NOT NULL,
  rate        DECIMAL(18, 6),
  update_time TIMESTAMP(3),
  WATERMARK FOR update_time AS update_time,
  PRIMARY KEY (currency) NOT ENFORCED
) WITH (
  'connector' = 'upsert-kafka',
  'topic' = 'currency-rates',
  'properties.bootstrap.servers' = 'kafka:9092',
  'key.format' = 'json',
  'value.format' = 'json'
);

-- An append-only sink of per-minute click counts.
CREATE TABLE clicks_per_minute (
  window_start TIMESTAMP(3),
  window_end   TIMESTAMP(3),
  user_id      BIGINT,
  clicks       BIGINT
) WITH (
  'connector' = 'kafka',
  'topic' = 'clicks-per-minute',
  'properties.bootstrap.servers' = 'kafka:9092',
  'format' = 'json'
);
