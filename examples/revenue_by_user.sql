-- Revenue per user, written to Kafka. This file has a deliberate mistake: a plain GROUP BY
-- produces updates, and a 'kafka' table can only take appends.
CREATE TABLE orders (
  order_id   BIGINT,
  user_id    BIGINT,
  amount     DECIMAL(10, 2),
  order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = 'orders',
  'properties.bootstrap.servers' = 'kafka:9092',
  'scan.startup.mode' = 'earliest-offset',
  'format' = 'json'
);

CREATE TABLE revenue_by_user (
  user_id BIGINT,
  revenue DECIMAL(38, 2)
) WITH (
  'connector' = 'kafka',
  'topic' = 'revenue-by-user',
  'properties.bootstrap.servers' = 'kafka:9092',
  'format' = 'json'
);

INSERT INTO revenue_by_user
SELECT user_id, SUM(amount) AS revenue
FROM orders
GROUP BY user_id;
