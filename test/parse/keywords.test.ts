/**
 * The grammar and Flink agree on which words are reserved: every keyword token of the lexer is
 * either reserved in Flink or listed in the parser's `nonReservedKeyword` rule, and each kind
 * behaves accordingly when used as a column name.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScript } from '../../src/parse/index.js';
import { RESERVED_WORDS } from '../../src/parse/keywords.js';

const lexer = readFileSync(new URL('../../grammar/FlinkSqlLexer.g4', import.meta.url), 'utf8');
const parser = readFileSync(new URL('../../grammar/FlinkSqlParser.g4', import.meta.url), 'utf8');
const keywordTokens = [...lexer.matchAll(/(\w+)\s*:\s*'([A-Z_]+)'\s*;/g)].map((m) => ({ token: m[1]!, word: m[2]! }));
const nonReservedRule = /nonReservedKeyword\s*:([^;]*);/.exec(parser)![1]!;
const nonReserved = new Set(nonReservedRule.match(/\b[A-Z_]+\b/g));

/** Reserved words that are complete expressions on their own. */
const SELF_STANDING = new Set([
  'NULL', 'TRUE', 'FALSE', 'UNKNOWN', 'USER', 'CURRENT_DATE', 'CURRENT_TIME', 'CURRENT_TIMESTAMP', 'LOCALTIME',
  'LOCALTIMESTAMP', 'CURRENT_USER', 'SESSION_USER', 'SYSTEM_USER', 'CURRENT_ROLE', 'CURRENT_PATH', 'CURRENT_CATALOG',
  'CURRENT_SCHEMA', 'CURRENT_DEFAULT_TRANSFORM_GROUP',
]);

describe('reserved and non-reserved keywords', () => {
  it('classifies every keyword token of the lexer', () => {
    expect(keywordTokens.length).toBeGreaterThan(200);
    for (const { token, word } of keywordTokens) {
      if (RESERVED_WORDS.has(word)) expect(nonReserved.has(token), `${word} is reserved in Flink`).toBe(false);
      else expect(nonReserved.has(token), `${word} is not reserved in Flink: list ${token} in nonReservedKeyword`).toBe(true);
    }
  });

  it('accepts every non-reserved keyword as a bare column name and alias', () => {
    for (const { token, word } of keywordTokens) {
      if (!nonReserved.has(token)) continue;
      const sql = `SELECT ${word.toLowerCase()}, x AS ${word.toLowerCase()} FROM t`;
      expect(parseScript(sql).diagnostics, sql).toEqual([]);
    }
  });

  it('rejects every reserved word as a bare column name, and accepts it quoted', () => {
    for (const word of RESERVED_WORDS) {
      if (SELF_STANDING.has(word) || word.includes('-')) continue;
      const bare = `SELECT x, ${word.toLowerCase()} FROM t`;
      expect(parseScript(bare).diagnostics.some((d) => d.severity === 'error'), bare).toBe(true);
      const quoted = `SELECT x, \`${word.toLowerCase()}\` FROM t`;
      expect(parseScript(quoted).diagnostics, quoted).toEqual([]);
    }
  });
});
