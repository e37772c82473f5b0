import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempTrees, runCli, tempTree } from './helpers.js';

// These tests never reach the parser: usage errors are found before it is loaded.

const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

afterAll(removeTempTrees);

describe('flinkcheck help and version', () => {
  it('prints the main help for --help and -h', async () => {
    for (const flag of ['--help', '-h']) {
      const r = await runCli([flag], { cwd: process.cwd() });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Usage:');
      expect(r.stdout).toContain('flinkcheck check [options] <path...>');
      expect(r.stderr).toBe('');
    }
  });

  it('prints the version from package.json', async () => {
    const r = await runCli(['--version'], { cwd: process.cwd() });
    expect(r).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('prints the help of check for `help check`, `check --help` and `--help check`', async () => {
    const outputs = await Promise.all([
      runCli(['help', 'check'], { cwd: process.cwd() }),
      runCli(['check', '--help'], { cwd: process.cwd() }),
      runCli(['--help', 'check'], { cwd: process.cwd() }),
    ]);
    for (const r of outputs) {
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: flinkcheck check /);
      expect(r.stdout).toContain('--format <text|json>');
      expect(r.stdout).toContain('--no-color');
    }
  });

  it('exits 2 with the help on stderr when no command is given', async () => {
    const r = await runCli([], { cwd: process.cwd() });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage:');
  });
});

describe('flinkcheck usage errors (exit 2, one message, no stack trace)', () => {
  it('rejects an unknown command', async () => {
    const r = await runCli(['frobnicate', 'a.sql'], { cwd: process.cwd() });
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'flinkcheck: unknown command `frobnicate`; the commands are: check, rules, explain, explain-error, help\nRun `flinkcheck --help` for usage.\n',
    });
  });

  it('rejects an unknown flag of check', async () => {
    const r = await runCli(['check', '--fixit', 'a.sql'], { cwd: process.cwd() });
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'flinkcheck: unknown option `--fixit`\nRun `flinkcheck help check` for usage.\n',
    });
  });

  it('rejects an unknown short flag and an unknown global flag', async () => {
    expect((await runCli(['check', '-x', 'a.sql'], { cwd: process.cwd() })).stderr).toContain('unknown option `-x`');
    expect((await runCli(['--verbose'], { cwd: process.cwd() })).code).toBe(2);
  });

  it('rejects an unknown format', async () => {
    const dir = await tempTree({ 'a.sql': 'SELECT 1;' });
    const r = await runCli(['check', '--format', 'xml', 'a.sql'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('flinkcheck: unknown format `xml`; use `text` or `json`\nRun `flinkcheck help check` for usage.\n');
  });

  it('rejects --format without a value and --no-color with one', async () => {
    const a = await runCli(['check', 'a.sql', '--format'], { cwd: process.cwd() });
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('option `--format` needs a value');
    const b = await runCli(['check', '--no-color=yes', 'a.sql'], { cwd: process.cwd() });
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('option `--no-color` does not take a value');
  });

  it('reports every missing file, then exits 2 without checking anything', async () => {
    const dir = await tempTree({ 'ok.sql': 'SELECT 1;' });
    const r = await runCli(['check', 'missing.sql', 'ok.sql', 'nope/other.sql'], { cwd: dir });
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'flinkcheck: cannot find `missing.sql`: no such file or directory\n' +
        'flinkcheck: cannot find `nope/other.sql`: no such file or directory\n' +
        'Run `flinkcheck help check` for usage.\n',
    });
  });

  it('rejects a call without inputs', async () => {
    const r = await runCli(['check'], { cwd: process.cwd() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no input given');
  });

  it('rejects a directory without .sql files', async () => {
    const dir = await tempTree({ 'empty/readme.txt': 'no sql here', 'empty/.hidden/a.sql': 'SELECT 1;' });
    const r = await runCli(['check', 'empty'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no .sql files found in `empty`');
  });

  it('rejects standard input given twice', async () => {
    const r = await runCli(['check', '-', '-'], { cwd: process.cwd(), stdin: 'SELECT 1;' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('standard input (`-`) can be given only once');
  });
});

describe('flinkcheck unexpected failures', () => {
  it('prints a one-line internal error and exits 2', async () => {
    let stderr = '';
    const { run } = await import('../../src/cli/main.js');
    const code = await run(['--help'], {
      stdout: {
        write: () => {
          throw new Error('disk on fire\n    at somewhere (file.js:1:1)');
        },
      },
      stderr: { write: (text: string) => (stderr += text) },
      stdin: [],
      cwd: process.cwd(),
      isTTY: false,
    });
    expect(code).toBe(2);
    expect(stderr).toBe('flinkcheck: internal error: disk on fire\n');
  });
});
