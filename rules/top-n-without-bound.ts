import { Codes } from '../src/diagnostics/codes.js';
import { defineRule } from '../src/rules/define.js';

export default defineRule({
  meta: {
    code: Codes.ruleTopNWithoutBound,
    name: 'top-n-without-bound',
    category: 'state',
    rationale:
      'A streaming Top-N keeps the N best rows of each partition in state and re-emits the ranking whenever it ' +
      'changes. A filter such as `rn > 10` keeps every row but the first ten, and a very large N keeps nearly all ' +
      'rows and emits a flood of updates; ORDER BY with a large LIMIT is the same on one partition. Keep N small.',
    examples: {
      bad: [
        'SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY category ORDER BY sales DESC) AS rn FROM products) WHERE rn > 3',
        'SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY category ORDER BY sales DESC) AS rn FROM products) WHERE rn <= 100000',
      ],
      good: ['SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY category ORDER BY sales DESC) AS rn FROM products) WHERE rn <= 3'],
    },
    options: {
      maxRank: { type: 'number', default: 1000, min: 1, description: 'The largest N a Top-N (or ORDER BY ... LIMIT) may keep.' },
    },
  },
  create(context) {
    const { maxRank } = context.options;
    return {
      Select(node) {
        const facts = context.statement.facts;
        if (!facts.streaming) return;
        const topN = facts.topN(node);
        if (topN === null || !facts.queryInfo(topN.inner).unbounded) return;
        if (!topN.bound.upper) {
          context.report({
            span: topN.bound.span,
            message: `this filter on \`${topN.alias}\` has no upper bound, so the Top-N keeps every row of each partition in state`,
            hint: `filter with \`${topN.alias} <= N\` for a small N`,
          });
        } else if (topN.bound.max !== null && topN.bound.max > maxRank) {
          context.report({
            span: topN.bound.span,
            message: `this Top-N keeps ${topN.bound.max} rows per partition (more than ${maxRank}) and re-emits them as the ranking changes`,
            hint: `keep N at ${maxRank} or less, or rank per window (window Top-N)`,
          });
        }
      },
      Query(node) {
        const facts = context.statement.facts;
        if (!facts.streaming || node.orderBy.length === 0 || node.limit?.kind !== 'Literal') return;
        const n = Number(node.limit.value);
        if (n > maxRank && facts.queryInfo(node.body).unbounded) {
          context.report({
            node: node.limit,
            message: `ORDER BY with LIMIT ${n} on an unbounded stream keeps ${n} rows in state (more than ${maxRank}) and re-emits them as the order changes`,
            hint: `keep the LIMIT at ${maxRank} or less`,
          });
        }
      },
    };
  },
});
