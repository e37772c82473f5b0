import { describe, expect, it } from 'vitest';
import type { Diagnostic, Fix } from '../../src/diagnostics/diagnostic.js';
import { applySafeFixes, nonOverlappingSafeFixes } from '../../src/diagnostics/fix-all.js';
import { unifiedDiff } from '../../src/diagnostics/unified-diff.js';
import { parseScript } from '../../src/parse/index.js';

const check = (text: string): readonly Diagnostic[] => parseScript(text).diagnostics;

function diag(start: number, fixes: Fix[]): Diagnostic {
  return { code: 'FSQL1010', severity: 'error', category: 'syntax', message: 'x', span: { start, end: start + 1 }, fixes };
}
const fix = (title: string, start: number, end: number, text: string, applicability: 'safe' | 'unsafe' = 'safe'): Fix => ({ title, applicability, edits: [{ span: { start, end }, text }] });

describe('choosing fixes', () => {
  it('takes only safe fixes, the first safe one of each diagnostic', () => {
    const chosen = nonOverlappingSafeFixes([
      diag(0, [fix('unsafe', 0, 1, 'u', 'unsafe'), fix('safe A', 0, 1, 'a'), fix('safe B', 0, 1, 'b')]),
      diag(5, [fix('only unsafe', 5, 6, 'z', 'unsafe')]),
    ]);
    expect(chosen.map((f) => f.title)).toEqual(['safe A']);
  });

  it('never takes two fixes whose edits overlap or meet', () => {
    const chosen = nonOverlappingSafeFixes([
      diag(0, [fix('first', 0, 5, 'X')]),
      diag(3, [fix('overlaps', 3, 8, 'Y')]),
      diag(5, [fix('meets', 5, 5, ',')]),
      diag(9, [fix('apart', 9, 10, 'Z')]),
    ]);
    expect(chosen.map((f) => f.title)).toEqual(['first', 'apart']);
  });
});

describe('applySafeFixes', () => {
  it('fixes one problem after another until no safe fix is left', () => {
    const result = applySafeFixes('SELEC a, b c d FROM t WHERE a != 1', check);
    expect(result.text).toBe('SELECT a, b c, d FROM t WHERE a <> 1');
    expect(result.applied).toBe(3);
    expect(check(result.text)).toEqual([]);
  });

  it('leaves text without safe fixes unchanged', () => {
    const result = applySafeFixes("SELECT 'abc FROM t", check);
    expect(result).toEqual({ text: "SELECT 'abc FROM t", applied: 0, titles: [] });
  });

  it('stops when fixes would bring back an earlier text', () => {
    let n = 0;
    const flip = (text: string): Diagnostic[] => {
      n++;
      return [diag(0, [fix('flip', 0, 1, text[0] === 'a' ? 'b' : 'a')])];
    };
    const result = applySafeFixes('a', flip);
    expect(result.text).toBe('b');
    expect(n).toBe(2);
  });
});

describe('unifiedDiff', () => {
  it('prints the changed lines with three lines of context', () => {
    const before = ['l1', 'l2', 'l3', 'l4', 'l5', 'SELEC 1;', 'l7', 'l8', 'l9', 'l10', ''].join('\n');
    const after = before.replace('SELEC', 'SELECT');
    expect(unifiedDiff(before, after, 'a/x.sql', 'b/x.sql')).toBe(
      ['--- a/x.sql', '+++ b/x.sql', '@@ -3,7 +3,7 @@', ' l3', ' l4', ' l5', '-SELEC 1;', '+SELECT 1;', ' l7', ' l8', ' l9', ''].join('\n'),
    );
  });

  it('keeps separate hunks apart and marks a missing final newline', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n');
    const after = before.replace('line 2\n', 'line two\n').replace('line 20', 'line twenty');
    const diff = unifiedDiff(before, after, 'a', 'b');
    expect(diff.match(/^@@/gm)).toHaveLength(2);
    expect(diff).toContain('@@ -1,5 +1,5 @@');
    expect(diff).toContain('@@ -17,4 +17,4 @@');
    expect(diff).toContain('+line twenty\n\\ No newline at end of file');
  });

  it('handles inserted and removed lines', () => {
    const diff = unifiedDiff('a\nb\nc\n', 'a\nx\nb\n', 'a', 'b');
    expect(diff).toBe(['--- a', '+++ b', '@@ -1,3 +1,3 @@', ' a', '+x', ' b', '-c', ''].join('\n'));
  });

  it('is empty for equal texts', () => {
    expect(unifiedDiff('same', 'same', 'a', 'b')).toBe('');
  });
});
