import { diagnostic } from '../../diagnostics/make.js';
import type { Insert, Query, SelectItem } from '../../ast/nodes.js';
import { Codes } from '../../diagnostics/codes.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { closestMatches } from '../../diagnostics/suggest.js';
import type { CatalogTable } from '../catalog/model.js';
import { printIdentifier } from '../catalog/model.js';
import { QueryAnalyzer, tableNotFound } from '../query/analyzer.js';
import { sinkAbilities } from '../query/table-facts.js';
import { isStreaming, type Session } from '../query/session.js';
import { isInsertOnly, printChangelogMode, type StatementAnalysis } from '../schema.js';
import { supportsExplicitCast, supportsImplicitCast } from '../types/casts.js';
import { quoteIfNeeded } from '../query/scope.js';
import { printType, timeAttributeOf, withNullability, withoutTimeAttribute } from '../types/logical-type.js';

type Result = Omit<StatementAnalysis, 'index'>;

/**
 * INSERT INTO: the target must be a table; the query's columns must match the sink's persisted
 * columns by position (physical and non-virtual metadata), each implicitly castable to the sink
 * type (PreValidateReWriter + DynamicSinkUtils.validateSchemaAndApplyImplicitCast); an updating
 * query needs a sink that accepts updates (FlinkChangelogModeInferenceProgram).
 */
export function checkInsert(stmt: Insert, session: Session): Result {
  const parts = stmt.target.parts.map((p) => p.value);
  if (stmt.extendedColumns.length > 0) {
    const first = stmt.extendedColumns[0]!;
    session.report(diagnostic(Codes.unsupportedStatement, { message: `Column types are not allowed in the INSERT column list ('${first.name.value}' is given a type).`, span: first.span, hint: 'List only column names; declare new columns with ALTER TABLE ... ADD.' }));
  }
  const found = session.catalog.lookup(parts);
  const analyzer = new QueryAnalyzer(session);
  const rel = analyzer.analyzeStatementQuery(stmt.query, { insertSource: true });
  const base: Result = { schema: rel.opaque ? null : rel.columns, changelog: rel.changelog, keys: [], target: printIdentifier(found.id), updatingSource: rel.updatingSource };
  if (found.status === 'missing') {
    session.report(tableNotFound(session, parts, stmt.target.span, found.reason));
    return base;
  }
  if (found.status === 'opaque') return base;
  if (found.object.kind === 'view') {
    session.report(diagnostic(Codes.wrongObjectKind, { message: `INSERT INTO needs a table, but '${parts.join('.')}' is a view; views cannot be written to.`, span: stmt.target.span, hint: 'Insert into a table created with CREATE TABLE ... WITH (connector ...).' }));
    return base;
  }
  const table = found.object;
  session.markUsed?.(table);
  session.markWritten?.(table);
  const sinkColumns = table.columns.filter((c) => c.kind === 'physical' || (c.kind === 'metadata' && !c.virtual));
  for (const entry of stmt.partition) {
    if (!table.partitionKeys.includes(entry.column.value)) {
      session.report(diagnostic(Codes.partitionColumn, { message: table.partitionKeys.length === 0
          ? `'${parts.join('.')}' is not partitioned, so PARTITION (${entry.column.value} = ...) cannot be used.`
          : `'${entry.column.value}' is not a partition column of '${parts.join('.')}'.`,
        span: entry.column.span,
        hint: table.partitionKeys.length === 0 ? 'Remove the PARTITION clause.' : `The partition columns are: ${table.partitionKeys.join(', ')}.`, }));
    }
  }
  const staticPartitions = new Set(stmt.partition.filter((p) => p.value !== null).map((p) => p.column.value));
  let targets = sinkColumns.filter((c) => !staticPartitions.has(c.name));
  if (stmt.columns !== null) {
    const seen = new Set<string>();
    const listed: typeof sinkColumns = [];
    for (const name of stmt.columns) {
      const column = sinkColumns.find((c) => c.name === name.value);
      if (column === undefined) {
        const all = table.columns.find((c) => c.name === name.value);
        const suggestions = closestMatches(name.value, sinkColumns.map((c) => c.name));
        session.report(diagnostic(Codes.unknownTargetColumn, { message: all !== undefined ? `Column '${name.value}' of '${parts.join('.')}' is a ${all.kind === 'computed' ? 'computed' : 'virtual metadata'} column and cannot be written.` : `Unknown target column '${name.value}' in '${parts.join('.')}'.${suggestions.length > 0 ? ` Did you mean '${suggestions[0]}'?` : ''}`,
          span: name.span,
          hint: `The writable columns are: ${sinkColumns.map((c) => c.name).join(', ')}.`, }));
        continue;
      }
      if (seen.has(name.value)) {
        session.report(diagnostic(Codes.duplicateTargetColumn, { message: `Target column '${name.value}' is assigned more than once.`, span: name.span }));
        continue;
      }
      seen.add(name.value);
      listed.push(column);
    }
    for (const column of sinkColumns) {
      if (!seen.has(column.name) && !staticPartitions.has(column.name) && !column.type.nullable) {
        session.report(diagnostic(Codes.notNullColumnMissing, { message: `Column '${column.name}' is NOT NULL but the INSERT does not provide it.`, span: stmt.columns[0]?.span ?? stmt.target.span, hint: `Add '${column.name}' to the column list and the query.` }));
      }
    }
    targets = listed;
  }
  if (rel.opaque) return base;
  const sinkName = printIdentifier(table.id);
  if (rel.columns.length !== targets.length) {
    session.report(diagnostic(Codes.insertColumnCount, { message: `The query returns ${rel.columns.length} column${rel.columns.length === 1 ? '' : 's'}, but '${parts.join('.')}' expects ${targets.length}${stmt.columns !== null ? ' (the listed columns)' : ''}.`,
      span: stmt.query.span,
      related: [{ span: stmt.target.span, message: `sink columns: ${targets.map((c) => `${c.name} ${printType(c.type)}`).join(', ')}` }],
      hint: `Query columns: ${rel.columns.map((c) => `${c.name} ${printType(c.type)}`).join(', ')}. Select the sink's columns in order, or list the target columns after the table name.`, }));
  } else {
    rel.columns.forEach((q, i) => {
      const sink = targets[i]!;
      if (q.type.root === 'UNKNOWN' || sink.type.root === 'UNKNOWN' || q.type.root === 'NULL') return;
      if (!supportsImplicitCast(withoutTimeAttribute(q.type), withNullability(sink.type, true))) {
        const item = selectItemAt(stmt.query, i);
        const target = printType(withNullability(sink.type, true));
        const itemText = item === null ? null : session.source?.slice(item.expr.span.start, item.expr.span.end) ?? null;
        session.report(diagnostic(Codes.insertTypeMismatch, { message: `Column ${i + 1} of the query ('${q.name}', ${printType(q.type)}) cannot be written into sink column '${sink.name}' (${printType(sink.type)}) of '${parts.join('.')}'.`,
          span: item?.expr.span ?? stmt.query.span,
          related: [{ span: stmt.target.span, message: `'${sink.name}' is column ${i + 1} of the sink` }],
          hint: `CAST it to the sink's type, e.g. CAST(${itemText ?? q.name} AS ${target}), or change the sink column's type.`,
          fixes: item !== null && itemText !== null && supportsExplicitCast(withoutTimeAttribute(q.type), sink.type)
            ? [{ title: `Cast to ${target}`, edits: [{ span: item.expr.span, text: `CAST(${itemText} AS ${target})${item.alias === null && item.expr.kind === 'ColumnRef' ? ` AS ${quoteIfNeeded(q.name)}` : ''}` }], applicability: 'unsafe' }]
            : undefined, }));
      }
    });
  }
  if (isStreaming(session)) {
    const rowtimes = rel.columns.filter((c) => timeAttributeOf(c.type) === 'ROWTIME');
    if (rowtimes.length > 1) {
      session.report(diagnostic(Codes.multipleRowtimesIntoSink, { message: `The query has ${rowtimes.length} rowtime columns (${rowtimes.map((c) => c.name).join(', ')}); a sink can receive at most one.`, span: stmt.query.span, hint: `Keep one and CAST the others to a plain TIMESTAMP(3), e.g. CAST(${rowtimes[1]!.name} AS TIMESTAMP(3)).` }));
    }
    checkSinkChangelog(stmt, table, rel, session, parts);
  }
  // The keys are the query's upsert keys (what the sink's primary key should match); the sink is `target`.
  return { ...base, keys: rel.upsertKeys.map((k) => k.map((i) => rel.columns[i]?.name ?? '')) };
}

function checkSinkChangelog(stmt: Insert, table: CatalogTable, rel: { changelog: StatementAnalysis['changelog']; updatingSource: StatementAnalysis['updatingSource'] }, session: Session, parts: readonly string[]): void {
  const mode = rel.changelog;
  if (mode === null || isInsertOnly(mode)) return;
  const abilities = sinkAbilities(table);
  if (abilities === null) return;
  const needsUpdates = mode.updates && !abilities.acceptsUpdates;
  const needsDeletes = mode.deletes && !abilities.acceptsDeletes;
  if (!needsUpdates && !needsDeletes) {
    if (abilities.requiresPrimaryKey && table.primaryKey === null) {
      session.report(diagnostic(Codes.sinkPrimaryKeyRequired, { message: `'${parts.join('.')}' (connector '${abilities.connector}') needs a PRIMARY KEY to receive updates.`, span: stmt.target.span, hint: 'Declare PRIMARY KEY (...) NOT ENFORCED on the sink, on the columns that identify a result row.' }));
    }
    return;
  }
  const kinds = [needsUpdates ? 'update' : null, needsDeletes ? 'delete' : null].filter((k) => k !== null).join(' and ');
  const source = rel.updatingSource;
  const finding: Diagnostic = diagnostic(Codes.updatesIntoAppendOnlySink, { message: `'${parts.join('.')}' is an append-only ${abilities.connector} table, but the query ${kinds === 'update' ? 'updates' : kinds === 'delete' ? 'deletes' : 'updates and deletes'} rows it has already emitted${source === null ? '' : `, because of ${source.what}`}.`,
    span: stmt.target.span,
    related: source === null ? undefined : [{ span: source.span, message: 'the updates come from here' }],
    hint: `${abilities.connector === 'kafka'
      ? "Write to an 'upsert-kafka' table with a PRIMARY KEY on the result's key instead, or make the query insert-only (e.g. a window aggregation with TUMBLE instead of a plain GROUP BY)."
      : 'Write to a sink that accepts updates (upsert-kafka, jdbc with a PRIMARY KEY, ...), or make the query insert-only (e.g. a window aggregation instead of a plain GROUP BY).'} (The query's changelog is ${printChangelogMode(mode)}; the sink accepts [I].)`, });
  session.report(finding);
}

/** The select-list item that produces output column `index`, when the query is a plain SELECT without `*`. */
function selectItemAt(query: Query, index: number): SelectItem | null {
  let body = query.body;
  while (body.kind === 'Query' && body.withItems.length === 0) body = body.body;
  if (body.kind !== 'Select' || body.items.some((item) => item.expr.kind === 'Star')) return null;
  return body.items[index] ?? null;
}
