import type { ExplanationTable } from './types.js';

const CLICKS = `CREATE TABLE clicks (
  user_id STRING,
  url STRING,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH ('connector' = 'datagen');`;

const PLAIN_CLICKS = `CREATE TABLE clicks (
  user_id STRING,
  url STRING,
  ts TIMESTAMP(3)
) WITH ('connector' = 'datagen');`;

const KAFKA_SINK = `CREATE TABLE click_counts (
  user_id STRING,
  cnt BIGINT
) WITH ('connector' = 'kafka', 'topic' = 'counts', 'properties.bootstrap.servers' = 'kafka:9092', 'format' = 'json');`;

const UPSERT_SINK = `CREATE TABLE click_counts (
  user_id STRING,
  cnt BIGINT,
  PRIMARY KEY (user_id) NOT ENFORCED
) WITH ('connector' = 'upsert-kafka', 'topic' = 'counts', 'properties.bootstrap.servers' = 'kafka:9092', 'key.format' = 'json', 'value.format' = 'json');`;

const RATES = `CREATE TABLE rates (
  currency STRING,
  rate DECIMAL(10, 4),
  update_time TIMESTAMP(3),
  WATERMARK FOR update_time AS update_time,
  PRIMARY KEY (currency) NOT ENFORCED
) WITH ('connector' = 'upsert-kafka', 'topic' = 'rates', 'properties.bootstrap.servers' = 'kafka:9092', 'key.format' = 'json', 'value.format' = 'json');`;

const PAYMENTS = `CREATE TABLE payments (
  payment_id BIGINT,
  currency STRING,
  amount DECIMAL(10, 2),
  paid_at TIMESTAMP(3),
  WATERMARK FOR paid_at AS paid_at
) WITH ('connector' = 'datagen');`;

/** Changelog and streaming semantics (4000-4999). */
export const changelogExplanations: ExplanationTable = {
  FSQL4001: {
    explanation:
      'The query produces updates (a GROUP BY aggregation, a regular join with an outer side, deduplication keeping the last row...) but the sink can only append rows, like a Kafka topic written with the `kafka` connector or a file. Flink fails the job when it plans the INSERT.',
    example: `${CLICKS}\n${KAFKA_SINK}\nINSERT INTO click_counts SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id;`,
    fix: 'Write into a sink that accepts updates (`upsert-kafka`, `jdbc` with a PRIMARY KEY), or make the query append-only, for example with a window aggregation (TUMBLE) instead of an unbounded GROUP BY.',
    fixed: `${CLICKS}\n${UPSERT_SINK}\nINSERT INTO click_counts SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id;`,
    flink: "Table sink 'default_catalog.default_database.click_counts' doesn't support consuming update changes which is produced by node GroupAggregate(groupBy=[user_id], select=[user_id, COUNT(*) AS EXPR$1])",
  },
  FSQL4002: {
    explanation:
      'An operator that only works on insert-only input (OVER aggregation, interval join, window join, window aggregation over a TVF, MATCH_RECOGNIZE) reads an input that produces updates, for example the result of a GROUP BY or a regular join.',
    example: `${CLICKS}\nSELECT user_id, cnt, SUM(cnt) OVER (PARTITION BY user_id ORDER BY last_ts) FROM (SELECT user_id, COUNT(*) AS cnt, MAX(ts) AS last_ts FROM clicks GROUP BY user_id);`,
    fix: 'Move the insert-only operator before the aggregation or join, or replace the updating part with a windowed (append-only) one.',
    fixed: `${CLICKS}\nSELECT user_id, COUNT(*) OVER (PARTITION BY user_id ORDER BY ts) FROM clicks;`,
    flink: "StreamPhysicalOverAggregate doesn't support consuming update and delete changes which is produced by node GroupAggregate(groupBy=[user_id], select=[user_id, COUNT(*) AS cnt, MAX(ts) AS last_ts])",
  },
  FSQL4003: {
    explanation:
      'A window table function (TUMBLE, HOP, CUMULATE, SESSION) or a legacy group window needs a time attribute: the column with the WATERMARK declaration (event time) or a PROCTIME() column. A timestamp without a watermark, or a time attribute that a regular join or aggregation turned into a plain timestamp, is not enough.',
    example: `${PLAIN_CLICKS}\nSELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end;`,
    fix: "Declare a watermark on the column (`WATERMARK FOR ts AS ts - INTERVAL '5' SECOND`), or window on a PROCTIME() column.",
    fixed: `${CLICKS}\nSELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end;`,
    flink: 'The window function requires the timecol is a time attribute type, but is TIMESTAMP(3).',
  },
  FSQL4004: {
    explanation:
      'On a stream, an OVER window (and ROW_NUMBER without a Top-N filter) must be ordered by a single time attribute in ascending order, because rows are processed in time order.',
    example: `${CLICKS}\nSELECT user_id, COUNT(*) OVER (PARTITION BY user_id ORDER BY url) FROM clicks;`,
    fix: 'Order the window by the rowtime or proctime column, ascending.',
    fixed: `${CLICKS}\nSELECT user_id, COUNT(*) OVER (PARTITION BY user_id ORDER BY ts) FROM clicks;`,
    flink: "OVER windows' ordering in stream mode must be defined on a time attribute.",
  },
  FSQL4005: {
    explanation:
      'A streaming query without LIMIT can only be sorted by a time attribute in ascending order first: the result is unbounded, and only time order can be emitted as the stream progresses.',
    example: `${CLICKS}\nSELECT user_id, url FROM clicks ORDER BY user_id;`,
    fix: 'Sort by the time attribute first, or add a LIMIT to make it a Top-N query.',
    fixed: `${CLICKS}\nSELECT user_id, url FROM clicks ORDER BY ts, user_id;`,
    flink: 'Sort on a non-time-attribute field is not supported.',
  },
  FSQL4006: {
    explanation:
      'In a temporal join, `FOR SYSTEM_TIME AS OF` must name the time attribute of the left (probe) table: the join looks up the version of the right table at the time of each left row.',
    example: `${PAYMENTS}\n${RATES}\nSELECT p.payment_id, p.amount * r.rate FROM payments AS p JOIN rates FOR SYSTEM_TIME AS OF r.update_time AS r ON p.currency = r.currency;`,
    fix: "Use the left table's time attribute: `FOR SYSTEM_TIME AS OF p.paid_at`.",
    fixed: `${PAYMENTS}\n${RATES}\nSELECT p.payment_id, p.amount * r.rate FROM payments AS p JOIN rates FOR SYSTEM_TIME AS OF p.paid_at AS r ON p.currency = r.currency;`,
    flink: "Temporal table join currently only supports 'FOR SYSTEM_TIME AS OF' left table's time attribute field",
  },
  FSQL4007: {
    explanation:
      'An event-time temporal join needs a versioned table on the right: one with a PRIMARY KEY and a rowtime attribute (a WATERMARK), so Flink can keep each key\'s versions over time.',
    example: `${PAYMENTS}\n${RATES.replace(',\n  PRIMARY KEY (currency) NOT ENFORCED', '').replace("'upsert-kafka'", "'kafka'").replace("'key.format' = 'json', 'value.format' = 'json'", "'format' = 'json'")}\nSELECT p.payment_id, p.amount * r.rate FROM payments AS p JOIN rates FOR SYSTEM_TIME AS OF p.paid_at AS r ON p.currency = r.currency;`,
    fix: 'Declare `PRIMARY KEY (...) NOT ENFORCED` and a WATERMARK on the versioned table (or use a view that deduplicates it to the latest row per key).',
    fixed: `${PAYMENTS}\n${RATES}\nSELECT p.payment_id, p.amount * r.rate FROM payments AS p JOIN rates FOR SYSTEM_TIME AS OF p.paid_at AS r ON p.currency = r.currency;`,
    flink: 'Temporal Table Join requires primary key in versioned table, but no primary key can be found.',
  },
  FSQL4008: {
    explanation:
      'A UNION (or another set operation) combines a time attribute with a plain timestamp, or two different kinds of time attribute, in the same column. The result column cannot be both.',
    example: `${CLICKS}\nSELECT user_id, ts FROM clicks UNION ALL SELECT user_id, CAST(ts AS TIMESTAMP(3)) FROM clicks;`,
    fix: 'CAST the time attribute to a plain TIMESTAMP(3) in every input, or use time attributes of the same kind in all of them.',
    fixed: `${CLICKS}\nSELECT user_id, CAST(ts AS TIMESTAMP(3)) FROM clicks UNION ALL SELECT user_id, CAST(ts AS TIMESTAMP(3)) FROM clicks;`,
    flink: 'Union fields with time attributes requires same types, but the types are TIMESTAMP(3) *ROWTIME* and TIMESTAMP(3).',
  },
  FSQL4009: {
    explanation:
      'The query writes more than one rowtime attribute into a sink (typically after an interval join, whose output keeps both sides\' rowtimes). A sink row can carry only one event time.',
    example: `${CLICKS}\n${CLICKS.replace('clicks', 'page_views')}\nCREATE TABLE joined (user_id STRING, click_ts TIMESTAMP(3), view_ts TIMESTAMP(3)) WITH ('connector' = 'blackhole');\nINSERT INTO joined SELECT c.user_id, c.ts, v.ts FROM clicks AS c, page_views AS v WHERE c.user_id = v.user_id AND v.ts BETWEEN c.ts - INTERVAL '1' HOUR AND c.ts;`,
    fix: 'Keep one rowtime and CAST the others to TIMESTAMP(3).',
    fixed: `${CLICKS}\n${CLICKS.replace('clicks', 'page_views')}\nCREATE TABLE joined (user_id STRING, click_ts TIMESTAMP(3), view_ts TIMESTAMP(3)) WITH ('connector' = 'blackhole');\nINSERT INTO joined SELECT c.user_id, c.ts, CAST(v.ts AS TIMESTAMP(3)) FROM clicks AS c, page_views AS v WHERE c.user_id = v.user_id AND v.ts BETWEEN c.ts - INTERVAL '1' HOUR AND c.ts;`,
    flink: "The query contains more than one rowtime attribute column [ts, ts0] for writing into table 'default_catalog.default_database.joined'.",
  },
  FSQL4010: {
    explanation: 'Streaming Top-N queries must use ROW_NUMBER(); RANK() and DENSE_RANK() are not supported on streams.',
    example: `${CLICKS}\nSELECT * FROM (SELECT user_id, url, RANK() OVER (PARTITION BY user_id ORDER BY ts DESC) AS rk FROM clicks) WHERE rk <= 3;`,
    fix: 'Use ROW_NUMBER() OVER (PARTITION BY ... ORDER BY ...) and filter on it.',
    fixed: `${CLICKS}\nSELECT * FROM (SELECT user_id, url, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ts DESC) AS rk FROM clicks) WHERE rk <= 3;`,
    flink: 'RANK() on streaming table is not supported currently',
  },
  FSQL4011: {
    explanation: 'On a stream, all OVER aggregates of one SELECT must use the same window (the same PARTITION BY, ORDER BY and frame).',
    example: `${CLICKS}\nSELECT user_id, COUNT(*) OVER (PARTITION BY user_id ORDER BY ts), COUNT(*) OVER (PARTITION BY url ORDER BY ts) FROM clicks;`,
    fix: 'Use one window for all OVER aggregates of the SELECT (a named WINDOW helps), or compute the others in separate queries and join them.',
    fixed: `${CLICKS}\nSELECT user_id, COUNT(*) OVER w, MAX(ts) OVER w FROM clicks WINDOW w AS (PARTITION BY user_id ORDER BY ts);`,
    flink: 'Over Agg: Unsupported use of OVER windows. All aggregates must be computed on the same window. please re-check the over window statement.',
  },
  FSQL4012: {
    explanation: 'A LEFT JOIN with a table function (`LEFT JOIN LATERAL TABLE(f(...))`) accepts only `ON TRUE`; a real condition is not supported.',
    example: `CREATE TABLE docs (id BIGINT, tags ARRAY<STRING>) WITH ('connector' = 'datagen');\nSELECT d.id, t.tag FROM docs AS d LEFT JOIN UNNEST(d.tags) AS t(tag) ON t.tag <> '';`,
    fix: 'Write `ON TRUE` and move the condition into WHERE (or into the function).',
    fixed: `CREATE TABLE docs (id BIGINT, tags ARRAY<STRING>) WITH ('connector' = 'datagen');\nSELECT d.id, t.tag FROM docs AS d LEFT JOIN UNNEST(d.tags) AS t(tag) ON TRUE;`,
    flink: 'Left outer joins with a table function do not accept a predicate such as <>($1, _UTF-16LE\'\'). Only literal TRUE is accepted.',
  },
  FSQL4013: {
    explanation: 'The frame of an OVER window on a stream cannot reach following rows (FOLLOWING, UNBOUNDED FOLLOWING): the future rows have not arrived yet.',
    example: `${CLICKS}\nSELECT user_id, COUNT(*) OVER (PARTITION BY user_id ORDER BY ts ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM clicks;`,
    fix: 'End the frame at CURRENT ROW.',
    fixed: `${CLICKS}\nSELECT user_id, COUNT(*) OVER (PARTITION BY user_id ORDER BY ts ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM clicks;`,
  },
  FSQL4014: {
    explanation:
      'A window table function is called with wrong arguments: the first must be `TABLE t`, the time column must be given as `DESCRIPTOR(col)`, and the sizes must be intervals. HOP needs a slide and a size, CUMULATE a step and a size.',
    example: `${CLICKS}\nSELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), 60)) GROUP BY window_start, window_end;`,
    fix: "Pass the arguments in the documented form, e.g. `TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTE)`.",
    fixed: `${CLICKS}\nSELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end;`,
  },
  FSQL4017: {
    explanation:
      'A temporal join (FOR SYSTEM_TIME AS OF a rowtime) and a lookup join (AS OF a proctime) look up the rows of the right table that match each row of the left stream. Flink plans them only as INNER or LEFT joins, only with at least one equality between a column of the right table and the left side, and, on event time, only when that equality covers the versioned table\'s primary key: the key is how the versions of a row are found.',
    example: `${RATES}\nCREATE TABLE pays (id BIGINT, cur STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen');\nSELECT p.id, r.rate FROM pays AS p JOIN rates FOR SYSTEM_TIME AS OF p.ts AS r ON p.cur > r.currency;`,
    fix: 'Join on the versioned table\'s primary key with `=`, as an INNER or LEFT join.',
    fixed: `${RATES}\nCREATE TABLE pays (id BIGINT, cur STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen');\nSELECT p.id, r.rate FROM pays AS p JOIN rates FOR SYSTEM_TIME AS OF p.ts AS r ON p.cur = r.currency;`,
    flink: "Temporal table's primary key [currency] must be included in the equivalence condition of temporal join, but current temporal join condition is [>(cur, currency)].",
  },
  FSQL4016: {
    explanation:
      'The auxiliary functions of the deprecated group windows (TUMBLE_START, TUMBLE_END, TUMBLE_ROWTIME, HOP_START, SESSION_END, ...) read the window of a GROUP BY TUMBLE(...), HOP(...) or SESSION(...) call, so the query must group by that window function with exactly the same arguments.',
    example: `${CLICKS}\nSELECT user_id, TUMBLE_END(ts, INTERVAL '1' MINUTE) FROM clicks GROUP BY user_id, TUMBLE(ts, INTERVAL '1' HOUR);`,
    fix: 'Pass the arguments of the GROUP BY window to the auxiliary function, or better, move to a window table function.',
    fixed: `${CLICKS}\nSELECT user_id, TUMBLE_END(ts, INTERVAL '1' HOUR) FROM clicks GROUP BY user_id, TUMBLE(ts, INTERVAL '1' HOUR);`,
    flink: "Call to auxiliary group function 'TUMBLE_END' must have matching call to group function '$TUMBLE' in GROUP BY clause",
  },
  FSQL4015: {
    explanation: 'The sink accepts updates only by key (upsert-kafka, and similar connectors), but it declares no PRIMARY KEY to key them by.',
    example: `${CLICKS}\nCREATE TABLE click_counts (user_id STRING, cnt BIGINT) WITH ('connector' = 'upsert-kafka', 'topic' = 'counts', 'properties.bootstrap.servers' = 'kafka:9092', 'key.format' = 'json', 'value.format' = 'json');\nINSERT INTO click_counts SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id;`,
    fix: 'Declare `PRIMARY KEY (...) NOT ENFORCED` on the sink, on the columns the query groups by.',
    fixed: `${CLICKS}\n${UPSERT_SINK}\nINSERT INTO click_counts SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id;`,
    flink: "'upsert-kafka' tables require to define a PRIMARY KEY constraint. The PRIMARY KEY specifies which columns should be read from or write to the Kafka message key.",
  },
};
