import {
  ResponderBuilder,
  ServerInterceptingCall,
  ServerListenerBuilder,
  status as Status,
  type ServerInterceptor,
} from '@grpc/grpc-js';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { WorkPool } from './pool.js';

/** gRPC code names as Go's codes.Code.String() prints them, so go-grpc-prometheus dashboards work unchanged. */
const GO_CODE_NAMES: Readonly<Record<number, string>> = {
  [Status.OK]: 'OK',
  [Status.CANCELLED]: 'Canceled',
  [Status.UNKNOWN]: 'Unknown',
  [Status.INVALID_ARGUMENT]: 'InvalidArgument',
  [Status.DEADLINE_EXCEEDED]: 'DeadlineExceeded',
  [Status.NOT_FOUND]: 'NotFound',
  [Status.ALREADY_EXISTS]: 'AlreadyExists',
  [Status.PERMISSION_DENIED]: 'PermissionDenied',
  [Status.RESOURCE_EXHAUSTED]: 'ResourceExhausted',
  [Status.FAILED_PRECONDITION]: 'FailedPrecondition',
  [Status.ABORTED]: 'Aborted',
  [Status.OUT_OF_RANGE]: 'OutOfRange',
  [Status.UNIMPLEMENTED]: 'Unimplemented',
  [Status.INTERNAL]: 'Internal',
  [Status.UNAVAILABLE]: 'Unavailable',
  [Status.DATA_LOSS]: 'DataLoss',
  [Status.UNAUTHENTICATED]: 'Unauthenticated',
};

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export type StreamOutcome = 'answered' | 'superseded' | 'stale' | 'failed';
export type WorkerFailure = 'queue_full' | 'cpu_budget' | 'worker_failed';

/** All metrics of one server, in its own registry (several servers may live in one test process). */
export class ServerMetrics {
  readonly registry = new Registry();
  private readonly started: Counter<'grpc_type' | 'grpc_service' | 'grpc_method'>;
  private readonly handled: Counter<'grpc_type' | 'grpc_service' | 'grpc_method' | 'grpc_code'>;
  private readonly received: Counter<'grpc_type' | 'grpc_service' | 'grpc_method'>;
  private readonly sent: Counter<'grpc_type' | 'grpc_service' | 'grpc_method'>;
  private readonly handling: Histogram<'grpc_type' | 'grpc_service' | 'grpc_method'>;
  private readonly diagnostics: Counter<'code' | 'severity'>;
  private readonly statements: Counter<'kind'>;
  private readonly streamVersions: Counter<'outcome'>;
  private readonly failures: Counter<'reason'>;

  constructor(pool: WorkPool, registeredCatalogs: () => number) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    const rpc = ['grpc_type', 'grpc_service', 'grpc_method'] as const;
    this.started = new Counter({ name: 'grpc_server_started_total', help: 'Total number of RPCs started on the server.', labelNames: rpc, registers });
    this.handled = new Counter({ name: 'grpc_server_handled_total', help: 'Total number of RPCs completed on the server, regardless of success or failure.', labelNames: [...rpc, 'grpc_code'], registers });
    this.received = new Counter({ name: 'grpc_server_msg_received_total', help: 'Total number of RPC stream messages received on the server.', labelNames: rpc, registers });
    this.sent = new Counter({ name: 'grpc_server_msg_sent_total', help: 'Total number of gRPC stream messages sent by the server.', labelNames: rpc, registers });
    this.handling = new Histogram({ name: 'grpc_server_handling_seconds', help: 'Histogram of response latency (seconds) of gRPC that had been application-level handled by the server.', labelNames: rpc, buckets: LATENCY_BUCKETS, registers });
    new Gauge({ name: 'flinkcheck_pool_queue_size', help: 'Validation tasks waiting for a worker thread.', registers, collect() { this.set(pool.queueSize); } });
    new Gauge({ name: 'flinkcheck_pool_active_tasks', help: 'Validation tasks running in worker threads.', registers, collect() { this.set(pool.activeTasks); } });
    new Gauge({ name: 'flinkcheck_pool_workers', help: 'Worker threads in the validation pool.', registers, collect() { this.set(pool.workers); } });
    new Gauge({ name: 'flinkcheck_pool_utilization_ratio', help: 'Share of worker capacity in use since start (piscina utilization).', registers, collect() { this.set(pool.utilization); } });
    // Counters kept by the pool, read at scrape time.
    const stats = pool.stats;
    new Counter({ name: 'flinkcheck_pool_worker_restarts_total', help: 'Worker threads started to replace one that ended (crashed, or stopped for its CPU budget or a cancelled call).', registers, collect() { this.reset(); this.inc(stats.workerRestarts); } });
    new Counter({ name: 'flinkcheck_pool_worker_deaths_total', help: 'Tasks whose worker thread died under them (not stopped by the server).', registers, collect() { this.reset(); this.inc(stats.workerDeaths); } });
    new Counter({ name: 'flinkcheck_pool_task_retries_total', help: 'Tasks run again on a replacement worker after their first worker died under them.', registers, collect() { this.reset(); this.inc(stats.retries); } });
    new Gauge({ name: 'flinkcheck_registered_catalogs', help: 'Catalogs registered with RegisterCatalog and kept.', registers, collect() { this.set(registeredCatalogs()); } });
    this.diagnostics = new Counter({ name: 'flinkcheck_diagnostics_total', help: 'Diagnostics reported, by code and severity.', labelNames: ['code', 'severity'], registers });
    this.statements = new Counter({ name: 'flinkcheck_statements_total', help: 'Statements validated, by kind.', labelNames: ['kind'], registers });
    this.streamVersions = new Counter({ name: 'flinkcheck_stream_versions_total', help: 'Document versions received on ValidateStream, by what became of them.', labelNames: ['outcome'], registers });
    this.failures = new Counter({ name: 'flinkcheck_pool_failures_total', help: 'Requests the worker pool could not serve, by reason.', labelNames: ['reason'], registers });
  }

  observeResult(diagnostics: readonly { code: string; severity: string }[], statementKinds: readonly string[]): void {
    for (const d of diagnostics) this.diagnostics.inc({ code: d.code, severity: d.severity.replace('SEVERITY_', '').toLowerCase() });
    for (const kind of statementKinds) this.statements.inc({ kind });
  }

  streamVersion(outcome: StreamOutcome): void {
    this.streamVersions.inc({ outcome });
  }

  poolFailure(reason: WorkerFailure): void {
    this.failures.inc({ reason });
  }

  /** Counts every call of every service (health and reflection too), as go-grpc-prometheus does. */
  private readonly labelsByPath = new Map<string, { grpc_type: string; grpc_service: string; grpc_method: string }>();

  readonly interceptor: ServerInterceptor = (method, call) => {
    let labels = this.labelsByPath.get(method.path);
    if (labels === undefined) {
      const slash = method.path.lastIndexOf('/');
      labels = {
        grpc_type: method.requestStream ? (method.responseStream ? 'bidi_stream' : 'client_stream') : method.responseStream ? 'server_stream' : 'unary',
        grpc_service: method.path.slice(1, slash),
        grpc_method: method.path.slice(slash + 1),
      };
      this.labelsByPath.set(method.path, labels);
    }
    const rpcLabels = labels;
    let startedAt = 0;
    let done = false;
    const finish = (code: number): void => {
      if (done) return;
      done = true;
      this.handled.inc({ ...rpcLabels, grpc_code: GO_CODE_NAMES[code] ?? 'Unknown' });
      this.handling.observe(rpcLabels, (performance.now() - startedAt) / 1000);
    };
    return new ServerInterceptingCall(call, new ResponderBuilder()
      .withStart((next) => {
        startedAt = performance.now();
        this.started.inc(rpcLabels);
        next(new ServerListenerBuilder()
          .withOnReceiveMessage((message, nextMessage) => {
            this.received.inc(rpcLabels);
            nextMessage(message);
          })
          .withOnCancel(() => {
            const deadline = call.getDeadline();
            const expired = deadline instanceof Date ? deadline.getTime() <= Date.now() : Number.isFinite(deadline) && deadline <= Date.now();
            finish(expired ? Status.DEADLINE_EXCEEDED : Status.CANCELLED);
          })
          .build());
      })
      .withSendMessage((message, next) => {
        this.sent.inc(rpcLabels);
        next(message);
      })
      .withSendStatus((status, next) => {
        finish(status.code);
        next(status);
      })
      .build());
  };
}
