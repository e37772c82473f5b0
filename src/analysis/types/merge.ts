/**
 * The two type-merging engines of Flink SQL.
 *
 * - `leastRestrictive`: Calcite's SqlTypeFactoryImpl#leastRestrictive as Flink patches it
 *   (FlinkTypeFactory / Flink's copy of SqlTypeFactoryImpl). SQL uses it for CASE, IF, set
 *   operations, VALUES, IN lists, the ARRAY/MAP constructors and non-decimal arithmetic.
 * - `findCommonType`: Flink's LogicalTypeMerging#findCommonType, used by the functions of the new
 *   type inference (COALESCE, IFNULL, GREATEST, LEAST, ARRAY_*, MAP_UNION, ...).
 *
 * Both return null when there is no common type. UNKNOWN in the input gives UNKNOWN.
 */
import { supportsImplicitCast } from './casts.js';
import {
  MAX_DECIMAL_PRECISION,
  MAX_LENGTH,
  T,
  type DayTimeIntervalType,
  type DayTimeResolution,
  equalTypes,
  is,
  type LogicalType,
  type YearMonthIntervalType,
  withNullability,
  withoutTimeAttribute,
} from './logical-type.js';

/** Calcite's precision of the integer types, used when they meet a DECIMAL. */
const INTEGER_PRECISION: Readonly<Record<string, number>> = { TINYINT: 3, SMALLINT: 5, INTEGER: 10, BIGINT: 19 };

/** An exact numeric as (precision, scale): integers count as DECIMAL(3|5|10|19, 0). */
export function decimalView(type: LogicalType): { precision: number; scale: number } | null {
  if (type.root === 'DECIMAL') return { precision: type.precision, scale: type.scale };
  const p = INTEGER_PRECISION[type.root];
  return p === undefined ? null : { precision: p, scale: 0 };
}

/** The common decimal of two exact numerics: whole digits and scale both kept, within 38 digits. */
function commonDecimal(a: LogicalType, b: LogicalType): LogicalType {
  const x = decimalView(a)!;
  const y = decimalView(b)!;
  const digits = Math.min(Math.max(x.precision - x.scale, y.precision - y.scale), MAX_DECIMAL_PRECISION);
  const scale = Math.min(Math.max(x.scale, y.scale), MAX_DECIMAL_PRECISION - digits);
  return T.decimal(digits + scale, scale, false);
}

function largerInteger(a: LogicalType, b: LogicalType): LogicalType {
  return (INTEGER_PRECISION[b.root] ?? 0) > (INTEGER_PRECISION[a.root] ?? 0) ? b : a;
}

const DAY_TIME_UNITS = ['DAY', 'HOUR', 'MINUTE', 'SECOND'] as const;

function dayTimeBounds(type: DayTimeIntervalType): [number, number] {
  const [start, end] = type.resolution.split('_TO_') as [string, string | undefined];
  const s = DAY_TIME_UNITS.indexOf(start as (typeof DAY_TIME_UNITS)[number]);
  const e = end === undefined ? s : DAY_TIME_UNITS.indexOf(end as (typeof DAY_TIME_UNITS)[number]);
  return [s, e];
}

/** Combines two interval qualifiers of the same kind into one that covers both. */
function combineIntervals(a: LogicalType, b: LogicalType): LogicalType | null {
  if (a.root === 'INTERVAL_YEAR_MONTH' && b.root === 'INTERVAL_YEAR_MONTH') {
    const resolutions = new Set([a.resolution, b.resolution]);
    const resolution: YearMonthIntervalType['resolution'] = resolutions.size === 1 ? a.resolution : 'YEAR_TO_MONTH';
    return T.intervalYearMonth(resolution, Math.max(a.yearPrecision, b.yearPrecision), false);
  }
  if (a.root === 'INTERVAL_DAY_TIME' && b.root === 'INTERVAL_DAY_TIME') {
    const [as, ae] = dayTimeBounds(a);
    const [bs, be] = dayTimeBounds(b);
    const start = DAY_TIME_UNITS[Math.min(as, bs)]!;
    const end = DAY_TIME_UNITS[Math.max(ae, be)]!;
    const resolution = (start === end ? start : `${start}_TO_${end}`) as DayTimeResolution;
    return T.intervalDayTime(resolution, Math.max(a.dayPrecision, b.dayPrecision), Math.max(a.fractionalPrecision, b.fractionalPrecision), false);
  }
  return null;
}

type Pair = (a: LogicalType, b: LogicalType) => LogicalType | null;

function merge(types: readonly LogicalType[], pair: Pair, recurse: (ts: readonly LogicalType[]) => LogicalType | null): LogicalType | null {
  if (types.length === 0) return null;
  if (types.some((t) => t.root === 'UNKNOWN')) return T.unknown(types.some((t) => t.nullable));
  const nullable = types.some((t) => t.nullable);
  const real = types.filter((t) => t.root !== 'NULL');
  // NULL is reserved for untyped literals: NULLs alone have no common type (FlinkTypeFactory, LogicalTypeMerging).
  if (real.length === 0) return null;
  const first = real[0]!;
  if (real.every((t) => equalTypes(t, first, { ignoreNullability: true }))) return withNullability(first, nullable);
  let result: LogicalType = withoutTimeAttribute(first);
  for (const next of real.slice(1)) {
    const merged: LogicalType | null = constructed(result, withoutTimeAttribute(next), recurse) ?? pair(result, withoutTimeAttribute(next));
    if (merged === null) return null;
    result = merged;
  }
  return withNullability(result, nullable);
}

/** ARRAY / MULTISET / MAP / ROW merge child by child with the same engine. */
function constructed(a: LogicalType, b: LogicalType, recurse: (ts: readonly LogicalType[]) => LogicalType | null): LogicalType | null {
  if (a.root === 'ARRAY' && b.root === 'ARRAY') {
    const e = recurse([a.element, b.element]);
    return e === null ? null : T.array(e, false);
  }
  if (a.root === 'MULTISET' && b.root === 'MULTISET') {
    const e = recurse([a.element, b.element]);
    return e === null ? null : T.multiset(e, false);
  }
  if (a.root === 'MAP' && b.root === 'MAP') {
    const k = recurse([a.key, b.key]);
    const v = recurse([a.value, b.value]);
    return k === null || v === null ? null : T.map(k, v, false);
  }
  if (a.root === 'ROW' && b.root === 'ROW') {
    if (a.fields.length !== b.fields.length) return null;
    const fields = [];
    for (let i = 0; i < a.fields.length; i++) {
      const f = recurse([a.fields[i]!.type, b.fields[i]!.type]);
      if (f === null) return null;
      fields.push(T.field(a.fields[i]!.name, f, a.fields[i]!.description));
    }
    return T.row(fields, false);
  }
  return null;
}

function strings(a: LogicalType, b: LogicalType): LogicalType | null {
  const length = Math.min(Math.max((a as { length: number }).length, (b as { length: number }).length), MAX_LENGTH);
  if (is.characterString(a) && is.characterString(b)) {
    const fixed = a.root === 'CHAR' && b.root === 'CHAR' && a.length === b.length;
    return fixed ? T.char(length, false) : T.varchar(length, false);
  }
  if (is.binaryString(a) && is.binaryString(b)) {
    const fixed = a.root === 'BINARY' && b.root === 'BINARY' && a.length === b.length;
    return fixed ? T.binary(length, false) : T.varbinary(length, false);
  }
  return null;
}

/**
 * Exact and approximate numbers, `a` being the result so far. Calcite: approximate types have equal
 * precision (15), so FLOAT and DOUBLE keep the first; DECIMAL with FLOAT/DOUBLE is DOUBLE. Flink's
 * LogicalTypeMerging: DOUBLE wins over FLOAT, and an exact result meeting FLOAT/DOUBLE takes it
 * (even a DECIMAL), while an approximate result meeting a DECIMAL becomes DOUBLE.
 */
function numbers(a: LogicalType, b: LogicalType, engine: 'calcite' | 'flink'): LogicalType | null {
  if (!is.numeric(a) || !is.numeric(b)) return null;
  if (is.exactNumeric(a) && is.exactNumeric(b)) {
    return a.root === 'DECIMAL' || b.root === 'DECIMAL' ? commonDecimal(a, b) : largerInteger(a, b);
  }
  if (is.approximateNumeric(a) && is.approximateNumeric(b)) {
    return engine === 'flink' && (a.root === 'DOUBLE' || b.root === 'DOUBLE') ? T.double(false) : a;
  }
  if (is.approximateNumeric(a)) return b.root === 'DECIMAL' ? T.double(false) : a;
  return engine === 'calcite' && a.root === 'DECIMAL' ? T.double(false) : b;
}

/** Calcite's pairwise rule with Flink's modifications (ragged CHAR unions become VARCHAR). */
const calcitePair: Pair = (a, b) => {
  const s = strings(a, b);
  if (s !== null) return s;
  const n = numbers(a, b, 'calcite');
  if (n !== null) return n;
  if (a.root === b.root && (a.root === 'BOOLEAN' || a.root === 'DATE' || a.root === 'VARIANT')) return a;
  if (a.root === 'TIME' && b.root === 'TIME') return T.time(Math.max(a.precision, b.precision), false);
  if (is.timestamp(a) && is.timestamp(b) && a.root !== 'TIMESTAMP_WITH_TIME_ZONE' && b.root !== 'TIMESTAMP_WITH_TIME_ZONE') {
    const pa = (a as { precision: number }).precision;
    const pb = (b as { precision: number }).precision;
    // Flink's block in leastRestrictive: equal precisions keep the first type, otherwise the later root wins.
    if (pa === pb) return a;
    const p = Math.max(pa, pb);
    return b.root === 'TIMESTAMP_WITH_LOCAL_TIME_ZONE' ? T.timestampLtz(p, false) : T.timestamp(p, false);
  }
  return combineIntervals(a, b);
};

/** Flink's LogicalTypeMerging pairwise rule. */
const flinkPair: Pair = (a, b) => {
  const s = strings(a, b);
  if (s !== null) return s;
  const n = numbers(a, b, 'flink');
  if (n !== null) return n;
  if (a.root === b.root && (a.root === 'BOOLEAN' || a.root === 'DATE' || a.root === 'VARIANT')) return a;
  if (a.root === 'TIME' && b.root === 'TIME') return T.time(Math.max(a.precision, b.precision), false);
  if (is.timestamp(a) && is.timestamp(b)) {
    const p = Math.max((a as { precision: number }).precision, (b as { precision: number }).precision);
    if (a.root === 'TIMESTAMP_WITH_TIME_ZONE' || b.root === 'TIMESTAMP_WITH_TIME_ZONE') return T.timestampTz(p, false);
    if (a.root === 'TIMESTAMP_WITH_LOCAL_TIME_ZONE' || b.root === 'TIMESTAMP_WITH_LOCAL_TIME_ZONE') return T.timestampLtz(p, false);
    return T.timestamp(p, false);
  }
  const interval = combineIntervals(a, b);
  if (interval !== null) return interval;
  // Type patterns for date arithmetic: (DATE | TIMESTAMP, exact numeric) and (datetime, interval).
  for (const [x, y] of [[a, b], [b, a]] as const) {
    if ((x.root === 'DATE' || x.root === 'TIMESTAMP_WITHOUT_TIME_ZONE') && is.exactNumeric(y)) return x;
    if (is.datetime(x) && is.interval(y)) return x;
  }
  return null;
};

export function leastRestrictive(types: readonly LogicalType[]): LogicalType | null {
  const adjacent = datetimeArithmeticShortcut(types);
  if (adjacent !== null) return adjacent;
  return merge(types, calcitePair, leastRestrictive);
}

/**
 * Calcite's leastRestrictiveSqlType carries a shortcut for datetime arithmetic: a datetime next to
 * an interval or integer, or an exact number / interval followed by a datetime, gives the datetime
 * (so CASE WHEN c THEN ts ELSE 1 END is a TIMESTAMP). It looks only at the neighbour that follows.
 */
function datetimeArithmeticShortcut(types: readonly LogicalType[]): LogicalType | null {
  let first: LogicalType | null = null;
  for (let i = 0; i < types.length - 1; i++) {
    const type = types[i]!;
    if (type.root === 'NULL') continue;
    first ??= type;
    const next = types[i + 1]!;
    const sameFamily = (is.numeric(first) && is.numeric(type)) || (is.interval(first) && first.root === type.root)
      || (is.datetime(first) && is.datetime(type) && calciteFamily(first) === calciteFamily(type));
    if (!sameFamily) return null;
    const take = (t: LogicalType): LogicalType => withNullability(withoutTimeAttribute(t), types.some((x) => x.nullable));
    if ((is.exactNumeric(type) && is.exactNumeric(first)) || is.interval(type)) {
      if (is.datetime(next)) return take(next);
    } else if (is.datetime(type) && (is.interval(next) || is.integer(next))) {
      return take(type);
    }
  }
  return null;
}

function calciteFamily(type: LogicalType): string {
  return is.timestamp(type) ? 'TIMESTAMP' : type.root;
}

export function findCommonType(types: readonly LogicalType[]): LogicalType | null {
  const merged = merge(types, flinkPair, findCommonType);
  if (merged !== null) return merged;
  // LogicalTypeMerging falls back to a candidate every other type casts to implicitly.
  const nullable = types.some((t) => t.nullable);
  const real = types.filter((t) => t.root !== 'NULL').map((t) => withNullability(t, true));
  const target = real.find((candidate) => real.every((t) => supportsImplicitCast(t, candidate)));
  return target === undefined ? null : withNullability(withoutTimeAttribute(target), nullable);
}
