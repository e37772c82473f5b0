import type { Span } from '../../source/span.js';
import type { ChangelogMode } from '../schema.js';
import type { LogicalType } from '../types/logical-type.js';

/**
 * Catalog objects as data. They come from three places: DDL in the script, a catalog document
 * (JSON/YAML), and Avro schemas; all three produce these shapes.
 */

/** A fully qualified object name, case-sensitive, as Flink's ObjectIdentifier. */
export interface ObjectIdentifier {
  readonly catalog: string;
  readonly database: string;
  readonly name: string;
}

export function printIdentifier(id: ObjectIdentifier): string {
  return `${id.catalog}.${id.database}.${id.name}`;
}

/** Where an object was defined, for related spans and messages ("`clicks` is defined here"). */
export interface Origin {
  /** A catalog file, or null for the script itself. */
  readonly file: string | null;
  readonly span: Span | null;
}

export type ColumnKind = 'physical' | 'computed' | 'metadata';

export interface CatalogColumn {
  readonly name: string;
  readonly type: LogicalType;
  readonly kind: ColumnKind;
  /** The SQL expression of a computed column. */
  readonly expression: string | null;
  /** METADATA FROM 'key' (null: the column's name is the key). */
  readonly metadataKey: string | null;
  /** METADATA ... VIRTUAL: read-only, not part of the sink schema. */
  readonly virtual: boolean;
  readonly comment: string | null;
}

export interface WatermarkSpec {
  /** The rowtime column (may be a nested path joined with '.'). */
  readonly column: string;
  /** The watermark strategy expression as SQL text. */
  readonly expression: string;
}

export interface PrimaryKey {
  readonly name: string | null;
  readonly columns: readonly string[];
}

export interface CatalogTable {
  readonly kind: 'table';
  readonly id: ObjectIdentifier;
  readonly columns: readonly CatalogColumn[];
  readonly watermark: WatermarkSpec | null;
  readonly primaryKey: PrimaryKey | null;
  readonly partitionKeys: readonly string[];
  /** WITH options, in declaration order (keys are case-sensitive, as in Flink). */
  readonly options: readonly (readonly [string, string])[];
  readonly comment: string | null;
  readonly temporary: boolean;
  readonly origin: Origin;
}

export interface CatalogView {
  readonly kind: 'view';
  readonly id: ObjectIdentifier;
  /** The resolved columns of the view's query. */
  readonly columns: readonly { readonly name: string; readonly type: LogicalType }[];
  /** The view's query text, when known. */
  readonly query: string | null;
  /** What reading the view emits, when the script defined it (a view is inlined into the query that reads it). */
  readonly changelog?: ChangelogMode;
  readonly updatingSource?: { readonly span: Span; readonly what: string } | null;
  readonly temporary: boolean;
  readonly origin: Origin;
}

export type FunctionKind = 'scalar' | 'aggregate' | 'table' | 'process-table';

export interface FunctionParameter {
  readonly name: string | null;
  readonly type: LogicalType;
  readonly optional: boolean;
}

export interface FunctionSignature {
  readonly parameters: readonly FunctionParameter[];
  /** A last parameter that repeats (varargs). */
  readonly variadic: boolean;
  /** For table functions: a ROW type with the produced columns. */
  readonly returns: LogicalType;
}

export interface CatalogFunction {
  readonly id: ObjectIdentifier;
  readonly kind: FunctionKind;
  /** Declared signatures; empty when unknown (CREATE FUNCTION without a signature): any arguments, UNKNOWN result. */
  readonly signatures: readonly FunctionSignature[];
  readonly className: string | null;
  readonly language: string | null;
  readonly temporary: boolean;
  readonly system: boolean;
  readonly origin: Origin;
}

/** What a catalog document or an Avro file contributes to the catalog. */
export interface CatalogEntries {
  readonly tables: readonly CatalogTable[];
  readonly views: readonly CatalogView[];
  readonly functions: readonly CatalogFunction[];
}
