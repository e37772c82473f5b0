import { printExpression } from '../src/ast/print.js';
import { Codes } from '../src/diagnostics/codes.js';
import { defineRule } from '../src/rules/define.js';
import { functionName } from '../src/rules/facts/statement-facts.js';

const LEGACY: ReadonlySet<string> = new Set(['TUMBLE', 'HOP', 'SESSION']);

export default defineRule({
  meta: {
    code: Codes.ruleLegacyGroupWindow,
    name: 'legacy-group-window',
    category: 'query',
    rationale:
      'GROUP BY TUMBLE(...), HOP(...) and SESSION(...) are the deprecated group-window syntax. The window ' +
      'table-valued functions in FROM replace them: they support CUMULATE windows, window Top-N, window joins and ' +
      'window deduplication, and the optimizations (two-phase aggregation, split distinct) that make windows cheap.',
    examples: {
      bad: ["SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id, TUMBLE(ts, INTERVAL '1' HOUR)"],
      good: [
        "SELECT user_id, window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' HOUR)) GROUP BY user_id, window_start, window_end",
        'SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id',
      ],
    },
  },
  create(context) {
    return {
      GroupBy(node) {
        const select = context.statement.facts.parentOf(node);
        for (const element of node.elements) {
          if (element.kind !== 'GroupingExpression' || element.expr.kind !== 'FunctionCall') continue;
          const call = element.expr;
          const fn = functionName(call);
          if (!LEGACY.has(fn) || call.args.length < 2) continue;
          const [time, ...sizes] = call.args.map((a) => printExpression(a));
          const table = select?.kind === 'Select' && select.from.length === 1 && select.from[0]!.kind === 'NamedTable'
            ? select.from[0].name.parts.map((p) => p.value).join('.') : 't';
          const tvf = fn === 'SESSION'
            ? `SESSION(TABLE ${table}, DESCRIPTOR(${time}), ${sizes.join(', ')})`
            : `${fn}(TABLE ${table}, DESCRIPTOR(${time}), ${sizes.join(', ')})`;
          context.report({
            node: call,
            message: `\`GROUP BY ${fn}(...)\` is the deprecated group-window syntax`,
            hint: `use the window table-valued function: FROM TABLE(${tvf}) ... GROUP BY window_start, window_end, ...; ${fn}_START/${fn}_END become window_start/window_end`,
          });
        }
      },
    };
  },
});
