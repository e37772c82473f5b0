import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES, PROFILES } from '../../src/rules/index.js';
import { builtInRuleCatalog, findProfile, ruleSettingsOf } from '../../src/server/rules.js';

describe('the service\'s rule catalog', () => {
  const catalog = builtInRuleCatalog();

  it('lists every built-in rule with its level in every profile', () => {
    expect(catalog.rules.map((r) => r.code)).toEqual(BUILTIN_RULES.map((r) => r.meta.code));
    expect(catalog.profiles.map((p) => p.name)).toEqual(PROFILES.map((p) => p.name));
    const join = catalog.rules.find((r) => r.name === 'regular-join-without-state-ttl')!;
    expect(join.defaultSeverity).toBe('warning');
    expect(join.levels).toContainEqual({ profile: 'strict', level: 'error' });
    expect(join.levels).toContainEqual({ profile: 'permissive', level: 'off' });
    expect(findProfile(catalog, 'default')?.name).toBe('recommended');
  });

  it('turns a request\'s profile and overrides into engine settings, later overrides winning', () => {
    const result = ruleSettingsOf(catalog, '', [
      { rule: 'fsql9002', level: 'RULE_LEVEL_ERROR' },
      { rule: 'unbounded-group-aggregation', level: 'RULE_LEVEL_WARNING' },
      { rule: 'regular-join-without-state-ttl', level: 'RULE_LEVEL_OFF' },
    ], 'strict');
    expect(result).toEqual({ ok: true, settings: { profile: 'strict', rules: { 'unbounded-group-aggregation': 'warn', 'regular-join-without-state-ttl': 'off' } } });
  });

  it('names the fields of an unknown profile, an unknown rule and a missing level', () => {
    const result = ruleSettingsOf(catalog, 'lax', [{ rule: 'no-such-rule', level: 'RULE_LEVEL_OFF' }, { rule: 'FSQL9002', level: 'RULE_LEVEL_UNSPECIFIED' }], 'recommended');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.violations.map((v) => v.field)).toEqual(['profile', 'rule_overrides[0].rule', 'rule_overrides[1].level']);
    expect(result.violations[0]!.description).toContain('known profiles: recommended (default), strict');
  });
});
