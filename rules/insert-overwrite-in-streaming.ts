import { Codes } from '../src/diagnostics/codes.js';
import { defineRule } from '../src/rules/define.js';

export default defineRule({
  meta: {
    code: Codes.ruleInsertOverwriteInStreaming,
    name: 'insert-overwrite-in-streaming',
    category: 'query',
    rationale:
      'INSERT OVERWRITE replaces a table\'s (or partition\'s) contents when the job finishes, which only a ' +
      'bounded job does. In streaming mode Flink rejects it. Use INSERT INTO, or run the statement in batch mode ' +
      "(`SET 'execution.runtime-mode' = 'batch'`).",
    examples: {
      bad: ['INSERT OVERWRITE archive SELECT id, amount FROM orders'],
      good: ["SET 'execution.runtime-mode' = 'batch';\nINSERT OVERWRITE archive SELECT id, amount FROM orders", 'INSERT INTO archive SELECT id, amount FROM orders'],
    },
  },
  create(context) {
    return {
      Insert(node) {
        if (!node.overwrite || !context.statement.facts.streaming) return;
        const at = context.source.text.toUpperCase().indexOf('OVERWRITE', node.span.start);
        const span = at < 0 || at > node.target.span.start ? node.target.span : { start: at, end: at + 'OVERWRITE'.length };
        context.report({
          span,
          message: 'INSERT OVERWRITE is not supported in streaming mode',
          hint: "use INSERT INTO, or run the script in batch mode: SET 'execution.runtime-mode' = 'batch'",
          ...(span !== node.target.span ? { fixes: [{ title: 'Use INSERT INTO', edits: [{ span, text: 'INTO' }], applicability: 'unsafe' as const }] } : {}),
        });
      },
    };
  },
});
