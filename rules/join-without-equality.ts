import type { Expression, TableRef } from '../src/ast/nodes.js';
import { walk } from '../src/ast/walk.js';
import { Codes } from '../src/diagnostics/codes.js';
import { defineRule } from '../src/rules/define.js';
import { conjuncts } from '../src/ast/conjuncts.js';

/** Whether a condition has an equality between two expressions that both read columns: an equi-join key. */
function hasEquiKey(on: Expression): boolean {
  const refs = (e: Expression): boolean => {
    let found = false;
    walk(e, { enter(n) { if (n.kind === 'ColumnRef') found = true; } });
    return found;
  };
  return conjuncts(on).some((c) => (c.kind === 'Binary' && c.op === '=' && refs(c.left) && refs(c.right))
    || (c.kind === 'IsDistinctFrom' && c.negated && refs(c.left) && refs(c.right)));
}

function isCorrelate(ref: TableRef): boolean {
  return ref.kind === 'Unnest' || (ref.kind === 'TableFunction' && (ref.lateral || !['TUMBLE', 'HOP', 'CUMULATE', 'SESSION'].includes(ref.call.name.parts.at(-1)!.value.toUpperCase())))
    || (ref.kind === 'DerivedTable' && ref.lateral);
}

export default defineRule({
  meta: {
    code: Codes.ruleJoinWithoutEquality,
    name: 'join-without-equality',
    category: 'query',
    supersededBy: [Codes.temporalJoinCondition],
    rationale:
      'A join without an equality between the two sides cannot be partitioned by key: Flink runs it on a single ' +
      'task (parallelism 1) and compares every new row with every stored row of the other side. On streams this ' +
      'is a cross product that grows with both inputs. Join on a key (`a.id = b.id`).',
    examples: {
      bad: ['SELECT * FROM orders AS o JOIN rates AS r ON o.ts > r.ts', 'SELECT * FROM orders CROSS JOIN rates'],
      good: ['SELECT * FROM orders AS o JOIN rates AS r ON o.currency = r.currency', 'SELECT o.id, t.tag FROM orders AS o CROSS JOIN UNNEST(o.tags) AS t(tag)'],
    },
  },
  create(context) {
    return {
      Join(node) {
        if (isCorrelate(node.right) || node.natural || node.using.length > 0) return;
        const facts = context.statement.facts;
        if (node.on === null) {
          if (node.joinType !== 'CROSS') return;
          const where = facts.enclosingSelect(node)?.where ?? null;
          if (where !== null && hasEquiKey(where)) return;
          context.report({ span: facts.joinKeywordSpan(node), message: 'CROSS JOIN pairs every row of one side with every row of the other', hint: 'join on a key with `JOIN ... ON a.key = b.key`' });
          return;
        }
        if (node.on.kind === 'Literal' && node.on.value.toUpperCase() === 'TRUE' && node.right.kind !== 'NamedTable') return;
        if (hasEquiKey(node.on)) return;
        context.report({
          span: facts.joinKeywordSpan(node),
          message: 'this join has no equality between its two sides, so it compares every row with every row of the other side on a single task',
          hint: 'add an equi-join key to the ON condition (`a.key = b.key`)',
        });
      },
      Select(node) {
        if (node.from.length < 2 || node.from.slice(1).every(isCorrelate)) return;
        if (node.where !== null && hasEquiKey(node.where)) return;
        const second = node.from.find((r, i) => i > 0 && !isCorrelate(r))!;
        context.report({
          span: context.statement.facts.keywordSpan(node.from[node.from.indexOf(second) - 1]!.span.end, second.span.start),
          message: 'tables listed with a comma and no equality between them in WHERE form a cross product',
          hint: 'join on a key with `JOIN ... ON a.key = b.key`, or add the key equality to WHERE',
        });
      },
    };
  },
});
