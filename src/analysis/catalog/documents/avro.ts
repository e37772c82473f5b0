import { catalogCodes as C } from '../../../diagnostics/codes/catalog.js';
import { MAX_DECIMAL_PRECISION, T, withNullability, type LogicalType } from '../../types/logical-type.js';
import type { CatalogColumn, CatalogEntries, CatalogTable } from '../model.js';
import { childPath, ErrorSink, parseLocated, type CatalogLoadError } from './located.js';

/**
 * Avro schemas as Flink types, exactly as Flink's avro formats derive a table schema from an
 * Avro schema (AvroSchemaConverter#convertToDataType):
 * - every type is NOT NULL, except a union of `null` with one other type, which is that type, nullable;
 * - a single-branch union is its branch; any other union is RAW (Flink falls back to Kryo);
 * - record -> ROW, enum -> STRING, array -> ARRAY, map -> MAP<STRING NOT NULL, V>;
 * - fixed -> VARBINARY(size), bytes -> BYTES, both -> DECIMAL(p, s) with the `decimal` logical type;
 * - int: `date` -> DATE, `time-millis` -> TIME(3); long: `time-micros` -> TIME(6), and with the
 *   legacy timestamp mapping (the default, 'avro.timestamp_mapping.legacy' = 'true')
 *   `timestamp-millis/-micros` -> TIMESTAMP(3)/(6); without it they are TIMESTAMP_LTZ(3)/(6) and
 *   `local-timestamp-millis/-micros` are TIMESTAMP(3)/(6);
 * - other logical types (uuid, ...) keep the underlying type; a logical type on the wrong
 *   underlying type is ignored, as Avro's parser ignores it.
 */

export interface AvroOptions {
  /** 'avro.timestamp_mapping.legacy' (default true). */
  readonly legacyTimestampMapping?: boolean;
}

const PRIMITIVES = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

interface NamedEntry {
  type: LogicalType | null;
  /** The schema kind, for union duplicate checks. */
  readonly kind: string;
}

export class AvroConverter {
  private readonly named = new Map<string, NamedEntry>();
  private readonly legacy: boolean;

  constructor(private readonly sink: ErrorSink, options: AvroOptions = {}) {
    this.legacy = options.legacyTimestampMapping ?? true;
  }

  /** The Flink type of an Avro schema, or null after reporting why it cannot be converted. */
  convert(schema: unknown, path: string, namespace: string | null): LogicalType | null {
    if (typeof schema === 'string') return this.convertName(schema, path, namespace);
    if (Array.isArray(schema)) return this.convertUnion(schema, path, namespace);
    if (schema === null || typeof schema !== 'object') {
      this.error(path, `expected an Avro schema (a type name, a mapping or a union list), found ${JSON.stringify(schema)}`);
      return null;
    }
    const obj = schema as Record<string, unknown>;
    const type = obj['type'];
    if (typeof type !== 'string') {
      // Avro's parser also wants a name here: nested schemas go in a field's `type`, not in a schema's.
      if (type === undefined) this.error(path, 'the schema has no `type`');
      else this.error(childPath(path, 'type'), `\`type\` must be a type name such as "record" or "string", found ${JSON.stringify(type)}`);
      return null;
    }
    switch (type) {
      case 'record':
      case 'error':
        return this.convertRecord(obj, path, namespace)?.type ?? null;
      case 'enum': {
        const name = this.defineName(obj, path, namespace, 'enum');
        const symbols = obj['symbols'];
        if (!Array.isArray(symbols) || symbols.some((s) => typeof s !== 'string' || !NAME.test(s))) {
          this.error(childPath(path, 'symbols'), 'an enum needs `symbols`: a list of names');
          return null;
        }
        const t = T.string(false);
        if (name !== null) this.named.set(name, { type: t, kind: 'enum' });
        return t;
      }
      case 'fixed': {
        const name = this.defineName(obj, path, namespace, 'fixed');
        const size = obj['size'];
        if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) {
          this.error(childPath(path, 'size'), 'a fixed type needs `size`: a non-negative whole number');
          return null;
        }
        const decimal = this.decimal(obj, path, size);
        const t = decimal ?? T.varbinary(size, false);
        if (name !== null) this.named.set(name, { type: t, kind: 'fixed' });
        return t;
      }
      case 'array': {
        if (!('items' in obj)) {
          this.error(path, 'an array needs `items`');
          return null;
        }
        const element = this.convert(obj['items'], childPath(path, 'items'), namespace);
        return element === null ? null : T.array(element, false);
      }
      case 'map': {
        if (!('values' in obj)) {
          this.error(path, 'a map needs `values`');
          return null;
        }
        const value = this.convert(obj['values'], childPath(path, 'values'), namespace);
        return value === null ? null : T.map(T.string(false), value, false);
      }
      default:
        if (PRIMITIVES.has(type)) return this.primitive(type, obj, path);
        return this.convertName(type, childPath(path, 'type'), namespace);
    }
  }

  /** A record: its columns and its ROW type. */
  convertRecord(obj: Record<string, unknown>, path: string, namespace: string | null): { name: string; columns: { name: string; type: LogicalType; doc: string | null }[]; type: LogicalType } | null {
    const fullName = this.defineName(obj, path, namespace, 'record');
    if (fullName === null) return null;
    const entry: NamedEntry = { type: null, kind: 'record' };
    this.named.set(fullName, entry);
    const inner = fullName.includes('.') ? fullName.slice(0, fullName.lastIndexOf('.')) : null;
    const fields = obj['fields'];
    if (!Array.isArray(fields)) {
      this.error(childPath(path, 'fields'), `record \`${fullName}\` needs \`fields\`: a list`);
      return null;
    }
    const columns: { name: string; type: LogicalType; doc: string | null }[] = [];
    const seen = new Set<string>();
    let ok = true;
    fields.forEach((field, i) => {
      const fp = childPath(childPath(path, 'fields'), i);
      if (field === null || typeof field !== 'object' || Array.isArray(field)) {
        this.error(fp, 'a field must be a mapping with `name` and `type`');
        ok = false;
        return;
      }
      const f = field as Record<string, unknown>;
      const name = f['name'];
      if (typeof name !== 'string' || !NAME.test(name)) {
        this.error(childPath(fp, 'name'), `field name ${JSON.stringify(name)} is not a valid Avro name ([A-Za-z_][A-Za-z0-9_]*)`);
        ok = false;
        return;
      }
      if (seen.has(name)) {
        this.error(childPath(fp, 'name'), `record \`${fullName}\` has two fields named \`${name}\``);
        ok = false;
        return;
      }
      seen.add(name);
      if (!('type' in f)) {
        this.error(fp, `field \`${name}\` has no \`type\``);
        ok = false;
        return;
      }
      const before = this.sink.errors.length;
      const type = this.convert(f['type'], childPath(fp, 'type'), inner);
      if (type === null || this.sink.errors.length > before) {
        ok = false;
        return;
      }
      columns.push({ name, type, doc: typeof f['doc'] === 'string' ? f['doc'] : null });
    });
    if (!ok) return null;
    const row = T.row(columns.map((c) => T.field(c.name, c.type, c.doc)), false);
    entry.type = row;
    return { name: fullName.slice(fullName.lastIndexOf('.') + 1), columns, type: row };
  }

  private convertUnion(branches: readonly unknown[], path: string, namespace: string | null): LogicalType | null {
    const kinds = branches.map((b) => this.branchKind(b, namespace));
    for (let i = 0; i < kinds.length; i++) {
      if (Array.isArray(branches[i])) {
        this.error(childPath(path, i), 'a union cannot directly contain another union');
        return null;
      }
      if (kinds.indexOf(kinds[i]!) !== i) {
        this.error(childPath(path, i), `the union has the type \`${kinds[i]}\` twice`);
        return null;
      }
    }
    const nullAt = kinds.indexOf('null');
    if (branches.length === 2 && nullAt >= 0) {
      const other = this.convert(branches[1 - nullAt], childPath(path, 1 - nullAt), namespace);
      return other === null ? null : withNullability(other, true);
    }
    if (branches.length === 1) return this.convert(branches[0], childPath(path, 0), namespace);
    // Still convert the branches, so that their names are defined and their mistakes reported.
    for (let i = 0; i < branches.length; i++) if (this.convert(branches[i], childPath(path, i), namespace) === null) return null;
    return T.raw('java.lang.Object', '', false);
  }

  /** What a union branch is, for the rule that a union holds each unnamed type at most once. */
  private branchKind(branch: unknown, namespace: string | null): string {
    if (typeof branch === 'string') return PRIMITIVES.has(branch) ? branch : this.fullName(branch, namespace);
    if (branch !== null && typeof branch === 'object' && !Array.isArray(branch)) {
      const o = branch as Record<string, unknown>;
      const type = String(o['type']);
      if (['record', 'error', 'enum', 'fixed'].includes(type) && typeof o['name'] === 'string') {
        return this.fullName(o['name'], typeof o['namespace'] === 'string' ? o['namespace'] : namespace);
      }
      return type;
    }
    return 'union';
  }

  private convertName(name: string, path: string, namespace: string | null): LogicalType | null {
    if (PRIMITIVES.has(name)) return this.primitive(name, {}, path);
    // As Avro's parser: the name in the enclosing namespace first, then the name as written.
    const qualified = this.fullName(name, namespace);
    const full = this.named.has(qualified) ? qualified : name;
    const entry = this.named.get(full);
    if (entry === undefined) {
      this.error(path, `unknown Avro type \`${name}\`; a named type must be defined before it is used`);
      return null;
    }
    if (entry.type === null) {
      this.error(path, `record \`${full}\` refers to itself; Flink cannot map recursive Avro types to a table schema`);
      return null;
    }
    return entry.type;
  }

  private primitive(type: string, obj: Record<string, unknown>, path: string): LogicalType {
    const logical = typeof obj['logicalType'] === 'string' ? obj['logicalType'] : null;
    switch (type) {
      case 'null':
        return T.null();
      case 'boolean':
        return T.boolean(false);
      case 'int':
        if (logical === 'date') return T.date(false);
        if (logical === 'time-millis') return T.time(3, false);
        return T.int(false);
      case 'long':
        if (logical === 'time-micros') return T.time(6, false);
        if (logical === 'timestamp-millis') return this.legacy ? T.timestamp(3, false) : T.timestampLtz(3, false);
        if (logical === 'timestamp-micros') return this.legacy ? T.timestamp(6, false) : T.timestampLtz(6, false);
        if (!this.legacy && logical === 'local-timestamp-millis') return T.timestamp(3, false);
        if (!this.legacy && logical === 'local-timestamp-micros') return T.timestamp(6, false);
        return T.bigint(false);
      case 'float':
        return T.float(false);
      case 'double':
        return T.double(false);
      case 'bytes':
        return this.decimal(obj, path, null) ?? T.bytes(false);
      default:
        return T.string(false);
    }
  }

  /**
   * The `decimal` logical type of bytes or fixed (LogicalTypes.Decimal#validate): precision >= 1,
   * 0 <= scale <= precision, and for fixed a precision the size can hold. Avro ignores an invalid
   * decimal; a valid one beyond Flink's 38 digits is an error.
   */
  private decimal(obj: Record<string, unknown>, path: string, fixedSize: number | null): LogicalType | null {
    if (obj['logicalType'] !== 'decimal') return null;
    const precision = obj['precision'];
    const scale = obj['scale'] ?? 0;
    if (typeof precision !== 'number' || !Number.isInteger(precision) || precision < 1) return null;
    if (typeof scale !== 'number' || !Number.isInteger(scale) || scale < 0 || scale > precision) return null;
    if (fixedSize !== null && precision > Math.floor(Math.log10(2) * (8 * fixedSize - 1))) return null;
    if (precision > MAX_DECIMAL_PRECISION) {
      this.error(childPath(path, 'precision'), `decimal precision ${precision} is more than Flink's maximum of ${MAX_DECIMAL_PRECISION}`);
      return null;
    }
    return T.decimal(precision, scale, false);
  }

  /** Registers a named type; returns its full name, or null after reporting a bad name. */
  private defineName(obj: Record<string, unknown>, path: string, namespace: string | null, kind: string): string | null {
    const name = obj['name'];
    if (typeof name !== 'string' || name === '' || !name.split('.').every((part) => NAME.test(part))) {
      this.error(childPath(path, 'name'), `${kind === 'enum' ? 'an' : 'a'} ${kind} needs a valid \`name\``);
      return null;
    }
    const ns = typeof obj['namespace'] === 'string' ? obj['namespace'] : namespace;
    const full = this.fullName(name, ns);
    if (this.named.has(full)) {
      this.error(childPath(path, 'name'), `the type \`${full}\` is defined twice`);
      return null;
    }
    return full;
  }

  private fullName(name: string, namespace: string | null): string {
    return name.includes('.') || namespace === null || namespace === '' ? name : `${namespace}.${name}`;
  }

  private error(path: string, message: string): void {
    this.sink.add(path, message, C.catalogInvalidAvro.code);
  }
}

export interface AvroTableOptions {
  /** The table's name; default: the record's name. */
  readonly tableName?: string;
  readonly catalog?: string;
  readonly database?: string;
  /** WITH options of the table (e.g. kafka + avro-confluent). */
  readonly connectorOptions?: Readonly<Record<string, string>> | readonly (readonly [string, string])[];
  readonly legacyTimestampMapping?: boolean;
}

/** 'avro.timestamp_mapping.legacy' from the table's options, under any format prefix. */
export function legacyMappingFromOptions(options: readonly (readonly [string, string])[]): boolean | undefined {
  const entry = options.find(([k]) => k === 'avro.timestamp_mapping.legacy' || k.endsWith('.avro.timestamp_mapping.legacy'));
  return entry === undefined ? undefined : entry[1].trim().toLowerCase() !== 'false';
}

/** An Avro record schema (.avsc text) as a catalog table whose physical columns are the record's fields. */
export function parseAvroSchema(
  text: string,
  fileName: string,
  options: AvroTableOptions = {},
): { readonly entries: CatalogEntries; readonly errors: CatalogLoadError[] } {
  const empty: CatalogEntries = { tables: [], views: [], functions: [] };
  const parsed = parseLocated(text, fileName, 'json');
  if (!parsed.ok) return { entries: empty, errors: [{ ...parsed.error, code: C.catalogInvalidAvro.code, message: parsed.error.message }] };
  const sink = new ErrorSink(fileName, parsed.doc);
  const connectorOptions = normalizeOptions(options.connectorOptions);
  const table = avroTable(parsed.doc.value, '', sink, {
    ...options,
    legacyTimestampMapping: options.legacyTimestampMapping ?? legacyMappingFromOptions(connectorOptions),
  }, connectorOptions, fileName);
  return { entries: table === null ? empty : { tables: [table], views: [], functions: [] }, errors: sink.errors };
}

export function normalizeOptions(options: AvroTableOptions['connectorOptions']): (readonly [string, string])[] {
  if (options === undefined) return [];
  if (Array.isArray(options)) return options.map(([k, v]) => [k, v] as const);
  return Object.entries(options as Readonly<Record<string, string>>).map(([k, v]) => [k, String(v)] as const);
}

/** The columns of a top-level Avro record (also used for `avro:` in catalog documents). */
export function avroColumns(schema: unknown, path: string, sink: ErrorSink, options: AvroOptions): { name: string; columns: CatalogColumn[] } | null {
  let value = schema;
  if (value === null) return null; // already reported
  if (typeof value === 'string' && value.trim().startsWith('{')) {
    try {
      value = JSON.parse(value);
    } catch (e) {
      sink.add(path, `the Avro schema text is not valid JSON: ${e instanceof Error ? e.message : String(e)}`, C.catalogInvalidAvro.code);
      return null;
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !['record', 'error'].includes(String((value as Record<string, unknown>)['type']))) {
    sink.add(path, 'a table needs an Avro record schema (`"type": "record"` with `fields`)', C.catalogInvalidAvro.code);
    return null;
  }
  const record = new AvroConverter(sink, options).convertRecord(value as Record<string, unknown>, path, null);
  if (record === null) return null;
  return {
    name: record.name,
    columns: record.columns.map((c) => ({
      name: c.name, type: c.type, kind: 'physical', expression: null, metadataKey: null, virtual: false, comment: c.doc,
    })),
  };
}

function avroTable(
  schema: unknown,
  path: string,
  sink: ErrorSink,
  options: AvroTableOptions,
  connectorOptions: readonly (readonly [string, string])[],
  fileName: string,
): CatalogTable | null {
  const record = avroColumns(schema, path, sink, options.legacyTimestampMapping === undefined ? {} : { legacyTimestampMapping: options.legacyTimestampMapping });
  if (record === null) return null;
  return {
    kind: 'table',
    id: { catalog: options.catalog ?? 'default_catalog', database: options.database ?? 'default_database', name: options.tableName ?? record.name },
    columns: record.columns,
    watermark: null,
    primaryKey: null,
    partitionKeys: [],
    options: connectorOptions,
    comment: null,
    temporary: false,
    origin: { file: fileName, span: null },
  };
}
