import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { SourceText } from '../../../source/source-text.js';
import type { Span } from '../../../source/span.js';

/** A problem found while loading a catalog file, with where it is. */
export interface CatalogLoadError {
  readonly file: string;
  /** Where in the document, e.g. `tables[2].columns[1].type`; empty for the whole file. */
  readonly path: string;
  readonly message: string;
  /** 1-based line and UTF-16 column in the file, when known. */
  readonly line?: number;
  readonly column?: number;
  /** The FSQL code of the problem. */
  readonly code?: string;
  /** Defaults to error; connector option warnings of catalog tables are warnings. */
  readonly severity?: 'error' | 'warning';
}

/**
 * A parsed JSON/YAML document as plain values, plus the text range of every value (and of every
 * map key) by path, so that errors found later can name a line and column.
 */
export interface LocatedDocument {
  readonly value: unknown;
  readonly source: SourceText;
  readonly valueRanges: ReadonlyMap<string, Span>;
  readonly keyRanges: ReadonlyMap<string, Span>;
}

export type ParseOutcome = { readonly ok: true; readonly doc: LocatedDocument } | { readonly ok: false; readonly error: CatalogLoadError };

const MAX_DEPTH = 64;

/** The offset where `[`/`{` nesting (outside quoted strings) first exceeds `limit`, or null. */
function bracketDepthAbove(text: string, limit: number): number | null {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== null) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
      else if (c === '\n' && quote === "'") quote = null; // an unclosed YAML quote ends at the line for this count
      continue;
    }
    if (c === '"' || (c === "'" && /[\s\[{,:]/.test(text[i - 1] ?? ' '))) quote = c;
    else if (c === '[' || c === '{') {
      if (++depth > limit) return i;
    } else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return null;
}

/** `a.b`, `a[2]`, or `a['properties.bootstrap.servers']` for keys that are not plain words. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(key)) return parent === '' ? key : `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key).replace(/^"|"$/g, "'")}]`;
}

/** Parses JSON (strictly, with JSON.parse first) or YAML 1.2 into a LocatedDocument. */
export function parseLocated(text: string, file: string, format: 'json' | 'yaml'): ParseOutcome {
  const source = new SourceText(text);
  // The parsers recurse per level: refuse absurd nesting before it can exhaust the stack.
  const tooDeep = bracketDepthAbove(text, MAX_DEPTH);
  if (tooDeep !== null) {
    const at = source.position(tooDeep);
    return { ok: false, error: { file, path: '', code: 'FSQL7002', message: `nesting too deep: more than ${MAX_DEPTH} levels of brackets`, line: at.line, column: at.column } };
  }
  if (format === 'json') {
    try {
      JSON.parse(text);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const m = /at position (\d+)/.exec(message);
      // Newer V8 messages carry no position; YAML's parser usually finds the same place.
      const yamlError = m === null ? parseDocument(text).errors[0] : undefined;
      const offset = m !== null ? Number(m[1]) : yamlError !== undefined ? yamlError.pos[0] : /Unexpected end/.test(message) ? text.length : null;
      const at = offset === null ? null : source.position(offset);
      const reason = message
        .replace(/^JSON\.parse: /, '')
        .replace(/,\s*(?:\.\.\.)?"[\s\S]*" is not valid JSON$/, '')
        .replace(/\s*in JSON at position \d+[\s\S]*$/, '');
      return {
        ok: false,
        error: { file, path: '', code: 'FSQL7002', message: `not valid JSON: ${reason}`, ...(at === null ? {} : { line: at.line, column: at.column }) },
      };
    }
  }
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  } catch (e) {
    return { ok: false, error: { file, path: '', code: 'FSQL7002', message: `not valid YAML: ${e instanceof Error ? e.message : String(e)}` } };
  }
  const first = doc.errors[0];
  if (first !== undefined) {
    const at = source.position(first.pos[0]);
    const message = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    return { ok: false, error: { file, path: '', code: 'FSQL7002', message: `not valid ${format === 'json' ? 'JSON' : 'YAML'}: ${message}`, line: at.line, column: at.column } };
  }
  const valueRanges = new Map<string, Span>();
  const keyRanges = new Map<string, Span>();
  // Aliases can repeat a subtree many times over ("billion laughs"): bound the work, not just the depth.
  let budget = 1_000_000;
  const convert = (node: unknown, path: string, depth: number): unknown => {
    if (depth > MAX_DEPTH) throw new RangeError('nesting too deep');
    if (--budget < 0) throw new RangeError('the document expands to too many values (through aliases)');
    if (isAlias(node)) return convert(node.resolve(doc), path, depth + 1);
    const n = node as Node | null;
    if (n?.range != null) valueRanges.set(path, { start: n.range[0], end: n.range[1] });
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const rawKey = isScalar(pair.key) ? pair.key.value : pair.key;
        const key = rawKey === null || rawKey === undefined ? '' : String(rawKey);
        const p = childPath(path, key);
        const k = pair.key as Node | null;
        if (k?.range != null) keyRanges.set(p, { start: k.range[0], end: k.range[1] });
        out[key] = convert(pair.value, p, depth + 1);
        if (!valueRanges.has(p) && k?.range != null) valueRanges.set(p, { start: k.range[0], end: k.range[1] });
      }
      return out;
    }
    if (isSeq(node)) return node.items.map((item, i) => convert(item, childPath(path, i), depth + 1));
    if (isScalar(node)) return node.value;
    return null;
  };
  try {
    return { ok: true, doc: { value: convert(doc.contents, '', 0), source, valueRanges, keyRanges } };
  } catch (e) {
    return { ok: false, error: { file, path: '', code: 'FSQL7002', message: `cannot read the document: ${e instanceof Error ? e.message : String(e)}` } };
  }
}

/** Builds errors at a path of a located document, with line/column when the range is known. */
export class ErrorSink {
  readonly errors: CatalogLoadError[] = [];

  constructor(readonly file: string, readonly doc: LocatedDocument | null) {}

  /** `at: 'key'` points at the map key of `path` (for unknown keys), else at its value. */
  add(path: string, message: string, code: string, options: { at?: 'key' | 'value'; severity?: 'error' | 'warning'; offset?: number } = {}): void {
    let offset = options.offset;
    if (offset === undefined && this.doc !== null) {
      const range = (options.at === 'key' ? this.doc.keyRanges.get(path) : undefined) ?? this.nearestRange(path);
      offset = range?.start;
    }
    const pos = offset === undefined || this.doc === null ? null : this.doc.source.position(offset);
    this.errors.push({
      file: this.file,
      path,
      message,
      code,
      ...(pos === null ? {} : { line: pos.line, column: pos.column }),
      ...(options.severity === 'warning' ? { severity: 'warning' as const } : {}),
    });
  }

  /** The range of the path, or of its closest ancestor that has one (a missing key points at its map). */
  private nearestRange(path: string): Span | undefined {
    let p = path;
    for (;;) {
      const r = this.doc!.valueRanges.get(p);
      if (r !== undefined) return r;
      if (p === '') return undefined;
      p = parentPath(p);
    }
  }
}

/** The path one level up: `a.b[2]` -> `a.b`, `a['x.y']` -> `a`, `a.b` -> `a`. */
export function parentPath(path: string): string {
  const cut = path.endsWith(']') ? path.lastIndexOf('[') : path.lastIndexOf('.');
  return cut <= 0 ? '' : path.slice(0, cut);
}
