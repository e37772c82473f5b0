import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { forEachLine } from '../lib/lines.js';
import {
  credentials,
  loadPackageDefinition,
  Metadata,
  status as Status,
  type Client,
  type ClientDuplexStream,
  type GrpcObject,
  type ServiceClientConstructor,
  type ServiceError,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import { PACKAGE_ROOT } from '../../src/server/paths.js';
import { decodeStatusDetails } from '../../src/server/rich-error.js';
import { validationServiceClient } from '../../src/server/server.js';
import {
  binaryGarbage, garbageMessage, giantLiteral, invalidUtf8, loadCorpus, manyStatements, nestingBomb, oversize,
  Random, rawScriptRequest, tokensDeleted, truncated, type Corpus,
} from './inputs.js';

/**
 * The service soak: starts the real server as a child process on loopback, drives it with valid,
 * invalid and hostile requests at a fixed concurrency while its worker threads are killed at
 * random (SIGUSR2, a FLINKCHECK_TEST_HOOKS=1 hook), samples its RSS every second, and checks that
 * every request got exactly one answer of an expected kind, that RSS came back near its baseline
 * after the load, and that the server still serves and stops cleanly.
 */

export interface SoakOptions {
  /** Load time, warm-up included. */
  readonly durationS: number;
  readonly concurrency: number;
  /** Mean interval between SIGUSR2 worker kills (jittered 0.5x..1.5x); 0 disables them. */
  readonly killEveryMs: number;
  /** Mean interval between `flinkcheck-test:crash` requests; 0 disables them. */
  readonly crashEveryMs: number;
  /** Mean interval between `flinkcheck-test:spin` requests (each holds a worker for the budget); 0 disables them. */
  readonly spinEveryMs: number;
  readonly workers: number;
  readonly maxQueue: number;
  readonly cpuBudgetMs: number;
  readonly maxSqlBytes: number;
  /** Load before the baseline is taken. */
  readonly warmupS: number;
  /** Idle time before the baseline and after the load, before RSS is read. */
  readonly settleS: number;
  /** Generous client deadline: a call that reaches it counts as lost. */
  readonly deadlineMs: number;
  /** RSS bound after the load: baseline x factor + slack. */
  readonly rssFactor: number;
  readonly rssSlackMb: number;
  readonly seed: number;
  readonly corpusDir: string;
  /** Progress lines (stderr in the CLI). */
  readonly log?: (line: string) => void;
}

export const DEFAULT_OPTIONS: SoakOptions = {
  durationS: 600,
  concurrency: 64,
  killEveryMs: 2_000,
  crashEveryMs: 10_000,
  spinEveryMs: 30_000,
  workers: 2,
  maxQueue: 32,
  cpuBudgetMs: 2_000,
  maxSqlBytes: 262_144,
  warmupS: 20,
  // V8 hands freed pages back to the OS over tens of seconds; 20 s read RSS while it was still falling.
  settleS: 60,
  deadlineMs: 30_000,
  rssFactor: 1.25,
  rssSlackMb: 32,
  seed: 1,
  corpusDir: join(PACKAGE_ROOT, '..', 'shared', 'corpus', 'flink'),
};

/** Kinds of request, each with the statuses it may end with besides OK. */
export const CLASSES = {
  valid: ['RESOURCE_EXHAUSTED'],
  invalid: ['RESOURCE_EXHAUSTED'],
  broken: ['RESOURCE_EXHAUSTED'],
  nesting: ['RESOURCE_EXHAUSTED'],
  'giant-literal': ['RESOURCE_EXHAUSTED'],
  'many-statements': ['RESOURCE_EXHAUSTED'],
  'garbage-text': ['RESOURCE_EXHAUSTED'],
  'invalid-utf8': ['RESOURCE_EXHAUSTED'],
  // Random bytes may still decode as a request (with unknown catalog ids, an unknown profile ...).
  'garbage-message': ['RESOURCE_EXHAUSTED', 'INVALID_ARGUMENT', 'INTERNAL'],
  oversize: ['INVALID_ARGUMENT'],
  'short-deadline': ['RESOURCE_EXHAUSTED', 'DEADLINE_EXCEEDED'],
  'client-cancel': ['RESOURCE_EXHAUSTED', 'CANCELLED'],
  'other-methods': ['NOT_FOUND', 'INVALID_ARGUMENT', 'RESOURCE_EXHAUSTED'],
  stream: [],
  'stream-cancel': ['CANCELLED'],
  crash: ['INTERNAL', 'RESOURCE_EXHAUSTED'],
  spin: ['RESOURCE_EXHAUSTED'],
} as const satisfies Record<string, readonly string[]>;
export type RequestClass = keyof typeof CLASSES;

/** Shares of the load loops' requests (crash and spin requests come from their own timers). */
const WEIGHTS: readonly [RequestClass, number][] = [
  ['valid', 38], ['invalid', 12], ['broken', 10], ['nesting', 4], ['giant-literal', 2], ['many-statements', 1],
  ['garbage-text', 3], ['invalid-utf8', 2], ['garbage-message', 1], ['oversize', 1], ['short-deadline', 5],
  ['client-cancel', 5], ['other-methods', 4], ['stream', 12],
];

export interface ClassStats {
  sent: number;
  answered: number;
  codes: Record<string, number>;
  /** Answers outside CLASSES[class] (INTERNAL WORKER_FAILED is judged separately). */
  unexpected: number;
  latenciesMs: number[];
}

export interface RssSample {
  readonly t: number;
  readonly mb: number;
  readonly phase: 'warmup' | 'baseline' | 'load' | 'drain' | 'settle';
}

export interface SoakReport {
  readonly options: Omit<SoakOptions, 'log'>;
  readonly corpus: { valid: number; invalid: number; sources: readonly string[] };
  readonly loadAverage: { before: number[]; after: number[] };
  readonly loadSeconds: number;
  readonly requests: { sent: number; answered: number; lost: number; duplicates: number; perSecond: number };
  readonly byClass: Record<string, { sent: number; answered: number; codes: Record<string, number>; unexpected: number; p50Ms: number; p99Ms: number; maxMs: number }>;
  readonly codes: Record<string, number>;
  /** INTERNAL answers with ErrorInfo WORKER_FAILED to requests that did not crash their worker themselves. */
  readonly innocentWorkerFailures: number;
  readonly unexpectedSamples: string[];
  readonly diagnostics: [string, number][];
  readonly stream: { sessions: number; versionsSent: number; versionsAnswered: number; versionErrors: Record<string, number>; missingFinalAnswers: number; badAnswers: number };
  readonly workers: { killSignals: number; killsLanded: number; restarts: number; deaths: number; retries: number; poolFailures: Record<string, number> };
  readonly serverErrors: Record<string, number>;
  readonly rss: { baselineMb: number; peakMb: number; finalMb: number; boundMb: number; series: RssSample[] };
  /** V8 heaps in use after the collections before the baseline and the final reading. */
  readonly heapsAfterGc: { baseline: { mainMb: number; workersMb: number[] } | null; final: { mainMb: number; workersMb: number[] } | null };
  readonly health: { status: string; probe: string; exitCode: number | null; exitedEarly: boolean };
  readonly pass: boolean;
  readonly reasons: string[];
}

const SERVICE = '/flinkcheck.v1.ValidationService/';
const PROBE_BAD = 'SELECT x FORM t';
const PROBE_GOOD = 'SELECT user_id, COUNT(*) AS n FROM clicks GROUP BY user_id';

type ValidationClient = Client & Record<string, (...args: never[]) => unknown>;

interface Outcome {
  readonly code: number;
  readonly response?: unknown;
  readonly error?: ServiceError;
}

interface ServerProcess {
  readonly child: ChildProcess;
  readonly port: number;
  readonly metricsPort: number;
  readonly exited: Promise<number | null>;
  readonly errorLines: Map<string, number>;
  killsLanded: number;
  /** Garbage collections the server reported (SIGHUP test hook), with the heaps in use after each, MB. */
  collections: number;
  lastHeaps: { mainMb: number; workersMb: number[] } | null;
}

async function startServer(o: SoakOptions): Promise<ServerProcess> {
  const main = join(PACKAGE_ROOT, 'dist', 'src', 'server', 'main.js');
  const args = [
    '--expose-gc', main, '--host', '127.0.0.1', '--port', '0', '--metrics-port', '0', '--workers', String(o.workers),
    '--max-queue', String(o.maxQueue), '--cpu-budget-ms', String(o.cpuBudgetMs), '--max-sql-bytes', String(o.maxSqlBytes),
    '--catalog', join(PACKAGE_ROOT, 'deploy', 'default-catalog.sql'), '--shutdown-grace-ms', '15000',
  ];
  const child = spawn(process.execPath, args, {
    cwd: PACKAGE_ROOT,
    env: { ...process.env, FLINKCHECK_TEST_HOOKS: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const server = { child, exited, errorLines: new Map<string, number>(), killsLanded: 0, collections: 0, lastHeaps: null } as Omit<ServerProcess, 'port' | 'metricsPort'> & { port: number; metricsPort: number };
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4_000)));
  const listening = new Promise<{ port: number; metrics_port: number }>((resolve, reject) => {
    forEachLine(child.stdout!, (line) => {
      // One line per request: only the lines that matter are parsed.
      if (line.includes('"msg":"listening"')) resolve(JSON.parse(line) as { port: number; metrics_port: number });
      else if (line.includes('"msg":"test hook: SIGUSR2')) {
        if (!line.includes('"thread":null')) server.killsLanded++;
      } else if (line.includes('"msg":"test hook: SIGHUP collected garbage"')) {
        const entry = JSON.parse(line) as { main_heap_used: number; worker_heap_used: number[] };
        const mb = (bytes: number): number => Math.round(bytes / 104_857.6) / 10;
        server.lastHeaps = { mainMb: mb(entry.main_heap_used), workersMb: entry.worker_heap_used.map(mb) };
        server.collections++;
      } else if (/"level":(50|60)/.test(line)) {
        const msg = (JSON.parse(line) as { msg?: string; reason?: string }).msg ?? '?';
        server.errorLines.set(msg, (server.errorLines.get(msg) ?? 0) + 1);
      }
    });
    void exited.then((code) => reject(new Error(`the server exited with ${code} before listening: ${stderr}`)));
  });
  const ready = await listening;
  server.port = ready.port;
  server.metricsPort = ready.metrics_port;
  return server;
}

function readRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match === null ? 0 : Number(match[1]) / 1024;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function sample(metrics: string, name: string, labels: Record<string, string> = {}): number {
  let total = 0;
  for (const line of metrics.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) total += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return total;
}

function retryDelayMs(error: ServiceError | undefined): number | undefined {
  const raw = error?.metadata?.get('grpc-status-details-bin')[0];
  if (!(raw instanceof Buffer)) return undefined;
  try {
    const info = decodeStatusDetails(raw).details.find((d) => d.type === 'google.rpc.RetryInfo');
    const delay = info?.value['retryDelay'] as { seconds?: number; nanos?: number } | undefined;
    return delay === undefined ? undefined : (delay.seconds ?? 0) * 1_000 + (delay.nanos ?? 0) / 1e6;
  } catch {
    return undefined;
  }
}

function errorReason(error: ServiceError | undefined): string | undefined {
  const raw = error?.metadata?.get('grpc-status-details-bin')[0];
  if (!(raw instanceof Buffer)) return undefined;
  try {
    const info = decodeStatusDetails(raw).details.find((d) => d.type === 'google.rpc.ErrorInfo');
    return info === undefined ? undefined : String(info.value['reason']);
  } catch {
    return undefined;
  }
}

export async function runSoak(options: Partial<SoakOptions> = {}): Promise<SoakReport> {
  const o: SoakOptions = { ...DEFAULT_OPTIONS, ...options };
  const log = o.log ?? (() => {});
  const rng = new Random(o.seed);
  const corpus = loadCorpus(o.corpusDir, join(PACKAGE_ROOT, 'examples'));
  const loadBefore = loadavg().map((l) => Math.round(l * 100) / 100);
  const server = await startServer(o);
  const pid = server.child.pid!;
  let exitedEarly = false;
  let stopping = false;
  void server.exited.then(() => {
    if (!stopping) exitedEarly = true;
  });
  const address = `127.0.0.1:${server.port}`;
  log(`server pid ${pid} on ${address}, metrics on ${server.metricsPort}`);

  const Ctor = validationServiceClient();
  const channelOptions = { 'grpc.max_receive_message_length': 64 * 1_048_576, 'grpc.max_send_message_length': 64 * 1_048_576 };
  const clients = Array.from({ length: Math.max(1, Math.min(8, Math.ceil(o.concurrency / 16))) }, () => new Ctor(address, credentials.createInsecure(), channelOptions) as unknown as ValidationClient);
  const responseDeserialize = (Ctor.service as unknown as Record<string, { responseDeserialize: (b: Buffer) => unknown }>)['ValidateScript']!.responseDeserialize;

  // --- bookkeeping -------------------------------------------------------------------------
  const stats = new Map<RequestClass, ClassStats>();
  const statsOf = (c: RequestClass): ClassStats => {
    let s = stats.get(c);
    if (s === undefined) stats.set(c, (s = { sent: 0, answered: 0, codes: {}, unexpected: 0, latenciesMs: [] }));
    return s;
  };
  const diagnostics = new Map<string, number>();
  const unexpectedSamples: string[] = [];
  let sent = 0;
  let answered = 0;
  let lost = 0;
  let duplicates = 0;
  let innocentWorkerFailures = 0;
  const inFlight = new Set<Promise<unknown>>();
  const streamStats = { sessions: 0, versionsSent: 0, versionsAnswered: 0, versionErrors: {} as Record<string, number>, missingFinalAnswers: 0, badAnswers: 0 };

  const noteUnexpected = (text: string): void => {
    if (unexpectedSamples.length < 20) unexpectedSamples.push(text);
  };

  /** Sends one request and records its answer (a second one counts as a duplicate); resolves with the first. */
  const track = (cls: RequestClass, send: (done: (outcome: Outcome) => void) => void): Promise<Outcome | null> => {
    const s = statsOf(cls);
    sent++;
    s.sent++;
    const started = performance.now();
    let answers = 0;
    const promise = new Promise<Outcome | null>((resolve) => {
      send((outcome) => {
        answers++;
        if (answers > 1) {
          duplicates++;
          return;
        }
        answered++;
        s.answered++;
        const ms = performance.now() - started;
        s.latenciesMs.push(ms);
        const name = Status[outcome.code] ?? String(outcome.code);
        s.codes[name] = (s.codes[name] ?? 0) + 1;
        const allowed = CLASSES[cls] as readonly string[];
        if (outcome.code === Status.DEADLINE_EXCEEDED && cls !== 'short-deadline') {
          lost++;
          noteUnexpected(`${cls}: no answer within the ${o.deadlineMs} ms deadline`);
        } else if (outcome.code === Status.INTERNAL && cls !== 'crash' && errorReason(outcome.error) === 'WORKER_FAILED') {
          // Killed twice under it: judged against the number of kills below.
          innocentWorkerFailures++;
        } else if ((outcome.code !== Status.OK && !allowed.includes(name))
          // grpc-js answers a message it cannot decode itself, before the service sees it.
          || (cls === 'garbage-message' && outcome.code === Status.INTERNAL && outcome.error?.details !== 'Error deserializing request')) {
          s.unexpected++;
          noteUnexpected(`${cls}: ${name} ${outcome.error?.details ?? ''}`.slice(0, 300));
        }
        if (outcome.code === Status.OK && outcome.response !== undefined) {
          const r = outcome.response as { diagnostics?: { code: string }[] };
          if (Array.isArray(r.diagnostics)) for (const d of r.diagnostics) diagnostics.set(d.code, (diagnostics.get(d.code) ?? 0) + 1);
        }
        resolve(outcome);
      });
    });
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise));
    return promise;
  };

  const deadline = (ms = o.deadlineMs): { deadline: number } => ({ deadline: Date.now() + ms });

  const unaryCall = (client: ValidationClient, method: string, request: object, callOptions: object, done: (o: Outcome) => void): { cancel(): void } => {
    const fn = client[method] as unknown as (req: object, md: Metadata, opts: object, cb: (e: ServiceError | null, r?: unknown) => void) => { cancel(): void };
    return fn.call(client, request, new Metadata(), callOptions, (error, response) => done(error ? { code: error.code, error } : { code: Status.OK, response }));
  };

  const rawCall = (client: ValidationClient, bytes: Buffer, done: (o: Outcome) => void): void => {
    client.makeUnaryRequest(`${SERVICE}ValidateScript`, (b: Buffer) => b, responseDeserialize, bytes, new Metadata(), deadline(), (error, response) =>
      done(error ? { code: error.code, error } : { code: Status.OK, response }));
  };

  const scriptFor = (cls: RequestClass): string => {
    switch (cls) {
      case 'valid': return rng.pick(corpus.valid);
      case 'invalid': return rng.pick(corpus.invalid);
      case 'broken': return rng.next() < 0.5 ? truncated(rng, rng.pick(corpus.valid)) : tokensDeleted(rng, rng.pick(corpus.valid));
      case 'nesting': return nestingBomb(rng);
      case 'giant-literal': return giantLiteral(rng, o.maxSqlBytes);
      case 'many-statements': return manyStatements(rng, corpus, o.maxSqlBytes);
      case 'garbage-text': return binaryGarbage(rng);
      case 'oversize': return oversize(rng, o.maxSqlBytes);
      case 'crash': return `SELECT 1 -- flinkcheck-test:crash ${rng.int(0, 1e9)}`;
      case 'spin': return 'SELECT 1 -- flinkcheck-test:spin';
      default: return rng.next() < 0.8 ? rng.pick(corpus.valid) : rng.pick(corpus.invalid);
    }
  };

  /** An editor session: one to three documents, versions sent faster than answered; some sessions cancelled. */
  const session = (client: ValidationClient): Promise<Outcome | null> => {
    const cancelAfterMs = rng.next() < 0.2 ? rng.int(0, 200) : -1;
    return track(cancelAfterMs >= 0 ? 'stream-cancel' : 'stream', (done) => sessionBody(client, cancelAfterMs, done));
  };
  const sessionBody = (client: ValidationClient, cancelAfterMs: number, done: (outcome: Outcome) => void): void => {
    streamStats.sessions++;
    const stream = (client.ValidateStream as unknown as (md: Metadata, opts: object) => ClientDuplexStream<object, unknown>).call(client, new Metadata(), deadline());
    const docs = Array.from({ length: rng.int(1, 3) }, (_, i) => ({ id: `doc-${i}`, version: 0, text: '', answered: 0 }));
    let finished = false;
    const finish = (outcome: Outcome): void => {
      if (finished) return;
      finished = true;
      if (outcome.code === Status.OK) {
        for (const d of docs) if (d.version > 0 && d.answered !== d.version) streamStats.missingFinalAnswers++;
      }
      done(outcome);
    };
    stream.on('data', (a: { document_id: string; version: number; outcome: string; error?: { code: number } }) => {
      streamStats.versionsAnswered++;
      const doc = docs.find((d) => d.id === a.document_id);
      // Answers come for versions sent, newer than the last answered one of the document.
      if (doc === undefined || a.version > doc.version || a.version <= doc.answered) {
        streamStats.badAnswers++;
        noteUnexpected(`stream: answer for ${a.document_id} v${a.version} (${a.outcome}) after v${doc?.answered} was answered; v${doc?.version} sent last`);
      } else doc.answered = a.version;
      if (a.outcome === 'error' && a.error !== undefined) {
        const name = Status[a.error.code] ?? String(a.error.code);
        streamStats.versionErrors[name] = (streamStats.versionErrors[name] ?? 0) + 1;
      }
    });
    stream.on('error', (error: ServiceError) => finish({ code: error.code, error }));
    stream.on('end', () => finish({ code: Status.OK }));
    stream.on('status', () => {});
    if (cancelAfterMs >= 0) setTimeout(() => stream.cancel(), cancelAfterMs);
    void (async () => {
      const versions = rng.int(1, 6);
      for (let v = 1; v <= versions && !finished; v++) {
        for (const d of docs) {
          d.version = v;
          streamStats.versionsSent++;
          if (v > 1 && d.text.length > 0 && rng.next() < 0.4) {
            // An edit of the previous text (sometimes out of its range: an error answer).
            const start = rng.int(0, d.text.length + (rng.next() < 0.1 ? 50 : 0));
            const end = Math.min(d.text.length, start + rng.int(0, 10));
            const text = rng.pick(['', ' ', 'x', 'FROM', ')', "'"]);
            if (start <= d.text.length) d.text = d.text.slice(0, start) + text + d.text.slice(end);
            stream.write({ document_id: d.id, version: v, changes: { changes: [{ start_offset: start, end_offset: Math.max(start, end), text }] } });
          } else {
            d.text = scriptFor(rng.next() < 0.7 ? 'valid' : rng.next() < 0.5 ? 'invalid' : 'broken');
            stream.write({ document_id: d.id, version: v, sql: d.text });
          }
        }
        await sleep(rng.int(0, 40));
      }
      if (!finished) stream.end();
    })();
  };

  const oneRequest = (cls: RequestClass): Promise<Outcome | null> => {
    const client = rng.pick(clients);
    switch (cls) {
      case 'stream': return session(client);
      case 'invalid-utf8': return track(cls, (done) => rawCall(client, rawScriptRequest(invalidUtf8(rng)), done));
      case 'garbage-message': return track(cls, (done) => rawCall(client, garbageMessage(rng), done));
      case 'short-deadline': return track(cls, (done) => unaryCall(client, 'ValidateScript', { sql: scriptFor(cls) }, deadline(rng.int(1, 60)), done));
      case 'client-cancel': return track(cls, (done) => {
        const call = unaryCall(client, 'ValidateScript', { sql: scriptFor(cls) }, deadline(), done);
        setTimeout(() => call.cancel(), rng.int(0, 60));
      });
      case 'other-methods': return track(cls, (done) => {
        const which = rng.int(0, 2);
        if (which === 0) unaryCall(client, 'ListRules', {}, deadline(), done);
        else if (which === 1) unaryCall(client, 'ExplainCode', { code: rng.pick(['FSQL2002', 'FSQL1015', '2002', 'FSQL99999', '']) }, deadline(), done);
        else unaryCall(client, 'ExplainError', { error_text: rng.pick(["Column 'x' not found in any table", ' ', binaryGarbage(rng)]), sql: scriptFor('valid') }, deadline(), done);
      });
      default: return track(cls, (done) => unaryCall(client, 'ValidateScript', { sql: scriptFor(cls) }, deadline(), done));
    }
  };

  const totalWeight = WEIGHTS.reduce((sum, [, w]) => sum + w, 0);
  const pickClass = (): RequestClass => {
    let r = rng.next() * totalWeight;
    for (const [cls, w] of WEIGHTS) if ((r -= w) < 0) return cls;
    return 'valid';
  };

  // --- RSS sampling ------------------------------------------------------------------------
  const t0 = performance.now();
  const elapsedS = (): number => Math.round((performance.now() - t0) / 100) / 10;
  let phase: RssSample['phase'] = 'warmup';
  const series: RssSample[] = [];
  const sampler = setInterval(() => {
    if (server.child.exitCode !== null || server.child.signalCode !== null) return;
    try {
      series.push({ t: elapsedS(), mb: Math.round(readRssMb(pid) * 10) / 10, phase });
    } catch {
      // The process is gone; the exit is reported below.
    }
  }, 1_000);

  // --- load --------------------------------------------------------------------------------
  const runLoad = async (seconds: number): Promise<void> => {
    const until = performance.now() + seconds * 1_000;
    const loop = async (): Promise<void> => {
      while (performance.now() < until && !exitedEarly) {
        const outcome = await oneRequest(pickClass());
        // Most clients wait as RetryInfo asks when the server is busy; some do not.
        if (outcome?.code === Status.RESOURCE_EXHAUSTED && rng.next() < 0.9) {
          const delayMs = retryDelayMs(outcome.error);
          if (delayMs !== undefined) await sleep(Math.min(1_000, delayMs));
        }
      }
    };
    const timers: NodeJS.Timeout[] = [];
    let killSignals = 0;
    const every = (meanMs: number, action: () => void): void => {
      if (meanMs <= 0) return;
      const schedule = (): void => {
        timers.push(setTimeout(() => {
          if (performance.now() >= until || exitedEarly) return;
          action();
          schedule();
        }, meanMs * (0.5 + rng.next())));
      };
      schedule();
    };
    every(o.killEveryMs, () => {
      killSignals++;
      server.child.kill('SIGUSR2');
    });
    every(o.crashEveryMs, () => void oneFault('crash'));
    every(o.spinEveryMs, () => void oneFault('spin'));
    await Promise.all(Array.from({ length: o.concurrency }, loop));
    for (const t of timers) clearTimeout(t);
    totalKillSignals += killSignals;
  };
  let totalKillSignals = 0;
  const oneFault = (cls: 'crash' | 'spin'): Promise<Outcome | null> =>
    track(cls, (done) => unaryCall(rng.pick(clients), 'ValidateScript', { sql: scriptFor(cls) }, deadline(), done));

  const waitInFlight = async (): Promise<void> => {
    const until = performance.now() + o.deadlineMs + 10_000;
    while (inFlight.size > 0 && performance.now() < until) await sleep(50);
    lost += inFlight.size;
    for (let i = 0; i < inFlight.size; i++) noteUnexpected('a request never got an answer, not even its deadline');
  };

  /** Garbage collection in every server thread (SIGHUP test hook), then the RSS. */
  let gcMissing = 0;
  const collectedRssMb = async (): Promise<number> => {
    const before = server.collections;
    server.child.kill('SIGHUP');
    const until = performance.now() + 10_000;
    while (server.collections === before && performance.now() < until && !exitedEarly) await sleep(20);
    if (server.collections === before) gcMissing++;
    await sleep(500);
    const mb = Math.round(readRssMb(pid) * 10) / 10;
    series.push({ t: elapsedS(), mb, phase });
    return mb;
  };

  const warmupS = Math.min(o.warmupS, o.durationS / 2);
  log(`warm-up: ${warmupS} s at concurrency ${o.concurrency}`);
  await runLoad(warmupS);
  await waitInFlight();
  phase = 'baseline';
  await sleep(o.settleS * 1_000);
  const baselineMb = await collectedRssMb();
  const baselineHeaps = server.lastHeaps;
  log(`baseline RSS ${baselineMb} MB; load: ${o.durationS - warmupS} s, kills every ~${o.killEveryMs} ms`);
  const loadStarted = performance.now();
  const sentBeforeLoad = sent;
  phase = 'load';
  const progress = setInterval(() => log(`  ${elapsedS()} s: ${sent} sent, ${answered} answered, RSS ${series.at(-1)?.mb ?? '?'} MB, kills ${server.killsLanded}`), 30_000);
  await runLoad(o.durationS - warmupS);
  const loadSeconds = (performance.now() - loadStarted) / 1_000;
  const loadRequests = sent - sentBeforeLoad;
  phase = 'drain';
  await waitInFlight();
  clearInterval(progress);
  phase = 'settle';
  log(`load done: ${sent} sent, ${answered} answered; settling ${o.settleS} s`);
  await sleep(o.settleS * 1_000);
  clearInterval(sampler);
  const finalMb = exitedEarly ? 0 : await collectedRssMb();
  const finalHeaps = exitedEarly ? null : server.lastHeaps;
  const peakMb = Math.max(0, ...series.map((s) => s.mb));
  const boundMb = Math.round((baselineMb * o.rssFactor + o.rssSlackMb) * 10) / 10;

  // --- health, probe, metrics, shutdown ---------------------------------------------------
  let healthStatus = 'no answer';
  let probe = 'not run';
  let metricsText = '';
  if (!exitedEarly) {
    const pkg = loadPackageDefinition(loadSync(healthProtoPath, { keepCase: true, enums: String })) as unknown as { grpc: { health: { v1: GrpcObject } } };
    const Health = pkg.grpc.health.v1.Health as ServiceClientConstructor;
    const health = new Health(address, credentials.createInsecure()) as unknown as Client & { Check: Function };
    healthStatus = await new Promise<string>((resolve) =>
      health.Check({ service: 'flinkcheck.v1.ValidationService' }, { deadline: Date.now() + 5_000 }, (e: ServiceError | null, r?: { status: string }) => resolve(e ? `error ${Status[e.code]}` : r!.status)));
    health.close();
    const probeCall = (sql: string): Promise<Outcome> => new Promise((resolve) => unaryCall(clients[0]!, 'ValidateScript', { sql }, deadline(10_000), resolve));
    const bad = await probeCall(PROBE_BAD);
    const good = await probeCall(PROBE_GOOD);
    const codesOf = (r: Outcome): string[] => ((r.response as { diagnostics?: { code: string; severity: string }[] } | undefined)?.diagnostics ?? []).map((d) => d.code);
    const errorsOf = (r: Outcome): string[] => ((r.response as { diagnostics?: { code: string; severity: string }[] } | undefined)?.diagnostics ?? []).filter((d) => d.severity === 'SEVERITY_ERROR').map((d) => d.code);
    const kinds = ((good.response as { statements?: { kind: string }[] } | undefined)?.statements ?? []).map((s) => s.kind);
    probe = bad.code === Status.OK && codesOf(bad).includes('FSQL1015') && good.code === Status.OK && errorsOf(good).length === 0 && kinds.join() === 'SELECT'
      ? 'ok'
      : `wrong answers: '${PROBE_BAD}' -> ${Status[bad.code]} [${codesOf(bad).join(', ')}]; '${PROBE_GOOD}' -> ${Status[good.code]} [${codesOf(good).join(', ')}] ${kinds.join()}`;
    try {
      metricsText = await (await fetch(`http://127.0.0.1:${server.metricsPort}/metrics`)).text();
    } catch {
      metricsText = '';
    }
  }
  for (const c of clients) c.close();
  stopping = !exitedEarly;
  let exitCode: number | null = null;
  if (!exitedEarly) {
    server.child.kill('SIGTERM');
    const timeout = sleep(30_000).then(() => 'timeout' as const);
    const result = await Promise.race([server.exited, timeout]);
    if (result === 'timeout') {
      server.child.kill('SIGKILL');
      exitCode = null;
    } else {
      exitCode = result;
    }
  } else {
    exitCode = await server.exited;
  }
  const loadAfter = loadavg().map((l) => Math.round(l * 100) / 100);

  // --- verdict -----------------------------------------------------------------------------
  const codes: Record<string, number> = {};
  const byClass: SoakReport['byClass'] = {};
  let unexpected = 0;
  for (const [cls, s] of [...stats.entries()].sort((a, b) => b[1].sent - a[1].sent)) {
    const sorted = [...s.latenciesMs].sort((a, b) => a - b);
    byClass[cls] = { sent: s.sent, answered: s.answered, codes: s.codes, unexpected: s.unexpected, p50Ms: Math.round(percentile(sorted, 50)), p99Ms: Math.round(percentile(sorted, 99)), maxMs: Math.round(sorted.at(-1) ?? 0) };
    for (const [code, n] of Object.entries(s.codes)) codes[code] = (codes[code] ?? 0) + n;
    unexpected += s.unexpected;
  }
  const workers = {
    killSignals: totalKillSignals,
    killsLanded: server.killsLanded,
    restarts: sample(metricsText, 'flinkcheck_pool_worker_restarts_total'),
    deaths: sample(metricsText, 'flinkcheck_pool_worker_deaths_total'),
    retries: sample(metricsText, 'flinkcheck_pool_task_retries_total'),
    poolFailures: Object.fromEntries(['queue_full', 'cpu_budget', 'worker_failed'].map((r) => [r, sample(metricsText, 'flinkcheck_pool_failures_total', { reason: r })])),
  };
  const reasons: string[] = [];
  if (exitedEarly) reasons.push(`the server exited during the soak (code ${exitCode})`);
  if (lost > 0) reasons.push(`${lost} requests lost (no answer before the ${o.deadlineMs} ms deadline)`);
  if (duplicates > 0) reasons.push(`${duplicates} requests answered more than once`);
  if (unexpected > 0) reasons.push(`${unexpected} answers with an unexpected status`);
  if (innocentWorkerFailures * 2 > server.killsLanded) reasons.push(`${innocentWorkerFailures} innocent requests failed with WORKER_FAILED, more than ${server.killsLanded} kills can explain (a retried request needs two)`);
  if (streamStats.missingFinalAnswers > 0) reasons.push(`${streamStats.missingFinalAnswers} stream documents got no answer for their last version`);
  if (streamStats.badAnswers > 0) reasons.push(`${streamStats.badAnswers} stream answers for versions not sent or out of order`);
  if (o.killEveryMs > 0 && totalKillSignals >= 3 && server.killsLanded === 0) reasons.push(`${totalKillSignals} kill signals sent but no worker was killed`);
  if (gcMissing > 0) reasons.push(`${gcMissing} garbage collections (SIGHUP test hook) were not reported by the server within 10 s`);
  if (finalMb > boundMb) reasons.push(`RSS after the load ${finalMb} MB is above the bound ${boundMb} MB (baseline ${baselineMb} MB x ${o.rssFactor} + ${o.rssSlackMb} MB)`);
  if (healthStatus !== 'SERVING') reasons.push(`health after the load: ${healthStatus}`);
  if (probe !== 'ok') reasons.push(`probe after the load: ${probe}`);
  if (exitCode !== 0) reasons.push(`SIGTERM exit code ${exitCode}`);
  const { log: _log, ...reportedOptions } = o;
  return {
    options: reportedOptions,
    corpus: { valid: corpus.valid.length, invalid: corpus.invalid.length, sources: corpus.sources },
    loadAverage: { before: loadBefore, after: loadAfter },
    loadSeconds: Math.round(loadSeconds * 10) / 10,
    requests: { sent, answered, lost, duplicates, perSecond: Math.round((loadRequests / Math.max(1, loadSeconds)) * 10) / 10 },
    byClass,
    codes,
    innocentWorkerFailures,
    unexpectedSamples,
    diagnostics: [...diagnostics.entries()].sort((a, b) => b[1] - a[1]),
    stream: streamStats,
    workers,
    serverErrors: Object.fromEntries(server.errorLines),
    rss: { baselineMb, peakMb, finalMb, boundMb, series },
    heapsAfterGc: { baseline: baselineHeaps, final: finalHeaps },
    health: { status: healthStatus, probe, exitCode, exitedEarly },
    pass: reasons.length === 0,
    reasons,
  };
}
