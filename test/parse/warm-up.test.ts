import { expect, it } from 'vitest';
import { parseScript, WARM_UP_SCRIPT, warmUpParser } from '../../src/parse/index.js';

it('warms the parser with a script that is itself valid Flink SQL covering every statement family', () => {
  const result = parseScript(WARM_UP_SCRIPT);
  expect(result.diagnostics).toEqual([]);
  const kinds = new Set(result.statements.map((s) => s.kind.split(' ')[0]));
  for (const family of ['CREATE', 'INSERT', 'SELECT', 'EXECUTE', 'ALTER', 'SET', 'RESET', 'SHOW', 'DESCRIBE', 'EXPLAIN', 'USE', 'DROP']) {
    expect(kinds, family).toContain(family);
  }
  expect(() => warmUpParser()).not.toThrow();
});
