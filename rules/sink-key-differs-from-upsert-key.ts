import { Codes } from '../src/diagnostics/codes.js';
import { defineRule } from '../src/rules/define.js';
import { sinkAccepts } from '../src/rules/facts/script-catalog.js';

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

export default defineRule({
  meta: {
    code: Codes.ruleSinkKeyDiffersFromUpsertKey,
    name: 'sink-key-differs-from-upsert-key',
    category: 'changelog',
    rationale:
      'When an updating result is written into a table with a PRIMARY KEY, Flink applies each update by key. If ' +
      'the sink\'s key is not the key the query updates by (its GROUP BY keys, its Top-N partition), updates for ' +
      'one sink row arrive from several query keys in any order; Flink then adds an upsert materializer that ' +
      'keeps every row per sink key in state, and results can still be wrong (FLINK-20370). Make the sink key the ' +
      'query\'s key.',
    examples: {
      bad: [
        "CREATE TABLE totals (page STRING, n BIGINT, PRIMARY KEY (n) NOT ENFORCED) WITH ('connector' = 'upsert-kafka');\n" +
        'INSERT INTO totals SELECT page, COUNT(*) AS n FROM clicks GROUP BY page',
      ],
      good: [
        "CREATE TABLE totals (page STRING, n BIGINT, PRIMARY KEY (page) NOT ENFORCED) WITH ('connector' = 'upsert-kafka');\n" +
        'INSERT INTO totals SELECT page, COUNT(*) AS n FROM clicks GROUP BY page',
      ],
    },
  },
  create(context) {
    return {
      Insert(node) {
        const facts = context.statement.facts;
        if (!facts.streaming) return;
        const sink = context.catalog.table(node.target);
        if (sink === null || sink.primaryKey === null || sinkAccepts(sink) !== 'all') return;
        const info = facts.queryInfo(node.query);
        const analysis = node === context.statement.ast ? context.statement.analysis : null;
        const updating = analysis?.changelog != null ? analysis.changelog.updates || analysis.changelog.deletes : info.updating !== null;
        if (!updating) return;
        // The analysis of an INSERT gives the sink's primary key as its keys, not the query's upsert keys.
        const keys = info.upsertKeys;
        const columns = analysis?.schema != null ? analysis.schema.map((c) => c.name) : info.columns;
        if (keys === null || columns === null) return;
        // Query columns go into the sink's persisted columns by position (or by the INSERT column list).
        const targets = node.columns !== null ? node.columns.map((c) => c.value) : sink.columns.filter((c) => c.kind !== 'computed' && !c.virtual).map((c) => c.name);
        if (targets.length !== columns.length) return;
        const pkAsQuery = sink.primaryKey.map((k) => columns[targets.indexOf(k)]);
        if (pkAsQuery.some((c) => c === undefined || c === '')) return;
        if (keys.some((k) => sameSet(k, pkAsQuery as string[]))) return;
        const queryKey = keys.find((k) => k.length > 0);
        context.report({
          span: node.target.span,
          message: queryKey !== undefined
            ? `sink \`${sink.name}\` has PRIMARY KEY (\`${sink.primaryKey.join('`, `')}\`) but the query's result is keyed by (\`${queryKey.join('`, `')}\`)`
            : `sink \`${sink.name}\` has PRIMARY KEY (\`${sink.primaryKey.join('`, `')}\`) but the query's updating result has no key`,
          hint: queryKey !== undefined
            ? `declare PRIMARY KEY (${queryKey.map((k) => `\`${targets[columns.indexOf(k)] ?? k}\``).join(', ')}) on \`${sink.name}\`, or change the query's key; otherwise Flink keeps every row per sink key in state to order the updates`
            : 'make the query updating by the sink\'s key (GROUP BY the key columns)',
          ...(sink.definedAt !== null ? { related: [{ span: sink.definedAt, message: `\`${sink.name}\` is defined here` }] } : {}),
        });
      },
    };
  },
});
