/**
 * Result types of + - * / % and of the decimal-producing functions.
 *
 * Operators follow Calcite's return-type rules (ReturnTypes.NULLABLE_SUM, PRODUCT_NULLABLE,
 * QUOTIENT_NULLABLE, ARG1_NULLABLE for %); decimal precision and scale come from Flink's
 * FlinkTypeSystem, which delegates to LogicalTypeMerging (findAdditionDecimalType, ...). There is no
 * implicit coercion: '1' + 1 is an error.
 */
import { queryIntervalType } from './from-ast.js';
import { MAX_DECIMAL_PRECISION, T, is, type LogicalType, withNullability, withoutTimeAttribute } from './logical-type.js';
import { decimalView, leastRestrictive } from './merge.js';

export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%';

export interface DecimalShape {
  readonly precision: number;
  readonly scale: number;
}

const MINIMUM_ADJUSTED_SCALE = 6;

/** LogicalTypeMerging#adjustPrecisionScale: beyond 38 digits, keep the whole digits and at least 6 decimals. */
export function adjustPrecisionScale(precision: number, scale: number): DecimalShape {
  if (precision <= MAX_DECIMAL_PRECISION) return { precision, scale };
  const digits = precision - scale;
  const minScale = Math.min(scale, MINIMUM_ADJUSTED_SCALE);
  return { precision: MAX_DECIMAL_PRECISION, scale: Math.max(MAX_DECIMAL_PRECISION - digits, minScale) };
}

export function findAdditionDecimalType(p1: number, s1: number, p2: number, s2: number): DecimalShape {
  const scale = Math.max(s1, s2);
  return adjustPrecisionScale(Math.max(p1 - s1, p2 - s2) + scale + 1, scale);
}

export function findMultiplicationDecimalType(p1: number, s1: number, p2: number, s2: number): DecimalShape {
  return adjustPrecisionScale(p1 + p2 + 1, s1 + s2);
}

export function findDivisionDecimalType(p1: number, s1: number, p2: number, s2: number): DecimalShape {
  const scale = Math.max(MINIMUM_ADJUSTED_SCALE, s1 + p2 + 1);
  return adjustPrecisionScale(p1 - s1 + s2 + scale, scale);
}

export function findModuloDecimalType(p1: number, s1: number, p2: number, s2: number): DecimalShape {
  if (s1 === 0 && s2 === 0) return { precision: p2, scale: 0 };
  const scale = Math.max(s1, s2);
  return adjustPrecisionScale(Math.min(p1 - s1, p2 - s2) + scale, scale);
}

/** ROUND / TRUNCATE of a DECIMAL(p, s) to r places (LogicalTypeMerging#findRoundDecimalType). */
export function findRoundDecimalType(precision: number, scale: number, round: number): DecimalShape {
  if (round >= scale) return { precision, scale };
  if (round < 0) return { precision: Math.min(MAX_DECIMAL_PRECISION, 1 + precision - scale), scale: 0 };
  return { precision: 1 + precision - scale + round, scale: round };
}

/** SUM keeps non-decimal types; DECIMAL(p, s) becomes DECIMAL(38, s) (findSumAggType). */
export function sumAggType(type: LogicalType): LogicalType {
  if (type.root === 'DECIMAL') return T.decimal(MAX_DECIMAL_PRECISION, type.scale, type.nullable);
  return withoutTimeAttribute(type);
}

/** AVG and the variance family keep non-decimal types; DECIMAL(p, s) becomes DECIMAL(38, max(s, 6)) (findAvgAggType). */
export function avgAggType(type: LogicalType): LogicalType {
  if (type.root === 'DECIMAL') return T.decimal(MAX_DECIMAL_PRECISION, Math.max(type.scale, MINIMUM_ADJUSTED_SCALE), type.nullable);
  return withoutTimeAttribute(type);
}

type DecimalRule = (p1: number, s1: number, p2: number, s2: number) => DecimalShape;

const DECIMAL_RULES: Readonly<Record<Exclude<ArithmeticOperator, '%'>, DecimalRule>> = {
  '+': findAdditionDecimalType,
  '-': findAdditionDecimalType,
  '*': findMultiplicationDecimalType,
  '/': findDivisionDecimalType,
};

/** The operand forms each operator accepts, as Calcite's OperandTypes (PLUS_OPERATOR, MINUS_OPERATOR, ...). */
export const OPERATOR_FORMS: Readonly<Record<ArithmeticOperator, readonly string[]>> = {
  '+': ['<NUMERIC> + <NUMERIC>', '<DATETIME_INTERVAL> + <DATETIME_INTERVAL>', '<DATETIME> + <DATETIME_INTERVAL>', '<DATETIME_INTERVAL> + <DATETIME>'],
  '-': ['<NUMERIC> - <NUMERIC>', '<DATETIME_INTERVAL> - <DATETIME_INTERVAL>', '<DATETIME> - <DATETIME_INTERVAL>'],
  '*': ['<NUMERIC> * <NUMERIC>', '<DATETIME_INTERVAL> * <NUMERIC>', '<NUMERIC> * <DATETIME_INTERVAL>'],
  '/': ['<NUMERIC> / <NUMERIC>', '<DATETIME_INTERVAL> / <NUMERIC>'],
  '%': ['<EXACT_NUMERIC> % <EXACT_NUMERIC>'],
};

/**
 * The result type of `left op right`, or null when the operator does not accept these operands.
 * Nullable if either operand is; an untyped NULL takes the other operand's type.
 */
export function arithmeticType(op: ArithmeticOperator, left: LogicalType, right: LogicalType): LogicalType | null {
  if (left.root === 'UNKNOWN' || right.root === 'UNKNOWN') return T.unknown();
  const nullable = left.nullable || right.nullable;
  if (left.root === 'NULL' && right.root === 'NULL') return null;
  const l = left.root === 'NULL' ? right : withoutTimeAttribute(left);
  const r = right.root === 'NULL' ? left : withoutTimeAttribute(right);
  const result = rawType(op, l, r);
  return result === null ? null : withNullability(result, nullable);
}

function rawType(op: ArithmeticOperator, l: LogicalType, r: LogicalType): LogicalType | null {
  if (is.numeric(l) && is.numeric(r)) {
    if (op === '%') return is.exactNumeric(l) && is.exactNumeric(r) ? r : null;
    if (is.exactNumeric(l) && is.exactNumeric(r) && (l.root === 'DECIMAL' || r.root === 'DECIMAL')) {
      const x = decimalView(l)!;
      const y = decimalView(r)!;
      const d = DECIMAL_RULES[op](x.precision, x.scale, y.precision, y.scale);
      return T.decimal(d.precision, d.scale);
    }
    return leastRestrictive([l, r]);
  }
  switch (op) {
    case '+':
      if (is.datetime(l) && is.interval(r)) return datetimePlusInterval(l, r);
      if (is.interval(l) && is.datetime(r)) return datetimePlusInterval(r, l);
      return sameKindIntervals(l, r);
    case '-':
      if (is.datetime(l) && is.interval(r)) return datetimePlusInterval(l, r);
      return sameKindIntervals(l, r);
    case '*':
      if (is.interval(l) && is.numeric(r)) return queryIntervalType(l);
      if (is.numeric(l) && is.interval(r)) return queryIntervalType(r);
      return null;
    case '/':
      return is.interval(l) && is.numeric(r) ? queryIntervalType(l) : null;
    case '%':
      return null;
  }
}

/** DATE and TIME take only intervals of matching units in practice, but Calcite types them as the datetime. */
function datetimePlusInterval(datetime: LogicalType, interval: LogicalType): LogicalType | null {
  if (datetime.root === 'TIME' && interval.root === 'INTERVAL_YEAR_MONTH') return null;
  return datetime;
}

function sameKindIntervals(l: LogicalType, r: LogicalType): LogicalType | null {
  if (!is.interval(l) || l.root !== r.root) return null;
  return queryIntervalType(l);
}
