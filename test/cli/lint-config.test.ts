import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, findConfigFile, parseConfig } from '../../src/cli/lint/config.js';
import { removeTempTrees, tempTree } from './helpers.js';

afterAll(removeTempTrees);

const FILE = '/repo/flinkcheck.yaml';

function problems(text: string): { code: string; message: string; at: string }[] {
  try {
    parseConfig(text, FILE);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.diagnostics.map((d) => {
      const p = error.source.position(d.span.start);
      return { code: d.code, message: d.message, at: `${p.line}:${p.column}` };
    });
  }
  return [];
}

describe('flinkcheck.yaml', () => {
  it('an empty file gives the defaults', () => {
    const config = parseConfig('# nothing yet\n', FILE);
    expect(config).toMatchObject({ file: FILE, root: '/repo', include: ['**/*.sql'], exclude: [], compat: 'backward', maxWarnings: null, format: null });
  });

  it('resolves paths against the file, takes single strings for lists, and keeps rules and profile', () => {
    const config = parseConfig('catalogs: cat/a.sql\ninclude: "**/*.jsonl"\nprofile: strict\nrules:\n  FSQL9012: off\n  unbounded-state: error\n', FILE);
    expect(config.catalogs).toEqual(['/repo/cat/a.sql']);
    expect(config.include).toEqual(['**/*.jsonl']);
    expect(config.profile).toBe('strict');
    expect(config.rules).toEqual({ FSQL9012: 'off', 'unbounded-state': 'error' });
  });

  it('sinks take the file-wide compat wherever it is written, unless they set their own', () => {
    const config = parseConfig('sinks:\n  a: a.avsc\n  db.b: {schema: b.avsc, compat: forward}\ncompat: full\n', FILE);
    expect(config.sinks).toEqual([
      { table: 'a', schema: '/repo/a.avsc', compat: 'full' },
      { table: 'db.b', schema: '/repo/b.avsc', compat: 'forward' },
    ]);
  });

  it('reports each problem at its position', () => {
    expect(problems('sinks:\n  a: {schema: a.avsc, mode: full}\n  b: {compat: full}\n  c: [x]\nprofile: Strict Mode\n')).toEqual([
      { code: 'FSQL8003', message: 'unknown key `mode` in sink `a`', at: '2:23' },
      { code: 'FSQL8002', message: 'sink `b` needs `schema`: the path of its .avsc file', at: '3:6' },
      { code: 'FSQL8002', message: 'sink `c` must be the path of an .avsc file, or `{schema, compat}`', at: '4:6' },
      { code: 'FSQL8002', message: '`profile` must be a profile name such as `default` or `strict`', at: '5:10' },
    ]);
  });

  it('rejects a top level that is not a mapping, and duplicate keys', () => {
    expect(problems('- a\n- b\n')[0]).toMatchObject({ code: 'FSQL8002', message: 'the configuration must be a mapping of keys to values' });
    expect(problems('format: json\nformat: text\n')[0]).toMatchObject({ code: 'FSQL8001', at: '2:1' });
  });

  it('is found in the working directory or the nearest parent', async () => {
    const dir = await tempTree({ 'flinkcheck.yaml': '', 'a/b/c.sql': '', 'a/flinkcheck.yaml': '' });
    expect(findConfigFile(path.join(dir, 'a/b'))).toBe(path.join(dir, 'a/flinkcheck.yaml'));
    expect(findConfigFile(dir)).toBe(path.join(dir, 'flinkcheck.yaml'));
  });
});
