import type { OutputColumn } from '../analysis/schema.js';
import { printType, type LogicalType, type RowType } from '../analysis/types/logical-type.js';

/**
 * Flink table schema -> Avro schema, as Flink's AvroSchemaConverter.convertToSchema derives the
 * schema an `avro` / `avro-confluent` sink writes:
 *
 * - a nullable type becomes the union `["null", T]`, and a nullable record field gets `"default": null`;
 * - TINYINT, SMALLINT, INT -> int; BIGINT -> long; CHAR/VARCHAR -> string; BINARY/VARBINARY -> bytes;
 * - DECIMAL(p, s) -> bytes with logicalType decimal; DATE -> int date; TIME(p <= 3) -> int time-millis;
 * - TIMESTAMP(p): legacy mapping (Flink's default, `timestamp_mapping.legacy = true`) p <= 3 ->
 *   long timestamp-millis; otherwise local-timestamp-millis / -micros (p <= 6);
 * - TIMESTAMP_LTZ(p): not supported under the legacy mapping; otherwise timestamp-millis / -micros;
 * - ROW -> record: the top level is named `org.apache.flink.avro.generated.record`, a nested row
 *   `{enclosing record name}_{field}` (so `record_address`, `record_address_geo`), which keeps the
 *   names unique within one schema;
 * - ARRAY -> array; MAP (string keys only) -> map; MULTISET<T> (string T only) -> map of nullable int.
 *
 * Flink quirk kept on purpose: array elements and map values are converted with the legacy
 * timestamp mapping whatever the option says (the converter drops the flag there).
 *
 * Types Avro cannot represent are collected as problems (with the column path) instead of thrown,
 * so one unsupported column does not hide the rest of the schema.
 */

export type AvroPrimitive = 'null' | 'boolean' | 'int' | 'long' | 'float' | 'double' | 'bytes' | 'string';

export interface AvroField {
  readonly name: string;
  readonly type: AvroSchema;
  readonly default?: unknown;
  readonly aliases?: readonly string[];
  readonly doc?: string;
}

export interface AvroRecord {
  readonly type: 'record';
  readonly name: string;
  readonly namespace?: string;
  readonly aliases?: readonly string[];
  readonly doc?: string;
  readonly fields: readonly AvroField[];
}

export interface AvroEnum {
  readonly type: 'enum';
  readonly name: string;
  readonly namespace?: string;
  readonly aliases?: readonly string[];
  readonly symbols: readonly string[];
  readonly default?: string;
}

export interface AvroFixed {
  readonly type: 'fixed';
  readonly name: string;
  readonly namespace?: string;
  readonly aliases?: readonly string[];
  readonly size: number;
  readonly logicalType?: string;
  readonly precision?: number;
  readonly scale?: number;
}

export interface AvroArray {
  readonly type: 'array';
  readonly items: AvroSchema;
}

export interface AvroMap {
  readonly type: 'map';
  readonly values: AvroSchema;
}

/** A primitive with a logical type annotation, e.g. `{"type": "long", "logicalType": "timestamp-millis"}`. */
export interface AvroAnnotated {
  readonly type: AvroPrimitive;
  readonly logicalType?: string;
  readonly precision?: number;
  readonly scale?: number;
}

/** An Avro schema in its JSON form (a primitive name, a named-type reference, a union, or an object). */
export type AvroSchema =
  | AvroPrimitive
  | string
  | readonly AvroSchema[]
  | AvroRecord
  | AvroEnum
  | AvroFixed
  | AvroArray
  | AvroMap
  | AvroAnnotated;

export interface AvroExportOptions {
  /** Full name of the top-level record (default Flink's `org.apache.flink.avro.generated.record`). */
  readonly recordName?: string;
  /** Flink's `avro.timestamp_mapping.legacy` (default true, as in Flink). */
  readonly legacyTimestampMapping?: boolean;
}

export interface AvroExportProblem {
  /** The column path, e.g. `payload.created_at` or `tags[]`. */
  readonly path: string;
  readonly type: string;
  /** Why Avro cannot hold the type, in plain words. */
  readonly reason: string;
}

export interface AvroExportResult {
  /** The schema, or null when some column cannot be represented (see problems). */
  readonly schema: AvroRecord | null;
  readonly problems: readonly AvroExportProblem[];
}

export const FLINK_AVRO_RECORD_NAME = 'org.apache.flink.avro.generated.record';

/** The Avro schema a Flink Avro sink derives for rows with these columns (the row itself is NOT NULL). */
export function toAvroSchema(columns: readonly OutputColumn[], options: AvroExportOptions = {}): AvroExportResult {
  const row: RowType = {
    root: 'ROW',
    nullable: false,
    fields: columns.map((c) => ({ name: c.name, type: c.type, description: null })),
  };
  const problems: AvroExportProblem[] = [];
  const converter = new Converter(problems);
  const schema = converter.convert(row, options.recordName ?? FLINK_AVRO_RECORD_NAME, options.legacyTimestampMapping ?? true, '', null);
  return { schema: problems.length === 0 ? (schema as AvroRecord) : null, problems };
}

/** Pretty JSON of a schema, as written to a .avsc file. */
export function printAvroSchema(schema: AvroSchema): string {
  return JSON.stringify(schema, null, 2);
}

/** Splits `a.b.c` into namespace `a.b` and name `c`, as Avro's Schema.Name does. */
function splitFullName(fullName: string): { name: string; namespace: string | null } {
  const dot = fullName.lastIndexOf('.');
  return dot < 0 ? { name: fullName, namespace: null } : { name: fullName.slice(dot + 1), namespace: fullName.slice(0, dot) };
}

const SIMPLE: Partial<Record<LogicalType['root'], AvroPrimitive>> = {
  BOOLEAN: 'boolean',
  TINYINT: 'int',
  SMALLINT: 'int',
  INTEGER: 'int',
  BIGINT: 'long',
  FLOAT: 'float',
  DOUBLE: 'double',
  CHAR: 'string',
  VARCHAR: 'string',
  BINARY: 'bytes',
  VARBINARY: 'bytes',
};

class Converter {
  constructor(private readonly problems: AvroExportProblem[]) {}

  /**
   * `enclosingNamespace` is the namespace in effect where the schema is written: like Avro's own
   * JSON writer, a nested record in the same namespace omits `namespace`.
   */
  convert(type: LogicalType, rowName: string, legacy: boolean, path: string, enclosingNamespace: string | null): AvroSchema {
    const base = this.convertNotNull(type, rowName, legacy, path, enclosingNamespace);
    if (!type.nullable || base === 'null') return base;
    return ['null', base];
  }

  private convertNotNull(type: LogicalType, rowName: string, legacy: boolean, path: string, ns: string | null): AvroSchema {
    const simple = SIMPLE[type.root];
    if (simple !== undefined) return simple;
    switch (type.root) {
      case 'NULL':
        return 'null';
      case 'DECIMAL':
        return { type: 'bytes', logicalType: 'decimal', precision: type.precision, scale: type.scale };
      case 'DATE':
        return { type: 'int', logicalType: 'date' };
      case 'TIME':
        if (type.precision > 3) return this.problem(path, type, 'Avro time-millis holds TIME precision up to 3');
        return { type: 'int', logicalType: 'time-millis' };
      case 'TIMESTAMP_WITHOUT_TIME_ZONE':
        if (legacy) {
          if (type.precision <= 3) return { type: 'long', logicalType: 'timestamp-millis' };
          return this.problem(path, type, 'with the legacy timestamp mapping (Flink\'s default) Avro holds TIMESTAMP precision up to 3; cast to TIMESTAMP(3)');
        }
        if (type.precision <= 3) return { type: 'long', logicalType: 'local-timestamp-millis' };
        if (type.precision <= 6) return { type: 'long', logicalType: 'local-timestamp-micros' };
        return this.problem(path, type, 'Avro holds TIMESTAMP precision up to 6');
      case 'TIMESTAMP_WITH_LOCAL_TIME_ZONE':
        if (legacy) {
          return this.problem(path, type, 'the legacy timestamp mapping (Flink\'s default) has no Avro type for TIMESTAMP_LTZ; cast to TIMESTAMP(3) or set `avro.timestamp_mapping.legacy` to false');
        }
        if (type.precision <= 3) return { type: 'long', logicalType: 'timestamp-millis' };
        if (type.precision <= 6) return { type: 'long', logicalType: 'timestamp-micros' };
        return this.problem(path, type, 'Avro holds TIMESTAMP_LTZ precision up to 6');
      case 'ROW': {
        const { name, namespace } = splitFullName(rowName);
        const fields: AvroField[] = type.fields.map((f) => {
          const fieldType = this.convert(f.type, `${rowName}_${f.name}`, legacy, joinPath(path, f.name), namespace);
          return f.type.nullable ? { name: f.name, type: fieldType, default: null } : { name: f.name, type: fieldType };
        });
        return namespace !== null && namespace !== ns ? { type: 'record', name, namespace, fields } : { type: 'record', name, fields };
      }
      case 'ARRAY':
        return { type: 'array', items: this.convert(type.element, rowName, true, `${path}[]`, ns) };
      case 'MAP':
      case 'MULTISET': {
        const key = type.root === 'MAP' ? type.key : type.element;
        if (key.root !== 'CHAR' && key.root !== 'VARCHAR') {
          return this.problem(path, type, `Avro maps have string keys; the key type here is ${printType(key)}`);
        }
        const value: LogicalType = type.root === 'MAP' ? type.value : { root: 'INTEGER', nullable: true };
        return { type: 'map', values: this.convert(value, rowName, true, `${path}{}`, ns) };
      }
      case 'UNKNOWN':
        return this.problem(path, type, 'its type could not be inferred, so its Avro type is unknown');
      default:
        return this.problem(path, type, `Avro has no type for ${type.root === 'RAW' ? 'RAW values' : printType(type)}`);
    }
  }

  private problem(path: string, type: LogicalType, reason: string): AvroSchema {
    this.problems.push({ path: path === '' ? '(row)' : path, type: printType(type), reason });
    return 'null';
  }
}

function joinPath(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`;
}
