import { describe, expect, it } from 'vitest';
import { validateScript } from '../../src/validate.js';
import { corpusAvailable, readJsonl, type ValidRecord } from '../support/corpus.js';

interface ContextRecord extends ValidRecord {
  context_ids?: string[];
  source?: string;
}
interface QScript {
  id: string;
  statements: { sql: string }[];
}

/**
 * The no-false-alarm check: statements Flink's own tests run successfully must not get a rule
 * error under the recommended profile, and no rule may fail on them.
 */
describe.skipIf(!corpusAvailable())('rules on the corpus', () => {
  const records = corpusAvailable() ? readJsonl<ContextRecord>('valid.jsonl') : [];
  const byId = new Map(records.map((r) => [r.id, r]));

  const ruleProblems = (script: string, from: number) => validateScript(script, { rules: { profile: 'recommended' } }).diagnostics
    .filter((d) => d.span.start >= from && (d.category === 'internal' || (d.category === 'rule' && d.severity === 'error')))
    .map((d) => `${d.code} ${d.message}`);

  it('q-file records (with the statements they depend on) get no rule error', () => {
    const failures: string[] = [];
    let checked = 0;
    for (const r of records) {
      if (r.kind !== 'q-file') continue;
      const prefix = (r.context_ids ?? []).map((id) => byId.get(id)?.sql).filter((s): s is string => s !== undefined).map((s) => `${s};\n`).join('');
      checked++;
      for (const p of ruleProblems(prefix + r.sql, prefix.length)) failures.push(`${r.id}: ${p}`);
    }
    expect(checked).toBeGreaterThan(300);
    expect(failures).toEqual([]);
  });

  it('whole q-file scripts get no rule error', () => {
    const scripts = readJsonl<QScript>('qscripts.jsonl');
    const failures = scripts.flatMap((q) => ruleProblems(q.statements.map((s) => s.sql).join(';\n'), 0).map((p) => `${q.id}: ${p}`));
    expect(scripts.length).toBeGreaterThan(20);
    expect(failures).toEqual([]);
  });

  it('no rule fails on any valid record', () => {
    const failures: string[] = [];
    for (const r of records) {
      const internal = validateScript(r.sql, { rules: { profile: 'strict' } }).diagnostics.filter((d) => d.category === 'internal' && d.code === 'FSQL0001');
      for (const d of internal) failures.push(`${r.id}: ${d.message}`);
    }
    expect(failures).toEqual([]);
  });
});
