import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInputs, sqlFilesUnder, STDIN_NAME } from '../../src/cli/inputs.js';
import type { CliIo } from '../../src/cli/io.js';
import { removeTempTrees, tempTree } from './helpers.js';

afterAll(removeTempTrees);

const ioAt = (cwd: string, stdin: string[] = []): CliIo => ({
  stdout: { write: () => undefined },
  stderr: { write: () => undefined },
  stdin: stdin.map((s) => Buffer.from(s)),
  cwd,
  isTTY: false,
});

describe('sqlFilesUnder', () => {
  it('finds *.sql files recursively, sorted, skipping hidden directories and node_modules', async () => {
    const root = await tempTree({
      'b.sql': '',
      'a/z.sql': '',
      'a/b/c.SQL': '',
      'a.sql': '',
      'notes.txt': '',
      '.git/x.sql': '',
      'node_modules/pkg/y.sql': '',
      'B/upper.sql': '',
    });
    expect(await sqlFilesUnder(root)).toEqual(['B/upper.sql', 'a.sql', 'a/b/c.SQL', 'a/z.sql', 'b.sql']);
  });
});

describe('readInputs', () => {
  it('keeps argument order, expands directories with display names relative to the argument, reads a file once', async () => {
    const root = await tempTree({ 'jobs/b.sql': 'B', 'jobs/a.sql': 'A', 'single.txt': 'S' });
    const inputs = await readInputs(['single.txt', 'jobs/', 'jobs/a.sql', '-'], ioAt(root, ['IN', 'PUT']), 'check');
    expect(inputs.map((i) => [i.name, Buffer.from(i.bytes).toString()])).toEqual([
      ['single.txt', 'S'],
      [path.join('jobs', 'a.sql'), 'A'],
      [path.join('jobs', 'b.sql'), 'B'],
      [STDIN_NAME, 'INPUT'],
    ]);
  });

  it('accepts absolute paths', async () => {
    const root = await tempTree({ 'x.sql': 'X' });
    const inputs = await readInputs([path.join(root, 'x.sql')], ioAt('/'), 'check');
    expect(inputs.map((i) => i.name)).toEqual([path.join(root, 'x.sql')]);
  });
});
