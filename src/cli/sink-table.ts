import { catalogFromDdl } from '../analysis/analyze.js';
import { printIdentifier, type CatalogEntries, type CatalogTable } from '../analysis/catalog/model.js';
import type { OutputColumn } from '../analysis/schema.js';
import type { ValidationResult } from '../validate.js';

/** Statements that shape the catalog: replayed to find a sink table the script itself defines. */
const CATALOG_STATEMENTS = new Set(['CreateTable', 'AlterTable', 'Drop', 'Use', 'CreateDatabase', 'CreateCatalog']);

/**
 * The columns an INSERT into `target` writes, as the sink's value format sees them: the sink
 * table's physical columns (metadata columns go to the connector, computed ones are not stored),
 * without the key fields when the table sets `'value.fields-include' = 'EXCEPT_KEY'` (Kafka's
 * key/value split). The table is looked up among the tables the script defines, then the catalogs
 * (the last definition wins). Null when the table is not known: the caller then compares the
 * query's own output.
 */
export function sinkColumns(target: string, result: ValidationResult, catalogs: readonly CatalogEntries[]): OutputColumn[] | null {
  const table = scriptTable(target, result) ?? catalogTable(target, catalogs);
  return table === null ? null : writtenColumns(table);
}

export function writtenColumns(table: CatalogTable): OutputColumn[] {
  const option = (key: string) => table.options.find(([k]) => k === key)?.[1];
  const keyFields =
    option('value.fields-include')?.toUpperCase() === 'EXCEPT_KEY'
      ? new Set((option('key.fields') ?? '').split(';').map((f) => f.trim()).filter((f) => f !== ''))
      : new Set<string>();
  return table.columns.filter((c) => c.kind === 'physical' && !keyFields.has(c.name)).map((c) => ({ name: c.name, type: c.type }));
}

function catalogTable(target: string, catalogs: readonly CatalogEntries[]): CatalogTable | null {
  for (let i = catalogs.length - 1; i >= 0; i--) {
    const table = catalogs[i]!.tables.find((t) => printIdentifier(t.id) === target);
    if (table !== undefined) return table;
  }
  return null;
}

function scriptTable(target: string, result: ValidationResult): CatalogTable | null {
  const ddl = result.statements.filter((s) => s.ast !== null && CATALOG_STATEMENTS.has(s.ast.kind));
  if (ddl.length === 0) return null;
  const text = ddl.map((s) => result.source.slice(s.span)).join(';\n');
  return catalogTable(target, [catalogFromDdl(text).entries]);
}
