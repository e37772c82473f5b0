import { afterAll, describe, expect, it, vi } from 'vitest';
import type { StatementAnalysis, OutputColumn } from '../../src/analysis/schema.js';
import { T } from '../../src/analysis/types/logical-type.js';
import type { ScriptParseResult } from '../../src/parse/api.js';
import { removeTempTrees, runCli, tempTree } from './helpers.js';

// The semantic analysis is built on another branch; here it is replaced by one that answers with
// the contract's shapes (StatementAnalysis), so `lint` and `infer` are tested against the contract:
// every INSERT writes `output` into its target, every query produces `output`.
let output: OutputColumn[] = [];

vi.mock('../../src/analysis/analyze.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/analysis/analyze.js')>();
  return {
    ...actual,
    analyzeScript: (parsed: ScriptParseResult) => ({
      diagnostics: [],
      statements: parsed.statements.flatMap((s): StatementAnalysis[] => {
        if (s.ast === null) return [];
        const target = s.ast.kind === 'Insert' ? `default_catalog.default_database.${s.ast.target.parts.map((p) => p.value).join('.')}` : null;
        const produces = s.ast.kind === 'Insert' || s.ast.kind === 'QueryStatement';
        return [
          {
            index: s.index,
            schema: produces ? output : null,
            changelog: produces ? { updates: false, deletes: false } : null,
            keys: [],
            target,
            updatingSource: null,
          },
        ];
      }),
    }),
  };
});

afterAll(removeTempTrees);

const REGISTERED = JSON.stringify({
  type: 'record',
  name: 'Order',
  namespace: 'com.acme',
  fields: [
    { name: 'id', type: 'long' },
    { name: 'amount', type: 'long' },
    { name: 'note', type: ['null', 'string'], default: null },
  ],
});

const SCRIPT = 'INSERT INTO orders_out\nSELECT id, amount, note FROM orders_in;\n';

const COMPATIBLE: OutputColumn[] = [
  { name: 'id', type: T.bigint(false) },
  { name: 'amount', type: T.bigint(false) },
  { name: 'note', type: T.string() },
];

describe('lint: INSERTs checked against their sink schemas', () => {
  it('a compatible output is clean', async () => {
    output = COMPATIBLE;
    const dir = await tempTree({ 'job.sql': SCRIPT, 'orders.avsc': REGISTERED, 'flinkcheck.yaml': 'sinks:\n  orders_out: orders.avsc\n' });
    const r = await runCli(['lint', '--workers', '1', 'job.sql'], { cwd: dir });
    expect(r.stdout).toBe('no problems found in 1 file\n');
    expect(r.code).toBe(0);
  });

  it('each breaking field change is one FSQL8101 error at the target name', async () => {
    output = [
      { name: 'id', type: T.int(false) },
      { name: 'total', type: T.bigint(false) },
      { name: 'note', type: T.string() },
    ];
    const dir = await tempTree({ 'job.sql': SCRIPT, 'orders.avsc': REGISTERED, 'flinkcheck.yaml': 'sinks:\n  orders_out: {schema: orders.avsc, compat: full}\n' });
    const r = await runCli(['lint', '--workers', '1', '-f', 'json', 'job.sql'], { cwd: dir });
    expect(r.code).toBe(1);
    const diagnostics = JSON.parse(r.stdout).results[0].diagnostics as { code: string; message: string; span: { start: { line: number; column: number }; end: { column: number } } }[];
    expect(diagnostics.map((d) => d.code)).toEqual(['FSQL8101', 'FSQL8101', 'FSQL8101']);
    expect(diagnostics.map((d) => d.message)).toEqual([
      '`orders_out` (FULL against orders.avsc): field `id` changed from long to int (narrowing: int cannot hold the long values already written)',
      expect.stringContaining('`orders_out` (FULL against orders.avsc): field `total` is new and has no default'),
      expect.stringContaining('field `amount` is no longer written, and the registered schema gives it no default'),
    ]);
    expect(diagnostics[0]!.span.start).toMatchObject({ line: 1, column: 13 });
    expect(diagnostics[0]!.span.end.column).toBe(23);
  });

  it('--sink and --compat on the command line override the config', async () => {
    output = [...COMPATIBLE, { name: 'extra', type: T.int(false) }];
    const dir = await tempTree({ 'job.sql': SCRIPT, 'orders.avsc': REGISTERED });
    const backward = await runCli(['lint', '--no-config', '--sink', 'orders_out=orders.avsc', 'job.sql'], { cwd: dir });
    expect(backward.code).toBe(1);
    expect(backward.stdout).toContain('field `extra` is new and has no default');
    const forward = await runCli(['lint', '--no-config', '--sink', 'orders_out=orders.avsc', '--compat', 'forward', 'job.sql'], { cwd: dir });
    expect(forward.code).toBe(0);
  });

  it('a type the Avro format cannot write is FSQL8102', async () => {
    output = [...COMPATIBLE.slice(0, 2), { name: 'note', type: T.timestampLtz(3) }];
    const dir = await tempTree({ 'job.sql': SCRIPT, 'orders.avsc': REGISTERED });
    const r = await runCli(['lint', '--no-config', '--sink', 'default_database.orders_out=orders.avsc', 'job.sql'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error[FSQL8102]: column `note` of type TIMESTAMP_LTZ(3) cannot be written to the Avro sink');
  });

  it('INSERTs into other tables are not checked', async () => {
    output = [{ name: 'x', type: T.int(false) }];
    const dir = await tempTree({ 'job.sql': SCRIPT, 'orders.avsc': REGISTERED });
    const r = await runCli(['lint', '--no-config', '--sink', 'elsewhere=orders.avsc', 'job.sql'], { cwd: dir });
    expect(r.code).toBe(0);
  });
});

describe('flinkcheck infer', () => {
  const COLUMNS: OutputColumn[] = [
    { name: 'id', type: T.bigint(false) },
    { name: 'amount', type: T.decimal(10, 2) },
    { name: 'ts', type: T.timestamp(3, true, 'ROWTIME') },
  ];

  it('prints a table by default', async () => {
    output = COLUMNS;
    const dir = await tempTree({ 'q.sql': 'SELECT id, amount, ts FROM orders;\n' });
    const r = await runCli(['infer', 'q.sql'], { cwd: dir });
    expect(r).toEqual({
      code: 0,
      stderr: '',
      stdout: [
        '-- statement_1 (statement 1, SELECT)',
        '#  name    type',
        '1  id      BIGINT NOT NULL',
        '2  amount  DECIMAL(10, 2)',
        '3  ts      TIMESTAMP(3) *ROWTIME*',
        'changelog [I]',
        '',
      ].join('\n'),
    });
  });

  it('prints DDL, JSON and Avro', async () => {
    output = COLUMNS;
    const dir = await tempTree({ 'q.sql': SCRIPT });
    const ddl = await runCli(['infer', '-f', 'ddl', 'q.sql'], { cwd: dir });
    expect(ddl.stdout).toBe(
      'CREATE TABLE `orders_out` (\n  `id` BIGINT NOT NULL,\n  `amount` DECIMAL(10, 2),\n  `ts` TIMESTAMP(3) -- was a rowtime attribute\n);\n',
    );
    const json = JSON.parse((await runCli(['infer', '-f', 'json', 'q.sql'], { cwd: dir })).stdout);
    expect(json[0]).toMatchObject({ statement: 0, kind: 'INSERT', name: 'orders_out', changelog: '[I]' });
    expect(json[0].columns[2]).toEqual({ name: 'ts', type: 'TIMESTAMP(3) *ROWTIME*', nullable: true, timeAttribute: 'ROWTIME' });
    const avro = JSON.parse((await runCli(['infer', '-f', 'avro', 'q.sql'], { cwd: dir })).stdout);
    expect(avro.fields[2]).toEqual({ name: 'ts', type: ['null', { type: 'long', logicalType: 'timestamp-millis' }], default: null });
  });

  it('--format avro fails (exit 1) on a type Avro cannot hold', async () => {
    output = [{ name: 't', type: T.timestamp(9) }];
    const dir = await tempTree({ 'q.sql': 'SELECT t FROM x;\n' });
    const r = await runCli(['infer', '-f', 'avro', 'q.sql'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('column `t` (TIMESTAMP(9))');
  });

  it('--against lists each breaking change and exits 1; compatible exits 0', async () => {
    const dir = await tempTree({ 'q.sql': SCRIPT, 'orders.avsc': REGISTERED });
    output = COMPATIBLE;
    const ok = await runCli(['infer', '--against', 'orders.avsc', '--compat', 'full', 'q.sql'], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(ok.stderr).toBe('orders_out (statement 1): compatible with orders.avsc (FULL)\n');
    output = [
      { name: 'id', type: T.double(false) },
      { name: 'note', type: T.string() },
    ];
    const bad = await runCli(['infer', '--against', 'orders.avsc', '--compat', 'full', 'q.sql'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(
      [
        'orders_out (statement 1): 2 breaking changes against orders.avsc (FULL):',
        '  - field `id` changed from long to double (widening: consumers on the registered schema read long and cannot read double values) [forward]',
        '  - field `amount` is no longer written, and the registered schema gives it no default: consumers on the registered schema cannot read the new records [forward]',
        '',
      ].join('\n'),
    );
  });

  it('usage errors exit 2', async () => {
    const dir = await tempTree({ 'q.sql': SCRIPT, 'bad.avsc': '{' });
    expect((await runCli(['infer'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['infer', '-f', 'yaml', 'q.sql'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['infer', '--compat', 'full', 'q.sql'], { cwd: dir })).stderr).toContain('`--compat` needs `--against`');
    const bad = await runCli(['infer', '--against', 'bad.avsc', 'q.sql'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('cannot use `bad.avsc` as the registered schema: not valid JSON');
  });
});
