/**
 * Named return-type and nullability strategies, as data. They mirror Calcite's ReturnTypes /
 * SqlTypeTransforms and Flink's TypeStrategies / SpecificTypeStrategies / FlinkReturnTypes, so the
 * function table can say "returns the argument's type, nullable if any argument is" instead of
 * carrying code per function.
 */
import { avgAggType, findModuloDecimalType, findRoundDecimalType, sumAggType } from '../types/arithmetic.js';
import { MAX_DECIMAL_PRECISION, T, is, type LogicalType, withNullability, withoutTimeAttribute } from '../types/logical-type.js';
import { findCommonType, leastRestrictive } from '../types/merge.js';

export type ReturnStrategy =
  /** A fixed type (its nullability is replaced by the nullability strategy). */
  | { readonly kind: 'explicit'; readonly type: LogicalType }
  /** The type of argument i (Calcite ARG0, Flink argument(i)). */
  | { readonly kind: 'argument'; readonly index: number }
  /** Argument i as a varying string: CHAR(n) -> VARCHAR(n) (Flink ARG0_VARCHAR_FORCE_NULLABLE). */
  | { readonly kind: 'varyingArgument'; readonly index: number }
  /** LogicalTypeMerging.findCommonType over the arguments from `from`. */
  | { readonly kind: 'commonType'; readonly from: number }
  /** Calcite leastRestrictive over the arguments from `from`. */
  | { readonly kind: 'leastRestrictive'; readonly from: number }
  /** The element type of the ARRAY / MULTISET argument i. */
  | { readonly kind: 'elementOf'; readonly index: number }
  /** ARRAY<type of argument i> / MULTISET<type of argument i>. */
  | { readonly kind: 'arrayOf'; readonly index: number }
  | { readonly kind: 'multisetOf'; readonly index: number }
  /** MAP_KEYS / MAP_VALUES / MAP_ENTRIES / MAP_FROM_ARRAYS. */
  | { readonly kind: 'mapKeys' }
  | { readonly kind: 'mapValues' }
  | { readonly kind: 'mapEntries' }
  | { readonly kind: 'mapFromArrays' }
  /** ARRAY_APPEND / ARRAY_PREPEND: ARRAY<common(element, new element)>. */
  | { readonly kind: 'arrayAppend' }
  /** SUM / AVG (and the variance family) result types (FlinkTypeSystem.deriveSumType / deriveAvgAggType). */
  | { readonly kind: 'sum' }
  | { readonly kind: 'avg' }
  /** MOD(a, b) (Calcite NULLABLE_MOD with Flink's decimal rule). */
  | { readonly kind: 'mod' }
  /** ROUND / TRUNCATE (LogicalTypeMerging.findRoundDecimalType with a literal scale). */
  | { readonly kind: 'round' }
  /** FLOOR / CEIL of a number: DECIMAL(p, s) -> DECIMAL(p, 0), other types unchanged. */
  | { readonly kind: 'floorCeil' }
  /** IF(c, a, b) (FlinkReturnTypes.IF_NULLABLE). */
  | { readonly kind: 'if' }
  /** PROCTIME(): a processing-time attribute. */
  | { readonly kind: 'proctime' }
  /** The rowtime / proctime attribute of a legacy group window's time column (TUMBLE_ROWTIME, ...). */
  | { readonly kind: 'windowTimeAttribute'; readonly attribute: 'ROWTIME' | 'PROCTIME' }
  /** CURRENT_WATERMARK(rowtime): the argument's root with precision 3, plain. */
  | { readonly kind: 'currentWatermark' }
  /** LEAD / LAG: the value's type, NOT NULL only with a NOT NULL default (Calcite SqlLeadLagAggFunction). */
  | { readonly kind: 'leadLag' }
  /** PERCENTILE: DOUBLE, or ARRAY<DOUBLE> when the percentage is an array. */
  | { readonly kind: 'percentile' };

export type NullStrategy =
  /** Nullable iff any argument is nullable (Calcite TO_NULLABLE, Flink nullableIfArgs). */
  | 'ifAnyArgument'
  /** Nullable iff all arguments are nullable (COALESCE, Flink nullableIfAllArgs). */
  | 'ifAllArguments'
  /** Always nullable (FORCE_NULLABLE / forceNullable). */
  | 'always'
  /** Never nullable. */
  | 'never'
  /** Nullable iff one of the listed arguments is nullable. */
  | { readonly ifArguments: readonly number[] }
  /** As the return strategy computed it (e.g. IF, PROCTIME). */
  | 'fromStrategy'
  /** Aggregates such as SUM / MIN / MAX: nullable if the argument is, or if the aggregate is global or filtered. */
  | 'aggregate';

export const R = {
  explicit: (type: LogicalType): ReturnStrategy => ({ kind: 'explicit', type }),
  argument: (index = 0): ReturnStrategy => ({ kind: 'argument', index }),
  varyingArgument: (index = 0): ReturnStrategy => ({ kind: 'varyingArgument', index }),
  commonType: (from = 0): ReturnStrategy => ({ kind: 'commonType', from }),
  leastRestrictive: (from = 0): ReturnStrategy => ({ kind: 'leastRestrictive', from }),
  elementOf: (index = 0): ReturnStrategy => ({ kind: 'elementOf', index }),
  arrayOf: (index = 0): ReturnStrategy => ({ kind: 'arrayOf', index }),
  multisetOf: (index = 0): ReturnStrategy => ({ kind: 'multisetOf', index }),
  mapKeys: { kind: 'mapKeys' } as ReturnStrategy,
  mapValues: { kind: 'mapValues' } as ReturnStrategy,
  mapEntries: { kind: 'mapEntries' } as ReturnStrategy,
  mapFromArrays: { kind: 'mapFromArrays' } as ReturnStrategy,
  arrayAppend: { kind: 'arrayAppend' } as ReturnStrategy,
  sum: { kind: 'sum' } as ReturnStrategy,
  avg: { kind: 'avg' } as ReturnStrategy,
  mod: { kind: 'mod' } as ReturnStrategy,
  round: { kind: 'round' } as ReturnStrategy,
  floorCeil: { kind: 'floorCeil' } as ReturnStrategy,
  if: { kind: 'if' } as ReturnStrategy,
  proctime: { kind: 'proctime' } as ReturnStrategy,
  windowTimeAttribute: (attribute: 'ROWTIME' | 'PROCTIME'): ReturnStrategy => ({ kind: 'windowTimeAttribute', attribute }),
  currentWatermark: { kind: 'currentWatermark' } as ReturnStrategy,
  percentile: { kind: 'percentile' } as ReturnStrategy,
  leadLag: { kind: 'leadLag' } as ReturnStrategy,
} as const;

/** What a strategy sees of a call. */
export interface CallTypes {
  readonly args: readonly LogicalType[];
  /** The literal text of each argument when it is a numeric literal (ROUND's scale), else null. */
  readonly literals: readonly (string | null)[];
  /** For aggregates: no GROUP BY, or a FILTER clause. */
  readonly globalOrFiltered: boolean;
}

/** Outcome of a return strategy: a type, or a reason the arguments have no result type. */
export type StrategyResult = { readonly ok: true; readonly type: LogicalType } | { readonly ok: false; readonly reason: string };

const ok = (type: LogicalType): StrategyResult => ({ ok: true, type });
const fail = (reason: string): StrategyResult => ({ ok: false, reason });

function arg(call: CallTypes, index: number): LogicalType {
  return call.args[index] ?? T.unknown();
}

export function applyReturnStrategy(strategy: ReturnStrategy, call: CallTypes): StrategyResult {
  switch (strategy.kind) {
    case 'explicit': return ok(strategy.type);
    case 'argument': return ok(withoutTimeAttribute(arg(call, strategy.index)));
    case 'varyingArgument': {
      const a = arg(call, strategy.index);
      if (a.root === 'CHAR') return ok(T.varchar(a.length, a.nullable));
      if (a.root === 'BINARY') return ok(T.varbinary(a.length, a.nullable));
      if (a.root === 'NULL') return ok(T.string());
      return ok(a);
    }
    case 'commonType':
    case 'leastRestrictive': {
      const types = call.args.slice(strategy.from);
      const merged = strategy.kind === 'commonType' ? findCommonType(types) : leastRestrictive(types);
      return merged === null ? fail('the arguments have no common type') : ok(merged);
    }
    case 'elementOf': {
      const a = arg(call, strategy.index);
      if (a.root === 'ARRAY' || a.root === 'MULTISET') return ok(a.element);
      return ok(T.unknown());
    }
    case 'arrayOf': return ok(T.array(withoutTimeAttribute(arg(call, strategy.index)), false));
    case 'multisetOf': return ok(T.multiset(withoutTimeAttribute(arg(call, strategy.index)), false));
    case 'mapKeys':
    case 'mapValues':
    case 'mapEntries': {
      const m = arg(call, 0);
      if (m.root !== 'MAP') return ok(T.unknown());
      if (strategy.kind === 'mapKeys') return ok(T.array(m.key, m.nullable));
      if (strategy.kind === 'mapValues') return ok(T.array(m.value, m.nullable));
      return ok(T.array(T.row([T.field('key', m.key), T.field('value', m.value)]), m.nullable));
    }
    case 'mapFromArrays': {
      const k = arg(call, 0);
      const v = arg(call, 1);
      if (k.root !== 'ARRAY' || v.root !== 'ARRAY') return ok(T.unknown());
      return ok(T.map(k.element, v.element, false));
    }
    case 'arrayAppend': {
      const a = arg(call, 0);
      if (a.root !== 'ARRAY') return ok(T.unknown());
      const element = findCommonType([a.element, arg(call, 1)]);
      return element === null ? fail(`the new element does not fit the array's element type`) : ok(T.array(element, a.nullable));
    }
    case 'sum': return ok(sumAggType(arg(call, 0)));
    case 'avg': return ok(avgAggType(arg(call, 0)));
    case 'mod': {
      const [a, b] = [arg(call, 0), arg(call, 1)];
      if (a.root === 'DECIMAL' || b.root === 'DECIMAL') {
        const da = decimalOf(a);
        const db = decimalOf(b);
        if (da && db) {
          const d = findModuloDecimalType(da.precision, da.scale, db.precision, db.scale);
          return ok(T.decimal(d.precision, d.scale));
        }
      }
      return ok(b.root === 'NULL' ? a : b);
    }
    case 'round': {
      const x = arg(call, 0);
      if (x.root !== 'DECIMAL') return ok(x);
      const literal = call.literals[1];
      const r = literal === undefined ? 0 : literal === null ? null : Number(literal);
      if (r === null || !Number.isInteger(r)) return ok(x);
      const d = findRoundDecimalType(x.precision, x.scale, r);
      return ok(T.decimal(d.precision, d.scale));
    }
    case 'floorCeil': {
      const x = arg(call, 0);
      return ok(x.root === 'DECIMAL' ? T.decimal(x.precision, 0) : x);
    }
    case 'if': {
      const [c, a, b] = [arg(call, 0), arg(call, 1), arg(call, 2)];
      const nullable = c.nullable || a.nullable || b.nullable;
      const merges = (t: LogicalType): boolean => is.numeric(t) || is.characterString(t) || is.binaryString(t) || t.root === 'NULL';
      if (merges(a) && merges(b)) {
        const merged = leastRestrictive([a, b]);
        if (merged === null) return fail('the THEN and ELSE values have no common type');
        return ok(withNullability(merged, nullable));
      }
      return ok(withNullability(withoutTimeAttribute(a.root === 'NULL' ? b : a), nullable));
    }
    case 'proctime': return ok(T.timestampLtz(3, false, 'PROCTIME'));
    case 'windowTimeAttribute': {
      if (strategy.attribute === 'PROCTIME') return ok(T.timestampLtz(3, false, 'PROCTIME'));
      const time = arg(call, 0);
      return ok(time.root === 'TIMESTAMP_WITH_LOCAL_TIME_ZONE' ? T.timestampLtz(3, false, 'ROWTIME') : T.timestamp(3, false, 'ROWTIME'));
    }
    case 'currentWatermark': {
      const time = arg(call, 0);
      return ok(time.root === 'TIMESTAMP_WITH_LOCAL_TIME_ZONE' ? T.timestampLtz(3) : T.timestamp(3));
    }
    case 'leadLag': {
      const value = withoutTimeAttribute(arg(call, 0));
      const fallback = call.args[2];
      return ok(withNullability(value, fallback === undefined || fallback.nullable));
    }
    case 'percentile': return ok(arg(call, 1).root === 'ARRAY' ? T.array(T.double()) : T.double());
  }
}

function decimalOf(t: LogicalType): { precision: number; scale: number } | null {
  if (t.root === 'DECIMAL') return { precision: t.precision, scale: t.scale };
  const p = ({ TINYINT: 3, SMALLINT: 5, INTEGER: 10, BIGINT: 19 } as Record<string, number>)[t.root];
  return p === undefined ? null : { precision: Math.min(p, MAX_DECIMAL_PRECISION), scale: 0 };
}

export function applyNullStrategy(strategy: NullStrategy, type: LogicalType, call: CallTypes): LogicalType {
  const nullable = (t: LogicalType): boolean => t.nullable;
  switch (strategy) {
    case 'ifAnyArgument': return withNullability(type, call.args.some(nullable));
    case 'ifAllArguments': return withNullability(type, call.args.length > 0 && call.args.every(nullable));
    case 'always': return withNullability(type, true);
    case 'never': return withNullability(type, false);
    case 'fromStrategy': return type;
    case 'aggregate': return withNullability(type, call.globalOrFiltered || call.args.some(nullable));
    default: return withNullability(type, strategy.ifArguments.some((i) => call.args[i]?.nullable === true));
  }
}
