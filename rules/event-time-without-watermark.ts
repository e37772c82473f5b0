import { Codes } from '../src/diagnostics/codes.js';
import { defineRule } from '../src/rules/define.js';
import { functionName } from '../src/rules/facts/statement-facts.js';
import { isMissingWatermark, legacyWindowUse, matchRecognizeUse, overUse, type TimeUse, windowTvfUse } from '../src/rules/facts/time-usage.js';

const LEGACY: ReadonlySet<string> = new Set(['TUMBLE', 'HOP', 'SESSION']);

export default defineRule({
  meta: {
    code: Codes.ruleEventTimeWithoutWatermark,
    name: 'event-time-without-watermark',
    category: 'time',
    supersededBy: [Codes.windowOnNonTimeAttribute, Codes.overOrderNotTimeAttribute, Codes.sortOnNonTimeAttribute],
    rationale:
      'Windows, OVER aggregations and MATCH_RECOGNIZE run on event time only when the source table declares a ' +
      'WATERMARK for its time column; a table without one has no time attribute at all, and Flink rejects the ' +
      'query. Declare `WATERMARK FOR ts AS ts - INTERVAL \'5\' SECOND` (bounded out-of-orderness) on the source, or ' +
      'add a `pt AS PROCTIME()` column for processing time.',
    examples: {
      bad: [
        "CREATE TABLE clicks (user_id STRING, ts TIMESTAMP(3)) WITH ('connector' = 'kafka');\n" +
        "SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end",
      ],
      good: [
        "CREATE TABLE clicks (user_id STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'kafka');\n" +
        "SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end",
      ],
    },
  },
  create(context) {
    const check = (use: TimeUse | null): void => {
      if (use === null || !isMissingWatermark(use.info) || use.info.kind !== 'none' || use.info.table === null) return;
      const table = use.info.table;
      const name = use.ref.parts[use.ref.parts.length - 1]!.value;
      context.report({
        node: use.ref,
        message: `the ${use.construct} runs on \`${name}\`, but \`${table.name}\` declares no WATERMARK, so it has no time attribute`,
        hint: `declare \`WATERMARK FOR ${name} AS ${name} - INTERVAL '5' SECOND\` in \`${table.name}\` (event time), or add \`pt AS PROCTIME()\` and use it (processing time)`,
        ...(table.definedAt !== null ? { related: [{ span: table.definedAt, message: `\`${table.name}\` is defined here` }] } : {}),
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
        if (select?.kind === 'Select') check(legacyWindowUse(node.expr, select, facts));
      },
      FunctionCall(node) {
        if (node.over !== null && context.statement.facts.streaming) check(overUse(node, context.statement.facts));
      },
      MatchRecognize(node) {
        if (context.statement.facts.streaming) check(matchRecognizeUse(node, context.statement.facts));
      },
    };
  },
});
