import { Codes } from '../src/diagnostics/codes.js';
import { defineRule } from '../src/rules/define.js';
import { functionName, isAggregateCall } from '../src/rules/facts/statement-facts.js';

export default defineRule({
  meta: {
    code: Codes.ruleUnboundedDistinct,
    name: 'unbounded-distinct',
    category: 'state',
    rationale:
      'SELECT DISTINCT, UNION (without ALL) and COUNT(DISTINCT ...) outside a window remember every distinct ' +
      'value they have seen, so their state grows with the number of distinct values of the stream. Deduplicate ' +
      'per window, use UNION ALL, or set a state TTL; for COUNT(DISTINCT) in a large GROUP BY also enable split ' +
      'distinct aggregation to spread the hot keys.',
    examples: {
      bad: ['SELECT DISTINCT user_id FROM clicks', 'SELECT page, COUNT(DISTINCT user_id) FROM clicks GROUP BY page'],
      good: [
        "SELECT DISTINCT user_id, window_start FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' DAY))",
        'SELECT user_id FROM clicks UNION ALL SELECT user_id FROM page_views',
      ],
    },
  },
  create(context) {
    return {
      Select(node) {
        const facts = context.statement.facts;
        if (node.quantifier !== 'DISTINCT' || node.groupBy !== null || !facts.streaming) return;
        if (facts.relations(node).some((r) => r.kind === 'window') || facts.hasStateTtl(node) || !facts.queryInfo(node).unbounded) return;
        context.report({
          span: facts.keywordSpan(node.span.start + 6, node.items[0]?.span.start ?? node.span.end),
          message: 'SELECT DISTINCT on an unbounded stream remembers every distinct row forever',
          hint: "deduplicate per window, or set `SET 'table.exec.state.ttl' = '...'` so old rows expire",
        });
      },
      FunctionCall(node) {
        if (node.quantifier !== 'DISTINCT' || !isAggregateCall(node)) return;
        const facts = context.statement.facts;
        const select = facts.enclosingSelect(node);
        if (select === null || !facts.streaming || facts.windowKind(select) !== null || facts.hasStateTtl(select)) return;
        if (!facts.queryInfo(select).unbounded) return;
        context.report({
          node,
          message: `${functionName(node)}(DISTINCT ...) outside a window remembers every distinct value forever`,
          hint: "aggregate per window, or set a state TTL; for large groups also `SET 'table.optimizer.distinct-agg.split.enabled' = 'true'`",
        });
      },
      SetOperation(node) {
        if (node.quantifier === 'ALL' || node.op !== 'UNION') return;
        const facts = context.statement.facts;
        if (!facts.streaming || facts.stateTtl !== null || !facts.queryInfo(node).unbounded) return;
        context.report({
          span: facts.keywordSpan(node.left.span.end, node.right.span.start),
          message: 'UNION without ALL on unbounded streams remembers every distinct row forever',
          hint: 'use UNION ALL when duplicates are acceptable or impossible',
          fixes: unionAllFix(context.source.text, facts.keywordSpan(node.left.span.end, node.right.span.start)),
        });
      },
    };
  },
});

function unionAllFix(text: string, span: { start: number; end: number }) {
  const written = text.slice(span.start, span.end);
  if (!/^UNION(\s+DISTINCT)?$/i.test(written)) return [];
  return [{ title: 'Use UNION ALL', edits: [{ span, text: 'UNION ALL' }], applicability: 'unsafe' as const }];
}
