/**
 * The fuzz loop is synchronous, so an input that runs away (an endless loop, a catastrophic
 * backtrack) cannot be interrupted from that thread. The input in flight is copied into shared
 * memory (cheap: no system call per input) and a watchdog thread watches a progress counter; when
 * the counter stands still for `hangMs`, the watchdog writes the input to disk, says where, and
 * kills the process (SIGKILL, exit status 137).
 */
import { writeFileSync, writeSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

interface Shared {
  /** [0] progress counter, [1] length of the input in flight (UTF-16 units), [2] 1 while an input runs. */
  readonly control: Int32Array;
  readonly text: Uint16Array;
}

interface WatchdogData {
  readonly control: SharedArrayBuffer;
  readonly text: SharedArrayBuffer;
  readonly hangMs: number;
  readonly file: string;
}

export class Watchdog {
  private readonly shared: Shared;
  private readonly worker: Worker;

  constructor(maxChars: number, hangMs: number, readonly file: string) {
    const control = new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT);
    const text = new SharedArrayBuffer(maxChars * Uint16Array.BYTES_PER_ELEMENT);
    this.shared = { control: new Int32Array(control), text: new Uint16Array(text) };
    const data: WatchdogData = { control, text, hangMs, file };
    // No inherited flags: the watchdog needs none, and some (--input-type) break a file worker.
    this.worker = new Worker(new URL(import.meta.url), { workerData: data, execArgv: [] });
    this.worker.unref();
  }

  /** Marks an input as in flight; inputs longer than the buffer are kept truncated. */
  begin(input: string): void {
    const { control, text } = this.shared;
    const n = Math.min(input.length, text.length);
    for (let i = 0; i < n; i++) text[i] = input.charCodeAt(i);
    Atomics.store(control, 1, n);
    Atomics.store(control, 2, 1);
    Atomics.add(control, 0, 1);
  }

  end(): void {
    Atomics.store(this.shared.control, 2, 0);
    Atomics.add(this.shared.control, 0, 1);
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

function watch({ control, text, hangMs, file }: WatchdogData): void {
  const counter = new Int32Array(control);
  const chars = new Uint16Array(text);
  const tickMs = Math.min(1_000, hangMs);
  let last = Atomics.load(counter, 0);
  // Time is counted in this thread's own ticks, not by the clock: a run that was paused (SIGSTOP,
  // a suspended laptop) has not hung.
  let stalledTicks = 0;
  setInterval(() => {
    const now = Atomics.load(counter, 0);
    if (now !== last || Atomics.load(counter, 2) === 0) {
      last = now;
      stalledTicks = 0;
      return;
    }
    if (++stalledTicks * tickMs < hangMs) return;
    const length = Atomics.load(counter, 1);
    let input = '';
    for (let i = 0; i < length; i += 8192) input += String.fromCharCode(...chars.subarray(i, Math.min(length, i + 8192)));
    writeFileSync(file, input);
    // Straight to file descriptor 2: a worker's process.stderr goes through the stuck main thread.
    writeSync(2, `\nHANG: one input has run for more than ${hangMs} ms; it is saved in ${file} (${length} chars)\n`);
    parentPort?.postMessage('hang');
    // The fuzz thread is stuck in synchronous code: only ending the process stops it.
    process.kill(process.pid, 'SIGKILL');
  }, tickMs);
}

if (!isMainThread && (workerData as { control?: unknown } | null)?.control instanceof SharedArrayBuffer) watch(workerData as WatchdogData);
