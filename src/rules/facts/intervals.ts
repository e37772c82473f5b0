import type { Expression, TimeUnit } from '../../ast/nodes.js';

const UNIT_MS: Partial<Record<TimeUnit, number>> = {
  YEAR: 365 * 86_400_000, QUARTER: 91 * 86_400_000, MONTH: 30 * 86_400_000, WEEK: 7 * 86_400_000,
  DAY: 86_400_000, HOUR: 3_600_000, MINUTE: 60_000, SECOND: 1000, MILLISECOND: 1, MICROSECOND: 0.001, NANOSECOND: 0.000001,
};
const ORDER: readonly TimeUnit[] = ['YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE', 'SECOND'];

/**
 * The length of an interval literal in milliseconds (months as 30 days, years as 365), or null when
 * the expression is not an interval literal or its value does not fit its qualifier.
 */
export function intervalMillis(expr: Expression): number | null {
  if (expr.kind !== 'IntervalLiteral') return null;
  const { start, end } = expr.qualifier;
  const sign = expr.negative ? -1 : 1;
  const value = expr.value.trim();
  const leadingSign = value.startsWith('-') ? -1 : 1;
  const digits = value.replace(/^[-+]/, '');
  if (end === null) {
    const factor = UNIT_MS[start];
    const amount = Number(digits);
    return factor === undefined || !Number.isFinite(amount) ? null : sign * leadingSign * amount * factor;
  }
  const from = ORDER.indexOf(start);
  const to = ORDER.indexOf(end);
  if (from < 0 || to < from) return null;
  const parts = digits.split(/[\s:-]+/).map(Number);
  if (parts.length !== to - from + 1 || parts.some((p) => !Number.isFinite(p))) return null;
  let total = 0;
  parts.forEach((amount, i) => { total += amount * UNIT_MS[ORDER[from + i]!]!; });
  return sign * leadingSign * total;
}

const READABLE: ReadonlyArray<readonly [number, string]> = [
  [86_400_000, 'day'], [3_600_000, 'hour'], [60_000, 'minute'], [1000, 'second'], [1, 'millisecond'],
];

/** `7 days`, `90 minutes`, `1.5 hours`: the largest unit that gives a short number. */
export function formatMillis(ms: number): string {
  for (const [size, unit] of READABLE) {
    if (ms >= size) {
      const amount = Math.round((ms / size) * 10) / 10;
      return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
    }
  }
  return `${ms} milliseconds`;
}
