import { printExpression } from '../src/ast/print.js';
import { inlineCode } from '../src/diagnostics/inline-code.js';
import { Codes } from '../src/diagnostics/codes.js';
import { defineRule } from '../src/rules/define.js';

export default defineRule({
  meta: {
    code: Codes.ruleUnboundedGroupAggregation,
    name: 'unbounded-group-aggregation',
    category: 'state',
    rationale:
      'A GROUP BY without a window on an unbounded stream keeps one accumulator per distinct key forever: a key ' +
      'seen once is never forgotten. With keys such as user or session ids the state grows without bound. ' +
      'Aggregate per window (TUMBLE/HOP/CUMULATE table-valued functions), or set a state TTL so idle keys expire.',
    examples: {
      bad: ['SELECT user_id, COUNT(*) AS clicks FROM clicks GROUP BY user_id'],
      good: [
        "SELECT user_id, window_start, COUNT(*) AS clicks FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' HOUR)) GROUP BY user_id, window_start, window_end",
        "SET 'table.exec.state.ttl' = '36 h';\nSELECT user_id, COUNT(*) AS clicks FROM clicks GROUP BY user_id",
      ],
    },
  },
  create(context) {
    return {
      Select(node) {
        const facts = context.statement.facts;
        if (node.groupBy === null || !facts.streaming || facts.windowKind(node) !== null) return;
        if (facts.hasStateTtl(node) || !facts.queryInfo(node).unbounded) return;
        const keys = node.groupBy.elements.map((e) => (e.kind === 'GroupingExpression' ? printExpression(e.expr) : null)).filter((k): k is string => k !== null);
        context.report({
          span: node.groupBy.span,
          message: `GROUP BY ${keys.map(inlineCode).join(', ')} on an unbounded stream keeps state for every key forever`.replace('  ', ' '),
          hint: "aggregate per window (FROM TABLE(TUMBLE(...)) GROUP BY window_start, window_end, ...) or set `SET 'table.exec.state.ttl' = '...'` so idle keys expire",
        });
      },
    };
  },
});
