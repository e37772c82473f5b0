import { Codes } from '../src/diagnostics/codes.js';
import { defineRule } from '../src/rules/define.js';

export default defineRule({
  meta: {
    code: Codes.ruleRankInStreamingTopN,
    name: 'rank-in-streaming-top-n',
    category: 'query',
    supersededBy: [Codes.rankNotSupported],
    rationale:
      'Streaming Top-N supports only ROW_NUMBER(). RANK() and DENSE_RANK() pass validation but fail when the job ' +
      'is translated. ROW_NUMBER() gives the same rows when the order is unique; add a tie-breaker to ORDER BY ' +
      'when it is not.',
    examples: {
      bad: ['SELECT * FROM (SELECT *, RANK() OVER (PARTITION BY category ORDER BY sales DESC) AS r FROM products) WHERE r <= 3'],
      good: ['SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY category ORDER BY sales DESC) AS r FROM products) WHERE r <= 3'],
    },
  },
  create(context) {
    return {
      Select(node) {
        const facts = context.statement.facts;
        if (!facts.streaming) return;
        const topN = facts.topN(node);
        if (topN === null || topN.function === 'ROW_NUMBER') return;
        context.report({
          node: topN.rowNumber.name,
          message: `streaming Top-N supports only ROW_NUMBER(), not ${topN.function}()`,
          hint: 'use ROW_NUMBER(), with a tie-breaking column in ORDER BY if needed',
          fixes: [{ title: 'Use ROW_NUMBER()', edits: [{ span: topN.rowNumber.name.span, text: 'ROW_NUMBER' }], applicability: 'unsafe' }],
        });
      },
    };
  },
});
