import { Codes } from '../src/diagnostics/codes.js';
import { defineRule } from '../src/rules/define.js';

export default defineRule({
  meta: {
    code: Codes.ruleQueryNestingTooDeep,
    name: 'query-nesting-too-deep',
    category: 'complexity',
    rationale:
      'Subqueries nested many levels deep are hard to review and to change, and usually hide a pipeline that ' +
      'reads better as a chain of views or WITH clauses.',
    examples: {
      bad: ['SELECT * FROM (SELECT * FROM (SELECT * FROM (SELECT * FROM (SELECT a FROM t))))'],
      good: ['WITH x AS (SELECT a FROM t) SELECT * FROM x'],
      options: { maxDepth: 3 },
    },
    options: { maxDepth: { type: 'number', default: 8, min: 1, description: 'The deepest nesting of queries inside a statement (the statement\'s own query is 1).' } },
  },
  create(context) {
    let depth = 0;
    let reported = false;
    return {
      onStatement() { depth = 0; reported = false; },
      Query(node) {
        depth++;
        if (depth > context.options.maxDepth && !reported) {
          reported = true;
          context.report({
            span: { start: node.span.start, end: Math.min(node.span.end, node.span.start + 6) },
            message: `queries are nested ${depth} levels deep here (the limit is ${context.options.maxDepth})`,
            hint: 'name the inner queries with WITH or views',
          });
        }
      },
      'Query:exit'() { depth--; },
    };
  },
});
