import { Codes } from '../src/diagnostics/codes.js';
import { defineRule } from '../src/rules/define.js';
import { formatMillis, intervalMillis } from '../src/rules/facts/intervals.js';
import { functionName } from '../src/rules/facts/statement-facts.js';
import type { Expression } from '../src/ast/nodes.js';
import type { Span } from '../src/source/span.js';

export default defineRule({
  meta: {
    code: Codes.ruleHopWindowTooManyPanes,
    name: 'hop-window-too-many-panes',
    category: 'state',
    rationale:
      'A hopping window of size S sliding by D puts every row into S/D windows, and a cumulating window of size ' +
      'S with step D emits S/D results per window. With a 1-day window sliding every minute that is 1440 windows ' +
      'per row: state, CPU and output all multiply. Use a larger slide, or a tumbling window aggregated further ' +
      'downstream.',
    examples: {
      bad: ["SELECT window_start, COUNT(*) FROM TABLE(HOP(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTE, INTERVAL '1' DAY)) GROUP BY window_start, window_end"],
      good: ["SELECT window_start, COUNT(*) FROM TABLE(HOP(TABLE clicks, DESCRIPTOR(ts), INTERVAL '5' MINUTE, INTERVAL '1' HOUR)) GROUP BY window_start, window_end"],
    },
    options: {
      maxPanes: { type: 'number', default: 100, min: 1, description: 'The largest number of windows (size / slide) a row may fall into.' },
    },
  },
  create(context) {
    const { maxPanes } = context.options;
    const check = (fn: string, small: Expression | undefined, size: Expression | undefined, span: Span): void => {
      const slide = small === undefined ? null : intervalMillis(small);
      const length = size === undefined ? null : intervalMillis(size);
      if (slide === null || length === null || slide <= 0) return;
      const panes = Math.ceil(length / slide);
      if (panes <= maxPanes) return;
      context.report({
        span,
        message: `this ${fn} window of ${formatMillis(length)} every ${formatMillis(slide)} puts each row into ${panes} windows (more than ${maxPanes})`,
        hint: `use a ${fn === 'HOP' ? 'slide' : 'step'} of at least ${formatMillis(Math.ceil(length / maxPanes))}`,
      });
    };
    return {
      TableFunction(node) {
        const fn = functionName(node.call);
        if (fn !== 'HOP' && fn !== 'CUMULATE') return;
        const positional = node.call.args.filter((a) => a.kind !== 'NamedArgument');
        const named = new Map(node.call.args.flatMap((a) => (a.kind === 'NamedArgument' ? [[a.name.value.toUpperCase(), a.value] as const] : [])));
        const small = named.get(fn === 'HOP' ? 'SLIDE' : 'STEP') ?? positional[2];
        const size = named.get('SIZE') ?? positional[3];
        check(fn, small, size, node.call.span);
      },
      GroupingExpression(node) {
        if (node.expr.kind === 'FunctionCall' && functionName(node.expr) === 'HOP') check('HOP', node.expr.args[1], node.expr.args[2], node.expr.span);
      },
    };
  },
});
