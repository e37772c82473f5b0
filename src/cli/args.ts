import { parseArgs } from 'node:util';
import { UsageError } from './io.js';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** The option may be given more than once; its value is then the list of values. */
  readonly multiple?: boolean;
}

export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | readonly string[] | undefined>>;
  readonly positionals: readonly string[];
}

/**
 * node:util parseArgs, with messages in flinkcheck's words. parseArgs runs non-strict and the
 * tokens are checked here, so an unknown option reads "unknown option `--foo`" rather than
 * parseArgs' own advice about positionals.
 */
export function parseCommandArgs(
  args: readonly string[],
  options: Readonly<Record<string, OptionSpec>>,
  command: string | undefined,
): ParsedArgs {
  const { values, positionals, tokens } = parseArgs({
    args: [...args],
    options: options as Record<string, OptionSpec>,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = options[token.name];
    if (spec === undefined) throw new UsageError(`unknown option \`${token.rawName}\``, command);
    if (spec.type === 'string' && typeof token.value !== 'string') {
      throw new UsageError(`option \`${token.rawName}\` needs a value`, command);
    }
    if (spec.type === 'boolean' && token.value !== undefined) {
      throw new UsageError(`option \`${token.rawName}\` does not take a value`, command);
    }
  }
  return { values, positionals };
}
