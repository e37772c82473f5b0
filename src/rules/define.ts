import type { OptionsOf, OptionsSchema, Rule, RuleContext, RuleMetaInput, RuleVisitors } from './types.js';

/**
 * Declares a rule: the meta (code entry, kebab-case name, category, rationale, examples, options)
 * and `create`, which returns visitors keyed by node kind. The code entry supplies the default
 * severity and the one-line description, so the catalogue has a single source.
 */
export function defineRule<S extends OptionsSchema = Record<never, never>>(definition: {
  readonly meta: RuleMetaInput<S>;
  readonly create: (context: RuleContext<OptionsOf<S>>) => RuleVisitors;
}): Rule<OptionsOf<S>> {
  const { meta } = definition;
  return {
    meta: {
      code: meta.code.code,
      name: meta.name,
      category: meta.category,
      severity: meta.code.severity,
      description: meta.code.title,
      rationale: meta.rationale,
      examples: meta.examples,
      options: meta.options ?? {},
      ...(meta.supersededBy !== undefined && meta.supersededBy.length > 0 ? { supersededBy: meta.supersededBy.map((c) => c.code) } : {}),
    },
    create: definition.create,
  };
}

/** The options a rule runs with: its defaults, overridden by the given values. */
export function defaultOptions(schema: OptionsSchema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(schema)) out[key] = spec.default;
  return out;
}
