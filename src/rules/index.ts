import { BUILTIN_RULES } from '../../rules/index.js';
import { resolveRuleSettings, type RuleSettings } from './config.js';
import { PROFILES } from './profiles.js';
import type { AnyRule, RuleMeta } from './types.js';

export { BUILTIN_RULES };
export { runRules, type RunRulesInput } from './engine.js';
export {
  DEFAULT_PROFILE, parseRuleFlag, resolveRuleSettings, RuleSettingsError, type EnabledRule, type RuleLevel,
  type RuleSetting, type RuleSettings,
} from './config.js';
export { PROFILES, type Profile } from './profiles.js';
export { defineRule } from './define.js';
export { estimateState, type StateEstimate, type StatefulOperator } from './facts/state.js';
export type { AnyRule, Rule, RuleCategory, RuleContext, RuleMeta, RuleReport, RuleVisitors } from './types.js';

/** A rule's catalogue entry, and the profiles that enable it with their severity (for `flinkcheck rules`, gRPC ListRules and docs). */
export interface RuleListing extends RuleMeta {
  readonly profiles: Readonly<Record<string, 'off' | 'info' | 'warning' | 'error'>>;
}

/** Every built-in rule with its meta and its severity in each built-in profile. */
export function listRules(rules: readonly AnyRule[] = BUILTIN_RULES): RuleListing[] {
  return rules.map((rule) => ({
    ...rule.meta,
    profiles: Object.fromEntries(PROFILES.map((p) => [p.name, severityIn(rule, { profile: p.name }, rules)])),
  }));
}

function severityIn(rule: AnyRule, settings: RuleSettings, rules: readonly AnyRule[]): 'off' | 'info' | 'warning' | 'error' {
  return resolveRuleSettings(rules, settings).find((e) => e.rule === rule)?.severity ?? 'off';
}
