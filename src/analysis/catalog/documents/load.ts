import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { catalogCodes as C } from '../../../diagnostics/codes/catalog.js';
import { SourceText } from '../../../source/source-text.js';
import { catalogFromDdl } from '../../analyze.js';
import type { CatalogEntries } from '../model.js';
import { parseAvroSchema } from './avro.js';
import { parseCatalogDocument } from './document.js';
import type { CatalogLoadError } from './located.js';

export type CatalogFileFormat = 'json' | 'yaml' | 'avro' | 'sql';

/** The format of a catalog file by its extension, or null when the extension is not one we read. */
export function catalogFormatOf(file: string): CatalogFileFormat | null {
  switch (path.extname(file).toLowerCase()) {
    case '.json':
      return 'json';
    case '.yaml':
    case '.yml':
      return 'yaml';
    case '.avsc':
      return 'avro';
    case '.sql':
      return 'sql';
    default:
      return null;
  }
}

const EMPTY: CatalogEntries = { tables: [], views: [], functions: [] };

/**
 * Loads one catalog file, choosing the reader by extension: .json / .yaml / .yml catalog documents,
 * .avsc Avro schemas (one table named after the record), .sql DDL scripts.
 */
export async function loadCatalogFile(file: string): Promise<{ readonly entries: CatalogEntries; readonly errors: CatalogLoadError[] }> {
  const format = catalogFormatOf(file);
  if (format === null) {
    return {
      entries: EMPTY,
      errors: [{ file, path: '', code: C.catalogUnreadable.code, message: `unknown catalog file type \`${path.extname(file) || '(none)'}\`; use .json, .yaml, .yml, .avsc or .sql` }],
    };
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : e instanceof Error ? e.message : String(e);
    return { entries: EMPTY, errors: [{ file, path: '', code: C.catalogUnreadable.code, message: `cannot read the catalog file: ${reason}` }] };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return readCatalogText(text, file, format);
  } catch (e) {
    // A bug of ours must not take the run down: report it like any other catalog problem.
    return {
      entries: EMPTY,
      errors: [{ file, path: '', code: 'FSQL0001', message: `internal error while reading the catalog: ${e instanceof Error ? e.message : String(e)}` }],
    };
  }
}

function readCatalogText(text: string, file: string, format: CatalogFileFormat): { readonly entries: CatalogEntries; readonly errors: CatalogLoadError[] } {
  switch (format) {
    case 'json':
    case 'yaml':
      return parseCatalogDocument(text, file, format, { readAvroFile: (ref) => readRelative(file, ref) });
    case 'avro':
      return parseAvroSchema(text, file);
    case 'sql': {
      const { entries, diagnostics } = catalogFromDdl(text);
      const source = new SourceText(text);
      const errors: CatalogLoadError[] = diagnostics
        .filter((d) => d.severity === 'error')
        .map((d) => {
          const pos = source.position(d.span.start);
          return { file, path: '', code: d.code, message: d.message, line: pos.line, column: pos.column };
        });
      return { entries, errors };
    }
  }
}

/** An Avro schema file named in a catalog document, relative to the document. */
function readRelative(document: string, reference: string): string | Error {
  try {
    const text = readFileSync(path.resolve(path.dirname(document), reference), 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return new Error(code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : e instanceof Error ? e.message : String(e));
  }
}
