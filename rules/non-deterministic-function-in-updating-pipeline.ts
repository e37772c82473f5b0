import { Codes } from '../src/diagnostics/codes.js';
import { defineRule } from '../src/rules/define.js';
import type { FunctionCall, Select } from '../src/ast/nodes.js';
import type { AstNode } from '../src/ast/walk.js';
import { functionName, isAggregateCall, type StatementFacts } from '../src/rules/facts/statement-facts.js';

function evaluatedOnInput(call: FunctionCall, select: Select, facts: StatementFacts): boolean {
  let child: AstNode = call;
  for (let p = facts.parentOf(call); p !== null && p !== select; p = facts.parentOf(p)) {
    if (p.kind === 'FunctionCall' && isAggregateCall(p)) return true;
    child = p;
  }
  return child === select.where || child.kind === 'GroupBy' || select.from.includes(child as never);
}

/** Functions whose value differs between evaluations of the same row (Flink's determinism doc). */
const NON_DETERMINISTIC: ReadonlySet<string> = new Set([
  'NOW', 'CURRENT_TIMESTAMP', 'LOCALTIMESTAMP', 'CURRENT_TIME', 'LOCALTIME', 'CURRENT_DATE', 'CURRENT_ROW_TIMESTAMP',
  'RAND', 'RAND_INTEGER', 'UUID', 'UNIX_TIMESTAMP',
]);

export default defineRule({
  meta: {
    code: Codes.ruleNonDeterministicFunctionInUpdatingPipeline,
    name: 'non-deterministic-function-in-updating-pipeline',
    category: 'changelog',
    rationale:
      'An updating pipeline retracts rows it emitted before by sending them again. When a column is computed by ' +
      'NOW(), CURRENT_TIMESTAMP, RAND() or UUID(), the retraction carries a different value than the original row, ' +
      'so downstream operators and sinks cannot match them and results go wrong silently (non-deterministic ' +
      'updates). Compute such values from the data (a time attribute, a key), or only in append-only pipelines.',
    examples: {
      bad: ['SELECT user_id, COUNT(*) AS n, CURRENT_TIMESTAMP AS updated_at FROM clicks GROUP BY user_id'],
      good: [
        "SELECT user_id, COUNT(*) AS n, window_end AS updated_at FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY user_id, window_start, window_end",
        'SELECT user_id, CURRENT_TIMESTAMP AS seen_at FROM clicks',
      ],
    },
  },
  create(context) {
    return {
      FunctionCall(node) {
        const fn = functionName(node);
        if (!NON_DETERMINISTIC.has(fn) || node.name.parts.length !== 1) return;
        if (fn === 'UNIX_TIMESTAMP' && node.args.length > 0) return;
        const facts = context.statement.facts;
        if (!facts.streaming) return;
        const select = facts.enclosingSelect(node);
        if (select === null) return;
        // WHERE, ON, GROUP BY and aggregate arguments run on the input rows; the SELECT list and
        // HAVING run on the result, which the SELECT's own aggregation may make updating.
        const cause = evaluatedOnInput(node, select, facts) ? facts.inputInfo(select).updating : facts.queryInfo(select).updating;
        if (cause === null) return;
        context.report({
          node,
          message: `\`${fn}\` gives a different value each time it is evaluated, but this result is updating (${cause.what}): retractions will not match the rows they retract`,
          hint: 'derive the value from the data (a time attribute, a window bound, a key), or keep the function in an append-only part of the pipeline',
          related: [{ span: cause.span, message: `the ${cause.what} makes the result updating` }],
        });
      },
    };
  },
});
