/**
 * `npm run docs`: writes docs/diagnostics/ (one page per code, from the explanations) and
 * docs/flink-vs-flinkcheck.md (from the shared corpus), and removes pages of codes that are gone.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from '../../bench/corpus.js';
import { DIAGNOSTICS_DOCS_DIR, diagnosticsDocs } from './diagnostics.js';
import { corpusAvailable } from './flink-corpus.js';
import { FLINK_VS_FLINKCHECK_PATH, flinkVsFlinkcheck } from './flink-vs-flinkcheck.js';

const root = repoRoot();
const pages = diagnosticsDocs();
if (corpusAvailable()) pages.set(FLINK_VS_FLINKCHECK_PATH, flinkVsFlinkcheck());
else process.stderr.write(`docs: the Flink corpus is not available; ${FLINK_VS_FLINKCHECK_PATH} is left as it is\n`);

const docsDir = join(root, DIAGNOSTICS_DOCS_DIR);
mkdirSync(docsDir, { recursive: true });
for (const file of readdirSync(docsDir)) {
  if (file.endsWith('.md') && !pages.has(`${DIAGNOSTICS_DOCS_DIR}/${file}`)) rmSync(join(docsDir, file));
}
for (const [path, content] of pages) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
}
process.stdout.write(`docs: wrote ${pages.size} files\n`);
