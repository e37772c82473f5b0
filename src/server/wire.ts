/**
 * The messages of proto/flinkcheck/v1/validation_service.proto as plain objects, as
 * @grpc/proto-loader hands them over with keepCase, enums as strings, defaults filled in and the
 * name of the set oneof member in the oneof's own field.
 */

export interface WireCatalog {
  readonly source?: 'structured' | 'ddl' | 'avro';
  readonly structured?: { readonly tables: readonly WireTable[] } | null;
  readonly ddl?: string;
  readonly avro?: WireAvroTable | null;
}

export interface WireAvroTable {
  readonly table_name: string;
  readonly schema: string;
  readonly options: readonly WireOption[];
}

export interface WireTable {
  readonly name: string;
  readonly columns: readonly WireColumn[];
  readonly watermark?: { readonly column: string; readonly expression: string } | null;
  readonly primary_key: readonly string[];
  readonly partition_keys: readonly string[];
  readonly options: readonly WireOption[];
  readonly comment: string;
}

export interface WireColumn {
  readonly name: string;
  readonly type: string;
  readonly kind: 'COLUMN_KIND_UNSPECIFIED' | 'COLUMN_KIND_PHYSICAL' | 'COLUMN_KIND_COMPUTED' | 'COLUMN_KIND_METADATA';
  readonly expression: string;
  readonly metadata_key: string;
  readonly virtual: boolean;
  readonly comment: string;
}

export interface WireOption {
  readonly key: string;
  readonly value: string;
}

export interface WireRuleOverride {
  readonly rule: string;
  readonly level: string;
}

export interface WireValidateScriptRequest {
  readonly sql: string;
  readonly catalogs: readonly WireCatalog[];
  readonly catalog_ids: readonly string[];
  readonly profile: string;
  readonly rule_overrides: readonly WireRuleOverride[];
}

export interface WireValidateStreamRequest {
  readonly document_id: string;
  readonly version: number;
  readonly content?: 'sql' | 'changes';
  readonly sql?: string;
  readonly changes?: { readonly changes: readonly { readonly start_offset: number; readonly end_offset: number; readonly text: string }[] } | null;
  readonly catalogs: readonly WireCatalog[];
  readonly catalog_ids: readonly string[];
  readonly profile: string;
  readonly rule_overrides: readonly WireRuleOverride[];
}

export interface WirePosition {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

export interface WireRange {
  readonly start: WirePosition;
  readonly end: WirePosition;
}

export interface WireDiagnostic {
  readonly code: string;
  readonly severity: string;
  readonly category: string;
  readonly message: string;
  readonly hint: string;
  readonly range: WireRange;
  readonly related: readonly { readonly range: WireRange; readonly message: string }[];
  readonly fixes: readonly { readonly title: string; readonly edits: readonly { readonly range: WireRange; readonly text: string }[]; readonly applicability: string }[];
}

export interface WireStatement {
  readonly index: number;
  readonly kind: string;
  readonly range: WireRange;
  readonly analyzed: boolean;
  readonly output_columns: readonly { readonly name: string; readonly type: string; readonly nullable: boolean; readonly time_attribute: string }[];
  readonly changelog_mode: { readonly updates: boolean; readonly deletes: boolean; readonly summary: string } | null;
  readonly keys: readonly { readonly columns: readonly string[] }[];
  readonly target: string;
}

export interface WireValidateScriptResponse {
  readonly diagnostics: readonly WireDiagnostic[];
  readonly statements: readonly WireStatement[];
  readonly error_count: number;
  readonly warning_count: number;
}

export interface WireExplainErrorRequest {
  readonly error_text: string;
  readonly sql: string;
  readonly catalogs: readonly WireCatalog[];
  readonly catalog_ids: readonly string[];
}

export interface WireExplainErrorResponse {
  readonly recognised: boolean;
  readonly kind: string;
  readonly flink_message: string;
  readonly flink_line: number;
  readonly flink_column: number;
  readonly diagnostic: WireDiagnostic | null;
  readonly from_validation: boolean;
  readonly translated_message: string;
  readonly translated_hint: string;
}
