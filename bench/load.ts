/**
 * `npm run bench:load` (and the end of `npm run bench`): a load test of the gRPC service on
 * loopback. Starts the compiled server as its own process, then runs closed-loop clients (each sends
 * its next call when the previous answer arrives) at 1, 10 and 50 concurrent clients with the
 * corpus statement of median length, measures health-check latency while the pool is saturated, and
 * reads the server's RSS from its /metrics. Bounded in requests and time. Prints Markdown.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { credentials, loadPackageDefinition, type Client, type GrpcObject, type ServiceClientConstructor } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import { validationServiceClient } from '../src/server/server.js';
import { loadCorpus } from './corpus.js';
import { percentile } from './stats.js';

const LEVELS = [1, 10, 50];
/** Per level: stop after this long or this many calls, whichever comes first. */
const LEVEL_MS = 6_000;
const LEVEL_MAX_CALLS = 40_000;
const WARMUP_MS = 1_500;
const TARGET_THROUGHPUT = 1_500;
const TARGET_P99_MS = 25;
const TARGET_HEALTH_MS = 50;

type Callable = Client & Record<string, (req: object, opts: object, cb: (e: Error | null, r?: unknown) => void) => void>;

function log(message: string): void {
  process.stderr.write(`[load] ${message}\n`);
}

async function startServer(workers: number): Promise<{ child: ChildProcess; port: number; metricsPort: number }> {
  const main = fileURLToPath(new URL('../src/server/main.js', import.meta.url));
  const child = spawn(process.execPath, [main, '--port', '0', '--metrics-port', '0', '--workers', String(workers)], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let buffer = '';
    let ready = false;
    // Logs are read and dropped: the server logs one line per request, as in production.
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      if (ready) return;
      buffer += chunk;
      for (const line of buffer.split('\n')) {
        if (!line.includes('"listening"')) continue;
        const entry = JSON.parse(line) as { port: number; metrics_port: number };
        ready = true;
        resolve({ child, port: entry.port, metricsPort: entry.metrics_port });
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

async function serverSample(metricsPort: number, name: string): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return Number(line?.split(' ')[1] ?? Number.NaN);
}

function call(client: Callable, method: string, request: object): Promise<void> {
  return new Promise((resolve, reject) => {
    client[method]!(request, { deadline: Date.now() + 10_000 }, (error) => (error ? reject(error) : resolve()));
  });
}

interface LevelResult {
  readonly clients: number;
  /** Server CPU time (all threads) per validation, in ms: what a validation costs regardless of contention. */
  cpuMsPerCall: number;
  /** 1-minute load average when the level ended (other processes compete for the CPUs). */
  loadAverage: number;
  readonly calls: number;
  readonly errors: number;
  readonly seconds: number;
  readonly latenciesMs: Float64Array;
}

function healthConstructor(): ServiceClientConstructor {
  const pkg = loadPackageDefinition(loadSync(healthProtoPath, { keepCase: true, enums: String })) as unknown as { grpc: { health: { v1: GrpcObject } } };
  return pkg.grpc.health.v1.Health as ServiceClientConstructor;
}

/**
 * `clients` closed loops, each on its own connection, for `durationMs` or `maxCalls`. With `noop`,
 * the calls are Health/Check (answered on the event loop, no validation): the ceiling this machine
 * allows a gRPC call right now, to read the other numbers against.
 */
async function runLevel(address: string, clients: number, sql: string, durationMs: number, maxCalls: number, noop = false): Promise<LevelResult> {
  const Ctor = noop ? healthConstructor() : validationServiceClient();
  const [method, request] = noop ? ['Check', { service: '' }] : ['ValidateScript', { sql }];
  const channels = Array.from({ length: clients }, () => new Ctor(address, credentials.createInsecure()) as unknown as Callable);
  // Connect every channel before timing.
  await Promise.all(channels.map((c) => call(c, noop ? 'Check' : 'ListRules', {})));
  const latencies: number[] = [];
  let errors = 0;
  let issued = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(channels.map(async (client) => {
    while (performance.now() < deadline && issued < maxCalls) {
      issued++;
      const t0 = performance.now();
      try {
        await call(client, method, request);
        latencies.push(performance.now() - t0);
      } catch {
        errors++;
      }
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  for (const c of channels) c.close();
  return { clients, calls: latencies.length, errors, seconds, latenciesMs: Float64Array.from(latencies).sort(), cpuMsPerCall: Number.NaN, loadAverage: loadavg()[0]! };
}

async function healthWhileSaturated(address: string, sql: string): Promise<{ latenciesMs: Float64Array; load: LevelResult }> {
  const probe = spawn(process.execPath, [fileURLToPath(new URL('./health-latency.js', import.meta.url)), address, '3000'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  probe.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const probed = new Promise<number[]>((resolve, reject) => probe.once('exit', (code) => (code === 0 ? resolve(JSON.parse(output) as number[]) : reject(new Error(`health probe exited with ${code}`)))));
  // The probe starts after the load does (it needs ~0.5 s to start) and stops before it ends.
  const load = await runLevel(address, 50, sql, 4_500, LEVEL_MAX_CALLS);
  return { latenciesMs: Float64Array.from(await probed).sort(), load };
}

function ms(value: number): string {
  return value.toFixed(value < 10 ? 2 : 1);
}

async function main(): Promise<void> {
  const corpus = loadCorpus();
  const bySize = [...corpus.statements].sort((a, b) => a.length - b.length);
  const sql = bySize[Math.floor(bySize.length / 2)]!;
  const workers = availableParallelism();
  log(`median statement: ${sql.length} chars; ${workers} workers on ${cpus().length} CPUs`);

  const server = await startServer(workers);
  const address = `127.0.0.1:${server.port}`;
  try {
    const rssStart = await serverSample(server.metricsPort, 'process_resident_memory_bytes');
    log('warming up');
    await runLevel(address, 10, sql, WARMUP_MS, LEVEL_MAX_CALLS);
    const results: LevelResult[] = [];
    for (const clients of LEVELS) {
      log(`${clients} clients`);
      const cpuBefore = await serverSample(server.metricsPort, 'process_cpu_seconds_total');
      const result = await runLevel(address, clients, sql, LEVEL_MS, LEVEL_MAX_CALLS);
      result.cpuMsPerCall = ((await serverSample(server.metricsPort, 'process_cpu_seconds_total')) - cpuBefore) * 1000 / result.calls;
      results.push(result);
    }
    log('no-op baseline');
    const baseline = await runLevel(address, 10, sql, 4_000, LEVEL_MAX_CALLS, true);
    log('health while saturated');
    const health = await healthWhileSaturated(address, sql);
    const rssEnd = await serverSample(server.metricsPort, 'process_resident_memory_bytes');

    const out: string[] = [];
    out.push('## gRPC load test', '');
    out.push(`Loopback, server with ${workers} worker threads on ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}; client in the same machine.`);
    out.push(`Statement: the corpus statement of median length (${sql.length} characters, of ${corpus.statements.length}). Closed-loop clients, one connection each, ${LEVEL_MS / 1000} s per level after a ${WARMUP_MS / 1000} s warm-up; logs on (info).`, '');
    out.push('| clients | validations/s | p50 ms | p99 ms | max ms | calls | errors | server CPU ms/validation | load avg |', '|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of results) {
      const l = r.latenciesMs;
      out.push(`| ${r.clients} | ${Math.round(r.calls / r.seconds)} | ${ms(percentile(l, 50))} | ${ms(percentile(l, 99))} | ${ms(l[l.length - 1] ?? Number.NaN)} | ${r.calls} | ${r.errors} | ${r.cpuMsPerCall.toFixed(3)} | ${r.loadAverage.toFixed(1)} |`);
    }
    const h = health.latenciesMs;
    const b = baseline.latenciesMs;
    out.push('');
    out.push(`No-op baseline (Health/Check, no validation, 10 clients, same machine and moment): ${Math.round(baseline.calls / baseline.seconds)} calls/s, p50 ${ms(percentile(b, 50))} ms, p99 ${ms(percentile(b, 99))} ms; load average ${baseline.loadAverage.toFixed(1)}.`);
    out.push(`Health Check from a separate process every 20 ms while 50 clients saturate the pool (${Math.round(health.load.calls / health.load.seconds)} validations/s): ${h.length} checks, p50 ${ms(percentile(h, 50))} ms, p99 ${ms(percentile(h, 99))} ms, max ${ms(h[h.length - 1] ?? Number.NaN)} ms.`);
    out.push(`Server RSS: ${(rssStart / 2 ** 20).toFixed(0)} MiB at start, ${(rssEnd / 2 ** 20).toFixed(0)} MiB after ${results.reduce((n, r) => n + r.calls, 0) + health.load.calls} validations.`);
    const ten = results.find((r) => r.clients === 10)!;
    const tenRate = ten.calls / ten.seconds;
    const tenP99 = percentile(ten.latenciesMs, 99);
    out.push('');
    out.push(`Targets (2 cores): >= ${TARGET_THROUGHPUT} validations/s with p99 < ${TARGET_P99_MS} ms at 10 clients: ${tenRate >= TARGET_THROUGHPUT && tenP99 < TARGET_P99_MS ? 'met' : 'NOT met'} (${Math.round(tenRate)}/s, p99 ${ms(tenP99)} ms); health < ${TARGET_HEALTH_MS} ms saturated: ${percentile(h, 99) < TARGET_HEALTH_MS ? 'met' : 'NOT met'} (p99 ${ms(percentile(h, 99))} ms).`);
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    server.child.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[load] failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
