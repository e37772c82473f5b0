import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { applySafeFixes } from '../../diagnostics/fix-all.js';
import { unifiedDiff } from '../../diagnostics/unified-diff.js';
import { decodeSource } from '../../source/decode.js';
import { STDIN_NAME, type Input } from '../inputs.js';
import { UsageError, type CliIo } from '../io.js';

const UTF8_BOM = Uint8Array.of(0xef, 0xbb, 0xbf);

/**
 * `check --fix` and `check --fix-dry-run`: applies the safe fixes of each input (see
 * applySafeFixes), writes the files back in place or prints a unified diff, and returns the inputs
 * as they are after the fixes so the caller checks (and reports) what remains. Files with encoding
 * problems are left alone: writing back the decoded text would change bytes the fixes never touched.
 */
export async function fixInputs(
  inputs: readonly Input[],
  check: (text: string) => readonly Diagnostic[],
  io: CliIo,
  dryRun: boolean,
): Promise<Input[]> {
  if (!dryRun && inputs.some((i) => i.name === STDIN_NAME)) {
    throw new UsageError('--fix rewrites files and cannot rewrite standard input; use --fix-dry-run to see the fixes as a diff', 'check');
  }
  const result: Input[] = [];
  let total = 0;
  let files = 0;
  for (const input of inputs) {
    const decoded = decodeSource(input.bytes);
    if (decoded.diagnostics.length > 0) {
      io.stderr.write(`flinkcheck: not fixing \`${input.name}\`: it has encoding problems (see the report)\n`);
      result.push(input);
      continue;
    }
    const fixed = applySafeFixes(decoded.text, check);
    if (fixed.applied === 0) {
      result.push(input);
      continue;
    }
    total += fixed.applied;
    files++;
    const bom = startsWithBom(input.bytes);
    const bytes = concat(bom ? UTF8_BOM : new Uint8Array(0), Buffer.from(fixed.text, 'utf8'));
    if (dryRun) {
      io.stdout.write(unifiedDiff(decoded.text, fixed.text, `a/${input.name}`, `b/${input.name}`));
    } else {
      await writeFile(path.resolve(io.cwd, input.name), bytes);
    }
    result.push({ name: input.name, bytes });
  }
  const verb = dryRun ? 'would apply' : 'applied';
  io.stderr.write(`flinkcheck: ${verb} ${total} safe fix${total === 1 ? '' : 'es'}${total > 0 ? ` in ${files} file${files === 1 ? '' : 's'}` : ''}\n`);
  return result;
}

function startsWithBom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
