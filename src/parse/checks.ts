/**
 * Checks that Flink's parser makes after the grammar has matched (in its parserImpls.ftl and the
 * SqlNode constructors): they reject statements whose shape the grammar allows but Flink does not.
 * They run on the AST, report with category `syntax`, and never stop other statements.
 */
import type * as A from '../ast/nodes.js';
import { walk } from '../ast/walk.js';
import { Codes, type CodeInfo } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceText } from '../source/source-text.js';
import type { Span } from '../source/span.js';

const LIKE_FEATURES: ReadonlySet<string> = new Set([
  'ALL', 'CONSTRAINTS', 'PARTITIONS', 'DISTRIBUTION', 'GENERATED', 'OPTIONS', 'WATERMARKS', 'METADATA',
]);
/** OVERWRITING only applies to features that can be merged field by field (Flink's SqlTableLike). */
const OVERWRITABLE_FEATURES: ReadonlySet<string> = new Set(['GENERATED', 'OPTIONS', 'WATERMARKS', 'METADATA']);

function report(code: CodeInfo, span: Span, message: string, hint?: string): Diagnostic {
  return { code: code.code, severity: code.severity, category: code.category, span, message, ...(hint ? { hint } : {}) };
}

/** Finds a keyword in the source between two offsets (for keywords the AST does not keep). */
function findKeyword(source: SourceText, from: number, to: number, pattern: RegExp): Span | null {
  const text = source.text.slice(from, to);
  const match = pattern.exec(text);
  return match ? { start: from + match.index, end: from + match.index + match[0].length } : null;
}

export function checkStatement(statement: A.Statement, source: SourceText): Diagnostic[] {
  const out: Diagnostic[] = [];
  checkStatementShape(statement, source, out);
  return out;
}

function checkStatementShape(statement: A.Statement, source: SourceText, out: Diagnostic[]): void {
  switch (statement.kind) {
    case 'CreateTable':
      checkTableElements(statement.elements, statement.asQuery !== null || statement.mode === 'REPLACE', source, out);
      checkOptions(statement.options, out);
      checkDistribution(statement.distribution, out);
      checkLike(statement, source, out);
      break;
    case 'CreateMaterializedTable':
      if (statement.temporary || statement.orReplace) {
        const span = findKeyword(source, statement.span.start, statement.name.span.start, /MATERIALIZED/i) ?? statement.span;
        out.push(report(Codes.unsupportedSyntax, span,
          statement.temporary ? 'CREATE TEMPORARY MATERIALIZED TABLE is not supported' : 'CREATE OR REPLACE MATERIALIZED TABLE is not supported',
          'materialized tables are always permanent; drop and re-create the table instead'));
      }
      checkTableElements(statement.elements, false, source, out);
      checkOptions(statement.options, out);
      checkDistribution(statement.distribution, out);
      if (statement.freshness && statement.freshness.kind !== 'IntervalLiteral') {
        out.push(report(Codes.invalidLiteral, statement.freshness.span, 'FRESHNESS must be an interval literal',
          "write it like FRESHNESS = INTERVAL '3' MINUTE"));
      }
      break;
    case 'AlterTable':
      checkAlterTable(statement.action, out);
      break;
    case 'AlterMaterializedTable':
      if (statement.action.kind === 'SetFreshness' && statement.action.freshness.kind !== 'IntervalLiteral') {
        out.push(report(Codes.invalidLiteral, statement.action.freshness.span, 'FRESHNESS must be an interval literal',
          "write it like FRESHNESS = INTERVAL '3' MINUTE"));
      }
      break;
    case 'CreateCatalog': case 'CreateDatabase': case 'LoadModule':
      checkOptions(statement.options, out);
      break;
    case 'CreateFunction':
      checkFunction(statement, source, out);
      break;
    case 'Insert':
      checkInsert(statement, source, out);
      break;
    case 'Show':
      checkShowScope(statement, out);
      break;
    case 'Explain':
      checkExplain(statement, source, out);
      break;
    case 'StopJob': {
      const drain = findKeyword(source, statement.span.start, statement.span.end, /WITH\s+DRAIN/i);
      const savepoint = findKeyword(source, statement.span.start, statement.span.end, /WITH\s+SAVEPOINT/i);
      if (drain && (!savepoint || savepoint.start > drain.start)) {
        out.push(report(Codes.invalidSyntax, drain, 'WITH DRAIN can only follow WITH SAVEPOINT',
          "write STOP JOB '<id>' WITH SAVEPOINT WITH DRAIN"));
      }
      break;
    }
    default:
      break;
  }
}

function checkTableElements(elements: readonly A.TableElement[], allowUntyped: boolean, source: SourceText, out: Diagnostic[]): void {
  let watermarks = 0;
  const columns = elements.filter((e): e is A.PhysicalColumn => e.kind === 'PhysicalColumn');
  const untyped = columns.filter((c) => c.type === null);
  if (untyped.length > 0) {
    const first = elements[0]!;
    if (!allowUntyped) {
      const paren = source.text.lastIndexOf('(', first.span.start);
      out.push(report(Codes.invalidSyntax, { start: paren >= 0 ? paren : first.span.start, end: untyped[untyped.length - 1]!.span.end },
        'Columns without types are allowed only in CREATE TABLE ... AS SELECT and REPLACE TABLE ... AS SELECT',
        'give every column a type, e.g. `id BIGINT`'));
    } else if (first.kind === 'PhysicalColumn') {
      // Either every column is a bare name (its type comes from the query) or every column has a type.
      const firstUntyped = first.type === null;
      for (const column of columns) {
        if ((column.type === null) === firstUntyped) continue;
        const span = column.type ? column.type.span : { start: column.name.span.end, end: column.name.span.end };
        out.push(report(Codes.invalidSyntax, span,
          firstUntyped ? 'Mixing column names with typed columns is not allowed: the list starts with names only' : 'This column needs a type, like the columns before it',
          'either list only column names (types come from the query) or give every column a type'));
        break;
      }
    }
  }
  for (const element of elements) {
    checkConstraint(element, out);
    if (element.kind === 'WatermarkDefinition') {
      watermarks++;
      if (watermarks > 1) {
        out.push(report(Codes.duplicateClause, { start: element.span.start, end: element.span.start + 'WATERMARK'.length },
          'A table can have only one WATERMARK definition', 'keep one watermark; Flink does not support several yet'));
      }
      checkNoSubquery(element.expr, out);
    } else if (element.kind === 'ComputedColumn') {
      checkNoSubquery(element.expr, out);
    } else if (element.kind !== 'TableConstraint') {
      if (element.name.parts.length > 1) {
        out.push(report(Codes.invalidSyntax, element.name.span, 'A column name cannot be a compound name here',
          `write the column name without a qualifier, e.g. \`${element.name.parts[element.name.parts.length - 1]!.value}\``));
      }
      if (element.type) checkColumnType(element.type, out);
    }
  }
}

/**
 * Flink does not own the data, so it cannot enforce keys: a primary key must be declared NOT
 * ENFORCED, and UNIQUE is not supported (Flink's SqlTableConstraint / table schema validation).
 */
function checkConstraint(element: A.TableElement, out: Diagnostic[]): void {
  const constraint = element.kind === 'TableConstraint' ? element
    : element.kind === 'PhysicalColumn' || element.kind === 'MetadataColumn' ? element.constraint : null;
  if (!constraint) return;
  if (constraint.type === 'UNIQUE') {
    out.push(report(Codes.uniqueConstraint, constraint.span, 'Flink does not support UNIQUE constraints',
      'remove the constraint; a PRIMARY KEY ... NOT ENFORCED declares the one key Flink knows'));
    return;
  }
  if (constraint.enforced === false) return;
  const end = constraint.span.end;
  out.push({
    ...report(Codes.primaryKeyEnforced, constraint.span,
      constraint.enforced === true ? 'Flink cannot enforce a PRIMARY KEY: declare it NOT ENFORCED' : 'A PRIMARY KEY must be declared NOT ENFORCED',
      'Flink does not own the data it reads, so it cannot check the key; write PRIMARY KEY ... NOT ENFORCED'),
    fixes: [constraint.enforced === true
      ? { title: 'declare the key NOT ENFORCED', applicability: 'safe', edits: [{ span: { start: end - 'ENFORCED'.length, end: end - 'ENFORCED'.length }, text: 'NOT ' }] }
      : { title: 'add NOT ENFORCED', applicability: 'safe', edits: [{ span: { start: end, end }, text: ' NOT ENFORCED' }] }],
  });
}

function checkColumnType(type: A.DataType, out: Diagnostic[]): void {
  walk(type, {
    enter(node) {
      if (node.kind === 'DataType' && node.name === 'INTERVAL') {
        out.push(report(Codes.invalidSyntax, { start: node.span.start, end: node.span.start + 'INTERVAL'.length },
          'INTERVAL types cannot be used for table columns', 'store the duration as BIGINT (e.g. milliseconds) or as a STRING'));
      }
    },
  });
}

function checkNoSubquery(expr: A.Expression, out: Diagnostic[]): void {
  walk(expr, {
    enter(node) {
      if (node.kind === 'ScalarSubquery' || node.kind === 'Exists' || node.kind === 'InSubquery' || node.kind === 'CollectionQuery') {
        out.push(report(Codes.invalidSyntax, { start: node.span.start, end: node.span.start + 1 },
          'A subquery cannot be used in a computed column or a watermark expression',
          'compute the value in a view or in the query that reads the table'));
        return 'skip';
      }
      return undefined;
    },
  });
}

function checkOptions(options: readonly A.TableOption[], out: Diagnostic[]): void {
  for (const option of options) {
    if (!option.keyQuoted) {
      out.push({
        ...report(Codes.invalidSyntax, option.keySpan, `Option keys must be string literals: write the key \`${option.key}\` in single quotes`,
          `write '${option.key}' = '${option.value.replace(/'/g, "''")}'`),
        fixes: [{ title: `quote the key '${option.key}'`, applicability: 'safe', edits: [{ span: option.keySpan, text: `'${option.key.replace(/'/g, "''")}'` }] }],
      });
    }
  }
}

function checkDistribution(distribution: A.Distribution | null, out: Diagnostic[]): void {
  const buckets = distribution?.buckets;
  if (!buckets) return;
  const positiveInteger = buckets.kind === 'Literal' && buckets.type === 'INTEGER' && Number(buckets.value) > 0;
  if (!positiveInteger) {
    out.push(report(Codes.invalidLiteral, buckets.span, 'The bucket count must be a positive integer', 'write e.g. INTO 4 BUCKETS'));
  }
}

function checkLike(statement: A.CreateTable, source: SourceText, out: Diagnostic[]): void {
  const like = statement.like;
  if (!like) return;
  if (statement.asQuery) {
    const as = findKeyword(source, like.span.end, statement.asQuery.span.start, /\bAS\b/i) ?? statement.asQuery.span;
    out.push(report(Codes.invalidSyntax, as, 'CREATE TABLE ... LIKE cannot also have AS SELECT',
      'use either LIKE to copy a table definition or AS SELECT to derive it from a query'));
  }
  for (const option of like.options) {
    if (!LIKE_FEATURES.has(option.feature)) {
      out.push(report(Codes.invalidSyntax, option.span, `Unknown LIKE option \`${option.feature}\``,
        `use one of ${[...LIKE_FEATURES].join(', ')}`));
    } else if (option.mode === 'OVERWRITING' && !OVERWRITABLE_FEATURES.has(option.feature)) {
      out.push(report(Codes.invalidSyntax, option.span, `OVERWRITING cannot be used with ${option.feature}`,
        `OVERWRITING applies to ${[...OVERWRITABLE_FEATURES].join(', ')}; use INCLUDING or EXCLUDING for ${option.feature}`));
    }
  }
}

function checkAlterTable(action: A.AlterTableAction, out: Diagnostic[]): void {
  if (action.kind === 'AddElements' || action.kind === 'ModifyElements') {
    const watermarks = action.elements.filter((e) => e.element.kind === 'WatermarkDefinition');
    if (watermarks.length > 1) {
      const second = watermarks[1]!.element;
      out.push(report(Codes.duplicateClause, { start: second.span.start, end: second.span.start + 'WATERMARK'.length },
        'A table can have only one WATERMARK definition', 'keep one watermark; Flink does not support several yet'));
    }
    for (const { element } of action.elements) {
      checkConstraint(element, out);
      if (element.kind === 'ComputedColumn' || element.kind === 'WatermarkDefinition') checkNoSubquery(element.expr, out);
      else if (element.kind !== 'TableConstraint' && element.type) checkColumnType(element.type, out);
    }
  } else if (action.kind === 'SetOptions') {
    checkOptions(action.options, out);
  } else if (action.kind === 'AddDistribution' || action.kind === 'ModifyDistribution') {
    checkDistribution(action.distribution, out);
  }
}

function checkFunction(statement: A.CreateFunction, source: SourceText, out: Diagnostic[]): void {
  if (statement.system && !statement.temporary) {
    const span = findKeyword(source, statement.span.start, statement.name.span.start, /SYSTEM/i) ?? statement.span;
    out.push(report(Codes.unsupportedSyntax, span, 'CREATE SYSTEM FUNCTION is not supported: system functions can only be temporary',
      'write CREATE TEMPORARY SYSTEM FUNCTION'));
  }
  if (statement.system && statement.name.parts.length > 1) {
    const dot = source.text.indexOf('.', statement.name.parts[0]!.span.end);
    out.push(report(Codes.invalidSyntax, { start: dot, end: dot + 1 }, 'A temporary system function name cannot have a catalog or database',
      `write just \`${statement.name.parts[statement.name.parts.length - 1]!.value}\``));
  }
  if (statement.jars.length > 0 && statement.language && statement.language !== 'JAVA' && statement.language !== 'SCALA') {
    const span = findKeyword(source, statement.span.start, statement.span.end, new RegExp(`\\b${statement.language}\\b`, 'i')) ?? statement.span;
    out.push(report(Codes.invalidSyntax, span, `USING JAR cannot be used with LANGUAGE ${statement.language}`,
      'USING JAR applies to JAVA and SCALA functions'));
  }
}

function checkInsert(statement: A.Insert, source: SourceText, out: Diagnostic[]): void {
  if (statement.upsert && statement.overwrite) {
    const span = findKeyword(source, statement.span.start, statement.target.span.start, /OVERWRITE/i) ?? statement.span;
    out.push(report(Codes.invalidSyntax, span, 'OVERWRITE can only be used with INSERT, not with UPSERT', 'write INSERT OVERWRITE or UPSERT INTO'));
  }
}

const SCOPED_BY_DATABASE: ReadonlySet<A.ShowObject> = new Set(['TABLES', 'VIEWS', 'FUNCTIONS', 'USER FUNCTIONS', 'PROCEDURES', 'MODELS', 'MATERIALIZED TABLES']);

function checkShowScope(statement: A.Show, out: Diagnostic[]): void {
  const name = statement.name;
  if (!name || !statement.preposition) return;
  if (statement.object === 'DATABASES' && name.parts.length > 1) {
    out.push(report(Codes.invalidSyntax, name.span, `SHOW DATABASES ${statement.preposition} takes a catalog name, not \`${name.parts.map((p) => p.value).join('.')}\``,
      'the catalog must be a single name'));
  } else if (SCOPED_BY_DATABASE.has(statement.object) && name.parts.length > 2) {
    out.push(report(Codes.invalidSyntax, name.span, `SHOW ${statement.object} ${statement.preposition} takes [catalog.]database, not \`${name.parts.map((p) => p.value).join('.')}\``,
      'write the database, optionally with its catalog'));
  }
}

function checkExplain(statement: A.Explain, source: SourceText, out: Diagnostic[]): void {
  const seen = new Set<string>();
  for (const detail of statement.details) {
    if (seen.has(detail)) {
      const first = findKeyword(source, statement.span.start, statement.statement.span.start, new RegExp(detail, 'i'));
      const again = first ? findKeyword(source, first.end, statement.statement.span.start, new RegExp(detail, 'i')) : null;
      out.push(report(Codes.duplicateClause, again ?? statement.span, `EXPLAIN detail ${detail} is given twice`, 'list each detail once'));
    }
    seen.add(detail);
  }
  const inner = statement.statement;
  if (inner.kind === 'CreateTable' && inner.asQuery === null) {
    const end = inner.span.end;
    out.push(report(Codes.unsupportedSyntax, { start: end - 1, end }, 'EXPLAIN can only explain CREATE TABLE ... AS SELECT, not a plain CREATE TABLE',
      'add AS SELECT ... or explain the query itself'));
  }
}
