import { Codes } from '../src/diagnostics/codes.js';
import { defineRule } from '../src/rules/define.js';

/** Partitioned message-queue connectors, where one idle partition holds back the watermark. */
const PARTITIONED: ReadonlySet<string> = new Set(['kafka', 'upsert-kafka', 'kinesis', 'pulsar']);

export default defineRule({
  meta: {
    code: Codes.ruleSourceWithoutIdleTimeout,
    name: 'source-without-idle-timeout',
    category: 'time',
    rationale:
      'A source\'s watermark is the minimum over its partitions. When one partition receives no data, the ' +
      'watermark stops advancing and every window, interval join and temporal join downstream stops emitting. ' +
      'An idle timeout (`scan.watermark.idle-timeout` on the table, or `table.exec.source.idle-timeout`) lets the ' +
      'watermark ignore idle partitions.',
    examples: {
      bad: ["CREATE TABLE clicks (ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'kafka', 'topic' = 'clicks')"],
      good: [
        "CREATE TABLE clicks (ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'kafka', 'topic' = 'clicks', 'scan.watermark.idle-timeout' = '1 min')",
        "SET 'table.exec.source.idle-timeout' = '1 min';\nCREATE TABLE clicks (ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'kafka', 'topic' = 'clicks')",
      ],
    },
  },
  create(context) {
    let globalTimeout: boolean | null = null;
    return {
      CreateTable(node) {
        const watermark = node.elements.find((e) => e.kind === 'WatermarkDefinition');
        const connector = node.options.find((o) => o.key === 'connector')?.value;
        if (watermark === undefined || connector === undefined || !PARTITIONED.has(connector)) return;
        if (node.options.some((o) => o.key === 'scan.watermark.idle-timeout')) return;
        // A SET anywhere in the script applies to the job, so look at all statements once.
        globalTimeout ??= context.script.some((s) => s.ast?.kind === 'Set' && s.ast.key?.key === 'table.exec.source.idle-timeout'
          && s.ast.value !== null && !/^\s*0\s*(ms)?\s*$/.test(s.ast.value));
        if (globalTimeout) return;
        context.report({
          node: watermark,
          message: `\`${node.name.parts.map((p) => p.value).join('.')}\` has a watermark but no idle timeout: one idle ${connector} partition stops its watermark`,
          hint: "add `'scan.watermark.idle-timeout' = '1 min'` to the table's options, or `SET 'table.exec.source.idle-timeout' = '1 min'`",
        });
      },
    };
  },
});
