import { execFile } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/cli/lint/config.js';
import { removeTempTrees, runCli, tempTree } from './helpers.js';

// docs/ci.md must stay usable as written: its YAML parses, its config is accepted, its commands
// are valid `flinkcheck lint` calls, and its Git hook blocks a commit of a broken file.

afterAll(removeTempTrees);

const doc = readFileSync(fileURLToPath(new URL('../../docs/ci.md', import.meta.url)), 'utf8');
const blocks = (lang: string) => [...doc.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
const project = fileURLToPath(new URL('../fixtures/lint-project/', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/flinkcheck.js', import.meta.url));

/** `$FLINKCHECK lint ...` / `npx ... flinkcheck@x lint ...` -> the arguments after `lint`. */
function lintArgs(command: string): string[] {
  const words = command.trim().split(/\s+/);
  return words.slice(words.indexOf('lint') + 1);
}

describe('docs/ci.md', () => {
  const yamlBlocks = blocks('yaml');

  it('documents a flinkcheck.yaml that the config loader accepts', () => {
    const config = parseConfig(yamlBlocks[0]!, '/repo/flinkcheck.yaml');
    expect(config.catalogs).toEqual(['/repo/catalog/tables.sql']);
    expect(config.sinks).toEqual([
      { table: 'enriched_orders', schema: '/repo/schemas/enriched_orders.avsc', compat: 'backward' },
      { table: 'payments', schema: '/repo/schemas/payments.avsc', compat: 'full' },
    ]);
  });

  it('has a workflow that uploads the SARIF file the lint step writes', () => {
    const workflow = parse(yamlBlocks[1]!) as { permissions: Record<string, string>; jobs: { lint: { steps: { uses?: string; run?: string; with?: Record<string, string> }[] } } };
    expect(workflow.permissions['security-events']).toBe('write');
    const steps = workflow.jobs.lint.steps;
    const sarifRun = steps.find((s) => s.run?.includes('--format sarif'))!;
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))!;
    const args = lintArgs(sarifRun.run!);
    expect(args[args.indexOf('--output') + 1]).toBe(upload.with!['sarif_file']);
  });

  it('its lint commands are valid calls: SARIF on the fixture project, annotations failing on errors', async () => {
    const workflow = parse(yamlBlocks[1]!) as { jobs: { lint: { steps: { run?: string }[] } } };
    const runs = workflow.jobs.lint.steps.flatMap((s) => (s.run?.includes(' lint ') ? [s.run] : []));
    expect(runs).toHaveLength(2);
    const dir = await tempTree({});
    for (const run of runs) {
      const args = lintArgs(run).map((a) => (a === 'flinkcheck.sarif' ? path.join(dir, 'out.sarif') : a));
      const r = await runCli(['lint', '--workers', '1', ...args], { cwd: project });
      expect(r.code).toBe(1);
    }
    expect(JSON.parse(readFileSync(path.join(dir, 'out.sarif'), 'utf8')).version).toBe('2.1.0');
  });

  it('its plain Git hook blocks a commit of a broken file and lets a clean one through', async () => {
    const exec = promisify(execFile);
    const hook = blocks('sh')[0]!.replace(/npx --yes flinkcheck@\S+/, `${process.execPath} ${bin}`);
    const dir = await tempTree({ 'good.sql': 'SELECT 1 AS x;\n', 'bad.sql': 'SELECT FROM;\n', 'notes.txt': 'x' });
    const git = (...args: string[]) => exec('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: dir });
    await git('init', '-q');
    writeFileSync(path.join(dir, '.git/hooks/pre-commit'), hook);
    chmodSync(path.join(dir, '.git/hooks/pre-commit'), 0o755);
    await git('add', 'good.sql', 'notes.txt');
    await expect(git('commit', '-q', '-m', 'good')).resolves.toBeDefined();
    await git('add', 'bad.sql');
    await expect(git('commit', '-q', '-m', 'bad')).rejects.toMatchObject({ stderr: expect.stringMatching(/error\[FSQL\d+\][\s\S]*--> bad\.sql/) });
  });
});
