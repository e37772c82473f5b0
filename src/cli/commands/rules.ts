import { parseCommandArgs, type OptionSpec } from '../args.js';
import { ExitCode, UsageError, type CliIo } from '../io.js';

export const RULES_HELP = `Usage: flinkcheck rules [options]

List the guardrail rules: code, name, severity in the chosen profile, category and
what each reports.

Options:
      --profile <name>       show severities in this profile (default: recommended)
  -f, --format <text|json>   output format (default: text); json includes each
                             rule's rationale, examples, options and profiles
  -h, --help                 show this help
`;

const OPTIONS = {
  profile: { type: 'string' },
  format: { type: 'string', short: 'f' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Record<string, OptionSpec>;

/** `flinkcheck rules`: the rule catalogue. */
export async function runRules(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS, 'rules');
  if (values.help === true) {
    io.stdout.write(RULES_HELP);
    return ExitCode.clean;
  }
  if (positionals.length > 0) throw new UsageError(`\`rules\` takes no arguments, but got \`${positionals[0]}\``, 'rules');
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format \`${String(format)}\`; use \`text\` or \`json\``, 'rules');
  const { listRules, PROFILES, DEFAULT_PROFILE } = await import('../../rules/index.js');
  const profileName = typeof values.profile === 'string' ? values.profile : DEFAULT_PROFILE;
  const profile = PROFILES.find((p) => p.name === profileName || p.aliases?.includes(profileName));
  if (profile === undefined) {
    throw new UsageError(`unknown profile \`${profileName}\`; the profiles are: ${PROFILES.map((p) => p.name).join(', ')}`, 'rules');
  }
  const rules = listRules();
  if (format === 'json') {
    io.stdout.write(JSON.stringify({ profiles: PROFILES.map((p) => ({ name: p.name, description: p.description })), rules }, null, 2) + '\n');
    return ExitCode.clean;
  }
  const rows = rules.map((r) => [r.code, r.name, r.profiles[profile.name] ?? 'off', r.category, r.description]);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((row) => row[i]!.length)));
  const lines = rows.map((row) => row.map((cell, i) => (i < 4 ? cell.padEnd(widths[i]!) : cell)).join('  ').trimEnd());
  const enabled = rules.filter((r) => (r.profiles[profile.name] ?? 'off') !== 'off').length;
  io.stdout.write(`${lines.join('\n')}\n\n${rules.length} rules, ${enabled} enabled in profile \`${profile.name}\`: ${profile.description}\n`);
  return ExitCode.clean;
}
