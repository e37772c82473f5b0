import { diagnostic } from '../../diagnostics/make.js';
import type { ColumnDefinition, CreateTable, Identifier, LikeClause, QualifiedName, TableElement } from '../../ast/nodes.js';
import { printExpression } from '../../ast/print.js';
import { search } from '../../ast/walk.js';
import { Codes } from '../../diagnostics/codes.js';
import { closestMatches } from '../../diagnostics/suggest.js';
import { coverSpans, type Span } from '../../source/span.js';
import type { CatalogColumn, CatalogTable, PrimaryKey, WatermarkSpec } from '../catalog/model.js';
import { typeExpression } from '../expressions/typer.js';
import { QueryAnalyzer } from '../query/analyzer.js';
import { relation } from '../query/relation.js';
import { quoteIfNeeded, Scope } from '../query/scope.js';
import { isStreaming, type Session } from '../query/session.js';
import { logicalTypeOf } from '../types/from-ast.js';
import { printType, T, withNullability, withoutTimeAttribute, type LogicalType } from '../types/logical-type.js';

type Feature = 'ALL' | 'CONSTRAINTS' | 'DISTRIBUTION' | 'GENERATED' | 'METADATA' | 'OPTIONS' | 'PARTITIONS' | 'WATERMARKS';
type Mode = 'INCLUDING' | 'EXCLUDING' | 'OVERWRITING';

/** Features whose merge cannot be OVERWRITING (SqlTableLike); the parser checks report it. */
const NO_OVERWRITE: ReadonlySet<Feature> = new Set(['ALL', 'CONSTRAINTS', 'DISTRIBUTION', 'PARTITIONS']);

/** Flink's defaults for LIKE: INCLUDING ALL, OVERWRITING OPTIONS (MergeTableLikeUtil.defaultMergingStrategies). */
function likeStrategies(like: LikeClause, session: Session): Map<Feature, Mode> {
  const modes = new Map<Feature, Mode>([
    ['CONSTRAINTS', 'INCLUDING'], ['DISTRIBUTION', 'INCLUDING'], ['GENERATED', 'INCLUDING'], ['METADATA', 'INCLUDING'],
    ['OPTIONS', 'OVERWRITING'], ['PARTITIONS', 'INCLUDING'], ['WATERMARKS', 'INCLUDING'],
  ]);
  const seen = new Set<string>();
  for (const option of like.options) {
    const feature = option.feature.toUpperCase() as Feature;
    if (seen.has(feature)) {
      session.report(diagnostic(Codes.likeOption, { message: `LIKE option ${feature} is given more than once.`, span: option.span, hint: 'Declare each LIKE option feature only once.' }));
    }
    seen.add(feature);
    // OVERWRITING on ALL / CONSTRAINTS / DISTRIBUTION / PARTITIONS is reported by the parser checks.
    if (option.mode === 'OVERWRITING' && NO_OVERWRITE.has(feature)) continue;
    if (feature === 'ALL') {
      for (const key of modes.keys()) modes.set(key, option.mode === 'EXCLUDING' ? 'EXCLUDING' : key === 'OPTIONS' && option.mode === 'INCLUDING' ? 'INCLUDING' : option.mode);
    } else {
      modes.set(feature, option.mode);
    }
  }
  return modes;
}

/** Builds the catalog table a CREATE TABLE defines, reporting what Flink's DDL conversion rejects. */
export function buildTable(stmt: CreateTable, session: Session, id: CatalogTable['id']): CatalogTable {
  const columns: CatalogColumn[] = [];
  const spans = new Map<string, Span>();
  let primaryKey: PrimaryKey | null = null;
  let pkSpan: Span | null = null;
  let watermark: WatermarkSpec | null = null;
  let options: [string, string][] = [];
  let partitionKeys: string[] = stmt.partitionedBy.map((p) => p.value);

  // LIKE: start from the base table's parts, as the merging strategies say.
  let strategies: Map<Feature, Mode> | null = null;
  if (stmt.like !== null) {
    strategies = likeStrategies(stmt.like, session);
    const base = session.catalog.lookup(stmt.like.source.parts.map((p) => p.value));
    if (base.status === 'found' && base.object.kind === 'table') {
      const t = base.object;
      for (const c of t.columns) {
        if (c.kind === 'computed' && strategies.get('GENERATED') === 'EXCLUDING') continue;
        if (c.kind === 'metadata' && strategies.get('METADATA') === 'EXCLUDING') continue;
        columns.push(c);
        spans.set(c.name, stmt.like.source.span);
      }
      if (strategies.get('CONSTRAINTS') !== 'EXCLUDING') primaryKey = t.primaryKey;
      if (strategies.get('WATERMARKS') !== 'EXCLUDING') watermark = t.watermark;
      if (strategies.get('OPTIONS') !== 'EXCLUDING') options = t.options.map(([k, v]) => [k, v]);
      if (strategies.get('PARTITIONS') !== 'EXCLUDING' && partitionKeys.length === 0) partitionKeys = [...t.partitionKeys];
    } else if (base.status === 'found') {
      session.report(diagnostic(Codes.wrongObjectKind, { message: `CREATE TABLE ... LIKE needs a table, but '${stmt.like.source.parts.map((p) => p.value).join('.')}' is a view.`, span: stmt.like.source.span }));
    } else if (base.status === 'missing') {
      session.report(diagnostic(Codes.tableNotFound, { message: `The LIKE source table '${stmt.like.source.parts.map((p) => p.value).join('.')}' was not found.`, span: stmt.like.source.span, hint: 'Create the base table first.' }));
    }
  }

  const declared = stmt.elements.filter(isColumn);
  // CTAS / RTAS: the query's columns belong to the table too (MergeTableAsUtil), so the CREATE part's
  // computed columns, primary key and watermark may use them.
  const queryColumns = ctasColumns(stmt, session);
  const declaredNames = new Set(declared.map((d) => d.name.parts.map((p) => p.value).join('.')));
  const fromQuery = queryColumns.filter((c) => !declaredNames.has(c.name));
  // A computed column may use any physical or metadata column of the table, declared before or after it.
  const tableName = stmt.name.parts[stmt.name.parts.length - 1]!.value;
  const referable = [
    ...fromQuery.map((c) => ({ name: c.name, type: c.type })),
    ...columns.filter((c) => c.kind !== 'computed').map((c) => ({ name: c.name, type: c.type })),
    ...declared.filter((d) => d.kind !== 'ComputedColumn').map((d) => ({
      name: d.name.parts.map((p) => p.value).join('.'),
      type: d.type === null ? T.unknown() : logicalTypeOf(d.type, { inDdl: true }).type,
    })),
  ];
  const physicalScopeColumns = (): { name: string; type: LogicalType }[] => referable;
  const computedNames = declared.filter((d) => d.kind === 'ComputedColumn').map((d) => d.name.parts.map((p) => p.value).join('.'));
  for (const element of declared) {
    const name = element.name.parts.map((p) => p.value).join('.');
    const existing = columns.findIndex((c) => c.name === name);
    if (existing >= 0) {
      const fromLike = !stmt.elements.some((e) => isColumn(e) && e !== element && e.span.start < element.span.start && e.name.parts.map((p) => p.value).join('.') === name);
      const kind = columns[existing]!.kind;
      const overwriting = fromLike && strategies !== null && ((kind === 'computed' && strategies.get('GENERATED') === 'OVERWRITING') || (kind === 'metadata' && strategies.get('METADATA') === 'OVERWRITING'));
      if (!overwriting) {
        session.report(diagnostic(Codes.duplicateColumn, { message: fromLike ? `A column named '${name}' already exists in the LIKE base table.` : `Column '${name}' is defined more than once.`,
          span: element.name.span,
          related: spans.has(name) ? [{ span: spans.get(name)!, message: 'first defined here' }] : undefined,
          hint: 'Rename one of the columns.', }));
        continue;
      }
      columns.splice(existing, 1);
    }
    spans.set(name, element.name.span);
    columns.push(columnOf(element, session, physicalScopeColumns(), tableName, computedNames));
    if ((element.kind === 'PhysicalColumn' || element.kind === 'MetadataColumn') && element.constraint?.type === 'PRIMARY KEY') {
      if (primaryKey !== null && pkSpan !== null) duplicatePk(session, element.constraint.span, pkSpan);
      primaryKey = { name: element.constraint.name?.value ?? null, columns: [name] };
      pkSpan = element.constraint.span;
    }
  }
  for (const element of stmt.elements) {
    if (element.kind === 'TableConstraint' && element.type === 'PRIMARY KEY') {
      if (pkSpan !== null) duplicatePk(session, element.span, pkSpan);
      else if (primaryKey !== null && strategies?.get('CONSTRAINTS') === 'INCLUDING' && stmt.like !== null) {
        session.report(diagnostic(Codes.duplicatePrimaryKey, { message: 'The LIKE base table already has a primary key.', span: element.span, hint: 'Add EXCLUDING CONSTRAINTS to the LIKE clause to replace it.' }));
      }
      primaryKey = { name: element.name?.value ?? null, columns: element.columns.map((c) => c.value) };
      pkSpan = element.span;
      checkKeyColumns(session, element.columns, [...columns, ...fromQuery]);
    }
  }
  if (pkSpan !== null && primaryKey !== null && declared.some((d) => (d.kind === 'PhysicalColumn' || d.kind === 'MetadataColumn') && d.constraint?.type === 'PRIMARY KEY')) {
    const col = declared.find((d) => (d.kind === 'PhysicalColumn' || d.kind === 'MetadataColumn') && d.constraint?.type === 'PRIMARY KEY')!;
    if (col.kind === 'MetadataColumn') {
      session.report(diagnostic(Codes.primaryKeyColumn, { message: `Column '${col.name.parts.map((p) => p.value).join('.')}' cannot be in the primary key: it is a metadata column, not a physical one.`, span: col.name.span, hint: 'A primary key may only use physical columns.' }));
    }
  }
  // CTAS with a bare column list, `CREATE TABLE t (b, a) AS SELECT a, b ...`: the list names every
  // query column once and orders them (MergeTableAsUtil#reorderSchema); types come from the query.
  const nameOnly = declared.filter((d) => d.kind === 'PhysicalColumn' && d.type === null);
  if (stmt.asQuery !== null && nameOnly.length > 0 && queryColumns.length > 0) {
    const ordered = reorderedQueryColumns(nameOnly.map((d) => d.name), queryColumns, session);
    const names = new Set(nameOnly.map((d) => d.name.parts.map((p) => p.value).join('.')));
    for (let i = columns.length - 1; i >= 0; i--) if (columns[i]!.kind === 'physical' && names.has(columns[i]!.name)) columns.splice(i, 1);
    queryColumns.splice(0, queryColumns.length, ...ordered);
  }
  // CTAS: new physical columns of the CREATE part first, then the query's columns (a declared column
  // of the same name gives its type), then computed and metadata columns (Flink's docs, CREATE TABLE AS).
  const merged = stmt.asQuery === null ? columns : [
    ...columns.filter((c) => c.kind === 'physical' && !queryColumns.some((q) => q.name === c.name)),
    ...queryColumns.map((q) => columns.find((c) => c.name === q.name && c.kind === 'physical') ?? q),
    ...columns.filter((c) => c.kind !== 'physical'),
  ];
  // Primary key columns are NOT NULL.
  const pkColumns = new Set(primaryKey?.columns ?? []);
  const finalColumns = merged.map((c) => (pkColumns.has(c.name) ? { ...c, type: withNullability(c.type, false) } : c));

  let ownWatermarks = 0;
  for (const element of stmt.elements) {
    if (element.kind !== 'WatermarkDefinition') continue;
    // A second WATERMARK in the statement itself is a syntax error already (FSQL1026).
    ownWatermarks++;
    if (watermark !== null && ownWatermarks === 1 && !(strategies?.get('WATERMARKS') === 'OVERWRITING')) {
      session.report(diagnostic(Codes.duplicateWatermark, { message: stmt.like !== null && strategies?.get('WATERMARKS') === 'INCLUDING' ? 'The LIKE base table already defines a watermark.' : 'A table can have only one WATERMARK.', span: element.span, hint: stmt.like !== null ? 'Add OVERWRITING WATERMARKS to the LIKE clause to replace it.' : 'Remove the extra WATERMARK.' }));
    }
    watermark = checkWatermark(element, session, finalColumns, tableName) ?? watermark;
  }

  for (const key of stmt.partitionedBy) {
    if (!finalColumns.some((c) => c.name === key.value)) {
      unknownColumn(session, key, finalColumns, 'partition');
    }
  }
  for (const option of stmt.options) {
    const i = options.findIndex(([k]) => k === option.key);
    if (i >= 0) options.splice(i, 1);
    options.push([option.key, option.value]);
  }
  return {
    kind: 'table', id, columns: finalColumns, watermark, primaryKey, partitionKeys, options,
    comment: stmt.comment, temporary: stmt.temporary, origin: { file: null, span: stmt.name.span },
  };
}

function isColumn(e: TableElement): e is ColumnDefinition {
  return e.kind === 'PhysicalColumn' || e.kind === 'ComputedColumn' || e.kind === 'MetadataColumn';
}

function duplicatePk(session: Session, span: Span, first: Span): void {
  session.report(diagnostic(Codes.duplicatePrimaryKey, { message: 'The primary key is defined more than once.', span, related: [{ span: first, message: 'first primary key' }], hint: 'Declare one primary key, either on a column or as PRIMARY KEY (a, b) NOT ENFORCED.' }));
}

/** The columns a CTAS / RTAS query produces, as plain physical columns; none when it cannot be typed. */
function ctasColumns(stmt: CreateTable, session: Session): CatalogColumn[] {
  if (stmt.asQuery === null) return [];
  const rel = new QueryAnalyzer(session).analyzeStatementQuery(stmt.asQuery);
  if (rel.opaque) return [];
  return rel.columns.map((c) => ({ name: c.name, type: withoutTimeAttribute(c.type), kind: 'physical', expression: null, metadataKey: null, virtual: false, comment: null }));
}

function reorderedQueryColumns(list: readonly QualifiedName[], queryColumns: readonly CatalogColumn[], session: Session): CatalogColumn[] {
  const out: CatalogColumn[] = [];
  for (const item of list) {
    const name = item.parts.map((p) => p.value).join('.');
    const column = queryColumns.find((c) => c.name === name);
    if (column === undefined) {
      const close = closestMatches(name, queryColumns.map((c) => c.name));
      session.report(diagnostic(Codes.columnNotFound, { message: `Column '${name}' is not a column of the query.${close.length > 0 ? ` Did you mean '${close[0]}'?` : ''}`,
        span: item.span, hint: `The query's columns are: ${queryColumns.map((c) => c.name).join(', ')}.` }));
      return [...queryColumns];
    }
    out.push(column);
  }
  if (out.length !== queryColumns.length) {
    session.report(diagnostic(Codes.aliasColumnCount, { message: `The column list names ${out.length} column${out.length === 1 ? '' : 's'}, but the query has ${queryColumns.length}.`,
      span: coverSpans(list[0]!.span, list[list.length - 1]!.span), hint: `List every column of the query once: ${queryColumns.map((c) => c.name).join(', ')}.` }));
    return [...queryColumns];
  }
  return out;
}

function checkKeyColumns(session: Session, keys: readonly Identifier[], columns: readonly CatalogColumn[]): void {
  for (const key of keys) {
    const column = columns.find((c) => c.name === key.value);
    if (column === undefined) unknownColumn(session, key, columns, 'primary key');
    else if (column.kind !== 'physical') {
      session.report(diagnostic(Codes.primaryKeyColumn, { message: `Column '${key.value}' cannot be in the primary key: it is a ${column.kind} column, not a physical one.`, span: key.span, hint: 'A primary key may only use physical columns.' }));
    }
  }
}

function unknownColumn(session: Session, key: Identifier, columns: readonly CatalogColumn[], what: string): void {
  const suggestions = closestMatches(key.value, columns.map((c) => c.name));
  session.report({
    ...(what === 'partition' ? Codes.partitionColumn : Codes.primaryKeyColumn),
    message: `The ${what} column '${key.value}' is not a column of this table.${suggestions.length > 0 ? ` Did you mean '${suggestions[0]}'?` : ''}`,
    span: key.span,
    hint: `The columns are: ${columns.map((c) => c.name).join(', ')}.`,
    fixes: suggestions.length > 0 ? [{ title: `Use '${suggestions[0]}'`, edits: [{ span: key.span, text: quoteIfNeeded(suggestions[0]!) }], applicability: 'unsafe' }] : undefined,
  });
}

function columnOf(element: ColumnDefinition, session: Session, scopeColumns: { name: string; type: LogicalType }[], tableName: string, otherComputed: readonly string[]): CatalogColumn {
  const name = element.name.parts.map((p) => p.value).join('.');
  switch (element.kind) {
    case 'PhysicalColumn': {
      const type = element.type === null ? T.unknown() : convert(element.type, session);
      return { name, type, kind: 'physical', expression: null, metadataKey: null, virtual: false, comment: element.comment };
    }
    case 'MetadataColumn':
      return { name, type: convert(element.type, session), kind: 'metadata', expression: null, metadataKey: element.metadataKey, virtual: element.virtual, comment: element.comment };
    case 'ComputedColumn': {
      // Flink resolves a computed column against the physical and metadata columns only.
      const computed = new Set(otherComputed.filter((c) => c !== name));
      const visible = [...scopeColumns];
      search(element.expr, (node) => {
        if (node.kind !== 'ColumnRef') return undefined;
        const first = node.parts[0]!;
        if (computed.has(first.value)) {
          session.report(diagnostic(Codes.computedColumn, {
            message: `Computed column '${name}' uses '${first.value}', which is itself a computed column; computed columns may only use physical and metadata columns.`,
            span: first.span,
            hint: `Repeat the expression of '${first.value}' here instead of naming it.`,
          }));
          if (!visible.some((c) => c.name === first.value)) visible.push({ name: first.value, type: T.unknown() });
        }
        return undefined;
      });
      const analyzer = new QueryAnalyzer(session);
      const scope = new Scope([{ alias: tableName, path: [tableName], relation: relation(visible) }], null, (d) => session.report(d));
      let type = typeExpression(element.expr, analyzer.context(scope, { aggregates: false, over: false }));
      if (type.root === 'TIMESTAMP_WITH_LOCAL_TIME_ZONE' && type.timeAttribute === 'PROCTIME' && !isStreaming(session)) type = T.timestampLtz(3, false);
      return { name, type, kind: 'computed', expression: printExpression(element.expr), metadataKey: null, virtual: true, comment: element.comment };
    }
  }
}

function convert(node: Parameters<typeof logicalTypeOf>[0], session: Session): LogicalType {
  const { type, problems } = logicalTypeOf(node, { inDdl: true });
  for (const p of problems) session.report(diagnostic(Codes.invalidType, { message: p.message, span: p.span }));
  return type;
}

function checkWatermark(element: Extract<TableElement, { kind: 'WatermarkDefinition' }>, session: Session, columns: readonly CatalogColumn[], tableName: string): WatermarkSpec | null {
  const path = element.column.parts.map((p) => p.value);
  const name = path.join('.');
  let type: LogicalType | undefined = columns.find((c) => c.name === path[0])?.type;
  for (const field of path.slice(1)) type = type?.root === 'ROW' ? type.fields.find((f) => f.name === field)?.type : undefined;
  if (type === undefined) {
    const suggestions = closestMatches(name, columns.map((c) => c.name));
    session.report(diagnostic(Codes.watermarkColumn, { message: `The watermark column '${name}' is not a column of this table.${suggestions.length > 0 ? ` Did you mean '${suggestions[0]}'?` : ''}`, span: element.column.span, hint: `The columns are: ${columns.map((c) => c.name).join(', ')}.` }));
    return null;
  }
  const validTime = (t: LogicalType): boolean => (t.root === 'TIMESTAMP_WITHOUT_TIME_ZONE' || t.root === 'TIMESTAMP_WITH_LOCAL_TIME_ZONE') && t.precision <= 3;
  if (type.root !== 'UNKNOWN' && !validTime(type)) {
    const isTimestamp = type.root === 'TIMESTAMP_WITHOUT_TIME_ZONE' || type.root === 'TIMESTAMP_WITH_LOCAL_TIME_ZONE';
    session.report(diagnostic(Codes.watermarkColumn, { message: `The watermark column '${name}' must be TIMESTAMP(p) or TIMESTAMP_LTZ(p) with p at most 3, but it is ${printType(type)}.`,
      span: element.column.span,
      hint: isTimestamp ? `Declare it as ${type.root === 'TIMESTAMP_WITH_LOCAL_TIME_ZONE' ? 'TIMESTAMP_LTZ(3)' : 'TIMESTAMP(3)'} (a bare TIMESTAMP means TIMESTAMP(6)).` : `Add a computed column such as \`ts AS TO_TIMESTAMP_LTZ(${quoteIfNeeded(name)}, 3)\` and declare the watermark on it.`, }));
  } else if (type.root !== 'UNKNOWN' && type.root === 'TIMESTAMP_WITH_LOCAL_TIME_ZONE' && type.timeAttribute === 'PROCTIME') {
    session.report(diagnostic(Codes.watermarkColumn, { message: `The watermark column '${name}' is a processing-time attribute; a watermark needs an event-time column.`, span: element.column.span }));
  }
  const analyzer = new QueryAnalyzer(session);
  const scope = new Scope([{ alias: tableName, path: [tableName], relation: relation(columns.map((c) => ({ name: c.name, type: c.type }))) }], null, (d) => session.report(d));
  const exprType = typeExpression(element.expr, analyzer.context(scope, { aggregates: false, over: false }));
  if (exprType.root !== 'UNKNOWN' && type.root !== 'UNKNOWN' && validTime(type)) {
    if (!validTime(exprType) || exprType.root !== type.root) {
      session.report(diagnostic(Codes.watermarkExpression, { message: `The watermark expression has type ${printType(exprType)}, but it must have the type of the time column '${name}' (${printType(withNullability(type, true))}).`,
        span: element.expr.span,
        hint: `Subtract an interval from the column, e.g. ${quoteIfNeeded(name)} - INTERVAL '5' SECOND.`, }));
    }
  }
  return { column: name, expression: printExpression(element.expr) };
}
