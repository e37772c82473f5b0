import { Codes } from '../src/diagnostics/codes.js';
import { defineRule } from '../src/rules/define.js';
import { isLookupSource } from '../src/rules/facts/script-catalog.js';

export default defineRule({
  meta: {
    code: Codes.ruleProcessingTimeTemporalJoinOnNonLookupTable,
    name: 'processing-time-temporal-join-on-non-lookup-table',
    category: 'time',
    rationale:
      '`JOIN t FOR SYSTEM_TIME AS OF o.proctime` looks rows up in `t` when each row arrives, which needs a ' +
      'connector that can serve lookups (jdbc, hbase, ...). Against a streaming table such as kafka Flink ' +
      'rejects it ("Processing-time temporal join is not supported yet"). Join on event time against a ' +
      'versioned table (PRIMARY KEY and WATERMARK), or read the dimension through a lookup connector.',
    examples: {
      bad: [
        "CREATE TABLE orders (id STRING, cur STRING, pt AS PROCTIME()) WITH ('connector' = 'kafka');\n" +
        "CREATE TABLE rates (cur STRING, rate DOUBLE) WITH ('connector' = 'kafka');\n" +
        'SELECT o.id, r.rate FROM orders AS o JOIN rates FOR SYSTEM_TIME AS OF o.pt AS r ON o.cur = r.cur',
      ],
      good: [
        "CREATE TABLE orders (id STRING, cur STRING, pt AS PROCTIME()) WITH ('connector' = 'kafka');\n" +
        "CREATE TABLE rates (cur STRING, rate DOUBLE) WITH ('connector' = 'jdbc');\n" +
        'SELECT o.id, r.rate FROM orders AS o JOIN rates FOR SYSTEM_TIME AS OF o.pt AS r ON o.cur = r.cur',
      ],
    },
  },
  create(context) {
    return {
      Join(node) {
        const right = node.right;
        if (right.kind !== 'NamedTable' || right.systemTime === null) return;
        const facts = context.statement.facts;
        if (!facts.streaming) return;
        const select = facts.enclosingSelect(node);
        if (facts.periodTimeAttribute(right.systemTime, select) !== 'PROCTIME') return;
        const rel = facts.relation(right, select);
        if (rel.kind !== 'table' || isLookupSource(rel.table) !== false) return;
        context.report({
          node: right,
          message: `\`${rel.table.name}\` is read by connector \`${rel.table.connector}\`, which cannot serve lookups, so a processing-time temporal join against it is not supported`,
          hint: 'join on event time (FOR SYSTEM_TIME AS OF the left rowtime, against a table with a PRIMARY KEY and a WATERMARK), or use a lookup connector such as jdbc',
          ...(rel.table.definedAt !== null ? { related: [{ span: rel.table.definedAt, message: `\`${rel.table.name}\` is defined here` }] } : {}),
        });
      },
    };
  },
});
