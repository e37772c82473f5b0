import { Codes } from '../src/diagnostics/codes.js';
import { defineRule } from '../src/rules/define.js';

export default defineRule({
  meta: {
    code: Codes.ruleTooManyStatements,
    name: 'too-many-statements',
    category: 'complexity',
    rationale:
      'A script with hundreds of statements is usually several jobs in one file: every INSERT becomes part of ' +
      'the same deployment, so one failure stops them all. Split it.',
    examples: {
      bad: ["SET 'pipeline.name' = 'a';\nINSERT INTO a SELECT * FROM t;\nINSERT INTO b SELECT * FROM t"],
      good: ["SET 'pipeline.name' = 'orders';\nINSERT INTO archive SELECT * FROM orders"],
      options: { maxStatements: 2 },
    },
    options: { maxStatements: { type: 'number', default: 100, min: 1, description: 'The most statements one script may have.' } },
  },
  create(context) {
    return {
      onStatement(statement) {
        const max = context.options.maxStatements;
        if (statement.parsed.index !== max) return;
        context.report({
          span: { start: statement.parsed.span.start, end: Math.min(statement.parsed.span.end, statement.parsed.span.start + 16) },
          message: `the script has ${context.script.length} statements (the limit is ${max}); this is statement ${max + 1}`,
          hint: 'split the script into several jobs',
        });
      },
    };
  },
});
