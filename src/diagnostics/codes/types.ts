import { type CodeInfo, entry } from './entry.js';

/** Diagnostic codes for types, expressions and functions (3000-3999). */
export const typeCodes = {
  // --- functions (3001-3019) ---
  unknownFunction: entry('FSQL3001', 'semantic', 'Unknown function'),
  functionArguments: entry('FSQL3002', 'semantic', 'Function arguments do not fit its signatures'),
  niladicParentheses: entry('FSQL3003', 'semantic', 'Function must be written without parentheses'),
  windowFunctionWithoutOver: entry('FSQL3004', 'semantic', 'Window function without OVER'),
  overOnScalar: entry('FSQL3005', 'semantic', 'OVER applied to a function that is not an aggregate'),
  aggregateNotAllowed: entry('FSQL3006', 'semantic', 'Aggregate function where aggregates are not allowed'),
  nestedAggregate: entry('FSQL3007', 'semantic', 'Aggregate function inside another aggregate'),
  overNotAllowed: entry('FSQL3008', 'semantic', 'OVER window where windows are not allowed'),
  aggregateModifier: entry('FSQL3009', 'semantic', 'DISTINCT, FILTER or WITHIN GROUP on a function that is not an aggregate'),
  // --- casts (3020-3029) ---
  invalidCast: entry('FSQL3020', 'semantic', 'Cast between incompatible types'),
  castRejectedAtRuntime: entry('FSQL3021', 'semantic', 'Cast Flink rejects when it generates code'),
  // --- operators and expressions (3030-3059) ---
  operatorTypes: entry('FSQL3030', 'semantic', 'Operator cannot be applied to these types'),
  notComparable: entry('FSQL3031', 'semantic', 'Values of these types cannot be compared'),
  noCommonType: entry('FSQL3032', 'semantic', 'Values have no common type'),
  allBranchesNull: entry('FSQL3033', 'semantic', 'Every branch of CASE is NULL'),
  notBoolean: entry('FSQL3034', 'semantic', 'Condition is not BOOLEAN'),
  unknownField: entry('FSQL3035', 'semantic', 'ROW has no such field'),
  notSubscriptable: entry('FSQL3036', 'semantic', 'Value cannot be indexed with [ ]'),
  subqueryColumns: entry('FSQL3037', 'semantic', 'Subquery must return exactly one column'),
  literalOutOfRange: entry('FSQL3038', 'semantic', 'Literal out of range'),
  invalidTimeUnit: entry('FSQL3039', 'semantic', 'Time unit does not apply to this type'),
  invalidDataType: entry('FSQL3041', 'semantic', 'Invalid data type'),
  unsupportedExpression: entry('FSQL3042', 'semantic', 'Expression not supported here'),
} as const satisfies Record<string, CodeInfo>;
