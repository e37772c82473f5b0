import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { credentials, loadPackageDefinition, Metadata, type Client, type GrpcObject, type ServiceClientConstructor, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import { decodeStatusDetails } from '../../src/server/rich-error.js';
import { validationServiceClient } from '../../src/server/server.js';
import { forEachLine } from '../../tools/lib/lines.js';

// Starts the compiled server (dist/, built by `npm ci` / `npm run build`) as a real process on a
// free loopback port, as operators run it.

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = fileURLToPath(new URL('../../dist/src/server/main.js', import.meta.url));

export interface RunningProcess {
  readonly port: number;
  readonly metricsPort: number;
  readonly address: string;
  readonly child: ChildProcess;
  /** JSON log lines so far. */
  readonly logs: Record<string, unknown>[];
  /** Resolves with the exit code once the process ended. */
  readonly exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

export async function startProcess(args: readonly string[] = [], env: Record<string, string> = {}): Promise<RunningProcess> {
  const child = spawn(process.execPath, [MAIN, '--port', '0', '--metrics-port', '0', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const listening = new Promise<Record<string, unknown>>((resolve, reject) => {
    forEachLine(child.stdout!, (line) => {
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (entry.msg === 'listening') resolve(entry);
      } catch {
        logs.push({ raw: line });
      }
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    void exited.then((code) => reject(new Error(`server exited with ${code} before listening: ${stderr}`)));
  });
  const ready = await listening;
  const port = ready.port as number;
  return {
    port,
    metricsPort: ready.metrics_port as number,
    address: `127.0.0.1:${port}`,
    child,
    logs,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      return exited;
    },
  };
}

/** Waits until the server's (batched, flushed every 250 ms) log holds a line matching `predicate`. */
export async function waitForLog(server: RunningProcess, predicate: (line: Record<string, unknown>) => boolean, count = 1, timeoutMs = 3_000): Promise<Record<string, unknown>[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const lines = server.logs.filter(predicate);
    if (lines.length >= count || Date.now() > until) return lines;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export type ValidationClient = Client & Record<string, (...args: never[]) => unknown>;

export function validationClient(address: string): ValidationClient {
  const Ctor = validationServiceClient();
  return new Ctor(address, credentials.createInsecure()) as unknown as ValidationClient;
}

export function healthClient(address: string): Client & { Check: Function } {
  const pkg = loadPackageDefinition(loadSync(healthProtoPath, { keepCase: true, enums: String })) as unknown as { grpc: { health: { v1: GrpcObject } } };
  const Ctor = pkg.grpc.health.v1.Health as ServiceClientConstructor;
  return new Ctor(address, credentials.createInsecure()) as unknown as Client & { Check: Function };
}

export interface CallOutcome<T> {
  readonly response?: T;
  readonly error?: ServiceError;
  readonly ms: number;
}

/** A unary call as a promise that never rejects. */
export function unary<T>(client: ValidationClient, method: string, request: object, options: { deadlineMs?: number; metadata?: Metadata } = {}): { promise: Promise<CallOutcome<T>>; cancel: () => void } {
  const started = performance.now();
  let call: { cancel(): void } | undefined;
  const promise = new Promise<CallOutcome<T>>((resolve) => {
    const callOptions = options.deadlineMs === undefined ? {} : { deadline: Date.now() + options.deadlineMs };
    const fn = client[method] as unknown as (req: object, md: Metadata, opts: object, cb: (e: ServiceError | null, r?: T) => void) => { cancel(): void };
    call = fn.call(client, request, options.metadata ?? new Metadata(), callOptions, (error, response) => {
      resolve({ ...(error ? { error } : { response: response as T }), ms: performance.now() - started });
    });
  });
  return { promise, cancel: () => call?.cancel() };
}

/** The google.rpc.Status details of a failed call. */
export function statusDetails(error: ServiceError): ReturnType<typeof decodeStatusDetails> {
  const raw = error.metadata.get('grpc-status-details-bin')[0];
  if (!(raw instanceof Buffer)) throw new Error('no grpc-status-details-bin trailer');
  return decodeStatusDetails(raw);
}

export async function fetchMetrics(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/metrics`);
  return res.text();
}

/** The value of one sample line (`name{labels} value`), 0 when absent. */
export function sample(metrics: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of metrics.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return 0;
}
