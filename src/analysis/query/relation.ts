import type { Span } from '../../source/span.js';
import type { CatalogTable } from '../catalog/model.js';
import type { ChangelogMode, OutputColumn } from '../schema.js';
import { INSERT_ONLY } from '../schema.js';

/** What makes a relation updating: the construct, in the user's words, and where it is. */
export interface UpdatingSource {
  readonly span: Span;
  readonly what: string;
}

/** A window table function applied to the relation (TUMBLE, HOP, CUMULATE, SESSION). */
export interface WindowInfo {
  readonly kind: string;
  readonly span: Span;
  /** The time attribute the window is on, once known. */
  readonly time?: 'ROWTIME' | 'PROCTIME' | null;
  /**
   * HOP and CUMULATE windows are cut into slices of the slide (step); an aggregation over them
   * needs the size to be a whole number of slices. Set when it is not.
   */
  readonly unsliceable?: { readonly size: Span; readonly sizeMs: number; readonly stepMs: number; readonly stepName: string };
}

/**
 * A relation as the analyzer sees it while walking a query bottom-up: its columns (names, types
 * with time attributes), its changelog mode and upsert keys, and facts later operators need.
 */
export interface Relation {
  readonly columns: readonly OutputColumn[];
  readonly changelog: ChangelogMode;
  /** Upsert keys as sets of column indexes (FlinkRelMdUpsertKeys). */
  readonly upsertKeys: readonly (readonly number[])[];
  readonly updatingSource: UpdatingSource | null;
  /** Set when the relation is the direct output of a window table function. */
  readonly window: WindowInfo | null;
  /** The catalog table a scan reads (for temporal and lookup joins, connector facts). */
  readonly table: CatalogTable | null;
  /** The relation's content is unknown (a table in a catalog we cannot see): never report on it. */
  readonly opaque: boolean;
}

export function relation(columns: readonly OutputColumn[], partial: Partial<Omit<Relation, 'columns'>> = {}): Relation {
  return {
    columns,
    changelog: partial.changelog ?? INSERT_ONLY,
    upsertKeys: partial.upsertKeys ?? [],
    updatingSource: partial.updatingSource ?? null,
    window: partial.window ?? null,
    table: partial.table ?? null,
    opaque: partial.opaque ?? false,
  };
}

export function mergeChangelog(a: ChangelogMode, b: ChangelogMode): ChangelogMode {
  return { updates: a.updates || b.updates, deletes: a.deletes || b.deletes };
}

export const ALL_CHANGES: ChangelogMode = { updates: true, deletes: true };
export const UPDATES_ONLY: ChangelogMode = { updates: true, deletes: false };
