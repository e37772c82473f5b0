import { describe, expect, it } from 'vitest';
import { renderJson, toJsonFile, toJsonReport, type FileResult } from '../../src/diagnostics/render-json.js';
import { SourceText } from '../../src/source/source-text.js';

// CRLF line ends and an emoji before the span: `FORM` is at line 2, UTF-16 column 32, offset 45.
const TEXT = "-- 😀 clicks\r\nSELECT '😀', user_id, COUNT(*) FORM clicks\r\nGROUP BY user_id;\r\n";
const source = new SourceText(TEXT);
const FORM = TEXT.indexOf('FORM');

const result: FileResult = {
  file: 'jobs/clicks.sql',
  source,
  statements: [{ index: 0, kind: 'UNKNOWN', span: { start: 14, end: TEXT.indexOf(';') } }],
  diagnostics: [
    {
      code: 'FSQL1015',
      severity: 'error',
      category: 'syntax',
      message: 'misspelled keyword `FORM`',
      span: { start: FORM, end: FORM + 4 },
      hint: 'write `FROM`',
      related: [{ span: { start: 3, end: 5 }, message: 'the emoji is here' }],
      fixes: [{ title: 'Replace `FORM` with `FROM`', applicability: 'safe', edits: [{ span: { start: FORM, end: FORM + 4 }, text: 'FROM' }] }],
    },
    {
      code: 'FSQL1004',
      severity: 'warning',
      category: 'syntax',
      message: 'script contains no statement',
      span: { start: TEXT.length, end: TEXT.length },
      related: [],
    },
  ],
};

describe('JSON renderer', () => {
  it('renders one file in the documented shape (golden)', () => {
    expect(FORM).toBe(45);
    const pos = (line: number, column: number, offset: number) => ({ line, column, offset });
    expect(toJsonFile(result)).toEqual({
      file: 'jobs/clicks.sql',
      statements: [{ index: 0, kind: 'UNKNOWN', span: { start: pos(2, 1, 14), end: pos(3, 17, 74) } }],
      diagnostics: [
        {
          code: 'FSQL1015',
          severity: 'error',
          category: 'syntax',
          message: 'misspelled keyword `FORM`',
          hint: 'write `FROM`',
          span: { start: pos(2, 32, 45), end: pos(2, 36, 49) },
          related: [{ message: 'the emoji is here', span: { start: pos(1, 4, 3), end: pos(1, 6, 5) } }],
          fixes: [
            {
              title: 'Replace `FORM` with `FROM`',
              applicability: 'safe',
              edits: [{ span: { start: pos(2, 32, 45), end: pos(2, 36, 49) }, text: 'FROM' }],
            },
          ],
        },
        {
          code: 'FSQL1004',
          severity: 'warning',
          category: 'syntax',
          message: 'script contains no statement',
          span: { start: pos(4, 1, 77), end: pos(4, 1, 77) },
        },
      ],
    });
  });

  it('leaves out hint, related and fixes when there are none', () => {
    const [, second] = toJsonFile(result).diagnostics;
    expect(Object.keys(second!)).toEqual(['code', 'severity', 'category', 'message', 'span']);
  });

  it('keeps a stable key order', () => {
    const [first] = toJsonFile(result).diagnostics;
    expect(Object.keys(first!)).toEqual(['code', 'severity', 'category', 'message', 'hint', 'span', 'related', 'fixes']);
  });

  it('wraps files in a versioned report with a summary', () => {
    const empty: FileResult = { file: 'b.sql', source: new SourceText(''), statements: [], diagnostics: [] };
    const report = toJsonReport([toJsonFile(result), toJsonFile(empty)]);
    expect(report.version).toBe(1);
    expect(report.files.map((f) => f.file)).toEqual(['jobs/clicks.sql', 'b.sql']);
    expect(report.summary).toEqual({ errors: 1, warnings: 1, infos: 0 });
    expect(Object.keys(report)).toEqual(['version', 'files', 'summary']);
  });

  it('renders text that parses back to the same report', () => {
    const text = renderJson([result]);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(toJsonReport([toJsonFile(result)]));
  });
});
