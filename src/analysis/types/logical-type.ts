/**
 * Flink's logical types (org.apache.flink.table.types.logical.*) as plain immutable data.
 *
 * One discriminated union keyed by `root` (Flink's LogicalTypeRoot). Every type carries its
 * nullability; TIMESTAMP and TIMESTAMP_LTZ also carry a time-attribute kind. Types are compared
 * structurally (see `equalTypes`) and printed with `printType` exactly as Flink's
 * `asSummaryString()` does.
 */

export type TimeAttribute = 'ROWTIME' | 'PROCTIME';

export const MAX_LENGTH = 2147483647;
export const MAX_DECIMAL_PRECISION = 38;

export type YearMonthResolution = 'YEAR' | 'YEAR_TO_MONTH' | 'MONTH';
export type DayTimeResolution =
  | 'DAY' | 'DAY_TO_HOUR' | 'DAY_TO_MINUTE' | 'DAY_TO_SECOND' | 'HOUR' | 'HOUR_TO_MINUTE'
  | 'HOUR_TO_SECOND' | 'MINUTE' | 'MINUTE_TO_SECOND' | 'SECOND';

interface Base {
  readonly nullable: boolean;
}

export interface CharType extends Base { readonly root: 'CHAR'; readonly length: number }
export interface VarCharType extends Base { readonly root: 'VARCHAR'; readonly length: number }
export interface BooleanType extends Base { readonly root: 'BOOLEAN' }
export interface BinaryType extends Base { readonly root: 'BINARY'; readonly length: number }
export interface VarBinaryType extends Base { readonly root: 'VARBINARY'; readonly length: number }
export interface DecimalType extends Base { readonly root: 'DECIMAL'; readonly precision: number; readonly scale: number }
export interface TinyIntType extends Base { readonly root: 'TINYINT' }
export interface SmallIntType extends Base { readonly root: 'SMALLINT' }
export interface IntType extends Base { readonly root: 'INTEGER' }
export interface BigIntType extends Base { readonly root: 'BIGINT' }
export interface FloatType extends Base { readonly root: 'FLOAT' }
export interface DoubleType extends Base { readonly root: 'DOUBLE' }
export interface DateType extends Base { readonly root: 'DATE' }
export interface TimeType extends Base { readonly root: 'TIME'; readonly precision: number }
export interface TimestampType extends Base {
  readonly root: 'TIMESTAMP_WITHOUT_TIME_ZONE';
  readonly precision: number;
  readonly timeAttribute: TimeAttribute | null;
  /**
   * The time attribute a regular join or an aggregation turned into a plain timestamp. Flink
   * materializes it only after the legacy group windows are planned, so GROUP BY TUMBLE(...)
   * still accepts such a column; window TVFs do not.
   */
  readonly materialized?: TimeAttribute;
}
export interface LocalZonedTimestampType extends Base {
  readonly root: 'TIMESTAMP_WITH_LOCAL_TIME_ZONE';
  readonly precision: number;
  readonly timeAttribute: TimeAttribute | null;
  /**
   * The time attribute a regular join or an aggregation turned into a plain timestamp. Flink
   * materializes it only after the legacy group windows are planned, so GROUP BY TUMBLE(...)
   * still accepts such a column; window TVFs do not.
   */
  readonly materialized?: TimeAttribute;
}
export interface ZonedTimestampType extends Base { readonly root: 'TIMESTAMP_WITH_TIME_ZONE'; readonly precision: number }
export interface YearMonthIntervalType extends Base {
  readonly root: 'INTERVAL_YEAR_MONTH';
  readonly resolution: YearMonthResolution;
  readonly yearPrecision: number;
}
export interface DayTimeIntervalType extends Base {
  readonly root: 'INTERVAL_DAY_TIME';
  readonly resolution: DayTimeResolution;
  readonly dayPrecision: number;
  readonly fractionalPrecision: number;
}
export interface ArrayType extends Base { readonly root: 'ARRAY'; readonly element: LogicalType }
export interface MultisetType extends Base { readonly root: 'MULTISET'; readonly element: LogicalType }
export interface MapType extends Base { readonly root: 'MAP'; readonly key: LogicalType; readonly value: LogicalType }
export interface RowField {
  readonly name: string;
  readonly type: LogicalType;
  readonly description: string | null;
}
export interface RowType extends Base { readonly root: 'ROW'; readonly fields: readonly RowField[] }
export interface RawType extends Base { readonly root: 'RAW'; readonly className: string; readonly snapshot: string }
/** The type of an untyped NULL literal; always nullable. */
export interface NullType extends Base { readonly root: 'NULL' }
export interface VariantType extends Base { readonly root: 'VARIANT' }
/** A structured or distinct type known only by name (user-defined); opaque to type inference. */
export interface UserDefinedType extends Base { readonly root: 'STRUCTURED_TYPE'; readonly name: string }
/** Flink's SYMBOL root: time-unit and flag arguments of functions such as EXTRACT and TRIM. */
export interface SymbolType extends Base { readonly root: 'SYMBOL'; readonly symbol: string }
/**
 * A type flinkcheck cannot know: the result of a function declared without a signature (CREATE
 * FUNCTION ... AS 'class'), or of an expression that already has an error. Every check accepts it,
 * so one unknown never causes a second diagnostic.
 */
export interface UnknownType extends Base { readonly root: 'UNKNOWN' }
/** The DESCRIPTOR(...) argument of window table functions. */
export interface DescriptorType extends Base { readonly root: 'DESCRIPTOR'; readonly columns: readonly string[] }

export type LogicalType =
  | CharType | VarCharType | BooleanType | BinaryType | VarBinaryType | DecimalType | TinyIntType
  | SmallIntType | IntType | BigIntType | FloatType | DoubleType | DateType | TimeType
  | TimestampType | LocalZonedTimestampType | ZonedTimestampType | YearMonthIntervalType
  | DayTimeIntervalType | ArrayType | MultisetType | MapType | RowType | RawType | NullType
  | VariantType | UserDefinedType | SymbolType | DescriptorType | UnknownType;

export type TypeRoot = LogicalType['root'];

// ------------------------------------------------------------------------------ constructors

export const T = {
  char: (length = 1, nullable = true): CharType => ({ root: 'CHAR', length, nullable }),
  varchar: (length = MAX_LENGTH, nullable = true): VarCharType => ({ root: 'VARCHAR', length, nullable }),
  string: (nullable = true): VarCharType => ({ root: 'VARCHAR', length: MAX_LENGTH, nullable }),
  boolean: (nullable = true): BooleanType => ({ root: 'BOOLEAN', nullable }),
  binary: (length = 1, nullable = true): BinaryType => ({ root: 'BINARY', length, nullable }),
  varbinary: (length = MAX_LENGTH, nullable = true): VarBinaryType => ({ root: 'VARBINARY', length, nullable }),
  bytes: (nullable = true): VarBinaryType => ({ root: 'VARBINARY', length: MAX_LENGTH, nullable }),
  decimal: (precision = 10, scale = 0, nullable = true): DecimalType => ({ root: 'DECIMAL', precision, scale, nullable }),
  tinyint: (nullable = true): TinyIntType => ({ root: 'TINYINT', nullable }),
  smallint: (nullable = true): SmallIntType => ({ root: 'SMALLINT', nullable }),
  int: (nullable = true): IntType => ({ root: 'INTEGER', nullable }),
  bigint: (nullable = true): BigIntType => ({ root: 'BIGINT', nullable }),
  float: (nullable = true): FloatType => ({ root: 'FLOAT', nullable }),
  double: (nullable = true): DoubleType => ({ root: 'DOUBLE', nullable }),
  date: (nullable = true): DateType => ({ root: 'DATE', nullable }),
  time: (precision = 0, nullable = true): TimeType => ({ root: 'TIME', precision, nullable }),
  timestamp: (precision = 6, nullable = true, timeAttribute: TimeAttribute | null = null): TimestampType => ({
    root: 'TIMESTAMP_WITHOUT_TIME_ZONE', precision, nullable, timeAttribute,
  }),
  timestampLtz: (precision = 6, nullable = true, timeAttribute: TimeAttribute | null = null): LocalZonedTimestampType => ({
    root: 'TIMESTAMP_WITH_LOCAL_TIME_ZONE', precision, nullable, timeAttribute,
  }),
  timestampTz: (precision = 6, nullable = true): ZonedTimestampType => ({ root: 'TIMESTAMP_WITH_TIME_ZONE', precision, nullable }),
  intervalYearMonth: (resolution: YearMonthResolution = 'MONTH', yearPrecision = 2, nullable = true): YearMonthIntervalType => ({
    root: 'INTERVAL_YEAR_MONTH', resolution, yearPrecision, nullable,
  }),
  intervalDayTime: (
    resolution: DayTimeResolution = 'SECOND', dayPrecision = 2, fractionalPrecision = 3, nullable = true,
  ): DayTimeIntervalType => ({ root: 'INTERVAL_DAY_TIME', resolution, dayPrecision, fractionalPrecision, nullable }),
  array: (element: LogicalType, nullable = true): ArrayType => ({ root: 'ARRAY', element, nullable }),
  multiset: (element: LogicalType, nullable = true): MultisetType => ({ root: 'MULTISET', element, nullable }),
  map: (key: LogicalType, value: LogicalType, nullable = true): MapType => ({ root: 'MAP', key, value, nullable }),
  row: (fields: readonly RowField[], nullable = true): RowType => ({ root: 'ROW', fields, nullable }),
  field: (name: string, type: LogicalType, description: string | null = null): RowField => ({ name, type, description }),
  raw: (className: string, snapshot: string, nullable = true): RawType => ({ root: 'RAW', className, snapshot, nullable }),
  null: (): NullType => ({ root: 'NULL', nullable: true }),
  variant: (nullable = true): VariantType => ({ root: 'VARIANT', nullable }),
  userDefined: (name: string, nullable = true): UserDefinedType => ({ root: 'STRUCTURED_TYPE', name, nullable }),
  symbol: (symbol: string): SymbolType => ({ root: 'SYMBOL', symbol, nullable: false }),
  unknown: (nullable = true): UnknownType => ({ root: 'UNKNOWN', nullable }),
  descriptor: (columns: readonly string[]): DescriptorType => ({ root: 'DESCRIPTOR', columns, nullable: false }),
} as const;

// ------------------------------------------------------------------------------ helpers

export function withNullability<L extends LogicalType>(type: L, nullable: boolean): L {
  if (type.nullable === nullable || type.root === 'NULL') return type;
  return { ...type, nullable };
}

export function nullableCopy<L extends LogicalType>(type: L): L {
  return withNullability(type, true);
}

/** The time attribute of a TIMESTAMP / TIMESTAMP_LTZ type, or null. */
export function timeAttributeOf(type: LogicalType): TimeAttribute | null {
  return type.root === 'TIMESTAMP_WITHOUT_TIME_ZONE' || type.root === 'TIMESTAMP_WITH_LOCAL_TIME_ZONE'
    ? type.timeAttribute
    : null;
}

/** The same type as a regular timestamp: what Flink's planner does when it materializes a time attribute. */
export function withoutTimeAttribute<L extends LogicalType>(type: L): L {
  if ((type.root === 'TIMESTAMP_WITHOUT_TIME_ZONE' || type.root === 'TIMESTAMP_WITH_LOCAL_TIME_ZONE') && type.timeAttribute !== null) {
    return { ...type, timeAttribute: null };
  }
  return type;
}

/** A time attribute passing through a regular join or an aggregation: a plain timestamp that remembers what it was. */
export function materializeTimeAttribute<L extends LogicalType>(type: L): L {
  if ((type.root === 'TIMESTAMP_WITHOUT_TIME_ZONE' || type.root === 'TIMESTAMP_WITH_LOCAL_TIME_ZONE') && type.timeAttribute !== null) {
    return { ...type, timeAttribute: null, materialized: type.timeAttribute };
  }
  return type;
}

/** A time attribute, or one a regular join or aggregation materialized: what a legacy group window accepts. */
export function legacyWindowTimeOf(type: LogicalType): TimeAttribute | null {
  if (type.root !== 'TIMESTAMP_WITHOUT_TIME_ZONE' && type.root !== 'TIMESTAMP_WITH_LOCAL_TIME_ZONE') return null;
  return type.timeAttribute ?? type.materialized ?? null;
}

export function isTimeAttribute(type: LogicalType): boolean {
  return timeAttributeOf(type) !== null;
}

const INTEGER_ROOTS: ReadonlySet<TypeRoot> = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT']);
const EXACT_NUMERIC_ROOTS: ReadonlySet<TypeRoot> = new Set([...INTEGER_ROOTS, 'DECIMAL']);
const NUMERIC_ROOTS: ReadonlySet<TypeRoot> = new Set([...EXACT_NUMERIC_ROOTS, 'FLOAT', 'DOUBLE']);
const CHARACTER_ROOTS: ReadonlySet<TypeRoot> = new Set(['CHAR', 'VARCHAR']);
const BINARY_ROOTS: ReadonlySet<TypeRoot> = new Set(['BINARY', 'VARBINARY']);
const TIMESTAMP_ROOTS: ReadonlySet<TypeRoot> = new Set([
  'TIMESTAMP_WITHOUT_TIME_ZONE', 'TIMESTAMP_WITH_LOCAL_TIME_ZONE', 'TIMESTAMP_WITH_TIME_ZONE',
]);
const DATETIME_ROOTS: ReadonlySet<TypeRoot> = new Set([...TIMESTAMP_ROOTS, 'DATE', 'TIME']);
const INTERVAL_ROOTS: ReadonlySet<TypeRoot> = new Set(['INTERVAL_YEAR_MONTH', 'INTERVAL_DAY_TIME']);
const CONSTRUCTED_ROOTS: ReadonlySet<TypeRoot> = new Set(['ARRAY', 'MULTISET', 'MAP', 'ROW', 'STRUCTURED_TYPE']);

/** Type families, as in Flink's LogicalTypeFamily. */
export const is = {
  integer: (t: LogicalType): boolean => INTEGER_ROOTS.has(t.root),
  exactNumeric: (t: LogicalType): boolean => EXACT_NUMERIC_ROOTS.has(t.root),
  approximateNumeric: (t: LogicalType): boolean => t.root === 'FLOAT' || t.root === 'DOUBLE',
  numeric: (t: LogicalType): boolean => NUMERIC_ROOTS.has(t.root),
  characterString: (t: LogicalType): boolean => CHARACTER_ROOTS.has(t.root),
  binaryString: (t: LogicalType): boolean => BINARY_ROOTS.has(t.root),
  timestamp: (t: LogicalType): boolean => TIMESTAMP_ROOTS.has(t.root),
  datetime: (t: LogicalType): boolean => DATETIME_ROOTS.has(t.root),
  interval: (t: LogicalType): boolean => INTERVAL_ROOTS.has(t.root),
  constructed: (t: LogicalType): boolean => CONSTRUCTED_ROOTS.has(t.root),
  null: (t: LogicalType): boolean => t.root === 'NULL',
  unknown: (t: LogicalType): boolean => t.root === 'UNKNOWN',
} as const;

/** Structural equality. `ignoreNullability` compares only the outermost nullability loosely. */
export function equalTypes(a: LogicalType, b: LogicalType, options: { ignoreNullability?: boolean; ignoreTimeAttribute?: boolean } = {}): boolean {
  const left = options.ignoreTimeAttribute === true ? withoutTimeAttribute(a) : a;
  const right = options.ignoreTimeAttribute === true ? withoutTimeAttribute(b) : b;
  if (options.ignoreNullability === true) {
    return printType(withNullability(left, true)) === printType(withNullability(right, true));
  }
  return printType(left) === printType(right);
}

// ------------------------------------------------------------------------------ printing

/**
 * Prints a type as Flink's `LogicalType.asSummaryString()`: `STRING`, `DECIMAL(10, 2) NOT NULL`,
 * `TIMESTAMP(3) *ROWTIME*`, ``ROW<`a` INT, `b` STRING>``.
 */
export function printType(type: LogicalType): string {
  const base = printBase(type);
  const notNull = type.nullable ? '' : ' NOT NULL';
  const attribute = timeAttributeOf(type);
  return attribute === null ? base + notNull : `${base}${notNull} *${attribute}*`;
}

function printBase(type: LogicalType): string {
  switch (type.root) {
    case 'CHAR': return `CHAR(${type.length})`;
    case 'VARCHAR': return type.length === MAX_LENGTH ? 'STRING' : `VARCHAR(${type.length})`;
    case 'BOOLEAN': return 'BOOLEAN';
    case 'BINARY': return `BINARY(${type.length})`;
    case 'VARBINARY': return type.length === MAX_LENGTH ? 'BYTES' : `VARBINARY(${type.length})`;
    case 'DECIMAL': return `DECIMAL(${type.precision}, ${type.scale})`;
    case 'TINYINT': return 'TINYINT';
    case 'SMALLINT': return 'SMALLINT';
    case 'INTEGER': return 'INT';
    case 'BIGINT': return 'BIGINT';
    case 'FLOAT': return 'FLOAT';
    case 'DOUBLE': return 'DOUBLE';
    case 'DATE': return 'DATE';
    case 'TIME': return `TIME(${type.precision})`;
    case 'TIMESTAMP_WITHOUT_TIME_ZONE': return `TIMESTAMP(${type.precision})`;
    case 'TIMESTAMP_WITH_LOCAL_TIME_ZONE': return `TIMESTAMP_LTZ(${type.precision})`;
    case 'TIMESTAMP_WITH_TIME_ZONE': return `TIMESTAMP(${type.precision}) WITH TIME ZONE`;
    case 'INTERVAL_YEAR_MONTH': return printYearMonth(type);
    case 'INTERVAL_DAY_TIME': return printDayTime(type);
    case 'ARRAY': return `ARRAY<${printType(type.element)}>`;
    case 'MULTISET': return `MULTISET<${printType(type.element)}>`;
    case 'MAP': return `MAP<${printType(type.key)}, ${printType(type.value)}>`;
    case 'ROW': return `ROW<${type.fields.map(printField).join(', ')}>`;
    case 'RAW': return `RAW('${type.className}', '...')`;
    case 'NULL': return 'NULL';
    case 'VARIANT': return 'VARIANT';
    case 'STRUCTURED_TYPE': return type.name;
    case 'SYMBOL': return `SYMBOL(${type.symbol})`;
    case 'UNKNOWN': return 'UNKNOWN';
    case 'DESCRIPTOR': return `DESCRIPTOR(${type.columns.map(quoteName).join(', ')})`;
  }
}

function printField(field: RowField): string {
  const description = field.description === null ? '' : ` '${field.description.replace(/'/g, "''")}'`;
  return `${quoteName(field.name)} ${printType(field.type)}${description}`;
}

/** Flink quotes names in printed types with backticks, doubling embedded backticks. */
export function quoteName(name: string): string {
  return '`' + name.replace(/`/g, '``') + '`';
}

function printYearMonth(type: YearMonthIntervalType): string {
  switch (type.resolution) {
    case 'YEAR': return `INTERVAL YEAR(${type.yearPrecision})`;
    case 'YEAR_TO_MONTH': return `INTERVAL YEAR(${type.yearPrecision}) TO MONTH`;
    case 'MONTH': return 'INTERVAL MONTH';
  }
}

function printDayTime(type: DayTimeIntervalType): string {
  const d = type.dayPrecision;
  const f = type.fractionalPrecision;
  switch (type.resolution) {
    case 'DAY': return `INTERVAL DAY(${d})`;
    case 'DAY_TO_HOUR': return `INTERVAL DAY(${d}) TO HOUR`;
    case 'DAY_TO_MINUTE': return `INTERVAL DAY(${d}) TO MINUTE`;
    case 'DAY_TO_SECOND': return `INTERVAL DAY(${d}) TO SECOND(${f})`;
    case 'HOUR': return 'INTERVAL HOUR';
    case 'HOUR_TO_MINUTE': return 'INTERVAL HOUR TO MINUTE';
    case 'HOUR_TO_SECOND': return `INTERVAL HOUR TO SECOND(${f})`;
    case 'MINUTE': return 'INTERVAL MINUTE';
    case 'MINUTE_TO_SECOND': return `INTERVAL MINUTE TO SECOND(${f})`;
    case 'SECOND': return `INTERVAL SECOND(${f})`;
  }
}
