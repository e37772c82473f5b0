import { Codes } from '../src/diagnostics/codes.js';
import { defineRule } from '../src/rules/define.js';
import type { Span } from '../src/source/span.js';

export default defineRule({
  meta: {
    code: Codes.ruleTooManyJoins,
    name: 'too-many-joins',
    category: 'complexity',
    rationale:
      'Each streaming join is a stateful operator holding its inputs; a statement with many joins multiplies ' +
      'state, planning time and the ways a change upstream can break it. Past a limit, split the statement or ' +
      'pre-join dimensions in the sources.',
    examples: {
      bad: ['SELECT * FROM a JOIN b ON a.id = b.id JOIN c ON a.id = c.id JOIN d ON a.id = d.id'],
      good: ['SELECT * FROM a JOIN b ON a.id = b.id'],
      options: { maxJoins: 2 },
    },
    options: { maxJoins: { type: 'number', default: 10, min: 0, description: 'The most joins one statement may have (correlations with UNNEST or table functions do not count).' } },
  },
  create(context) {
    let joins: Span[] = [];
    return {
      onStatement() { joins = []; },
      Join(node) {
        if (node.right.kind === 'Unnest' || node.right.kind === 'TableFunction') return;
        joins.push(context.statement.facts.joinKeywordSpan(node));
      },
      Select(node) {
        for (let i = 1; i < node.from.length; i++) {
          const ref = node.from[i]!;
          if (ref.kind !== 'Unnest' && ref.kind !== 'TableFunction') joins.push(context.statement.facts.keywordSpan(node.from[i - 1]!.span.end, ref.span.start));
        }
      },
      onStatementExit() {
        const max = context.options.maxJoins;
        if (joins.length <= max) return;
        joins.sort((a, b) => a.start - b.start);
        context.report({
          span: joins[max]!,
          message: `this statement has ${joins.length} joins (the limit is ${max})`,
          hint: 'split the statement into views or jobs, or join dimensions into the sources upstream',
        });
      },
    };
  },
});
