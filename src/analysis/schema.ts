import type { Span } from '../source/span.js';
import type { LogicalType } from './types/logical-type.js';

/** One column of a query's, view's or table's output. The time attribute lives in the type. */
export interface OutputColumn {
  readonly name: string;
  readonly type: LogicalType;
}

/**
 * Which kinds of rows a query emits (Flink's ChangelogMode): insert-only ([I]), updating
 * ([I, UB, UA] or upsert [I, UA]), with or without deletes (D).
 */
export interface ChangelogMode {
  readonly updates: boolean;
  readonly deletes: boolean;
}

export const INSERT_ONLY: ChangelogMode = { updates: false, deletes: false };

export function isInsertOnly(mode: ChangelogMode): boolean {
  return !mode.updates && !mode.deletes;
}

/** `[I]`, `[I,UB,UA]`, `[I,UB,UA,D]`, `[I,D]`, as Flink prints changelog modes in plans. */
export function printChangelogMode(mode: ChangelogMode): string {
  const kinds = ['I'];
  if (mode.updates) kinds.push('UB', 'UA');
  if (mode.deletes) kinds.push('D');
  return `[${kinds.join(',')}]`;
}

/** The result of analysing one statement. */
export interface StatementAnalysis {
  /** 0-based index of the statement in the script (as in ParsedStatement). */
  readonly index: number;
  /**
   * The output schema: for a query or INSERT the rows it produces; for CREATE TABLE / VIEW the
   * object's columns; null for statements without a result (SET, USE, ...) or when analysis failed
   * before the schema was known.
   */
  readonly schema: readonly OutputColumn[] | null;
  /** Changelog mode of the rows produced; null where no rows are produced. */
  readonly changelog: ChangelogMode | null;
  /** Column names of the primary key (tables) or of the upsert keys (queries); each entry is one key. */
  readonly keys: readonly (readonly string[])[];
  /** The table an INSERT writes into, or the object a DDL statement defines, fully qualified. */
  readonly target: string | null;
  /** The span of the construct that makes the result updating (e.g. the GROUP BY), if any. */
  readonly updatingSource: { readonly span: Span; readonly what: string } | null;
}
