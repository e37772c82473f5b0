import { statementKindLabel } from '../src/ast/statement-kind.js';
import { Codes } from '../src/diagnostics/codes.js';
import { defineRule } from '../src/rules/define.js';
import { estimateState } from '../src/rules/facts/state.js';

export default defineRule({
  meta: {
    code: Codes.ruleUnboundedState,
    name: 'unbounded-state',
    category: 'state',
    rationale:
      'A platform that must keep jobs healthy rejects queries whose state grows forever. This rule estimates ' +
      'the state of each job statement from its stateful operators — regular joins, non-windowed aggregations ' +
      'and DISTINCT, Top-N and deduplication on unbounded streams — and reports the statement when some operator ' +
      'grows without bound and no state TTL expires it, naming every such operator.',
    examples: {
      bad: ['INSERT INTO totals SELECT o.user_id, COUNT(*) FROM orders AS o JOIN users AS u ON o.user_id = u.id GROUP BY o.user_id'],
      good: [
        "INSERT INTO totals SELECT user_id, COUNT(*) FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' HOUR)) GROUP BY user_id, window_start, window_end",
        "SET 'table.exec.state.ttl' = '1 d';\nINSERT INTO totals SELECT user_id, COUNT(*) FROM orders GROUP BY user_id",
      ],
    },
  },
  create(context) {
    return {
      onStatement(statement) {
        if (!statement.facts.streaming) return;
        const estimate = estimateState(statement.ast, statement.facts);
        if (estimate.state !== 'unbounded') return;
        const growing = estimate.operators.filter((o) => o.bound === null);
        const line = (offset: number): number => context.source.position(offset).line;
        context.report({
          span: growing[0]!.span,
          message: `this ${statementKindLabel(statement.ast)} keeps state that grows without bound: ${growing.map((o) => `${o.operator} (line ${line(o.span.start)})`).join(', ')}`,
          hint: "set a state TTL (`SET 'table.exec.state.ttl' = '...'`), or bound the operators in time (windows, interval joins)",
          related: growing.slice(1).map((o) => ({ span: o.span, message: `${o.operator} keeps state for every key it has seen` })),
        });
      },
    };
  },
});
