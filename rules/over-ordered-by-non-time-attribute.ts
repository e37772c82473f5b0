import { Codes } from '../src/diagnostics/codes.js';
import { defineRule } from '../src/rules/define.js';
import { isMissingWatermark, notTimeAttributeReason, overUse } from '../src/rules/facts/time-usage.js';

export default defineRule({
  meta: {
    code: Codes.ruleOverOrderedByNonTimeAttribute,
    name: 'over-ordered-by-non-time-attribute',
    category: 'time',
    supersededBy: [Codes.overOrderNotTimeAttribute],
    rationale:
      'A streaming OVER aggregation processes rows in time order, so its ORDER BY must be a single time ' +
      'attribute, ascending ("OVER windows\' ordering in stream mode must be defined on a time attribute"). ' +
      'To rank rows by another column, use the Top-N pattern: ROW_NUMBER() OVER (...) in a subquery filtered by ' +
      '`rn <= N` in the outer query.',
    examples: {
      bad: [
        "CREATE TABLE orders (id STRING, amount INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'kafka');\n" +
        'SELECT id, SUM(amount) OVER (PARTITION BY id ORDER BY amount ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM orders',
      ],
      good: [
        "CREATE TABLE orders (id STRING, amount INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'kafka');\n" +
        'SELECT id, SUM(amount) OVER (PARTITION BY id ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM orders',
      ],
    },
  },
  create(context) {
    return {
      FunctionCall(node) {
        const facts = context.statement.facts;
        if (node.over === null || !facts.streaming) return;
        const use = overUse(node, facts);
        if (use === null || use.info.kind !== 'none' || isMissingWatermark(use.info)) return;
        const name = use.ref.parts[use.ref.parts.length - 1]!.value;
        const table = use.info.table;
        context.report({
          node: use.ref,
          message: `a streaming OVER window must be ordered by a time attribute, but ${notTimeAttributeReason(name, use.info)}`,
          hint: table?.watermarkColumn != null
            ? `order by \`${table.watermarkColumn}\`; to rank by \`${name}\`, filter ROW_NUMBER() in an outer query (Top-N)`
            : `order by a time attribute; to rank by \`${name}\`, filter ROW_NUMBER() in an outer query (Top-N)`,
        });
      },
    };
  },
});
