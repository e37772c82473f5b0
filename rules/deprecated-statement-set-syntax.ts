import { Codes } from '../src/diagnostics/codes.js';
import { defineRule } from '../src/rules/define.js';

export default defineRule({
  meta: {
    code: Codes.ruleDeprecatedStatementSetSyntax,
    name: 'deprecated-statement-set-syntax',
    category: 'query',
    rationale:
      '`BEGIN STATEMENT SET; ... END;` is the SQL client\'s old syntax, split into separate statements; only ' +
      'the SQL client understands it, and platforms that submit statements one by one (the SQL gateway, ' +
      'Table API) do not. `EXECUTE STATEMENT SET BEGIN ... END;` is one statement everywhere.',
    examples: {
      bad: ['BEGIN STATEMENT SET;\nINSERT INTO a SELECT * FROM t;\nINSERT INTO b SELECT * FROM t;\nEND'],
      good: ['EXECUTE STATEMENT SET BEGIN\nINSERT INTO a SELECT * FROM t;\nINSERT INTO b SELECT * FROM t;\nEND'],
    },
  },
  create(context) {
    return {
      ClientCommand(node) {
        if (node.command !== 'BEGIN STATEMENT SET') return;
        context.report({
          node,
          message: '`BEGIN STATEMENT SET` is the deprecated SQL-client syntax for statement sets',
          hint: 'write `EXECUTE STATEMENT SET BEGIN INSERT ...; INSERT ...; END;`',
          fixes: [{ title: 'Use EXECUTE STATEMENT SET BEGIN', edits: [{ span: node.span, text: 'EXECUTE STATEMENT SET BEGIN' }], applicability: 'unsafe' }],
        });
      },
    };
  },
});
