-- Clicks per user and minute, from a Kafka topic of page-view events.

-- Source: JSON events from Kafka. Event time comes from the record; events may arrive
-- up to 5 seconds late.
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
  'properties.group.id' = 'clicks-per-minute',
  'scan.startup.mode' = 'earliest-offset',
  'format' = 'json'
);

-- Sink: one row per user and closed one-minute window (append-only).
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

INSERT INTO clicks_per_minute
SELECT window_start, window_end, user_id, COUNT(*) AS clicks
FROM TABLE(
  TUMBLE(TABLE clicks, DESCRIPTOR(event_time), INTERVAL '1' MINUTES))
GROUP BY window_start, window_end, user_id;
