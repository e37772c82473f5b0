import { describe, expect, it } from 'vitest';
import type { CatalogEntries } from '../../src/analysis/catalog/model.js';
import { applyEdits } from '../../src/diagnostics/apply-fix.js';
import type { Diagnostic, Severity } from '../../src/diagnostics/diagnostic.js';
import { runRules } from '../../src/rules/engine.js';
import type { AnyRule } from '../../src/rules/types.js';
import { validateScript } from '../../src/validate.js';

/**
 * RuleTester, after ESLint's: runs one rule alone over valid scripts (it must report nothing) and
 * invalid scripts (it must report exactly the listed findings, each checked by the text its span
 * covers and by message and hint patterns). Scripts must parse cleanly, so a test cannot pass
 * because the rule never saw a tree.
 */

export interface ValidCase {
  readonly sql: string;
  readonly options?: Readonly<Record<string, unknown>>;
  readonly catalogs?: readonly CatalogEntries[];
  readonly name?: string;
}

export interface ExpectedFinding {
  /** The exact source text the finding's span covers. */
  readonly text: string;
  readonly message?: RegExp;
  readonly hint?: RegExp;
  readonly severity?: Severity;
}

export interface InvalidCase extends ValidCase {
  readonly errors: readonly ExpectedFinding[];
  /** The script after applying the first fix of every finding. */
  readonly output?: string;
}

/** Runs `rule` alone (at its default severity, with the given options) over `sql`. */
export function runRule(rule: AnyRule, sql: string, options?: Readonly<Record<string, unknown>>, catalogs?: readonly CatalogEntries[]): Diagnostic[] {
  const parsed = validateScript(sql, { rules: false, ...(catalogs !== undefined ? { catalogs } : {}) });
  const syntax = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (syntax.length > 0) throw new Error(`test script does not parse cleanly: ${syntax.map((d) => `${d.code} ${d.message}`).join('; ')}`);
  const level = rule.meta.severity === 'warning' ? 'warn' : rule.meta.severity;
  return runRules(
    { source: parsed.source, statements: parsed.statements, catalogs: catalogs ?? [] },
    [rule],
    { profile: 'strict', rules: { [rule.meta.code]: { level, ...(options !== undefined ? { options } : {}) } } },
  ).sort((a, b) => a.span.start - b.span.start);
}

const label = (c: ValidCase): string => c.name ?? c.sql.replace(/\s+/g, ' ').slice(0, 90);

export function ruleTester(rule: AnyRule, cases: { valid: readonly (string | ValidCase)[]; invalid: readonly InvalidCase[] }): void {
  describe(`${rule.meta.name} (${rule.meta.code})`, () => {
    describe('valid', () => {
      for (const raw of cases.valid) {
        const c: ValidCase = typeof raw === 'string' ? { sql: raw } : raw;
        it(label(c), () => {
          const found = runRule(rule, c.sql, c.options, c.catalogs);
          expect(found.map((d) => `${d.code} ${d.message}`)).toEqual([]);
        });
      }
    });
    describe('invalid', () => {
      for (const c of cases.invalid) {
        it(label(c), () => {
          const found = runRule(rule, c.sql, c.options, c.catalogs);
          expect(found.filter((d) => d.code !== rule.meta.code).map((d) => d.message)).toEqual([]);
          expect(found.map((d) => c.sql.slice(d.span.start, d.span.end))).toEqual(c.errors.map((e) => e.text));
          found.forEach((d, i) => {
            const expected = c.errors[i]!;
            expect(d.category).toBe('rule');
            expect(d.severity).toBe(expected.severity ?? rule.meta.severity);
            if (expected.message !== undefined) expect(d.message).toMatch(expected.message);
            if (expected.hint !== undefined) expect(d.hint ?? '').toMatch(expected.hint);
          });
          if (c.output !== undefined) {
            const edits = found.flatMap((d) => d.fixes?.[0]?.edits ?? []);
            expect(applyEdits(c.sql, edits)).toBe(c.output);
          }
        });
      }
    });
  });
}
