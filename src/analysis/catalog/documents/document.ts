import { catalogCodes as C } from '../../../diagnostics/codes/catalog.js';
import { closestMatches } from '../../../diagnostics/suggest.js';
import type { Span } from '../../../source/span.js';
import { checkConnectorOptions } from '../../connectors/check.js';
import { is, printType, T, withNullability, type LogicalType } from '../../types/logical-type.js';
import { parseTypeString } from '../../types/parse-type.js';
import type {
  CatalogColumn,
  CatalogEntries,
  CatalogFunction,
  CatalogTable,
  CatalogView,
  FunctionKind,
  FunctionParameter,
  FunctionSignature,
  ObjectIdentifier,
} from '../model.js';
import { avroColumns, legacyMappingFromOptions, parseAvroSchema } from './avro.js';
import { DOCUMENT_SHAPE } from './catalog-schema.js';
import { childPath, ErrorSink, parentPath, parseLocated, type CatalogLoadError, type LocatedDocument } from './located.js';
import { checkShape, type ShapeProblem } from './shape.js';

export const DEFAULT_CATALOG = 'default_catalog';
export const DEFAULT_DATABASE = 'default_database';

export interface CatalogDocumentResult {
  readonly entries: CatalogEntries;
  readonly errors: CatalogLoadError[];
}

/* eslint-disable @typescript-eslint/no-explicit-any -- values below have passed checkShape */
type Obj = Record<string, any>;

/**
 * Reads a catalog document (docs/catalog.md): checks its shape, then builds the tables, views and
 * functions, reporting every problem with the file, the path and the line/column. Objects with
 * problems are left out; the rest are returned.
 */
export interface CatalogDocumentOptions {
  /**
   * Reads an Avro schema file named by a table's `avro:` (a path relative to the document);
   * returns its text, or an Error saying why it cannot. Without it, `avro:` must be inline.
   */
  readonly readAvroFile?: (reference: string) => string | Error;
}

export function parseCatalogDocument(
  text: string,
  fileName: string,
  format: 'json' | 'yaml',
  options: CatalogDocumentOptions = {},
): CatalogDocumentResult {
  const empty: CatalogEntries = { tables: [], views: [], functions: [] };
  const parsed = parseLocated(text, fileName, format);
  if (!parsed.ok) return { entries: empty, errors: [parsed.error] };
  const doc = parsed.doc;
  const sink = new ErrorSink(fileName, doc);
  if (doc.value === null || doc.value === undefined) return { entries: empty, errors: [] };
  const problems: ShapeProblem[] = [];
  checkShape(doc.value, DOCUMENT_SHAPE, '', problems);
  const root = doc.value as Obj;
  const broken = new Set<string>();
  for (const p of problems) {
    sink.add(p.path, withContext(root, p.path, p.message + flowCommaHint(doc, p)), C.catalogShape.code, { at: p.atKey === true ? 'key' : 'value' });
    const top = /^(tables|views|functions)\[\d+\]/.exec(p.path);
    broken.add(top === null ? '' : top[0]);
  }
  if (broken.has('')) return { entries: empty, errors: sink.errors };
  const builder = new DocumentBuilder(root, doc, sink, fileName, options);
  const tables = ((root['tables'] ?? []) as Obj[]).flatMap((t, i) => {
    const path = childPath('tables', i);
    if (broken.has(path)) return [];
    const table = builder.table(t, path);
    return table === null ? [] : [table];
  });
  const views = ((root['views'] ?? []) as Obj[]).flatMap((v, i) => {
    const path = childPath('views', i);
    if (broken.has(path)) return [];
    const view = builder.view(v, path);
    return view === null ? [] : [view];
  });
  const functions = ((root['functions'] ?? []) as Obj[]).flatMap((f, i) => {
    const path = childPath('functions', i);
    if (broken.has(path)) return [];
    const fn = builder.func(f, path);
    return fn === null ? [] : [fn];
  });
  builder.checkDuplicates(tables, views, functions);
  return { entries: { tables, views, functions }, errors: sink.errors };
}

/**
 * `{ name: x, type: DECIMAL(10, 2) }` splits at the comma in YAML: the type becomes `DECIMAL(10`
 * and ` 2)` a key. Say so when an unknown key follows a type with an unclosed parenthesis.
 */
function flowCommaHint(doc: LocatedDocument, p: ShapeProblem): string {
  if (p.atKey !== true) return '';
  const parent = parentPath(p.path);
  const sibling = [...doc.valueRanges.keys()].find((k) => parentPath(k) === parent && /(\.type|\.returns)$/.test(k));
  if (sibling === undefined) return '';
  const range = doc.valueRanges.get(sibling)!;
  const text = doc.source.text.slice(range.start, range.end);
  const open = (text.match(/[(<]/g) ?? []).length;
  const close = (text.match(/[)>]/g) ?? []).length;
  return open > close ? ` (the comma inside \`${text.trim()}\` ended the value: quote the type, e.g. "DECIMAL(10, 2)")` : '';
}

/** "table `orders`, column `amount`: message", from the names found along the path. */
function withContext(root: Obj, path: string, message: string): string {
  const parts: string[] = [];
  const m = /^(tables|views|functions)\[(\d+)\](?:\.columns\[(\d+)\])?/.exec(path);
  if (m !== null) {
    const kind = m[1] === 'tables' ? 'table' : m[1] === 'views' ? 'view' : 'function';
    const obj = (root[m[1]!] as Obj[] | undefined)?.[Number(m[2])];
    parts.push(`${kind} ${typeof obj?.['name'] === 'string' ? `\`${obj['name']}\`` : `#${Number(m[2]) + 1}`}`);
    if (m[3] !== undefined) {
      const col = (obj?.['columns'] as Obj[] | undefined)?.[Number(m[3])];
      parts.push(`column ${typeof col?.['name'] === 'string' ? `\`${col['name']}\`` : `#${Number(m[3]) + 1}`}`);
    }
  }
  return parts.length === 0 ? message : `${parts.join(', ')}: ${message}`;
}

const BUILTIN_TYPE_NAMES = [
  'CHAR', 'VARCHAR', 'STRING', 'BOOLEAN', 'BINARY', 'VARBINARY', 'BYTES', 'DECIMAL', 'DEC', 'NUMERIC', 'TINYINT',
  'SMALLINT', 'INT', 'INTEGER', 'BIGINT', 'FLOAT', 'DOUBLE', 'DATE', 'TIME', 'TIMESTAMP', 'TIMESTAMP_LTZ', 'INTERVAL',
  'ARRAY', 'MULTISET', 'MAP', 'ROW', 'RAW', 'VARIANT',
];

/** The name of the first user-defined type reference inside a type, or null. */
function userDefinedIn(type: LogicalType): string | null {
  switch (type.root) {
    case 'STRUCTURED_TYPE':
      return type.name;
    case 'ARRAY':
    case 'MULTISET':
      return userDefinedIn(type.element);
    case 'MAP':
      return userDefinedIn(type.key) ?? userDefinedIn(type.value);
    case 'ROW':
      for (const f of type.fields) {
        const inner = userDefinedIn(f.type);
        if (inner !== null) return inner;
      }
      return null;
    default:
      return null;
  }
}

function isTimestampForWatermark(type: LogicalType): boolean {
  return (is.timestamp(type) || type.root === 'TIMESTAMP_WITH_LOCAL_TIME_ZONE') && 'precision' in type && type.precision <= 3;
}

class DocumentBuilder {
  constructor(
    private readonly root: Obj,
    private readonly doc: LocatedDocument,
    private readonly sink: ErrorSink,
    private readonly file: string,
    private readonly options: CatalogDocumentOptions,
  ) {}

  private error(path: string, message: string, code: string = C.catalogShape.code, at: 'key' | 'value' = 'value'): void {
    this.sink.add(path, withContext(this.root, path, message), code, { at });
  }

  private identifier(o: Obj, path: string): ObjectIdentifier | null {
    const parts = (o['name'] as string).split('.');
    if (parts.length > 3 || parts.some((p) => p === '')) {
      this.error(childPath(path, 'name'), `\`${String(o['name'])}\` is not a name: use \`name\`, \`database.name\` or \`catalog.database.name\` (put names containing dots in \`catalog\`/\`database\` fields)`);
      return null;
    }
    if (parts.length >= 2 && o['database'] !== undefined) {
      this.error(childPath(path, 'database'), 'the database is given twice: in `name` and in `database`');
      return null;
    }
    if (parts.length === 3 && o['catalog'] !== undefined) {
      this.error(childPath(path, 'catalog'), 'the catalog is given twice: in `name` and in `catalog`');
      return null;
    }
    const name = parts[parts.length - 1]!;
    const database = parts.length >= 2 ? parts[parts.length - 2]! : (o['database'] ?? this.root['database'] ?? DEFAULT_DATABASE);
    const catalog = parts.length === 3 ? parts[0]! : (o['catalog'] ?? this.root['catalog'] ?? DEFAULT_CATALOG);
    return { catalog, database, name };
  }

  private type(text: string, path: string): LogicalType | null {
    const parsed = parseTypeString(text);
    if (!parsed.ok) {
      this.error(path, parsed.message, C.catalogInvalidType.code);
      return null;
    }
    // A bare word parses as a reference to a user-defined type, which a catalog document cannot define.
    const named = userDefinedIn(parsed.type);
    if (named !== null) {
      const close = closestMatches(named, BUILTIN_TYPE_NAMES, 1);
      this.error(
        path,
        `\`${text}\` is not a Flink SQL type: \`${named}\` is not a built-in type${close.length > 0 ? ` (did you mean \`${close[0]}\`?)` : ''}`,
        C.catalogInvalidType.code,
      );
      return null;
    }
    return parsed.type;
  }

  table(t: Obj, path: string): CatalogTable | null {
    const id = this.identifier(t, path);
    let ok = id !== null;
    const options: (readonly [string, string])[] = Object.entries((t['options'] ?? {}) as Obj)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => [k, this.optionText(v, childPath(childPath(path, 'options'), k))] as const);
    const columns: CatalogColumn[] = [];
    /** Where each column is defined, for messages. */
    const columnPaths: string[] = [];
    if (t['avro'] !== undefined) {
      const legacy = legacyMappingFromOptions(options);
      const fromAvro = avroColumns(this.avroSchema(t['avro'], childPath(path, 'avro')), childPath(path, 'avro'), this.sink, legacy === undefined ? {} : { legacyTimestampMapping: legacy });
      if (fromAvro === null) ok = false;
      else {
        columns.push(...fromAvro.columns);
        fromAvro.columns.forEach((_, i) => columnPaths.push(childPath(childPath(childPath(path, 'avro'), 'fields'), i)));
      }
    }
    ((t['columns'] ?? []) as Obj[]).forEach((c, i) => {
      const columnPath = childPath(childPath(path, 'columns'), i);
      const column = this.column(c, columnPath);
      if (column === null) ok = false;
      else {
        columns.push(column);
        columnPaths.push(columnPath);
      }
    });
    if (columns.length === 0 && ok) {
      this.error(path, 'a table needs `columns` (or an `avro` schema)');
      return null;
    }
    const seen = new Map<string, number>();
    columns.forEach((c, i) => {
      if (seen.has(c.name)) {
        this.error(childPath(columnPaths[i]!, 'name'), `column \`${c.name}\` is defined twice`, C.catalogDuplicate.code);
        ok = false;
      }
      seen.set(c.name, i);
    });
    const byName = new Map(columns.map((c) => [c.name, c]));

    // WATERMARK: the rowtime column must be TIMESTAMP(p)/TIMESTAMP_LTZ(p) with p <= 3 (DefaultSchemaResolver).
    let watermark: CatalogTable['watermark'] = null;
    if (t['watermark'] !== undefined) {
      const w = t['watermark'] as Obj;
      const columnName = w['column'] as string;
      const target = byName.get(columnName) ?? byName.get(columnName.split('.')[0]!);
      if (target === undefined) {
        this.error(childPath(childPath(path, 'watermark'), 'column'), `the watermark column \`${columnName}\` is not a column of the table`, C.catalogUnknownColumn.code);
        ok = false;
      } else if (target.name === columnName && target.type.root !== 'UNKNOWN' && !isTimestampForWatermark(target.type)) {
        this.error(
          childPath(childPath(path, 'watermark'), 'column'),
          `the watermark column \`${columnName}\` has type ${printType(target.type)}; it must be TIMESTAMP(p) or TIMESTAMP_LTZ(p) with p from 0 to 3`,
          C.catalogInvalidType.code,
        );
        ok = false;
      } else {
        watermark = { column: columnName, expression: w['expression'] as string };
        if (target.name === columnName && target.type.root !== 'UNKNOWN') {
          const i = columns.indexOf(target);
          columns[i] = { ...target, type: { ...target.type, timeAttribute: 'ROWTIME' } as LogicalType };
        }
      }
    }

    // PRIMARY KEY: physical columns, made NOT NULL (as Flink does for DDL).
    let primaryKey: CatalogTable['primaryKey'] = null;
    if (t['primaryKey'] !== undefined) {
      const pk = t['primaryKey'] as string[] | Obj;
      const names = Array.isArray(pk) ? pk : (pk['columns'] as string[]);
      const pkPath = Array.isArray(pk) ? childPath(path, 'primaryKey') : childPath(childPath(path, 'primaryKey'), 'columns');
      names.forEach((n, i) => {
        const c = byName.get(n);
        if (c === undefined) {
          this.error(childPath(pkPath, i), `primary key column \`${n}\` is not a column of the table`, C.catalogUnknownColumn.code);
          ok = false;
        } else if (c.kind !== 'physical') {
          this.error(childPath(pkPath, i), `primary key column \`${n}\` is a ${c.kind} column; a primary key may only use physical columns`, C.catalogUnknownColumn.code);
          ok = false;
        } else if (names.indexOf(n) !== i) {
          this.error(childPath(pkPath, i), `column \`${n}\` appears twice in the primary key`, C.catalogDuplicate.code);
          ok = false;
        }
      });
      primaryKey = { name: Array.isArray(pk) ? `PK_${names.join('_')}` : ((pk['name'] as string | undefined) ?? `PK_${names.join('_')}`), columns: names };
      for (let i = 0; i < columns.length; i++) {
        if (names.includes(columns[i]!.name)) columns[i] = { ...columns[i]!, type: withNullability(columns[i]!.type, false) };
      }
    }
    const partitionKeys = (t['partitionKeys'] ?? []) as string[];
    partitionKeys.forEach((k, i) => {
      if (!byName.has(k)) {
        this.error(childPath(childPath(path, 'partitionKeys'), i), `partition key \`${k}\` is not a column of the table`, C.catalogUnknownColumn.code);
        ok = false;
      }
    });
    const table: CatalogTable = {
      kind: 'table',
      id: id ?? { catalog: DEFAULT_CATALOG, database: DEFAULT_DATABASE, name: String(t['name']) },
      columns,
      watermark,
      primaryKey,
      partitionKeys,
      options,
      comment: (t['comment'] as string | undefined) ?? null,
      temporary: t['temporary'] === true,
      origin: { file: this.file, span: this.doc.valueRanges.get(path) ?? null },
    };
    // Options are checked even when the rest has problems, so that one run shows all of them.
    if (options.length > 0) this.checkOptions(table, path);
    return ok && id !== null ? table : null;
  }

  /**
   * An option value as written: a number or boolean in YAML/JSON keeps its source text
   * (`1.0` stays '1.0', a 20-digit number is not rounded).
   */
  private optionText(value: unknown, path: string): string {
    if (typeof value === 'string') return value;
    const range = this.doc.valueRanges.get(path);
    return range === undefined ? String(value) : this.doc.source.text.slice(range.start, range.end).trim();
  }

  /** `avro:` is an inline schema, JSON text, or the path of an .avsc file. */
  private avroSchema(value: unknown, path: string): unknown {
    if (typeof value !== 'string' || value.trim().startsWith('{')) return value;
    const read = this.options.readAvroFile;
    if (read === undefined) {
      this.error(path, `\`${value}\` names an Avro schema file, which can only be read when the document is loaded from a file`, C.catalogInvalidAvro.code);
      return null;
    }
    const text = read(value);
    if (text instanceof Error) {
      this.error(path, `cannot read the Avro schema file \`${value}\`: ${text.message}`, C.catalogInvalidAvro.code);
      return null;
    }
    const parsed = parseAvroSchema(text, value);
    if (parsed.errors.length > 0) {
      for (const e of parsed.errors) {
        this.error(path, `in \`${value}\`${e.line === undefined ? '' : ` line ${e.line}, column ${e.column ?? 1}`}${e.path === '' ? '' : ` (${e.path})`}: ${e.message}`, e.code ?? C.catalogInvalidAvro.code);
      }
      return null;
    }
    return JSON.parse(text) as unknown;
  }

  private column(c: Obj, path: string): CatalogColumn | null {
    const name = c['name'] as string;
    const hasType = c['type'] !== undefined;
    const hasExpr = c['expression'] !== undefined;
    const hasMeta = c['metadata'] !== undefined && c['metadata'] !== false;
    const comment = (c['comment'] as string | undefined) ?? null;
    if (hasExpr && hasMeta) {
      this.error(path, 'a column is either computed (`expression`) or a metadata column (`metadata`), not both');
      return null;
    }
    if (c['virtual'] === true && !hasMeta) {
      this.error(childPath(path, 'virtual'), '`virtual` only applies to metadata columns');
      return null;
    }
    if (hasExpr) {
      const expression = c['expression'] as string;
      let type: LogicalType | null = hasType ? this.type(c['type'] as string, childPath(path, 'type')) : null;
      if (hasType && type === null) return null;
      // PROCTIME() declares a processing-time attribute (TIMESTAMP_LTZ(3) NOT NULL *PROCTIME*).
      if (type === null && /^\s*proctime\s*\(\s*\)\s*$/i.test(expression)) type = T.timestampLtz(3, false, 'PROCTIME');
      return { name, type: type ?? T.unknown(), kind: 'computed', expression, metadataKey: null, virtual: false, comment };
    }
    if (!hasType) {
      this.error(path, hasMeta ? 'a metadata column needs a `type`' : 'a column needs a `type` (or an `expression` for a computed column)');
      return null;
    }
    const type = this.type(c['type'] as string, childPath(path, 'type'));
    if (type === null) return null;
    if (hasMeta) {
      const key = c['metadata'] === true ? null : (c['metadata'] as string);
      return { name, type, kind: 'metadata', expression: null, metadataKey: key, virtual: c['virtual'] === true, comment };
    }
    return { name, type, kind: 'physical', expression: null, metadataKey: null, virtual: false, comment };
  }

  /**
   * Connector options of a catalog table, checked as for a declared table (missing options are
   * warnings, mistakes errors); the diagnostics' spans are offsets in the document.
   */
  private checkOptions(table: CatalogTable, path: string): void {
    const optionsPath = childPath(path, 'options');
    const at = this.doc.keyRanges.get(optionsPath) ?? this.doc.valueRanges.get(path) ?? { start: 0, end: 0 };
    const bySpan = new Map<number, string>();
    const input = table.options.map(([key, value]) => {
      const p = childPath(optionsPath, key);
      const keySpan: Span | null = this.doc.keyRanges.get(p) ?? null;
      const valueSpan: Span | null = this.doc.valueRanges.get(p) ?? null;
      if (keySpan !== null) bySpan.set(keySpan.start, p);
      if (valueSpan !== null) bySpan.set(valueSpan.start, p);
      return { key, value, keySpan, valueSpan };
    });
    const diagnostics = checkConnectorOptions({
      options: input,
      withSpan: at,
      columns: table.columns.map((c) => ({ name: c.name, type: c.type, kind: c.kind, metadataKey: c.metadataKey })),
      primaryKey: table.primaryKey?.columns ?? null,
      partitionKeys: table.partitionKeys,
      tableName: table.id.name,
      used: false,
    });
    for (const d of diagnostics) {
      if (d.severity === 'info') continue;
      const p = bySpan.get(d.span.start) ?? optionsPath;
      const context = d.message.includes(`\`${table.id.name}\``) ? '' : `table \`${table.id.name}\`: `;
      this.sink.add(p, `${context}${d.message}${d.hint === undefined ? '' : ` (${d.hint})`}`, d.code, {
        offset: d.span.start,
        severity: d.severity === 'error' ? 'error' : 'warning',
      });
    }
  }

  view(v: Obj, path: string): CatalogView | null {
    const id = this.identifier(v, path);
    if (v['columns'] === undefined && v['query'] === undefined) {
      this.error(path, 'a view needs `columns`, `query`, or both');
      return null;
    }
    let ok = id !== null;
    const columns: { name: string; type: LogicalType }[] = [];
    ((v['columns'] ?? []) as Obj[]).forEach((c, i) => {
      const type = this.type(c['type'] as string, childPath(childPath(childPath(path, 'columns'), i), 'type'));
      if (type === null) ok = false;
      else columns.push({ name: c['name'] as string, type });
    });
    if (!ok || id === null) return null;
    return {
      kind: 'view',
      id,
      columns,
      query: (v['query'] as string | undefined) ?? null,
      temporary: v['temporary'] === true,
      origin: { file: this.file, span: this.doc.valueRanges.get(path) ?? null },
    };
  }

  func(f: Obj, path: string): CatalogFunction | null {
    const id = this.identifier(f, path);
    let ok = id !== null;
    const signatures: FunctionSignature[] = [];
    ((f['signatures'] ?? []) as Obj[]).forEach((s, i) => {
      const sp = childPath(childPath(path, 'signatures'), i);
      const parameters: FunctionParameter[] = [];
      ((s['parameters'] ?? []) as (string | Obj)[]).forEach((p, j) => {
        const pp = childPath(childPath(sp, 'parameters'), j);
        const text = typeof p === 'string' ? p : (p['type'] as string);
        const type = this.type(text, typeof p === 'string' ? pp : childPath(pp, 'type'));
        if (type === null) ok = false;
        else parameters.push({ name: typeof p === 'string' ? null : ((p['name'] as string | undefined) ?? null), type, optional: typeof p !== 'string' && p['optional'] === true });
      });
      const returns = this.type(s['returns'] as string, childPath(sp, 'returns'));
      if (returns === null) ok = false;
      else signatures.push({ parameters, variadic: s['variadic'] === true, returns });
    });
    if (!ok || id === null) return null;
    return {
      id,
      kind: ((f['kind'] as string | undefined) ?? 'scalar') as FunctionKind,
      signatures,
      className: (f['className'] as string | undefined) ?? null,
      language: (f['language'] as string | undefined) ?? null,
      temporary: f['temporary'] === true,
      system: false,
      origin: { file: this.file, span: this.doc.valueRanges.get(path) ?? null },
    };
  }

  /** Tables and views share one namespace in Flink; functions have their own. */
  checkDuplicates(tables: readonly CatalogTable[], views: readonly CatalogView[], functions: readonly CatalogFunction[]): void {
    const key = (id: ObjectIdentifier) => `${id.catalog}.${id.database}.${id.name}`;
    const seen = new Map<string, string>();
    const check = (id: ObjectIdentifier, what: string, span: Span | null) => {
      const k = key(id);
      const before = seen.get(k);
      if (before !== undefined) {
        this.sink.add('', `${what} \`${k}\` is defined twice (also as a ${before})`, C.catalogDuplicate.code, span === null ? {} : { offset: span.start });
      } else seen.set(k, what);
    };
    for (const t of tables) check(t.id, 'table', t.origin.span);
    for (const v of views) check(v.id, 'view', v.origin.span);
    seen.clear();
    for (const f of functions) check(f.id, 'function', f.origin.span);
  }
}
