import type { CreateTable } from '../../ast/nodes.js';
import type { Span } from '../../source/span.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Catalog } from '../catalog/catalog.js';
import type { CatalogTable } from '../catalog/model.js';

/**
 * What the analysis of one statement can see of the session: the catalog (mutated by DDL),
 * the runtime mode and other SET options, and where diagnostics go.
 */
export interface Session {
  readonly catalog: Catalog;
  /** `SET 'execution.runtime-mode'`: streaming unless set to batch. */
  readonly options: Map<string, string>;
  /** Loaded modules, in resolution order (LOAD / UNLOAD / USE MODULES); 'core' is loaded at start. */
  readonly modules: string[];
  report(diagnostic: Diagnostic): void;
  /** The script text, for fixes that rewrite part of it. */
  readonly source?: string;
  /** Called when a statement reads or writes a table (Flink checks connector options only then). */
  markUsed?(table: CatalogTable): void;
  /** Called when a statement writes a table (INSERT INTO): its persisted metadata must be writable. */
  markWritten?(table: CatalogTable): void;
  /** Called for each CREATE TABLE, so its connector options can be checked once usage is known. */
  declareTable?(statement: CreateTable, table: CatalogTable): void;
  /** Called when ALTER TABLE changes a table's options. */
  tableAltered?(table: CatalogTable, at: Span): void;
}

export function isStreaming(session: Session): boolean {
  return (session.options.get('execution.runtime-mode') ?? 'streaming').toLowerCase() !== 'batch';
}
