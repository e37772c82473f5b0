import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What the soak sends: scripts drawn from the Flink corpus and the examples, broken variants of
 * them, and hostile inputs meant to hurt a parser or a server (nesting bombs, giant literals,
 * thousands of statements, binary garbage, invalid UTF-8, scripts above the size limit).
 */

/** A small seeded PRNG (mulberry32): a run's mix of inputs is reproducible from its seed. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** A size drawn on a log scale between min and max: small and large values are both common. */
  logInt(min: number, max: number): number {
    return Math.round(Math.exp(Math.log(min) + this.next() * (Math.log(max) - Math.log(min))));
  }
}

export interface Corpus {
  readonly valid: readonly string[];
  readonly invalid: readonly string[];
  /** Where the statements came from, for the report. */
  readonly sources: readonly string[];
}

/** Statements a Flink user could write, used when the shared corpus is not beside the repository. */
const FALLBACK_VALID = [
  'SELECT user_id, COUNT(*) AS n FROM clicks GROUP BY user_id',
  "SELECT window_start, window_end, COUNT(*) FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end",
  "CREATE TABLE t (a INT, b STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'datagen')",
  'SELECT 1',
];
const FALLBACK_INVALID = ['SELECT x FORM t', 'SELECT FROM', 'CREATE TABLE (a INT)', 'SELECT a, FROM t'];

function readJsonl(file: string): { sql?: unknown; fragment?: unknown }[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as { sql?: unknown; fragment?: unknown });
}

/** The corpus at `corpusDir` (valid.jsonl, invalid.jsonl) and the scripts in `examplesDir`. */
export function loadCorpus(corpusDir: string, examplesDir: string): Corpus {
  const valid: string[] = [];
  const invalid: string[] = [];
  const sources: string[] = [];
  const validFile = join(corpusDir, 'valid.jsonl');
  const invalidFile = join(corpusDir, 'invalid.jsonl');
  if (existsSync(validFile)) {
    for (const r of readJsonl(validFile)) if (typeof r.sql === 'string' && r.fragment !== true) valid.push(r.sql);
    sources.push(validFile);
  }
  if (existsSync(invalidFile)) {
    for (const r of readJsonl(invalidFile)) if (typeof r.sql === 'string') invalid.push(r.sql);
    sources.push(invalidFile);
  }
  if (existsSync(examplesDir)) {
    for (const name of readdirSync(examplesDir).filter((n) => n.endsWith('.sql')).sort()) valid.push(readFileSync(join(examplesDir, name), 'utf8'));
    sources.push(join(examplesDir, '*.sql'));
  }
  if (valid.length === 0) valid.push(...FALLBACK_VALID);
  if (invalid.length === 0) invalid.push(...FALLBACK_INVALID);
  return { valid, invalid, sources };
}

/** A script cut at a random point (in the middle of a token as often as not). */
export function truncated(rng: Random, sql: string): string {
  return sql.slice(0, rng.int(0, Math.max(0, sql.length - 1)));
}

/** A script with one to three of its tokens deleted. */
export function tokensDeleted(rng: Random, sql: string): string {
  const tokens = sql.split(/(\s+|[(),;])/);
  const n = rng.int(1, 3);
  for (let i = 0; i < n && tokens.length > 1; i++) tokens.splice(rng.int(0, tokens.length - 1), 1);
  return tokens.join('');
}

/** Nesting bombs thousands deep: parentheses, CASE, subqueries, calls, unclosed brackets. */
export function nestingBomb(rng: Random): string {
  const depth = rng.logInt(500, 8_000);
  switch (rng.int(0, 5)) {
    case 0: return `SELECT ${'('.repeat(depth)}1${')'.repeat(depth)}`;
    case 1: return `SELECT ${'CASE WHEN a = 1 THEN '.repeat(depth)}1${' END'.repeat(depth)} FROM clicks`;
    case 2: return `SELECT * FROM ${'(SELECT * FROM '.repeat(depth)}clicks${') AS q'.repeat(depth)}`;
    case 3: return `SELECT ${'ABS('.repeat(depth)}1${')'.repeat(depth)} FROM clicks`;
    case 4: return `SELECT ${'('.repeat(depth)}`;
    default: return `SELECT ARRAY${'[ARRAY'.repeat(depth)}[1]${']'.repeat(depth)}`;
  }
}

/** Literals and identifiers of tens to hundreds of kilobytes (below `maxBytes`). */
export function giantLiteral(rng: Random, maxBytes: number): string {
  const size = Math.min(maxBytes - 64, rng.logInt(10_000, 200_000));
  switch (rng.int(0, 3)) {
    case 0: return `SELECT '${'x'.repeat(size)}'`;
    case 1: return `SELECT ${'9'.repeat(size)}`;
    case 2: return `SELECT \`${'c'.repeat(size)}\` FROM clicks`;
    default: return `SELECT X'${'0F'.repeat(size >> 1)}'`;
  }
}

/** Thousands of statements in one script (below `maxBytes`). */
export function manyStatements(rng: Random, corpus: Corpus, maxBytes: number): string {
  const one = rng.next() < 0.5 ? 'SELECT 1' : rng.pick(corpus.valid.filter((s) => s.length < 200));
  const n = Math.min(rng.logInt(1_000, 5_000), Math.floor(maxBytes / (Buffer.byteLength(one) + 2)));
  return Array.from({ length: n }, () => one).join(';\n');
}

/** A script above the server's size limit. */
export function oversize(rng: Random, maxBytes: number): string {
  return `SELECT '${'y'.repeat(maxBytes + rng.int(1, 4_096))}'`;
}

/** Random characters from U+0000..U+00FF and a few astral and surrogate code units. */
export function binaryGarbage(rng: Random): string {
  const n = rng.logInt(1, 20_000);
  let text = '';
  for (let i = 0; i < n; i++) {
    const r = rng.next();
    text += r < 0.9 ? String.fromCharCode(rng.int(0, 255)) : r < 0.95 ? String.fromCodePoint(rng.int(0x1f300, 0x1f6ff)) : String.fromCharCode(rng.int(0xd800, 0xdfff));
  }
  return text;
}

/** Bytes that are not UTF-8: stray continuation bytes, overlong forms, truncated sequences, 0xFF. */
export function invalidUtf8(rng: Random): Buffer {
  const pieces: Buffer[] = [Buffer.from('SELECT ')];
  const n = rng.int(1, 200);
  for (let i = 0; i < n; i++) {
    switch (rng.int(0, 5)) {
      case 0: pieces.push(Buffer.from([0x80 + rng.int(0, 63)])); break;
      case 1: pieces.push(Buffer.from([0xc0, 0xaf])); break;
      case 2: pieces.push(Buffer.from([0xe2, 0x82])); break;
      case 3: pieces.push(Buffer.from([0xff, 0xfe])); break;
      case 4: pieces.push(Buffer.from([0xed, 0xa0, 0x80])); break;
      default: pieces.push(Buffer.from(' a ')); break;
    }
  }
  pieces.push(Buffer.from(' FROM clicks'));
  return Buffer.concat(pieces);
}

/** Random bytes: not a valid protobuf message at all (as often as not). */
export function garbageMessage(rng: Random): Buffer {
  const bytes = Buffer.alloc(rng.logInt(1, 4_096));
  for (let i = 0; i < bytes.length; i++) bytes[i] = rng.int(0, 255);
  return bytes;
}

/** A ValidateScriptRequest whose `sql` (field 1) holds `bytes` as they are, UTF-8 or not. */
export function rawScriptRequest(bytes: Buffer): Buffer {
  const length: number[] = [];
  let n = bytes.length;
  do {
    length.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
    n >>>= 7;
  } while (n > 0);
  return Buffer.concat([Buffer.from([0x0a, ...length]), bytes]);
}
