import type { Select, TableRef } from '../src/ast/nodes.js';
import { Codes } from '../src/diagnostics/codes.js';
import { defineRule } from '../src/rules/define.js';
import type { StatementFacts } from '../src/rules/facts/statement-facts.js';
import type { Span } from '../src/source/span.js';

const HINT = "set a state TTL (`SET 'table.exec.state.ttl' = '1 d'`) or a `/*+ STATE_TTL('alias' = '1d') */` hint, " +
  'or bound the join on the time attributes (an interval join)';

/** Names of the relations of one side of a join, for messages; null when the side reads no unbounded stream. */
function unboundedSide(ref: TableRef, select: Select | null, facts: StatementFacts): string[] | null {
  const names: string[] = [];
  let unbounded = false;
  const visit = (r: TableRef): void => {
    if (r.kind === 'Join') {
      visit(r.left);
      visit(r.right);
      return;
    }
    const rel = facts.relation(r, select);
    if (facts.relationInfo(rel).unbounded) unbounded = true;
    names.push(rel.kind === 'table' ? rel.table.name : rel.alias || 'subquery');
  };
  visit(ref);
  return unbounded ? names : null;
}

export default defineRule({
  meta: {
    code: Codes.ruleRegularJoinWithoutStateTtl,
    name: 'regular-join-without-state-ttl',
    category: 'state',
    rationale:
      'A regular join of two unbounded streams keeps every row of both inputs in state, because a later row ' +
      'on either side may still match it. Without a state TTL the state grows for as long as the job runs, until ' +
      'checkpoints slow down and the job fails. A TTL (`table.exec.state.ttl` or the STATE_TTL hint) bounds it; ' +
      'an interval join or a window join bounds it by time.',
    examples: {
      bad: ['SELECT o.id, s.status FROM orders AS o JOIN shipments AS s ON o.id = s.order_id'],
      good: [
        "SET 'table.exec.state.ttl' = '1 d';\nSELECT o.id, s.status FROM orders AS o JOIN shipments AS s ON o.id = s.order_id",
        'SELECT o.id, s.status FROM orders AS o JOIN shipments AS s ON o.id = s.order_id AND s.ts BETWEEN o.ts AND o.ts + INTERVAL \'1\' HOUR',
      ],
    },
  },
  create(context) {
    const check = (select: Select | null, left: TableRef | null, right: TableRef, span: Span): void => {
      const facts = context.statement.facts;
      if (!facts.streaming || facts.hasStateTtl(select)) return;
      const l = left === null ? null : unboundedSide(left, select, facts);
      const r = unboundedSide(right, select, facts);
      if (l === null || r === null) return;
      context.report({
        span,
        message: `regular join of \`${l.join('`, `')}\` and \`${r.join('`, `')}\` keeps every row of both streams in state, with no state TTL to expire them`,
        hint: HINT,
      });
    };
    return {
      Join(node) {
        const facts = context.statement.facts;
        const select = facts.enclosingSelect(node);
        if (facts.joinKind(node, select) !== 'regular') return;
        check(select, node.left, node.right, facts.joinKeywordSpan(node));
      },
      Select(node) {
        // FROM a, b: a regular join written with a comma, unless the WHERE bounds it in time.
        if (node.from.length < 2) return;
        const facts = context.statement.facts;
        if (node.where !== null && facts.hasIntervalBounds(node.where)) return;
        for (let i = 1; i < node.from.length; i++) {
          const right = node.from[i]!;
          if (right.kind === 'Unnest' || right.kind === 'TableFunction' || (right.kind === 'DerivedTable' && right.lateral)) continue;
          check(node, node.from[0]!, right, facts.keywordSpan(node.from[i - 1]!.span.end, right.span.start));
          return;
        }
      },
    };
  },
});
