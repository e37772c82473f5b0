// Writes rules/README.md and docs/rules/<name>.md from the built rules (run `npm run docs:rules`).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { listRules, PROFILES } = await import(join(root, 'dist/src/rules/index.js'));
const { renderCatalogue, renderRulePage } = await import(join(root, 'dist/src/rules/docs.js'));

const rules = listRules();
writeFileSync(join(root, 'rules/README.md'), renderCatalogue(rules, PROFILES));
const pages = join(root, 'docs/rules');
mkdirSync(pages, { recursive: true });
for (const file of readdirSync(pages)) if (file.endsWith('.md')) rmSync(join(pages, file));
for (const rule of rules) writeFileSync(join(pages, `${rule.name}.md`), renderRulePage(rule));
console.log(`wrote rules/README.md and ${rules.length} pages in docs/rules/`);
