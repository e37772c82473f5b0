import { Codes } from '../src/diagnostics/codes.js';
import { defineRule } from '../src/rules/define.js';
import { sinkAccepts } from '../src/rules/facts/script-catalog.js';

export default defineRule({
  meta: {
    code: Codes.ruleUpdatingResultIntoAppendOnlySink,
    name: 'updating-result-into-append-only-sink',
    category: 'changelog',
    supersededBy: [Codes.updatesIntoAppendOnlySink],
    rationale:
      'A GROUP BY, an outer join, a Top-N or a changelog source makes a query emit updates: a row it emitted ' +
      'earlier is later retracted or replaced. A sink such as `kafka` with a plain format or `filesystem` can only ' +
      'append rows, so Flink refuses the job when it is planned ("doesn\'t support consuming update changes"). ' +
      'This rule says it before deployment and names the construct that makes the result updating.',
    examples: {
      bad: [
        "CREATE TABLE totals (user_id STRING, n BIGINT) WITH ('connector' = 'kafka', 'topic' = 't', 'format' = 'json');\n" +
        'INSERT INTO totals SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id',
      ],
      good: [
        "CREATE TABLE totals (user_id STRING, n BIGINT, PRIMARY KEY (user_id) NOT ENFORCED) WITH ('connector' = 'upsert-kafka', 'topic' = 't', 'key.format' = 'json', 'value.format' = 'json');\n" +
        'INSERT INTO totals SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id',
      ],
    },
  },
  create(context) {
    return {
      Insert(node) {
        const facts = context.statement.facts;
        if (!facts.streaming) return;
        const sink = context.catalog.table(node.target);
        if (sink === null || sinkAccepts(sink) !== 'append') return;
        const cause = node === context.statement.ast ? facts.statementUpdating(node.query) : facts.queryInfo(node.query).updating;
        if (cause === null) return;
        const accepts = `sink \`${sink.name}\` (connector \`${sink.connector}\`) only accepts appended rows`;
        context.report({
          span: cause.span,
          message: 'explained' in cause ? `the result is updating because of ${cause.what}, but ${accepts}` : `the ${cause.what} here makes the result updating, but ${accepts}`,
          hint: sink.connector === 'kafka'
            ? 'write into an `upsert-kafka` table with a PRIMARY KEY, or make the query append-only (e.g. aggregate per window)'
            : 'write into a sink that accepts updates (declare a PRIMARY KEY on an upsert-capable connector), or make the query append-only (e.g. aggregate per window)',
          related: [
            { span: node.target.span, message: `rows are written into \`${sink.name}\` here` },
            ...(sink.definedAt !== null ? [{ span: sink.definedAt, message: `\`${sink.name}\` is defined here` }] : []),
          ],
        });
      },
    };
  },
});
