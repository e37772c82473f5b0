import type { ExplanationTable } from './types.js';

const TABLES = [
  "CREATE TABLE orders (id STRING, amount INT) WITH ('connector' = 'datagen');",
  "CREATE TABLE archive (id STRING, amount INT) WITH ('connector' = 'blackhole');",
].join('\n');

/** The guardrail engine's own codes (FSQL9900-9999): suppression comments and rule settings. */
export const ruleEngineExplanations: ExplanationTable = {
  FSQL9900: {
    explanation:
      'A `-- flinkcheck-disable-next-line` comment silences the findings of the rules it names on the next line, and ' +
      '`-- flinkcheck-disable` silences them in the whole file. This one names rules that are enabled, but none of them ' +
      'reports anything where it applies: the statement was changed, or the comment sits on the wrong line. A stale ' +
      'suppression would silently hide the next real finding there, so it is reported.',
    example: `${TABLES}\n-- flinkcheck-disable-next-line FSQL9013\nINSERT INTO archive SELECT id, amount FROM orders;`,
    fix: 'Remove the comment (the safe fix does), or move it to the line before the statement the finding is on.',
    fixed: `${TABLES}\nINSERT INTO archive SELECT id, amount FROM orders;`,
  },
  FSQL9901: {
    explanation:
      'A suppression comment names the rules it silences by code (FSQL9013) or by name (select-star-in-deployed-query). ' +
      'This name is neither, usually a misspelling, so the comment silences nothing and the finding it was meant for is ' +
      'still reported.',
    example: `${TABLES}\n-- flinkcheck-disable-next-line select-star-in-deployed-querry\nINSERT INTO archive SELECT * FROM orders;`,
    fix: 'Name the rule by its code or its exact name; `flinkcheck rules` lists them.',
    fixed: `${TABLES}\n-- flinkcheck-disable-next-line select-star-in-deployed-query\nINSERT INTO archive SELECT * FROM orders;`,
  },
  FSQL9902: {
    explanation:
      'The rule settings passed with the script name a profile or a rule that does not exist, give a rule a level other ' +
      'than off, info, warn or error, or give an option a value of the wrong type or an option the rule does not have. ' +
      'No rule runs until the settings are fixed, so the script is not checked against any guardrail.',
    example: '',
    fix: 'Correct the settings: the profiles are recommended, strict, conservative and permissive; `flinkcheck rules` lists the rules with their options.',
    fixed: "{ profile: 'strict', rules: { 'too-many-joins': { options: { maxJoins: 4 } } } }",
    verifiedBy: 'none',
    reason:
      'it is reported for the `rules` settings a program passes to validateScript (an unknown profile, rule, level or ' +
      'option), not for SQL text; the CLI reports bad `--profile`, `--rule` and flinkcheck.yaml settings as usage errors. ' +
      'test/rules/engine.test.ts covers it',
  },
};
