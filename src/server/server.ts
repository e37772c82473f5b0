import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPackageDefinition, Server, ServerCredentials, type GrpcObject, type ServiceClientConstructor } from '@grpc/grpc-js';
import { loadSync, type Options as ProtoLoaderOptions, type PackageDefinition } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { HealthImplementation } from 'grpc-health-check';
import type { Logger } from 'pino';
import protobuf from 'protobufjs';
import type { CatalogEntries } from '../analysis/catalog/model.js';
import { CatalogCache, catalogIdOf } from './catalog-registry.js';
import type { ServerConfig } from './config.js';
import { ServerMetrics } from './metrics.js';
import { PROTO_ROOT, SERVICE_PROTO } from './paths.js';
import { WorkPool } from './pool.js';
import { builtInRuleCatalog, findProfile, profileList, type RuleCatalog } from './rules.js';
import { createValidationService } from './service.js';
import type { WireCatalog } from './wire.js';

export const SERVICE_NAME = 'flinkcheck.v1.ValidationService';

/** How the service's messages appear in JavaScript: proto field names, enum names, oneof names. */
export const PROTO_LOADER_OPTIONS: ProtoLoaderOptions = {
  keepCase: true,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
  includeDirs: [PROTO_ROOT],
};

export function loadServiceDefinition(): PackageDefinition {
  return loadSync(SERVICE_PROTO, PROTO_LOADER_OPTIONS);
}

/** The grpc-js client constructor for ValidationService (tests, health probe, bench). */
export function validationServiceClient(): ServiceClientConstructor {
  const pkg = loadPackageDefinition(loadServiceDefinition()) as unknown as { flinkcheck: { v1: GrpcObject } };
  return pkg.flinkcheck.v1.ValidationService as ServiceClientConstructor;
}

export interface RunningServer {
  readonly port: number;
  readonly metricsPort: number | null;
  /** Turns NOT_SERVING, lets in-flight calls finish (forcing after the grace period), stops the workers. */
  shutdown(): Promise<void>;
  /** Fault injection for soak tests; null unless FLINKCHECK_TEST_HOOKS=1 (ServerConfig.testHooks). */
  readonly testHooks: { killBusyWorker(): number | null; collectGarbage(): Promise<{ mainHeapUsed: number; workerHeapUsed: number[] }> } | null;
}

export async function startServer(config: ServerConfig, logger: Logger, rules: RuleCatalog = builtInRuleCatalog()): Promise<RunningServer> {
  if (findProfile(rules, config.defaultProfile) === undefined) {
    throw new Error(`unknown default profile '${config.defaultProfile}'; known profiles: ${profileList(rules)}`);
  }
  const packageDefinition = loadServiceDefinition();
  const pool = new WorkPool({
    filename: fileURLToPath(new URL('./worker.js', import.meta.url)),
    workers: config.workers,
    maxQueue: config.maxQueue,
    cpuBudgetMs: config.cpuBudgetMs,
  });
  const registered = new CatalogCache(config.maxCatalogs);
  const metrics = new ServerMetrics(pool, () => registered.size);

  const baseCatalogs = await preloadCatalogs(config.catalogFiles, pool, registered, logger);

  const server = new Server({
    'grpc.max_receive_message_length': config.maxMessageBytes,
    'grpc.keepalive_time_ms': 60_000,
    'grpc.keepalive_timeout_ms': 20_000,
    'grpc.keepalive_permit_without_calls': 1,
    interceptors: [metrics.interceptor],
  });
  const services = loadPackageDefinition(packageDefinition) as unknown as { flinkcheck: { v1: Record<string, ServiceClientConstructor> } };
  server.addService(services.flinkcheck.v1.ValidationService!.service, createValidationService({
    config, pool, metrics, logger, rules, registered, baseCatalogs,
  }));
  const health = new HealthImplementation({ '': 'SERVING', [SERVICE_NAME]: 'SERVING' });
  health.addToServer(server);
  // Reflection lists ValidationService only: health.proto's List response has a map field, whose
  // descriptor as protobufjs emits it makes Go clients (buf curl, grpcurl) reject the whole answer.
  new ReflectionService(packageDefinition).addToServer(server);

  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${config.host}:${config.port}`, credentialsOf(config), (error, bound) => (error ? reject(error) : resolve(bound)));
  });

  let metricsServer: HttpServer | null = null;
  let metricsPort: number | null = null;
  if (config.metricsPort !== null) {
    metricsServer = createHttpServer((req, res) => {
      if (req.method === 'GET' && req.url?.split('?')[0] === '/metrics') {
        metrics.registry.metrics().then(
          (text) => res.writeHead(200, { 'Content-Type': metrics.registry.contentType }).end(text),
          (error: unknown) => res.writeHead(500).end(String(error)),
        );
      } else {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found; metrics are at /metrics\n');
      }
    });
    const http = metricsServer;
    metricsPort = await new Promise<number>((resolve, reject) => {
      http.once('error', reject);
      http.listen(config.metricsPort!, config.host, () => resolve((http.address() as AddressInfo).port));
    });
  }

  let shutdownPromise: Promise<void> | null = null;
  const shutdown = (): Promise<void> => {
    shutdownPromise ??= (async () => {
      health.setStatus('', 'NOT_SERVING');
      health.setStatus(SERVICE_NAME, 'NOT_SERVING');
      logger.info({ delay_ms: config.shutdownDelayMs, grace_ms: config.shutdownGraceMs, in_flight: pool.activeTasks + pool.queueSize }, 'shutting down: NOT_SERVING');
      if (config.shutdownDelayMs > 0) await sleep(config.shutdownDelayMs);
      // From here grpc-js refuses new calls (GOAWAY; clients go to other replicas); every call it
      // already accepted runs to its end.
      logger.info({ in_flight: pool.activeTasks + pool.queueSize }, 'draining: new calls are refused, calls in flight finish');
      const forced = await new Promise<boolean>((resolve) => {
        // Open health Watch streams (and editor sessions) never end by themselves: force after the grace period.
        const timer = setTimeout(() => {
          server.forceShutdown();
          resolve(true);
        }, config.shutdownGraceMs);
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve(false);
        });
      });
      await pool.close();
      if (metricsServer !== null) await new Promise<void>((resolve) => metricsServer!.close(() => resolve()));
      logger.info({ forced }, forced ? 'stopped after the grace period; remaining calls were cancelled' : 'stopped; all calls completed');
    })();
    return shutdownPromise;
  };

  const gc = (globalThis as { gc?: () => void }).gc;
  const testHooks = config.testHooks
    ? {
      killBusyWorker: () => pool.killBusyWorker(),
      collectGarbage: async () => {
        const workerHeapUsed = await pool.collectGarbage();
        gc?.();
        return { mainHeapUsed: process.memoryUsage().heapUsed, workerHeapUsed };
      },
    }
    : null;
  return { port, metricsPort, shutdown, testHooks };
}

function credentialsOf(config: ServerConfig): ServerCredentials {
  if (config.tls === null) return ServerCredentials.createInsecure();
  const { certFile, keyFile, clientCaFile } = config.tls;
  const ca = clientCaFile === null ? null : readFileSync(clientCaFile);
  return ServerCredentials.createSsl(ca, [{ cert_chain: readFileSync(certFile), private_key: readFileSync(keyFile) }], ca !== null);
}

/**
 * Loads the catalog files named in the configuration: `.sql` files are DDL, `.json` files hold a
 * Catalog message in its proto JSON form. Each is registered under its content id (logged) and
 * together they form the catalog of requests that name none. A broken file stops the start.
 */
async function preloadCatalogs(files: readonly string[], pool: WorkPool, registered: CatalogCache, logger: Logger): Promise<CatalogEntries[]> {
  const result: CatalogEntries[] = [];
  for (const file of files) {
    const catalogs = [readCatalogFile(file)];
    const converted = await pool.run({ kind: 'catalog', catalogs, path: file });
    if (converted.kind !== 'catalog') throw new Error('unexpected worker answer');
    if (!converted.conversion.ok) {
      const problems = converted.conversion.violations.map((v) => `${v.field}: ${v.description}`).join('; ');
      throw new Error(`catalog file ${file}: ${problems}`);
    }
    const id = catalogIdOf(catalogs);
    registered.set(id, converted.conversion.entries);
    result.push(converted.conversion.entries);
    logger.info({ file, catalog_id: id, tables: converted.conversion.entries.tables.length, views: converted.conversion.entries.views.length }, 'catalog preloaded');
  }
  return result;
}

let catalogType: protobuf.Type | null = null;

function readCatalogFile(file: string): WireCatalog {
  const text = readFileSync(file, 'utf8');
  if (extname(file).toLowerCase() !== '.json') return { source: 'ddl', ddl: text };
  if (catalogType === null) {
    const root = new protobuf.Root();
    root.resolvePath = (_origin, target) => `${PROTO_ROOT}/${target}`;
    root.loadSync(SERVICE_PROTO, { keepCase: true });
    catalogType = root.lookupType('flinkcheck.v1.Catalog');
  }
  // Proto3 JSON allows lowerCamelCase and the proto's own field names; the Catalog message has no
  // user-named keys, so every key can be brought to the proto's snake_case.
  const message = catalogType.fromObject(snakeKeys(JSON.parse(text)) as object);
  return catalogType.toObject(message, { defaults: true, enums: String, longs: Number, oneofs: true }) as WireCatalog;
}

function snakeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), snakeKeys(v)]));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
