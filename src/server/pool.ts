import { Piscina } from 'piscina';
import type { PoolTask, WorkerResult, WorkerTask } from './worker.js';

export type PoolFailure =
  /** The queue is full; retry after about `retryAfterMs`. */
  | { readonly kind: 'queue-full'; readonly retryAfterMs: number }
  /** The caller's signal fired (deadline, cancellation, superseded). */
  | { readonly kind: 'aborted' }
  /** The task ran longer than the per-request budget and was stopped. */
  | { readonly kind: 'budget'; readonly budgetMs: number }
  /** The worker died or the task threw; the worker is replaced. */
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

  constructor(private readonly options: PoolOptions) {
    this.piscina = new Piscina({
      filename: options.filename,
      minThreads: options.workers,
      maxThreads: options.workers,
      idleTimeout: Number.POSITIVE_INFINITY,
      concurrentTasksPerWorker: 1,
    });
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
    const controller = new AbortController();
    const startedAt = new Float64Array(new SharedArrayBuffer(8));
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
    const message: PoolTask = { task: pending.task, startedAt };
    this.piscina.run(message, { signal: controller.signal }).then(
      (result: WorkerResult) => {
        this.meanRunMs += (Date.now() - startedAt[0]! - this.meanRunMs) * 0.05;
        pending.resolve(result);
      },
      (error: unknown) => {
        if (budgetExceeded) pending.reject(new PoolError({ kind: 'budget', budgetMs: this.options.cpuBudgetMs }));
        else if (controller.signal.aborted) pending.reject(new PoolError({ kind: 'aborted' }));
        else if (this.closed) pending.reject(new PoolError({ kind: 'closed' }));
        else pending.reject(new PoolError({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) }));
      },
    ).finally(() => {
      clearTimeout(budget);
      pending.options.signal?.removeEventListener('abort', onCallerAbort);
      this.running--;
      this.pump();
    });
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
