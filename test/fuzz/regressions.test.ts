import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nestingScript } from '../../tools/fuzz/mutate.js';
import { runPipeline } from '../../tools/fuzz/pipeline.js';

/**
 * Replays every case the fuzzer saved (`npm run fuzz`, tools/fuzz/main.ts) through the whole
 * pipeline. A case marked `known` documents an open bug: it is expected to fail still, so the test
 * turns red once the bug is fixed, as a reminder to drop the mark and keep the case as a guard.
 */

interface RegressionCase {
  signature: string;
  kind: 'exception' | 'internal' | 'slow' | 'memory';
  detail: string;
  /** The input itself, or for a large nesting bomb its recipe (tools/fuzz/mutate.ts `nestingScript`). */
  input?: string;
  nesting?: { kind: string; depth: number; seed: string; frame: string };
  known?: string;
}

const DIR = join(dirname(fileURLToPath(import.meta.url)), 'regressions');
const cases = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort()
  .map((file) => ({ file, ...(JSON.parse(readFileSync(join(DIR, file), 'utf8')) as RegressionCase) }))
  .map((c) => ({ ...c, text: c.input ?? nestingScript(c.nesting!.kind, c.nesting!.depth, c.nesting!.seed, c.nesting!.frame) }));

/** Time bounds in the suite are generous (CI machines are slower and busy): this guards against blow-ups, not regressions of a few percent. */
const TEST_BOUNDS = { timeMs: 8_000, heapBytes: 1024 * 2 ** 20 };

function replay(input: string): string | null {
  const failure = runPipeline(input, TEST_BOUNDS).failure;
  return failure === null ? null : `${failure.kind}: ${failure.detail.split('\n')[0]}`;
}

describe('fuzz regressions', () => {
  it('has saved cases to replay', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const c of cases) {
    if (c.known !== undefined && (c.kind === 'slow' || c.kind === 'memory')) {
      // Whether an open time or memory bug shows depends on the machine: listed, not asserted.
      it.skip(`${c.file} (known bug: ${c.known})`, () => {});
    } else if (c.known !== undefined) {
      it(`${c.file} still fails (known bug: ${c.known})`, () => {
        expect(replay(c.text)).not.toBeNull();
      });
    } else {
      it(`${c.file} passes the whole pipeline`, () => {
        expect(replay(c.text)).toBeNull();
      });
    }
  }
});
