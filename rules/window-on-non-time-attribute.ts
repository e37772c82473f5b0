import { Codes } from '../src/diagnostics/codes.js';
import { defineRule } from '../src/rules/define.js';
import { functionName } from '../src/rules/facts/statement-facts.js';
import { isMissingWatermark, legacyWindowUse, notTimeAttributeReason, type TimeUse, windowTvfUse } from '../src/rules/facts/time-usage.js';

const LEGACY: ReadonlySet<string> = new Set(['TUMBLE', 'HOP', 'SESSION']);

export default defineRule({
  meta: {
    code: Codes.ruleWindowOnNonTimeAttribute,
    name: 'window-on-non-time-attribute',
    category: 'time',
    supersededBy: [Codes.windowOnNonTimeAttribute],
    rationale:
      'In streaming mode a window (TUMBLE, HOP, CUMULATE, SESSION) must be defined on a time attribute: a rowtime ' +
      'column with a WATERMARK, or a PROCTIME() column. A plain timestamp, a computed expression, or a time ' +
      'attribute that went through a regular join or an aggregation (which turn it into a plain timestamp) is ' +
      'rejected by Flink when the job is planned. The legacy GROUP BY TUMBLE(...) windows are the exception for ' +
      'joins and aggregations: Flink plans them before it materializes time attributes.',
    examples: {
      bad: [
        "CREATE TABLE clicks (user_id STRING, ts TIMESTAMP(3), created TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'kafka');\n" +
        "SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(created), INTERVAL '1' HOUR)) GROUP BY window_start, window_end",
      ],
      good: [
        "CREATE TABLE clicks (user_id STRING, ts TIMESTAMP(3), created TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'kafka');\n" +
        "SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' HOUR)) GROUP BY window_start, window_end",
      ],
    },
  },
  create(context) {
    const check = (use: TimeUse | null): void => {
      if (use === null || use.info.kind !== 'none' || isMissingWatermark(use.info)) return;
      const name = use.ref.parts[use.ref.parts.length - 1]!.value;
      const table = use.info.table;
      context.report({
        node: use.ref,
        message: `the ${use.construct} needs a time attribute, but ${notTimeAttributeReason(name, use.info)}`,
        hint: use.info.reason === 'plain' && table !== null && table.watermarkColumn !== null
          ? `use \`${table.watermarkColumn}\`, the rowtime of \`${table.name}\``
          : use.info.reason === 'plain' && table !== null
            ? `use the PROCTIME() column of \`${table.name}\`, or declare WATERMARK FOR \`${name}\` in \`${table.name}\``
            : 'window on a time attribute: apply the window before the join or aggregation, or use `window_time` of an earlier window',
      });
    };
    return {
      TableFunction(node) {
        if (context.statement.facts.streaming) check(windowTvfUse(node, context.statement.facts));
      },
      GroupingExpression(node) {
        const facts = context.statement.facts;
        if (!facts.streaming || node.expr.kind !== 'FunctionCall' || !LEGACY.has(functionName(node.expr))) return;
        const groupBy = facts.parentOf(node);
        const select = groupBy === null ? null : facts.parentOf(groupBy);
        if (select?.kind !== 'Select') return;
        const use = legacyWindowUse(node.expr, select, facts);
        // Flink plans legacy group windows before it materializes time attributes after joins and aggregations.
        if (use !== null && use.info.kind === 'none' && use.info.materialized === true) return;
        check(use);
      },
    };
  },
});
