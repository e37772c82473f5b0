import { expect, it } from 'vitest';
import { mergeInputDiagnostics } from '../../src/diagnostics/merge.js';
import { parseScript } from '../../src/parse/index.js';
import { decodeSource } from '../../src/source/decode.js';

it('reports a NUL character or an invalid byte once, as an input problem', () => {
  const decoded = decodeSource(Buffer.from('SELECT 1\u0000 FROM t;\nSELECT \xff FROM u;', 'latin1'));
  const parsed = parseScript(decoded.text);
  const merged = mergeInputDiagnostics(decoded.diagnostics, parsed.diagnostics);
  expect(merged.map((d) => d.code).sort()).toEqual(['FSQL1001', 'FSQL1002']);
});

it('keeps parser diagnostics about other characters', () => {
  const parsed = parseScript('SELECT 1 # comment');
  expect(mergeInputDiagnostics([], parsed.diagnostics).map((d) => d.code)).toEqual(['FSQL1020']);
});
