import type { FunctionCall } from '../../ast/nodes.js';
import { isAggregateFunction } from '../functions/registry.js';

/** Aggregate functions by name (built-in registry); user aggregates are not known by name. */
export function isAggregateName(name: string): boolean {
  return isAggregateFunction(name);
}

/** The call's name as written, upper-cased: built-in names are case-insensitive. */
export function callName(call: FunctionCall): string {
  return call.name.parts.map((p) => p.value).join('.').toUpperCase();
}
