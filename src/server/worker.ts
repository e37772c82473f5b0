/**
 * A piscina worker thread: parsing, analysis and catalog conversion run here, off the event loop,
 * so health checks and metrics answer while every worker is busy. Results leave the thread already
 * shaped as response messages.
 */
import { threadId } from 'node:worker_threads';
import type { CatalogEntries } from '../analysis/catalog/model.js';
import { explainFlinkError } from '../explain-error.js';
import { warmUpParser } from '../parse/index.js';
import type { RuleSettings } from '../rules/index.js';
import { validateScript } from '../validate.js';
import { convertCatalogs, type CatalogConversion } from './catalog-input.js';
import { toWireExplanation, toWireResponse } from './to-wire.js';
import type { WireCatalog, WireExplainErrorResponse, WireValidateScriptResponse } from './wire.js';

/** Rule settings arrive already checked (src/server/rules.ts): the engine does not throw on them here. */
export type WorkerTask =
  | { readonly kind: 'validate'; readonly sql: string; readonly catalogs: readonly CatalogEntries[]; readonly rules: RuleSettings }
  | { readonly kind: 'explain'; readonly errorText: string; readonly sql: string; readonly catalogs: readonly CatalogEntries[]; readonly rules: RuleSettings }
  | { readonly kind: 'catalog'; readonly catalogs: readonly WireCatalog[]; readonly path: string }
  /** Test hook only (see ServerConfig.testHooks): a full garbage collection of this thread. */
  | { readonly kind: 'gc' };

/**
 * A task as the pool sends it: with a shared cell where the worker notes when it started (epoch ms),
 * so that the CPU budget counts the task's own run time, not the time a replacement worker takes
 * to start and warm up.
 */
export interface PoolTask {
  readonly task: WorkerTask;
  readonly startedAt: Float64Array;
  /** Where the worker notes its thread id, so the pool knows which thread runs which task. */
  readonly thread: Int32Array;
}

export type WorkerResult =
  | { readonly kind: 'validate'; readonly response: WireValidateScriptResponse; readonly statementKinds: readonly string[] }
  | { readonly kind: 'explain'; readonly response: WireExplainErrorResponse }
  | { readonly kind: 'catalog'; readonly conversion: CatalogConversion }
  | { readonly kind: 'gc'; readonly heapUsedBytes: number };

const testHooks = process.env.FLINKCHECK_TEST_HOOKS === '1';

// Runs while piscina loads this module, before the worker reports ready: the first real request
// then finds the parser's prediction cache filled.
warmUpParser();

export default function run({ task, startedAt, thread }: PoolTask): WorkerResult {
  thread[0] = threadId;
  startedAt[0] = Date.now();
  if (task.kind === 'gc') return collectGarbage();
  if (task.kind === 'catalog') return { kind: 'catalog', conversion: convertCatalogs(task.catalogs, task.path) };
  if (testHooks) applyTestHooks(task.sql);
  if (task.kind === 'explain') return { kind: 'explain', response: toWireExplanation(explainFlinkError(task.errorText, task.sql, { catalogs: task.catalogs, rules: task.rules })) };
  const result = validateScript(task.sql, { catalogs: task.catalogs, rules: task.rules });
  return { kind: 'validate', response: toWireResponse(result), statementKinds: result.statements.map((s) => s.kind) };
}

/**
 * Soak tests compare RSS before and after a load: a collection in every thread first (the server
 * runs with --expose-gc, which worker threads inherit). The thread is held a moment so that the
 * pool's other gc tasks go to the other workers.
 */
function collectGarbage(): WorkerResult {
  if (!testHooks) throw new Error('garbage collection on request is a test hook (FLINKCHECK_TEST_HOOKS=1)');
  (globalThis as { gc?: () => void }).gc?.();
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  return { kind: 'gc', heapUsedBytes: process.memoryUsage().heapUsed };
}

/** See ServerConfig.testHooks: lets tests crash a worker or make it run away, on demand. */
function applyTestHooks(sql: string): void {
  if (sql.includes('flinkcheck-test:crash')) process.exit(70);
  if (sql.includes('flinkcheck-test:spin')) for (;;);
}
