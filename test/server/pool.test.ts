import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { PoolError, WorkPool } from '../../src/server/pool.js';
import type { WorkerResult, WorkerTask } from '../../src/server/worker.js';

const WORKER = fileURLToPath(new URL('./fixtures/pool-worker.mjs', import.meta.url));

function task(sql: string): WorkerTask {
  return { kind: 'validate', sql, catalogs: [], rules: {} as never };
}

async function failureOf(promise: Promise<unknown>): Promise<PoolError['failure']> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PoolError) return error.failure;
    throw error;
  }
  throw new Error('the task succeeded');
}

/** Waits until `predicate` holds (pool bookkeeping happens on piscina's events). */
async function until(predicate: () => boolean, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('WorkPool: worker deaths', () => {
  let pool: WorkPool | undefined;
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  it('runs a task again on a fresh worker when its worker is killed under it', async () => {
    pool = new WorkPool({ filename: WORKER, workers: 1, maxQueue: 4, cpuBudgetMs: 10_000 });
    expect(pool.killBusyWorker()).toBeNull();
    const running = pool.run(task('busy:400'));
    let killed: number | null = null;
    await until(() => (killed = pool!.killBusyWorker()) !== null);
    const result = (await running) as WorkerResult & { threadId: number };
    expect(result.threadId).not.toBe(killed);
    expect(pool.stats).toMatchObject({ workerDeaths: 1, retries: 1 });
    await until(() => pool!.stats.workerRestarts === 1);
  });

  it('fails a task whose worker dies twice, and serves the next task', async () => {
    pool = new WorkPool({ filename: WORKER, workers: 1, maxQueue: 4, cpuBudgetMs: 10_000 });
    const crashed = pool.run(task('crash'));
    const next = pool.run(task('ok'));
    expect(await failureOf(crashed)).toMatchObject({ kind: 'failed', reason: 'worker exited with code: 70' });
    expect(await next).toMatchObject({ kind: 'validate' });
    expect(pool.stats).toMatchObject({ workerDeaths: 2, retries: 1 });
  });

  it('does not retry a task that threw, nor one stopped for its budget or by its caller', async () => {
    pool = new WorkPool({ filename: WORKER, workers: 1, maxQueue: 4, cpuBudgetMs: 200 });
    expect(await failureOf(pool.run(task('throw')))).toMatchObject({ kind: 'failed', reason: 'task failed' });
    expect(await failureOf(pool.run(task('busy:5000')))).toEqual({ kind: 'budget', budgetMs: 200 });
    expect(pool.stats).toMatchObject({ workerDeaths: 0, retries: 0 });
    // The budget stopped the worker thread: one replacement (seconds on a loaded machine).
    await until(() => pool!.stats.workerRestarts === 1, 20_000);

    // A cancellation, on a pool whose budget cannot interfere, once its worker runs the task.
    const roomy = new WorkPool({ filename: WORKER, workers: 1, maxQueue: 4, cpuBudgetMs: 60_000 });
    try {
      await roomy.run(task('ok'));
      const controller = new AbortController();
      const cancelled = roomy.run(task('busy:3000'), { signal: controller.signal });
      setTimeout(() => controller.abort(), 200);
      expect(await failureOf(cancelled)).toEqual({ kind: 'aborted' });
      expect(roomy.stats).toMatchObject({ workerDeaths: 0, retries: 0 });
      await until(() => roomy.stats.workerRestarts === 1, 20_000);
    } finally {
      await roomy.close();
    }
  });

  it('keeps replacing workers after a replacement dies while it starts (patched piscina)', async () => {
    const flag = join(mkdtempSync(join(tmpdir(), 'pool-')), 'die-at-start');
    process.env.POOL_FIXTURE_DIE_AT_START = flag;
    try {
      pool = new WorkPool({ filename: WORKER, workers: 1, maxQueue: 4, cpuBudgetMs: 10_000 });
      await pool.run(task('ok')); // the first worker is up
      const running = pool.run(task('busy:1000'));
      writeFileSync(flag, '');
      await until(() => pool!.killBusyWorker() !== null);
      // The replacement dies while it starts; upstream piscina would never start another one.
      await new Promise((r) => setTimeout(r, 300));
      rmSync(flag);
      // The task that was running gets an answer either way (retried, or failed with its replacement).
      await running.catch(() => undefined);
      expect(await pool.run(task('ok'))).toMatchObject({ kind: 'validate' });
    } finally {
      delete process.env.POOL_FIXTURE_DIE_AT_START;
      rmSync(flag, { force: true });
    }
  });
});
