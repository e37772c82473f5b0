import type { CodeInfo } from '../../diagnostics/codes/entry.js';
import { catalogCodes as C } from '../../diagnostics/codes/catalog.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { closestMatches } from '../../diagnostics/suggest.js';
import type { Span } from '../../source/span.js';
import type { ColumnKind } from '../catalog/model.js';
import type { LogicalType } from '../types/logical-type.js';
import { CONNECTORS, UNCHECKED_CONNECTORS, connectorSpec, isTestConnector } from './connectors.js';
import { FORMATS, formatPassThroughPrefixes, formatSpec } from './formats.js';
import type { ConnectorSpec, FormatSpec, FormatSlot, OptionRule, OptionSpec } from './spec.js';
import { checkOptionValue } from './values.js';

/** One `'key' = 'value'` of a WITH clause (or of a catalog table's options, without spans). */
export interface ConnectorOptionInput {
  readonly key: string;
  readonly value: string;
  readonly keySpan?: Span | null;
  readonly valueSpan?: Span | null;
}

export interface ConnectorColumnInput {
  readonly name: string;
  readonly type?: LogicalType | null;
  /** physical when omitted. */
  readonly kind?: ColumnKind;
  /** A metadata column's key (`METADATA FROM 'key'`, else its name). */
  readonly metadataKey?: string | null;
  /** Where a metadata column's key is written (or its name), for the diagnostic. */
  readonly metadataSpan?: Span | null;
  /** A VIRTUAL metadata column is only read, never written. */
  readonly virtual?: boolean;
}

export interface ConnectorCheckInput {
  readonly options: readonly ConnectorOptionInput[];
  /** The WITH clause (or the table), where diagnostics about missing options point. */
  readonly withSpan: Span;
  readonly columns: readonly ConnectorColumnInput[];
  /** PRIMARY KEY column names, or null without a primary key. */
  readonly primaryKey: readonly string[] | null;
  readonly partitionKeys: readonly string[];
  readonly tableName: string;
  readonly primaryKeySpan?: Span | null;
  readonly partitionSpan?: Span | null;
  /**
   * Whether the script reads or writes the table. Flink checks options only when a table is used,
   * so for a table that is only declared, missing options (an incomplete table) are warnings;
   * mistakes in the options that are given stay errors. Default true.
   */
  readonly used?: boolean;
  /** Whether the script writes the table (INSERT INTO): its persisted metadata columns must be writable. */
  readonly written?: boolean;
}

interface PresentOption {
  readonly key: string;
  readonly value: string;
  readonly keySpan: Span;
  readonly valueSpan: Span;
}

/** A known option under its full key (format options carry their `<format>.` prefix). */
interface KnownOption {
  readonly spec: OptionSpec;
  readonly fullKey: string;
  /** Whose option it is, for messages: "the kafka connector", "the json format". */
  readonly owner: string;
}

/** Formats named in hints (the full list is long). */
const COMMON_FORMATS = ['json', 'csv', 'avro', 'avro-confluent', 'raw', 'debezium-json', 'parquet'];

function quote(text: string): string {
  return `'${text}'`;
}

function list(items: readonly string[]): string {
  return items.map(quote).join(', ');
}

/**
 * Validates a table's connector options as Flink's factories would when the table is used
 * (FactoryUtil.TableFactoryHelper#validate plus each factory's own checks). Only connectors and
 * formats in the data tables are checked; others are left alone.
 */
export function checkConnectorOptions(input: ConnectorCheckInput): Diagnostic[] {
  return new OptionChecker(input).run();
}

class OptionChecker {
  private readonly out: Diagnostic[] = [];
  private readonly present = new Map<string, PresentOption>();
  private readonly known = new Map<string, KnownOption>();
  private readonly consumed = new Set<string>();
  /** Prefixes under which any key is accepted. */
  private readonly openPrefixes: string[] = [];
  /**
   * Prefixes whose unknown keys Flink does not reject but ignores (the file system connector leaves
   * format options to the format): reported as warnings.
   */
  private readonly lenientPrefixes: string[] = [];
  private connectorOption: PresentOption | undefined;

  constructor(private readonly input: ConnectorCheckInput) {}

  run(): Diagnostic[] {
    this.collect();
    const connector = this.present.get('connector');
    this.connectorOption = connector;
    if (connector === undefined) {
      this.report(
        C.connectorMissing,
        `Table \`${this.input.tableName}\` has no 'connector' option; it can be declared, but reading or writing it will fail`,
        this.input.withSpan,
        `add 'connector' = '...' to the WITH clause (for example ${list(CONNECTORS.slice(0, 4).map((c) => c.name))})`,
      );
      return this.out;
    }
    const spec = connectorSpec(connector.value);
    if (spec === undefined) {
      this.unknownConnector(connector);
      return this.out;
    }
    this.consumed.add('connector');
    for (const option of spec.options) this.addKnown(option, '', `the ${spec.name} connector`);
    for (const p of spec.prefixes) this.openPrefixes.push(p.prefix);
    const formats = this.resolveFormats(spec);
    this.checkColumnOptions(spec);
    this.checkUnknown(spec, formats);
    this.checkValues();
    this.checkRequired(spec.options, '', `the ${spec.name} connector`);
    this.applyRules(spec.rules, '');
    for (const f of formats) {
      if (f.spec === null) continue;
      this.checkRequired(f.spec.options, f.prefix, `the ${f.spec.name} format`);
      this.applyRules(f.spec.rules, f.prefix);
    }
    this.checkPrimaryKey(spec, formats);
    this.checkFormatColumns(formats);
    this.checkPartitioning(spec);
    this.checkMetadata(spec, formats);
    return this.out;
  }

  /**
   * Every METADATA column must name a key the connector (or its value format, as `value.<key>`)
   * offers: Flink checks this when the table is read or written (DynamicSourceUtils /
   * DynamicSinkUtils, "Invalid metadata key").
   */
  private checkMetadata(spec: ConnectorSpec, formats: readonly ResolvedFormat[]): void {
    const metadata = spec.metadata;
    if (metadata === undefined) return;
    const valueFormat = formats.find((f) => f.slot.role === 'value');
    const formatKeys = metadata.valueFormat === true ? valueFormat?.spec?.metadata : [];
    if (formatKeys === undefined && valueFormat !== undefined) return; // a format whose metadata flinkcheck does not know
    const keys = [...new Set([...metadata.readable, ...metadata.writable]), ...(formatKeys ?? []).map((k) => `value.${k}`)];
    for (const column of this.input.columns) {
      if (column.kind !== 'metadata') continue;
      const key = column.metadataKey ?? column.name;
      if (keys.includes(key)) {
        // DynamicSinkUtils: a persisted (non-VIRTUAL) metadata column is written on INSERT.
        if (this.input.written === true && column.virtual !== true && !metadata.writable.includes(key)) {
          this.report(
            C.unknownMetadataKey,
            `Column \`${column.name}\` is written as metadata ${quote(key)} when the script inserts into \`${this.input.tableName}\`, but the ${spec.name} connector can only read it`,
            column.metadataSpan ?? this.input.withSpan,
            `declare the column VIRTUAL to read it only${metadata.writable.length > 0 ? `; the connector writes ${list(metadata.writable)}` : ''}`,
          );
        }
        continue;
      }
      const close = closestMatches(key, keys, 1);
      this.report(
        C.unknownMetadataKey,
        keys.length === 0
          ? `Column \`${column.name}\` reads metadata ${quote(key)}, but the ${spec.name} connector offers no metadata`
          : `Column \`${column.name}\` reads metadata ${quote(key)}, which the ${spec.name} connector${formatKeys !== undefined && formatKeys.length > 0 ? ` and its ${valueFormat!.option.value} format do` : ' does'} not offer`,
        column.metadataSpan ?? this.input.withSpan,
        keys.length === 0
          ? 'remove the METADATA column, or compute the value from physical columns'
          : close.length > 0 ? `did you mean ${quote(close[0]!)}? The keys are ${list(keys)}` : `the keys are ${list(keys)}`,
        undefined,
        this.input.used === false ? 'warning' : undefined,
      );
    }
  }

  // ------------------------------------------------------------------------------ collection

  private collect(): void {
    for (const o of this.input.options) {
      const keySpan = o.keySpan ?? this.input.withSpan;
      const valueSpan = o.valueSpan ?? keySpan;
      const previous = this.present.get(o.key);
      if (previous !== undefined) {
        this.report(
          C.duplicateOption,
          `Option ${quote(o.key)} is given more than once; Flink keeps the last value ${quote(o.value)}`,
          keySpan,
          'remove one of the two entries',
          [{ span: previous.keySpan, message: 'first given here' }],
        );
      }
      this.present.set(o.key, { key: o.key, value: o.value, keySpan, valueSpan });
    }
  }

  private addKnown(spec: OptionSpec, prefix: string, owner: string): void {
    this.known.set(prefix + spec.key, { spec, fullKey: prefix + spec.key, owner });
    for (const fallback of spec.fallbackKeys ?? []) {
      this.known.set(prefix + fallback, { spec, fullKey: prefix + spec.key, owner });
    }
  }

  private unknownConnector(connector: PresentOption): void {
    const name = connector.value;
    if (isTestConnector(name) || UNCHECKED_CONNECTORS.includes(name)) return;
    const candidates = [...CONNECTORS.map((c) => c.name), ...UNCHECKED_CONNECTORS];
    const close = closestMatches(name, candidates, 3);
    const sameButCase = close.find((c) => c.toLowerCase() === name.toLowerCase());
    if (sameButCase !== undefined) {
      // Flink looks factories up by exact identifier: 'Kafka' is not found.
      this.report(
        C.unknownConnector,
        `Connector ${quote(name)} does not exist: connector names are case-sensitive`,
        connector.valueSpan,
        `write ${quote(sameButCase)}`,
        undefined,
        'error',
      );
      return;
    }
    this.report(
      C.unknownConnector,
      `Connector ${quote(name)} is not one flinkcheck knows; its options are not checked`,
      connector.valueSpan,
      close.length > 0
        ? `did you mean ${close.map(quote).join(' or ')}?`
        : `connectors checked here: ${list(CONNECTORS.map((c) => c.name))}; make sure the connector's jar is on Flink's classpath`,
      undefined,
      // A name close to a known connector is probably a typo; any other name is a connector we do not know.
      close.length > 0 ? 'warning' : 'info',
    );
  }

  // ------------------------------------------------------------------------------ formats

  private resolveFormats(spec: ConnectorSpec): ResolvedFormat[] {
    const resolved: ResolvedFormat[] = [];
    for (const slot of spec.formats) {
      const key = slot.keys.find((k) => this.present.has(k));
      if (key === undefined) {
        if (slot.required) {
          this.report(
            C.formatMissing,
            `The ${spec.name} connector needs a ${slot.role === 'key' ? 'key format' : 'format'}: set ${slot.keys.map(quote).join(' or ')}`,
            this.connectorOption!.valueSpan,
            `add for example ${quote(slot.keys[0]!)} = 'json'; common formats: ${list(FORMATS.filter((f) => COMMON_FORMATS.includes(f.name) && (!slot.insertOnly || isInsertOnlyFormat(f))).map((f) => f.name))}`,
          );
        }
        continue;
      }
      for (const k of slot.keys) this.consumed.add(k);
      const option = this.present.get(key)!;
      const prefix = key.slice(0, key.length - 'format'.length) + option.value + '.';
      const format = formatSpec(option.value);
      resolved.push({ slot, key, option, prefix, spec: format ?? null });
      if (format === undefined) {
        const close = closestMatches(option.value, FORMATS.map((f) => f.name), 3);
        const sameButCase = close.find((c) => c.toLowerCase() === option.value.toLowerCase());
        this.report(
          C.unknownFormat,
          sameButCase !== undefined
            ? `Format ${quote(option.value)} does not exist: format names are case-sensitive`
            : `Format ${quote(option.value)} is not one flinkcheck knows; its options are not checked`,
          option.valueSpan,
          sameButCase !== undefined ? `write ${quote(sameButCase)}` : close.length > 0 ? `did you mean ${close.map(quote).join(' or ')}?` : `formats checked here: ${list(FORMATS.map((f) => f.name))}`,
          undefined,
          sameButCase !== undefined ? 'error' : undefined,
        );
        this.openPrefixes.push(prefix);
        continue;
      }
      for (const o of format.options) this.addKnown(o, prefix, `the ${format.name} format`);
      for (const p of formatPassThroughPrefixes(format)) this.openPrefixes.push(prefix + p);
      if (format.openOptions === true) this.openPrefixes.push(prefix);
      else if (spec.formatOptionsUnchecked === true) this.lenientPrefixes.push(prefix);
      if (slot.insertOnly && !isInsertOnlyFormat(format)) {
        this.report(
          C.formatNotSupported,
          slot.role === 'key'
            ? `Key format ${quote(format.name)} produces updates and deletes; a key format must be insert-only`
            : `The ${spec.name} connector cannot use ${quote(format.name)} as its value format: the connector makes the changelog itself and needs an insert-only format`,
          option.valueSpan,
          `use a plain format such as 'json', 'avro' or 'avro-confluent'`,
        );
      }
    }
    return resolved;
  }

  // ------------------------------------------------------------------------------ column options

  private checkColumnOptions(spec: ConnectorSpec): void {
    const co = spec.columnOptions;
    if (co === undefined) return;
    const physical = this.physicalColumns();
    const byColumn = new Map<string, Set<string>>();
    for (const o of this.present.values()) {
      if (!o.key.startsWith(co.prefix)) continue;
      const rest = o.key.slice(co.prefix.length);
      const dot = rest.lastIndexOf('.');
      if (dot <= 0) continue; // left to the unknown-option check
      const column = rest.slice(0, dot);
      const suffix = rest.slice(dot + 1);
      const option = co.options.find((x) => x.key === suffix);
      this.consumed.add(o.key);
      if (option === undefined) {
        const close = closestMatches(suffix, co.options.map((x) => x.key), 2);
        this.report(
          C.unknownOption,
          `Unsupported option ${quote(o.key)} for the ${spec.name} connector`,
          o.keySpan,
          close.length > 0
            ? `did you mean ${close.map((c) => quote(`${co.prefix}${column}.${c}`)).join(' or ')}?`
            : `per-column options are ${list(co.options.map((x) => `${co.prefix}${column}.${x.key}`))}`,
        );
        continue;
      }
      if (!physical.includes(column)) {
        const close = closestMatches(column, physical, 2);
        const isOther = this.input.columns.some((c) => c.name === column);
        this.report(
          C.optionUnknownColumn,
          isOther
            ? `Option ${quote(o.key)} refers to column \`${column}\`, which is computed or metadata; the ${spec.name} connector only generates physical columns`
            : `Option ${quote(o.key)} refers to column \`${column}\`, which table \`${this.input.tableName}\` does not have`,
          o.keySpan,
          close.length > 0 ? `did you mean ${quote(`${co.prefix}${close[0]}.${suffix}`)}?` : `columns: ${physical.map((c) => `\`${c}\``).join(', ')}`,
        );
        continue;
      }
      this.checkValue(o, { spec: option, fullKey: o.key, owner: `the ${spec.name} connector` });
      let seen = byColumn.get(column);
      if (seen === undefined) byColumn.set(column, (seen = new Set()));
      seen.add(suffix);
    }
    for (const column of byColumn.keys()) this.applyRules(co.rules, `${co.prefix}${column}.`);
  }

  // ------------------------------------------------------------------------------ unknown keys

  private checkUnknown(spec: ConnectorSpec, formats: readonly ResolvedFormat[]): void {
    for (const o of this.present.values()) {
      if (this.consumed.has(o.key) || this.known.has(o.key)) continue;
      if (this.openPrefixes.some((p) => o.key.startsWith(p) && o.key.length > p.length)) continue;
      if (this.lenientPrefixes.some((p) => o.key.startsWith(p))) {
        this.report(
          C.unknownOption,
          `Option ${quote(o.key)} is not an option of the format; the ${spec.name} connector passes it on and the format ignores it`,
          o.keySpan,
          this.unknownHint(o.key, spec, formats),
          undefined,
          'warning',
        );
        continue;
      }
      this.report(C.unknownOption, `Unsupported option ${quote(o.key)} for the ${spec.name} connector`, o.keySpan, this.unknownHint(o.key, spec, formats));
    }
  }

  private unknownHint(key: string, spec: ConnectorSpec, formats: readonly ResolvedFormat[]): string {
    const candidates = this.known.keys();
    const close = closestMatches(key, candidates, 3);
    if (close.length > 0) return `did you mean ${close.map(quote).join(' or ')}?`;
    // An option of a format the table does not use ('csv.field-delimiter' with 'format' = 'json').
    const m = /^(?:(key|value)\.)?([a-z-]+)\.(.+)$/.exec(key);
    if (m !== null && formatSpec(m[2]!) !== undefined) {
      const role = m[1] === 'key' ? 'key' : 'value';
      const used = formats.find((f) => f.slot.role === role);
      if (used === undefined) {
        return spec.formats.length === 0
          ? `the ${spec.name} connector does not use a format; remove the option`
          : `this is an option of the ${m[2]} format, but no ${role === 'key' ? 'key ' : ''}format is set`;
      }
      return `this is an option of the ${m[2]} format, but the table's ${role === 'key' ? 'key ' : ''}format is ${quote(used.option.value)}`;
    }
    if (key === 'format' && spec.formats.length === 0) return `the ${spec.name} connector does not use a format; remove the option`;
    const prefixes = spec.prefixes.map((p) => `${quote(p.prefix + '*')} (${p.description})`);
    return `remove it, or check the ${spec.name} connector's documentation for the option's name` +
      (prefixes.length > 0 ? `; pass-through options go under ${prefixes.join(', ')}` : '');
  }

  // ------------------------------------------------------------------------------ values

  private checkValues(): void {
    for (const o of this.present.values()) {
      const known = this.known.get(o.key);
      if (known === undefined) continue;
      if (known.fullKey !== o.key) {
        this.report(
          C.deprecatedOption,
          `Option ${quote(o.key)} is an old name of ${quote(known.fullKey)}`,
          o.keySpan,
          `rename it to ${quote(known.fullKey)}`,
        );
      } else if (known.spec.deprecatedBy !== undefined) {
        this.report(C.deprecatedOption, `Option ${quote(o.key)} is deprecated`, o.keySpan, `use ${known.spec.deprecatedBy} instead`);
      }
      this.checkValue(o, known);
    }
  }

  private checkValue(o: PresentOption, known: KnownOption): void {
    const type = known.spec.type;
    if (type.kind === 'columns') {
      this.checkColumnList(o);
      return;
    }
    const problem = checkOptionValue(o.value, type);
    if (problem === null) return;
    if (problem.allowed !== undefined) {
      const prefixed = problem.allowed.filter((v) => o.value.trim() !== '' && v.toLowerCase().startsWith(o.value.trim().toLowerCase()));
      const close = prefixed.length === 1 ? prefixed : closestMatches(o.value, problem.allowed, 1);
      this.report(
        C.optionValueNotAllowed,
        `Option ${quote(o.key)} does not accept ${quote(o.value)}; allowed values: ${list(problem.allowed)}`,
        o.valueSpan,
        close.length > 0 ? `did you mean ${quote(close[0]!)}?` : undefined,
      );
      return;
    }
    this.report(
      C.invalidConnectorOptionValue,
      `Option ${quote(o.key)} ${problem.problem}, but got ${quote(o.value)}`,
      o.valueSpan,
      known.spec.defaultValue !== undefined ? `the default is ${quote(known.spec.defaultValue)}` : undefined,
    );
  }

  /** key.fields: a `;`-separated list of physical columns (KafkaConnectorOptionsUtil.createKeyFormatProjection). */
  private checkColumnList(o: PresentOption): void {
    const physical = this.physicalColumns();
    for (const raw of o.value.split(';')) {
      const name = raw.trim();
      if (name === '' || physical.includes(name)) continue;
      const close = closestMatches(name, physical, 1);
      this.report(
        C.optionUnknownColumn,
        `Option ${quote(o.key)} names \`${name}\`, which is not a physical column of \`${this.input.tableName}\``,
        o.valueSpan,
        close.length > 0 ? `did you mean \`${close[0]}\`?` : `physical columns: ${physical.map((c) => `\`${c}\``).join(', ')}`,
      );
    }
  }

  // ------------------------------------------------------------------------------ required and rules

  private checkRequired(options: readonly OptionSpec[], prefix: string, owner: string): void {
    for (const o of options) {
      if (o.required !== true) continue;
      const keys = [o.key, ...(o.fallbackKeys ?? [])].map((k) => prefix + k);
      if (keys.some((k) => this.present.has(k))) continue;
      this.report(
        C.requiredOptionMissing,
        `Table \`${this.input.tableName}\` is missing option ${quote(prefix + o.key)}, which ${owner} requires`,
        this.connectorOption!.valueSpan,
        `add ${quote(prefix + o.key)} = '...' to the WITH clause`,
      );
    }
  }

  private applyRules(rules: readonly OptionRule[], prefix: string): void {
    const has = (k: string): PresentOption | undefined => this.present.get(prefix + k);
    const valueIn = (o: PresentOption | undefined, values: readonly string[] | undefined): boolean =>
      o !== undefined && (values === undefined || values.some((v) => v.toLowerCase() === o.value.trim().toLowerCase()));
    for (const rule of rules) {
      switch (rule.kind) {
        case 'exclusive': {
          const set = rule.keys.map(has).filter((o): o is PresentOption => o !== undefined);
          if (set.length < 2) break;
          this.report(
            C.conflictingOptions,
            `Options ${list(set.map((o) => o.key))} cannot be set together: ${rule.why}`,
            set[1]!.keySpan,
            `keep only one of them`,
            set.slice(0, 1).map((o) => ({ span: o.keySpan, message: `${quote(o.key)} is set here` })),
          );
          break;
        }
        case 'allOrNone': {
          const set = rule.keys.filter((k) => has(k) !== undefined);
          if (set.length === 0 || set.length === rule.keys.length) break;
          const missing = rule.keys.filter((k) => has(k) === undefined).map((k) => prefix + k);
          this.report(
            C.optionNeedsOther,
            `Options ${list(rule.keys.map((k) => prefix + k))} must be set all together or not at all (${rule.why}); missing ${list(missing)}`,
            has(set[0]!)!.keySpan,
            `add ${list(missing)} or remove ${list(set.map((k) => prefix + k))}`,
          );
          break;
        }
        case 'requires': {
          const o = has(rule.key);
          if (!valueIn(o, rule.values)) break;
          const missing = rule.needs.filter((k) => has(k) === undefined).map((k) => prefix + k);
          if (missing.length === 0) break;
          const when = rule.values === undefined ? quote(o!.key) : `${quote(o!.key)} = ${quote(o!.value)}`;
          this.report(C.optionNeedsOther, `${when} needs ${list(missing)}: ${rule.why}`, rule.values === undefined ? o!.keySpan : o!.valueSpan, `add ${list(missing)}`);
          break;
        }
        case 'onlyWhen': {
          const o = has(rule.key);
          // An empty value is the unset default (Kafka checks `keyPrefix.length() > 0`).
          if (o === undefined || o.value === '') break;
          const other = has(rule.other);
          const otherValue = other?.value ?? rule.otherDefault;
          if (rule.values.some((v) => v.toLowerCase() === otherValue.trim().toLowerCase())) break;
          this.report(
            C.conflictingOptions,
            `Option ${quote(o.key)} cannot be used while ${quote(prefix + rule.other)} is ${quote(otherValue)}${other === undefined ? ' (the default)' : ''}: ${rule.why}`,
            o.keySpan,
            `set ${quote(prefix + rule.other)} = ${quote(rule.values[0]!)}, or remove ${quote(o.key)}`,
          );
          break;
        }
        case 'anyOf': {
          if (rule.keys.some((k) => has(k) !== undefined)) break;
          this.report(
            C.requiredOptionMissing,
            `Table \`${this.input.tableName}\` needs one of ${list(rule.keys.map((k) => prefix + k))}: ${rule.why}`,
            this.connectorOption!.valueSpan,
            `add ${quote(prefix + rule.keys[0]!)} = '...'`,
          );
          break;
        }
        case 'positiveTogether': {
          // Leading digits are the amount for whole numbers and durations alike ('100', '5 s').
          const positive = rule.keys.map((k) => {
            const m = /^\s*(\d+)/.exec(has(k)?.value ?? '');
            return m !== null && BigInt(m[1]!) > 0n;
          });
          if (positive.every((p) => p) || positive.every((p) => !p)) break;
          const set = rule.keys.filter((_, i) => positive[i]);
          const other = rule.keys.filter((_, i) => !positive[i]).map((k) => prefix + k);
          this.report(
            C.optionNeedsOther,
            `${list(set.map((k) => prefix + k))} is above zero but ${list(other)} is not: ${rule.why}`,
            has(set[0]!)!.valueSpan,
            `set ${list(other)} too, or remove ${list(set.map((k) => prefix + k))}`,
          );
          break;
        }
        case 'notGreater': {
          const [a, b] = rule.keys.map(has);
          if (a === undefined || b === undefined) break;
          if (!/^[+-]?\d+$/.test(a.value.trim()) || !/^[+-]?\d+$/.test(b.value.trim())) break; // reported as bad values
          if (BigInt(a.value.trim()) <= BigInt(b.value.trim())) break;
          this.report(
            C.conflictingOptions,
            `${quote(a.key)} = ${quote(a.value)} is larger than ${quote(b.key)} = ${quote(b.value)}: ${rule.why}`,
            a.valueSpan,
            `swap the two values`,
            [{ span: b.valueSpan, message: `${quote(b.key)} is set here` }],
          );
          break;
        }
        case 'notBothTrue': {
          const [a, b] = rule.keys.map(has);
          if (a === undefined || b === undefined) break;
          if (a.value.trim().toLowerCase() !== 'true' || b.value.trim().toLowerCase() !== 'true') break;
          this.report(
            C.conflictingOptions,
            `Options ${quote(a.key)} and ${quote(b.key)} cannot both be 'true': ${rule.why}`,
            b.keySpan,
            `set one of them to 'false'`,
            [{ span: a.keySpan, message: `${quote(a.key)} is set here` }],
          );
          break;
        }
      }
    }
  }

  // ------------------------------------------------------------------------------ table shape

  /** KafkaDynamicTableFactory#validatePKConstraints and UpsertKafkaDynamicTableFactory#validatePKConstraints. */
  private checkPrimaryKey(spec: ConnectorSpec, formats: readonly ResolvedFormat[]): void {
    const pk = this.input.primaryKey;
    const at = this.input.primaryKeySpan ?? this.connectorOption!.valueSpan;
    if (spec.primaryKey === 'required' && (pk === null || pk.length === 0)) {
      this.report(
        C.primaryKeyRequired,
        `${spec.name} table \`${this.input.tableName}\` needs a PRIMARY KEY: its rows are upserts by key`,
        this.connectorOption!.valueSpan,
        `declare the key, e.g. PRIMARY KEY (id) NOT ENFORCED, or use 'connector' = 'kafka' for an append-only topic`,
      );
    }
    if (spec.primaryKey === 'insert-only-format-forbids' && pk !== null && pk.length > 0) {
      const value = formats.find((f) => f.slot.role === 'value');
      if (value?.spec != null && isInsertOnlyFormat(value.spec)) {
        this.report(
          C.primaryKeyNotSupported,
          `${spec.name} table \`${this.input.tableName}\` with format ${quote(value.spec.name)} cannot declare a PRIMARY KEY: an append-only topic cannot guarantee key semantics`,
          at,
          `use 'connector' = 'upsert-kafka' (with 'key.format') for a keyed changelog, a CDC format such as 'debezium-json', or drop the PRIMARY KEY`,
        );
      }
    }
  }

  /** The raw format maps the whole message to one column (RawFormatFactory#validateRequiredSchema). */
  private checkFormatColumns(formats: readonly ResolvedFormat[]): void {
    for (const f of formats) {
      if (f.spec?.singlePhysicalColumn !== true) continue;
      let columns: readonly string[];
      if (f.slot.role === 'key') {
        const keyFields = this.present.get('key.fields');
        columns = keyFields !== undefined ? keyFields.value.split(';').map((s) => s.trim()).filter((s) => s !== '') : this.input.primaryKey ?? [];
      } else {
        const exceptKey = this.present.get('value.fields-include')?.value.trim().toUpperCase() === 'EXCEPT_KEY';
        const keyColumns = new Set(
          (this.present.get('key.fields')?.value.split(';').map((s) => s.trim()) ?? (this.connectorOption?.value === 'upsert-kafka' ? this.input.primaryKey ?? [] : [])),
        );
        columns = this.physicalColumns().filter((c) => !(exceptKey && keyColumns.has(c)));
      }
      if (columns.length === 1) continue;
      this.report(
        C.formatColumnCount,
        `Format 'raw' reads the whole ${f.slot.role === 'key' ? 'key' : 'message'} into one column, but table \`${this.input.tableName}\` gives it ${columns.length} physical columns${columns.length > 0 ? ` (${columns.map((c) => `\`${c}\``).join(', ')})` : ''}`,
        f.option.valueSpan,
        `keep exactly one physical column for the raw ${f.slot.role === 'key' ? 'key' : 'value'} (others can be metadata or computed columns), or use a structured format such as 'json'`,
      );
    }
  }

  private checkPartitioning(spec: ConnectorSpec): void {
    if (this.input.partitionKeys.length === 0 || spec.supportsPartitioning) return;
    this.report(
      C.partitioningNotSupported,
      `Table \`${this.input.tableName}\` is PARTITIONED BY (${this.input.partitionKeys.map((k) => `\`${k}\``).join(', ')}), but the ${spec.name} connector does not write partitions; writing into it will fail`,
      this.input.partitionSpan ?? this.connectorOption!.valueSpan,
      `remove PARTITIONED BY, or use a connector that supports partitions such as 'filesystem'`,
    );
  }

  // ------------------------------------------------------------------------------ helpers

  private physicalColumns(): string[] {
    return this.input.columns.filter((c) => (c.kind ?? 'physical') === 'physical').map((c) => c.name);
  }

  private report(
    info: CodeInfo,
    message: string,
    at: Span,
    hint?: string,
    related?: readonly { span: Span; message: string }[],
    severity?: Diagnostic['severity'],
  ): void {
    const incomplete = info === C.requiredOptionMissing || info === C.formatMissing;
    const d: Diagnostic = {
      code: info.code,
      severity: severity ?? (incomplete && this.input.used === false ? 'warning' : info.severity),
      category: info.category,
      message,
      span: at,
      ...(hint === undefined ? {} : { hint }),
      ...(related === undefined || related.length === 0 ? {} : { related }),
    };
    this.out.push(d);
  }
}

interface ResolvedFormat {
  readonly slot: FormatSlot;
  /** The option key that named the format (`format`, `value.format`, `key.format`). */
  readonly key: string;
  readonly option: PresentOption;
  /** The prefix of this format's options: `json.`, `value.json.`, `key.avro.`. */
  readonly prefix: string;
  readonly spec: FormatSpec | null;
}

export function isInsertOnlyFormat(format: FormatSpec): boolean {
  return !format.changelog.updates && !format.changelog.deletes;
}

