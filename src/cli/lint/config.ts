import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { Codes } from '../../diagnostics/codes.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { COMPATIBILITY_MODES, type CompatibilityMode } from '../../evolution/compatibility.js';
import type { RuleLevel, RuleSetting } from '../../rules/config.js';
import { SourceText } from '../../source/source-text.js';

export const CONFIG_FILE_NAME = 'flinkcheck.yaml';

export const LINT_FORMATS = ['text', 'json', 'sarif', 'github', 'junit'] as const;
export type LintFormat = (typeof LINT_FORMATS)[number];

/** The levels the guardrail engine takes (src/rules/config.ts). */
export const RULE_LEVELS = ['off', 'info', 'warn', 'warning', 'error'] as const;

export interface SinkSchema {
  /** The sink table as written in the config: `orders`, `db.orders` or `cat.db.orders`. */
  readonly table: string;
  /** Absolute path of the registered Avro schema (.avsc). */
  readonly schema: string;
  readonly compat: CompatibilityMode;
}

/**
 * `flinkcheck.yaml`, resolved: paths are absolute (relative ones are taken from the config file's
 * directory). Command-line flags override these values in the lint command. `profile` and
 * `rules` become the guardrail engine's RuleSettings (ValidateOptions.rules); the engine checks
 * that the profile and rules exist.
 */
export interface LintConfig {
  /** Absolute path of the file, or null when none was found (all defaults). */
  readonly file: string | null;
  /** Directory that include/exclude globs and relative paths are resolved against. */
  readonly root: string;
  readonly catalogs: readonly string[];
  readonly profile: string | null;
  /** Rule overrides keyed by guardrail code (FSQL9xxx) or rule name (kebab-case): a level, or `{level, options}`. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly format: LintFormat | null;
  readonly maxWarnings: number | null;
  readonly compat: CompatibilityMode;
  readonly sinks: readonly SinkSchema[];
}

type PendingSink = Omit<SinkSchema, 'compat'> & { readonly compat: CompatibilityMode | null };

export const DEFAULT_INCLUDE = ['**/*.sql'];

export function defaultConfig(root: string): LintConfig {
  return {
    file: null,
    root,
    catalogs: [],
    profile: null,
    rules: {},
    include: DEFAULT_INCLUDE,
    exclude: [],
    format: null,
    maxWarnings: null,
    compat: 'backward',
    sinks: [],
  };
}

/** Problems in the config file, as diagnostics on its text (exit status 2). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly file: string,
    readonly source: SourceText,
    readonly diagnostics: readonly Diagnostic[],
  ) {
    super(`${file}: ${diagnostics[0]?.message ?? 'invalid configuration'}`);
  }
}

/** The nearest flinkcheck.yaml in `cwd` or one of its ancestors, or null. */
export function findConfigFile(cwd: string): string | null {
  let dir = path.resolve(cwd);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

export async function loadConfigFile(file: string): Promise<LintConfig> {
  const text = await readFile(file, 'utf8');
  return parseConfig(text, file);
}

const RULE_KEY = /^(FSQL9\d{3}|[a-z][a-z0-9]*(-[a-z0-9]+)*)$/;
const PROFILE_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

const KNOWN_KEYS = ['catalogs', 'profile', 'rules', 'include', 'exclude', 'format', 'max-warnings', 'compat', 'sinks'] as const;

/** Parses and validates the text of a config file; every problem is reported at once. */
export function parseConfig(text: string, file: string): LintConfig {
  const source = new SourceText(text);
  const root = path.dirname(file);
  const problems: Diagnostic[] = [];
  const at = (node: { range?: [number, number, number] | null } | null | undefined): { start: number; end: number } => {
    const range = node?.range;
    return range ? { start: range[0], end: Math.max(range[0], range[1]) } : { start: 0, end: 0 };
  };
  const report = (code: keyof typeof Codes, message: string, node: Parameters<typeof at>[0], hint?: string) => {
    const info = Codes[code];
    problems.push({ code: info.code, severity: 'error', category: info.category, message, span: at(node), ...(hint !== undefined ? { hint } : {}) });
  };

  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  for (const error of doc.errors) {
    const start = error.pos[0];
    problems.push({
      code: Codes.configSyntax.code,
      severity: 'error',
      category: Codes.configSyntax.category,
      message: firstLine(error.message),
      span: { start, end: Math.max(start, error.pos[1]) },
    });
  }
  if (problems.length > 0) throw new ConfigError(file, source, problems);

  const config: { -readonly [K in keyof LintConfig]: LintConfig[K] } = { ...defaultConfig(root), file };
  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) return config;
  if (!isMap(contents)) {
    report('configInvalidValue', 'the configuration must be a mapping of keys to values', contents as YamlNode);
    throw new ConfigError(file, source, problems);
  }

  const stringList = (pair: Pair, key: string): string[] | null => {
    const value = pair.value as YamlNode | null;
    if (isScalar(value) && typeof value.value === 'string') return [value.value];
    if (isSeq(value) && value.items.every((i) => isScalar(i) && typeof i.value === 'string')) {
      return value.items.map((i) => (i as { value: string }).value);
    }
    report('configInvalidValue', `\`${key}\` must be a string or a list of strings`, value ?? (pair.key as YamlNode));
    return null;
  };
  const enumValue = <V extends string>(pair: Pair, key: string, allowed: readonly V[]): V | null => {
    const value = pair.value as YamlNode | null;
    if (isScalar(value) && typeof value.value === 'string' && (allowed as readonly string[]).includes(value.value)) return value.value as V;
    const shown = isScalar(value) ? `\`${String(value.value)}\`` : 'this value';
    report('configInvalidValue', `${shown} is not a valid \`${key}\``, value ?? (pair.key as YamlNode), `use one of: ${allowed.join(', ')}`);
    return null;
  };

  let pendingSinks: PendingSink[] = [];
  for (const pair of contents.items) {
    const keyNode = pair.key as YamlNode;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    switch (key) {
      case 'catalogs': {
        const list = stringList(pair, key);
        if (list !== null) config.catalogs = list.map((p) => path.resolve(root, p));
        break;
      }
      case 'include':
      case 'exclude': {
        const list = stringList(pair, key);
        if (list !== null) config[key] = list;
        break;
      }
      case 'profile': {
        const value = pair.value as YamlNode | null;
        if (isScalar(value) && typeof value.value === 'string' && PROFILE_NAME.test(value.value)) config.profile = value.value;
        else report('configInvalidValue', '`profile` must be a profile name such as `default` or `strict`', value ?? keyNode);
        break;
      }
      case 'format': {
        const format = enumValue(pair, key, LINT_FORMATS);
        if (format !== null) config.format = format;
        break;
      }
      case 'compat': {
        const mode = enumValue(pair, key, COMPATIBILITY_MODES);
        if (mode !== null) config.compat = mode;
        break;
      }
      case 'max-warnings': {
        const value = pair.value as YamlNode | null;
        if (isScalar(value) && typeof value.value === 'number' && Number.isInteger(value.value) && value.value >= 0) {
          config.maxWarnings = value.value;
        } else {
          report('configInvalidValue', '`max-warnings` must be a whole number, 0 or more', value ?? keyNode);
        }
        break;
      }
      case 'rules': {
        const value = pair.value as YamlNode | null;
        if (!isMap(value)) {
          report('configInvalidValue', '`rules` must map rule codes or names to off, warn or error', value ?? keyNode);
          break;
        }
        const rules: Record<string, RuleSetting> = {};
        for (const rule of value.items) {
          const ruleKey = rule.key as YamlNode;
          const name = isScalar(ruleKey) ? String(ruleKey.value) : '';
          if (!RULE_KEY.test(name)) {
            report(
              'configInvalidValue',
              `\`${name}\` is not a rule: rules are named by a guardrail code (FSQL9000-FSQL9999) or a kebab-case rule name`,
              ruleKey,
            );
            continue;
          }
          const ruleValue = rule.value as YamlNode | null;
          if (isMap(ruleValue)) {
            const setting = ruleValue.toJSON() as Record<string, unknown>;
            const extra = Object.keys(setting).filter((k) => k !== 'level' && k !== 'options');
            if (extra.length > 0) {
              report('configUnknownKey', `unknown key \`${extra[0]}\` in rule \`${name}\``, ruleValue, 'a rule takes `level` and `options`');
              continue;
            }
            const level = setting['level'];
            if (level !== undefined && !(RULE_LEVELS as readonly unknown[]).includes(level)) {
              report('configInvalidValue', `\`${String(level)}\` is not a valid \`rules.${name}.level\``, ruleValue.get('level', true) as YamlNode, `use one of: ${RULE_LEVELS.join(', ')}`);
              continue;
            }
            const options = setting['options'];
            if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) {
              report('configInvalidValue', `\`rules.${name}.options\` must be a mapping of option names to values`, ruleValue.get('options', true) as YamlNode);
              continue;
            }
            rules[name] = {
              ...(level !== undefined ? { level: level as RuleLevel } : {}),
              ...(options !== undefined ? { options: options as Record<string, unknown> } : {}),
            };
            continue;
          }
          const level = enumValue(rule, `rules.${name}`, RULE_LEVELS);
          if (level !== null) rules[name] = level;
        }
        config.rules = rules;
        break;
      }
      case 'sinks': {
        const value = pair.value as YamlNode | null;
        if (!isMap(value)) {
          report('configInvalidValue', '`sinks` must map sink table names to Avro schema files', value ?? keyNode);
          break;
        }
        const sinks: PendingSink[] = [];
        for (const sink of value.items) {
          const tableNode = sink.key as YamlNode;
          const table = isScalar(tableNode) ? String(tableNode.value) : '';
          const sinkValue = sink.value as YamlNode | null;
          if (isScalar(sinkValue) && typeof sinkValue.value === 'string') {
            sinks.push({ table, schema: path.resolve(root, sinkValue.value), compat: null });
            continue;
          }
          if (isMap(sinkValue)) {
            const schemaPath = sinkValue.get('schema');
            const compat = sinkValue.get('compat');
            const unknown = sinkValue.items.find((i) => !['schema', 'compat'].includes(String((i.key as { value?: unknown }).value)));
            if (unknown !== undefined) report('configUnknownKey', `unknown key \`${String((unknown.key as { value?: unknown }).value)}\` in sink \`${table}\``, unknown.key as YamlNode, 'a sink takes `schema` and `compat`');
            if (typeof schemaPath !== 'string') {
              report('configInvalidValue', `sink \`${table}\` needs \`schema\`: the path of its .avsc file`, sinkValue);
              continue;
            }
            if (compat !== undefined && !(COMPATIBILITY_MODES as readonly unknown[]).includes(compat)) {
              report('configInvalidValue', `\`${String(compat)}\` is not a compatibility mode`, sinkValue.get('compat', true) as YamlNode, `use one of: ${COMPATIBILITY_MODES.join(', ')}`);
              continue;
            }
            sinks.push({ table, schema: path.resolve(root, schemaPath), compat: (compat as CompatibilityMode | undefined) ?? null });
            continue;
          }
          report('configInvalidValue', `sink \`${table}\` must be the path of an .avsc file, or \`{schema, compat}\``, sinkValue ?? tableNode);
        }
        pendingSinks = sinks;
        break;
      }
      default:
        report('configUnknownKey', `unknown key \`${key}\``, keyNode, `the keys are: ${KNOWN_KEYS.join(', ')}`);
    }
  }
  // A sink without its own mode takes the file's `compat`, wherever that key appears.
  config.sinks = pendingSinks.map((s) => ({ ...s, compat: s.compat ?? config.compat }));
  if (problems.length > 0) throw new ConfigError(file, source, problems);
  return config;
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0]!.trim();
}
