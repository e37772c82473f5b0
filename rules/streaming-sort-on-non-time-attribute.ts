import { Codes } from '../src/diagnostics/codes.js';
import { defineRule } from '../src/rules/define.js';
import { runningQueries } from '../src/rules/facts/state.js';
import { notTimeAttributeReason } from '../src/rules/facts/time-usage.js';

export default defineRule({
  meta: {
    code: Codes.ruleStreamingSortOnNonTimeAttribute,
    name: 'streaming-sort-on-non-time-attribute',
    category: 'time',
    supersededBy: [Codes.sortOnNonTimeAttribute],
    rationale:
      'On an unbounded stream, ORDER BY without LIMIT can only emit rows in the order they become final: by an ' +
      'ascending time attribute, released by the watermark. Any other first sort key would have to wait for the ' +
      'end of the stream, so Flink rejects it ("Sort on a non-time-attribute field is not supported"). Sort by ' +
      'the time attribute first, or add a LIMIT (a Top-N).',
    examples: {
      bad: [
        "CREATE TABLE orders (id STRING, amount INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'kafka');\n" +
        'SELECT id, amount FROM orders ORDER BY amount',
      ],
      good: [
        "CREATE TABLE orders (id STRING, amount INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'kafka');\n" +
        'SELECT id, amount FROM orders ORDER BY ts, amount',
        "CREATE TABLE orders (id STRING, amount INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'kafka');\n" +
        'SELECT id, amount FROM orders ORDER BY amount DESC LIMIT 10',
      ],
    },
  },
  create(context) {
    return {
      onStatement(statement) {
        const facts = statement.facts;
        if (!facts.streaming) return;
        for (const query of runningQueries(statement.ast)) {
          if (query.orderBy.length === 0 || query.limit !== null || query.fetch !== null || query.body.kind !== 'Select') continue;
          if (!facts.queryInfo(query.body).unbounded) continue;
          const first = query.orderBy[0]!;
          if (first.expr.kind !== 'ColumnRef') continue;
          const info = facts.timeAttribute(query.body, first.expr);
          const name = first.expr.parts[first.expr.parts.length - 1]!.value;
          if (info.kind === 'none') {
            context.report({
              node: first.expr,
              message: `ORDER BY on a stream must start with an ascending time attribute, but ${notTimeAttributeReason(name, info)}`,
              hint: info.table?.watermarkColumn != null ? `sort by \`${info.table.watermarkColumn}\` first, or add a LIMIT` : 'sort by a time attribute first, or add a LIMIT',
            });
          } else if ((info.kind === 'ROWTIME' || info.kind === 'PROCTIME') && first.direction === 'DESC') {
            context.report({ node: first, message: `ORDER BY on a stream must sort the time attribute \`${name}\` ascending`, hint: 'remove DESC, or add a LIMIT' });
          }
        }
      },
    };
  },
});
