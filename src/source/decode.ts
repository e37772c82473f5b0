import { Codes, type CodeInfo } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Span } from './span.js';

/**
 * Input checks that run before the parser: turning bytes into text, and rejecting characters that
 * no SQL text should contain. Every problem becomes a Diagnostic whose span is a UTF-16 offset range
 * in the decoded text, so the renderers can show it like any other finding.
 */

export interface DecodedSource {
  /** The decoded text: BOM removed, invalid byte sequences replaced by U+FFFD. */
  readonly text: string;
  /** Input problems in text order: invalid UTF-8 first, then NUL characters and lone surrogates. */
  readonly diagnostics: Diagnostic[];
}

/**
 * How many problems of one kind are reported individually per input. Past the limit one last
 * diagnostic says how many more there are, so a binary file does not produce a wall of errors.
 */
export const MAX_REPORTS_PER_KIND = 10;

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * Decodes a file's bytes as UTF-8.
 *
 * A leading UTF-8 byte order mark is removed. Each invalid byte sequence becomes U+FFFD (exactly as
 * the WHATWG decoder, and so `TextDecoder`, replaces it) and each maximal run of them gets one
 * `FSQL1001` diagnostic that covers the replacement characters. A file that starts with a UTF-16
 * byte order mark is decoded as UTF-16 and gets a single `FSQL1001` diagnostic. The text is then
 * checked with {@link checkText}.
 */
export function decodeSource(bytes: Uint8Array): DecodedSource {
  const utf16 = utf16Encoding(bytes);
  if (utf16 !== null) {
    const text = new TextDecoder(utf16.label, { ignoreBOM: true }).decode(bytes.subarray(2));
    const diagnostic = make(Codes.invalidUtf8, { start: 0, end: 0 }, {
      message: `The input is encoded as ${utf16.name}, not UTF-8`,
      hint: 'save the file as UTF-8',
    });
    return { text, diagnostics: [diagnostic, ...checkText(text)] };
  }

  const bomLength = hasUtf8Bom(bytes) ? UTF8_BOM.length : 0;
  const body = bomLength === 0 ? bytes : bytes.subarray(bomLength);

  let text: string;
  let diagnostics: Diagnostic[];
  try {
    // Fast path: almost every input is valid UTF-8, and the native decoder checks it in one pass.
    text = fatalUtf8.decode(body);
    diagnostics = [];
  } catch {
    text = lenientUtf8.decode(body);
    diagnostics = invalidUtf8Diagnostics(body, bomLength);
  }
  const textDiagnostics = checkText(text);
  return { text, diagnostics: textDiagnostics.length === 0 ? diagnostics : [...diagnostics, ...textDiagnostics] };
}

/**
 * Checks text that arrives as a JavaScript string (for example over gRPC) for characters that no
 * SQL script can contain: NUL characters (`FSQL1002`, one diagnostic per run) and UTF-16 surrogates
 * without their partner (`FSQL1003`, one diagnostic per run). Returns diagnostics in text order.
 */
export function checkText(text: string): Diagnostic[] {
  const hasNul = text.indexOf('\0') !== -1;
  const hasSurrogate = SURROGATE.test(text);
  if (!hasNul && !hasSurrogate) return [];

  const nulRuns = hasNul ? runsOf(text, NUL_RUN) : [];
  const surrogateRuns = hasSurrogate ? mergeAdjacent(runsOf(text, LONE_SURROGATE)) : [];

  const diagnostics = [
    ...limitReports(nulRuns, (run) => nulDiagnostic(run), (run, more) => nulDiagnostic(run, more)),
    ...limitReports(
      surrogateRuns,
      (run) => surrogateDiagnostic(text, run),
      (run, more) => surrogateDiagnostic(text, run, more),
    ),
  ];
  return diagnostics.sort((a, b) => a.span.start - b.span.start);
}

// ---------------------------------------------------------------------------------------------
// UTF-8

interface InvalidRun {
  /** Byte offsets into the decoded body (after the BOM), end exclusive. */
  readonly byteStart: number;
  readonly byteEnd: number;
  /** UTF-16 offsets of the U+FFFD characters the run decodes to, end exclusive. */
  readonly span: Span;
}

/**
 * Finds the invalid sequences the way the WHATWG UTF-8 decoder does, so that the spans line up with
 * the U+FFFD characters `TextDecoder` produced: each "maximal subpart" of an ill-formed sequence is
 * one U+FFFD, and a byte that breaks a sequence is examined again as the start of a new one.
 */
function findInvalidUtf8(bytes: Uint8Array): InvalidRun[] {
  const runs: InvalidRun[] = [];
  let utf16 = 0;
  let runStart = -1;
  let runUtf16Start = 0;
  let i = 0;
  const n = bytes.length;

  const error = (from: number, to: number) => {
    if (runStart === -1) {
      runStart = from;
      runUtf16Start = utf16;
    }
    utf16 += 1;
    i = to;
  };
  const valid = (to: number, units: number) => {
    if (runStart !== -1) {
      runs.push({ byteStart: runStart, byteEnd: i, span: { start: runUtf16Start, end: utf16 } });
      runStart = -1;
    }
    utf16 += units;
    i = to;
  };

  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      valid(i + 1, 1);
      continue;
    }
    let needed: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) needed = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      needed = 2;
      if (b === 0xe0) lower = 0xa0;
      else if (b === 0xed) upper = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      needed = 3;
      if (b === 0xf0) lower = 0x90;
      else if (b === 0xf4) upper = 0x8f;
    } else {
      error(i, i + 1);
      continue;
    }
    let j = i + 1;
    let seen = 0;
    while (seen < needed && j < n) {
      const c = bytes[j]!;
      if (c < lower || c > upper) break;
      lower = 0x80;
      upper = 0xbf;
      seen++;
      j++;
    }
    if (seen === needed) valid(j, needed === 3 ? 2 : 1);
    else error(i, j); // the breaking byte (if any) is examined again
  }
  if (runStart !== -1) runs.push({ byteStart: runStart, byteEnd: n, span: { start: runUtf16Start, end: utf16 } });
  return runs;
}

function invalidUtf8Diagnostics(body: Uint8Array, bomLength: number): Diagnostic[] {
  const runs = findInvalidUtf8(body);
  const describe = (run: InvalidRun, more?: number) => {
    const offset = run.byteStart + bomLength;
    const count = run.byteEnd - run.byteStart;
    const shown = Array.from(body.subarray(run.byteStart, Math.min(run.byteEnd, run.byteStart + 8)), hexByte).join(' ');
    const bytesText = count === 1 ? `byte ${shown}` : `bytes ${shown}${count > 8 ? ' …' : ''}`;
    const tail = more === undefined ? '' : ` (and ${plural(more, 'more invalid sequence')} after it)`;
    return make(Codes.invalidUtf8, run.span, {
      message: `The input is not valid UTF-8 at byte offset ${offset} (${bytesText})${tail}`,
      hint: 'the file is probably in another encoding, such as Windows-1252 or Latin-1; save the file as UTF-8',
    });
  };
  return limitReports(runs, (run) => describe(run), describe);
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
}

function utf16Encoding(bytes: Uint8Array): { label: 'utf-16le' | 'utf-16be'; name: string } | null {
  if (bytes.length < 2) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { label: 'utf-16le', name: 'UTF-16 (little-endian)' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { label: 'utf-16be', name: 'UTF-16 (big-endian)' };
  return null;
}

function hexByte(b: number): string {
  return '0x' + b.toString(16).toUpperCase().padStart(2, '0');
}

// ---------------------------------------------------------------------------------------------
// NUL and lone surrogates

const SURROGATE = /[\uD800-\uDFFF]/;
const NUL_RUN = /\0+/g;
/** One unpaired surrogate: a high one not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function runsOf(text: string, pattern: RegExp): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(pattern)) {
    spans.push({ start: match.index!, end: match.index! + match[0].length });
  }
  return spans;
}

function mergeAdjacent(spans: Span[]): Span[] {
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last !== undefined && last.end === s.start) merged[merged.length - 1] = { start: last.start, end: s.end };
    else merged.push(s);
  }
  return merged;
}

function nulDiagnostic(run: Span, more?: number): Diagnostic {
  const count = run.end - run.start;
  const what = count === 1 ? 'a NUL character (U+0000)' : `${count} NUL characters (U+0000)`;
  const tail = more === undefined ? '' : ` (and ${more} more ${more === 1 ? 'place' : 'places'} with NUL characters after it)`;
  return make(Codes.nulCharacter, run, {
    message: `The input contains ${what}${tail}`,
    hint: 'remove the NUL characters; if there are many, the file may be binary or saved as UTF-16, so save it as UTF-8 text',
  });
}

function surrogateDiagnostic(text: string, run: Span, more?: number): Diagnostic {
  const units: string[] = [];
  for (let i = run.start; i < run.end && units.length < 4; i++) units.push('U+' + text.charCodeAt(i).toString(16).toUpperCase());
  const count = run.end - run.start;
  const listed = units.join(', ') + (count > units.length ? ', …' : '');
  const what = count === 1 ? `an unpaired UTF-16 surrogate (${listed})` : `${count} unpaired UTF-16 surrogates (${listed})`;
  const tail = more === undefined ? '' : ` (and ${plural(more, 'more unpaired surrogate')} after it)`;
  return make(Codes.loneSurrogate, run, {
    message: `The input contains ${what}${tail}`,
    hint: 'the text was probably cut in the middle of a character such as an emoji; send the complete character or remove it',
  });
}

// ---------------------------------------------------------------------------------------------
// helpers

function limitReports<T>(items: readonly T[], report: (item: T) => Diagnostic, last: (item: T, more: number) => Diagnostic): Diagnostic[] {
  if (items.length <= MAX_REPORTS_PER_KIND) return items.map(report);
  const shown = items.slice(0, MAX_REPORTS_PER_KIND - 1).map(report);
  shown.push(last(items[MAX_REPORTS_PER_KIND - 1]!, items.length - MAX_REPORTS_PER_KIND));
  return shown;
}

function make(info: CodeInfo, span: Span, text: { message: string; hint: string }): Diagnostic {
  return { code: info.code, severity: info.severity, category: info.category, message: text.message, span, hint: text.hint };
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
