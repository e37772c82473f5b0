/**
 * Broken variants of real statements: each corpus statement with one token deleted, duplicated or
 * swapped with its neighbour. Whatever the damage, parsing must not throw, must not report an
 * internal error, must keep every span inside the text, and must speak without parser internals.
 */
import { expect, it } from 'vitest';
import { parseScript } from '../../src/parse/index.js';
import { lexScript } from '../../src/parse/tokens.js';
import { corpusAvailable, readJsonl, type ValidRecord } from '../support/corpus.js';

const INTERNALS = /IDENTIFIER|LPAREN|RPAREN|<EOF>|mismatched|extraneous|no viable|Context|STRING_LITERAL|\bnull\b|undefined/;

function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

it.skipIf(!corpusAvailable())('survives and explains 1,500 broken variants of corpus statements', () => {
  const records = readJsonl<ValidRecord>('valid.jsonl').filter((r) => !r.fragment && r.sql.length < 2_000);
  const next = random(7);
  let broken = 0;
  let reported = 0;
  for (let i = 0; i < 1_500; i++) {
    const sql = records[Math.floor(next() * records.length)]!.sql;
    const tokens = lexScript(sql).filter((t) => t.channel === 0);
    if (tokens.length < 2) continue;
    const at = Math.floor(next() * tokens.length);
    const token = tokens[at]!;
    const mode = Math.floor(next() * 3);
    let mutated: string;
    if (mode === 0) mutated = sql.slice(0, token.start) + sql.slice(token.stop + 1);
    else if (mode === 1) mutated = sql.slice(0, token.stop + 1) + ' ' + token.text + sql.slice(token.stop + 1);
    else {
      const other = tokens[Math.min(at + 1, tokens.length - 1)]!;
      mutated = sql.slice(0, token.start) + other.text + sql.slice(token.stop + 1, other.start) + token.text + sql.slice(other.stop + 1);
    }
    broken++;
    const result = parseScript(mutated);
    for (const d of result.diagnostics) {
      expect(d.category, mutated).not.toBe('internal');
      expect(d.span.start, mutated).toBeGreaterThanOrEqual(0);
      expect(d.span.end, mutated).toBeLessThanOrEqual(mutated.length);
      expect(d.span.start, mutated).toBeLessThanOrEqual(d.span.end);
      expect(d.message, mutated).not.toMatch(INTERNALS);
      expect(d.hint ?? '', mutated).not.toMatch(INTERNALS);
    }
    if (result.diagnostics.some((d) => d.severity === 'error')) reported++;
  }
  console.log(`broken variants: ${broken}, with an error reported: ${reported}`);
  expect(reported / broken).toBeGreaterThan(0.5);
});
