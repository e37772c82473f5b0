import { CharStream, type Interval, IntStream, Token } from 'antlr4ng';

/**
 * A CharStream over a JavaScript string without surrogate pairs, where code points and UTF-16
 * code units coincide: it reads the string directly instead of copying it into a code-point array,
 * and slices token text with substring. Strings with astral characters use antlr4ng's own stream,
 * which counts code points (SourceText converts those offsets back to UTF-16).
 */
class Utf16CharStream implements CharStream {
  name = '';
  index = 0;

  constructor(private readonly text: string) {}

  reset(): void {
    this.index = 0;
  }

  consume(): void {
    if (this.index >= this.text.length) throw new Error('cannot consume EOF');
    this.index++;
  }

  LA(offset: number): number {
    if (offset === 0) return 0;
    const pos = this.index + (offset < 0 ? offset : offset - 1);
    if (pos < 0 || pos >= this.text.length) return Token.EOF;
    return this.text.charCodeAt(pos);
  }

  mark(): number {
    return -1;
  }

  release(): void {}

  seek(index: number): void {
    this.index = index <= this.index ? index : Math.min(index, this.text.length);
  }

  getTextFromRange(start: number, stop?: number): string {
    return this.text.substring(start, (stop ?? this.text.length - 1) + 1);
  }

  getTextFromInterval(interval: Interval): string {
    return this.getTextFromRange(interval.start, interval.stop);
  }

  toString(): string {
    return this.text;
  }

  get size(): number {
    return this.text.length;
  }

  getSourceName(): string {
    return this.name || IntStream.UNKNOWN_SOURCE_NAME;
  }
}

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/;

export function charStreamFor(text: string): CharStream {
  return SURROGATE_PAIR.test(text) ? CharStream.fromString(text) : new Utf16CharStream(text);
}
