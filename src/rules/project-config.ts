import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { BUILTIN_RULES } from '../../rules/index.js';
import { type RuleSetting, type RuleSettings, RuleSettingsError } from './config.js';
import type { AnyRule } from './types.js';

/**
 * The project file, `flinkcheck.yaml`:
 *
 *   profile: strict
 *   rules:
 *     FSQL9002: off
 *     top-n-without-bound: { level: warn, options: { maxRank: 100 } }
 *   customRules: ./guardrails      # a directory of trusted rule modules (*.js, *.mjs)
 *
 * Custom rules are code: they are loaded only from a directory a project file names, never from
 * request data.
 */
export interface ProjectConfig {
  readonly file: string;
  readonly settings: RuleSettings;
  readonly customRules: readonly AnyRule[];
}

export const PROJECT_FILE_NAMES = ['flinkcheck.yaml', 'flinkcheck.yml'];

/** The nearest project file in `dir` or its ancestors, or null. */
export function findProjectConfig(dir: string): string | null {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    for (const name of PROJECT_FILE_NAMES) {
      const candidate = path.join(current, name);
      if (existsSync(candidate)) return candidate;
    }
    if (path.dirname(current) === current) return null;
  }
}

const KNOWN_KEYS = new Set(['profile', 'rules', 'customRules']);

export async function loadProjectConfig(file: string): Promise<ProjectConfig> {
  let document: unknown;
  try {
    document = parseYaml(await readFile(file, 'utf8'));
  } catch (error) {
    throw new RuleSettingsError(`${file}: ${error instanceof Error ? error.message.split('\n', 1)[0] : String(error)}`);
  }
  if (document === null || document === undefined) return { file, settings: {}, customRules: [] };
  if (typeof document !== 'object' || Array.isArray(document)) throw new RuleSettingsError(`${file}: the project file must be a mapping`);
  const doc = document as Record<string, unknown>;
  for (const key of Object.keys(doc)) {
    if (!KNOWN_KEYS.has(key)) throw new RuleSettingsError(`${file}: unknown key \`${key}\`; the keys are: ${[...KNOWN_KEYS].join(', ')}`);
  }
  if (doc['profile'] !== undefined && typeof doc['profile'] !== 'string') throw new RuleSettingsError(`${file}: \`profile\` must be a profile name`);
  const rules = doc['rules'];
  if (rules !== undefined && (typeof rules !== 'object' || rules === null || Array.isArray(rules))) {
    throw new RuleSettingsError(`${file}: \`rules\` must map rule codes or names to a level or to { level, options }`);
  }
  const customDir = doc['customRules'];
  if (customDir !== undefined && typeof customDir !== 'string') throw new RuleSettingsError(`${file}: \`customRules\` must be a directory`);
  const customRules = customDir === undefined ? [] : await loadCustomRules(path.resolve(path.dirname(file), customDir));
  return {
    file,
    settings: {
      ...(typeof doc['profile'] === 'string' ? { profile: doc['profile'] } : {}),
      ...(rules !== undefined ? { rules: rules as Record<string, RuleSetting> } : {}),
    },
    customRules,
  };
}

/** Imports every *.js / *.mjs module of `dir` (sorted); each must export a rule (defineRule) as default. */
export async function loadCustomRules(dir: string, builtins: readonly AnyRule[] = BUILTIN_RULES): Promise<AnyRule[]> {
  let files: string[];
  try {
    files = (await readdir(dir)).filter((f) => f.endsWith('.js') || f.endsWith('.mjs')).sort();
  } catch {
    throw new RuleSettingsError(`custom rules directory \`${dir}\` cannot be read`);
  }
  const rules: AnyRule[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(path.join(dir, file)).href)) as { default?: unknown };
    const rule = module.default as AnyRule | undefined;
    if (rule === undefined || typeof rule !== 'object' || typeof rule.create !== 'function' || typeof rule.meta?.code !== 'string' || typeof rule.meta?.name !== 'string') {
      throw new RuleSettingsError(`${file}: a custom rule module must export a rule made with defineRule as its default export`);
    }
    const clash = [...builtins, ...rules].find((r) => r.meta.code === rule.meta.code || r.meta.name === rule.meta.name);
    if (clash !== undefined) throw new RuleSettingsError(`${file}: rule \`${rule.meta.name}\` (${rule.meta.code}) reuses the code or name of \`${clash.meta.name}\` (${clash.meta.code})`);
    rules.push(rule);
  }
  return rules;
}
