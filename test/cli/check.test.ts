import { afterAll, describe, expect, it } from 'vitest';
import { removeTempTrees, runCli, tempTree } from './helpers.js';

// These tests run the real parser (src/parse/index.ts).

afterAll(removeTempTrees);

const CLEAN = `CREATE TABLE clicks (
  user_id BIGINT,
  url STRING,
  ts TIMESTAMP(3),
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = 'clicks',
  'properties.bootstrap.servers' = 'kafka:9092',
  'format' = 'json'
);
`;
const BROKEN = 'SELECT user_id, COUNT(*) FORM clicks GROUP BY user_id;\n';

const ESC = '\u001b[';

interface JsonOut {
  version: number;
  files: {
    file: string;
    statements: { index: number; kind: string; span: { start: { line: number; column: number; offset: number } } }[];
    diagnostics: { code: string; severity: string; category: string; message: string; span: { start: { line: number } } }[];
  }[];
  summary: { errors: number; warnings: number; infos: number };
}

describe('flinkcheck check', () => {
  it('exits 0 on a clean file and prints only the summary', async () => {
    const dir = await tempTree({ 'clicks.sql': CLEAN });
    const r = await runCli(['check', 'clicks.sql'], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: 'no problems found in 1 file\n', stderr: '' });
  });

  it('exits 1 on a syntax error and shows where it is', async () => {
    const dir = await tempTree({ 'bad.sql': BROKEN });
    const r = await runCli(['check', 'bad.sql'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^error\[FSQL1\d\d\d\]: /);
    expect(r.stdout).toContain(' --> bad.sql:1:');
    expect(r.stdout).toContain('> 1 | SELECT user_id, COUNT(*) FORM clicks');
    expect(r.stdout).toMatch(/\d+ errors? in 1 file\n$/);
    expect(r.stdout).not.toContain(ESC);
  });

  it('prints the documented JSON shape', async () => {
    const dir = await tempTree({ 'a.sql': CLEAN, 'b.sql': BROKEN });
    const r = await runCli(['check', '--format', 'json', 'a.sql', 'b.sql'], { cwd: dir, isTTY: true });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain(ESC);
    const out = JSON.parse(r.stdout) as JsonOut;
    expect(Object.keys(out)).toEqual(['version', 'files', 'summary']);
    expect(out.version).toBe(1);
    expect(out.files.map((f) => f.file)).toEqual(['a.sql', 'b.sql']);
    const [a, b] = out.files;
    expect(a!.diagnostics).toEqual([]);
    expect(a!.statements).toHaveLength(1);
    expect(a!.statements[0]).toMatchObject({
      index: 0,
      kind: 'CREATE TABLE',
      span: { start: { line: 1, column: 1, offset: 0 }, end: { line: 11, column: 2, offset: CLEAN.lastIndexOf(')') + 1 } },
      target: 'default_catalog.default_database.clicks',
    });
    // The analysis: the table's columns as Flink types, the watermark column a rowtime.
    const schema = (a!.statements[0] as unknown as { schema: { name: string; type: string; nullable: boolean; timeAttribute: string | null }[] }).schema;
    expect(schema.map((c) => c.name)).toContain('user_id');
    expect(schema.some((c) => c.timeAttribute === 'ROWTIME')).toBe(true);
    expect(b!.diagnostics.length).toBeGreaterThan(0);
    for (const d of b!.diagnostics) {
      expect(d.code).toMatch(/^FSQL\d{4}$/);
      expect(['error', 'warning', 'info']).toContain(d.severity);
      expect(d.span.start.line).toBe(1);
    }
    expect(out.summary.errors).toBe(b!.diagnostics.filter((d) => d.severity === 'error').length);
  });

  it('reads standard input for `-`', async () => {
    const r = await runCli(['check', '-'], { cwd: process.cwd(), stdin: BROKEN });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(' --> <stdin>:1:');
  });

  it('checks every .sql file of a directory, in sorted order', async () => {
    const dir = await tempTree({ 'jobs/b.sql': BROKEN, 'jobs/a.sql': CLEAN, 'jobs/sub/c.sql': CLEAN, 'jobs/readme.md': '# no' });
    const r = await runCli(['check', '--format=json', 'jobs'], { cwd: dir });
    const out = JSON.parse(r.stdout) as JsonOut;
    expect(out.files.map((f) => f.file)).toEqual(['jobs/a.sql', 'jobs/b.sql', 'jobs/sub/c.sql']);
    const text = await runCli(['check', 'jobs'], { cwd: dir });
    expect(text.stdout).toMatch(/ in 3 files\n$/);
  });

  it('puts input diagnostics before syntax diagnostics', async () => {
    const bytes = Buffer.concat([Buffer.from('-- caf'), Buffer.from([0xe9]), Buffer.from('\n'), Buffer.from(BROKEN)]);
    const dir = await tempTree({ 'latin1.sql': bytes });
    const r = await runCli(['check', '-f', 'json', 'latin1.sql'], { cwd: dir });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as JsonOut;
    const codes = out.files[0]!.diagnostics.map((d) => d.code);
    expect(codes[0]).toBe('FSQL1001');
    expect(codes.length).toBeGreaterThan(1);
  });

  it('exits 1 for input problems alone', async () => {
    const dir = await tempTree({ 'nul.sql': 'SELECT 1;\0\n' });
    const r = await runCli(['check', 'nul.sql'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error[FSQL1002]: The input contains a NUL character (U+0000)');
  });

  it('uses colours only on a terminal, without NO_COLOR and without --no-color', async () => {
    const dir = await tempTree({ 'bad.sql': BROKEN });
    expect((await runCli(['check', 'bad.sql'], { cwd: dir, isTTY: true })).stdout).toContain(ESC);
    expect((await runCli(['check', 'bad.sql'], { cwd: dir, isTTY: false })).stdout).not.toContain(ESC);
    expect((await runCli(['check', '--no-color', 'bad.sql'], { cwd: dir, isTTY: true })).stdout).not.toContain(ESC);
    expect((await runCli(['check', 'bad.sql'], { cwd: dir, isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(ESC);
    expect((await runCli(['check', 'bad.sql'], { cwd: dir, isTTY: true, env: { NO_COLOR: '' } })).stdout).toContain(ESC);
  });
});
