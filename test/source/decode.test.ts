import { describe, expect, it } from 'vitest';
import { checkText, decodeSource, MAX_REPORTS_PER_KIND } from '../../src/source/decode.js';
import { Codes } from '../../src/diagnostics/codes.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: (Uint8Array | number[])[]) => Uint8Array.from(parts.flatMap((p) => Array.from(p)));

describe('decodeSource', () => {
  it('decodes clean UTF-8 without diagnostics', () => {
    const result = decodeSource(utf8('SELECT 1; -- ok 😀\n'));
    expect(result).toEqual({ text: 'SELECT 1; -- ok 😀\n', diagnostics: [] });
  });

  it('strips a UTF-8 byte order mark', () => {
    const result = decodeSource(concat([0xef, 0xbb, 0xbf], utf8('SELECT 1')));
    expect(result.text).toBe('SELECT 1');
    expect(result.diagnostics).toEqual([]);
  });

  it('keeps a U+FEFF that is not at the start', () => {
    expect(decodeSource(utf8('a\uFEFFb')).text).toBe('a\uFEFFb');
  });

  it('reports invalid UTF-8 in the middle with the UTF-16 span of the replacement character', () => {
    // "😀" is 4 bytes but 2 UTF-16 units, so the bad byte (byte offset 16) lands at UTF-16 offset 14.
    const bytes = concat(utf8('SELECT 😀 '), utf8("'caf"), [0xe9], utf8("'"));
    const result = decodeSource(bytes);
    expect(result.text).toBe("SELECT 😀 'caf\uFFFD'");
    expect(result.diagnostics).toEqual([
      {
        code: 'FSQL1001',
        severity: 'error',
        category: 'syntax',
        message: 'The input is not valid UTF-8 at byte offset 16 (byte 0xE9)',
        hint: 'the file is probably in another encoding, such as Windows-1252 or Latin-1; save the file as UTF-8',
        span: { start: 14, end: 15 },
      },
    ]);
    expect(result.text.slice(14, 15)).toBe('\uFFFD');
  });

  it('counts byte offsets from the start of the file, BOM included', () => {
    const result = decodeSource(concat([0xef, 0xbb, 0xbf], utf8('ab'), [0xff]));
    expect(result.diagnostics[0]!.message).toContain('byte offset 5');
    expect(result.diagnostics[0]!.span).toEqual({ start: 2, end: 3 });
  });

  it('gives one diagnostic per maximal run, covering every replacement character of the run', () => {
    // E0 80: E0 needs A0..BF next, so E0 and 80 are two U+FFFD; then a truncated 4-byte sequence.
    const bytes = concat(utf8('a'), [0xe0, 0x80], utf8('b'), [0xf0, 0x9f, 0x98], utf8('c'), [0xed, 0xa0, 0x80, 0xff]);
    const result = decodeSource(bytes);
    expect(result.text).toBe('a\uFFFD\uFFFDb\uFFFDc\uFFFD\uFFFD\uFFFD\uFFFD');
    expect(result.diagnostics.map((d) => [d.span, d.message])).toEqual([
      [{ start: 1, end: 3 }, 'The input is not valid UTF-8 at byte offset 1 (bytes 0xE0 0x80)'],
      [{ start: 4, end: 5 }, 'The input is not valid UTF-8 at byte offset 4 (bytes 0xF0 0x9F 0x98)'],
      [{ start: 6, end: 10 }, 'The input is not valid UTF-8 at byte offset 8 (bytes 0xED 0xA0 0x80 0xFF)'],
    ]);
  });

  it('reports a sequence cut off at the end of the input', () => {
    const result = decodeSource(concat(utf8('x'), [0xe2, 0x82]));
    expect(result.text).toBe('x\uFFFD');
    expect(result.diagnostics.map((d) => d.span)).toEqual([{ start: 1, end: 2 }]);
  });

  it('matches the spans to the replacement characters TextDecoder produces (random bytes)', () => {
    let seed = 12345;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    const interesting = [0x41, 0x80, 0xbf, 0xc2, 0xdf, 0xe0, 0xa0, 0xed, 0x9f, 0xef, 0xf0, 0x90, 0xf4, 0x8f, 0xff, 0xc0];
    for (let round = 0; round < 3000; round++) {
      const bytes = Uint8Array.from({ length: 1 + (random() % 10) }, () =>
        random() % 2 === 0 ? interesting[random() % interesting.length]! : random() % 256,
      );
      const result = decodeSource(bytes);
      const expectedText = new TextDecoder().decode(bytes.subarray(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0));
      if (bytes[0] === 0xff && bytes[1] === 0xfe) continue; // UTF-16 BOM
      if (bytes[0] === 0xfe && bytes[1] === 0xff) continue;
      expect(result.text).toBe(expectedText);
      const covered = new Set<number>();
      for (const d of result.diagnostics.filter((x) => x.code === 'FSQL1001')) {
        for (let k = d.span.start; k < d.span.end; k++) covered.add(k);
      }
      // Every U+FFFD that is not an encoded U+FFFD from the input is covered, and nothing else is.
      const encodedReplacement = Buffer.from(bytes).includes(Buffer.from([0xef, 0xbf, 0xbd]));
      if (encodedReplacement) continue;
      const replacements = new Set<number>();
      for (let k = 0; k < result.text.length; k++) if (result.text[k] === '\uFFFD') replacements.add(k);
      expect([...covered].sort((a, b) => a - b)).toEqual([...replacements].sort((a, b) => a - b));
    }
  });

  it('limits the number of invalid UTF-8 reports and says how many more there are', () => {
    const parts: number[][] = [];
    for (let i = 0; i < 25; i++) parts.push([0x61, 0xff]);
    const result = decodeSource(concat(...parts));
    expect(result.diagnostics).toHaveLength(MAX_REPORTS_PER_KIND);
    expect(result.diagnostics.at(-1)!.message).toBe(
      'The input is not valid UTF-8 at byte offset 19 (byte 0xFF) (and 15 more invalid sequences after it)',
    );
  });

  it('decodes a UTF-16 file with a byte order mark and says it is not UTF-8', () => {
    const le = concat([0xff, 0xfe], Buffer.from('SELECT 1', 'utf16le'));
    const result = decodeSource(le);
    expect(result.text).toBe('SELECT 1');
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: 'FSQL1001',
        message: 'The input is encoded as UTF-16 (little-endian), not UTF-8',
        hint: 'save the file as UTF-8',
        span: { start: 0, end: 0 },
      }),
    ]);
  });

  it('reports NUL characters found in valid UTF-8', () => {
    const result = decodeSource(utf8('SELECT\0\0 1'));
    expect(result.text).toBe('SELECT\0\0 1');
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'FSQL1002', span: { start: 6, end: 8 } })]);
  });

  it('decodes 1 MB of clean input quickly', () => {
    const line = "SELECT user_id, COUNT(*) AS cnt FROM clicks WHERE url LIKE '%/ä/😀%' GROUP BY user_id;\n";
    const text = line.repeat(Math.ceil((1024 * 1024) / line.length));
    const bytes = utf8(text);
    expect(bytes.length).toBeGreaterThan(1024 * 1024);
    decodeSource(bytes); // warm up
    const t0 = performance.now();
    const result = decodeSource(bytes);
    const elapsed = performance.now() - t0;
    expect(result.text).toBe(text);
    expect(result.diagnostics).toEqual([]);
    expect(elapsed).toBeLessThan(200);
  });

  it('decodes 1 MB of input with an invalid byte near the end', () => {
    const bytes = concat(utf8('x'.repeat(1024 * 1024)), [0xc3, 0x28]);
    const t0 = performance.now();
    const result = decodeSource(bytes);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(result.diagnostics.map((d) => d.span)).toEqual([{ start: 1024 * 1024, end: 1024 * 1024 + 1 }]);
  });
});

describe('checkText', () => {
  it('returns nothing for ordinary text, including surrogate pairs', () => {
    expect(checkText("SELECT '😀' FROM t")).toEqual([]);
  });

  it('reports one diagnostic per run of NUL characters', () => {
    const diags = checkText('a\0b\0\0\0c');
    expect(diags).toEqual([
      {
        code: Codes.nulCharacter.code,
        severity: 'error',
        category: 'syntax',
        message: 'The input contains a NUL character (U+0000)',
        hint: 'remove the NUL characters; if there are many, the file may be binary or saved as UTF-16, so save it as UTF-8 text',
        span: { start: 1, end: 2 },
      },
      expect.objectContaining({ message: 'The input contains 3 NUL characters (U+0000)', span: { start: 3, end: 6 } }),
    ]);
  });

  it('reports lone high and low surrogates', () => {
    const diags = checkText('a\uD83Db \uDE00c \uDC00\uDC01');
    expect(diags.map((d) => [d.code, d.span, d.message])).toEqual([
      ['FSQL1003', { start: 1, end: 2 }, 'The input contains an unpaired UTF-16 surrogate (U+D83D)'],
      ['FSQL1003', { start: 4, end: 5 }, 'The input contains an unpaired UTF-16 surrogate (U+DE00)'],
      ['FSQL1003', { start: 7, end: 9 }, 'The input contains 2 unpaired UTF-16 surrogates (U+DC00, U+DC01)'],
    ]);
    expect(diags[0]!.hint).toMatch(/cut in the middle of a character/);
  });

  it('reports a high surrogate at the very end', () => {
    expect(checkText('abc\uD800').map((d) => d.span)).toEqual([{ start: 3, end: 4 }]);
  });

  it('orders NUL and surrogate diagnostics by position', () => {
    expect(checkText('\uDC00 \0').map((d) => d.code)).toEqual(['FSQL1003', 'FSQL1002']);
  });

  it('takes its severity and category from the code catalog', () => {
    const [d] = checkText('\0');
    expect(d).toMatchObject({ severity: Codes.nulCharacter.severity, category: Codes.nulCharacter.category });
  });

  it('checks 1 MB of text quickly', () => {
    const text = 'SELECT 😀 FROM t;\n'.repeat(60000);
    const t0 = performance.now();
    expect(checkText(text)).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(200);
  });
});
