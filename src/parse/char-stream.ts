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
    const code = this.text.charCodeAt(pos);
    return code < 128 ? code : asciiStandIn(code);
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

/**
 * antlr4ng's lexer caches transitions only for characters below 128; every other character is
 * simulated on the ATN again, which made a line of Chinese comment cost 4x the whole statement.
 * The grammar treats all non-ASCII characters in one of three ways, so each is shown to the lexer
 * as an ASCII character that the grammar treats the same way:
 * - letters (\p{L}, allowed in names) as `$`, a name character that occurs in no keyword;
 * - the non-ASCII white space of the WHITESPACE rule as a space;
 * - anything else (allowed only inside strings, quoted names and comments) as `#`, which is
 *   likewise allowed there and an error character elsewhere.
 * Token text is always taken from the original string, so nothing visible changes.
 */
const LETTER_STAND_IN = 0x24; // $
const SPACE_STAND_IN = 0x20;
const OTHER_STAND_IN = 0x23; // #
const NON_ASCII_WHITESPACE = new Set([0x00a0, 0x2028, 0x2029, 0xfeff]);
const standIns = new Uint8Array(0x10000);

function asciiStandIn(code: number): number {
  let standIn = standIns[code]!;
  if (standIn === 0) {
    if (NON_ASCII_WHITESPACE.has(code)) standIn = SPACE_STAND_IN;
    else if (/\p{L}/u.test(String.fromCharCode(code))) standIn = LETTER_STAND_IN;
    else standIn = OTHER_STAND_IN;
    standIns[code] = standIn;
  }
  return standIn;
}

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/;

export function charStreamFor(text: string): CharStream {
  return SURROGATE_PAIR.test(text) ? CharStream.fromString(text) : new Utf16CharStream(text);
}
