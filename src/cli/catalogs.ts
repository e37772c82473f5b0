import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { catalogFromDdl } from '../analysis/analyze.js';
import type { CatalogEntries } from '../analysis/catalog/model.js';
import { decodeSource } from '../source/decode.js';
import { SourceText } from '../source/source-text.js';

export interface LoadedCatalogs {
  /** One entry per loaded file, in the order given (later files see earlier ones' objects). */
  readonly entries: CatalogEntries[];
  /** One line per file that could not be used, naming the file. */
  readonly errors: string[];
}

/**
 * Loads catalog files for the CLI. A `.sql` file is DDL (CREATE TABLE / VIEW / FUNCTION) run
 * through `catalogFromDdl`; its errors are reported with the file's line and column. Catalog
 * documents (JSON/YAML) and Avro files are read by `loadCatalogFile` in
 * src/analysis/catalog/documents/, which this adapter calls for every other extension once that
 * module is part of the build; until then such files are reported as not supported.
 */
export async function loadCatalogs(paths: readonly string[]): Promise<LoadedCatalogs> {
  const entries: CatalogEntries[] = [];
  const errors: string[] = [];
  for (const file of paths) {
    const ext = path.extname(file).toLowerCase();
    if (ext !== '.sql') {
      errors.push(`catalog \`${file}\`: ${ext === '' ? 'files without an extension' : `\`${ext}\` files`} are not supported as catalogs yet; use a .sql file with CREATE TABLE statements`);
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
    } catch (error) {
      errors.push(`catalog \`${file}\`: ${describeReadError(error)}`);
      continue;
    }
    const decoded = decodeSource(bytes);
    const result = catalogFromDdl(decoded.text);
    const problems = [...decoded.diagnostics, ...result.diagnostics].filter((d) => d.severity === 'error');
    if (problems.length > 0) {
      const position = new SourceText(decoded.text).position(problems[0]!.span.start);
      const at = `${position.line}:${position.column}`;
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
      errors.push(`catalog \`${file}\`:${at}: ${problems[0]!.message}${more}`);
      continue;
    }
    entries.push(result.entries);
  }
  return { entries, errors };
}

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return error instanceof Error ? error.message : String(error);
}
