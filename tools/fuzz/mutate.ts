import fc from 'fast-check';
import { readFileSync } from 'node:fs';

/**
 * Mutation of real Flink statements (the shared corpus's valid.jsonl) and hostile shapes: token
 * edits, splices between statements, random bytes, truncation, giant literals, and deep nesting of
 * every nesting construct.
 */

const TOKEN = /\s+|'(?:[^']|'')*'?|`[^`]*`?|"[^"]*"?|--[^\n]*|\/\*[\s\S]*?\*\/|[A-Za-z_][A-Za-z0-9_$]*|\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|<>|<=|>=|!=|\|\||=>|[\s\S]/gy;

export function tokenize(text: string): string[] {
  TOKEN.lastIndex = 0;
  const out: string[] = [];
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text)) !== null && m[0] !== '') out.push(m[0]);
  return out;
}

export function loadCorpus(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { sql?: string })
    .map((r) => r.sql ?? '')
    .filter((s) => s !== '');
}

/** Deep nesting of one construct around a seed expression. */
export const NESTERS: Record<string, (inner: string, depth: number) => string> = {
  parens: (e, n) => '('.repeat(n) + e + ')'.repeat(n),
  subquery: (e, n) => 'SELECT * FROM ('.repeat(n) + `SELECT ${e} AS c FROM orders` + ') AS s'.repeat(n),
  scalarSubquery: (e, n) => '(SELECT '.repeat(n) + e + ')'.repeat(n),
  case: (e, n) => 'CASE WHEN a > 0 THEN '.repeat(n) + e + ' ELSE 0 END'.repeat(n),
  call: (e, n) => 'ABS('.repeat(n) + e + ')'.repeat(n),
  coalesce: (e, n) => 'COALESCE(1, '.repeat(n) + e + ')'.repeat(n),
  cast: (e, n) => 'CAST('.repeat(n) + e + ' AS INT)'.repeat(n),
  row: (e, n) => 'ROW('.repeat(n) + e + ', 1)'.repeat(n),
  array: (e, n) => 'ARRAY['.repeat(n) + e + ']'.repeat(n),
  map: (e, n) => 'MAP[1, '.repeat(n) + e + ']'.repeat(n),
  not: (e, n) => 'NOT '.repeat(n) + e,
  minus: (e, n) => '- '.repeat(n) + e,
  plusChain: (e, n) => Array.from({ length: n }, () => e).join(' + '),
  andChain: (e, n) => Array.from({ length: n }, (_, i) => `${e} = ${i}`).join(' AND '),
  concatChain: (e, n) => Array.from({ length: n }, () => e).join(' || '),
  inList: (e, n) => `${e} IN (${Array.from({ length: n }, (_, i) => String(i)).join(', ')})`,
  jsonPath: (e, n) => `JSON_VALUE(${e}, '$${'.a[0]'.repeat(n)}')`,
  rowType: (e, n) => `CAST(${e} AS ${'ROW<f '.repeat(n)}INT${'>'.repeat(n)})`,
  arrayType: (e, n) => `CAST(${e} AS ${'ARRAY<'.repeat(n)}INT${'>'.repeat(n)})`,
  union: (e, n) => Array.from({ length: n }, () => `SELECT ${e} FROM orders`).join(' UNION ALL '),
  with: (e, n) => `WITH ${Array.from({ length: n }, (_, i) => `c${i} AS (SELECT ${e} AS x FROM ${i === 0 ? 'orders' : `c${i - 1}`})`).join(', ')} SELECT * FROM c${n - 1}`,
  joins: (e, n) => `SELECT ${e} FROM orders o0 ${Array.from({ length: n }, (_, i) => `JOIN orders o${i + 1} ON o${i}.id = o${i + 1}.id`).join(' ')}`,
  items: (e, n) => `SELECT ${Array.from({ length: n }, (_, i) => `${e} AS c${i}`).join(', ')} FROM orders`,
  unclosed: (e, n) => '('.repeat(n) + e,
  unopened: (e, n) => e + ')'.repeat(n),
  statements: (e, n) => Array.from({ length: n }, () => `SELECT ${e}`).join(';\n'),
  comments: (e, n) => '/* '.repeat(n) + e + ' */'.repeat(n),
};

/**
 * Sizes on a log scale (1 to 10^(max/10)): every order of magnitude is as likely as the next, and
 * shrinking bisects the exponent, so a minimal case lands within about 26% of the threshold.
 */
const logSize = (maxExponent: number) => fc.integer({ min: 0, max: maxExponent }).map((e) => Math.round(10 ** (e / 10)));
const SHALLOW_DEPTHS = logSize(25);
const DEEP_DEPTHS = logSize(45);

/** The script of a nesting bomb: `kind` nested `depth` deep around `seed`, in `frame` (a `%s` template) unless the construct is a whole query. */
export function nestingScript(kind: string, depth: number, seed: string, frame: string): string {
  const body = NESTERS[kind]!(seed, depth);
  const bare = /^(subquery|union|with|joins|items|statements)$/.test(kind);
  return `CREATE TABLE orders (id INT, a INT, ts TIMESTAMP(3)) WITH ('connector' = 'datagen');\n${bare ? body : frame.replace('%s', body)}`;
}

export const nesting = fc.tuple(
  fc.constantFrom(...Object.keys(NESTERS)),
  fc.oneof({ weight: 4, arbitrary: SHALLOW_DEPTHS }, { weight: 1, arbitrary: DEEP_DEPTHS }),
  fc.constantFrom('1', 'a', "'x'", 'NULL', 'a + 1', 'SELECT', ''),
  fc.constantFrom('SELECT %s FROM orders', 'SELECT %s', 'INSERT INTO sink_t SELECT %s FROM orders', 'CREATE VIEW v AS SELECT %s AS c FROM orders', '%s', 'SELECT * FROM orders WHERE %s'),
).map(([kind, depth, seed, frame]) => {
  return { kind, depth, text: nestingScript(kind, depth, seed, frame) };
});

export const giantLiteral = fc.tuple(
  logSize(50),
  fc.constantFrom('string', 'number', 'decimal', 'identifier', 'quoted', 'hex', 'comment', 'whitespace', 'unicode'),
).map(([n, kind]) => {
  switch (kind) {
    case 'string': return `'${'x'.repeat(n)}'`;
    case 'number': return '9'.repeat(n);
    case 'decimal': return `0.${'1'.repeat(n)}E${n}`;
    case 'identifier': return 'a'.repeat(n);
    case 'quoted': return `\`${'q'.repeat(n)}\``;
    case 'hex': return `X'${'ab'.repeat(Math.ceil(n / 2))}'`;
    case 'comment': return `/*${'c'.repeat(n)}*/ 1`;
    case 'whitespace': return `${' \n\t'.repeat(Math.ceil(n / 3))}1`;
    default: return `'${'𝄞é'.repeat(Math.ceil(n / 3))}'`;
  }
});

type Op =
  | { op: 'delete'; at: number }
  | { op: 'duplicate'; at: number }
  | { op: 'swap'; at: number; with: number }
  | { op: 'splice'; at: number; from: number; start: number; length: number }
  | { op: 'bytes'; at: number; bytes: string }
  | { op: 'truncate'; at: number }
  | { op: 'giant'; at: number; literal: string }
  | { op: 'nest'; at: number; kind: string; depth: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant('splice' as const), at: fc.nat(), from: fc.nat(), start: fc.nat(), length: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ op: fc.constant('bytes' as const), at: fc.nat(), bytes: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }), fc.constantFrom('\u0000', '\uD800', '\uDFFF', '\uFEFF', '\u2028', '\r', '\u00A0', "'", '`', '"', '/*', '--', ';', '$', '\\')) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('giant' as const), at: fc.nat(), literal: giantLiteral }),
  fc.record({ op: fc.constant('nest' as const), at: fc.nat(), kind: fc.constantFrom('parens', 'case', 'call', 'row', 'array', 'scalarSubquery', 'not', 'minus', 'cast', 'unclosed'), depth: fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1, max: 200 }) }, { weight: 1, arbitrary: DEEP_DEPTHS }) }),
);

function apply(corpus: readonly string[], text: string, op: Op): string {
  const tokens = tokenize(text);
  const n = tokens.length;
  if (n === 0) return text;
  const i = op.at % n;
  switch (op.op) {
    case 'delete': return [...tokens.slice(0, i), ...tokens.slice(i + 1)].join('');
    case 'duplicate': return [...tokens.slice(0, i + 1), ...tokens.slice(i)].join('');
    case 'swap': {
      const j = op.with % n;
      const copy = [...tokens];
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      return copy.join('');
    }
    case 'splice': {
      const other = tokenize(corpus[op.from % corpus.length]!);
      const start = op.start % Math.max(1, other.length);
      return [...tokens.slice(0, i), ...other.slice(start, start + op.length), ...tokens.slice(i)].join('');
    }
    case 'bytes': {
      const at = op.at % (text.length + 1);
      return text.slice(0, at) + op.bytes + text.slice(at);
    }
    case 'truncate': return text.slice(0, op.at % (text.length + 1));
    case 'giant': return [...tokens.slice(0, i), op.literal, ...tokens.slice(i + 1)].join('');
    case 'nest': return [...tokens.slice(0, i), NESTERS[op.kind]!(tokens[i]!, op.depth), ...tokens.slice(i + 1)].join('');
  }
}

/** A corpus statement (optionally two joined into a script) with a few mutations applied in order. */
export function mutation(corpus: readonly string[]): fc.Arbitrary<string> {
  return fc.tuple(
    fc.nat(corpus.length - 1),
    fc.option(fc.nat(corpus.length - 1), { freq: 4 }),
    fc.array(opArb, { minLength: 1, maxLength: 4 }),
  ).map(([first, second, ops]) => {
    const base = second === null ? corpus[first]! : `${corpus[second]!};\n${corpus[first]!}`;
    return ops.reduce((text, op) => apply(corpus, text, op), base);
  });
}
