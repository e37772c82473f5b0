import path from 'node:path';
import type { CatalogEntries } from '../analysis/catalog/model.js';
import { loadCatalogFile } from '../analysis/catalog/documents/load.js';

export interface LoadedCatalogs {
  /** One entry per loaded file, in the order given (later files see earlier ones' objects). */
  readonly entries: CatalogEntries[];
  /** One line per problem that makes a file unusable, naming the file, line and column. */
  readonly errors: string[];
  /** Problems that do not stop the run (e.g. connector option warnings of catalog tables). */
  readonly warnings: string[];
}

/**
 * Loads catalog files for the CLI through `loadCatalogFile`: catalog documents (.json, .yaml,
 * .yml), Avro schemas (.avsc) and DDL (.sql). A file with an error is left out and reported.
 */
export async function loadCatalogs(paths: readonly string[], cwd: string = process.cwd()): Promise<LoadedCatalogs> {
  const entries: CatalogEntries[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const file of paths) {
    const loaded = await loadCatalogFile(file);
    let failed = false;
    for (const e of loaded.errors) {
      const shown = path.relative(cwd, e.file) || e.file;
      const at = e.line !== undefined ? `:${e.line}:${e.column ?? 1}` : '';
      const line = `catalog \`${shown}\`${at}: ${e.path === '' ? '' : `${e.path}: `}${e.message}${e.code === undefined ? '' : ` [${e.code}]`}`;
      if (e.severity === 'warning') warnings.push(line);
      else {
        errors.push(line);
        failed = true;
      }
    }
    if (!failed) entries.push(loaded.entries);
  }
  return { entries, errors, warnings };
}
