import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempTrees, runCli, tempTree } from './helpers.js';

afterAll(removeTempTrees);

const VALID = 'SELECT 1 AS answer;\n';
const INVALID = 'SELECT a FROM t WHERE;\n';
const WARNING_ONLY = '-- nothing here yet\n';

async function lint(files: Record<string, string>, args: string[], extra: { stdin?: string; env?: Record<string, string> } = {}) {
  const dir = await tempTree(files);
  return { dir, ...(await runCli(['lint', '--workers', '1', ...args], { cwd: dir, ...extra })) };
}

describe('flinkcheck lint exit status', () => {
  it('0: clean input', async () => {
    const r = await lint({ 'a.sql': VALID, 'b.sql': VALID }, ['--no-config', '.']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('no problems found in 2 files\n');
    expect(r.stderr).toBe('');
  });

  it('0: warnings only, with no --max-warnings', async () => {
    const r = await lint({ 'a.sql': WARNING_ONLY }, ['--no-config', 'a.sql']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('warning[FSQL1004]');
  });

  it('1: an error', async () => {
    const r = await lint({ 'a.sql': VALID, 'b.sql': INVALID }, ['--no-config', '.']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/1 error in 2 files\n$/);
  });

  it('1: more warnings than --max-warnings; 0 at the limit', async () => {
    const files = { 'a.sql': WARNING_ONLY, 'b.sql': WARNING_ONLY };
    const over = await lint(files, ['--no-config', '--max-warnings', '1', '.']);
    expect(over.code).toBe(1);
    expect(over.stdout).toContain('too many warnings: 2, more than --max-warnings 1');
    expect((await lint(files, ['--no-config', '--max-warnings', '2', '.'])).code).toBe(0);
  });

  it('max-warnings from flinkcheck.yaml, overridden by the flag', async () => {
    const files = { 'flinkcheck.yaml': 'max-warnings: 0\n', 'a.sql': WARNING_ONLY };
    expect((await lint(files, [])).code).toBe(1);
    expect((await lint(files, ['--max-warnings', '5'])).code).toBe(0);
  });

  it('--quiet: warnings are neither shown nor counted', async () => {
    const r = await lint({ 'a.sql': WARNING_ONLY }, ['--no-config', '--quiet', '--max-warnings', '0', 'a.sql']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('no problems found in 1 file\n');
    const withError = await lint({ 'a.sql': WARNING_ONLY, 'b.sql': INVALID }, ['--no-config', '-q', '.']);
    expect(withError.code).toBe(1);
    expect(withError.stdout).not.toContain('FSQL1004');
  });

  describe('2: usage errors', () => {
    const cases: [string, string[], string][] = [
      ['unknown option', ['--fix'], 'unknown option `--fix`'],
      ['unknown format', ['-f', 'xml', 'a.sql'], 'unknown format `xml`; use one of: text, json, sarif, github, junit'],
      ['bad --max-warnings', ['--max-warnings', '-1', 'a.sql'], '`--max-warnings` needs a whole number'],
      ['bad --workers', ['--workers', '0', 'a.sql'], '`--workers` needs a whole number of at least 1'],
      ['bad --rule', ['--rule', 'FSQL9001=loud', 'a.sql'], '`loud` is not a rule level'],
      ['bad --sink', ['--sink', 'orders', 'a.sql'], '`--sink orders` must look like <table>=<file.avsc>'],
      ['bad --compat', ['--compat', 'sideways', 'a.sql'], 'unknown compatibility mode `sideways`'],
      ['missing file', ['nope.sql'], 'cannot find `nope.sql`: no such file or directory'],
      ['glob matching nothing', ['jobs/*.sql'], 'no files match `jobs/*.sql`'],
      ['--config with --no-config', ['--config', 'x.yaml', '--no-config'], 'cannot be used together'],
      ['missing --config file', ['--config', 'x.yaml', 'a.sql'], 'cannot read the config file `x.yaml`: no such file'],
    ];
    for (const [name, args, message] of cases) {
      it(name, async () => {
        const r = await lint({ 'a.sql': VALID }, args);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toContain(message);
        expect(r.stderr).toContain('Run `flinkcheck help lint` for usage.');
      });
    }
  });

  describe('2: configuration errors, shown as diagnostics on the file', () => {
    it('invalid YAML', async () => {
      const r = await lint({ 'flinkcheck.yaml': 'include: [a\n', 'a.sql': VALID }, []);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('error[FSQL8001]');
      expect(r.stderr).toContain('--> flinkcheck.yaml:');
      expect(r.stdout).toBe('');
    });

    it('unknown keys and invalid values are all reported, with their positions', async () => {
      const yaml = 'catalog: x.sql\nformat: pdf\nmax-warnings: many\nrules:\n  FSQL9001: loud\n  NotARule: off\n';
      const r = await lint({ 'flinkcheck.yaml': yaml, 'a.sql': VALID }, []);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('error[FSQL8003]: unknown key `catalog`\n --> flinkcheck.yaml:1:1');
      expect(r.stderr).toContain('error[FSQL8002]: `pdf` is not a valid `format`\n --> flinkcheck.yaml:2:9');
      expect(r.stderr).toContain('`max-warnings` must be a whole number');
      expect(r.stderr).toContain('`loud` is not a valid `rules.FSQL9001`');
      expect(r.stderr).toContain('`NotARule` is not a rule');
      expect(r.stderr).toContain('the configuration has 5 problems; nothing was checked');
    });

    it('a config found in a parent directory is used, with paths relative to it', async () => {
      const dir = await tempTree({
        'flinkcheck.yaml': 'catalogs: [missing.sql]\n',
        'jobs/a.sql': VALID,
      });
      const r = await runCli(['lint', 'a.sql'], { cwd: path.join(dir, 'jobs') });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/catalog `[^`]*missing\.sql`/);
    });
  });

  describe('2: unusable inputs', () => {
    it('a catalog file of an unsupported kind', async () => {
      const r = await lint({ 'a.sql': VALID, 'cat.txt': '{}' }, ['--no-config', '--catalog', 'cat.txt', 'a.sql']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('catalog `cat.txt`: unknown catalog file type `.txt`');
    });

    it('an unreadable sink schema', async () => {
      const r = await lint({ 'a.sql': VALID, 's.avsc': '{"type": "record"}' }, ['--no-config', '--sink', 'orders=s.avsc', 'a.sql']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('sink schema `s.avsc` of `orders`: $: a named type needs a "name"');
    });

    it('a broken JSONL record is reported (FSQL8010) and the others are still checked', async () => {
      const jsonl = '{"id": 1, "sql": "SELECT 1"}\nnot json\n{"id": 3}\n{"id": 4, "sql": "SELECT FROM"}\n';
      const r = await lint({ 'q.jsonl': jsonl }, ['--no-config', 'q.jsonl']);
      expect(r.code).toBe(2);
      expect(r.stdout).toContain('q.jsonl (query `line 2`, line 2)');
      expect(r.stdout).toContain('error[FSQL8010]: line 2 is not valid JSON');
      expect(r.stdout).toContain('error[FSQL8010]: the record on line 3 has no string `sql`');
      expect(r.stdout).toContain('q.jsonl (query `4`, line 4)');
      expect(r.stdout).toContain('(4 queries)');
    });
  });
});

describe('flinkcheck lint inputs', () => {
  it('without paths lints the include globs minus exclude, from the config directory', async () => {
    const dir = await tempTree({
      'flinkcheck.yaml': 'include: ["jobs/**/*.sql"]\nexclude: ["jobs/old/**"]\n',
      'jobs/a.sql': VALID,
      'jobs/old/b.sql': INVALID,
      'other/c.sql': INVALID,
    });
    const r = await runCli(['lint', '--workers', '1', '-f', 'json'], { cwd: path.join(dir, 'jobs') });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).results.map((x: { file: string }) => x.file)).toEqual(['a.sql']);
  });

  it('globs and directories are expanded; exclude does not drop a file named explicitly', async () => {
    const dir = await tempTree({
      'flinkcheck.yaml': 'exclude: ["skip/**"]\n',
      'q/a.sql': VALID,
      'q/b.sql': VALID,
      'q/n.jsonl': '{"id": "x", "sql": "SELECT 2"}\n',
      'skip/c.sql': VALID,
    });
    const names = async (args: string[]) =>
      JSON.parse((await runCli(['lint', '-f', 'json', ...args], { cwd: dir })).stdout).results.map((x: { file: string }) => x.file);
    expect(await names(['q/*.sql'])).toEqual(['q/a.sql', 'q/b.sql']);
    expect(await names(['q'])).toEqual(['q/a.sql', 'q/b.sql', 'q/n.jsonl']);
    expect(await names(['.'])).toEqual(['q/a.sql', 'q/b.sql', 'q/n.jsonl']);
    expect(await names(['skip/c.sql'])).toEqual(['skip/c.sql']);
  });

  it('reads standard input, as SQL or (with --stdin-filename x.jsonl) as an export', async () => {
    const dir = await tempTree({});
    const sql = await runCli(['lint', '--no-config', '-'], { cwd: dir, stdin: INVALID });
    expect(sql.code).toBe(1);
    expect(sql.stdout).toContain('--> <stdin>:1:');
    const jsonl = await runCli(['lint', '--no-config', '--stdin-filename', 'dump.jsonl', '-'], {
      cwd: dir,
      stdin: '{"id": "a", "sql": "SELECT 1"}\n{"id": "a", "sql": "SELECT 2"}\n',
    });
    expect(jsonl.stdout).toContain('warning[FSQL8011]: query id `a` is also used on line 1');
  });

  it('--output writes the report to a file', async () => {
    const dir = await tempTree({ 'a.sql': INVALID });
    const r = await runCli(['lint', '--no-config', '-f', 'sarif', '-o', 'out.sarif', 'a.sql'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(path.join(dir, 'out.sarif'), 'utf8')).version).toBe('2.1.0');
  });

  it('colours only on a terminal, never with NO_COLOR; no progress output on a pipe', async () => {
    const dir = await tempTree({ 'a.sql': INVALID });
    const tty = await runCli(['lint', '--no-config', 'a.sql'], { cwd: dir, isTTY: true });
    expect(tty.stdout).toContain('\u001b[');
    const noColor = await runCli(['lint', '--no-config', 'a.sql'], { cwd: dir, isTTY: true, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain('\u001b[');
    const pipe = await runCli(['lint', '--no-config', 'a.sql'], { cwd: dir });
    expect(pipe.stdout).not.toContain('\u001b[');
    expect(pipe.stderr).toBe('');
  });
});
