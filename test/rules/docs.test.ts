import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { renderCatalogue, renderRulePage } from '../../src/rules/docs.js';
import { listRules, PROFILES } from '../../src/rules/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const STALE = 'run `npm run docs:rules` to regenerate the rule docs';

describe('generated rule docs', () => {
  const rules = listRules();

  it('rules/README.md is the catalogue of the current rules', () => {
    expect(readFileSync(`${ROOT}rules/README.md`, 'utf8'), STALE).toBe(renderCatalogue(rules, PROFILES));
  });

  it('docs/rules has exactly one current page per rule', () => {
    const pages = readdirSync(`${ROOT}docs/rules`).filter((f) => f.endsWith('.md')).sort();
    expect(pages, STALE).toEqual(rules.map((r) => `${r.name}.md`).sort());
    for (const rule of rules) {
      expect(readFileSync(`${ROOT}docs/rules/${rule.name}.md`, 'utf8'), `${rule.name}: ${STALE}`).toBe(renderRulePage(rule));
    }
  });

  it('the catalogue names every rule with its code and severity', () => {
    const catalogue = renderCatalogue(rules, PROFILES);
    for (const rule of rules) expect(catalogue).toContain(`| ${rule.code} | [${rule.name}](../docs/rules/${rule.name}.md) | ${rule.severity} |`);
  });
});
