import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// Runs bin/flinkcheck.js, which loads the compiled CLI from dist/ (built by `npm ci` / `npm run build`).

const exec = promisify(execFile);
const bin = fileURLToPath(new URL('../../bin/flinkcheck.js', import.meta.url));
const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

async function runBin(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [bin, ...args], { env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('bin/flinkcheck.js', () => {
  it('prints the version', async () => {
    expect(await runBin(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('sets the exit status of a usage error', async () => {
    const r = await runBin(['check', '--bogus']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('flinkcheck: unknown option `--bogus`\nRun `flinkcheck help check` for usage.\n');
  });
});
