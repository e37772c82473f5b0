import type { CatalogEntries, CatalogTable } from '../../analysis/catalog/model.js';
import { printType } from '../../analysis/types/logical-type.js';
import type { CreateTable, CreateView, Expression, QualifiedName, Query, Statement } from '../../ast/nodes.js';
import { printDataType } from '../../ast/print.js';
import type { Span } from '../../source/span.js';
import { CHANGELOG_FORMATS, CONNECTORS, type SinkMode } from './connectors.js';

/**
 * The catalog as rules see it: tables and views defined by the script's DDL before the current
 * statement (walked from their ASTs), then the catalogs given to validation, plus the SET
 * configuration in effect. It needs no semantic analysis, so every rule works on a parsed script.
 */

export type TimeKind = 'ROWTIME' | 'PROCTIME';

export interface ColumnFacts {
  readonly name: string;
  readonly kind: 'physical' | 'computed' | 'metadata';
  /** The declared type as SQL text, e.g. `TIMESTAMP(3)`; null for computed columns. */
  readonly type: string | null;
  readonly timeAttribute: TimeKind | null;
  /** The column reads metadata that is virtual (not written to sinks). */
  readonly virtual: boolean;
}

export interface TableFacts {
  readonly kind: 'table';
  /** The name as written in the definition (`db.t`), and its last part. */
  readonly qualified: string;
  readonly name: string;
  readonly columns: readonly ColumnFacts[];
  readonly options: ReadonlyMap<string, string>;
  readonly connector: string | null;
  readonly watermarkColumn: string | null;
  readonly primaryKey: readonly string[] | null;
  /** Where the table is defined in the script (its name), for related spans; null for catalog tables. */
  readonly definedAt: Span | null;
}

export interface ViewFacts {
  readonly kind: 'view';
  readonly qualified: string;
  readonly name: string;
  readonly query: Query;
  readonly columns: readonly string[];
  readonly definedAt: Span | null;
}

export type RelationDefinition = TableFacts | ViewFacts;

export interface ConfigEntry {
  readonly value: string;
  /** The SET statement's span. */
  readonly span: Span;
}

export function nameText(name: QualifiedName): string {
  return name.parts.map((p) => p.value).join('.');
}

export function lastPart(name: QualifiedName): string {
  return name.parts[name.parts.length - 1]!.value;
}

export class ScriptCatalog {
  private readonly byQualified = new Map<string, RelationDefinition>();
  private readonly byName = new Map<string, RelationDefinition>();
  private readonly config = new Map<string, ConfigEntry>();

  constructor(catalogs: readonly CatalogEntries[] = []) {
    for (const entries of catalogs) {
      for (const table of entries.tables) this.define(tableFromCatalog(table));
    }
  }

  /** A table or view by its name as written (`t`, `db.t`, `cat.db.t`); the last part decides when the full name is not known. */
  lookup(name: QualifiedName | string): RelationDefinition | null {
    const text = typeof name === 'string' ? name : nameText(name);
    const exact = this.byQualified.get(text);
    if (exact !== undefined) return exact;
    const last = typeof name === 'string' ? text.split('.').pop()! : lastPart(name);
    return this.byName.get(last) ?? null;
  }

  table(name: QualifiedName | string): TableFacts | null {
    const found = this.lookup(name);
    return found?.kind === 'table' ? found : null;
  }

  /** The value of a configuration key set by an earlier SET statement. */
  setting(key: string): ConfigEntry | null {
    return this.config.get(key) ?? null;
  }

  /** Streaming unless `execution.runtime-mode` is set to batch. */
  get streaming(): boolean {
    return this.setting('execution.runtime-mode')?.value.toLowerCase() !== 'batch';
  }

  /** Records what a statement defines, after the rules have seen it. */
  apply(statement: Statement): void {
    switch (statement.kind) {
      case 'CreateTable':
        this.define(tableFromDdl(statement, this));
        break;
      case 'CreateView':
        this.define(viewFromDdl(statement));
        break;
      case 'Drop':
        if (statement.object === 'TABLE' || statement.object === 'VIEW') this.remove(statement.name);
        break;
      case 'Set':
        if (statement.key !== null && statement.value !== null) {
          this.config.set(statement.key.key, { value: statement.value, span: statement.span });
        }
        break;
      case 'Reset':
        if (statement.key === null) this.config.clear();
        else this.config.delete(statement.key.key);
        break;
      default:
        break;
    }
  }

  private define(definition: RelationDefinition): void {
    this.byQualified.set(definition.qualified, definition);
    this.byName.set(definition.name, definition);
  }

  private remove(name: QualifiedName): void {
    const found = this.lookup(name);
    if (found === null) return;
    this.byQualified.delete(found.qualified);
    if (this.byName.get(found.name) === found) this.byName.delete(found.name);
  }
}

function isProctimeCall(expr: Expression): boolean {
  return expr.kind === 'FunctionCall' && expr.args.length === 0 && expr.name.parts.length === 1
    && expr.name.parts[0]!.value.toUpperCase() === 'PROCTIME';
}

function tableFromDdl(ddl: CreateTable, catalog: ScriptCatalog): TableFacts {
  // CREATE TABLE ... LIKE copies the base table's columns, watermark and options unless excluded;
  // the new definition's own entries win.
  const base = ddl.like === null ? null : catalog.table(ddl.like.source);
  const excluded = new Set((ddl.like?.options ?? []).filter((o) => o.mode === 'EXCLUDING').map((o) => o.feature.toUpperCase()));
  const excludesAll = excluded.has('ALL');
  const watermark = ddl.elements.find((e) => e.kind === 'WatermarkDefinition');
  const watermarkColumn = watermark !== undefined
    ? watermark.column.parts.map((p) => p.value).join('.')
    : base !== null && !excludesAll && !excluded.has('WATERMARKS') ? base.watermarkColumn : null;
  const columns: ColumnFacts[] = base !== null ? [...base.columns] : [];
  let primaryKey: string[] | null = base !== null && !excludesAll && !excluded.has('CONSTRAINTS') && base.primaryKey !== null ? [...base.primaryKey] : null;
  for (const element of ddl.elements) {
    switch (element.kind) {
      case 'PhysicalColumn':
        columns.push({
          name: element.name.parts.map((p) => p.value).join('.'), kind: 'physical',
          type: element.type === null ? null : printDataType(element.type), timeAttribute: null, virtual: false,
        });
        if (element.constraint?.type === 'PRIMARY KEY') primaryKey = [element.name.parts.map((p) => p.value).join('.')];
        break;
      case 'ComputedColumn':
        columns.push({
          name: element.name.parts.map((p) => p.value).join('.'), kind: 'computed', type: null,
          timeAttribute: isProctimeCall(element.expr) ? 'PROCTIME' : null, virtual: true,
        });
        break;
      case 'MetadataColumn':
        columns.push({
          name: element.name.parts.map((p) => p.value).join('.'), kind: 'metadata',
          type: printDataType(element.type), timeAttribute: null, virtual: element.virtual,
        });
        break;
      case 'TableConstraint':
        if (element.type === 'PRIMARY KEY') primaryKey = element.columns.map((c) => c.value);
        break;
      default:
        break;
    }
  }
  const withRowtime = columns.map((c) => (c.name === watermarkColumn ? { ...c, timeAttribute: 'ROWTIME' as const } : c));
  const options = new Map<string, string>(base !== null && !excludesAll && !excluded.has('OPTIONS') ? base.options : []);
  for (const option of ddl.options) options.set(option.key, option.value);
  return {
    kind: 'table',
    qualified: nameText(ddl.name),
    name: lastPart(ddl.name),
    columns: withRowtime,
    options,
    connector: options.get('connector') ?? null,
    watermarkColumn,
    primaryKey,
    definedAt: ddl.name.span,
  };
}

function viewFromDdl(ddl: CreateView): ViewFacts {
  return {
    kind: 'view', qualified: nameText(ddl.name), name: lastPart(ddl.name), query: ddl.query,
    columns: ddl.columns.map((c) => c.value), definedAt: ddl.name.span,
  };
}

function tableFromCatalog(table: CatalogTable): TableFacts {
  const options = new Map(table.options);
  const watermarkColumn = table.watermark?.column ?? null;
  return {
    kind: 'table',
    qualified: `${table.id.catalog}.${table.id.database}.${table.id.name}`,
    name: table.id.name,
    columns: table.columns.map((c) => ({
      name: c.name,
      kind: c.kind,
      type: c.kind === 'computed' ? null : printType(c.type),
      timeAttribute: c.name === watermarkColumn ? 'ROWTIME'
        : c.kind === 'computed' && /^\s*PROCTIME\s*\(\s*\)\s*$/i.test(c.expression ?? '') ? 'PROCTIME' : null,
      virtual: c.virtual || c.kind === 'computed',
    })),
    options,
    connector: options.get('connector') ?? null,
    watermarkColumn,
    primaryKey: table.primaryKey?.columns ?? null,
    definedAt: table.origin.file === null ? table.origin.span : null,
  };
}

// ------------------------------------------------------------------------------------ derived facts

export type Boundedness = 'bounded' | 'unbounded' | 'unknown';

function optionMatches(table: TableFacts, cond: { option: string; present?: true; value?: string } | undefined): boolean {
  if (cond === undefined) return false;
  const value = table.options.get(cond.option);
  if (value === undefined) return false;
  return cond.present === true || value.toLowerCase() === cond.value;
}

/** Whether reading the table ends (batch-like) or runs forever, from its connector and options. */
export function boundedness(table: TableFacts): Boundedness {
  const facts = table.connector === null ? undefined : CONNECTORS[table.connector];
  if (facts === undefined || facts.source === null) return 'unknown';
  if (facts.source === 'unbounded') return optionMatches(table, facts.boundedWhen) ? 'bounded' : 'unbounded';
  return optionMatches(table, facts.unboundedWhen) ? 'unbounded' : 'bounded';
}

/** Whether the table, read as a source, emits updates or deletes; null when unknown. */
export function isChangelogSource(table: TableFacts): boolean | null {
  const format = table.options.get('format') ?? table.options.get('value.format');
  if (format !== undefined && CHANGELOG_FORMATS.has(format)) return true;
  if (table.connector === 'values') {
    const mode = table.options.get('changelog-mode');
    return mode !== undefined && /UB|UA|D/.test(mode);
  }
  const facts = table.connector === null ? undefined : CONNECTORS[table.connector];
  if (facts === undefined) return null;
  return facts.changelogSource === true;
}

/** Which changes the table accepts as a sink; null when the connector is unknown. */
export function sinkAccepts(table: TableFacts): 'append' | 'all' | null {
  const format = table.options.get('format') ?? table.options.get('value.format');
  if (format !== undefined && CHANGELOG_FORMATS.has(format)) return 'all';
  if (table.connector === 'values') {
    return table.options.get('sink-insert-only')?.toLowerCase() === 'false' ? 'all' : 'append';
  }
  const facts = table.connector === null ? undefined : CONNECTORS[table.connector];
  const mode: SinkMode | null | undefined = facts?.sink;
  if (mode === undefined || mode === null) return null;
  if (mode === 'upsert-with-key') return table.primaryKey === null ? 'append' : 'all';
  return mode === 'append' ? 'append' : 'all';
}

export function isLookupSource(table: TableFacts): boolean | null {
  const facts = table.connector === null ? undefined : CONNECTORS[table.connector];
  if (facts === undefined) return null;
  return facts.lookup === true;
}

/** The state TTL configured by `table.exec.state.ttl`, in milliseconds; null when unset or 0 (never expire). */
export function configuredStateTtl(catalog: ScriptCatalog): number | null {
  const entry = catalog.setting('table.exec.state.ttl');
  if (entry === null) return null;
  const ms = parseDuration(entry.value);
  return ms === null || ms === 0 ? null : ms;
}

const DURATION_UNITS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(ms|milli|millis|millisecond|milliseconds)$/, 1],
  [/^(s|sec|secs|second|seconds)$/, 1000],
  [/^(m|min|mins|minute|minutes)$/, 60_000],
  [/^(h|hour|hours)$/, 3_600_000],
  [/^(d|day|days)$/, 86_400_000],
];

/** Flink's Duration option syntax (`1 h`, `30min`, `1000` = ms); null when not a duration. */
export function parseDuration(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(text);
  if (match === null) return null;
  const amount = Number(match[1]);
  const unit = match[2]!.toLowerCase();
  if (unit === '') return amount;
  for (const [pattern, factor] of DURATION_UNITS) if (pattern.test(unit)) return amount * factor;
  return null;
}
