import type { ChangelogMode } from '../schema.js';

/**
 * Connector and format options as data, following the ConfigOption declarations of Flink's
 * factories (KafkaConnectorOptions, FileSystemConnectorOptions, JsonFormatOptions, ...).
 */

/** How Flink reads an option's string value (ConfigurationUtils / TimeUtils / MemorySize). */
export type OptionType =
  | { readonly kind: 'string' }
  | { readonly kind: 'int'; readonly min?: number }
  | { readonly kind: 'long'; readonly min?: number }
  | { readonly kind: 'float' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'duration' }
  | { readonly kind: 'memory' }
  /** enumType options match case-insensitively; string options checked by hand in a factory may not. */
  | { readonly kind: 'enum'; readonly values: readonly string[]; readonly caseSensitive?: boolean }
  /** One character after Java unescaping (CSV delimiters). */
  | { readonly kind: 'char' }
  /** A `;`-separated list of the table's physical columns (kafka key.fields). */
  | { readonly kind: 'columns' }
  | { readonly kind: 'pattern'; readonly regex: RegExp; readonly expected: string };

export interface OptionSpec {
  readonly key: string;
  readonly type: OptionType;
  readonly required?: boolean;
  readonly defaultValue?: string;
  /** Older keys Flink still reads for this option (ConfigOption#withFallbackKeys / withDeprecatedKeys). */
  readonly fallbackKeys?: readonly string[];
  /** The option still works but is deprecated: what to use instead. */
  readonly deprecatedBy?: string;
}

/** Rules between options, as data. Keys are relative to the options' owner (format rules get the format prefix). */
export type OptionRule =
  /** At most one of the keys may be set. */
  | { readonly kind: 'exclusive'; readonly keys: readonly string[]; readonly why: string }
  /** Either all of the keys or none. */
  | { readonly kind: 'allOrNone'; readonly keys: readonly string[]; readonly why: string }
  /** When `key` is set (and equals one of `values`, compared case-insensitively, if given), every key in `needs` must be set. */
  | {
      readonly kind: 'requires';
      readonly key: string;
      readonly values?: readonly string[];
      readonly needs: readonly string[];
      readonly why: string;
    }
  /** `key` may only be set when `other` has one of `values` (case-insensitive); `otherDefault` applies when it is not set. */
  | {
      readonly kind: 'onlyWhen';
      readonly key: string;
      readonly other: string;
      readonly values: readonly string[];
      readonly otherDefault: string;
      readonly why: string;
    }
  /** At least one of the keys must be set. */
  | { readonly kind: 'anyOf'; readonly keys: readonly string[]; readonly why: string }
  /** Numeric or duration options that are either all above zero or all zero/unset (upsert-kafka buffering). */
  | { readonly kind: 'positiveTogether'; readonly keys: readonly string[]; readonly why: string }
  /** The first numeric option must not be larger than the second. */
  | { readonly kind: 'notGreater'; readonly keys: readonly [string, string]; readonly why: string }
  /** Both boolean options must not be true together. */
  | { readonly kind: 'notBothTrue'; readonly keys: readonly [string, string]; readonly why: string };

/** A place in the WITH clause that names a format: `format`, `value.format`, `key.format`. */
export interface FormatSlot {
  /** The option keys naming the format, in priority order (value.format falls back to format). */
  readonly keys: readonly string[];
  readonly role: 'value' | 'key';
  readonly required: boolean;
  /** Only insert-only formats are allowed here (keys, upsert-kafka). */
  readonly insertOnly: boolean;
}

/** Keys under these prefixes pass through unchecked (`properties.*` go to the Kafka client). */
export interface OptionPrefix {
  readonly prefix: string;
  readonly description: string;
}

/** Options whose key embeds a column name: `fields.<column>.<suffix>` (datagen). */
export interface ColumnOptions {
  readonly prefix: string;
  readonly options: readonly OptionSpec[];
  /** Rules per column, keys relative to `<prefix><column>.`. */
  readonly rules: readonly OptionRule[];
}

export interface SinkCapabilities {
  readonly acceptsUpdates: boolean;
  readonly acceptsDeletes: boolean;
  /** The sink cannot be declared without a PRIMARY KEY (upsert-kafka). */
  readonly requiresPrimaryKey: boolean;
  /** Updates and deletes are written by key, so an updating query needs a PRIMARY KEY on the sink (jdbc). */
  readonly updatesNeedPrimaryKey: boolean;
}

export interface ConnectorSpec {
  readonly name: string;
  readonly summary: string;
  readonly options: readonly OptionSpec[];
  readonly prefixes: readonly OptionPrefix[];
  readonly columnOptions?: ColumnOptions;
  readonly formats: readonly FormatSlot[];
  /**
   * Format options are passed to the format without checking names (FileSystemTableFactory
   * validates everything except the `<format>.` prefix, since parquet/orc take Hadoop options).
   */
  readonly formatOptionsUnchecked?: boolean;
  readonly rules: readonly OptionRule[];
  readonly source: boolean;
  /** The source's changelog when no format decides it; null: the value format decides. */
  readonly sourceChangelog: ChangelogMode | null;
  /** The sink's capabilities; null: the value format decides (kafka, filesystem). */
  readonly sink: SinkCapabilities | null;
  readonly canSink: boolean;
  /** Key bound to PRIMARY KEY rules. */
  readonly primaryKey: 'required' | 'insert-only-format-forbids' | 'allowed';
  readonly supportsPartitioning: boolean;
  /**
   * The metadata keys a METADATA column may read or write (listReadableMetadata /
   * listWritableMetadata); with `valueFormat`, also the value format's keys under `value.`.
   * Undefined: not known to flinkcheck, so not checked.
   */
  readonly metadata?: { readonly readable: readonly string[]; readonly writable: readonly string[]; readonly valueFormat?: boolean };
}

export interface FormatSpec {
  readonly name: string;
  /** Options without the `<format>.` prefix. */
  readonly options: readonly OptionSpec[];
  readonly rules: readonly OptionRule[];
  /** What a source reading this format produces. */
  readonly changelog: ChangelogMode;
  /** Whether a sink writing this format can encode update and delete rows. */
  readonly encodesChanges: boolean;
  /** The format maps the whole record to exactly one physical column (raw). */
  readonly singlePhysicalColumn?: boolean;
  /** Any option under the prefix is accepted (parquet/orc hand them to Hadoop). */
  readonly openOptions?: boolean;
  /** The metadata keys the format can read (a connector offers them as `value.<key>`); undefined: not known. */
  readonly metadata?: readonly string[];
}
