import { diagnostic } from '../../diagnostics/make.js';
import type { AlterTable, ColumnDefinition } from '../../ast/nodes.js';
import { printExpression } from '../../ast/print.js';
import { Codes } from '../../diagnostics/codes.js';
import { closestMatches } from '../../diagnostics/suggest.js';
import type { CatalogColumn, CatalogTable } from '../catalog/model.js';
import { printIdentifier } from '../catalog/model.js';
import { tableNotFound } from '../query/analyzer.js';
import type { Session } from '../query/session.js';
import type { StatementAnalysis } from '../schema.js';
import { logicalTypeOf } from '../types/from-ast.js';
import { T } from '../types/logical-type.js';

type Result = Omit<StatementAnalysis, 'index'>;
const NOTHING: Result = { schema: null, changelog: null, keys: [], target: null, updatingSource: null };

/** ALTER TABLE: checks each change against the table as the script has it, then applies it. */
export function applyAlterTable(stmt: AlterTable, session: Session): Result {
  const parts = stmt.name.parts.map((p) => p.value);
  const found = session.catalog.lookup(parts);
  if (found.status === 'missing') {
    if (!stmt.ifExists) session.report(tableNotFound(session, parts, stmt.name.span, found.reason));
    return NOTHING;
  }
  if (found.status === 'opaque') return NOTHING;
  if (found.object.kind !== 'table') {
    session.report(diagnostic(Codes.wrongObjectKind, { message: `ALTER TABLE needs a table, but '${parts.join('.')}' is a view.`, span: stmt.name.span, hint: 'Use ALTER VIEW.' }));
    return NOTHING;
  }
  const table = found.object;
  const problem = (message: string, span: AlterTable['span'], hint?: string): Result => {
    session.report(diagnostic(Codes.alterTable, { message, span, hint }));
    return NOTHING;
  };
  const columnNamed = (name: string): CatalogColumn | undefined => table.columns.find((c) => c.name === name);
  const missingColumn = (name: string, span: AlterTable['span']): Result => {
    const suggestions = closestMatches(name, table.columns.map((c) => c.name));
    return problem(`Column '${name}' does not exist in '${parts.join('.')}'.${suggestions.length > 0 ? ` Did you mean '${suggestions[0]}'?` : ''}`, span, `The columns are: ${table.columns.map((c) => c.name).join(', ')}.`);
  };
  let next: CatalogTable = table;
  const action = stmt.action;
  switch (action.kind) {
    case 'RenameTable': {
      const id = session.catalog.qualify(action.newName.parts.map((p) => p.value));
      session.catalog.remove(table.id, table.temporary);
      session.catalog.put({ ...table, id });
      return { ...NOTHING, target: printIdentifier(id) };
    }
    case 'RenameColumn': {
      const from = action.column.parts.map((p) => p.value).join('.');
      const to = action.newName.parts.map((p) => p.value).join('.');
      if (columnNamed(from) === undefined) return missingColumn(from, action.column.span);
      if (columnNamed(to) !== undefined) return problem(`Column '${to}' already exists in '${parts.join('.')}'.`, action.newName.span);
      next = { ...table, columns: table.columns.map((c) => (c.name === from ? { ...c, name: to } : c)) };
      break;
    }
    case 'SetOptions': {
      const options = table.options.filter(([k]) => !action.options.some((o) => o.key === k));
      next = { ...table, options: [...options, ...action.options.map((o) => [o.key, o.value] as const)] };
      break;
    }
    case 'ResetOptions': {
      if (action.keys.length === 0) {
        session.report(diagnostic(Codes.emptyResetKey, { message: 'ALTER TABLE RESET needs at least one option key.', span: action.span, hint: "Name the options to reset, e.g. RESET ('scan.startup.mode')." }));
        return NOTHING;
      }
      next = { ...table, options: table.options.filter(([k]) => !action.keys.some((key) => key.key === k)) };
      break;
    }
    case 'AddElements':
    case 'ModifyElements': {
      let columns = [...table.columns];
      for (const positioned of action.elements) {
        const element = positioned.element;
        if (element.kind === 'PhysicalColumn' || element.kind === 'ComputedColumn' || element.kind === 'MetadataColumn') {
          const name = element.name.parts.map((p) => p.value).join('.');
          const exists = columns.some((c) => c.name === name);
          if (action.kind === 'AddElements' && exists) return problem(`Column '${name}' already exists in '${parts.join('.')}'.`, element.name.span, 'Use ALTER TABLE ... MODIFY to change an existing column.');
          if (action.kind === 'ModifyElements' && !exists) return missingColumn(name, element.name.span);
          const column = simpleColumn(element, session);
          const position = positioned.position;
          const at = columns.findIndex((c) => c.name === name);
          if (position === null && at >= 0) { columns[at] = column; continue; }
          columns = columns.filter((c) => c.name !== name);
          if (position === null) columns.push(column);
          else if (position.position === 'FIRST') columns.unshift(column);
          else {
            const ref = position.reference!.parts.map((p) => p.value).join('.');
            const at = columns.findIndex((c) => c.name === ref);
            if (at < 0) return problem(`The column '${ref}' named by AFTER does not exist in '${parts.join('.')}'.`, position.reference!.span, `The columns are: ${columns.map((c) => c.name).join(', ')}.`);
            columns.splice(at + 1, 0, column);
          }
        } else if (element.kind === 'WatermarkDefinition') {
          if (action.kind === 'AddElements' && table.watermark !== null) return problem(`'${parts.join('.')}' already has a watermark.`, element.span, 'Use ALTER TABLE ... MODIFY WATERMARK to change it.');
          const column = element.column.parts.map((p) => p.value).join('.');
          if (!columns.some((c) => c.name === column.split('.')[0])) return missingColumn(column, element.column.span);
          next = { ...next, watermark: { column, expression: printExpression(element.expr) } };
        } else if (element.kind === 'TableConstraint' && element.type === 'PRIMARY KEY') {
          if (action.kind === 'AddElements' && table.primaryKey !== null) return problem(`'${parts.join('.')}' already has a primary key.`, element.span, 'Use ALTER TABLE ... MODIFY PRIMARY KEY to change it.');
          for (const key of element.columns) if (!columns.some((c) => c.name === key.value)) return missingColumn(key.value, key.span);
          next = { ...next, primaryKey: { name: element.name?.value ?? null, columns: element.columns.map((c) => c.value) } };
        }
      }
      next = { ...next, columns };
      break;
    }
    case 'DropColumns': {
      for (const column of action.columns) {
        const name = column.parts.map((p) => p.value).join('.');
        if (columnNamed(name) === undefined) return missingColumn(name, column.span);
        if (table.primaryKey?.columns.includes(name) === true) return problem(`Column '${name}' is part of the primary key and cannot be dropped.`, column.span, 'Drop the primary key first.');
        if (table.watermark?.column === name) return problem(`Column '${name}' is the watermark column and cannot be dropped.`, column.span, 'Drop the watermark first.');
        // AlterSchemaConverter: "The column `dt` is used as the partition keys."
        if (table.partitionKeys.includes(name)) return problem(`Column '${name}' is a partition key of '${parts.join('.')}' and cannot be dropped.`, column.span, 'Partition keys cannot change; create a new table partitioned by other columns instead.');
      }
      const names = new Set(action.columns.map((c) => c.parts.map((p) => p.value).join('.')));
      next = { ...table, columns: table.columns.filter((c) => !names.has(c.name)) };
      break;
    }
    case 'DropPrimaryKey':
    case 'DropConstraint':
      if (table.primaryKey === null) return problem(`'${parts.join('.')}' has no primary key to drop.`, action.span);
      next = { ...table, primaryKey: null };
      break;
    case 'DropWatermark':
      if (table.watermark === null) return problem(`'${parts.join('.')}' has no watermark to drop.`, action.span);
      next = { ...table, watermark: null };
      break;
    default:
      return NOTHING;
  }
  session.catalog.put(next);
  if (action.kind === 'SetOptions' || action.kind === 'ResetOptions') session.tableAltered?.(next, action.span);
  return { ...NOTHING, target: printIdentifier(table.id) };
}

function simpleColumn(element: ColumnDefinition, session: Session): CatalogColumn {
  const name = element.name.parts.map((p) => p.value).join('.');
  if (element.kind === 'ComputedColumn') {
    return { name, type: T.unknown(), kind: 'computed', expression: printExpression(element.expr), metadataKey: null, virtual: true, comment: element.comment };
  }
  const converted = element.type === null ? { type: T.unknown(), problems: [] } : logicalTypeOf(element.type, { inDdl: true });
  for (const p of converted.problems) session.report(diagnostic(Codes.invalidType, { message: p.message, span: p.span }));
  return element.kind === 'MetadataColumn'
    ? { name, type: converted.type, kind: 'metadata', expression: null, metadataKey: element.metadataKey, virtual: element.virtual, comment: element.comment }
    : { name, type: converted.type, kind: 'physical', expression: null, metadataKey: null, virtual: false, comment: element.comment };
}
