import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { protoPath as healthProtoPath } from 'grpc-health-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeStatusDetails } from '../../src/server/rich-error.js';
import { fetchMetrics, ROOT, sample, startProcess, waitForLog, type RunningProcess } from './harness.js';

// End to end with an independent client: `buf curl` (Go, from @bufbuild/buf) against the real
// server process, finding the service through server reflection.

const exec = promisify(execFile);
const require = createRequire(import.meta.url);
const BUF = join(require.resolve('@bufbuild/buf/package.json'), '..', 'bin', 'buf');

interface CurlResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function bufCurl(args: readonly string[]): Promise<CurlResult> {
  try {
    const { stdout, stderr } = await exec(BUF, ['curl', '--protocol', 'grpc', '--http2-prior-knowledge', ...args], { cwd: ROOT, timeout: 20_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function url(server: RunningProcess, method: string): string {
  return `http://${server.address}/${method}`;
}

describe('buf curl against the server', () => {
  let server: RunningProcess;
  beforeAll(async () => {
    server = await startProcess(['--workers', '2', '--catalog', 'deploy/default-catalog.sql']);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('answers the standard health check', async () => {
    const all = await bufCurl(['--schema', healthProtoPath, '-d', '{}', url(server, 'grpc.health.v1.Health/Check')]);
    expect(all.code).toBe(0);
    expect(JSON.parse(all.stdout)).toEqual({ status: 'SERVING' });
    const service = await bufCurl(['--schema', healthProtoPath, '-d', '{"service":"flinkcheck.v1.ValidationService"}', url(server, 'grpc.health.v1.Health/Check')]);
    expect(JSON.parse(service.stdout)).toEqual({ status: 'SERVING' });
    const unknown = await bufCurl(['--schema', healthProtoPath, '-d', '{"service":"no.such.Service"}', url(server, 'grpc.health.v1.Health/Check')]);
    expect(unknown.code).toBe(5 << 3); // NOT_FOUND
  });

  it('has a container health probe that exits 0 only when the server is SERVING', async () => {
    const probe = join(ROOT, 'dist/src/server/health-probe.js');
    const ok = await exec(process.execPath, [probe], { env: { ...process.env, FLINKCHECK_PORT: String(server.port) } });
    expect(ok.stdout).toBe('SERVING\n');
    const closed = await exec(process.execPath, [probe], { env: { ...process.env, FLINKCHECK_PORT: '1', FLINKCHECK_PROBE_TIMEOUT_MS: '500' } }).catch((e: { code: number }) => e);
    expect((closed as { code: number }).code).toBe(1);
  });

  it('lists the service and its methods through reflection', async () => {
    const services = await bufCurl(['--list-services', `http://${server.address}`]);
    expect(services.code).toBe(0);
    expect(services.stdout.trim().split('\n')).toContain('flinkcheck.v1.ValidationService');
    const methods = await bufCurl(['--list-methods', `http://${server.address}`]);
    expect(methods.stdout.trim().split('\n').sort()).toEqual([
      'flinkcheck.v1.ValidationService/ListRules',
      'flinkcheck.v1.ValidationService/RegisterCatalog',
      'flinkcheck.v1.ValidationService/ValidateScript',
      'flinkcheck.v1.ValidationService/ValidateStream',
    ]);
  });

  it('validates a good script: no diagnostics, one entry per statement', async () => {
    // The server's catalog already has the example's tables: the script declares its own, as temporary tables that shadow them.
    const sql = readFileSync(join(ROOT, 'examples/clicks_per_minute.sql'), 'utf8').replaceAll('CREATE TABLE', 'CREATE TEMPORARY TABLE');
    const r = await bufCurl(['-d', JSON.stringify({ sql }), url(server, 'flinkcheck.v1.ValidationService/ValidateScript')]);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout) as { diagnostics?: unknown[]; statements: { kind: string; range: { start: { line: number } } }[]; errorCount?: number };
    expect(body.diagnostics ?? []).toEqual([]);
    expect(body.errorCount ?? 0).toBe(0);
    expect(body.statements.map((s) => s.kind)).toEqual(['CREATE TABLE', 'CREATE TABLE', 'INSERT']);
    expect(body.statements.map((s) => s.range.start.line)).toEqual([5, 21, 33]);
  });

  it('answers bad SQL with OK and diagnostics at 1-based UTF-16 positions', async () => {
    // Each emoji takes two UTF-16 units (one code point, as ANTLR counts): FORM starts at column 18 of line 2.
    const sql = "-- 😀\nSELECT '😀' AS e FORM clicks";
    const r = await bufCurl(['-d', JSON.stringify({ sql }), url(server, 'flinkcheck.v1.ValidationService/ValidateScript')]);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout) as { diagnostics: { code: string; severity: string; category: string; range: { start: { line: number; column: number; offset: number } } }[]; errorCount: number };
    expect(body.errorCount).toBeGreaterThan(0);
    const first = body.diagnostics[0]!;
    expect(first.severity).toBe('SEVERITY_ERROR');
    expect(first.category).toBe('CATEGORY_SYNTAX');
    expect(first.code).toBe('FSQL1015');
    expect(first.range.start).toEqual({ line: 2, column: 18, offset: sql.indexOf('FORM') });
  });

  it('refuses a malformed request with INVALID_ARGUMENT and BadRequest field violations', async () => {
    const request = {
      sql: 'SELECT a FROM t',
      catalogs: [{ structured: { tables: [{ name: 't', columns: [{ name: 'a', type: 'DECIMA(10, 2)' }, { name: 'b', type: 'INT' }], primaryKey: ['c'] }] } }],
    };
    const r = await bufCurl(['-d', JSON.stringify(request), url(server, 'flinkcheck.v1.ValidationService/ValidateScript')]);
    expect(r.code).toBe(3 << 3); // buf curl exits with the gRPC code shifted left by 3
    const status = JSON.parse(r.stderr) as { code: string; message: string; details: { type: string; value: string }[] };
    expect(status.code).toBe('invalid_argument');
    const badRequest = status.details.find((d) => d.type === 'google.rpc.BadRequest');
    expect(badRequest).toBeDefined();
    // buf curl cannot resolve the detail type by reflection, so it prints the bytes: decode them.
    const bytes = Buffer.from(badRequest!.value, 'base64');
    const decoded = decodeStatusDetails(wrapInStatus(bytes));
    expect(decoded.details[0]!.value).toMatchObject({
      fieldViolations: [
        { field: 'catalogs[0].structured.tables[0].columns[0].type', description: expect.stringContaining('`DECIMA(10, 2)` is not a Flink SQL type') },
        { field: 'catalogs[0].structured.tables[0].primary_key[0]', description: '`c` is not a column of this table' },
      ],
    });
  });

  it('exposes go-grpc-prometheus metrics, pool state, diagnostics by code and statements by kind', async () => {
    const metrics = await fetchMetrics(server.metricsPort);
    const validate = { grpc_type: 'unary', grpc_service: 'flinkcheck.v1.ValidationService', grpc_method: 'ValidateScript' };
    expect(sample(metrics, 'grpc_server_started_total', validate)).toBe(3);
    expect(sample(metrics, 'grpc_server_handled_total', { ...validate, grpc_code: 'OK' })).toBe(2);
    expect(sample(metrics, 'grpc_server_handled_total', { ...validate, grpc_code: 'InvalidArgument' })).toBe(1);
    expect(sample(metrics, 'grpc_server_handling_seconds_count', validate)).toBe(3);
    expect(sample(metrics, 'grpc_server_handled_total', { grpc_service: 'grpc.health.v1.Health', grpc_method: 'Check', grpc_code: 'NotFound' })).toBe(1);
    expect(sample(metrics, 'flinkcheck_diagnostics_total', { code: 'FSQL1015', severity: 'error' })).toBe(1);
    expect(sample(metrics, 'flinkcheck_statements_total', { kind: 'CREATE TABLE' })).toBe(2);
    expect(sample(metrics, 'flinkcheck_statements_total', { kind: 'INSERT' })).toBe(1);
    expect(sample(metrics, 'flinkcheck_pool_workers')).toBe(2);
    expect(metrics).toMatch(/^flinkcheck_pool_queue_size 0$/m);
    expect(metrics).toMatch(/^flinkcheck_pool_utilization_ratio /m);
    expect(metrics).toMatch(/^process_resident_memory_bytes /m);
  });

  it('logs one JSON line per request with a request id, a hash and a length, never the SQL', async () => {
    const done = await waitForLog(server, (l) => l.method === 'ValidateScript', 3);
    expect(done).toHaveLength(3);
    for (const line of done) {
      expect(line.req_id).toMatch(/^[0-9a-f-]{36}$/);
      expect(line.sql_sha256).toMatch(/^[0-9a-f]{16}$/);
      expect(typeof line.sql_length).toBe('number');
    }
    const text = JSON.stringify(server.logs);
    expect(text).not.toContain('FORM clicks');
    expect(text).not.toContain('clicks_per_minute');
    expect(text).not.toContain('SELECT');
  });
});

/** A google.rpc.Status holding one Any(BadRequest), so the shared decoder can read the detail. */
function wrapInStatus(badRequest: Buffer): Buffer {
  const typeUrl = Buffer.from('type.googleapis.com/google.rpc.BadRequest');
  const any = Buffer.concat([Buffer.from([0x0a, typeUrl.length]), typeUrl, Buffer.from([0x12]), varint(badRequest.length), badRequest]);
  return Buffer.concat([Buffer.from([0x08, 3, 0x1a]), varint(any.length), any]);
}

function varint(n: number): Buffer {
  const bytes: number[] = [];
  while (n > 127) {
    bytes.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  bytes.push(n);
  return Buffer.from(bytes);
}
