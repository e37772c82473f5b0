import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Metadata, status as Status, type ClientDuplexStream } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../src/rules/index.js';
import {
  fetchMetrics,
  healthClient,
  sample,
  startProcess,
  statusDetails,
  unary,
  validationClient,
  type RunningProcess,
  type ValidationClient,
} from './harness.js';

// grpc-js clients against the real server process. FLINKCHECK_TEST_HOOKS=1 lets a script stop its
// worker (`flinkcheck-test:crash`) or loop forever in it (`flinkcheck-test:spin`); see ServerConfig.

const HOOKS = { FLINKCHECK_TEST_HOOKS: '1' };
const SPIN = 'SELECT 1 -- flinkcheck-test:spin';
const CRASH = 'SELECT 1 -- flinkcheck-test:crash';
const GOOD = 'SELECT user_id, COUNT(*) AS n FROM clicks GROUP BY user_id';
const CLICKS_DDL = "CREATE TABLE clicks (user_id BIGINT, url STRING) WITH ('connector' = 'datagen')";

interface Script {
  readonly diagnostics: { code: string; severity?: string }[];
  readonly statements: { kind: string }[];
}

interface StreamAnswer {
  readonly document_id: string;
  readonly version: number;
  readonly outcome: 'result' | 'error';
  readonly result?: Script;
  readonly error?: { code: number; message: string; field_violations: { field: string }[] };
}

describe('ValidateStream', () => {
  let server: RunningProcess;
  let client: ValidationClient;
  beforeAll(async () => {
    // One worker and a short budget: a spinning version holds the only worker for 1.5 s.
    server = await startProcess(['--workers', '1', '--cpu-budget-ms', '1500'], HOOKS);
    client = validationClient(server.address);
  });
  afterAll(async () => {
    client?.close();
    await server?.stop();
  });

  function open(): { stream: ClientDuplexStream<object, StreamAnswer>; answers: StreamAnswer[]; done: Promise<void> } {
    const stream = (client.ValidateStream as unknown as () => ClientDuplexStream<object, StreamAnswer>).call(client);
    const answers: StreamAnswer[] = [];
    stream.on('data', (a: StreamAnswer) => answers.push(a));
    const done = new Promise<void>((resolve, reject) => {
      stream.on('end', resolve);
      stream.on('error', reject);
    });
    return { stream, answers, done };
  }

  it('answers only the newest version: queued and running superseded versions are dropped', async () => {
    const before = await fetchMetrics(server.metricsPort);
    const { stream, answers, done } = open();
    // v1 runs (and spins) on the only worker; v2 and v3 queue behind it; v4 supersedes them all.
    stream.write({ document_id: 'a', version: 1, sql: SPIN });
    await new Promise((r) => setTimeout(r, 200));
    stream.write({ document_id: 'a', version: 2, sql: 'SELECT 2' });
    stream.write({ document_id: 'a', version: 3, sql: 'SELECT 3' });
    stream.write({ document_id: 'a', version: 4, sql: 'SELECT x FORM t' });
    // An old version arriving late is ignored.
    stream.write({ document_id: 'a', version: 2, sql: 'SELECT 2' });
    stream.end();
    await done;
    expect(answers.map((a) => [a.document_id, a.version, a.outcome])).toEqual([['a', 4, 'result']]);
    expect(answers[0]!.result!.diagnostics.map((d) => d.code)).toContain('FSQL1015');
    const after = await fetchMetrics(server.metricsPort);
    const delta = (outcome: string): number => sample(after, 'flinkcheck_stream_versions_total', { outcome }) - sample(before, 'flinkcheck_stream_versions_total', { outcome });
    expect(delta('superseded')).toBe(3);
    expect(delta('stale')).toBe(1);
    expect(delta('answered')).toBe(1);
  });

  it('does not answer an older version after a newer one whose edits could not be applied', async () => {
    const { stream, answers, done } = open();
    // v1 holds the only worker until its budget ends it; v2's edit lies outside the document.
    stream.write({ document_id: 'e', version: 1, sql: SPIN });
    await new Promise((r) => setTimeout(r, 200));
    stream.write({ document_id: 'e', version: 2, changes: { changes: [{ start_offset: 500, end_offset: 501, text: 'x' }] } });
    stream.end();
    await done;
    expect(answers.map((a) => [a.version, a.outcome, a.error?.code])).toEqual([[2, 'error', Status.INVALID_ARGUMENT]]);
  });

  it('applies incremental edits to the previous text and keeps documents apart', async () => {
    const { stream, answers, done } = open();
    stream.write({ document_id: 'x', version: 1, sql: 'SELECT a FROM (VALUES (1)) AS t (a)' });
    stream.write({ document_id: 'y', version: 7, sql: 'SELECT 1' });
    // Wait for version 1's answer: a version sent while it is still queued would supersede it.
    for (let waited = 0; !answers.some((a) => a.document_id === 'x' && a.version === 1) && waited < 20_000; waited += 50) {
      await new Promise((r) => setTimeout(r, 50));
    }
    // 'FROM' (offsets 9..13) becomes 'FORM'.
    stream.write({ document_id: 'x', version: 2, changes: { changes: [{ start_offset: 9, end_offset: 13, text: 'FORM' }] } });
    await new Promise((r) => setTimeout(r, 300));
    stream.write({ document_id: 'z', version: 1, changes: { changes: [] } });
    stream.end();
    await done;
    const byKey = new Map(answers.map((a) => [`${a.document_id}@${a.version}`, a]));
    expect(byKey.get('x@1')!.result!.diagnostics.map((d) => d.code)).toEqual([]);
    expect(byKey.get('y@7')!.result!.statements.map((s) => s.kind)).toEqual(['SELECT']);
    expect(byKey.get('x@2')!.result!.diagnostics.map((d) => d.code)).toEqual(['FSQL1015']);
    // A document cannot start with edits: the version fails, the session goes on.
    expect(byKey.get('z@1')!.error).toMatchObject({ code: Status.INVALID_ARGUMENT, field_violations: [{ field: 'changes' }] });
  });

  it('keeps a document\'s rule overrides for later versions, and fails a version with an unknown rule', async () => {
    const { stream, answers, done } = open();
    const sql = `${CLICKS_DDL};\n${GOOD}`;
    stream.write({ document_id: 'r', version: 1, sql, rule_overrides: [{ rule: 'FSQL9003', level: 'RULE_LEVEL_ERROR' }] });
    await new Promise((r) => setTimeout(r, 300));
    stream.write({ document_id: 'r', version: 2, sql: `${sql} ` });
    await new Promise((r) => setTimeout(r, 300));
    stream.write({ document_id: 's', version: 1, sql, rule_overrides: [{ rule: 'FSQL0000', level: 'RULE_LEVEL_OFF' }] });
    stream.end();
    await done;
    const byKey = new Map(answers.map((a) => [`${a.document_id}@${a.version}`, a]));
    for (const key of ['r@1', 'r@2']) {
      expect(byKey.get(key)!.result!.diagnostics.map((d) => [d.code, (d as { severity?: string }).severity])).toEqual([['FSQL9003', 'SEVERITY_ERROR']]);
    }
    expect(byKey.get('s@1')!.error).toMatchObject({ code: Status.INVALID_ARGUMENT, field_violations: [{ field: 'rule_overrides[0].rule' }] });
  });
});

describe('deadlines, cancellation, crashes', () => {
  let server: RunningProcess;
  let client: ValidationClient;
  beforeAll(async () => {
    // A long budget: only a deadline or a cancellation can free a spinning worker quickly.
    server = await startProcess(['--workers', '1', '--cpu-budget-ms', '60000'], HOOKS);
    client = validationClient(server.address);
  });
  afterAll(async () => {
    client?.close();
    await server?.stop();
  });

  it('stops the work of a call whose deadline passed', async () => {
    const spin = await unary<Script>(client, 'ValidateScript', { sql: SPIN }, { deadlineMs: 300 }).promise;
    expect(spin.error?.code).toBe(Status.DEADLINE_EXCEEDED);
    expect(spin.ms).toBeLessThan(1_500);
    // The only worker was spinning: a prompt answer now proves it was stopped and replaced.
    const next = await unary<Script>(client, 'ValidateScript', { sql: GOOD }, { deadlineMs: 5_000 }).promise;
    expect(next.error).toBeUndefined();
    expect(next.response!.statements.map((s) => s.kind)).toEqual(['SELECT']);
  });

  it('stops the work of a cancelled call', async () => {
    const call = unary<Script>(client, 'ValidateScript', { sql: SPIN });
    setTimeout(call.cancel, 200);
    const spin = await call.promise;
    expect(spin.error?.code).toBe(Status.CANCELLED);
    const next = await unary<Script>(client, 'ValidateScript', { sql: GOOD }, { deadlineMs: 5_000 }).promise;
    expect(next.error).toBeUndefined();
  });

  it('fails only the request whose worker crashed, with INTERNAL, and replaces the worker', async () => {
    const [crashed, ...others] = await Promise.all([
      unary<Script>(client, 'ValidateScript', { sql: CRASH }, { deadlineMs: 10_000 }).promise,
      ...Array.from({ length: 5 }, () => unary<Script>(client, 'ValidateScript', { sql: GOOD }, { deadlineMs: 10_000 }).promise),
    ]);
    expect(crashed!.error?.code).toBe(Status.INTERNAL);
    expect(statusDetails(crashed!.error!).details.map((d) => d.type)).toContain('google.rpc.ErrorInfo');
    for (const other of others) expect(other.error).toBeUndefined();
    const metrics = await fetchMetrics(server.metricsPort);
    expect(sample(metrics, 'flinkcheck_pool_failures_total', { reason: 'worker_failed' })).toBe(1);
    expect(sample(metrics, 'grpc_server_handled_total', { grpc_method: 'ValidateScript', grpc_code: 'Internal' })).toBe(1);
    expect(sample(metrics, 'grpc_server_handled_total', { grpc_method: 'ValidateScript', grpc_code: 'DeadlineExceeded' })).toBe(1);
  });

  it('keeps answering health checks while the worker is busy', async () => {
    const spin = unary<Script>(client, 'ValidateScript', { sql: SPIN }, { deadlineMs: 2_000 });
    await new Promise((r) => setTimeout(r, 200));
    const health = healthClient(server.address);
    const started = performance.now();
    const answer = await new Promise<{ status: string }>((resolve, reject) =>
      health.Check({ service: '' }, { deadline: Date.now() + 5_000 }, (e: Error | null, r: { status: string }) => (e ? reject(e) : resolve(r))));
    expect(answer.status).toBe('SERVING');
    // The spin holds the only worker for 2 s; a health answer well before that did not wait for it.
    expect(performance.now() - started).toBeLessThan(1_000);
    health.close();
    expect((await spin.promise).error?.code).toBe(Status.DEADLINE_EXCEEDED);
  });
});

describe('limits', () => {
  let server: RunningProcess;
  let client: ValidationClient;
  beforeAll(async () => {
    server = await startProcess(['--workers', '1', '--max-queue', '2', '--cpu-budget-ms', '800', '--max-sql-bytes', '4096'], HOOKS);
    client = validationClient(server.address);
  });
  afterAll(async () => {
    client?.close();
    await server?.stop();
  });

  it('answers RESOURCE_EXHAUSTED with RetryInfo when the queue is full', async () => {
    const running = unary<Script>(client, 'ValidateScript', { sql: SPIN });
    await new Promise((r) => setTimeout(r, 100));
    const queued = [unary<Script>(client, 'ValidateScript', { sql: GOOD }), unary<Script>(client, 'ValidateScript', { sql: GOOD })];
    await new Promise((r) => setTimeout(r, 100));
    const refused = await unary<Script>(client, 'ValidateScript', { sql: GOOD }).promise;
    expect(refused.error?.code).toBe(Status.RESOURCE_EXHAUSTED);
    // Refused at once, not after waiting for the 800 ms the spinning request holds the worker.
    expect(refused.ms).toBeLessThan(500);
    const details = statusDetails(refused.error!);
    expect(details.code).toBe(Status.RESOURCE_EXHAUSTED);
    const retry = details.details.find((d) => d.type === 'google.rpc.RetryInfo');
    expect(retry?.value).toMatchObject({ retryDelay: { seconds: expect.any(Number), nanos: expect.any(Number) } });
    // The spinning request ends by its CPU budget; the queued ones then run normally.
    const spun = await running.promise;
    expect(spun.error?.code).toBe(Status.RESOURCE_EXHAUSTED);
    expect(statusDetails(spun.error!).details.find((d) => d.type === 'google.rpc.ErrorInfo')?.value).toMatchObject({ reason: 'CPU_BUDGET_EXCEEDED' });
    for (const q of await Promise.all(queued.map((c) => c.promise))) expect(q.error).toBeUndefined();
  });

  it('refuses oversize scripts and unknown catalog ids with BadRequest details, and echoes the request id', async () => {
    const md = new Metadata();
    md.set('x-request-id', 'test-req-42');
    const r = await unary<Script>(client, 'ValidateScript', { sql: `SELECT '${'x'.repeat(5000)}'`, catalog_ids: ['sha256:00'] }, { metadata: md }).promise;
    expect(r.error?.code).toBe(Status.INVALID_ARGUMENT);
    const details = statusDetails(r.error!);
    expect(details.details.find((d) => d.type === 'google.rpc.BadRequest')?.value).toMatchObject({
      fieldViolations: [{ field: 'sql' }, { field: 'catalog_ids[0]' }],
    });
    expect(details.details.find((d) => d.type === 'google.rpc.RequestInfo')?.value).toMatchObject({ requestId: 'test-req-42' });
    expect(details.details.find((d) => d.type === 'google.rpc.ErrorInfo')?.value).toMatchObject({ reason: 'CATALOG_NOT_REGISTERED', domain: 'flinkcheck.v1' });
  });

  it('registers a catalog once and validates against it by id', async () => {
    const catalog = { structured: { tables: [{ name: 'shop.orders', columns: [{ name: 'id', type: 'BIGINT' }, { name: 'ts', type: 'TIMESTAMP(3)' }], watermark: { column: 'ts', expression: "ts - INTERVAL '1' SECOND" }, primary_key: ['id'] }] } };
    const first = await unary<{ catalog_id: string; table_count: number }>(client, 'RegisterCatalog', { catalogs: [catalog] }).promise;
    const second = await unary<{ catalog_id: string }>(client, 'RegisterCatalog', { catalogs: [catalog] }).promise;
    expect(first.response).toMatchObject({ catalog_id: expect.stringMatching(/^sha256:[0-9a-f]{64}$/), table_count: 1 });
    expect(second.response!.catalog_id).toBe(first.response!.catalog_id);
    const r = await unary<Script>(client, 'ValidateScript', { sql: 'SELECT id FROM shop.orders', catalog_ids: [first.response!.catalog_id] }).promise;
    expect(r.error).toBeUndefined();
  });

});

describe('guardrail rules, Avro catalogs and explanations', () => {
  let server: RunningProcess;
  let client: ValidationClient;
  beforeAll(async () => {
    server = await startProcess(['--workers', '1']);
    client = validationClient(server.address);
  });
  afterAll(async () => {
    client?.close();
    await server?.stop();
  });

  const codes = (r: { response?: Script }): string[] => r.response!.diagnostics.map((d) => d.code);

  it('lists the rule registry with each rule\'s level in every profile', async () => {
    interface Listed {
      rules: { name: string; code: string; description: string; category: string; default_severity: string; profiles: string[]; profile_levels: { profile: string; level: string }[] }[];
      profiles: string[];
      default_profile: string;
      profile_details: { name: string; aliases: string[] }[];
    }
    const r = await unary<Listed>(client, 'ListRules', {}).promise;
    const listed = r.response!;
    expect(listed.rules.map((x) => x.code)).toEqual(BUILTIN_RULES.map((x) => x.meta.code));
    expect(listed.profiles).toEqual(['recommended', 'strict', 'conservative', 'permissive']);
    expect(listed.default_profile).toBe('recommended');
    expect(listed.profile_details[0]).toMatchObject({ name: 'recommended', aliases: ['default'] });
    const aggregation = listed.rules.find((x) => x.name === 'unbounded-group-aggregation')!;
    expect(aggregation).toMatchObject({ code: 'FSQL9003', category: 'state', default_severity: 'SEVERITY_WARNING' });
    expect(aggregation.description).not.toBe('');
    expect(aggregation.profiles).not.toContain('permissive');
    expect(aggregation.profile_levels).toEqual([
      { profile: 'recommended', level: 'RULE_LEVEL_WARNING' },
      { profile: 'strict', level: 'RULE_LEVEL_ERROR' },
      { profile: 'conservative', level: 'RULE_LEVEL_WARNING' },
      { profile: 'permissive', level: 'RULE_LEVEL_OFF' },
    ]);
  });

  it('runs the request\'s profile and overrides', async () => {
    const sql = `${CLICKS_DDL};\n${GOOD}`;
    const recommended = await unary<Script & { warning_count: number }>(client, 'ValidateScript', { sql }).promise;
    expect(codes(recommended)).toEqual(['FSQL9003']);
    expect(recommended.response!.warning_count).toBe(1);
    const strict = await unary<Script & { error_count: number }>(client, 'ValidateScript', { sql, profile: 'strict' }).promise;
    expect(strict.response!.diagnostics.filter((d) => d.code === 'FSQL9003').map((d) => d.severity)).toEqual(['SEVERITY_ERROR']);
    expect(strict.response!.error_count).toBeGreaterThan(0);
    const off = await unary<Script>(client, 'ValidateScript', { sql, rule_overrides: [{ rule: 'unbounded-group-aggregation', level: 'RULE_LEVEL_OFF' }] }).promise;
    expect(codes(off)).toEqual([]);
    const byCode = await unary<Script>(client, 'ValidateScript', { sql, profile: 'permissive', rule_overrides: [{ rule: 'fsql9003', level: 'RULE_LEVEL_INFO' }] }).promise;
    expect(byCode.response!.diagnostics.map((d) => [d.code, d.severity])).toEqual([['FSQL9003', 'SEVERITY_INFO']]);
  });

  it('refuses an unknown profile or rule with INVALID_ARGUMENT naming the fields', async () => {
    const r = await unary<Script>(client, 'ValidateScript', { sql: GOOD, profile: 'lax', rule_overrides: [{ rule: 'FSQL9003', level: 'RULE_LEVEL_OFF' }, { rule: 'no-such-rule', level: 'RULE_LEVEL_OFF' }] }).promise;
    expect(r.error?.code).toBe(Status.INVALID_ARGUMENT);
    expect(statusDetails(r.error!).details.find((d) => d.type === 'google.rpc.BadRequest')?.value).toMatchObject({
      fieldViolations: [
        { field: 'profile', description: expect.stringContaining('unknown profile `lax`') },
        { field: 'rule_overrides[1].rule', description: 'no rule is named `no-such-rule` (ListRules lists them)' },
      ],
    });
  });

  it('validates against an Avro catalog', async () => {
    const avro = { table_name: 'clicks', schema: JSON.stringify({ type: 'record', name: 'Click', fields: [{ name: 'uid', type: 'long' }, { name: 'url', type: 'string' }] }), options: [{ key: 'connector', value: 'kafka' }] };
    const good = await unary<Script & { statements: { output_columns: { name: string; type: string }[] }[] }>(client, 'ValidateScript', { sql: 'SELECT uid, url FROM clicks', catalogs: [{ avro }] }).promise;
    expect(codes(good)).toEqual([]);
    expect(good.response!.statements[0]!.output_columns.map((c) => [c.name, c.type])).toEqual([['uid', 'BIGINT NOT NULL'], ['url', 'STRING NOT NULL']]);
    const bad = await unary<Script>(client, 'ValidateScript', { sql: 'SELECT user_id FROM clicks', catalogs: [{ avro }] }).promise;
    expect(codes(bad)).toEqual(['FSQL2002']);
    const broken = await unary<Script>(client, 'ValidateScript', { sql: 'SELECT 1', catalogs: [{ avro: { ...avro, schema: '{"type": "enum"}' } }] }).promise;
    expect(broken.error?.code).toBe(Status.INVALID_ARGUMENT);
    expect(statusDetails(broken.error!).details.find((d) => d.type === 'google.rpc.BadRequest')?.value).toMatchObject({ fieldViolations: [{ field: 'catalogs[0].avro.schema' }] });
  });

  it('explains a Flink exception text at its place in the SQL', async () => {
    const sql = `${CLICKS_DDL};\nSELECT usr_id FROM clicks`;
    const errorText = [
      "org.apache.flink.table.api.ValidationException: SQL validation failed. From line 1, column 8 to line 1, column 13: Column 'usr_id' not found in any table",
      '\tat org.apache.flink.table.planner.calcite.FlinkPlannerImpl.validate(FlinkPlannerImpl.scala:200)',
    ].join('\n');
    interface Explained { recognised: boolean; kind: string; flink_message: string; flink_line: number; flink_column: number; diagnostic: { code: string; range: { start: { line: number; column: number } } } | null; from_validation: boolean }
    const r = await unary<Explained>(client, 'ExplainError', { error_text: errorText, sql }).promise;
    expect(r.response).toMatchObject({ recognised: true, kind: 'column-not-found', flink_line: 1, flink_column: 8, from_validation: true });
    expect(r.response!.flink_message).not.toContain('ValidationException');
    // Flink counted from the statement it ran, the second of the script.
    expect(r.response!.diagnostic).toMatchObject({ code: 'FSQL2002', range: { start: { line: 2, column: 8 } } });
    const unknown = await unary<Explained>(client, 'ExplainError', { error_text: 'java.lang.OutOfMemoryError: Java heap space', sql }).promise;
    expect(unknown.response).toMatchObject({ recognised: false, kind: '', diagnostic: null });
    const empty = await unary<Explained>(client, 'ExplainError', { error_text: ' ', sql }).promise;
    expect(empty.error?.code).toBe(Status.INVALID_ARGUMENT);
  });

  it('documents a diagnostic code, and answers NOT_FOUND for an unknown one', async () => {
    const r = await unary<{ code: string; title: string; documented: boolean; example: string; fix: string }>(client, 'ExplainCode', { code: '2002' }).promise;
    expect(r.response).toMatchObject({ code: 'FSQL2002', title: 'Column not found', documented: true });
    expect(r.response!.example).toContain('SELECT');
    expect(r.response!.fix).not.toBe('');
    const unknown = await unary(client, 'ExplainCode', { code: 'FSQL20020' }).promise;
    expect(unknown.error?.code).toBe(Status.NOT_FOUND);
    expect(unknown.error?.details).toContain('close codes: FSQL2002');
  });
});

describe('start-up', () => {
  it('refuses to start with an unknown default profile or a broken catalog file', async () => {
    await expect(startProcess(['--profile', 'lenient'])).rejects.toThrow("unknown default profile 'lenient'; known profiles: recommended (default), strict, conservative (platform), permissive");
    await expect(startProcess(['--catalog', 'no/such/catalog.sql'])).rejects.toThrow('no such file');
  });
});

describe('preloaded catalogs', () => {
  it('loads a JSON catalog file under the same content id that RegisterCatalog gives the same catalog', async () => {
    const catalog = { structured: { tables: [{ name: 'shop.orders', columns: [{ name: 'id', type: 'BIGINT' }, { name: 'ts', type: 'TIMESTAMP(3)', comment: 'event time' }], watermark: { column: 'ts', expression: 'ts' }, primaryKey: ['id'], options: [{ key: 'connector', value: 'kafka' }] }] } };
    const dir = mkdtempSync(join(tmpdir(), 'flinkcheck-catalog-'));
    const file = join(dir, 'shop.json');
    writeFileSync(file, JSON.stringify(catalog));
    const server = await startProcess(['--workers', '1', '--catalog', file]);
    const client = validationClient(server.address);
    try {
      const preloaded = server.logs.find((l) => l.msg === 'catalog preloaded');
      expect(preloaded).toMatchObject({ file, tables: 1, views: 0 });
      const wire = { structured: { tables: [{ ...catalog.structured.tables[0], primaryKey: undefined, primary_key: ['id'] }] } };
      const registered = await unary<{ catalog_id: string }>(client, 'RegisterCatalog', { catalogs: [wire] }).promise;
      expect(registered.response!.catalog_id).toBe(preloaded!.catalog_id);
    } finally {
      client.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SIGTERM', () => {
  it('forces the exit after the grace period when a call never ends', async () => {
    const server = await startProcess(['--workers', '1', '--shutdown-grace-ms', '300']);
    const health = healthClient(server.address) as ReturnType<typeof healthClient> & { Watch: Function };
    try {
      // A health Watch stream lasts until the client ends it.
      const watch = health.Watch({ service: '' });
      const statuses: string[] = [];
      const ended = new Promise<number>((resolve) => watch.on('error', (e: { code: number }) => resolve(e.code)));
      watch.on('data', (r: { status: string }) => statuses.push(r.status));
      while (statuses.length === 0) await new Promise((r) => setTimeout(r, 10));
      const signalled = performance.now();
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(performance.now() - signalled).toBeGreaterThanOrEqual(290);
      expect(statuses).toEqual(['SERVING', 'NOT_SERVING']);
      expect(await ended).toBe(Status.CANCELLED);
      expect(server.logs.find((l) => l.msg === 'stopped after the grace period; remaining calls were cancelled')).toMatchObject({ forced: true });
    } finally {
      health.close();
      await server.stop();
    }
  });

  it('turns NOT_SERVING, finishes every call in flight, then exits 0', async () => {
    const server = await startProcess(['--workers', '2', '--max-queue', '1000', '--shutdown-delay-ms', '300', '--shutdown-grace-ms', '60000']);
    const client = validationClient(server.address);
    const health = healthClient(server.address);
    const check = (): Promise<string> => new Promise<string>((resolve, reject) =>
      health.Check({ service: '' }, { deadline: Date.now() + 5_000 }, (e: Error | null, r: { status: string }) => (e ? reject(e) : resolve(r.status))));
    try {
      // Both channels connected before the signal: calls that never reached the server are not the point.
      expect(await check()).toBe('SERVING');
      await unary(client, 'ListRules', {}).promise;
      const script = Array.from({ length: 100 }, (_, i) => `INSERT INTO sink_${i} SELECT a, b, COUNT(*) FROM src_${i} GROUP BY a, b`).join(';\n');
      const calls = Array.from({ length: 200 }, () => unary<Script>(client, 'ValidateScript', { sql: script }, { deadlineMs: 60_000 }).promise);
      const started = { grpc_method: 'ValidateScript' };
      while (sample(await fetchMetrics(server.metricsPort), 'grpc_server_started_total', started) < calls.length) await new Promise((r) => setTimeout(r, 10));
      server.child.kill('SIGTERM');
      expect(await check()).toBe('NOT_SERVING');
      const outcomes = await Promise.all(calls);
      expect(outcomes.filter((o) => o.error !== undefined).map((o) => o.error!.message)).toEqual([]);
      for (const o of outcomes) expect(o.response!.statements).toHaveLength(100);
      expect(await server.exited).toBe(0);
      // The drain really had calls to wait for.
      const draining = server.logs.find((l) => typeof l.msg === 'string' && l.msg.startsWith('draining'));
      expect(draining?.in_flight).toBeGreaterThan(0);
      expect(server.logs.some((l) => l.msg === 'stopped; all calls completed')).toBe(true);
    } finally {
      client.close();
      health.close();
      await server.stop();
    }
  });
});
