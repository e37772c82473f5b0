import type { Severity } from '../diagnostics/diagnostic.js';
import { defaultOptions } from './define.js';
import { PROFILES, type Profile } from './profiles.js';
import type { AnyRule, OptionSpec } from './types.js';

/**
 * Rule settings: a profile plus per-rule overrides, as they come from the CLI (`--profile`,
 * `--rule CODE=warn`), a project file or a request. Rules are named by code (`FSQL9002`) or name
 * (`regular-join-without-state-ttl`).
 */

export type RuleLevel = 'off' | 'info' | 'warn' | 'warning' | 'error';

export type RuleSetting =
  | RuleLevel
  | { readonly level?: RuleLevel; readonly options?: Readonly<Record<string, unknown>> };

export interface RuleSettings {
  /** A built-in profile name; `recommended` when not given. */
  readonly profile?: string;
  /** Overrides by rule code or name, applied after the profile. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
}

export interface EnabledRule {
  readonly rule: AnyRule;
  readonly severity: Severity;
  readonly options: Readonly<Record<string, unknown>>;
}

export class RuleSettingsError extends Error {
  override readonly name = 'RuleSettingsError';
}

export const DEFAULT_PROFILE = 'recommended';
const LEVELS: ReadonlySet<string> = new Set(['off', 'info', 'warn', 'warning', 'error']);

function severityOf(level: RuleLevel): Severity | null {
  if (level === 'off') return null;
  return level === 'warn' ? 'warning' : level;
}

export function findRule(rules: readonly AnyRule[], key: string): AnyRule | undefined {
  const upper = key.toUpperCase();
  return rules.find((r) => r.meta.code === upper || r.meta.name === key);
}

/** The rules to run, with severity and options, for the given settings. Throws RuleSettingsError. */
export function resolveRuleSettings(rules: readonly AnyRule[], settings: RuleSettings = {}): EnabledRule[] {
  const profileName = settings.profile ?? DEFAULT_PROFILE;
  const profile = PROFILES.find((p) => p.name === profileName || p.aliases?.includes(profileName));
  if (profile === undefined) {
    throw new RuleSettingsError(`unknown profile \`${profileName}\`; the profiles are: ${PROFILES.map((p) => p.name).join(', ')}`);
  }
  const state = new Map<AnyRule, { severity: Severity | null; options: Record<string, unknown> }>();
  for (const rule of rules) {
    state.set(rule, { severity: profile.enableAll || !profile.offByDefault.includes(rule.meta.name) ? rule.meta.severity : null, options: defaultOptions(rule.meta.options) });
  }
  const apply = (key: string, setting: RuleSetting, where: string, strict: boolean): void => {
    const rule = findRule(rules, key);
    if (rule === undefined) {
      // A profile may name rules that a custom rule set does not include.
      if (!strict) return;
      throw new RuleSettingsError(`${where}: unknown rule \`${key}\``);
    }
    const entry = state.get(rule)!;
    const level = typeof setting === 'string' ? setting : setting.level;
    if (level !== undefined) {
      if (!LEVELS.has(level)) throw new RuleSettingsError(`${where}: \`${String(level)}\` is not a level for \`${rule.meta.name}\`; use off, info, warn or error`);
      entry.severity = severityOf(level);
    } else if (entry.severity === null) {
      entry.severity = rule.meta.severity;
    }
    if (typeof setting !== 'string' && setting.options !== undefined) {
      entry.options = { ...entry.options, ...checkOptions(rule, setting.options, where) };
    }
  };
  for (const [key, setting] of Object.entries(profile.rules)) apply(key, setting, `profile \`${profile.name}\``, false);
  for (const [key, setting] of Object.entries(settings.rules ?? {})) apply(key, setting, 'rule settings', true);
  const enabled: EnabledRule[] = [];
  for (const [rule, entry] of state) if (entry.severity !== null) enabled.push({ rule, severity: entry.severity, options: entry.options });
  return enabled;
}

function checkOptions(rule: AnyRule, options: Readonly<Record<string, unknown>>, where: string): Record<string, unknown> {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new RuleSettingsError(`${where}: the options of \`${rule.meta.name}\` must be an object`);
  }
  for (const [key, value] of Object.entries(options)) {
    const spec = rule.meta.options[key];
    if (spec === undefined) {
      const known = Object.keys(rule.meta.options);
      throw new RuleSettingsError(`${where}: \`${rule.meta.name}\` has no option \`${key}\`${known.length > 0 ? `; its options are: ${known.join(', ')}` : ''}`);
    }
    if (!matchesSpec(spec, value)) throw new RuleSettingsError(`${where}: option \`${key}\` of \`${rule.meta.name}\` must be ${describeSpec(spec)}`);
  }
  return { ...options };
}

function matchesSpec(spec: OptionSpec, value: unknown): boolean {
  switch (spec.type) {
    case 'number': return typeof value === 'number' && Number.isFinite(value) && (spec.min === undefined || value >= spec.min);
    case 'boolean': return typeof value === 'boolean';
    case 'string': return typeof value === 'string';
    case 'string[]': return Array.isArray(value) && value.every((v) => typeof v === 'string');
  }
}

function describeSpec(spec: OptionSpec): string {
  switch (spec.type) {
    case 'number': return spec.min === undefined ? 'a number' : `a number of at least ${spec.min}`;
    case 'boolean': return 'true or false';
    case 'string': return 'a string';
    case 'string[]': return 'a list of strings';
  }
}

/** Parses a CLI `--rule` value: `FSQL9002=off`, `select-star-in-deployed-query=error`. */
export function parseRuleFlag(text: string): [string, RuleLevel] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new RuleSettingsError(`\`${text}\` is not a rule setting; write RULE=off|info|warn|error`);
  const key = text.slice(0, eq).trim();
  const level = text.slice(eq + 1).trim().toLowerCase();
  if (!LEVELS.has(level)) throw new RuleSettingsError(`\`${level}\` is not a level; use off, info, warn or error`);
  return [key, level as RuleLevel];
}

export type { Profile };
