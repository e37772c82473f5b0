import fc from 'fast-check';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { script } from './grammar.js';
import { giantLiteral, loadCorpus, mutation, nesting } from './mutate.js';
import { type Bounds, type PipelineFailure, runPipeline, signatureId } from './pipeline.js';
import { Watchdog } from './watchdog.js';

/**
 * `npm run fuzz -- --runs N [--seed S] [--corpus FILE] [--time-bound-ms MS] [--heap-bound-mb MB]
 * [--out DIR] [--no-save] [--batch N]`
 *
 * Feeds generated and mutated Flink SQL through the whole pipeline (tools/fuzz/pipeline.ts). Runs
 * in batches of fast-check checks, each with its own seed derived from --seed, so that a failure
 * ends only its batch: it is shrunk with its signature held fixed, saved under test/fuzz/regressions
 * and from then on counted, not failed again, so one run can report several distinct bugs.
 * Exit status: 0 when no new failure was found, 1 otherwise.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

interface Args {
  runs: number; seed: number; corpus: string; bounds: Bounds; out: string; save: boolean; batch: number; leakBoundBytes: number; hangMs: number;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = {
    runs: 20_000, seed: Date.now() % 2 ** 31, corpus: resolve(ROOT, '..', 'shared', 'corpus', 'flink', 'valid.jsonl'),
    bounds: { timeMs: 2_000, heapBytes: 512 * 2 ** 20 }, out: join(ROOT, 'test', 'fuzz', 'regressions'), save: true, batch: 1_000,
    leakBoundBytes: 256 * 2 ** 20, hangMs: 60_000,
  };
  if (process.env['FLINKCHECK_CORPUS']) args.corpus = join(process.env['FLINKCHECK_CORPUS'], 'valid.jsonl');
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const int = (): number => {
      const v = Number(value());
      if (!Number.isSafeInteger(v) || v < 0) throw new Error(`${flag} needs a non-negative integer`);
      return v;
    };
    switch (flag) {
      case '--runs': args.runs = int(); break;
      case '--seed': args.seed = int(); break;
      case '--corpus': args.corpus = resolve(value()); break;
      case '--time-bound-ms': args.bounds = { ...args.bounds, timeMs: int() }; break;
      case '--heap-bound-mb': args.bounds = { ...args.bounds, heapBytes: int() * 2 ** 20 }; break;
      case '--leak-bound-mb': args.leakBoundBytes = int() * 2 ** 20; break;
      case '--hang-ms': args.hangMs = Math.max(1_000, int()); break;
      case '--out': args.out = resolve(value()); break;
      case '--no-save': args.save = false; break;
      case '--batch': args.batch = Math.max(1, int()); break;
      default: throw new Error(`unknown flag ${flag}`);
    }
  }
  return args;
}

type Source = 'grammar' | 'mutation' | 'nesting' | 'giant';
interface Input { source: Source; text: string }
interface Seen { ms: number; cpuMs: number; length: number; source: Source; preview: string; text: string }

export interface RegressionCase {
  readonly signature: string;
  readonly kind: string;
  readonly detail: string;
  readonly input: string;
  readonly seed: number;
  readonly found: string;
  /** Set while the bug is open: what is wrong. The regression test then expects the failure. */
  readonly known?: string;
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 160 ? `${flat.slice(0, 120)} … ${flat.slice(-30)}` : flat;
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  const corpus = existsSync(args.corpus) ? loadCorpus(args.corpus) : [];
  const inputs: fc.Arbitrary<Input> = fc.oneof(
    { weight: 12, arbitrary: script.map((text) => ({ source: 'grammar' as const, text })) },
    ...(corpus.length > 0 ? [{ weight: 12, arbitrary: mutation(corpus).map((text) => ({ source: 'mutation' as const, text })) }] : []),
    { weight: 2, arbitrary: nesting.map(({ text }) => ({ source: 'nesting' as const, text })) },
    { weight: 1, arbitrary: fc.tuple(giantLiteral, fc.constantFrom('SELECT %s', 'SELECT %s FROM orders', "CREATE TABLE t (a INT) WITH ('connector' = %s)", 'SELECT * FROM orders WHERE a = %s', 'SET %s = %s', 'SELECT CAST(%s AS STRING)'))
      .map(([lit, frame]) => ({ source: 'giant' as const, text: frame.replaceAll('%s', lit) })) },
  );

  const known = new Map<string, number>();
  if (existsSync(args.out)) {
    for (const file of readdirSync(args.out).filter((f) => f.endsWith('.json'))) {
      known.set((JSON.parse(readFileSync(join(args.out, file), 'utf8')) as RegressionCase).signature, 0);
    }
  }
  console.log(`fuzz: ${args.runs} inputs, seed ${args.seed}, corpus ${corpus.length} statements, bounds ${args.bounds.timeMs} ms of CPU time / ${(args.bounds.heapBytes / 2 ** 20).toFixed(0)} MiB per input, ${known.size} known signatures`);

  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const baseline = process.memoryUsage().heapUsed;
  const slowest: Seen[] = [];
  const largest: Seen[] = [];
  const bySource = new Map<Source, { n: number; ms: number }>();
  const found: { failure: PipelineFailure; input: string; file: string | null }[] = [];
  let executed = 0;
  let totalMs = 0;
  let peakHeap = baseline;
  let target: string | null = null;
  let lastFailure: PipelineFailure | null = null;
  const leaks: string[] = [];
  const started = Date.now();

  const keepTop = (list: Seen[], entry: Seen, key: (s: Seen) => number): void => {
    if (list.length < 5 || key(entry) > key(list[list.length - 1]!)) {
      list.push(entry);
      list.sort((a, b) => key(b) - key(a));
      list.length = Math.min(list.length, 5);
    }
  };

  // A runaway input cannot be interrupted in this synchronous loop: a watchdog thread saves the
  // input in flight and ends the run when one input takes longer than --hang-ms.
  const watchdog = new Watchdog(4 * 2 ** 20, args.hangMs, join(tmpdir(), `flinkcheck-fuzz-hang-${process.pid}.sql`));
  const property = fc.property(inputs, (input) => {
    watchdog.begin(input.text);
    const outcome = runPipeline(input.text, args.bounds);
    watchdog.end();
    if (target !== null) {
      // Shrinking: only the bug being shrunk counts as a failure.
      if (outcome.failure?.signature === target) { lastFailure = outcome.failure; return false; }
      return true;
    }
    executed++;
    totalMs += outcome.ms;
    const s = bySource.get(input.source) ?? { n: 0, ms: 0 };
    bySource.set(input.source, { n: s.n + 1, ms: s.ms + outcome.ms });
    const seen = { ms: outcome.ms, cpuMs: outcome.cpuMs, length: input.text.length, source: input.source, preview: '', text: input.text };
    keepTop(slowest, seen, (e) => e.ms);
    keepTop(largest, seen, (e) => e.length);
    if (slowest.includes(seen) || largest.includes(seen)) seen.preview = preview(input.text);
    if (executed % 500 === 0) {
      gc?.();
      const heap = process.memoryUsage().heapUsed;
      peakHeap = Math.max(peakHeap, heap);
      if (gc !== undefined && heap - baseline > args.leakBoundBytes) leaks.push(`after ${executed} inputs the heap is ${((heap - baseline) / 2 ** 20).toFixed(0)} MiB above its baseline`);
      process.stdout.write(`  ${executed} inputs, ${((Date.now() - started) / 1000).toFixed(0)} s, heap ${(heap / 2 ** 20).toFixed(0)} MiB, ${found.length} new failures\n`);
    }
    if (outcome.failure === null) return true;
    if (known.has(outcome.failure.signature)) {
      known.set(outcome.failure.signature, known.get(outcome.failure.signature)! + 1);
      return true;
    }
    target = outcome.failure.signature;
    lastFailure = outcome.failure;
    process.stdout.write(`  input ${executed} failed (${outcome.failure.kind}, ${input.text.length} chars, ${outcome.ms.toFixed(0)} ms); shrinking: ${target.slice(0, 140)}\n`);
    return false;
  });

  for (let batch = 0; executed < args.runs; batch++) {
    const seed = (args.seed + batch * 7_919) % 2 ** 31;
    const before = executed;
    // No time limit: fast-check's interruptAfterTimeLimit ended a long run after 30 minutes, as if
    // it were done. A run ends when it has executed --runs inputs.
    const result = fc.check(property, { seed, numRuns: args.runs - executed });
    if (result.failed && target !== null && result.counterexample !== null) {
      const input = (result.counterexample[0] as Input).text;
      const failure = lastFailure ?? { kind: 'exception' as const, signature: target, detail: '' };
      // Re-run the minimal input once more so the saved detail is the minimal input's own.
      const again = runPipeline(input, args.bounds).failure ?? failure;
      let file: string | null = null;
      if (args.save) {
        mkdirSync(args.out, { recursive: true });
        file = join(args.out, `${failure.kind}-${signatureId(target)}.json`);
        const record: RegressionCase = { signature: target, kind: failure.kind, detail: again.detail.split('\n').slice(0, 6).join('\n'), input, seed, found: new Date().toISOString() };
        writeFileSync(file, JSON.stringify(record, null, 2) + '\n');
      }
      found.push({ failure: again, input, file });
      console.log(`\nFAILURE (${failure.kind}) after ${executed} inputs, shrunk in ${result.numShrinks} steps:\n  signature: ${target}\n  input (${input.length} chars): ${JSON.stringify(input.length > 400 ? input.slice(0, 400) + '…' : input)}\n  ${again.detail.split('\n').slice(0, 4).join('\n  ')}${file ? `\n  saved: ${file}` : ''}\n`);
      known.set(target, 1);
      target = null;
      lastFailure = null;
    } else if (executed === before) {
      break;
    }
  }

  void watchdog.stop();
  const extremes = join(tmpdir(), `flinkcheck-fuzz-extremes-${args.seed}.json`);
  writeFileSync(extremes, JSON.stringify({ slowest, largest }, null, 1));
  const seconds = (Date.now() - started) / 1000;
  console.log(`\nfuzz: ${executed} inputs in ${seconds.toFixed(1)} s (${(executed / seconds).toFixed(0)}/s), mean ${(totalMs / Math.max(1, executed)).toFixed(2)} ms per input, peak heap ${(peakHeap / 2 ** 20).toFixed(0)} MiB${gc ? '' : ' (run with --expose-gc for leak checks)'}`);
  for (const [source, s] of bySource) console.log(`  ${source}: ${s.n} inputs, mean ${(s.ms / s.n).toFixed(2)} ms`);
  console.log('slowest inputs:');
  for (const s of slowest) console.log(`  ${s.ms.toFixed(0)} ms (${s.cpuMs.toFixed(0)} ms CPU), ${s.length} chars (${s.source}): ${s.preview}`);
  console.log('largest inputs:');
  for (const s of largest) console.log(`  ${s.length} chars, ${s.ms.toFixed(0)} ms (${s.cpuMs.toFixed(0)} ms CPU) (${s.source}): ${s.preview}`);
  const hits = [...known].filter(([, n]) => n > 0);
  if (hits.length > 0) {
    console.log('failures hit (signature: inputs):');
    for (const [sig, n] of hits) console.log(`  ${n}× ${sig}`);
  }
  for (const leak of leaks) console.log(`LEAK: ${leak}`);
  console.log(`the slowest and largest inputs in full: ${extremes}`);
  console.log(`${found.length} new failure(s)${leaks.length ? `, ${leaks.length} leak warning(s)` : ''}`);
  return found.length > 0 || leaks.length > 0 ? 1 : 0;
}

process.exitCode = main();
