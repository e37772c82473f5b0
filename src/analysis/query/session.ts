import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Catalog } from '../catalog/catalog.js';

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
}

export function isStreaming(session: Session): boolean {
  return (session.options.get('execution.runtime-mode') ?? 'streaming').toLowerCase() !== 'batch';
}
