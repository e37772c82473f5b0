import type { Expression } from '../src/ast/nodes.js';
import { walk } from '../src/ast/walk.js';
import { Codes } from '../src/diagnostics/codes.js';
import { defineRule } from '../src/rules/define.js';
import { formatMillis, intervalMillis } from '../src/rules/facts/intervals.js';
import { parseDuration } from '../src/rules/facts/script-catalog.js';
import { functionName, WINDOW_FUNCTIONS } from '../src/rules/facts/statement-facts.js';

export default defineRule({
  meta: {
    code: Codes.ruleLargeTimeBound,
    name: 'large-time-bound',
    category: 'state',
    rationale:
      'A window keeps its rows (or accumulators) until it closes, and an interval join, an OVER RANGE window and ' +
      'MATCH_RECOGNIZE ... WITHIN keep rows for as long as their interval. A window of weeks or a join interval of ' +
      'days keeps that much of the stream in state and delays results by as much. Usually a smaller bound, or a ' +
      'pre-aggregated source, is what was meant.',
    examples: {
      bad: [
        "SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '30' DAY)) GROUP BY window_start, window_end",
        "SELECT * FROM orders AS o JOIN shipments AS s ON o.id = s.order_id AND s.ts BETWEEN o.ts AND o.ts + INTERVAL '10' DAY",
      ],
      good: [
        "SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' DAY)) GROUP BY window_start, window_end",
        "SELECT * FROM orders AS o JOIN shipments AS s ON o.id = s.order_id AND s.ts BETWEEN o.ts AND o.ts + INTERVAL '4' HOUR",
      ],
    },
    options: {
      maxWindow: { type: 'string', default: '7 d', description: 'The largest window size, slide, step or session gap (a duration such as `7 d`, `12 h`).' },
      maxInterval: { type: 'string', default: '1 d', description: 'The largest interval-join bound, OVER RANGE or WITHIN interval.' },
    },
  },
  create(context) {
    const maxWindow = parseDuration(context.options.maxWindow) ?? 7 * 86_400_000;
    const maxInterval = parseDuration(context.options.maxInterval) ?? 86_400_000;
    const reportIntervals = (root: Expression, limit: number, what: string): void => {
      walk(root, {
        enter(node) {
          if (node.kind === 'Query') return 'skip';
          const ms = node.kind === 'IntervalLiteral' ? intervalMillis(node) : null;
          if (ms !== null && Math.abs(ms) > limit) {
            context.report({
              node,
              message: `${what} of ${formatMillis(Math.abs(ms))} keeps that much of the stream in state (the limit is ${formatMillis(limit)})`,
              hint: 'use a smaller bound, or aggregate in smaller windows and combine them downstream',
            });
          }
          return undefined;
        },
      });
    };
    return {
      TableFunction(node) {
        if (!WINDOW_FUNCTIONS.has(functionName(node.call))) return;
        for (const arg of node.call.args) {
          const value = arg.kind === 'NamedArgument' ? arg.value : arg;
          if (value.kind === 'IntervalLiteral' && !(arg.kind === 'NamedArgument' && arg.name.value.toUpperCase() === 'OFFSET')) {
            reportIntervals(value, maxWindow, `a ${functionName(node.call)} window`);
          }
        }
      },
      GroupingExpression(node) {
        if (node.expr.kind === 'FunctionCall' && ['TUMBLE', 'HOP', 'SESSION'].includes(functionName(node.expr))) {
          for (const arg of node.expr.args.slice(1)) reportIntervals(arg, maxWindow, `a ${functionName(node.expr)} window`);
        }
      },
      Join(node) {
        const facts = context.statement.facts;
        if (node.on !== null && facts.joinKind(node, facts.enclosingSelect(node)) === 'interval') reportIntervals(node.on, maxInterval, 'an interval join bound');
      },
      FrameBound(node) {
        if (node.offset !== null) reportIntervals(node.offset, maxInterval, 'an OVER window range');
      },
      MatchRecognize(node) {
        if (node.within !== null) reportIntervals(node.within, maxInterval, 'a MATCH_RECOGNIZE WITHIN interval');
      },
    };
  },
});
