#!/usr/bin/env node
/**
 * `flinkcheck-server`: the gRPC service. Configuration by flags and FLINKCHECK_* variables
 * (`flinkcheck-server --help`); JSON logs on stdout; SIGTERM/SIGINT drain and exit.
 */
import { pino } from 'pino';
import { ConfigError, parseConfig, usage, type ServerConfig } from './config.js';
import { startServer } from './server.js';

async function main(): Promise<void> {
  let config: ServerConfig | 'help';
  try {
    config = parseConfig(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`flinkcheck-server: ${error.message}\n\n${usage()}`);
    process.exit(2);
  }
  if (config === 'help') {
    process.stdout.write(usage());
    return;
  }
  // One log line per request: written asynchronously and in batches of up to 8 KiB (flushed at
  // least every 250 ms), so that logging does not cost a write() per request on the event loop.
  const destination = pino.destination({ dest: 1, sync: false, minLength: 8192 });
  setInterval(() => destination.flush(), 250).unref();
  const logger = pino({ level: config.logLevel, base: { service: 'flinkcheck' } }, destination);
  const server = await startServer(config, logger);
  logger.info({
    host: config.host, port: server.port, metrics_port: server.metricsPort, workers: config.workers,
    tls: config.tls === null ? 'off' : config.tls.clientCaFile === null ? 'tls' : 'mtls',
  }, 'listening');
  destination.flush();

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      destination.flushSync();
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'signal received');
    server.shutdown().then(
      () => {
        destination.flushSync();
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        destination.flushSync();
        process.exit(1);
      },
    );
  };
  if (server.testHooks !== null) {
    // Soak tests (tools/soak) kill workers while they serve other requests; see ServerConfig.testHooks.
    const hooks = server.testHooks;
    process.on('SIGUSR2', () => logger.warn({ thread: hooks.killBusyWorker() }, 'test hook: SIGUSR2 terminated a busy worker'));
    // Garbage collection in every thread (with node --expose-gc), before the soak reads RSS.
    process.on('SIGHUP', () => {
      hooks.collectGarbage().then(
        (heaps) => logger.warn({ rss: process.memoryUsage.rss(), main_heap_used: heaps.mainHeapUsed, worker_heap_used: heaps.workerHeapUsed }, 'test hook: SIGHUP collected garbage'),
        (error: unknown) => logger.error({ err: error }, 'test hook: SIGHUP garbage collection failed'),
      );
    });
  }
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`flinkcheck-server: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
