import { describe, expect, it } from 'vitest';
import { MAX_FRAME_WIDTH, renderText, summaryLine } from '../../src/diagnostics/render-text.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { SourceText } from '../../src/source/source-text.js';

// CRLF line ends and an emoji (2 UTF-16 code units) before the span on the same line: the column of
// `FORM` is 32 in UTF-16 units (31 in code points).
const TEXT = "-- 😀 clicks\r\nSELECT '😀', user_id, COUNT(*) FORM clicks\r\nGROUP BY user_id;\r\n";
const source = new SourceText(TEXT);
const FORM = TEXT.indexOf('FORM');

const syntaxError: Diagnostic = {
  code: 'FSQL1010',
  severity: 'error',
  category: 'syntax',
  message: 'unexpected `FORM`',
  span: { start: FORM, end: FORM + 4 },
  hint: 'write `FROM` to name the table to read',
  related: [{ span: { start: 3, end: 5 }, message: 'the emoji is here' }],
};

const stripAnsi = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

describe('renderText', () => {
  it('renders a diagnostic with code frame, help and note (golden)', () => {
    expect(renderText([syntaxError], source, { fileName: 'jobs/clicks.sql', color: false })).toBe(
      [
        'error[FSQL1010]: unexpected `FORM`',
        ' --> jobs/clicks.sql:2:32',
        '  1 | -- 😀 clicks',
        "> 2 | SELECT '😀', user_id, COUNT(*) FORM clicks",
        '    |                                ^^^^',
        '  3 | GROUP BY user_id;',
        '    = help: write `FROM` to name the table to read',
        '    = note: the emoji is here (at jobs/clicks.sql:1:4)',
        '',
      ].join('\n'),
    );
  });

  it('shows an empty span as a single caret, and separates diagnostics by a blank line', () => {
    const atEnd: Diagnostic = {
      code: 'FSQL1011',
      severity: 'warning',
      category: 'syntax',
      message: 'statement ends too early',
      span: { start: TEXT.length, end: TEXT.length },
    };
    const afterComma: Diagnostic = { ...atEnd, severity: 'info', span: { start: FORM - 1, end: FORM - 1 } };
    expect(renderText([atEnd, afterComma], source, { fileName: 'a.sql', color: false })).toBe(
      [
        'warning[FSQL1011]: statement ends too early',
        ' --> a.sql:4:1',
        '  3 | GROUP BY user_id;',
        '> 4 |',
        '    | ^',
        '',
        'info[FSQL1011]: statement ends too early',
        ' --> a.sql:2:31',
        '  1 | -- 😀 clicks',
        "> 2 | SELECT '😀', user_id, COUNT(*) FORM clicks",
        '    |                               ^',
        '  3 | GROUP BY user_id;',
        '',
      ].join('\n'),
    );
  });

  it('marks a multi-line span from its start to the end of its first line', () => {
    const d: Diagnostic = { ...syntaxError, span: { start: FORM, end: TEXT.indexOf(';') }, hint: undefined, related: [] };
    const out = renderText([d], source, { fileName: 'a.sql', color: false });
    expect(out.split('\n').slice(1)).toEqual([
      ' --> a.sql:2:32',
      '  1 | -- 😀 clicks',
      "> 2 | SELECT '😀', user_id, COUNT(*) FORM clicks",
      '    |                                ^^^^^^^^^^^',
      '  3 | GROUP BY user_id;',
      '',
    ]);
  });

  it('uses the line-break rules of SourceText (a lone CR ends a line, U+2028 does not)', () => {
    const text = 'a\rSELECT x\u2028y FORM t';
    const at = text.indexOf('FORM');
    const out = renderText([{ ...syntaxError, related: [], span: { start: at, end: at + 4 } }], new SourceText(text), {
      fileName: 'a.sql',
      color: false,
    });
    expect(out.split('\n').slice(1, 5)).toEqual([
      ' --> a.sql:2:12',
      '  1 | a',
      '> 2 | SELECT x y FORM t',
      '    |            ^^^^',
    ]);
  });

  it('makes control characters visible without moving the carets', () => {
    const text = 'SELECT \u001b[31m\0 FORM t';
    const at = text.indexOf('FORM');
    const out = renderText([{ ...syntaxError, related: [], span: { start: at, end: at + 4 } }], new SourceText(text), {
      fileName: 'a.sql',
      color: false,
    });
    expect(out.split('\n').slice(2, 4)).toEqual(['> 1 | SELECT \u241b[31m\u2400 FORM t', '    |               ^^^^']);
  });

  it('keeps tabs so that the carets line up', () => {
    const text = '\tSELECT\tFORM';
    const at = text.indexOf('FORM');
    const out = renderText([{ ...syntaxError, related: [], span: { start: at, end: at + 4 } }], new SourceText(text), {
      fileName: 'a.sql',
      color: false,
    });
    expect(out.split('\n').slice(2, 4)).toEqual(['> 1 | \tSELECT\tFORM', '    | \t      \t^^^^']);
  });

  it('cuts long lines around the span', () => {
    const line = 'SELECT ' + 'col, '.repeat(200) + 'x FORM t';
    const at = line.indexOf('FORM');
    const out = renderText([{ ...syntaxError, related: [], span: { start: at, end: at + 4 } }], new SourceText(line), {
      fileName: 'a.sql',
      color: false,
    });
    const [, arrow, frameLine, markerLine] = out.split('\n');
    expect(arrow).toBe(` --> a.sql:1:${at + 1}`);
    expect(frameLine).toBe('> 1 | …l, col, col, col, col, col, col, col, x FORM t');
    expect(markerLine).toBe('    |                                          ^^^^');
    expect(frameLine!.length).toBeLessThan(MAX_FRAME_WIDTH + 10);
  });

  it('shows fixes as help lines', () => {
    const d: Diagnostic = {
      ...syntaxError,
      hint: undefined,
      related: [],
      fixes: [
        { title: 'Replace `FORM` with `FROM`', applicability: 'safe', edits: [{ span: syntaxError.span, text: 'FROM' }] },
        { title: 'Remove the statement', applicability: 'unsafe', edits: [] },
      ],
    };
    const out = renderText([d], source, { fileName: 'a.sql', color: false });
    expect(out.split('\n').filter((l) => l.includes('= help'))).toEqual([
      '    = help: Replace `FORM` with `FROM`',
      '    = help: Remove the statement (unsafe fix)',
    ]);
  });

  it('aligns help lines with a wider gutter', () => {
    const text = 'x\n'.repeat(9) + 'SELECT 1 FORM t\n';
    const at = text.indexOf('FORM');
    const out = renderText([{ ...syntaxError, related: [], span: { start: at, end: at + 4 } }], new SourceText(text), {
      fileName: 'a.sql',
      color: false,
    });
    expect(out.split('\n').slice(2)).toEqual([
      '   9 | x',
      '> 10 | SELECT 1 FORM t',
      '     |          ^^^^',
      '     = help: write `FROM` to name the table to read',
      '',
    ]);
  });

  it('adds colours only when asked, and otherwise the same text', () => {
    const coloured = renderText([syntaxError], source, { fileName: 'a.sql', color: true });
    const plainText = renderText([syntaxError], source, { fileName: 'a.sql', color: false });
    expect(coloured).toContain('\u001b[');
    expect(plainText).not.toContain('\u001b[');
    expect(stripAnsi(coloured)).toBe(plainText);
  });

  it('renders nothing for no diagnostics', () => {
    expect(renderText([], source, { fileName: 'a.sql', color: false })).toBe('');
  });
});

describe('summaryLine', () => {
  it('counts errors, warnings and files', () => {
    expect(summaryLine({ errors: 2, warnings: 1, files: 3 })).toBe('2 errors, 1 warning in 3 files');
    expect(summaryLine({ errors: 1, warnings: 0, files: 1 })).toBe('1 error in 1 file');
    expect(summaryLine({ errors: 0, warnings: 2, infos: 1, files: 2 })).toBe('2 warnings, 1 info in 2 files');
    expect(summaryLine({ errors: 0, warnings: 0, files: 1 })).toBe('no problems found in 1 file');
  });
});
