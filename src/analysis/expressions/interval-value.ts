import type { Expression, IntervalLiteral, TimeUnit } from '../../ast/nodes.js';

const UNIT_MS: Partial<Record<TimeUnit, number>> = {
  WEEK: 604_800_000,
  DAY: 86_400_000,
  HOUR: 3_600_000,
  MINUTE: 60_000,
  SECOND: 1_000,
  MILLISECOND: 1,
};

/** The day-time units of a compound qualifier, largest first. */
const DAY_TIME: readonly TimeUnit[] = ['DAY', 'HOUR', 'MINUTE', 'SECOND'];

/**
 * The length of a day-time interval literal in milliseconds (`INTERVAL '90' SECOND`,
 * `INTERVAL '1 02:30' DAY TO MINUTE`), or null when it is not one or its text does not fit the
 * qualifier (the parser and typer report that). Year-month intervals have no fixed length: null.
 */
export function intervalMillis(expr: Expression): number | null {
  if (expr.kind !== 'IntervalLiteral') return null;
  const ms = literalMillis(expr);
  return ms === null ? null : expr.negative ? -ms : ms;
}

function literalMillis(lit: IntervalLiteral): number | null {
  const { start, end } = lit.qualifier;
  const text = lit.value.trim();
  const sign = text.startsWith('-') ? -1 : 1;
  const body = text.replace(/^[-+]/, '');
  if (end === null) {
    const unit = UNIT_MS[start];
    if (unit === undefined || !/^\d+(\.\d+)?$/.test(body)) return null;
    return sign * Math.round(Number(body) * unit);
  }
  const from = DAY_TIME.indexOf(start);
  const to = DAY_TIME.indexOf(end);
  if (from < 0 || to <= from) return null;
  const parts = body.split(/[\s:]+/);
  if (parts.length !== to - from + 1 || !parts.every((p, i) => (from + i === 3 ? /^\d+(\.\d+)?$/ : /^\d+$/).test(p))) return null;
  return sign * parts.reduce((sum, p, i) => sum + Number(p) * UNIT_MS[DAY_TIME[from + i]!]!, 0);
}
