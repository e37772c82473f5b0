/**
 * Lint batch benchmark (part of `npm run bench`; alone: `npm run bench:lint`): the whole valid
 * corpus written as one JSONL export, linted with the worker pool at 1 and 2 worker threads (and
 * on the main thread for reference). Each configuration runs RUNS times, alternating; the
 * median wall time is reported, for fresh pools (a CLI run) and for warmed-up pools (a long
 * batch, the service). Target: 2 workers at least 1.8x one worker.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { splitExport } from '../src/cli/lint/inputs.js';
import type { LintEnvironment } from '../src/cli/lint/engine.js';
import { LintPool, runUnits } from '../src/cli/lint/runner.js';
import { loadCorpus, repoRoot } from './corpus.js';

const RUNS = 5;
/** Untimed passes before the warm runs. */
const WARM_PASSES = 3;
export const LINT_SPEEDUP_TARGET = 1.8;

function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface LintBenchResult {
  readonly queries: number;
  readonly bytes: number;
  readonly runs: number;
  /** A fresh pool per run, as one CLI invocation: thread start and each worker's parser warm-up included. */
  readonly cold: { readonly oneWorkerMs: number; readonly twoWorkersMs: number };
  /** One pool per configuration, warmed by untimed passes: what a long batch or the service sees. */
  readonly warm: { readonly oneWorkerMs: number; readonly twoWorkersMs: number; readonly mainThreadMs: number };
  /**
   * The machine's own ceiling: two independent one-thread pools each lint the whole batch, alone
   * and then at the same time. No work is shared or handed over, so 2 × alone / together is the
   * most any split of this work over two threads can gain here (memory bandwidth and shared caches
   * or SMT siblings make it less than 2).
   */
  readonly ceiling: { readonly aloneMs: number; readonly togetherMs: number };
}

export async function measureLintBatch(log: (message: string) => void = () => {}): Promise<LintBenchResult> {
  const corpus = loadCorpus();
  const dir = join(repoRoot(), '.bench-cache');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'valid-batch.jsonl');
  const text = corpus.statements.map((sql, i) => JSON.stringify({ id: `q${i + 1}`, sql })).join('\n') + '\n';
  writeFileSync(file, text);
  // Read back through the CLI's own JSONL reader.
  const units = splitExport(readFileSync(file), 'valid-batch.jsonl').map((u, index) => ({ ...u, index }));
  const env: LintEnvironment = { catalogs: [], sinks: [] };
  const check = (n: number) => {
    if (n !== units.length) throw new Error('bench: lint lost results');
  };
  const timed = async (run: () => Promise<unknown[]>) => {
    const started = nowMs();
    check((await run()).length);
    return nowMs() - started;
  };

  const cold = { one: [] as number[], two: [] as number[] };
  for (let run = 0; run < RUNS; run++) {
    cold.one.push(await timed(() => runUnits(units, env, { workers: 1, forcePool: true })));
    cold.two.push(await timed(() => runUnits(units, env, { workers: 2, forcePool: true })));
    log(`lint batch, cold run ${run + 1}/${RUNS}: 1 worker ${cold.one.at(-1)!.toFixed(0)} ms, 2 workers ${cold.two.at(-1)!.toFixed(0)} ms`);
  }

  const warm = { one: [] as number[], two: [] as number[], main: [] as number[] };
  const pools = { one: await LintPool.start(env, 1), two: await LintPool.start(env, 2) };
  try {
    // Each thread keeps its own parser cache, and a worker of two sees only about half of the
    // statements per pass (chunks go to whichever thread is free), so warming takes several passes.
    for (let pass = 0; pass < WARM_PASSES; pass++) {
      await pools.one.run(units);
      await pools.two.run(units);
      await runUnits(units, env, { workers: 1 });
    }
    for (let run = 0; run < RUNS; run++) {
      warm.one.push(await timed(() => pools.one.run(units)));
      warm.two.push(await timed(() => pools.two.run(units)));
      warm.main.push(await timed(() => runUnits(units, env, { workers: 1 })));
      log(`lint batch, warm run ${run + 1}/${RUNS}: 1 worker ${warm.one.at(-1)!.toFixed(0)} ms, 2 workers ${warm.two.at(-1)!.toFixed(0)} ms`);
    }
  } finally {
    await pools.one.close();
    await pools.two.close();
  }
  const ceiling = { alone: [] as number[], together: [] as number[] };
  const twins = [await LintPool.start(env, 1), await LintPool.start(env, 1)] as const;
  try {
    for (let pass = 0; pass < WARM_PASSES; pass++) await Promise.all(twins.map((p) => p.run(units)));
    for (let run = 0; run < RUNS; run++) {
      ceiling.alone.push(await timed(() => twins[0].run(units)));
      const started = nowMs();
      await Promise.all(twins.map(async (p) => check((await p.run(units)).length)));
      ceiling.together.push(nowMs() - started);
      log(`lint batch, ceiling run ${run + 1}/${RUNS}: one pool alone ${ceiling.alone.at(-1)!.toFixed(0)} ms, two independent pools together ${ceiling.together.at(-1)!.toFixed(0)} ms`);
    }
  } finally {
    await Promise.all(twins.map((p) => p.close()));
  }
  return {
    queries: units.length,
    bytes: corpus.bytes,
    runs: RUNS,
    cold: { oneWorkerMs: median(cold.one), twoWorkersMs: median(cold.two) },
    warm: { oneWorkerMs: median(warm.one), twoWorkersMs: median(warm.two), mainThreadMs: median(warm.main) },
    ceiling: { aloneMs: median(ceiling.alone), togetherMs: median(ceiling.together) },
  };
}

/** 2 × alone / together: the throughput two threads reach on this machine with no coordination at all. */
export function ceilingOf(r: LintBenchResult): number {
  return (2 * r.ceiling.aloneMs) / r.ceiling.togetherMs;
}

export function lintReport(r: LintBenchResult): string {
  const rate = (ms: number) => Math.round((r.queries * 1000) / ms).toLocaleString('en-US');
  const verdict = (one: number, two: number) => {
    const x = one / two;
    return `${x.toFixed(2)}× (${x >= LINT_SPEEDUP_TARGET ? 'met' : 'NOT met'})`;
  };
  return [
    `The valid corpus as one JSONL export: ${r.queries} queries, ${(r.bytes / 1e3).toFixed(1)} KB; medians of ${r.runs} runs, ` +
      `${availableParallelism()} cores available.`,
    '',
    '| configuration | ms | queries/s |',
    '| --- | ---: | ---: |',
    `| cold pool, 1 worker | ${r.cold.oneWorkerMs.toFixed(0)} | ${rate(r.cold.oneWorkerMs)} |`,
    `| cold pool, 2 workers | ${r.cold.twoWorkersMs.toFixed(0)} | ${rate(r.cold.twoWorkersMs)} |`,
    `| warm pool, 1 worker | ${r.warm.oneWorkerMs.toFixed(0)} | ${rate(r.warm.oneWorkerMs)} |`,
    `| warm pool, 2 workers | ${r.warm.twoWorkersMs.toFixed(0)} | ${rate(r.warm.twoWorkersMs)} |`,
    `| warm main thread, no pool | ${r.warm.mainThreadMs.toFixed(0)} | ${rate(r.warm.mainThreadMs)} |`,
    '',
    `**Speed-up 2 workers vs 1** (target ≥${LINT_SPEEDUP_TARGET}×): warm ${verdict(r.warm.oneWorkerMs, r.warm.twoWorkersMs)}; ` +
      `cold ${verdict(r.cold.oneWorkerMs, r.cold.twoWorkersMs)}.`,
    '',
    `**This machine's ceiling**: one pool alone ${r.ceiling.aloneMs.toFixed(0)} ms; two independent pools, each linting the whole batch at the same time, ` +
      `${r.ceiling.togetherMs.toFixed(0)} ms, so two threads can do at most ${ceilingOf(r).toFixed(2)}× the work of one here; ` +
      `the pool's warm speed-up is ${((r.warm.oneWorkerMs / r.warm.twoWorkersMs / ceilingOf(r)) * 100).toFixed(0)}% of that.`,
    'Cold runs include starting the threads and each worker warming up its own parser (ANTLR builds its DFA ' +
      'cache per thread, and a cold pass over this corpus costs several times a warm one), so the cold ' +
      'speed-up is bounded by that duplicated warm-up; the warm rows show how the linting itself scales.',
  ].join('\n');
}

async function main(): Promise<void> {
  const before = loadavg()[0]!.toFixed(2);
  const result = await measureLintBatch((m) => process.stderr.write(`[bench] ${m}\n`));
  const after = loadavg()[0]!.toFixed(2);
  const cpu = cpus();
  process.stdout.write(
    [
      '# flinkcheck lint batch benchmark',
      '',
      `- Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}; 1-min load average ${before} before, ${after} after`,
      '',
      lintReport(result),
      '',
    ].join('\n'),
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
