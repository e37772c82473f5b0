import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

// The watchdog runs in a worker thread, so it is tested from its compiled copy (built by `npm ci`).
const compiled = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'tools', 'fuzz', 'watchdog.js');

describe.runIf(existsSync(compiled))('fuzz watchdog', () => {
  const run = (body: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'fuzz-watchdog-'));
    const file = join(dir, 'hang.sql');
    const script = `import { Watchdog } from ${JSON.stringify(pathToFileURL(compiled).href)};
const dog = new Watchdog(64, 1000, ${JSON.stringify(file)});
${body}`;
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
    return { child, file };
  };

  it('saves the input in flight and kills a run that stops making progress', () => {
    const { child, file } = run(`dog.begin('SELECT ' + 'x'.repeat(100)); for (;;);`);
    expect(child.signal).toBe('SIGKILL');
    expect(child.stderr).toContain('HANG: one input has run for more than 1000 ms');
    // The buffer holds 64 characters: a longer input is kept truncated.
    expect(readFileSync(file, 'utf8')).toBe(('SELECT ' + 'x'.repeat(100)).slice(0, 64));
  });

  it('leaves a run alone while inputs finish', () => {
    const { child, file } = run(`const until = Date.now() + 2500;
while (Date.now() < until) { dog.begin('SELECT 1'); for (let i = 0; i < 1e5; i++); dog.end(); }
await dog.stop();
console.log('done');`);
    expect(child.status).toBe(0);
    expect(child.stdout.trim()).toBe('done');
    expect(existsSync(file)).toBe(false);
  });
});
