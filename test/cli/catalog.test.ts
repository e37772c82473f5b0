import { afterAll, describe, expect, it } from 'vitest';
import { removeTempTrees, runCli, tempTree } from './helpers.js';

afterAll(removeTempTrees);

const CATALOG = `tables:
  - name: clicks
    columns:
      - {name: user_id, type: BIGINT}
      - {name: url, type: STRING}
    options: {connector: blackhole}
`;

const SCRIPT = 'SELECT user_id, url FROM clicks;\n';

describe('flinkcheck check --catalog', () => {
  it('loads a catalog document and checks the scripts', async () => {
    const dir = await tempTree({ 'catalog.yaml': CATALOG, 'job.sql': SCRIPT });
    const r = await runCli(['check', '--catalog', 'catalog.yaml', 'job.sql'], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: 'no problems found in 1 file\n', stderr: '' });
  });

  it('accepts several catalogs of every kind (-c, .json, .avsc)', async () => {
    const dir = await tempTree({
      'a.yaml': CATALOG,
      'b.json': '{"views": [{"name": "v", "columns": [{"name": "a", "type": "INT"}]}]}',
      'schemas/event.avsc': '{"type": "record", "name": "Event", "fields": [{"name": "id", "type": "long"}]}',
      'job.sql': SCRIPT,
    });
    const r = await runCli(['check', '-c', 'a.yaml', '--catalog', 'b.json', '--catalog=schemas/event.avsc', 'job.sql'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('prints catalog errors with file, line, column and path, and exits 2 without checking', async () => {
    const dir = await tempTree({
      'catalog.yaml': 'tables:\n  - name: clicks\n    columns:\n      - {name: user_id, type: BIGNT}\n',
      'job.sql': 'SELECT FROM;\n',
    });
    const r = await runCli(['check', '--catalog', 'catalog.yaml', 'job.sql'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'catalog.yaml:4:31: error: tables[0].columns[0].type: table `clicks`, column `user_id`: `BIGNT` is not a Flink SQL type: `BIGNT` is not a built-in type (did you mean `BIGINT`?) [FSQL7004]\n' +
        'flinkcheck check: the catalog has errors; fix them and run again\n',
    );
  });

  it('reports a missing catalog file and an unknown extension', async () => {
    const dir = await tempTree({ 'job.sql': SCRIPT, 'c.toml': '' });
    const missing = await runCli(['check', '--catalog', 'nope.yaml', 'job.sql'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.yaml: error: cannot read the catalog file: no such file [FSQL7001]');
    const toml = await runCli(['check', '--catalog', 'c.toml', 'job.sql'], { cwd: dir });
    expect(toml.code).toBe(2);
    expect(toml.stderr).toContain('unknown catalog file type `.toml`');
  });

  it('prints catalog warnings and goes on checking', async () => {
    const dir = await tempTree({
      'catalog.yaml': 'tables:\n  - name: t\n    columns: [{name: a, type: INT}]\n    options: {connector: kafka, topic: t, format: json}\n',
      'job.sql': SCRIPT,
    });
    const r = await runCli(['check', '--catalog', 'catalog.yaml', 'job.sql'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^catalog\.yaml:4:\d+: warning: tables\[0\]\.options\.connector: Table `t` is missing option 'properties\.bootstrap\.servers'/);
    expect(r.stdout).toBe('no problems found in 1 file\n');
  });

  it('needs a value for --catalog', async () => {
    const dir = await tempTree({ 'job.sql': SCRIPT });
    const r = await runCli(['check', 'job.sql', '--catalog'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('option `--catalog` needs a value');
  });

  it('documents --catalog in the help', async () => {
    const dir = await tempTree({});
    const r = await runCli(['check', '--help'], { cwd: dir });
    expect(r.stdout).toContain('-c, --catalog <file>');
  });
});
