import { Piscina } from 'piscina';
import type { PoolTask, WorkerResult, WorkerTask } from './worker.js';

export type PoolFailure =
  /** The queue is full; retry after about `retryAfterMs`. */
  | { readonly kind: 'queue-full'; readonly retryAfterMs: number }
  /** The caller's signal fired (deadline, cancellation, superseded). */
  | { readonly kind: 'aborted' }
  /** The task ran longer than the per-request budget and was stopped. */
  | { readonly kind: 'budget'; readonly budgetMs: number }
  /** The task threw, or its worker died under it twice (once is retried); dead workers are replaced. */
  | { readonly kind: 'failed'; readonly reason: string }
  | { readonly kind: 'closed' };

export class PoolError extends Error {
  constructor(readonly failure: PoolFailure) {
    super(failure.kind);
    this.name = 'PoolError';
  }
}

export interface PoolOptions {
  readonly filename: string;
  readonly workers: number;
  readonly maxQueue: number;
  readonly cpuBudgetMs: number;
}

export interface RunOptions {
  readonly signal?: AbortSignal;
  /** Called when a worker picks the task up (until then, aborting it costs nothing). */
  readonly onStart?: () => void;
}

interface Pending {
  readonly task: WorkerTask;
  readonly options: RunOptions;
  readonly resolve: (result: WorkerResult) => void;
  readonly reject: (error: PoolError) => void;
  cancelled: boolean;
  readonly detach: () => void;
}

/**
 * Piscina runs the work; this class decides what reaches it. At most one task per worker is handed
 * to piscina, the rest wait here, in a bounded FIFO queue. Knowing which tasks have started lets a
 * cancelled or superseded request that is still waiting leave without costing anything, while a
 * running one must stop its worker thread (a synchronous parse cannot be interrupted otherwise);
 * piscina then starts and warms a replacement.
 */
export class WorkPool {
  private readonly piscina: Piscina;
  private readonly queue: Pending[] = [];
  private head = 0;
  private waiting = 0;
  private running = 0;
  private closed = false;
  /** Exponentially weighted mean run time, for RetryInfo. */
  private meanRunMs = 5;
  /** Thread-id cells of the tasks handed to piscina (each worker writes its id when it starts one). */
  private readonly inFlight = new Set<Int32Array>();
  private readonly counts = { workerRestarts: 0, workerDeaths: 0, retries: 0 };

  constructor(private readonly options: PoolOptions) {
    this.piscina = new Piscina({
      filename: options.filename,
      minThreads: options.workers,
      maxThreads: options.workers,
      idleTimeout: Number.POSITIVE_INFINITY,
      concurrentTasksPerWorker: 1,
    });
    // The first `workers` creations are the initial threads; every later one replaces a thread
    // that ended (crashed, or stopped for its budget or a cancelled call).
    let created = 0;
    this.piscina.on('workerCreate', () => {
      if (++created > options.workers) this.counts.workerRestarts++;
    });
  }

  /** Worker threads started to replace one that ended, worker deaths under a task, and retries. */
  get stats(): Readonly<{ workerRestarts: number; workerDeaths: number; retries: number }> {
    return this.counts;
  }

  /** Tasks waiting for a worker. */
  get queueSize(): number {
    return this.waiting;
  }

  get activeTasks(): number {
    return this.running;
  }

  get workers(): number {
    return this.options.workers;
  }

  /** Share of the pool's capacity used since it started, as piscina measures it (0..1). */
  get utilization(): number {
    return this.piscina.utilization;
  }

  run(task: WorkerTask, options: RunOptions = {}): Promise<WorkerResult> {
    if (this.closed) return Promise.reject(new PoolError({ kind: 'closed' }));
    if (options.signal?.aborted === true) return Promise.reject(new PoolError({ kind: 'aborted' }));
    if (this.running >= this.options.workers && this.waiting >= this.options.maxQueue) {
      return Promise.reject(new PoolError({ kind: 'queue-full', retryAfterMs: this.retryAfterMs() }));
    }
    return new Promise<WorkerResult>((resolve, reject) => {
      const onAbort = (): void => {
        if (pending.cancelled) return;
        pending.cancelled = true;
        this.waiting--;
        reject(new PoolError({ kind: 'aborted' }));
      };
      const pending: Pending = {
        task, options, resolve, reject, cancelled: false,
        detach: () => options.signal?.removeEventListener('abort', onAbort),
      };
      if (this.running < this.options.workers) {
        this.start(pending);
        return;
      }
      options.signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(pending);
      this.waiting++;
    });
  }

  private retryAfterMs(): number {
    const estimate = (this.meanRunMs * this.waiting) / this.options.workers;
    return Math.round(Math.min(5_000, Math.max(50, estimate)));
  }

  private start(pending: Pending): void {
    this.running++;
    pending.options.onStart?.();
    this.attempt(pending, 1, () => {
      this.running--;
      this.pump();
    });
  }

  /**
   * One run of a task. A task whose worker died under it (a crash, a thread killed from outside,
   * or the worker of another request taking the process down with it) is run once more on a
   * replacement worker: the request itself may be innocent. A second death fails it, so an input
   * that kills its worker costs two workers at most. Budget overruns and aborts are not retried.
   */
  private attempt(pending: Pending, attempt: number, done: () => void): void {
    const controller = new AbortController();
    const startedAt = new Float64Array(new SharedArrayBuffer(8));
    const thread = new Int32Array(new SharedArrayBuffer(4));
    let budgetExceeded = false;
    let budget: NodeJS.Timeout;
    // The budget runs from the moment the worker starts the task (it writes `startedAt`).
    const checkBudget = (): void => {
      const began = startedAt[0]!;
      const left = began === 0 ? this.options.cpuBudgetMs : began + this.options.cpuBudgetMs - Date.now();
      if (began !== 0 && left <= 0) {
        budgetExceeded = true;
        controller.abort();
        return;
      }
      budget = setTimeout(checkBudget, Math.max(1, left));
    };
    budget = setTimeout(checkBudget, this.options.cpuBudgetMs);
    const onCallerAbort = (): void => controller.abort();
    pending.options.signal?.addEventListener('abort', onCallerAbort, { once: true });
    this.inFlight.add(thread);
    const cleanUp = (): void => {
      clearTimeout(budget);
      pending.options.signal?.removeEventListener('abort', onCallerAbort);
      this.inFlight.delete(thread);
    };
    const message: PoolTask = { task: pending.task, startedAt, thread };
    this.piscina.run(message, { signal: controller.signal }).then(
      (result: WorkerResult) => {
        cleanUp();
        this.meanRunMs += (Date.now() - startedAt[0]! - this.meanRunMs) * 0.05;
        pending.resolve(result);
        done();
      },
      (error: unknown) => {
        cleanUp();
        if (budgetExceeded) pending.reject(new PoolError({ kind: 'budget', budgetMs: this.options.cpuBudgetMs }));
        else if (controller.signal.aborted) pending.reject(new PoolError({ kind: 'aborted' }));
        else if (this.closed) pending.reject(new PoolError({ kind: 'closed' }));
        else {
          const died = this.workerDied(thread[0]!);
          if (died) this.counts.workerDeaths++;
          if (died && attempt === 1) {
            this.counts.retries++;
            this.attempt(pending, 2, done);
            return;
          }
          pending.reject(new PoolError({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) }));
        }
        done();
      },
    );
  }

  /**
   * Whether the thread that ran a failed task is gone (piscina removes a dead worker before it
   * fails the worker's task). A task that threw leaves its worker alive. Thread id 0: the worker
   * died before it started the task.
   */
  private workerDied(threadId: number): boolean {
    return threadId === 0 || !this.piscina.threads.some((t) => t.threadId === threadId);
  }

  /**
   * Test hook (FLINKCHECK_TEST_HOOKS=1 only, see main.ts): terminates the thread of a random
   * running task, as a crash of that worker would. Returns the thread id, or null when no task runs.
   */
  killBusyWorker(random: () => number = Math.random): number | null {
    const busy = [...this.inFlight].map((cell) => cell[0]!).filter((id) => id !== 0);
    if (busy.length === 0) return null;
    const id = busy[Math.floor(random() * busy.length)]!;
    const worker = this.piscina.threads.find((t) => t.threadId === id);
    if (worker === undefined) return null;
    void worker.terminate();
    return id;
  }

  private pump(): void {
    while (this.running < this.options.workers && this.head < this.queue.length) {
      const next = this.queue[this.head]!;
      this.queue[this.head] = undefined as unknown as Pending;
      this.head++;
      if (this.head > 1024 && this.head * 2 > this.queue.length) {
        this.queue.splice(0, this.head);
        this.head = 0;
      }
      next.detach();
      if (next.cancelled) continue;
      this.waiting--;
      this.start(next);
    }
  }

  /**
   * Test hook (FLINKCHECK_TEST_HOOKS=1 only): a garbage collection in each worker thread of an idle
   * pool. Returns each worker's heap in use after it.
   */
  async collectGarbage(): Promise<number[]> {
    const results = await Promise.all(Array.from({ length: this.options.workers }, () => this.run({ kind: 'gc' })));
    return results.map((r) => (r.kind === 'gc' ? r.heapUsedBytes : 0));
  }

  /** Rejects waiting tasks and stops the workers (running tasks fail with `closed`). */
  async close(): Promise<void> {
    this.closed = true;
    for (let i = this.head; i < this.queue.length; i++) {
      const p = this.queue[i]!;
      if (p.cancelled) continue;
      p.cancelled = true;
      p.detach();
      p.reject(new PoolError({ kind: 'closed' }));
    }
    this.queue.length = 0;
    this.head = 0;
    this.waiting = 0;
    await this.piscina.destroy();
  }
}
