import { Codes } from '../src/diagnostics/codes.js';
import { defineRule } from '../src/rules/define.js';

export default defineRule({
  meta: {
    code: Codes.ruleStatementTooLong,
    name: 'statement-too-long',
    category: 'complexity',
    rationale:
      'Very large statements (often generated) take long to plan, produce jobs with hundreds of operators that ' +
      'are hard to operate and to evolve, and some platforms refuse them outright. Split them into views or ' +
      'several jobs.',
    examples: { bad: ['SELECT order_id, customer_id, amount, currency, created_at FROM orders'], good: ['SELECT a, b FROM t'], options: { maxLength: 40 } },
    options: { maxLength: { type: 'number', default: 100_000, min: 1, description: 'The longest statement, in characters.' } },
  },
  create(context) {
    return {
      onStatement(statement) {
        const length = statement.parsed.span.end - statement.parsed.span.start;
        if (length <= context.options.maxLength) return;
        context.report({
          span: { start: statement.parsed.span.start, end: statement.parsed.span.start + Math.min(length, 16) },
          message: `this statement is ${length} characters long (the limit is ${context.options.maxLength})`,
          hint: 'split it into views or several statements',
        });
      },
    };
  },
});
