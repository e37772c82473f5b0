import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Linter, type LintEnvironment, type UnitInput, type UnitResult } from './engine.js';

/** Below this many units (and this much text) a run stays on the main thread: starting workers costs more. */
export const PARALLEL_MIN_UNITS = 64;
export const PARALLEL_MIN_CHARS = 256 * 1024;
/** Units per worker task: small enough to balance the load, large enough that messaging stays cheap. */
const MAX_CHUNK = 64;

export interface RunOptions {
  /** Worker threads; 1 runs on the main thread. Default: the number of cores. */
  readonly workers?: number;
  /** Use the worker pool even for small inputs or one worker (benchmarks, tests). */
  readonly forcePool?: boolean;
  /** Called as units finish, with the number done so far. */
  readonly onProgress?: (done: number) => void;
}

export function defaultWorkers(): number {
  return availableParallelism();
}

/** Lints every unit; the results are in the units' order whatever ran them. */
export async function runUnits(units: readonly UnitInput[], env: LintEnvironment, options: RunOptions = {}): Promise<UnitResult[]> {
  const workers = Math.max(1, options.workers ?? defaultWorkers());
  const chars = units.reduce((n, u) => n + u.text.length, 0);
  const large = units.length >= PARALLEL_MIN_UNITS || chars >= PARALLEL_MIN_CHARS;
  const script = workerScript();
  if (script !== null && (options.forcePool === true || (workers > 1 && large))) {
    return runInPool(units, env, workers, script, options.onProgress);
  }
  const linter = new Linter(env);
  const results: UnitResult[] = [];
  for (const unit of units) {
    results.push(linter.lint(unit));
    options.onProgress?.(results.length);
    // Let the progress bar draw on long in-thread runs.
    if (options.onProgress !== undefined && results.length % 32 === 0) await new Promise((r) => setImmediate(r));
  }
  return results;
}

async function runInPool(
  units: readonly UnitInput[],
  env: LintEnvironment,
  workers: number,
  script: string,
  onProgress: ((done: number) => void) | undefined,
): Promise<UnitResult[]> {
  const threads = Math.min(workers, Math.max(1, Math.ceil(units.length / 8)));
  const pool = await LintPool.start(env, threads, script);
  try {
    return await pool.run(units, onProgress);
  } finally {
    await pool.close();
  }
}

/**
 * A pool of lint worker threads sharing one environment. `runUnits` starts one per run; a
 * long-lived caller (a service, a benchmark) can keep one and reuse its warmed-up parsers.
 */
export class LintPool {
  private constructor(
    private readonly pool: import('piscina').Piscina,
    readonly threads: number,
  ) {}

  static async start(env: LintEnvironment, threads: number, script: string | null = workerScript()): Promise<LintPool> {
    if (script === null) throw new Error('the lint worker is not built (run `npm run build`)');
    const { Piscina } = await import('piscina');
    // Two tasks per worker: lintChunk is synchronous, so the second one waits in the worker's
    // message queue and starts as soon as the first ends, without a round trip to this thread.
    const pool = new Piscina({
      filename: script,
      minThreads: threads,
      maxThreads: threads,
      concurrentTasksPerWorker: 2,
      workerData: env,
      idleTimeout: 60_000,
    });
    return new LintPool(pool, threads);
  }

  async run(units: readonly UnitInput[], onProgress?: (done: number) => void): Promise<UnitResult[]> {
    const size = Math.max(1, Math.min(MAX_CHUNK, Math.ceil(units.length / (this.threads * 8))));
    const results: UnitResult[] = new Array(units.length);
    let done = 0;
    const tasks: Promise<void>[] = [];
    for (let start = 0; start < units.length; start += size) {
      const chunk = units.slice(start, start + size);
      tasks.push(
        (this.pool.run(chunk) as Promise<UnitResult[]>).then((chunkResults) => {
          chunkResults.forEach((r, i) => (results[start + i] = r));
          done += chunkResults.length;
          onProgress?.(done);
        }),
      );
    }
    await Promise.all(tasks);
    return results;
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

/**
 * The worker entry as JavaScript: beside this module when running compiled (dist/), or the
 * compiled copy in dist/ when running from TypeScript sources (tests); null when there is none,
 * and then everything runs on the main thread.
 */
export function workerScript(): string | null {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return pathToFileURL(here.replace(/runner\.js$/, 'worker.js')).href;
  const compiled = here.replace(/([\\/])src([\\/]cli[\\/]lint[\\/])runner\.ts$/, '$1dist$1src$2worker.js');
  return compiled !== here && existsSync(compiled) ? pathToFileURL(compiled).href : null;
}
