/**
 * Which casts Flink allows, as data: Flink's LogicalTypeCasts (flink-table-common,
 * types/logical/utils/LogicalTypeCasts.java). Each target root lists the sources it accepts
 * implicitly (assignment: INSERT, function arguments of the new type inference) and the sources it
 * accepts only through an explicit CAST. Sources are written as roots or families.
 *
 * Flink's validator checks CAST of a scalar with Calcite's SqlTypeCoercionRule, which is looser
 * (DOUBLE to BOOLEAN, BINARY to DATE, ...); those casts then fail when the planner looks for a cast
 * rule, so this table, which is what Flink can execute, is what flinkcheck checks.
 */
import { is, type LogicalType, type TypeRoot, withNullability, equalTypes } from './logical-type.js';

/** Families as in Flink's LogicalTypeFamily, restricted to what the cast table needs. */
export type CastSource =
  | TypeRoot
  | 'PREDEFINED' | 'CONSTRUCTED' | 'CHARACTER_STRING' | 'BINARY_STRING' | 'NUMERIC' | 'INTEGER_NUMERIC'
  | 'EXACT_NUMERIC' | 'TIMESTAMP' | 'DATETIME' | 'TIME' | 'INTERVAL';

interface CastRule {
  readonly implicit: readonly CastSource[];
  readonly explicit: readonly CastSource[];
}

const TS = 'TIMESTAMP_WITHOUT_TIME_ZONE' as const;
const LTZ = 'TIMESTAMP_WITH_LOCAL_TIME_ZONE' as const;
const ANY_TO_STRING: readonly CastSource[] = ['PREDEFINED', 'CONSTRUCTED', 'RAW', 'NULL', 'STRUCTURED_TYPE'];

/** LogicalTypeCasts' static block: castTo(target).implicitFrom(..).explicitFrom(..). */
export const CAST_RULES: Readonly<Partial<Record<TypeRoot, CastRule>>> = {
  CHAR: { implicit: ['CHAR'], explicit: ANY_TO_STRING },
  VARCHAR: { implicit: ['CHARACTER_STRING'], explicit: ANY_TO_STRING },
  BOOLEAN: { implicit: ['BOOLEAN'], explicit: ['CHARACTER_STRING', 'INTEGER_NUMERIC'] },
  BINARY: { implicit: ['BINARY'], explicit: ['CHARACTER_STRING', 'VARBINARY', 'RAW'] },
  VARBINARY: { implicit: ['BINARY_STRING'], explicit: ['CHARACTER_STRING', 'BINARY', 'RAW'] },
  DECIMAL: { implicit: ['NUMERIC'], explicit: ['CHARACTER_STRING', 'INTERVAL', 'BOOLEAN', TS, LTZ] },
  TINYINT: { implicit: ['TINYINT'], explicit: ['NUMERIC', 'CHARACTER_STRING', 'INTERVAL', 'BOOLEAN', TS, LTZ] },
  SMALLINT: { implicit: ['TINYINT', 'SMALLINT'], explicit: ['NUMERIC', 'CHARACTER_STRING', 'INTERVAL', 'BOOLEAN', TS, LTZ] },
  INTEGER: { implicit: ['TINYINT', 'SMALLINT', 'INTEGER'], explicit: ['NUMERIC', 'CHARACTER_STRING', 'INTERVAL', 'BOOLEAN', TS, LTZ] },
  BIGINT: { implicit: ['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT'], explicit: ['NUMERIC', 'CHARACTER_STRING', 'INTERVAL', 'BOOLEAN', TS, LTZ] },
  FLOAT: { implicit: ['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'FLOAT', 'DECIMAL'], explicit: ['NUMERIC', 'CHARACTER_STRING', 'BOOLEAN', TS, LTZ] },
  DOUBLE: { implicit: ['NUMERIC'], explicit: ['CHARACTER_STRING', 'BOOLEAN', TS, LTZ] },
  DATE: { implicit: ['DATE', TS], explicit: ['TIMESTAMP', 'CHARACTER_STRING'] },
  TIME: { implicit: ['TIME', TS], explicit: ['TIME', 'TIMESTAMP', 'CHARACTER_STRING'] },
  TIMESTAMP_WITHOUT_TIME_ZONE: { implicit: [TS, LTZ], explicit: ['DATETIME', 'CHARACTER_STRING', 'NUMERIC'] },
  TIMESTAMP_WITH_TIME_ZONE: { implicit: ['TIMESTAMP_WITH_TIME_ZONE'], explicit: ['DATETIME', 'CHARACTER_STRING'] },
  TIMESTAMP_WITH_LOCAL_TIME_ZONE: { implicit: [LTZ, TS], explicit: ['DATETIME', 'CHARACTER_STRING', 'NUMERIC'] },
  INTERVAL_YEAR_MONTH: { implicit: ['INTERVAL_YEAR_MONTH'], explicit: ['EXACT_NUMERIC', 'CHARACTER_STRING'] },
  INTERVAL_DAY_TIME: { implicit: ['INTERVAL_DAY_TIME'], explicit: ['EXACT_NUMERIC', 'CHARACTER_STRING'] },
};

const PREDEFINED_EXCLUDED: ReadonlySet<TypeRoot> = new Set([
  'ARRAY', 'MULTISET', 'MAP', 'ROW', 'STRUCTURED_TYPE', 'RAW', 'NULL', 'SYMBOL', 'UNKNOWN', 'DESCRIPTOR', 'VARIANT',
]);

function inFamily(type: LogicalType, source: CastSource): boolean {
  switch (source) {
    case 'PREDEFINED': return !PREDEFINED_EXCLUDED.has(type.root);
    case 'CONSTRUCTED': return type.root === 'ARRAY' || type.root === 'MULTISET' || type.root === 'MAP' || type.root === 'ROW';
    case 'CHARACTER_STRING': return is.characterString(type);
    case 'BINARY_STRING': return is.binaryString(type);
    case 'NUMERIC': return is.numeric(type);
    case 'INTEGER_NUMERIC': return is.integer(type);
    case 'EXACT_NUMERIC': return is.exactNumeric(type);
    case 'TIMESTAMP': return is.timestamp(type);
    case 'DATETIME': return is.datetime(type);
    case 'TIME': return type.root === 'TIME';
    case 'INTERVAL': return is.interval(type);
    default: return type.root === source;
  }
}

/** Single-field intervals only may be cast to/from numbers (LogicalTypeCasts#isSingleFieldInterval). */
function isSingleFieldInterval(type: LogicalType): boolean {
  if (type.root === 'INTERVAL_YEAR_MONTH') return type.resolution !== 'YEAR_TO_MONTH';
  if (type.root === 'INTERVAL_DAY_TIME') return !type.resolution.includes('_TO_');
  return false;
}

/** Whether `source` may be assigned to `target` without an explicit CAST (LogicalTypeCasts#supportsImplicitCast). */
export function supportsImplicitCast(source: LogicalType, target: LogicalType): boolean {
  return supportsCasting(source, target, false);
}

/** Whether CAST(source AS target) is valid (LogicalTypeCasts#supportsExplicitCast); nullability is ignored. */
export function supportsExplicitCast(source: LogicalType, target: LogicalType): boolean {
  return supportsCasting(source, target, true);
}

function supportsCasting(source: LogicalType, target: LogicalType, allowExplicit: boolean): boolean {
  if (source.root === 'UNKNOWN' || target.root === 'UNKNOWN') return true;
  // A NOT NULL type cannot take NULLs implicitly; an explicit cast may (the user knows the data).
  if (!allowExplicit && source.nullable && !target.nullable) return false;
  if (equalTypes(withNullability(source, true), withNullability(target, true), { ignoreTimeAttribute: true })) return true;
  if (source.root === 'NULL') return true;
  if (target.root === 'NULL') return false;
  // Numbers and intervals convert into each other only for single-field intervals, in both modes.
  if (is.interval(source) && is.exactNumeric(target)) return isSingleFieldInterval(source);
  if (is.exactNumeric(source) && is.interval(target)) return isSingleFieldInterval(target);
  const sourceComposite = is.constructed(source);
  const targetComposite = is.constructed(target);
  if (sourceComposite && targetComposite) return constructedCast(source, target, allowExplicit);
  if ((source.root === 'RAW' && !is.binaryString(target) && !is.characterString(target)) || target.root === 'RAW') return false;
  if (source.root === 'SYMBOL' || target.root === 'SYMBOL' || source.root === 'VARIANT' || target.root === 'VARIANT') return false;
  const rule = CAST_RULES[target.root];
  if (rule === undefined) return false;
  if (rule.implicit.some((s) => inFamily(source, s))) return true;
  return allowExplicit && rule.explicit.some((s) => inFamily(source, s));
}

/** Constructed types cast within their root (ROW and structured types into each other), child by child. */
function constructedCast(source: LogicalType, target: LogicalType, allowExplicit: boolean): boolean {
  const rowLike = (t: LogicalType): boolean => t.root === 'ROW' || t.root === 'STRUCTURED_TYPE';
  if (source.root !== target.root && !(rowLike(source) && rowLike(target))) return false;
  if (source.root === 'STRUCTURED_TYPE' || target.root === 'STRUCTURED_TYPE') return allowExplicit || source.root === target.root;
  const a = childrenOf(source);
  const b = childrenOf(target);
  return a.length === b.length && a.every((child, i) => supportsCasting(child, b[i]!, allowExplicit));
}

function childrenOf(type: LogicalType): readonly LogicalType[] {
  switch (type.root) {
    case 'ARRAY':
    case 'MULTISET': return [type.element];
    case 'MAP': return [type.key, type.value];
    case 'ROW': return type.fields.map((f) => f.type);
    default: return [];
  }
}

/**
 * Casts that type-check but fail when Flink generates code (NumericToTimestampCastRule): a number
 * to TIMESTAMP / TIMESTAMP_LTZ. Returns the function Flink recommends instead.
 */
export function rejectedAtCodegen(source: LogicalType, target: LogicalType): { readonly instead: string } | null {
  if (!is.numeric(source)) return null;
  if (target.root === 'TIMESTAMP_WITHOUT_TIME_ZONE') return { instead: 'TO_TIMESTAMP(FROM_UNIXTIME(x))' };
  if (target.root === 'TIMESTAMP_WITH_LOCAL_TIME_ZONE') return { instead: 'TO_TIMESTAMP_LTZ(x, 3)' };
  return null;
}

/**
 * A valid way to get from `source` to `target` when CAST(source AS target) is not allowed: a
 * dedicated function or a comparison. Null when there is none worth suggesting (going through a
 * string would type-check but fail on the data).
 */
export function castRoute(source: LogicalType, target: LogicalType): { readonly template: string; readonly via: string } | null {
  if (is.numeric(source) && is.timestamp(target)) {
    return target.root === 'TIMESTAMP_WITH_LOCAL_TIME_ZONE'
      ? { template: 'TO_TIMESTAMP_LTZ(x, 3)', via: 'TO_TIMESTAMP_LTZ (epoch milliseconds; use precision 0 for seconds)' }
      : { template: 'TO_TIMESTAMP(FROM_UNIXTIME(x))', via: 'TO_TIMESTAMP(FROM_UNIXTIME(..)) (epoch seconds)' };
  }
  if (is.numeric(source) && target.root === 'DATE') return { template: 'TO_DATE(FROM_UNIXTIME(x))', via: 'TO_DATE(FROM_UNIXTIME(..)) (epoch seconds)' };
  if (is.datetime(source) && is.numeric(target)) return { template: 'UNIX_TIMESTAMP(CAST(x AS STRING))', via: 'UNIX_TIMESTAMP (epoch seconds)' };
  if ((source.root === 'DECIMAL' || is.approximateNumeric(source)) && target.root === 'BOOLEAN') {
    return { template: 'x <> 0', via: 'a comparison' };
  }
  return null;
}
