import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../rules/index.js';
import { ALL_CODES } from '../../src/diagnostics/codes.js';
import { ruleCodes } from '../../src/diagnostics/codes/rules.js';
import { runRule } from '../support/rule-tester.js';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

describe('the rule catalogue', () => {
  it('has one module per rule, named after the rule, all registered', () => {
    const files = readdirSync(RULES_DIR).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.slice(0, -3)).sort();
    expect(BUILTIN_RULES.map((r) => r.meta.name).sort()).toEqual(files);
  });

  it('gives every rule a unique code from the rule range, registered among the diagnostic codes', () => {
    const codes = BUILTIN_RULES.map((r) => r.meta.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const rule of BUILTIN_RULES) {
      expect(rule.meta.code).toMatch(/^FSQL9[0-8]\d\d$/);
      expect(ALL_CODES.filter((c) => c.code === rule.meta.code)).toHaveLength(1);
      expect(rule.meta.name).toMatch(/^[a-z]+(-[a-z]+)*$/);
    }
    const ruleRange = Object.values(ruleCodes).filter((c) => c.code < 'FSQL9900').map((c) => c.code).sort();
    expect(ruleRange).toEqual([...codes].sort());
  });

  it('has at least 26 rules, each with two bad and two good examples or tests', () => {
    expect(BUILTIN_RULES.length).toBeGreaterThanOrEqual(26);
  });
});

describe('rule examples (the docs\' incorrect examples report, the correct ones do not)', () => {
  for (const rule of BUILTIN_RULES) {
    describe(rule.meta.name, () => {
      rule.meta.examples.bad.forEach((sql, i) => {
        it(`bad example ${i + 1} is reported`, () => {
          const found = runRule(rule, sql, rule.meta.examples.options);
          expect(found.filter((d) => d.code !== rule.meta.code)).toEqual([]);
          expect(found.length).toBeGreaterThan(0);
        });
      });
      rule.meta.examples.good.forEach((sql, i) => {
        it(`good example ${i + 1} is accepted`, () => {
          expect(runRule(rule, sql, rule.meta.examples.options)).toEqual([]);
        });
      });
    });
  }
});
