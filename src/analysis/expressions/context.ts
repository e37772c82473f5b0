import type { ColumnRef, Expression, QualifiedName, Query } from '../../ast/nodes.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { CatalogFunction } from '../catalog/model.js';
import type { OutputColumn } from '../schema.js';
import type { LogicalType } from '../types/logical-type.js';

/**
 * What the expression typer needs from the query around it. The relational analyzer implements
 * this per scope (SELECT list, WHERE, ON, HAVING, ...); the typer never sees tables directly.
 */
export interface ExpressionContext {
  /**
   * Resolves a column reference (`a`, `t.a`, `t.a.field`) to its type. When the name does not
   * resolve, the scope reports the diagnostic itself and returns null; the typer then uses UNKNOWN.
   * `insideAggregate` is true for references inside an aggregate call's arguments, so that the
   * scope can check GROUP BY validity.
   */
  resolveColumn(ref: ColumnRef, insideAggregate: boolean): LogicalType | null;
  /** Validates a subquery (scalar, IN, EXISTS, ARRAY(...)) in the current scope; null on failure. */
  typeSubquery(query: Query): readonly OutputColumn[] | null;
  /** A user function from the catalog or CREATE FUNCTION; null when there is none by that name. */
  lookupUserFunction(name: QualifiedName): CatalogFunction | null;
  /** Whether aggregate calls are allowed here (SELECT list, HAVING or ORDER BY of a query). */
  readonly aggregatesAllowed: boolean;
  /** Whether OVER windows are allowed here (SELECT list and ORDER BY only). */
  readonly overAllowed: boolean;
  /**
   * Whether aggregates here are global (a query with aggregates and no GROUP BY). Calcite then makes
   * SUM / AVG / MIN / MAX results nullable, since an empty input gives one row of NULLs. Default false.
   */
  readonly globalAggregation?: boolean;
  report(diagnostic: Diagnostic): void;
  /** Optional sink for the type of every expression node, for later passes (rules). */
  recordType?(node: Expression, type: LogicalType): void;
}
