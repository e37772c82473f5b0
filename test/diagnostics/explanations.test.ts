/**
 * The catalog of diagnostics: every code has an explanation, every example triggers its code, every
 * fixed script is clean, the safe fixes of the examples work, and the generated docs are current.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../bench/corpus.js';
import { ALL_CODES } from '../../src/diagnostics/codes.js';
import { EXPLANATIONS } from '../../src/diagnostics/explanations/index.js';
import { applySafeFixes } from '../../src/diagnostics/fix-all.js';
import { explainFlinkError } from '../../src/explain-error.js';
import { BUILTIN_RULES } from '../../src/rules/index.js';
import { checkCatalogExample, checkExample, DIAGNOSTICS_DOCS_DIR, diagnosticsDocs, exampleCodes } from '../../tools/docs/diagnostics.js';
import { internalNamesIn } from '../../tools/docs/flink-corpus.js';

const checked = [...EXPLANATIONS].filter(([, e]) => e.verifiedBy === undefined || e.verifiedBy === 'validate' || e.verifiedBy === 'latin1');
const encodingOf = (how: string | undefined): 'latin1' | 'utf-16' => (how === 'latin1' ? 'latin1' : 'utf-16');
const documents = [...EXPLANATIONS].filter(([, e]) => e.verifiedBy === 'catalog-document');
/** Entries checked by their own reader: guardrail rules (run enabled), lint configurations, JSONL exports. */
const otherInputs = [...EXPLANATIONS].filter(([, e]) => e.verifiedBy === 'rule' || e.verifiedBy === 'lint-config' || e.verifiedBy === 'jsonl-export');
const isSql = (e: { verifiedBy?: string }): boolean => e.verifiedBy !== 'lint-config' && e.verifiedBy !== 'jsonl-export';

describe('diagnostic catalog', () => {
  it('explains every code in ALL_CODES', () => {
    const missing = ALL_CODES.map((c) => c.code).filter((code) => !EXPLANATIONS.has(code));
    if (missing.length > 0) console.log(`Codes without an explanation (${missing.length}): ${missing.join(', ')}`);
    expect(missing).toEqual([]);
  });

  it('explains only codes that exist', () => {
    const known = new Set(ALL_CODES.map((c) => c.code));
    expect([...EXPLANATIONS.keys()].filter((code) => !known.has(code))).toEqual([]);
  });

  it('has a complete entry for every code: explanation, fix, and an example unless none can exist', () => {
    for (const [code, e] of EXPLANATIONS) {
      expect(e.explanation.length, code).toBeGreaterThan(60);
      expect(e.fix.length, code).toBeGreaterThan(10);
      expect(e.fixed.trim(), code).not.toBe('');
      if (e.verifiedBy === 'none') expect(e.reason, code).toBeDefined();
      else expect(e.example.trim(), code).not.toBe('');
      if (e.verifiedBy === 'catalog-document') expect(e.documentFormat, code).toBeDefined();
      expect(internalNamesIn(e.fix), code).toEqual([]);
    }
  });

  it.each(checked.map(([code, e]) => [code, e] as const))('%s: the example triggers it and the fixed script is clean', (code, e) => {
    const example = checkExample(e.example, encodingOf(e.verifiedBy), e.limits).diagnostics;
    expect(example.map((d) => d.code), 'the example').toContain(code);
    const fixed = checkExample(e.fixed, 'utf-16', e.limits).diagnostics;
    expect(fixed.map((d) => d.code), 'the fixed script').not.toContain(code);
    expect(fixed.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`), 'errors in the fixed script').toEqual([]);
  });

  it.each(documents.map(([code, e]) => [code, e] as const))('%s: the example catalog document triggers it and the fixed document is clean', (code, e) => {
    const example = checkCatalogExample(e.example, e.documentFormat!);
    expect(example.map((x) => x.code), 'the example').toContain(code);
    const fixed = checkCatalogExample(e.fixed, e.documentFormat!);
    expect(fixed.map((x) => x.code), 'the fixed document').not.toContain(code);
    expect(fixed.filter((x) => x.severity !== 'warning').map((x) => `${x.code} ${x.path}: ${x.message}`), 'errors in the fixed document').toEqual([]);
  });

  it.each(otherInputs.map(([code, e]) => [code, e.verifiedBy, e] as const))('%s (%s): the example triggers it and the fixed input does not', (code, _how, e) => {
    // A rule the analysis supersedes shows the analysis' code for its example instead (rules/README.md).
    const superseding = BUILTIN_RULES.find((r) => r.meta.code === code)?.meta.supersededBy ?? [];
    const accepted = [code, ...superseding];
    const produced = exampleCodes(code, e, e.example);
    expect(produced.some((c) => accepted.includes(c)), `the example produces one of ${accepted.join(', ')}: ${produced.join(', ')}`).toBe(true);
    expect(exampleCodes(code, e, e.fixed).filter((c) => accepted.includes(c)), 'the fixed input').toEqual([]);
  });

  it('explains every guardrail rule from its meta, checked with the rule enabled', () => {
    for (const rule of BUILTIN_RULES) {
      const e = EXPLANATIONS.get(rule.meta.code)!;
      expect(e.verifiedBy, rule.meta.code).toBe('rule');
      expect(e.example, rule.meta.code).toBe(rule.meta.examples.bad[0]);
      expect(e.fixed, rule.meta.code).toBe(rule.meta.examples.good[0]);
      expect(e.explanation, rule.meta.code).toContain(rule.meta.rationale);
      expect(e.fix, rule.meta.code).toContain(`-- flinkcheck-disable-next-line ${rule.meta.code}`);
      expect(e.ruleOptions, rule.meta.code).toEqual(rule.meta.examples.options);
    }
    expect([...EXPLANATIONS.values()].filter((e) => e.verifiedBy === 'rule')).toHaveLength(BUILTIN_RULES.length);
  });

  it('applies the safe fixes of each example: the code goes away and no syntax error is left', () => {
    let withFix = 0;
    for (const [code, e] of checked) {
      if (e.verifiedBy === 'latin1') continue;
      const diagnostics = checkExample(e.example).diagnostics.filter((d) => d.code === code);
      if (!diagnostics.some((d) => d.fixes?.some((f) => f.applicability === 'safe'))) continue;
      withFix++;
      const result = applySafeFixes(e.example, (text) => checkExample(text).diagnostics);
      expect(result.applied, code).toBeGreaterThan(0);
      const after = checkExample(result.text).diagnostics;
      expect(after.map((d) => d.code), `${code} after its fix:\n${result.text}`).not.toContain(code);
      expect(after.filter((d) => d.category === 'syntax' && d.severity === 'error').map((d) => d.message), code).toEqual([]);
    }
    console.log(`Examples with a safe fix, applied and re-checked: ${withFix}`);
    expect(withFix).toBeGreaterThanOrEqual(10);
  });

  it("recognises Flink's message of each entry and translates it to the entry's code", () => {
    const misses: string[] = [];
    for (const [code, e] of EXPLANATIONS) {
      if (e.flink === undefined) continue;
      const explained = explainFlinkError(e.flink, e.example);
      if (explained.diagnostic?.code !== code) misses.push(`${code}: got ${explained.diagnostic?.code ?? 'nothing'} for ${JSON.stringify(e.flink.slice(0, 80))}`);
    }
    expect(misses).toEqual([]);
  });

  it('lists the codes whose producer is on another branch', () => {
    const pending = [...EXPLANATIONS].filter(([, e]) => e.verifiedBy === 'pending').map(([code]) => code);
    console.log(`Examples waiting for their producer (verifiedBy: 'pending'): ${pending.join(', ') || 'none'}`);
    for (const code of pending) {
      // A pending example must not already pass: then it should be checked.
      const e = EXPLANATIONS.get(code)!;
      const produced = checkExample(e.example).diagnostics.some((d) => d.code === code);
      expect(produced, `${code} is produced now: remove verifiedBy: 'pending'`).toBe(false);
    }
  });
});

describe('docs/diagnostics', () => {
  const root = repoRoot();
  const pages = diagnosticsDocs();

  it('is generated from the catalog (run `npm run docs` when this fails)', () => {
    const stale: string[] = [];
    for (const [path, content] of pages) {
      const file = join(root, path);
      if (!existsSync(file) || readFileSync(file, 'utf8') !== content) stale.push(path);
    }
    const onDisk = readdirSync(join(root, DIAGNOSTICS_DOCS_DIR)).map((f) => `${DIAGNOSTICS_DOCS_DIR}/${f}`);
    const extra = onDisk.filter((p) => !pages.has(p));
    expect({ stale, extra }).toEqual({ stale: [], extra: [] });
  });

  it('has a page per explained code, linked from the index', () => {
    const index = pages.get(`${DIAGNOSTICS_DOCS_DIR}/README.md`)!;
    for (const code of EXPLANATIONS.keys()) {
      expect(pages.has(`${DIAGNOSTICS_DOCS_DIR}/${code}.md`)).toBe(true);
      expect(index).toContain(`(${code}.md)`);
    }
  });

  it("shows flinkcheck's own output for the example", () => {
    const page = pages.get(`${DIAGNOSTICS_DOCS_DIR}/FSQL2002.md`)!;
    expect(page).toContain("error[FSQL2002]: Column 'amout' not found");
    expect(page).toContain('^^^^^');
  });
});

describe('every emitted code is in the catalog', () => {
  /** Code ranges whose codes are added by other areas (types and functions, connector options, catalog documents, lint, rules). */
  const OTHER_AREAS = /^FSQL(3\d{3}|5\d{3}|6[1-9]\d{2}|7\d{3}|8\d{3}|9\d{3})$/;
  const known = new Set(ALL_CODES.map((c) => c.code));

  it('finds no code written as a literal in the source that the catalog does not know', () => {
    const unknown: string[] = [];
    const pending: string[] = [];
    const walkDir = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== 'generated') walkDir(file);
        } else if (entry.name.endsWith('.ts') && !file.includes(join('diagnostics', 'codes')) && !file.includes('explanations')) {
          for (const m of readFileSync(file, 'utf8').matchAll(/['"`](FSQL\d{4})['"`]/g)) {
            const where = `${m[1]} in ${file.slice(repoRoot().length + 1)}`;
            if (known.has(m[1]!)) continue;
            (OTHER_AREAS.test(m[1]!) ? pending : unknown).push(where);
          }
        }
      }
    };
    walkDir(join(repoRoot(), 'src'));
    if (pending.length > 0) console.log(`Codes from other areas, not in this build's catalog yet: ${pending.join('; ')}`);
    expect(unknown).toEqual([]);
  });

  it('reports only catalogued codes over the examples and the Flink scripts', async () => {
    const { corpusAvailable: available, judgeCorpus } = await import('../../tools/docs/flink-corpus.js');
    const emitted = new Set<string>();
    for (const [code, e] of EXPLANATIONS) {
      if (e.documentFormat !== undefined) {
        for (const x of [...checkCatalogExample(e.example, e.documentFormat!), ...checkCatalogExample(e.fixed, e.documentFormat!)]) if (x.code !== undefined) emitted.add(x.code);
        continue;
      }
      if (!isSql(e)) {
        for (const c of [...exampleCodes(code, e, e.example), ...exampleCodes(code, e, e.fixed)]) emitted.add(c);
        continue;
      }
      for (const d of checkExample(e.example).diagnostics) emitted.add(d.code);
      for (const d of checkExample(e.fixed).diagnostics) emitted.add(d.code);
    }
    if (available()) for (const v of judgeCorpus().verdicts) if (v.primary !== null) emitted.add(v.primary.code);
    const unknown = [...emitted].filter((c) => !known.has(c) && !OTHER_AREAS.test(c));
    expect(unknown).toEqual([]);
    expect(emitted.size).toBeGreaterThan(50);
  });
});
