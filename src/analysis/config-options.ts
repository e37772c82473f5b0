/**
 * Configuration options whose values flinkcheck checks in SET statements, as data: the option, the
 * values Flink accepts (case-insensitive, as Flink parses enum options), and what it controls.
 * Only options with a closed set of values are listed; other keys are accepted as they are.
 */
export interface EnumOption {
  readonly key: string;
  readonly values: readonly string[];
  readonly description: string;
}

export const ENUM_OPTIONS: readonly EnumOption[] = [
  { key: 'execution.runtime-mode', values: ['streaming', 'batch', 'automatic'], description: 'the runtime mode' },
  { key: 'table.sql-dialect', values: ['default', 'hive'], description: 'the SQL dialect' },
  { key: 'sql-client.execution.result-mode', values: ['table', 'changelog', 'tableau'], description: 'how the SQL client shows results' },
  { key: 'table.exec.sink.not-null-enforcer', values: ['error', 'drop'], description: 'what happens to NULLs in NOT NULL sink columns' },
  { key: 'table.exec.sink.upsert-materialize', values: ['none', 'auto', 'force'], description: 'the sink upsert materializer' },
  { key: 'table.exec.sink.keyed-shuffle', values: ['none', 'auto', 'force'], description: 'keyed shuffle before the sink' },
  { key: 'table.optimizer.non-deterministic-update.strategy', values: ['try_resolve', 'ignore'], description: 'non-deterministic update handling' },
  { key: 'table.exec.source.cdc-events-duplicate', values: ['true', 'false'], description: 'CDC duplicate handling' },
  { key: 'table.dml-sync', values: ['true', 'false'], description: 'synchronous DML execution' },
  { key: 'table.exec.mini-batch.enabled', values: ['true', 'false'], description: 'mini-batch aggregation' },
  { key: 'table.optimizer.agg-phase-strategy', values: ['auto', 'one_phase', 'two_phase'], description: 'the aggregation phase strategy' },
  { key: 'table.exec.state.ttl', values: [], description: 'idle state retention' },
];

export function enumOption(key: string): EnumOption | undefined {
  return ENUM_OPTIONS.find((o) => o.key === key && o.values.length > 0);
}
