import type { RuleSetting } from './config.js';

/**
 * Built-in profiles, as data. A profile starts from every rule at its default severity (minus the
 * rules it lists as off) and then applies its own settings, keyed by rule name.
 */
export interface Profile {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly description: string;
  /** Start with every rule on, ignoring `offByDefault`. */
  readonly enableAll: boolean;
  readonly offByDefault: readonly string[];
  readonly rules: Readonly<Record<string, RuleSetting>>;
}

/** Platform-policy, cost-report and advice rules: on only where a profile asks for them. */
const POLICY_AND_ADVICE = [
  'unsupported-construct', 'user-jar', 'catalog-change', 'set-key-not-allowed', 'unbounded-state',
  'state-estimate', 'group-aggregation-without-mini-batch', 'source-without-idle-timeout',
];

/** Statement kinds a conservative platform runs: one query, written into a sink. */
const CONSERVATIVE_STATEMENTS = ['SELECT', 'INSERT', 'EXECUTE INSERT', 'STATEMENT SET', 'EXECUTE STATEMENT SET', 'SET'];

/** Configuration keys users may set on a conservative platform. */
const CONSERVATIVE_SET_KEYS = [
  'table.exec.state.ttl', 'table.exec.mini-batch.*', 'table.optimizer.agg-phase-strategy',
  'table.optimizer.distinct-agg.split.enabled', 'table.local-time-zone', 'table.exec.source.idle-timeout',
  'pipeline.name',
];

export const PROFILES: readonly Profile[] = [
  {
    name: 'recommended',
    aliases: ['default'],
    description: 'Correctness errors and state warnings; no platform policy.',
    enableAll: false,
    offByDefault: POLICY_AND_ADVICE,
    rules: {},
  },
  {
    name: 'strict',
    description: 'Every rule; state growth, SELECT * and joins without TTL are errors.',
    enableAll: true,
    offByDefault: [],
    rules: {
      // The allow-list needs the platform's lists; strict has none to give it.
      'unsupported-construct': 'off',
      'regular-join-without-state-ttl': 'error',
      'unbounded-group-aggregation': 'error',
      'unbounded-distinct': 'error',
      'unbounded-state': 'error',
      'select-star-in-deployed-query': 'error',
      'join-without-equality': 'error',
      'user-jar': 'error',
      'catalog-change': 'error',
      'set-key-not-allowed': 'warn',
      'state-estimate': 'off',
    },
  },
  {
    name: 'conservative',
    aliases: ['platform'],
    description: 'A platform launching SQL gradually: only SELECT and INSERT, no temporal joins, no MATCH_RECOGNIZE, no user jars, bounded state.',
    enableAll: false,
    offByDefault: ['state-estimate', 'group-aggregation-without-mini-batch', 'source-without-idle-timeout'],
    rules: {
      'unsupported-construct': {
        level: 'error',
        options: {
          statements: CONSERVATIVE_STATEMENTS,
        },
      },
      'user-jar': 'error',
      'catalog-change': 'error',
      'set-key-not-allowed': { level: 'error', options: { allowed: CONSERVATIVE_SET_KEYS } },
      'unbounded-state': 'error',
    },
  },
  {
    name: 'permissive',
    description: 'Only what Flink itself would reject when the job is planned; no warnings.',
    enableAll: false,
    offByDefault: [],
    rules: {
      'regular-join-without-state-ttl': 'off',
      'unbounded-group-aggregation': 'off',
      'unbounded-distinct': 'off',
      'large-time-bound': 'off',
      'hop-window-too-many-panes': 'off',
      'sink-key-differs-from-upsert-key': 'off',
      'non-deterministic-function-in-updating-pipeline': 'off',
      'lookup-join-on-updating-input': 'off',
      'source-without-idle-timeout': 'off',
      'legacy-group-window': 'off',
      'top-n-without-bound': 'off',
      'select-star-in-deployed-query': 'off',
      'join-without-equality': 'off',
      'deprecated-statement-set-syntax': 'off',
      'statement-too-long': 'off',
      'too-many-joins': 'off',
      'query-nesting-too-deep': 'off',
      'too-many-statements': 'off',
      ...Object.fromEntries(POLICY_AND_ADVICE.map((name) => [name, 'off' as const])),
    },
  },
];
