import { statementKindLabel } from '../src/ast/statement-kind.js';
import { Codes } from '../src/diagnostics/codes.js';
import { defineRule } from '../src/rules/define.js';
import { formatMillis } from '../src/rules/facts/intervals.js';
import { estimateState } from '../src/rules/facts/state.js';

export default defineRule({
  meta: {
    code: Codes.ruleStateEstimate,
    name: 'state-estimate',
    category: 'state',
    rationale:
      'Reports, for each statement that runs a job with stateful operators, how its state is bounded: by ' +
      'windows or intervals, by a state TTL, or not at all, and which operators keep it. It is meant for review ' +
      'tools and for platforms that price or admit jobs by their state, so it is off in the default profile.',
    examples: {
      bad: ['INSERT INTO totals SELECT user_id, COUNT(*) FROM orders GROUP BY user_id'],
      good: ['INSERT INTO archive SELECT id, amount FROM orders WHERE amount > 0'],
    },
  },
  create(context) {
    return {
      onStatement(statement) {
        if (!statement.facts.streaming) return;
        const estimate = estimateState(statement.ast, statement.facts);
        if (estimate.state === 'none') return;
        const ops = estimate.operators.map((o) => (o.bound === null ? o.operator : `${o.operator} (bounded by ${o.bound})`)).join(', ');
        const summary = estimate.state === 'bounded' ? 'bounded'
          : estimate.state === 'ttl' ? `bounded by the state TTL${estimate.ttl !== null ? ` of ${formatMillis(estimate.ttl)}` : ''}`
            : 'unbounded';
        context.report({
          span: estimate.operators[0]!.span,
          message: `state of this ${statementKindLabel(statement.ast)}: ${summary}; kept by ${ops}`,
        });
      },
    };
  },
});
