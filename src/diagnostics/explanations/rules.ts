import { listRules, type RuleListing } from '../../rules/index.js';
import type { OptionSpec } from '../../rules/types.js';
import type { Explanation, ExplanationTable } from './types.js';

/**
 * The guardrail rules' codes (FSQL9001-9899), derived from the rules' metas when this module loads,
 * so a rule's page in `flinkcheck explain` and docs/diagnostics never drifts from its module:
 * explanation = description and rationale, example = the first bad example, fixed = the first good
 * one, checked with the examples' options (`verifiedBy: 'rule'`).
 */

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function shownDefault(spec: OptionSpec): string {
  return spec.type === 'string[]' ? `[${spec.default.map((v) => JSON.stringify(v)).join(', ')}]` : JSON.stringify(spec.default);
}

/** How to change the rule's limits or lists, for rules with options. */
function optionsSentence(rule: RuleListing): string {
  const options = Object.entries(rule.options);
  if (options.length === 0) return '';
  const listed = options.map(([name, spec]) => `\`${name}\` (default ${shownDefault(spec)})`).join(', ');
  const [first] = options[0]!;
  return ` The rule's ${options.length === 1 ? 'option is' : 'options are'} ${listed}; set ${options.length === 1 ? 'it' : 'them'} in flinkcheck.yaml `
    + `(\`rules: { ${rule.name}: { options: { ${first}: ... } } }\`) when the platform's limits differ.`;
}

/** How to silence the finding: inline, per run, per project, or by profile. */
function silenceSentence(rule: RuleListing): string {
  const offIn = Object.entries(rule.profiles).filter(([, level]) => level === 'off').map(([name]) => `\`${name}\``);
  const profiles = offIn.length === 0 ? 'every built-in profile enables it'
    : `the ${offIn.length === 1 ? 'profile' : 'profiles'} ${offIn.join(', ')} leave${offIn.length === 1 ? 's' : ''} it off`;
  return ` Where the statement is intended, put \`-- flinkcheck-disable-next-line ${rule.code}\` (or \`${rule.name}\`) on the line before it, `
    + `or change the rule's level for a run with \`--rule ${rule.code}=off\` (or \`warn\`, \`info\`) or for a project under \`rules:\` in flinkcheck.yaml; `
    + `${profiles}.`;
}

function explain(rule: RuleListing): Explanation {
  const example = rule.examples.bad[0];
  const fixed = rule.examples.good[0];
  if (example === undefined || fixed === undefined) throw new Error(`rule ${rule.name} (${rule.code}) needs a bad and a good example`);
  return {
    explanation: `${sentence(rule.description)} ${sentence(rule.rationale)}`,
    example,
    fix: `Rewrite the statement the way the rule accepts it, as in the script below.${optionsSentence(rule)}${silenceSentence(rule)}`,
    fixed,
    verifiedBy: 'rule',
    ...(rule.examples.options !== undefined ? { ruleOptions: rule.examples.options } : {}),
  };
}

export const ruleExplanations: ExplanationTable = Object.fromEntries(listRules().map((rule) => [rule.code, explain(rule)]));
