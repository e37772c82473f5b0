import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';

/** Everything the server can be told, by flag or by environment variable (flags win). */
export interface ServerConfig {
  readonly host: string;
  /** 0 picks a free port (logged at start). */
  readonly port: number;
  /** Prometheus /metrics; null disables it. */
  readonly metricsPort: number | null;
  readonly workers: number;
  /** Requests waiting for a worker beyond which calls fail with RESOURCE_EXHAUSTED. */
  readonly maxQueue: number;
  /** Largest script accepted, in UTF-8 bytes. */
  readonly maxSqlBytes: number;
  /** Largest request message, in bytes (gRPC receive limit). */
  readonly maxMessageBytes: number;
  /** Time one validation may run in a worker before it is stopped. */
  readonly cpuBudgetMs: number;
  /** Registered catalogs kept (least recently used are evicted). */
  readonly maxCatalogs: number;
  readonly tls: TlsConfig | null;
  /** Catalog files (.sql DDL, or .json in the proto's Catalog JSON form) preloaded at start. */
  readonly catalogFiles: readonly string[];
  readonly defaultProfile: string;
  /** How long in-flight calls may take to finish after SIGTERM before the server forces its exit. */
  readonly shutdownGraceMs: number;
  /** Wait after turning NOT_SERVING before refusing new calls, so load balancers notice first. */
  readonly shutdownDelayMs: number;
  readonly logLevel: string;
  /**
   * Test-only: FLINKCHECK_TEST_HOOKS=1 lets a script containing `flinkcheck-test:crash` end its
   * worker thread, `flinkcheck-test:spin` loop forever (to test crash recovery, deadlines and
   * budgets), SIGUSR2 terminate the thread of a random running validation (soak tests kill
   * workers under other requests), and SIGHUP collect garbage in every thread (under node
   * --expose-gc). Never set it in production.
   */
  readonly testHooks: boolean;
}

export interface TlsConfig {
  readonly certFile: string;
  readonly keyFile: string;
  /** With a client CA the server requires and verifies client certificates (mTLS). */
  readonly clientCaFile: string | null;
}

export class ConfigError extends Error {}

const OPTIONS = {
  host: { type: 'string', env: 'FLINKCHECK_HOST', help: 'address to listen on (default 127.0.0.1; 0.0.0.0 in containers)' },
  port: { type: 'string', env: 'FLINKCHECK_PORT', help: 'gRPC port (default 50051; 0 = any free port)' },
  'metrics-port': { type: 'string', env: 'FLINKCHECK_METRICS_PORT', help: 'Prometheus /metrics port (default 9464; "off" disables)' },
  workers: { type: 'string', env: 'FLINKCHECK_WORKERS', help: 'worker threads (default: available CPUs)' },
  'max-queue': { type: 'string', env: 'FLINKCHECK_MAX_QUEUE', help: 'queued requests before RESOURCE_EXHAUSTED (default workers x 64)' },
  'max-sql-bytes': { type: 'string', env: 'FLINKCHECK_MAX_SQL_BYTES', help: 'largest script in bytes (default 1048576)' },
  'max-message-bytes': { type: 'string', env: 'FLINKCHECK_MAX_MESSAGE_BYTES', help: 'largest request message (default 16777216)' },
  'cpu-budget-ms': { type: 'string', env: 'FLINKCHECK_CPU_BUDGET_MS', help: 'time one validation may run (default 5000)' },
  'max-catalogs': { type: 'string', env: 'FLINKCHECK_MAX_CATALOGS', help: 'registered catalogs kept (default 256)' },
  'tls-cert': { type: 'string', env: 'FLINKCHECK_TLS_CERT', help: 'PEM certificate chain; enables TLS' },
  'tls-key': { type: 'string', env: 'FLINKCHECK_TLS_KEY', help: 'PEM private key' },
  'tls-client-ca': { type: 'string', env: 'FLINKCHECK_TLS_CLIENT_CA', help: 'PEM CA for client certificates; enables mTLS' },
  catalog: { type: 'string', multiple: true, env: 'FLINKCHECK_CATALOGS', help: 'catalog file to preload (repeatable; env: comma-separated)' },
  profile: { type: 'string', env: 'FLINKCHECK_PROFILE', help: 'default guardrail profile (default recommended)' },
  'shutdown-grace-ms': { type: 'string', env: 'FLINKCHECK_SHUTDOWN_GRACE_MS', help: 'drain time after SIGTERM (default 10000)' },
  'shutdown-delay-ms': { type: 'string', env: 'FLINKCHECK_SHUTDOWN_DELAY_MS', help: 'NOT_SERVING before draining (default 0)' },
  'log-level': { type: 'string', env: 'FLINKCHECK_LOG_LEVEL', help: 'pino level (default info)' },
  help: { type: 'boolean', short: 'h', help: 'print this help' },
} as const;

export function usage(): string {
  const lines = Object.entries(OPTIONS).map(([name, o]) => {
    const flag = `--${name}`.padEnd(22);
    const env = 'env' in o ? `  [${o.env}]` : '';
    return `  ${flag}${o.help}${env}`;
  });
  return `Usage: flinkcheck-server [options]\n\n${lines.join('\n')}\n`;
}

export function parseConfig(argv: readonly string[], env: NodeJS.ProcessEnv): ServerConfig | 'help' {
  let values: Record<string, string | string[] | boolean | undefined>;
  try {
    const options = Object.fromEntries(Object.entries(OPTIONS).map(([k, o]) => [k, { type: o.type, multiple: 'multiple' in o, ...('short' in o ? { short: o.short } : {}) }]));
    values = parseArgs({ args: [...argv], options: options as never, strict: true, allowPositionals: false }).values as typeof values;
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  if (values.help === true) return 'help';
  const get = (name: keyof typeof OPTIONS): string | undefined => {
    const flag = values[name];
    if (typeof flag === 'string') return flag;
    const o = OPTIONS[name];
    return 'env' in o ? nonEmpty(env[o.env]) : undefined;
  };
  const int = (name: keyof typeof OPTIONS, fallback: number, min: number): number => {
    const text = get(name);
    if (text === undefined) return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < min) throw new ConfigError(`--${name} must be an integer >= ${min}, got '${text}'`);
    return value;
  };

  const workers = int('workers', Math.max(1, availableParallelism()), 1);
  const metricsText = get('metrics-port');
  const metricsPort = metricsText === 'off' ? null : int('metrics-port', 9464, 0);
  const cert = get('tls-cert');
  const key = get('tls-key');
  const clientCa = get('tls-client-ca');
  if ((cert === undefined) !== (key === undefined)) throw new ConfigError('--tls-cert and --tls-key must be given together');
  if (clientCa !== undefined && cert === undefined) throw new ConfigError('--tls-client-ca needs --tls-cert and --tls-key');
  const catalogFlags = values.catalog;
  const catalogFiles = Array.isArray(catalogFlags) && catalogFlags.length > 0
    ? catalogFlags
    : (nonEmpty(env.FLINKCHECK_CATALOGS)?.split(',').map((s) => s.trim()).filter((s) => s !== '') ?? []);

  return {
    host: get('host') ?? '127.0.0.1',
    port: int('port', 50051, 0),
    metricsPort,
    workers,
    maxQueue: int('max-queue', workers * 64, 0),
    maxSqlBytes: int('max-sql-bytes', 1_048_576, 1),
    maxMessageBytes: int('max-message-bytes', 16 * 1_048_576, 1024),
    cpuBudgetMs: int('cpu-budget-ms', 5_000, 1),
    maxCatalogs: int('max-catalogs', 256, 1),
    tls: cert !== undefined && key !== undefined ? { certFile: cert, keyFile: key, clientCaFile: clientCa ?? null } : null,
    catalogFiles,
    defaultProfile: get('profile') ?? 'recommended',
    shutdownGraceMs: int('shutdown-grace-ms', 10_000, 0),
    shutdownDelayMs: int('shutdown-delay-ms', 0, 0),
    logLevel: get('log-level') ?? 'info',
    testHooks: env.FLINKCHECK_TEST_HOOKS === '1',
  };
}

function nonEmpty(text: string | undefined): string | undefined {
  return text === undefined || text === '' ? undefined : text;
}
