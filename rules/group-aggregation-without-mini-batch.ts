import { Codes } from '../src/diagnostics/codes.js';
import { defineRule } from '../src/rules/define.js';

export default defineRule({
  meta: {
    code: Codes.ruleGroupAggregationWithoutMiniBatch,
    name: 'group-aggregation-without-mini-batch',
    category: 'state',
    rationale:
      'A non-windowed aggregation reads and writes its state for every input row and emits an update for each. ' +
      'Mini-batch buffers rows for a short latency and processes them per key in one go, and with it Flink can ' +
      'split the aggregation into a local and a global phase, which also spreads hot keys. This is the advice ' +
      'of Flink\'s own plan analyzer (EXPLAIN PLAN_ADVICE).',
    examples: {
      bad: ['SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id'],
      good: [
        "SET 'table.exec.mini-batch.enabled' = 'true';\nSET 'table.exec.mini-batch.allow-latency' = '2 s';\nSET 'table.exec.mini-batch.size' = '5000';\nSELECT user_id, COUNT(*) FROM clicks GROUP BY user_id",
      ],
    },
  },
  create(context) {
    return {
      Select(node) {
        const facts = context.statement.facts;
        if (node.groupBy === null || !facts.streaming || facts.windowKind(node) !== null) return;
        if (context.catalog.setting('table.exec.mini-batch.enabled')?.value.toLowerCase() === 'true') return;
        if (!facts.queryInfo(node).unbounded) return;
        context.report({
          span: node.groupBy.span,
          message: 'this aggregation updates its state and emits a change for every input row',
          hint: "enable mini-batch: `SET 'table.exec.mini-batch.enabled' = 'true'`, with `table.exec.mini-batch.allow-latency` and `table.exec.mini-batch.size`",
        });
      },
    };
  },
});
