import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempTrees, runCli, tempTree } from './helpers.js';

afterAll(removeTempTrees);

describe('flinkcheck explain', () => {
  it('prints the explanation, the example, Flink\'s message and the fix', async () => {
    const { code, stdout } = await runCli(['explain', 'FSQL2002'], { cwd: '/' });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^FSQL2002: Column not found \(error, semantic\)\n/);
    expect(stdout).toContain('    SELECT order_id, amout FROM orders;');
    expect(stdout).toContain('Flink reports:');
    expect(stdout).toContain('    SELECT order_id, amount FROM orders;');
    expect(stdout).toContain('docs/diagnostics/FSQL2002.md');
  });

  it('accepts the code in lower case or as a number, and prints JSON', async () => {
    expect((await runCli(['explain', 'fsql1014'], { cwd: '/' })).stdout).toMatch(/^FSQL1014: /);
    const { stdout } = await runCli(['explain', '--format', 'json', '1014'], { cwd: '/' });
    const json = JSON.parse(stdout) as { code: string; fixed: string };
    expect(json.code).toBe('FSQL1014');
    expect(json.fixed).toContain('`value`');
  });

  it('rejects an unknown code and names close ones', async () => {
    const { code, stderr } = await runCli(['explain', 'FSQL2O02'], { cwd: '/' });
    expect(code).toBe(2);
    expect(stderr).toContain('unknown code `FSQL2O02`; close codes: FSQL2002');
  });
});

describe('flinkcheck explain-error', () => {
  const sql = "CREATE TABLE orders (order_id BIGINT, amount INT) WITH ('connector' = 'datagen');\n\nSELECT order_id, amout\nFROM orders;\n";

  it("translates Flink's message into our diagnostic at the right place in the file", async () => {
    const cwd = await tempTree({
      'job.sql': sql,
      'error.txt': "org.apache.flink.table.api.ValidationException: SQL validation failed. From line 1, column 18 to line 1, column 22: Column 'amout' not found in any table\n\tat org.apache.flink.table.planner.calcite.FlinkPlannerImpl.validate(FlinkPlannerImpl.scala:200)\n",
    });
    const { code, stdout } = await runCli(['explain-error', '--error', 'error.txt', 'job.sql'], { cwd });
    expect(code).toBe(0);
    expect(stdout).toContain("Flink: From line 1, column 18 to line 1, column 22: Column 'amout' not found in any table");
    expect(stdout).toContain("error[FSQL2002]: Column 'amout' not found");
    expect(stdout).toContain(' --> job.sql:3:18');
  });

  it('reads the error from standard input and prints JSON', async () => {
    const cwd = await tempTree({ 'job.sql': sql });
    const { code, stdout } = await runCli(['explain-error', '--format', 'json', 'job.sql'], {
      cwd,
      stdin: "From line 1, column 18 to line 1, column 22: Column 'amout' not found in any table",
    });
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { recognised: boolean; kind: string; span: { start: { line: number; column: number } }; diagnostic: { code: string } };
    expect(json).toMatchObject({ recognised: true, kind: 'column-not-found', diagnostic: { code: 'FSQL2002' } });
    expect(json.span.start).toMatchObject({ line: 3, column: 18 });
  });

  it('says plainly when it does not recognise the message, shows the position, and exits 1', async () => {
    const cwd = await tempTree({ 'job.sql': sql, 'error.txt': 'java.lang.RuntimeException: Something odd at line 1, column 8' });
    const { code, stdout } = await runCli(['explain-error', '-e', 'error.txt', 'job.sql'], { cwd });
    expect(code).toBe(1);
    expect(stdout).toContain('flinkcheck does not recognise this Flink message.');
    expect(stdout).toContain('It points at job.sql:3:8:');
    expect(stdout).not.toContain('java.lang');
  });

  it('refuses to read both texts from standard input', async () => {
    const { code, stderr } = await runCli(['explain-error', '-'], { cwd: '/' });
    expect(code).toBe(2);
    expect(stderr).toContain('cannot both come from standard input');
  });
});

describe('flinkcheck check --fix', () => {
  const broken = "SELEC a, b c d FROM t WHERE a != 1;\nSELECT value FROM t;\n";
  const fixed = 'SELECT a, b c, d FROM t WHERE a <> 1;\nSELECT `value` FROM t;\n';

  /** The table the script reads, so that the fixed script checks clean. */
  const catalog = 'tables:\n  - name: t\n    columns:\n      - {name: a, type: INT}\n      - {name: b, type: INT}\n      - {name: d, type: INT}\n'
    + '      - {name: value, type: STRING}\n    options: {connector: datagen}\n';

  it('applies the safe fixes in place, reports how many, and checks the result', async () => {
    const cwd = await tempTree({ 'job.sql': broken, 'catalog.yaml': catalog });
    const { code, stdout, stderr } = await runCli(['check', '--fix', '--catalog', 'catalog.yaml', 'job.sql'], { cwd });
    expect(await readFile(path.join(cwd, 'job.sql'), 'utf8')).toBe(fixed);
    expect(stderr).toContain('applied 4 safe fixes in 1 file');
    expect(stdout).not.toContain('FSQL10');
    expect(code).toBe(0);
  });

  it('prints a unified diff with --fix-dry-run and leaves the file alone', async () => {
    const cwd = await tempTree({ 'job.sql': broken });
    const { stdout, stderr } = await runCli(['check', '--fix-dry-run', 'job.sql'], { cwd });
    expect(stdout).toBe(['--- a/job.sql', '+++ b/job.sql', '@@ -1,2 +1,2 @@', ...broken.trimEnd().split('\n').map((l) => `-${l}`), ...fixed.trimEnd().split('\n').map((l) => `+${l}`), ''].join('\n'));
    expect(stderr).toContain('would apply 4 safe fixes in 1 file');
    expect(await readFile(path.join(cwd, 'job.sql'), 'utf8')).toBe(broken);
  });

  it('keeps a byte order mark and does not rewrite files with encoding problems', async () => {
    const cwd = await tempTree({
      'bom.sql': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('SELEC 1;\n')]),
      'latin1.sql': Buffer.from("SELEC 'café';\n", 'latin1'),
    });
    const { stderr } = await runCli(['check', '--fix', 'bom.sql', 'latin1.sql'], { cwd });
    expect([...(await readFile(path.join(cwd, 'bom.sql')))].slice(0, 3)).toEqual([0xef, 0xbb, 0xbf]);
    expect((await readFile(path.join(cwd, 'bom.sql'))).subarray(3).toString('utf8')).toBe('SELECT 1;\n');
    expect(await readFile(path.join(cwd, 'latin1.sql'))).toEqual(Buffer.from("SELEC 'café';\n", 'latin1'));
    expect(stderr).toContain('not fixing `latin1.sql`: it has encoding problems');
  });

  it('refuses to rewrite standard input', async () => {
    const { code, stderr } = await runCli(['check', '--fix', '-'], { cwd: '/', stdin: 'SELEC 1' });
    expect(code).toBe(2);
    expect(stderr).toContain('--fix-dry-run');
  });
});
