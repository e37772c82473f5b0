import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../src/cli/lint/formats/github.js';
import { countResults, type LintResult } from '../../src/cli/lint/formats/report.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { SourceText } from '../../src/source/source-text.js';
import { ProgressBar, progressLine } from '../../src/cli/lint/progress.js';
import { removeTempTrees, runCli, tempTree } from './helpers.js';

afterAll(removeTempTrees);

describe('github format', () => {
  it('escapes data and properties as actions/toolkit does', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });

  it('gives columns only for one-line spans and points JSONL records at their line', () => {
    const source = new SourceText('SELECT a,\n  b FROM t');
    const d = (start: number, end: number): Diagnostic => ({ code: 'FSQL1010', severity: 'error', category: 'syntax', message: 'm', span: { start, end } });
    const results: LintResult[] = [
      { file: 'multi.sql', source, statements: [], diagnostics: [d(7, 13)] },
      { file: 'multi.sql', source, statements: [], diagnostics: [d(12, 13)] },
      { file: 'q.jsonl', source, statements: [], diagnostics: [d(12, 13)], query: { id: 'a,b', line: 4 } },
    ];
    const out = formatGithub({ results, counts: countResults(results), toolVersion: '0', maxWarnings: null });
    expect(out.split('\n').slice(0, 4)).toEqual([
      '::error file=multi.sql,line=1,endLine=2,title=FSQL1010 Unexpected token::m',
      '::error file=multi.sql,line=2,endLine=2,col=3,endColumn=4,title=FSQL1010 Unexpected token::m',
      '::error file=q.jsonl,line=4,title=FSQL1010 Unexpected token::query `a,b` at 2:3: m',
      'flinkcheck: 3 errors in 2 files (3 queries)',
    ]);
  });

  it('adds a notice past GitHub\'s 10 annotations per level, and writes the step summary', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`f${String(i).padStart(2, '0')}.sql`] = 'SELECT FROM;\n';
    const dir = await tempTree(files);
    const summary = path.join(dir, 'summary.md');
    const r = await runCli(['lint', '--no-config', '-f', 'github', '.'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('::notice title=flinkcheck::GitHub shows 10 annotations per level in a step; 12 errors were reported.');
    const md = readFileSync(summary, 'utf8');
    expect(md).toContain('## flinkcheck\n\n12 errors in 12 files\n');
    expect(md).toMatch(/\| FSQL\d{4} \| [^|]+ \| error \| 12 \|/);
    expect(md).toContain('| `f00.sql` | 1 |');
  });

  it('writes no step summary for other formats', async () => {
    const dir = await tempTree({ 'a.sql': 'SELECT FROM;\n' });
    const summary = path.join(dir, 'summary.md');
    await runCli(['lint', '--no-config', '.'], { cwd: dir, env: { GITHUB_STEP_SUMMARY: summary } });
    expect(() => readFileSync(summary)).toThrow();
  });
});

describe('junit format', () => {
  it('escapes XML and turns control characters into U+FFFD', async () => {
    const dir = await tempTree({ 'a&b.sql': "SELECT '<x>\u0001' FORM t;\n" });
    const r = await runCli(['lint', '--no-config', '-f', 'junit', '.'], { cwd: dir });
    expect(r.stdout).toContain('<testsuite name="a&amp;b.sql"');
    expect(r.stdout).not.toMatch(/[\u0001]/);
    expect(r.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="flinkcheck" tests="\d+" failures="\d+" errors="0">/);
  });
});

describe('progress bar', () => {
  it('formats done/total, rate and ETA', () => {
    expect(progressLine(500, 1000, 1000, 'queries')).toBe('[############............] 500/1000 queries  500/s  ETA 1s');
    expect(progressLine(10, 10_000, 1000, 'queries')).toBe('[........................] 10/10000 queries  10/s  ETA 16m39s');
  });

  it('draws nothing in the first half second, then at most every 100 ms, and clears its line', () => {
    let now = 0;
    let out = '';
    const bar = new ProgressBar({ write: (t: string) => (out += t) }, 100, 'queries', () => now);
    bar.update(10);
    now = 400;
    bar.update(20);
    expect(out).toBe('');
    now = 600;
    bar.update(30);
    now = 650;
    bar.update(40);
    expect(out.match(/\r\[/g)).toHaveLength(1);
    expect(out).toContain('30/100 queries');
    bar.finish();
    expect(out.endsWith('\r\u001b[K')).toBe(true);
  });

  it('is not drawn when stderr is not a terminal', async () => {
    const records = Array.from({ length: 300 }, (_, i) => JSON.stringify({ id: i, sql: `SELECT ${i} AS n` })).join('\n');
    const dir = await tempTree({ 'q.jsonl': records });
    const r = await runCli(['lint', '--no-config', '--workers', '1', 'q.jsonl'], { cwd: dir });
    expect(r.stderr).toBe('');
  });
});

describe('worker threads (compiled CLI)', () => {
  const exec = promisify(execFile);
  const bin = fileURLToPath(new URL('../../bin/flinkcheck.js', import.meta.url));

  it('--workers 2 gives exactly the output of --workers 1 on a batch large enough for the pool', async () => {
    const records = Array.from({ length: 400 }, (_, i) =>
      JSON.stringify({ id: `q${i}`, sql: i % 7 === 0 ? `SELECT ${i} FORM t` : `SELECT ${i} AS n, UPPER('x') AS s WHERE ${i} > 1` }),
    ).join('\n');
    const dir = await tempTree({ 'batch.jsonl': records + '\n' });
    const run = async (workers: string) => {
      try {
        await exec(process.execPath, [bin, 'lint', '--no-config', '-f', 'json', '--workers', workers, 'batch.jsonl'], { cwd: dir, maxBuffer: 64 << 20 });
        throw new Error('expected findings');
      } catch (error) {
        const e = error as { code: number; stdout: string };
        return { code: e.code, stdout: e.stdout };
      }
    };
    const one = await run('1');
    const two = await run('2');
    expect(one.code).toBe(1);
    expect(two).toEqual(one);
    const report = JSON.parse(one.stdout);
    expect(report.summary.queries).toBe(400);
    expect(report.summary.errors).toBe(58);
  });
});
