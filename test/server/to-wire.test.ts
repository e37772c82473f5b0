import { describe, expect, it } from 'vitest';
import { T } from '../../src/analysis/types/logical-type.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { SourceText } from '../../src/source/source-text.js';
import { toWireDiagnostic, toWireResponse } from '../../src/server/to-wire.js';
import { validateScript } from '../../src/validate.js';

describe('toWireDiagnostic', () => {
  it('resolves every span of a diagnostic to 1-based UTF-16 positions with offsets', () => {
    const source = new SourceText('SELECT 1;\r\nSELECT `😀` FROM t');
    const at = source.text.indexOf('FROM');
    const d: Diagnostic = {
      code: 'FSQL2003', severity: 'warning', category: 'semantic', message: 'm', span: { start: at, end: at + 4 },
      related: [{ span: { start: 0, end: 6 }, message: 'here' }],
      fixes: [{ title: 'f', applicability: 'unsafe', edits: [{ span: { start: at, end: at + 4 }, text: 'FROM ' }] }],
    };
    const wire = toWireDiagnostic(d, source);
    expect(wire).toMatchObject({
      severity: 'SEVERITY_WARNING', category: 'CATEGORY_SEMANTIC', hint: '',
      range: { start: { line: 2, column: 13, offset: at }, end: { line: 2, column: 17, offset: at + 4 } },
      related: [{ range: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 7, offset: 6 } }, message: 'here' }],
      fixes: [{ applicability: 'FIX_APPLICABILITY_UNSAFE', edits: [{ text: 'FROM ' }] }],
    });
  });
});

describe('toWireResponse', () => {
  it('counts errors and lists statements with their kinds and ranges', () => {
    const wire = toWireResponse(validateScript('SELECT 1;\nSELECT a FORM t'));
    expect(wire.error_count).toBe(1);
    expect(wire.statements.map((s) => [s.index, s.kind, s.range.start.line, s.range.end.offset, s.analyzed])).toEqual([[0, 'SELECT', 1, 8, true], [1, 'SELECT', 2, 25, false]]);
  });

  it('prints output schemas, time attributes, changelog modes and keys of analysed statements', () => {
    const result = validateScript('SELECT 1');
    const analysed = {
      ...result,
      statements: [{
        ...result.statements[0]!,
        analysis: {
          index: 0,
          schema: [{ name: 'id', type: T.bigint(false) }, { name: 'ts', type: T.timestamp(3, true, 'ROWTIME') }],
          changelog: { updates: true, deletes: false },
          keys: [['id']],
          target: 'default_catalog.default_database.sink',
          updatingSource: null,
        },
      }],
    };
    expect(toWireResponse(analysed).statements[0]).toMatchObject({
      analyzed: true,
      output_columns: [
        { name: 'id', type: 'BIGINT NOT NULL', nullable: false, time_attribute: 'TIME_ATTRIBUTE_UNSPECIFIED' },
        { name: 'ts', type: 'TIMESTAMP(3) *ROWTIME*', nullable: true, time_attribute: 'TIME_ATTRIBUTE_ROWTIME' },
      ],
      changelog_mode: { updates: true, deletes: false, summary: '[I,UB,UA]' },
      keys: [{ columns: ['id'] }],
      target: 'default_catalog.default_database.sink',
    });
  });
});
