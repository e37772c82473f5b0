// Makes antlr4ng's ParserRuleContext initialise its fields in the constructor instead of with class
// field declarations.
//
// Why: V8 runs class-field initialisers through a per-class "instance members initializer". With
// the ~150 context subclasses of a SQL grammar those initialisers become megamorphic and take
// almost half of all parse time (measured with --cpu-prof: 46% in <instance_members_initializer>).
// Plain assignments in the constructor keep the same semantics for this class (the fields are
// never redeclared by subclasses) and make parsing about twice as fast.
//
// The patch is idempotent and exact: it rewrites only the known text of antlr4ng 3.0.x and leaves
// the file alone (with a warning) if that text is not found, so a runtime upgrade cannot be broken
// silently; the parser then works unchanged, only slower.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'node_modules', 'antlr4ng', 'dist');
const MARKER = '/* flinkcheck: fields assigned in constructor */';

const fieldDeclarations = /(var ParserRuleContext = class _ParserRuleContext \{\n(?:.*\n){0,6}?)  start = null;\n  stop = null;\n  children = \[\];\n/;
const constructorBody = /(\n  \/\*\*[\s\S]*?\*\/\n)  invokingState;\n  parent;\n([\s\S]*?)  constructor\(parent, invokingStateNumber = -1\) \{\n    this\.parent = parent;\n    this\.invokingState = invokingStateNumber;\n  \}/;

let patched = 0;
for (const file of ['index.mjs', 'index.cjs']) {
  const path = join(dist, file);
  if (!existsSync(path)) continue;
  const source = readFileSync(path, 'utf8');
  if (source.includes(MARKER)) {
    patched++;
    continue;
  }
  const start = source.search(fieldDeclarations);
  if (start < 0) {
    console.warn(`patch-antlr4ng: ParserRuleContext fields not found in ${file}; leaving it unpatched (parsing will be slower)`);
    continue;
  }
  let text = source.replace(fieldDeclarations, '$1');
  const afterClassStart = text.indexOf('var ParserRuleContext = class _ParserRuleContext {');
  const head = text.slice(0, afterClassStart);
  const tail = text.slice(afterClassStart);
  if (!constructorBody.test(tail)) {
    console.warn(`patch-antlr4ng: ParserRuleContext constructor not found in ${file}; leaving it unpatched`);
    continue;
  }
  text = head + tail.replace(constructorBody,
    `$1$2  constructor(parent, invokingStateNumber = -1) {\n    ${MARKER}\n    this.start = null;\n    this.stop = null;\n    this.children = [];\n    this.parent = parent;\n    this.invokingState = invokingStateNumber;\n  }`);
  writeFileSync(path, text);
  patched++;
}
if (patched > 0) console.log(`patch-antlr4ng: ParserRuleContext initialises its fields in the constructor (${patched} file(s))`);
