import type { OptionType } from './spec.js';

/**
 * Checks an option value the way Flink converts it (ConfigurationUtils, TimeUtils.parseDuration,
 * MemorySize.parse). Returns null when the value is fine, else what is wrong with it.
 */
export function checkOptionValue(value: string, type: OptionType): { readonly problem: string; readonly allowed?: readonly string[] } | null {
  const trimmed = value.trim();
  switch (type.kind) {
    case 'string':
    case 'columns':
      return null;
    case 'int':
    case 'long': {
      if (!/^[+-]?\d+$/.test(trimmed)) return { problem: `expects a whole number` };
      const n = BigInt(trimmed);
      const [lo, hi] = type.kind === 'int' ? [-(2n ** 31n), 2n ** 31n - 1n] : [-(2n ** 63n), 2n ** 63n - 1n];
      if (n < lo || n > hi) return { problem: `is out of range for a${type.kind === 'int' ? 'n int' : ' long'}` };
      if (type.min !== undefined && n < BigInt(type.min)) return { problem: `must be at least ${type.min}` };
      return null;
    }
    case 'float':
      return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[fFdD]?$/.test(trimmed) ? null : { problem: 'expects a number' };
    case 'boolean':
      return /^(true|false)$/i.test(trimmed) ? null : { problem: "expects 'true' or 'false'" };
    case 'duration':
      return isDuration(trimmed) ? null : { problem: "expects a duration such as '10 s', '500 ms' or '5 min'" };
    case 'memory':
      return isMemorySize(trimmed) ? null : { problem: "expects a memory size such as '128 mb' or '1 gb'" };
    case 'enum': {
      const ok = type.caseSensitive === true
        ? type.values.includes(value)
        : type.values.some((v) => v.toLowerCase() === trimmed.toLowerCase());
      return ok ? null : { problem: 'is not one of the allowed values', allowed: type.values };
    }
    case 'char': {
      const unescaped = unescapeJava(value);
      return unescaped !== null && [...unescaped].length === 1 ? null : { problem: "expects a single character (escapes such as '\\t' allowed)" };
    }
    case 'pattern':
      return type.regex.test(value) ? null : { problem: `expects the form ${type.expected}` };
  }
}

/** TimeUtils.parseDuration: a number and an optional unit (milliseconds when omitted). */
const DURATION_UNITS = new Set([
  'd', 'day', 'days',
  'h', 'hour', 'hours',
  'min', 'm', 'minute', 'minutes',
  's', 'sec', 'secs', 'second', 'seconds',
  'ms', 'milli', 'millis', 'millisecond', 'milliseconds',
  'µs', 'micro', 'micros', 'microsecond', 'microseconds',
  'ns', 'nano', 'nanos', 'nanosecond', 'nanoseconds',
]);

export function isDuration(text: string): boolean {
  const lower = text.trim().toLowerCase();
  // ISO-8601 (Duration.parse) is accepted by newer Flink versions.
  if (/^p(\d+d)?(t(\d+h)?(\d+m)?(\d+(\.\d+)?s)?)?$/.test(lower) && lower.length > 1 && lower !== 'pt') return true;
  const m = /^(\d+)\s*(\S*)$/.exec(lower);
  if (m === null) return false;
  return m[2] === '' || DURATION_UNITS.has(m[2]!);
}

/** MemorySize.parse: a number and an optional unit (bytes when omitted). */
const MEMORY_UNITS = new Set([
  'b', 'bytes', 'k', 'kb', 'kibibytes', 'm', 'mb', 'mebibytes', 'g', 'gb', 'gibibytes', 't', 'tb', 'tebibytes',
]);

export function isMemorySize(text: string): boolean {
  const m = /^(\d+)\s*(\S*)$/.exec(text.trim().toLowerCase());
  if (m === null) return false;
  return m[2] === '' || MEMORY_UNITS.has(m[2]!);
}

/** Java string unescaping as StringEscapeUtils.unescapeJava does for delimiters; null when malformed. */
export function unescapeJava(text: string): string | null {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const next = text[++i];
    if (next === undefined) return out + '\\';
    const simple: Record<string, string> = { t: '\t', n: '\n', r: '\r', b: '\b', f: '\f', '\\': '\\', "'": "'", '"': '"' };
    if (next in simple) out += simple[next];
    else if (next === 'u') {
      const hex = text.slice(i + 1, i + 5);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) return null;
      out += String.fromCharCode(parseInt(hex, 16));
      i += 4;
    } else out += next;
  }
  return out;
}
