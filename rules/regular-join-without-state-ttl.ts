import type { Join, Select, TableRef } from '../src/ast/nodes.js';
import { Codes } from '../src/diagnostics/codes.js';
import { defineRule } from '../src/rules/define.js';
import type { StatementFacts } from '../src/rules/facts/statement-facts.js';
import type { Span } from '../src/source/span.js';

const HINT = "set a state TTL (`SET 'table.exec.state.ttl' = '1 d'`) or a `/*+ STATE_TTL('alias' = '1d') */` hint, " +
  'or bound the join on the time attributes (an interval join)';

/** How many relation names a message lists before it says how many more there are. */
const NAMES_SHOWN = 3;

interface Side {
  /** The first NAMES_SHOWN relation names, for the message. */
  readonly names: readonly string[];
  readonly count: number;
  readonly unbounded: boolean;
}

/**
 * The relations of one side of a join. A chain of joins nests as deep as it is long, and each of
 * its joins asks about its left side, so sides are computed bottom-up once per node (memo) and
 * without recursion.
 */
function sideOf(ref: TableRef, select: Select | null, facts: StatementFacts, memo: WeakMap<TableRef, Side>): Side {
  const spine: Join[] = [];
  let base: TableRef = ref;
  while (base.kind === 'Join' && !memo.has(base)) {
    spine.push(base);
    base = base.left;
  }
  let side = memo.get(base) ?? leafSide(base, select, facts, memo);
  for (let i = spine.length - 1; i >= 0; i--) {
    const join = spine[i]!;
    const right = memo.get(join.right) ?? sideOf(join.right, select, facts, memo);
    side = {
      names: side.names.length < NAMES_SHOWN ? [...side.names, ...right.names].slice(0, NAMES_SHOWN) : side.names,
      count: side.count + right.count,
      unbounded: side.unbounded || right.unbounded,
    };
    memo.set(join, side);
  }
  return side;
}

function leafSide(ref: TableRef, select: Select | null, facts: StatementFacts, memo: WeakMap<TableRef, Side>): Side {
  if (ref.kind === 'Join') return sideOf(ref, select, facts, memo);
  const rel = facts.relation(ref, select);
  const side = { names: [rel.kind === 'table' ? rel.table.name : rel.alias || 'subquery'], count: 1, unbounded: facts.relationInfo(rel).unbounded };
  memo.set(ref, side);
  return side;
}

function both(left: Side, right: Side): Side {
  return { names: [...left.names, ...right.names].slice(0, NAMES_SHOWN + 1), count: left.count + right.count, unbounded: true };
}

function describe(side: Side): string {
  const shown = side.names.slice(0, side.count > NAMES_SHOWN + 1 ? NAMES_SHOWN : NAMES_SHOWN + 1).map((n) => `\`${n}\``);
  const more = side.count - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
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
    const memo = new WeakMap<TableRef, Side>();
    const check = (select: Select | null, left: TableRef | null, right: TableRef, span: Span): void => {
      const facts = context.statement.facts;
      if (!facts.streaming || facts.hasStateTtl(select)) return;
      const l = left === null ? null : sideOf(left, select, facts, memo);
      const r = sideOf(right, select, facts, memo);
      if (l === null || !l.unbounded || !r.unbounded) return;
      context.report({
        span,
        message: `regular join of ${describe(both(l, r))} keeps every row of both streams in state, with no state TTL to expire them`,
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
