import type { Span } from './span.js';

/** A resolved position: 1-based line and column (column counted in UTF-16 code units) plus 0-based offset. */
export interface Position {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

export interface ResolvedSpan {
  readonly start: Position;
  readonly end: Position;
}

/**
 * The one place where positions are converted.
 *
 * ANTLR's CharStream counts Unicode code points; editors, LSP, Monaco and SARIF count UTF-16 code
 * units. All offsets stored in the AST and in diagnostics are UTF-16 offsets, produced by
 * `fromCodePoint`; all line/column pairs come from `position`. Line breaks are `\r\n`, `\n` and `\r`
 * (the LSP rule).
 */
export class SourceText {
  readonly text: string;
  private readonly lineStarts: number[];
  /** For each code-point index, the UTF-16 offset; null when the text has no astral characters. */
  private readonly codePointToUtf16: Uint32Array | null;

  constructor(text: string) {
    this.text = text;
    this.lineStarts = computeLineStarts(text);
    this.codePointToUtf16 = hasSurrogatePairs(text) ? buildCodePointMap(text) : null;
  }

  get length(): number {
    return this.text.length;
  }

  /** Converts an ANTLR code-point index (0-based) into a UTF-16 offset. */
  fromCodePoint(index: number): number {
    const map = this.codePointToUtf16;
    if (map === null) return index;
    if (index <= 0) return 0;
    if (index >= map.length) return this.text.length;
    return map[index]!;
  }

  /** Resolves a UTF-16 offset into a 1-based line/column position. */
  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: clamped - starts[lo]! + 1, offset: clamped };
  }

  /** Converts a 1-based line and UTF-16 column back into an offset (clamped to the text). */
  offsetAt(line: number, column: number): number {
    const index = Math.max(0, Math.min(line - 1, this.lineStarts.length - 1));
    const lineStart = this.lineStarts[index]!;
    const lineEnd = index + 1 < this.lineStarts.length ? this.lineStarts[index + 1]! : this.text.length;
    return Math.max(lineStart, Math.min(lineStart + column - 1, lineEnd));
  }

  resolve(span: Span): ResolvedSpan {
    return { start: this.position(span.start), end: this.position(span.end) };
  }

  slice(span: Span): string {
    return this.text.slice(span.start, span.end);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The text of a 1-based line, without its line break. */
  lineText(line: number): string {
    const index = line - 1;
    if (index < 0 || index >= this.lineStarts.length) return '';
    const start = this.lineStarts[index]!;
    let end = index + 1 < this.lineStarts.length ? this.lineStarts[index + 1]! : this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return this.text.slice(start, end);
  }
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

function hasSurrogatePairs(text: string): boolean {
  return /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text);
}

function buildCodePointMap(text: string): Uint32Array {
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    offsets.push(i);
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  offsets.push(text.length);
  return Uint32Array.from(offsets);
}
