import { createHash } from 'node:crypto';
import type { CatalogEntries } from '../analysis/catalog/model.js';
import type { WireCatalog } from './wire.js';

/**
 * The id of a catalog is the hash of its content, so registering the same catalog twice (from
 * two replicas, or after a restart) yields the same id, and inline catalogs can be cached by it.
 */
export function catalogIdOf(catalogs: readonly WireCatalog[]): string {
  const canonical = JSON.stringify(catalogs.map((c) => (c.source === undefined ? null : { [c.source]: c[c.source] })));
  return `sha256:${createHash('sha256').update(canonical).digest('hex')}`;
}

export interface StoredCatalog {
  readonly id: string;
  readonly entries: CatalogEntries;
}

/** A bounded map from id to converted catalog; the least recently used entry leaves first. */
export class CatalogCache {
  private readonly entries = new Map<string, CatalogEntries>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(id: string): CatalogEntries | undefined {
    const found = this.entries.get(id);
    if (found !== undefined) {
      this.entries.delete(id);
      this.entries.set(id, found);
    }
    return found;
  }

  set(id: string, entries: CatalogEntries): void {
    this.entries.delete(id);
    this.entries.set(id, entries);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}
