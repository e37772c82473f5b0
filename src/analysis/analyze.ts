import { diagnostic } from '../diagnostics/make.js';
import type { Insert, QualifiedName, Query, Statement } from '../ast/nodes.js';
import { Codes } from '../diagnostics/codes.js';
import { closestMatches } from '../diagnostics/suggest.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ParsedStatement, ScriptParseResult } from '../parse/api.js';
import { parseScript } from '../parse/index.js';
import { coverSpans, type Span } from '../source/span.js';
import { Catalog } from './catalog/catalog.js';
import { enumOption } from './config-options.js';
import { checkConnectorOptions, type ConnectorCheckInput } from './connectors/check.js';
import { connectorInputFromCreateTable } from './connectors/from-ddl.js';
import type { CatalogEntries, CatalogTable, ObjectIdentifier } from './catalog/model.js';
import { printIdentifier } from './catalog/model.js';
import { buildTable } from './ddl/create-table.js';
import { applyAlterTable } from './ddl/alter-table.js';
import { checkInsert } from './dml/insert.js';
import { QueryAnalyzer, tableNotFound } from './query/analyzer.js';
import { describeColumns } from './query/table-facts.js';
import { isStreaming, type Session } from './query/session.js';
import type { OutputColumn, StatementAnalysis } from './schema.js';
import { printType } from './types/logical-type.js';

export interface AnalysisOptions {
  /** Catalog documents and Avro schemas loaded before the script runs, in order. */
  readonly catalogs?: readonly CatalogEntries[];
}

export interface ScriptAnalysis {
  /** One entry per parsed statement, in script order. */
  readonly statements: readonly StatementAnalysis[];
  readonly diagnostics: readonly Diagnostic[];
  /** The catalog as the script leaves it. */
  readonly catalog: Catalog;
}

/** Semantic analysis of a parsed script: replays its DDL against the catalog and validates each statement. */
export function analyzeScript(parsed: ScriptParseResult, options: AnalysisOptions = {}): ScriptAnalysis {
  const catalog = new Catalog();
  for (const entries of options.catalogs ?? []) catalog.load(entries);
  const diagnostics: Diagnostic[] = [];
  // Connector options are checked at the end, knowing whether the script uses each table.
  const declared = new Map<string, { statement: Extract<Statement, { kind: 'CreateTable' }>; table: CatalogTable; alteredAt: Span | null }>();
  const used = new Set<string>();
  const written = new Set<string>();
  const session: Session = {
    catalog, options: new Map(), modules: ['core'], report: (d) => diagnostics.push(d), source: parsed.source.text,
    markUsed: (table) => { used.add(printIdentifier(table.id)); },
    markWritten: (table) => { written.add(printIdentifier(table.id)); },
    declareTable: (statement, table) => { declared.set(printIdentifier(table.id), { statement, table, alteredAt: null }); },
    tableAltered: (table, span) => {
      const entry = declared.get(printIdentifier(table.id));
      if (entry !== undefined) declared.set(printIdentifier(table.id), { ...entry, table, alteredAt: span });
    },
  };
  const statements: StatementAnalysis[] = [];
  // SQL client statement sets: BEGIN STATEMENT SET; INSERT ...; END;
  let openSet: ParsedStatement | null = null;
  for (const statement of parsed.statements) {
    if (statement.ast === null) continue;
    const ast = statement.ast;
    if (ast.kind === 'ClientCommand' && ast.command === 'END') {
      if (openSet === null) diagnostics.push(diagnostic(Codes.statementSetContent, { message: 'END without BEGIN STATEMENT SET: there is no statement set to submit.', span: statement.span, hint: 'Remove END, or start the set with BEGIN STATEMENT SET.' }));
      openSet = null;
      continue;
    }
    if (openSet !== null && !isStatementSetMember(ast)) {
      diagnostics.push(diagnostic(Codes.statementSetContent, { message: 'Only INSERT and CREATE TABLE ... AS SELECT statements are allowed inside a statement set.',
        span: statement.span,
        related: [{ span: openSet.span, message: 'the statement set begins here' }],
        hint: 'Close the set with END first, or move this statement before BEGIN STATEMENT SET.', }));
      continue;
    }
    if (ast.kind === 'ClientCommand' && ast.command === 'BEGIN STATEMENT SET') openSet = statement;
    const before = diagnostics.length;
    try {
      statements.push({ index: statement.index, ...analyzeStatement(statement.ast, session) });
    } catch (error) {
      diagnostics.length = before;
      diagnostics.push(diagnostic(Codes.internalError, { message: `flinkcheck could not analyse this statement (${error instanceof Error ? error.message : String(error)}). This is a bug in flinkcheck, not in your SQL.`,
        span: statement.span, }));
    }
  }
  for (const [key, { statement, table, alteredAt }] of declared) {
    diagnostics.push(...checkConnectorOptions({ ...connectorInput(statement, table, used.has(key), alteredAt), written: written.has(key) }));
  }
  return { statements, diagnostics, catalog };
}

/**
 * The connector check's input for the table as the script leaves it: options written in the CREATE
 * TABLE keep their spans; those inherited through LIKE point at the LIKE clause, those set by a later
 * ALTER TABLE at that statement.
 */
function connectorInput(statement: Extract<Statement, { kind: 'CreateTable' }>, table: CatalogTable, used: boolean, alteredAt: Span | null): ConnectorCheckInput {
  const input = connectorInputFromCreateTable(statement);
  const options = table.options.map(([key, value]) => {
    const written = input.options.find((o) => o.key === key && o.value === value);
    if (written !== undefined) return written;
    const span = alteredAt ?? statement.like?.span ?? statement.name.span;
    return { key, value, keySpan: span, valueSpan: span };
  });
  return {
    ...input,
    options,
    // Columns as the table ends up (LIKE, ALTER); a metadata column written here keeps the span of its key.
    columns: table.columns.map((c) => ({
      name: c.name, type: c.type, kind: c.kind, metadataKey: c.metadataKey, virtual: c.virtual,
      metadataSpan: input.columns.find((w) => w.name === c.name && w.kind === 'metadata')?.metadataSpan ?? null,
    })),
    primaryKey: table.primaryKey?.columns ?? null,
    partitionKeys: table.partitionKeys,
    used,
  };
}

/**
 * Runs a DDL-only script (CREATE TABLE / VIEW / FUNCTION ...) and returns what it defines, so a
 * catalog can be given as DDL text (gRPC requests, catalog files ending in .sql).
 */
export function catalogFromDdl(text: string): { readonly entries: CatalogEntries; readonly diagnostics: readonly Diagnostic[] } {
  const parsed = parseScript(text);
  const analysis = analyzeScript(parsed);
  return { entries: analysis.catalog.entries(), diagnostics: [...parsed.diagnostics, ...analysis.diagnostics] };
}

type Result = Omit<StatementAnalysis, 'index'>;

function isStatementSetMember(stmt: Statement): boolean {
  return stmt.kind === 'Insert' || (stmt.kind === 'CreateTable' && stmt.asQuery !== null);
}

const NOTHING: Result = { schema: null, changelog: null, keys: [], target: null, updatingSource: null };

function analyzeStatement(stmt: Statement, session: Session): Result {
  const catalog = session.catalog;
  switch (stmt.kind) {
    case 'QueryStatement': return queryResult(stmt.query, session);
    case 'Insert': return checkInsert(stmt, session);
    case 'StatementSet': {
      for (const insert of stmt.inserts) checkInsert(insert, session);
      return NOTHING;
    }
    case 'Execute': return analyzeStatement(stmt.statement, session);
    case 'CompilePlan': return analyzeStatement(stmt.statement, session);
    case 'Explain': {
      analyzeStatement(stmt.statement, session);
      return NOTHING;
    }
    case 'CreateTable': return createTable(stmt, session);
    case 'CreateView': {
      const id = qualifyIn(stmt.name, session);
      if (id === null) return NOTHING;
      if (!stmt.orReplace && exists(session, id, stmt.temporary) && !stmt.ifNotExists) {
        session.report(diagnostic(Codes.objectExists, { message: `${stmt.temporary ? 'A temporary view' : 'A table or view'} named '${stmt.name.parts.map((p) => p.value).join('.')}' already exists in ${id.catalog}.${id.database}.`, span: stmt.name.span, hint: 'Use CREATE VIEW IF NOT EXISTS, choose another name, or DROP it first.' }));
        return NOTHING;
      }
      if (stmt.ifNotExists && exists(session, id, stmt.temporary)) return NOTHING;
      const rel = new QueryAnalyzer(session).analyzeQuery(stmt.query, null);
      let columns: OutputColumn[] = [...rel.columns];
      if (stmt.columns.length > 0) {
        if (!rel.opaque && stmt.columns.length !== columns.length) {
          session.report(diagnostic(Codes.aliasColumnCount, { message: `The view lists ${plural(stmt.columns.length, 'column name')}, but its query returns ${plural(columns.length, 'column')}.`, span: stmt.columns[0]!.span, hint: `Name all ${columns.length} columns: ${columns.map((c) => c.name).join(', ')}.` }));
        }
        columns = stmt.columns.map((c, i) => ({ name: c.value, type: columns[i]?.type ?? { root: 'UNKNOWN', nullable: true } }));
      }
      catalog.put({ kind: 'view', id, columns: rel.opaque && stmt.columns.length === 0 ? [] : columns, query: rel.opaque && stmt.columns.length === 0 ? null : 'query', temporary: stmt.temporary, origin: { file: null, span: stmt.name.span }, changelog: rel.changelog, updatingSource: rel.updatingSource });
      return { schema: rel.opaque ? null : columns, changelog: rel.changelog, keys: [], target: printIdentifier(id), updatingSource: rel.updatingSource };
    }
    case 'CreateFunction': {
      const id = catalog.qualify(stmt.name.parts.map((p) => p.value));
      if (catalog.functionExists(id, stmt.temporary, stmt.system) && !stmt.ifNotExists && !stmt.orReplace) {
        session.report(diagnostic(Codes.objectExists, { message: `Function '${stmt.system ? id.name : printIdentifier(id)}' already exists.`, span: stmt.name.span, hint: 'Use CREATE FUNCTION IF NOT EXISTS, or DROP it first.' }));
        return NOTHING;
      }
      catalog.putFunction({ id, kind: 'scalar', signatures: [], className: stmt.className, language: stmt.language, temporary: stmt.temporary, system: stmt.system, origin: { file: null, span: stmt.name.span } });
      return { ...NOTHING, target: printIdentifier(id) };
    }
    case 'AlterFunction': {
      const id = catalog.qualify(stmt.name.parts.map((p) => p.value));
      if (stmt.temporary && !stmt.system) {
        session.report(diagnostic(Codes.unsupportedStatement, { message: 'ALTER TEMPORARY FUNCTION is not supported for catalog functions.', span: stmt.span, hint: 'DROP TEMPORARY FUNCTION and CREATE it again.' }));
        return NOTHING;
      }
      if (!catalog.functionExists(id, stmt.temporary, stmt.system) && !stmt.ifExists && catalog.isKnownCatalog(id.catalog)) {
        session.report(diagnostic(Codes.functionNotFound, { message: `Function '${printIdentifier(id)}' does not exist.`, span: stmt.name.span, hint: 'Create it with CREATE FUNCTION first, or add IF EXISTS.' }));
      }
      return NOTHING;
    }
    case 'CreateCatalog': {
      const name = stmt.name.value;
      if (catalog.hasCatalog(name)) {
        if (!stmt.ifNotExists) session.report(diagnostic(Codes.objectExists, { message: `Catalog '${name}' already exists.`, span: stmt.name.span, hint: 'Use CREATE CATALOG IF NOT EXISTS, or DROP CATALOG first.' }));
        return NOTHING;
      }
      const type = stmt.options.find((o) => o.key === 'type')?.value;
      const defaultDatabase = stmt.options.find((o) => o.key === 'default-database')?.value ?? 'default';
      catalog.addCatalog(name, type === 'generic_in_memory', defaultDatabase);
      return NOTHING;
    }
    case 'AlterCatalog': {
      if (!catalog.hasCatalog(stmt.name.value)) {
        session.report(catalogMissing(session, stmt.name.value, stmt.name.span));
        return NOTHING;
      }
      if (stmt.resetKeys !== null) {
        if (stmt.resetKeys.length === 0) session.report(diagnostic(Codes.emptyResetKey, { message: 'ALTER CATALOG RESET needs at least one option key.', span: stmt.span, hint: "Name the options to reset, e.g. RESET ('default-database')." }));
        for (const key of stmt.resetKeys) {
          if (key.key === 'type') session.report(diagnostic(Codes.unsupportedStatement, { message: "A catalog's 'type' cannot be reset.", span: key.span, hint: 'Drop the catalog and create it again with another type.' }));
        }
      }
      return NOTHING;
    }
    case 'CreateDatabase': {
      const parts = stmt.name.parts.map((p) => p.value);
      const catalogName = parts.length > 1 ? parts[0]! : catalog.currentCatalog;
      const database = parts[parts.length - 1]!;
      if (!catalog.hasCatalog(catalogName)) {
        session.report(catalogMissing(session, catalogName, stmt.name.parts[0]!.span));
        return NOTHING;
      }
      if (catalog.hasDatabase(catalogName, database) === true && !stmt.ifNotExists) {
        session.report(diagnostic(Codes.objectExists, { message: `Database '${database}' already exists in catalog '${catalogName}'.`, span: stmt.name.span, hint: 'Use CREATE DATABASE IF NOT EXISTS.' }));
      }
      catalog.addDatabase(catalogName, database);
      return NOTHING;
    }
    case 'AlterDatabase': {
      checkDatabase(session, stmt.name);
      return NOTHING;
    }
    case 'AlterTable': return applyAlterTable(stmt, session);
    case 'CreateModel': {
      if (stmt.asQuery !== null) {
        for (const [columns, what] of [[stmt.input, 'INPUT'], [stmt.output, 'OUTPUT']] as const) {
          if (columns.length === 0) continue;
          session.report(diagnostic(Codes.unsupportedStatement, { message: `CREATE MODEL ... AS SELECT cannot also declare ${what} columns: they come from the query.`, span: coverSpans(columns[0]!.span, columns[columns.length - 1]!.span), hint: `Remove the ${what} (...) clause.` }));
        }
        new QueryAnalyzer(session).analyzeQuery(stmt.asQuery, null);
      }
      return NOTHING;
    }
    case 'AlterView': {
      const found = catalog.lookup(stmt.name.parts.map((p) => p.value));
      if (found.status === 'missing') session.report(tableNotFound(session, stmt.name.parts.map((p) => p.value), stmt.name.span, found.reason));
      else if (found.status === 'found' && found.object.kind !== 'view') session.report(wrongKind(stmt.name, 'ALTER VIEW', 'view', 'table'));
      else if (found.status === 'found') {
        if (stmt.newName !== null) {
          const newId = catalog.qualify(stmt.newName.parts.map((p) => p.value));
          catalog.remove(found.id, found.object.temporary);
          catalog.put({ ...found.object, id: newId });
        } else if (stmt.query !== null) {
          const rel = new QueryAnalyzer(session).analyzeQuery(stmt.query, null);
          if (found.object.kind === 'view') catalog.put({ ...found.object, columns: rel.columns });
        }
      }
      return NOTHING;
    }
    case 'Drop': return drop(stmt, session);
    case 'Use': {
      if (stmt.target === 'CATALOG') {
        const name = stmt.names[0]!.parts.map((p) => p.value).join('.');
        if (!catalog.hasCatalog(name)) session.report(catalogMissing(session, name, stmt.names[0]!.span));
        else { catalog.currentCatalog = name; catalog.currentDatabase = catalog.defaultDatabaseOf(name) ?? catalog.currentDatabase; }
      } else if (stmt.target === 'DATABASE') {
        const parts = stmt.names[0]!.parts.map((p) => p.value);
        const catalogName = parts.length > 1 ? parts[0]! : catalog.currentCatalog;
        const database = parts[parts.length - 1]!;
        if (!catalog.hasCatalog(catalogName)) session.report(catalogMissing(session, catalogName, stmt.names[0]!.span));
        else if (catalog.hasDatabase(catalogName, database) === false) session.report(databaseMissing(session, catalogName, database, stmt.names[0]!.span));
        else { catalog.currentCatalog = catalogName; catalog.currentDatabase = database; }
      } else {
        const seen = new Set<string>();
        for (const name of stmt.names) {
          const value = name.parts.map((p) => p.value).join('.');
          if (seen.has(value)) session.report(diagnostic(Codes.moduleProblem, { message: `Module '${value}' is listed more than once.`, span: name.span }));
          else if (!session.modules.includes(value)) session.report(diagnostic(Codes.moduleProblem, { message: `Module '${value}' is not loaded.`, span: name.span, hint: `Loaded modules: ${session.modules.join(', ') || 'none'}. LOAD MODULE it first.` }));
          seen.add(value);
        }
      }
      return NOTHING;
    }
    case 'Show': {
      if (stmt.name === null) return NOTHING;
      if (stmt.object === 'DATABASES') {
        const name = stmt.name.parts.map((p) => p.value).join('.');
        if (!catalog.hasCatalog(name)) session.report(catalogMissing(session, name, stmt.name.span));
      } else if (stmt.object === 'TABLES' || stmt.object === 'VIEWS' || stmt.object === 'FUNCTIONS' || stmt.object === 'USER FUNCTIONS' || stmt.object === 'MATERIALIZED TABLES' || stmt.object === 'MODELS') {
        checkDatabase(session, stmt.name);
      } else if (stmt.object === 'CREATE TABLE' || stmt.object === 'CREATE VIEW' || stmt.object === 'COLUMNS' || stmt.object === 'PARTITIONS') {
        const found = lookupObject(session, stmt.name);
        if (found !== null && stmt.object === 'CREATE TABLE' && found.kind === 'view') session.report(wrongKind(stmt.name, 'SHOW CREATE TABLE', 'table', 'view'));
        if (found !== null && stmt.object === 'CREATE VIEW' && found.kind === 'table') session.report(wrongKind(stmt.name, 'SHOW CREATE VIEW', 'view', 'table'));
        if (found !== null && stmt.object === 'COLUMNS') return describeResult(found, session);
      } else if (stmt.object === 'CREATE CATALOG') {
        const name = stmt.name.parts.map((p) => p.value).join('.');
        if (!catalog.hasCatalog(name)) session.report(catalogMissing(session, name, stmt.name.span));
      }
      return NOTHING;
    }
    case 'Describe': {
      if (stmt.name === null) return NOTHING;
      if (stmt.object === 'TABLE') {
        const found = lookupObject(session, stmt.name);
        return found === null ? NOTHING : describeResult(found, session);
      }
      if (stmt.object === 'CATALOG') {
        const name = stmt.name.parts.map((p) => p.value).join('.');
        if (!catalog.hasCatalog(name)) session.report(catalogMissing(session, name, stmt.name.span));
      }
      if (stmt.object === 'DATABASE') checkDatabase(session, stmt.name);
      return NOTHING;
    }
    case 'Set': {
      if (stmt.key === null || stmt.value === null) return NOTHING;
      const option = enumOption(stmt.key.key);
      if (option !== undefined && !option.values.includes(stmt.value.toLowerCase())) {
        const suggestions = closestMatches(stmt.value, option.values);
        session.report(diagnostic(Codes.invalidConfigValue, { message: `'${stmt.value}' is not a valid value for '${option.key}' (${option.description}).${suggestions.length > 0 ? ` Did you mean '${suggestions[0]}'?` : ''}`,
          span: stmt.span,
          hint: `Valid values: ${option.values.join(', ')}.`, }));
        return NOTHING;
      }
      session.options.set(stmt.key.key, stmt.value);
      return NOTHING;
    }
    case 'Reset': {
      if (stmt.key === null) session.options.clear();
      else session.options.delete(stmt.key.key);
      return NOTHING;
    }
    case 'UnloadModule': {
      const index = session.modules.indexOf(stmt.name.value);
      if (index < 0) session.report(diagnostic(Codes.moduleProblem, { message: `Module '${stmt.name.value}' is not loaded, so it cannot be unloaded.`, span: stmt.name.span, hint: `Loaded modules: ${session.modules.join(', ') || 'none'}.` }));
      else session.modules.splice(index, 1);
      return NOTHING;
    }
    case 'LoadModule': {
      if (session.modules.includes(stmt.name.value)) {
        session.report(diagnostic(Codes.moduleProblem, { message: `Module '${stmt.name.value}' is already loaded.`, span: stmt.name.span, hint: 'Remove this LOAD MODULE, or UNLOAD MODULE it first.' }));
        return NOTHING;
      }
      session.modules.push(stmt.name.value);
      if (stmt.options.some((o) => o.key === 'type')) {
        const option = stmt.options.find((o) => o.key === 'type')!;
        session.report(diagnostic(Codes.moduleProblem, { message: "LOAD MODULE does not take a 'type' option: the module's name selects it.", span: option.keySpan, hint: 'Remove the type option.' }));
      }
      return NOTHING;
    }
    case 'Delete':
    case 'Update':
    case 'Truncate':
    case 'AnalyzeTable': {
      const name = stmt.kind === 'Delete' || stmt.kind === 'Update' || stmt.kind === 'Truncate' ? stmt.table : stmt.name;
      lookupObject(session, name);
      if (isStreaming(session)) {
        // TableEnvironmentImpl and TruncateTableOperation refuse these in streaming mode, the default.
        const { what, keyword } = BATCH_ONLY_STATEMENTS[stmt.kind];
        session.report(diagnostic(Codes.unsupportedStatement, { message: `${what} runs only in batch mode, and this script runs in streaming mode.`,
          span: { start: stmt.span.start, end: Math.min(stmt.span.end, stmt.span.start + keyword.length) }, hint: `Run the script in batch mode: SET 'execution.runtime-mode' = 'batch'; before the ${what}. To change rows of a stream, write the changes into an upsert sink with INSERT INTO.` }));
      }
      return NOTHING;
    }
    default:
      return NOTHING;
  }
}

/** Statements Flink runs only in batch mode: what to call them, and the keyword they start with. */
const BATCH_ONLY_STATEMENTS: Readonly<Record<'Delete' | 'Update' | 'Truncate' | 'AnalyzeTable', { readonly what: string; readonly keyword: string }>> = {
  Delete: { what: 'DELETE', keyword: 'DELETE' },
  Update: { what: 'UPDATE', keyword: 'UPDATE' },
  Truncate: { what: 'TRUNCATE TABLE', keyword: 'TRUNCATE' },
  AnalyzeTable: { what: 'ANALYZE TABLE', keyword: 'ANALYZE' },
};

function queryResult(query: Query, session: Session): Result {
  const rel = new QueryAnalyzer(session).analyzeStatementQuery(query);
  return {
    schema: rel.opaque ? null : rel.columns,
    changelog: rel.changelog,
    keys: rel.upsertKeys.map((k) => k.map((i) => rel.columns[i]?.name ?? '')),
    target: null,
    updatingSource: rel.updatingSource,
  };
}

function createTable(stmt: Extract<Statement, { kind: 'CreateTable' }>, session: Session): Result {
  const id = qualifyIn(stmt.name, session);
  if (id === null) return NOTHING;
  if (stmt.asQuery !== null && stmt.temporary) {
    session.report(diagnostic(Codes.temporaryCtas, { message: `${stmt.mode === 'REPLACE' ? 'REPLACE TABLE' : stmt.mode === 'CREATE' ? 'CREATE TABLE' : 'CREATE OR REPLACE TABLE'} ... AS SELECT cannot create a temporary table.`, span: stmt.span, hint: 'Remove TEMPORARY, or create the table first and INSERT INTO it.' }));
  }
  const already = exists(session, id, stmt.temporary);
  if (already && stmt.mode === 'CREATE') {
    if (!stmt.ifNotExists) {
      session.report(diagnostic(Codes.objectExists, { message: `${stmt.temporary ? 'A temporary table' : 'A table or view'} named '${stmt.name.parts.map((p) => p.value).join('.')}' already exists in ${id.catalog}.${id.database}.`, span: stmt.name.span, hint: 'Use CREATE TABLE IF NOT EXISTS, choose another name, or DROP it first.' }));
    }
    return NOTHING;
  }
  const table = buildTable(stmt, session, id);
  session.catalog.put(table);
  session.declareTable?.(stmt, table);
  return { ...describeResult(table, session), target: printIdentifier(id) };
}

function describeResult(object: CatalogTable | { kind: 'view'; id: ObjectIdentifier; columns: readonly OutputColumn[] }, session: Session): Result {
  if (object.kind === 'view') return { ...NOTHING, schema: object.columns, target: printIdentifier(object.id) };
  return {
    schema: describeColumns(object, isStreaming(session)),
    changelog: null,
    keys: object.primaryKey === null ? [] : [object.primaryKey.columns],
    target: printIdentifier(object.id),
    updatingSource: null,
  };
}

function drop(stmt: Extract<Statement, { kind: 'Drop' }>, session: Session): Result {
  const catalog = session.catalog;
  const parts = stmt.name.parts.map((p) => p.value);
  switch (stmt.object) {
    case 'CATALOG': {
      const name = parts.join('.');
      if (!catalog.hasCatalog(name)) {
        if (!stmt.ifExists) session.report(catalogMissing(session, name, stmt.name.span));
      } else if (catalog.currentCatalog === name) {
        session.report(diagnostic(Codes.objectInUse, { message: `Catalog '${name}' cannot be dropped while it is the current catalog.`, span: stmt.name.span, hint: 'USE CATALOG another one first.' }));
      } else catalog.dropCatalog(name);
      return NOTHING;
    }
    case 'DATABASE': {
      const catalogName = parts.length > 1 ? parts[0]! : catalog.currentCatalog;
      const database = parts[parts.length - 1]!;
      if (!catalog.hasCatalog(catalogName)) {
        session.report(catalogMissing(session, catalogName, stmt.name.span));
      } else if (catalog.hasDatabase(catalogName, database) === false) {
        if (!stmt.ifExists) session.report(databaseMissing(session, catalogName, database, stmt.name.span));
      } else if (catalog.currentCatalog === catalogName && catalog.currentDatabase === database) {
        session.report(diagnostic(Codes.objectInUse, { message: `Database '${database}' cannot be dropped while it is the current database.`, span: stmt.name.span, hint: 'USE another database first.' }));
      } else catalog.dropDatabase(catalogName, database);
      return NOTHING;
    }
    case 'FUNCTION': {
      const id = catalog.qualify(parts);
      if (!catalog.removeFunction(id, stmt.temporary, stmt.system) && !stmt.ifExists && (stmt.system || catalog.isKnownCatalog(id.catalog))) {
        session.report(diagnostic(Codes.functionNotFound, { message: `Function '${stmt.system ? id.name : printIdentifier(id)}' does not exist.`, span: stmt.name.span, hint: 'Add IF EXISTS to ignore a missing function.' }));
      }
      return NOTHING;
    }
    case 'TABLE':
    case 'VIEW':
    case 'MATERIALIZED TABLE': {
      const id = catalog.qualify(parts);
      if (!catalog.hasCatalog(id.catalog)) {
        session.report(catalogMissing(session, id.catalog, stmt.name.span));
        return NOTHING;
      }
      if (!catalog.isKnownCatalog(id.catalog)) return NOTHING;
      const wanted = stmt.object === 'VIEW' ? 'view' : 'table';
      if (!stmt.temporary && catalog.getTemporary(id) !== undefined) {
        session.report(diagnostic(Codes.objectInUse, { message: `A temporary ${wanted} '${printIdentifier(id)}' exists and hides the permanent one; DROP ${stmt.object} would be ambiguous.`, span: stmt.name.span, hint: `Drop it first with DROP TEMPORARY ${stmt.object}.` }));
        return NOTHING;
      }
      const object = stmt.temporary ? catalog.getTemporary(id) : catalog.getPermanent(id);
      if (object === undefined) {
        if (!stmt.ifExists) {
          const temp = !stmt.temporary && catalog.getTemporary(id) !== undefined;
          session.report(diagnostic(Codes.tableNotFound, { message: temp ? `'${printIdentifier(id)}' is a temporary ${wanted}; DROP ${stmt.object} cannot drop it.` : `${wanted === 'view' ? 'View' : 'Table'} '${printIdentifier(id)}' does not exist.`,
            span: stmt.name.span,
            hint: temp ? `Use DROP TEMPORARY ${stmt.object}.` : 'Add IF EXISTS to ignore a missing object.', }));
        }
        return NOTHING;
      }
      if (object.kind !== wanted) {
        session.report(wrongKind(stmt.name, `DROP ${stmt.object}`, wanted, object.kind));
        return NOTHING;
      }
      catalog.remove(id, object.temporary);
      return NOTHING;
    }
    default:
      return NOTHING;
  }
}

function qualifyIn(name: QualifiedName, session: Session): ObjectIdentifier | null {
  const catalog = session.catalog;
  const id = catalog.qualify(name.parts.map((p) => p.value));
  if (!catalog.hasCatalog(id.catalog)) {
    session.report(catalogMissing(session, id.catalog, name.span));
    return null;
  }
  if (catalog.hasDatabase(id.catalog, id.database) === false) {
    session.report(databaseMissing(session, id.catalog, id.database, name.span));
    return null;
  }
  return id;
}

function exists(session: Session, id: ObjectIdentifier, temporary: boolean): boolean {
  return temporary ? session.catalog.getTemporary(id) !== undefined : session.catalog.getPermanent(id) !== undefined;
}

function lookupObject(session: Session, name: QualifiedName): CatalogTable | { kind: 'view'; id: ObjectIdentifier; columns: readonly OutputColumn[] } | null {
  const parts = name.parts.map((p) => p.value);
  const found = session.catalog.lookup(parts);
  if (found.status === 'missing') {
    session.report(tableNotFound(session, parts, name.span, found.reason));
    return null;
  }
  return found.status === 'found' ? found.object : null;
}

function checkDatabase(session: Session, name: QualifiedName): void {
  const parts = name.parts.map((p) => p.value);
  const catalogName = parts.length > 1 ? parts[0]! : session.catalog.currentCatalog;
  const database = parts[parts.length - 1]!;
  if (!session.catalog.hasCatalog(catalogName)) session.report(catalogMissing(session, catalogName, name.span));
  else if (session.catalog.hasDatabase(catalogName, database) === false) session.report(databaseMissing(session, catalogName, database, name.span));
}

function catalogMissing(session: Session, name: string, span: Diagnostic['span']): Diagnostic {
  const known = session.catalog.catalogNames();
  const suggestions = closestMatches(name, known);
  return diagnostic(Codes.catalogNotFound, { message: `Catalog '${name}' does not exist.${suggestions.length > 0 ? ` Did you mean '${suggestions[0]}'?` : ''}`,
    span,
    hint: `Known catalogs: ${known.join(', ')}. Create it with CREATE CATALOG first.`, });
}

function databaseMissing(session: Session, catalog: string, database: string, span: Diagnostic['span']): Diagnostic {
  const known = session.catalog.databaseNames(catalog);
  const suggestions = closestMatches(database, known);
  return diagnostic(Codes.databaseNotFound, { message: `Database '${database}' does not exist in catalog '${catalog}'.${suggestions.length > 0 ? ` Did you mean '${suggestions[0]}'?` : ''}`,
    span,
    hint: `Databases in '${catalog}': ${known.join(', ') || 'none'}. Create it with CREATE DATABASE first.`, });
}

function wrongKind(name: QualifiedName, statement: string, wanted: string, actual: string): Diagnostic {
  return diagnostic(Codes.wrongObjectKind, { message: `${statement} needs a ${wanted}, but '${name.parts.map((p) => p.value).join('.')}' is a ${actual}.`,
    span: name.span,
    hint: `Use the ${actual.toUpperCase()} form of the statement.`, });
}

export type { Insert };
export { printType };

/** `1 column`, `3 columns`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
