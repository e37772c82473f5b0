import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printChangelogMode } from '../../src/analysis/schema.js';
import { printType } from '../../src/analysis/types/logical-type.js';
import { validateScript } from '../../src/validate.js';

const SCRIPT = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'analysis', 'recipes.sql'), 'utf8');

describe('streaming recipes Flink accepts', () => {
  const result = validateScript(SCRIPT);

  it('get no error and no warning', () => {
    const problems = result.diagnostics.filter((d) => d.severity !== 'info');
    expect(problems.map((d) => `${d.code} ${d.message} @${result.source.text.slice(d.span.start, d.span.end)}`)).toEqual([]);
  });

  it('yield the schemas and changelog modes Flink infers', () => {
    const queries = result.statements.filter((s) => s.kind === 'SELECT' || s.kind === 'INSERT');
    const describe = (i: number): string => {
      const a = queries[i]!.analysis!;
      return `${printChangelogMode(a.changelog!)} ${a.schema!.map((c) => `${c.name} ${printType(c.type)}`).join(', ')}`;
    };
    expect(describe(0)).toBe('[I] window_start TIMESTAMP(3) NOT NULL, window_rowtime TIMESTAMP(3) NOT NULL *ROWTIME*, status_code STRING, requests BIGINT NOT NULL');
    expect(describe(4)).toBe('[I] order_id BIGINT, converted DECIMAL(15, 5), order_time TIMESTAMP_LTZ(3) *ROWTIME*');
    expect(describe(8)).toBe('[I,UB,UA,D] product STRING, sold BIGINT NOT NULL');
    expect(describe(10)).toBe('[I] shipment_id BIGINT, tag STRING');
  });
});
