/**
 * Which types compare with `=`, `<`, BETWEEN, IN: Calcite's SqlTypeUtil#isComparable as Flink's
 * validator runs it (type coercion off). Types compare within a family; a character string also
 * compares with dates, times, timestamps, intervals, numbers and booleans (the planner casts the
 * string side).
 */
import { is, type LogicalType } from '../types/logical-type.js';

/** Calcite's SqlTypeFamily of a type, as far as comparisons care. */
export function comparisonFamily(type: LogicalType): string {
  if (is.characterString(type)) return 'CHARACTER';
  if (is.binaryString(type)) return 'BINARY';
  if (is.numeric(type)) return 'NUMERIC';
  if (type.root === 'TIMESTAMP_WITHOUT_TIME_ZONE' || type.root === 'TIMESTAMP_WITH_LOCAL_TIME_ZONE') return 'TIMESTAMP';
  return type.root;
}

const STRING_COMPARABLE: ReadonlySet<string> = new Set([
  'DATE', 'TIME', 'TIMESTAMP', 'INTERVAL_YEAR_MONTH', 'INTERVAL_DAY_TIME', 'NUMERIC', 'BOOLEAN',
]);

export function isComparable(a: LogicalType, b: LogicalType): boolean {
  if (a.root === 'NULL' || b.root === 'NULL' || a.root === 'UNKNOWN' || b.root === 'UNKNOWN') return true;
  if (a.root === 'ARRAY' && b.root === 'ARRAY') return isComparable(a.element, b.element);
  if (a.root === 'MULTISET' && b.root === 'MULTISET') return isComparable(a.element, b.element);
  if (a.root === 'MAP' && b.root === 'MAP') return isComparable(a.key, b.key) && isComparable(a.value, b.value);
  if (a.root === 'ROW' && b.root === 'ROW') {
    return a.fields.length === b.fields.length && a.fields.every((f, i) => isComparable(f.type, b.fields[i]!.type));
  }
  const fa = comparisonFamily(a);
  const fb = comparisonFamily(b);
  if (fa === fb) return true;
  return (fa === 'CHARACTER' && STRING_COMPARABLE.has(fb)) || (fb === 'CHARACTER' && STRING_COMPARABLE.has(fa));
}

/** Whether `<`, `>`, BETWEEN and ORDER BY apply (maps and multisets are only equality-comparable). */
export function isOrderable(type: LogicalType): boolean {
  return type.root !== 'MAP' && type.root !== 'MULTISET' && type.root !== 'RAW' && type.root !== 'VARIANT';
}
