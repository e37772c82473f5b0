// Generates the TypeScript lexer and parser from grammar/*.g4 with antlr-ng (no Java needed).
// Output goes to src/parse/generated/, which is never edited by hand and is not committed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const grammarDir = join(root, 'grammar');
const outDir = join(root, 'src', 'parse', 'generated');
const grammars = ['FlinkSqlLexer.g4', 'FlinkSqlParser.g4'];

const newestInput = Math.max(...grammars.map((g) => statSync(join(grammarDir, g)).mtimeMs));
const outputs = existsSync(outDir) ? readdirSync(outDir).filter((f) => f.endsWith('.ts')) : [];
const oldestOutput = outputs.length >= 2 ? Math.min(...outputs.map((f) => statSync(join(outDir, f)).mtimeMs)) : 0;
if (oldestOutput > newestInput && !process.argv.includes('--force')) {
  process.exit(0);
}

mkdirSync(outDir, { recursive: true });
const cli = join(root, 'node_modules', 'antlr-ng', 'dist', 'cli', 'runner.js');
const result = spawnSync(
  process.execPath,
  [cli, '-Dlanguage=TypeScript', '--generate-listener', 'false', '--generate-visitor', 'false',
    '--exact-output-dir', '-o', outDir, '--lib', grammarDir, ...grammars.map((g) => join(grammarDir, g))],
  { stdio: 'inherit', cwd: grammarDir },
);
if (result.status !== 0) {
  console.error('antlr-ng failed to generate the parser');
  process.exit(result.status ?? 1);
}
