/**
 * Message quality against Flink's own corpus: for every statement Flink rejects, flinkcheck reports
 * an error, inside the statement, where Flink points, naming what is wrong, without internal names.
 * Each test prints its score and its misses. Expression records (Flink's function tests) are mostly
 * type errors whose detection comes with the expression typer; their share is in the overall rate.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../bench/corpus.js';
import { corpusAvailable, judgeCorpus, percent, type Verdict } from '../../tools/docs/flink-corpus.js';
import { FLINK_VS_FLINKCHECK_PATH, flinkVsFlinkcheck } from '../../tools/docs/flink-vs-flinkcheck.js';

const run = corpusAvailable() ? describe : describe.skip;

function oneLine(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? flat.slice(0, max - 3) + '...' : flat;
}

function describeMiss(v: Verdict): string {
  const ours = v.primary === null ? 'nothing' : `${v.primary.code} at ${v.start}: ${oneLine(v.primary.message, 100)}`;
  const flinkAt = v.record.error_span ? ` at ${v.record.error_span.start} (${JSON.stringify(v.record.error_span.marked_text ?? '')})` : '';
  return `${v.record.id}\n    SQL:   ${oneLine(v.statement)}\n    Flink${flinkAt}: ${oneLine(v.record.error ?? '', 100)}\n    ours:  ${ours}`;
}

run('Flink corpus: message quality', () => {
  const report = corpusAvailable() ? judgeCorpus() : null!;
  const verdicts = report?.verdicts ?? [];
  const score = (label: string, part: readonly Verdict[], whole: readonly Verdict[], misses: readonly Verdict[] = []): void => {
    console.log(`${label}: ${part.length}/${whole.length} (${percent(part.length, whole.length)})${misses.length > 0 ? '\n  ' + misses.map(describeMiss).join('\n  ') : ''}`);
  };

  it('reports an error for every statement Flink rejects while parsing', () => {
    const parse = verdicts.filter((v) => v.record.phase === 'parse');
    const misses = parse.filter((v) => v.primary === null);
    score('Parse-phase records with an error', parse.filter((v) => v.primary !== null), parse, misses);
    expect(misses.map((v) => v.record.id)).toEqual([]);
  });

  it('reports an error for most statements Flink rejects while validating (expressions excepted: they need the typer)', () => {
    const statements = verdicts.filter((v) => v.record.phase !== 'parse' && v.record.input_types === undefined);
    const reported = statements.filter((v) => v.primary !== null);
    score('Validate/execute-phase statements with an error', reported, statements, statements.filter((v) => v.primary === null));
    const expressions = verdicts.filter((v) => v.record.input_types !== undefined);
    score('Expression records with an error', expressions.filter((v) => v.primary !== null), expressions);
    score('All records with an error', verdicts.filter((v) => v.primary !== null), verdicts);
    expect(reported.length / statements.length).toBeGreaterThanOrEqual(0.8);
    expect(report.reported / verdicts.length).toBeGreaterThanOrEqual(0.64);
  });

  it("puts the error's span inside the statement", () => {
    const reported = verdicts.filter((v) => v.primary !== null);
    const outside = reported.filter((v) => !v.spanInside);
    score('Spans inside the statement', reported.filter((v) => v.spanInside), reported, outside);
    expect(outside.map((v) => v.record.id)).toEqual([]);
  });

  it('starts the error where Flink points in at least 90% of the records with a position', () => {
    const positioned = verdicts.filter((v) => v.positionMatch !== null);
    const misses = positioned.filter((v) => v.positionMatch === false);
    score('Errors starting where Flink points', positioned.filter((v) => v.positionMatch === true), positioned, misses);
    expect(report.positionMatches / report.positioned).toBeGreaterThanOrEqual(0.9);
  });

  it('uses no internal names (Java classes, EXPR$, token names, planner nodes) in messages and hints', () => {
    const offenders = verdicts.filter((v) => v.internalNames.length > 0);
    console.log(`Messages with internal names: ${offenders.length}${offenders.map((v) => `\n  ${v.internalNames.join(', ')}: ${describeMiss(v)}`).join('')}`);
    expect(offenders.map((v) => `${v.record.id}: ${v.internalNames.join(', ')}`)).toEqual([]);
  });

  it('names the offending token or identifier where Flink points at one (>= 85%)', () => {
    const nameable = verdicts.filter((v) => v.namesOffending !== null);
    const misses = nameable.filter((v) => v.namesOffending === false);
    score('Messages naming the offending token or identifier', nameable.filter((v) => v.namesOffending === true), nameable, misses);
    expect(report.named / report.nameable).toBeGreaterThanOrEqual(0.85);
  });

  it('keeps docs/flink-vs-flinkcheck.md current (run `npm run docs` when this fails)', () => {
    const file = join(repoRoot(), FLINK_VS_FLINKCHECK_PATH);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8') === flinkVsFlinkcheck(report)).toBe(true);
  });
});
