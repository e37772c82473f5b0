import type { DataType, IntervalQualifier, TimeUnit } from '../../ast/nodes.js';
import type { Span } from '../../source/span.js';
import {
  MAX_DECIMAL_PRECISION,
  MAX_LENGTH,
  T,
  type DayTimeResolution,
  type LogicalType,
  type YearMonthResolution,
} from './logical-type.js';

/** A problem with a written type: a parameter out of range, NULL inside a type, ... */
export interface TypeProblem {
  readonly span: Span;
  readonly message: string;
}

export interface ConvertedType {
  readonly type: LogicalType;
  readonly problems: readonly TypeProblem[];
}

/**
 * Converts a type written in SQL (DDL, CAST, catalog document) to its logical type, with the defaults
 * Flink's SQL path applies (FlinkTypeSystem / SqlDataTypeSpec): bare VARCHAR is STRING, bare
 * VARBINARY is BYTES, TIMESTAMP is TIMESTAMP(6), DECIMAL is DECIMAL(10, 0), CHAR is CHAR(1).
 * `inDdl` applies the DDL quirks: TIME(p) becomes TIME(0), and ROW fields lose NOT NULL (FLINK-13604).
 */
export function logicalTypeOf(node: DataType, options: { inDdl?: boolean } = {}): ConvertedType {
  const problems: TypeProblem[] = [];
  const type = convert(node, options.inDdl === true, false, problems);
  return { type, problems };
}

function convert(node: DataType, inDdl: boolean, rowField: boolean, problems: TypeProblem[]): LogicalType {
  const nullable = node.nullable !== false || (inDdl && rowField);
  const [a, b] = node.args;
  const length = (min: number): number => {
    if (a === undefined) return -1;
    if (a < min || a > MAX_LENGTH) problems.push({ span: node.span, message: `${node.name} length must be between ${min} and ${MAX_LENGTH}, but is ${a}` });
    return a;
  };
  switch (node.name) {
    case 'CHAR': { const n = length(1); return T.char(n < 0 ? 1 : n, nullable); }
    case 'VARCHAR': { const n = length(1); return T.varchar(n < 0 ? MAX_LENGTH : n, nullable); }
    case 'STRING': return T.string(nullable);
    case 'BINARY': { const n = length(1); return T.binary(n < 0 ? 1 : n, nullable); }
    case 'VARBINARY': { const n = length(1); return T.varbinary(n < 0 ? MAX_LENGTH : n, nullable); }
    case 'BYTES': return T.bytes(nullable);
    case 'BOOLEAN': return T.boolean(nullable);
    case 'DECIMAL': {
      const precision = a ?? 10;
      const scale = b ?? 0;
      if (precision < 1 || precision > MAX_DECIMAL_PRECISION) {
        problems.push({ span: node.span, message: `DECIMAL precision must be between 1 and ${MAX_DECIMAL_PRECISION} (both inclusive), but is ${precision}` });
      } else if (scale < 0 || scale > precision) {
        problems.push({ span: node.span, message: `DECIMAL scale must be between 0 and the precision ${precision} (both inclusive), but is ${scale}` });
      }
      return T.decimal(precision, scale, nullable);
    }
    case 'TINYINT': return T.tinyint(nullable);
    case 'SMALLINT': return T.smallint(nullable);
    case 'INT': return T.int(nullable);
    case 'BIGINT': return T.bigint(nullable);
    case 'FLOAT': return T.float(nullable);
    case 'DOUBLE': return T.double(nullable);
    case 'DATE': return T.date(nullable);
    case 'TIME': {
      const precision = a ?? 0;
      checkPrecision(node, precision, 9, problems);
      // Flink's planner supports TIME(0) only; DDL silently turns TIME(p) into TIME(0).
      return T.time(inDdl ? 0 : precision, nullable);
    }
    case 'TIMESTAMP': {
      const precision = a ?? 6;
      checkPrecision(node, precision, 9, problems);
      return T.timestamp(precision, nullable);
    }
    case 'TIMESTAMP_LTZ': {
      const precision = a ?? 6;
      checkPrecision(node, precision, 9, problems);
      return T.timestampLtz(precision, nullable);
    }
    case 'INTERVAL': return intervalType(node.interval, nullable);
    case 'ARRAY': return T.array(child(node.element, node, inDdl, problems), nullable);
    case 'MULTISET': return T.multiset(child(node.element, node, inDdl, problems), nullable);
    case 'MAP': return T.map(child(node.key, node, inDdl, problems), child(node.value, node, inDdl, problems), nullable);
    case 'ROW': {
      const seen = new Set<string>();
      const fields = node.fields.map((f) => {
        if (seen.has(f.name.value)) problems.push({ span: f.name.span, message: `Field names must be unique. Found duplicates: [${f.name.value}]` });
        seen.add(f.name.value);
        return T.field(f.name.value, convert(f.type, inDdl, true, problems), inDdl ? null : f.description);
      });
      return T.row(fields, nullable);
    }
    case 'RAW': return T.raw(node.rawClass ?? '', node.rawSnapshot ?? '', nullable);
    case 'USER_DEFINED': {
      const name = node.userType?.parts.map((p) => p.value).join('.') ?? '';
      if (name.toUpperCase() === 'VARIANT') return T.variant(nullable);
      return T.userDefined(name, nullable);
    }
  }
}

function child(node: DataType | null, parent: DataType, inDdl: boolean, problems: TypeProblem[]): LogicalType {
  if (node === null) {
    problems.push({ span: parent.span, message: `${parent.name} needs an element type` });
    return T.null();
  }
  return convert(node, inDdl, false, problems);
}

function checkPrecision(node: DataType, precision: number, max: number, problems: TypeProblem[]): void {
  if (precision < 0 || precision > max) {
    problems.push({ span: node.span, message: `${node.name} precision must be between 0 and ${max} (both inclusive), but is ${precision}` });
  }
}

const YEAR_MONTH_UNITS: ReadonlySet<TimeUnit> = new Set(['YEAR', 'MONTH', 'QUARTER']);

/** The interval type of a qualifier as written (DDL/CAST); queries collapse these, see `queryIntervalType`. */
export function intervalType(qualifier: IntervalQualifier | null, nullable = true): LogicalType {
  if (qualifier === null) return T.intervalDayTime('SECOND', 2, 6, nullable);
  const start = qualifier.start;
  const end = qualifier.end;
  if (YEAR_MONTH_UNITS.has(start)) {
    const resolution: YearMonthResolution = start === 'MONTH' ? 'MONTH' : end === 'MONTH' ? 'YEAR_TO_MONTH' : 'YEAR';
    return T.intervalYearMonth(resolution, qualifier.startPrecision ?? 2, nullable);
  }
  const fractional = (end === null ? qualifier.fractionalPrecision : qualifier.endPrecision) ?? 6;
  const startUnit = start === 'DAY' || start === 'HOUR' || start === 'MINUTE' ? start : 'SECOND';
  const resolution = (end === null || end === startUnit ? startUnit : `${startUnit}_TO_${end}`) as DayTimeResolution;
  const dayPrecision = startUnit === 'SECOND' ? 2 : qualifier.startPrecision ?? 2;
  return T.intervalDayTime(resolution, dayPrecision, fractional, nullable);
}

/** What the planner reports for an interval inside a query: INTERVAL MONTH or INTERVAL SECOND(3) (FlinkTypeFactory.toLogicalType). */
export function queryIntervalType(type: LogicalType): LogicalType {
  if (type.root === 'INTERVAL_YEAR_MONTH') return T.intervalYearMonth('MONTH', 2, type.nullable);
  if (type.root === 'INTERVAL_DAY_TIME') return T.intervalDayTime('SECOND', 2, 3, type.nullable);
  return type;
}
