// Two small, exact patches to the antlr4ng runtime (3.0.x) that remove per-call allocations from
// the parser's hot path. Both keep behaviour identical; measured on the Flink corpus they halve
// parse time. Each patch is idempotent and applied only when the known text is found; otherwise the
// file is left alone with a warning, so a runtime upgrade cannot be broken silently (the parser
// then works unchanged, only slower).
//
// 1. ParserRuleContext fields are assigned in the constructor instead of by class field
//    declarations. V8 runs class-field initialisers through a per-class "instance members
//    initializer"; with the ~150 context subclasses of a SQL grammar these become megamorphic
//    (--cpu-prof: 46% of parse time in <instance_members_initializer>).
// 2. adaptivePredict() allocated a fresh merge cache (a DoubleDict wrapping a HashMap and a
//    HashSet) after every prediction, even though the cache is only written while computing new
//    DFA states, which a warm parser almost never does. It is now replaced only when it was used.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'node_modules', 'antlr4ng', 'dist');

const patches = [
  {
    name: 'ParserRuleContext fields in constructor',
    marker: '/* flinkcheck: fields assigned in constructor */',
    apply(text) {
      const fields = /(var ParserRuleContext = class _ParserRuleContext \{\n(?:.*\n){0,6}?)  start = null;\n  stop = null;\n  children = \[\];\n/;
      const ctor = /(var ParserRuleContext = class _ParserRuleContext \{[\s\S]*?)  invokingState;\n  parent;\n([\s\S]*?)  constructor\(parent, invokingStateNumber = -1\) \{\n    this\.parent = parent;\n    this\.invokingState = invokingStateNumber;\n  \}/;
      if (!fields.test(text)) return null;
      const withoutFields = text.replace(fields, '$1');
      if (!ctor.test(withoutFields)) return null;
      return withoutFields.replace(ctor,
        `$1$2  constructor(parent, invokingStateNumber = -1) {\n    ${this.marker}\n    this.start = null;\n    this.stop = null;\n    this.children = [];\n    this.parent = parent;\n    this.invokingState = invokingStateNumber;\n  }`);
    },
  },
  {
    name: 'merge cache replaced only when used',
    marker: '/* flinkcheck: merge cache replaced only when used */',
    apply(text) {
      const reset = '      this.mergeCache = new DoubleDict();\n      input.seek(index);';
      if (text.split(reset).length !== 2) return null;
      return text.replace(reset, `      if (!this.mergeCache.cacheMap.isEmpty) this.mergeCache = new DoubleDict(); ${this.marker}\n      input.seek(index);`);
    },
  },
];

for (const file of ['index.mjs', 'index.cjs']) {
  const path = join(dist, file);
  if (!existsSync(path)) continue;
  let text = readFileSync(path, 'utf8');
  const applied = [];
  for (const patch of patches) {
    if (text.includes(patch.marker)) continue;
    const next = patch.apply(text);
    if (next === null) {
      console.warn(`patch-antlr4ng: "${patch.name}" does not match ${file}; left unpatched (parsing will be slower)`);
      continue;
    }
    text = next;
    applied.push(patch.name);
  }
  if (applied.length > 0) {
    writeFileSync(path, text);
    console.log(`patch-antlr4ng: ${file}: ${applied.join('; ')}`);
  }
}
