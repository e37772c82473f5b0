/**
 * What the service knows about guardrail rules and profiles. The rule engine (src/rules/, rules/)
 * is being built on another branch; the lead wires its registry in here. Until then the service
 * knows the built-in profile names and no rules: ListRules answers an empty list, and a request
 * that overrides a rule is refused because no such rule exists.
 */
export interface RuleInfo {
  readonly name: string;
  readonly code: string;
  readonly description: string;
  readonly defaultSeverity: 'error' | 'warning' | 'info';
  readonly profiles: readonly string[];
}

export interface RuleCatalog {
  readonly rules: readonly RuleInfo[];
  readonly profiles: readonly string[];
}

export const BUILT_IN_RULE_CATALOG: RuleCatalog = {
  rules: [],
  profiles: ['recommended', 'strict'],
};

export function findRule(catalog: RuleCatalog, nameOrCode: string): RuleInfo | undefined {
  return catalog.rules.find((r) => r.name === nameOrCode || r.code === nameOrCode);
}
