#!/usr/bin/env node
/**
 * A container health check: calls grpc.health.v1.Health/Check on the local server with a deadline
 * and exits 0 when it answers SERVING, 1 otherwise (Docker HEALTHCHECK; Kubernetes uses its own
 * gRPC probes). Port from FLINKCHECK_PORT (default 50051). When the server uses TLS, set
 * FLINKCHECK_PROBE_CA (the CA of the server's certificate) and, for mTLS, FLINKCHECK_PROBE_CERT and
 * FLINKCHECK_PROBE_KEY.
 */
import { readFileSync } from 'node:fs';
import { credentials, loadPackageDefinition, type ChannelCredentials, type GrpcObject, type ServiceClientConstructor } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { protoPath } from 'grpc-health-check';

const env = process.env;
const port = env.FLINKCHECK_PORT ?? '50051';
const deadlineMs = Number(env.FLINKCHECK_PROBE_TIMEOUT_MS ?? 2_000);

function credentialsOf(): ChannelCredentials {
  if (env.FLINKCHECK_PROBE_CA === undefined || env.FLINKCHECK_PROBE_CA === '') return credentials.createInsecure();
  const read = (file: string | undefined): Buffer | null => (file === undefined || file === '' ? null : readFileSync(file));
  return credentials.createSsl(read(env.FLINKCHECK_PROBE_CA), read(env.FLINKCHECK_PROBE_KEY), read(env.FLINKCHECK_PROBE_CERT));
}

const pkg = loadPackageDefinition(loadSync(protoPath, { keepCase: true, enums: String })) as unknown as { grpc: { health: { v1: GrpcObject } } };
const Health = pkg.grpc.health.v1.Health as ServiceClientConstructor;
const client = new Health(`127.0.0.1:${port}`, credentialsOf()) as unknown as {
  Check(req: object, opts: object, cb: (e: Error | null, r?: { status: string }) => void): void;
  close(): void;
};
client.Check({ service: env.FLINKCHECK_PROBE_SERVICE ?? '' }, { deadline: Date.now() + deadlineMs }, (error, response) => {
  client.close();
  const status = error ? `error: ${error.message}` : response!.status;
  process.stdout.write(`${status}\n`);
  process.exit(status === 'SERVING' ? 0 : 1);
});
