/**
 * The guardrail rules as the service shows and accepts them: the rule registry of src/rules/, its
 * profiles (with aliases), and the translation of a request's profile and overrides into the
 * engine's RuleSettings. Checking happens here, on the event loop (it is a few lookups), so that a
 * bad request fails with exact field paths before it costs a worker.
 */
import { BUILTIN_RULES, listRules, PROFILES, resolveRuleSettings, RuleSettingsError, type RuleLevel, type RuleSettings } from '../rules/index.js';
import type { FieldViolation } from './rich-error.js';
import type { WireRuleOverride } from './wire.js';

type ListedLevel = 'off' | 'info' | 'warning' | 'error';

export interface RuleInfo {
  readonly name: string;
  readonly code: string;
  readonly category: string;
  readonly description: string;
  readonly defaultSeverity: 'error' | 'warning' | 'info';
  /** The rule's level in each profile, in profile order. */
  readonly levels: readonly { readonly profile: string; readonly level: ListedLevel }[];
}

export interface ProfileInfo {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly description: string;
}

export interface RuleCatalog {
  readonly rules: readonly RuleInfo[];
  readonly profiles: readonly ProfileInfo[];
}

export function builtInRuleCatalog(): RuleCatalog {
  return {
    rules: listRules().map((r) => ({
      name: r.name,
      code: r.code,
      category: r.category,
      description: r.description,
      defaultSeverity: r.severity,
      levels: PROFILES.map((p) => ({ profile: p.name, level: r.profiles[p.name] ?? 'off' })),
    })),
    profiles: PROFILES.map((p) => ({ name: p.name, aliases: [...(p.aliases ?? [])], description: p.description })),
  };
}

/** The profile a name or alias selects. */
export function findProfile(catalog: RuleCatalog, name: string): ProfileInfo | undefined {
  return catalog.profiles.find((p) => p.name === name || p.aliases.includes(name));
}

/** A rule by code (any case) or name, as the engine finds it. */
export function findRule(catalog: RuleCatalog, nameOrCode: string): RuleInfo | undefined {
  const upper = nameOrCode.toUpperCase();
  return catalog.rules.find((r) => r.code === upper || r.name === nameOrCode);
}

/** `recommended (default), strict, ...`: for messages. */
export function profileList(catalog: RuleCatalog): string {
  return catalog.profiles.map((p) => (p.aliases.length === 0 ? p.name : `${p.name} (${p.aliases.join(', ')})`)).join(', ');
}

const LEVEL: Readonly<Record<string, RuleLevel>> = {
  RULE_LEVEL_OFF: 'off',
  RULE_LEVEL_INFO: 'info',
  RULE_LEVEL_WARNING: 'warn',
  RULE_LEVEL_ERROR: 'error',
};

export type RuleRequest =
  | { readonly ok: true; readonly settings: RuleSettings }
  | { readonly ok: false; readonly violations: readonly FieldViolation[] };

/**
 * The engine's settings for a request: its profile (empty selects `defaultProfile`) and its
 * overrides, applied in order; or the violations, with the request's field paths.
 */
export function ruleSettingsOf(catalog: RuleCatalog, profile: string, overrides: readonly WireRuleOverride[], defaultProfile: string): RuleRequest {
  const violations: FieldViolation[] = [];
  const chosen = profile === '' ? defaultProfile : profile;
  if (findProfile(catalog, chosen) === undefined) {
    violations.push({ field: 'profile', description: `unknown profile \`${chosen}\`; known profiles: ${profileList(catalog)}` });
  }
  const rules: Record<string, RuleLevel> = {};
  overrides.forEach((o, i) => {
    const rule = findRule(catalog, o.rule);
    if (rule === undefined) violations.push({ field: `rule_overrides[${i}].rule`, description: o.rule === '' ? 'name a rule by code or name (ListRules lists them)' : `no rule is named \`${o.rule}\` (ListRules lists them)` });
    const level = LEVEL[o.level];
    if (level === undefined) violations.push({ field: `rule_overrides[${i}].level`, description: 'set a level (off, info, warning or error)' });
    // Keyed by name so that a later override of the same rule, by code or by name, wins.
    if (rule !== undefined && level !== undefined) {
      delete rules[rule.name];
      rules[rule.name] = level;
    }
  });
  if (violations.length > 0) return { ok: false, violations };
  const settings: RuleSettings = { profile: chosen, rules };
  try {
    resolveRuleSettings(BUILTIN_RULES, settings);
  } catch (error) {
    if (!(error instanceof RuleSettingsError)) throw error;
    return { ok: false, violations: [{ field: overrides.length > 0 ? 'rule_overrides' : 'profile', description: error.message }] };
  }
  return { ok: true, settings };
}
