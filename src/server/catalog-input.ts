import { catalogFromDdl } from '../analysis/analyze.js';
import { parseAvroSchema } from '../analysis/catalog/documents/index.js';
import type { CatalogColumn, CatalogEntries, CatalogTable, ColumnKind, ObjectIdentifier } from '../analysis/catalog/model.js';
import type { LogicalType } from '../analysis/types/logical-type.js';
import { T, printType } from '../analysis/types/logical-type.js';
import { parseTypeString } from '../analysis/types/parse-type.js';
import { parseExpression } from '../parse/index.js';
import { SourceText } from '../source/source-text.js';
import type { FieldViolation } from './rich-error.js';
import type { WireAvroTable, WireCatalog, WireColumn, WireOption, WireTable } from './wire.js';

/** Flink's built-in catalog and database, used for names given without them. */
export const DEFAULT_CATALOG = 'default_catalog';
export const DEFAULT_DATABASE = 'default_database';

/** Violations reported per catalog before the rest are summarised; trailers ride in HTTP/2 headers. */
const MAX_VIOLATIONS = 20;

const COLUMN_KIND: Readonly<Record<WireColumn['kind'], ColumnKind>> = {
  COLUMN_KIND_UNSPECIFIED: 'physical',
  COLUMN_KIND_PHYSICAL: 'physical',
  COLUMN_KIND_COMPUTED: 'computed',
  COLUMN_KIND_METADATA: 'metadata',
};

export type CatalogConversion =
  | { readonly ok: true; readonly entries: CatalogEntries }
  | { readonly ok: false; readonly violations: readonly FieldViolation[] };

/**
 * Turns the catalogs of a request into catalog entries, merged in order into one. `path` names the
 * request field (e.g. `catalogs`) so that violations point at the exact field.
 */
export function convertCatalogs(catalogs: readonly WireCatalog[], path: string): CatalogConversion {
  const violations: FieldViolation[] = [];
  const tables: CatalogTable[] = [];
  const views: CatalogEntries['views'][number][] = [];
  const functions: CatalogEntries['functions'][number][] = [];
  catalogs.forEach((catalog, i) => {
    const at = `${path}[${i}]`;
    switch (catalog.source) {
      case 'structured':
        (catalog.structured?.tables ?? []).forEach((table, j) => {
          const converted = convertTable(table, `${at}.structured.tables[${j}]`, violations);
          if (converted !== null) tables.push(converted);
        });
        break;
      case 'ddl': {
        const { entries, diagnostics } = catalogFromDdl(catalog.ddl ?? '');
        const errors = diagnostics.filter((d) => d.severity === 'error');
        if (errors.length > 0) {
          const source = new SourceText(catalog.ddl ?? '');
          for (const d of errors.slice(0, 5)) {
            const { line, column } = source.position(d.span.start);
            violations.push({ field: `${at}.ddl`, description: `line ${line}, column ${column}: ${d.message} [${d.code}]` });
          }
        }
        tables.push(...entries.tables);
        views.push(...entries.views);
        functions.push(...entries.functions);
        break;
      }
      case 'avro': {
        const table = convertAvro(catalog.avro ?? { table_name: '', schema: '', options: [] }, `${at}.avro`, violations);
        if (table !== null) tables.push(table);
        break;
      }
      default:
        violations.push({ field: at, description: 'set one of `structured`, `ddl` or `avro`' });
    }
  });
  const seen = new Map<string, string>();
  tables.forEach((t) => {
    const key = `${t.id.catalog}.${t.id.database}.${t.id.name}`;
    if (seen.has(key)) violations.push({ field: path, description: `table \`${key}\` is defined twice` });
    seen.set(key, key);
  });
  if (violations.length > 0) {
    const shown = violations.slice(0, MAX_VIOLATIONS);
    if (violations.length > MAX_VIOLATIONS) shown.push({ field: path, description: `${violations.length - MAX_VIOLATIONS} more problems not listed` });
    return { ok: false, violations: shown };
  }
  return { ok: true, entries: { tables, views, functions } };
}

/** `t`, `db.t` or `cat.db.t` (Flink's defaults fill the missing parts). */
export function identifierOf(name: string): ObjectIdentifier | null {
  const parts = name.split('.');
  if (parts.length > 3 || parts.some((p) => p.trim() === '')) return null;
  const [catalog, database, table] = parts.length === 3 ? parts : parts.length === 2 ? [DEFAULT_CATALOG, ...parts] : [DEFAULT_CATALOG, DEFAULT_DATABASE, ...parts];
  return { catalog: catalog!, database: database!, name: table! };
}

function convertTable(table: WireTable, at: string, violations: FieldViolation[]): CatalogTable | null {
  const before = violations.length;
  const id = identifierOf(table.name);
  if (id === null) violations.push({ field: `${at}.name`, description: table.name === '' ? 'a table needs a name' : `\`${table.name}\` is not a table name (use \`table\`, \`database.table\` or \`catalog.database.table\`)` });
  if (table.columns.length === 0) violations.push({ field: `${at}.columns`, description: 'a table needs at least one column' });

  const columns: CatalogColumn[] = [];
  const byName = new Map<string, number>();
  table.columns.forEach((column, k) => {
    const where = `${at}.columns[${k}]`;
    if (column.name === '') violations.push({ field: `${where}.name`, description: 'a column needs a name' });
    else if (byName.has(column.name)) violations.push({ field: `${where}.name`, description: `column \`${column.name}\` is defined twice` });
    const converted = convertColumn(column, where, violations);
    if (converted !== null) {
      byName.set(column.name, columns.length);
      columns.push(converted);
    }
  });

  const unknownColumn = (name: string): string => `\`${name}\` is not a column of this table`;
  let watermark: CatalogTable['watermark'] = null;
  if (table.watermark != null && (table.watermark.column !== '' || table.watermark.expression !== '')) {
    const { column, expression } = table.watermark;
    const index = byName.get(column);
    if (index === undefined) violations.push({ field: `${at}.watermark.column`, description: column === '' ? 'name the rowtime column' : unknownColumn(column) });
    else {
      const type = columns[index]!.type;
      if (type.root !== 'TIMESTAMP_WITHOUT_TIME_ZONE' && type.root !== 'TIMESTAMP_WITH_LOCAL_TIME_ZONE') {
        violations.push({ field: `${at}.watermark.column`, description: `the rowtime column \`${column}\` is ${printType(type)}; it must be TIMESTAMP(3) or TIMESTAMP_LTZ(3)` });
      } else {
        // As in Flink's resolved schema, the rowtime column's type carries the time attribute.
        columns[index] = { ...columns[index]!, type: { ...type, timeAttribute: 'ROWTIME' } };
      }
    }
    checkExpression(expression, `${at}.watermark.expression`, 'a watermark needs a strategy expression, e.g. `ts - INTERVAL \'5\' SECOND`', violations);
    watermark = { column, expression };
  }

  let primaryKey: CatalogTable['primaryKey'] = null;
  if (table.primary_key.length > 0) {
    table.primary_key.forEach((name, k) => {
      const index = byName.get(name);
      if (index === undefined) violations.push({ field: `${at}.primary_key[${k}]`, description: unknownColumn(name) });
      else if (columns[index]!.kind !== 'physical') violations.push({ field: `${at}.primary_key[${k}]`, description: `\`${name}\` is a ${columns[index]!.kind} column; a primary key may only use physical columns` });
      // Flink makes primary key columns NOT NULL.
      else columns[index] = { ...columns[index]!, type: { ...columns[index]!.type, nullable: false } };
    });
    primaryKey = { name: null, columns: [...table.primary_key] };
  }
  table.partition_keys.forEach((name, k) => {
    if (!byName.has(name)) violations.push({ field: `${at}.partition_keys[${k}]`, description: unknownColumn(name) });
  });
  const options = convertOptions(table.options, `${at}.options`, violations);

  if (violations.length > before || id === null) return null;
  return {
    kind: 'table',
    id,
    columns,
    watermark,
    primaryKey,
    partitionKeys: [...table.partition_keys],
    options,
    comment: table.comment === '' ? null : table.comment,
    temporary: false,
    origin: { file: null, span: null },
  };
}

/** An Avro record schema read as one table (the record's fields are its physical columns). */
function convertAvro(avro: WireAvroTable, at: string, violations: FieldViolation[]): CatalogTable | null {
  const before = violations.length;
  let id: ObjectIdentifier | null = null;
  if (avro.table_name !== '') {
    id = identifierOf(avro.table_name);
    if (id === null) violations.push({ field: `${at}.table_name`, description: `\`${avro.table_name}\` is not a table name (use \`table\`, \`database.table\` or \`catalog.database.table\`)` });
  }
  const options = convertOptions(avro.options, `${at}.options`, violations);
  if (avro.schema.trim() === '') {
    violations.push({ field: `${at}.schema`, description: 'give the Avro schema as JSON text, e.g. {"type": "record", "name": "Order", "fields": [...]}' });
    return null;
  }
  const { entries, errors } = parseAvroSchema(avro.schema, `${at}.schema`, {
    ...(id === null ? {} : { tableName: id.name, catalog: id.catalog, database: id.database }),
    connectorOptions: options,
  });
  for (const e of errors) {
    if (e.severity === 'warning') continue;
    const where = e.line === undefined ? '' : `line ${e.line}, column ${e.column ?? 1}: `;
    const inSchema = e.path === '' ? '' : ` (at \`${e.path}\`)`;
    violations.push({ field: `${at}.schema`, description: `${where}${e.message}${inSchema}` });
  }
  if (violations.length > before) return null;
  const table = entries.tables[0];
  if (table === undefined) {
    violations.push({ field: `${at}.schema`, description: 'the schema must be an Avro record' });
    return null;
  }
  // Requests have no files: the table's origin is the request, as for structured tables.
  return { ...table, origin: { file: null, span: null } };
}

function convertColumn(column: WireColumn, where: string, violations: FieldViolation[]): CatalogColumn | null {
  const kind = COLUMN_KIND[column.kind] ?? 'physical';
  let type: LogicalType | null = null;
  if (kind === 'computed') {
    if (!checkExpression(column.expression, `${where}.expression`, 'a computed column needs an expression', violations)) return null;
    if (column.type === '') type = /^\s*PROCTIME\s*\(\s*\)\s*$/i.test(column.expression) ? T.timestampLtz(3, false, 'PROCTIME') : T.unknown();
  } else if (column.expression !== '') {
    violations.push({ field: `${where}.expression`, description: 'only computed columns have an expression; set kind to COLUMN_KIND_COMPUTED' });
  }
  if (type === null) {
    if (column.type === '') {
      violations.push({ field: `${where}.type`, description: 'a column needs a type, e.g. `STRING` or `DECIMAL(10, 2) NOT NULL`' });
      return null;
    }
    const parsed = parseTypeString(column.type);
    if (!parsed.ok) {
      violations.push({ field: `${where}.type`, description: parsed.message });
      return null;
    }
    type = parsed.type;
  }
  if (kind !== 'metadata' && (column.metadata_key !== '' || column.virtual)) {
    violations.push({ field: `${where}.kind`, description: 'metadata_key and virtual apply to metadata columns; set kind to COLUMN_KIND_METADATA' });
  }
  return {
    name: column.name,
    type,
    kind,
    expression: kind === 'computed' ? column.expression : null,
    metadataKey: kind === 'metadata' && column.metadata_key !== '' ? column.metadata_key : null,
    virtual: kind === 'metadata' && column.virtual,
    comment: column.comment === '' ? null : column.comment,
  };
}

function checkExpression(text: string, field: string, whenEmpty: string, violations: FieldViolation[]): boolean {
  if (text.trim() === '') {
    violations.push({ field, description: whenEmpty });
    return false;
  }
  const error = parseExpression(text).diagnostics.find((d) => d.severity === 'error');
  if (error !== undefined) {
    violations.push({ field, description: `\`${text}\` is not a valid expression: ${error.message}` });
    return false;
  }
  return true;
}

function convertOptions(options: readonly WireOption[], at: string, violations: FieldViolation[]): (readonly [string, string])[] {
  const seen = new Set<string>();
  options.forEach((o, k) => {
    if (o.key === '') violations.push({ field: `${at}[${k}].key`, description: 'an option needs a key' });
    else if (seen.has(o.key)) violations.push({ field: `${at}[${k}].key`, description: `option '${o.key}' is set twice` });
    seen.add(o.key);
  });
  return options.map((o) => [o.key, o.value] as const);
}
