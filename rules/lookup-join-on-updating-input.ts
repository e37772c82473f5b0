import { Codes } from '../src/diagnostics/codes.js';
import { defineRule } from '../src/rules/define.js';

export default defineRule({
  meta: {
    code: Codes.ruleLookupJoinOnUpdatingInput,
    name: 'lookup-join-on-updating-input',
    category: 'changelog',
    rationale:
      'A lookup join queries the external table when each row arrives. When its input is updating, a retraction ' +
      'is looked up again later and may find a different row than the insert it retracts, so downstream state ' +
      'receives a retraction for a row it never saw. Flink can materialize the lookup results to keep them ' +
      'consistent: `table.optimizer.non-deterministic-update.strategy` = `TRY_RESOLVE`.',
    examples: {
      bad: [
        "CREATE TABLE orders (id STRING, cur STRING, pt AS PROCTIME()) WITH ('connector' = 'kafka', 'format' = 'debezium-json');\n" +
        "CREATE TABLE rates (cur STRING, rate DOUBLE) WITH ('connector' = 'jdbc');\n" +
        'SELECT o.id, r.rate FROM orders AS o JOIN rates FOR SYSTEM_TIME AS OF o.pt AS r ON o.cur = r.cur',
      ],
      good: [
        "CREATE TABLE orders (id STRING, cur STRING, pt AS PROCTIME()) WITH ('connector' = 'kafka', 'format' = 'json');\n" +
        "CREATE TABLE rates (cur STRING, rate DOUBLE) WITH ('connector' = 'jdbc');\n" +
        'SELECT o.id, r.rate FROM orders AS o JOIN rates FOR SYSTEM_TIME AS OF o.pt AS r ON o.cur = r.cur',
      ],
    },
  },
  create(context) {
    return {
      Join(node) {
        const facts = context.statement.facts;
        if (!facts.streaming) return;
        const select = facts.enclosingSelect(node);
        if (facts.joinKind(node, select) !== 'lookup') return;
        if (context.catalog.setting('table.optimizer.non-deterministic-update.strategy')?.value.toUpperCase() === 'TRY_RESOLVE') return;
        const left = node.left.kind === 'Join' ? null : facts.relationInfo(facts.relation(node.left, select));
        const cause = left?.updating ?? null;
        if (cause === null) return;
        context.report({
          span: node.right.span,
          message: `this lookup join reads an updating input (${cause.what}): retractions may look up different rows than the rows they retract`,
          hint: "SET 'table.optimizer.non-deterministic-update.strategy' = 'TRY_RESOLVE'",
          related: [{ span: cause.span, message: `the ${cause.what} makes the input updating` }],
        });
      },
    };
  },
});
