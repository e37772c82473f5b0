import { diagnostic } from '../../diagnostics/make.js';
import type { ColumnRef, Identifier } from '../../ast/nodes.js';
import { Codes } from '../../diagnostics/codes.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { closestMatches } from '../../diagnostics/suggest.js';
import { isBareIdentifier, quoteIdentifier } from '../../ast/print.js';
import { coverSpans } from '../../source/span.js';
import type { OutputColumn } from '../schema.js';
import { printType, T, withNullability, type LogicalType } from '../types/logical-type.js';
import type { Relation } from './relation.js';

/** One FROM item visible in a scope: `clicks`, `c` (alias), a subquery alias, a window TVF. */
export interface ScopeItem {
  /** The name a column can be qualified with: the alias, or the table's own name. */
  readonly alias: string;
  /** The full name parts for `db.t.col` style qualification of an un-aliased table. */
  readonly path: readonly string[];
  readonly relation: Relation;
}

/** A column found by name: its item and position, and the type after any field accesses. */
export interface ResolvedColumn {
  readonly item: number;
  readonly column: number;
  readonly type: LogicalType;
  /** The number of name parts consumed as ROW field accesses. */
  readonly fields: readonly string[];
  /** The reference named a USING/NATURAL join column, which belongs to both sides. */
  readonly merged: boolean;
}

/**
 * Name resolution for one query level, as Calcite's SqlValidator scopes do with Flink's
 * Lex.JAVA settings: case-sensitive names; `a`, `t.a`, `db.t.a`; ROW fields after the column;
 * USING/NATURAL columns merged; outer scopes for correlated subqueries.
 */
export class Scope {
  /** USING / NATURAL join columns: unqualified references resolve to the merged column. */
  readonly merged = new Map<string, LogicalType>();

  constructor(
    readonly items: readonly ScopeItem[],
    readonly parent: Scope | null,
    private readonly report: (d: Diagnostic) => void,
  ) {}

  /** True when some item is a relation we cannot see into: unknown names are then not errors. */
  get hasOpaqueItem(): boolean {
    return this.items.some((i) => i.relation.opaque) || (this.parent?.hasOpaqueItem ?? false);
  }

  resolve(ref: ColumnRef): ResolvedColumn | null {
    const found = this.find(ref.parts);
    if (found !== 'missing') return found === 'reported' ? null : found;
    this.reportMissing(ref);
    return null;
  }

  /** Finds without reporting a missing name ('missing'); ambiguity and bad fields are reported. */
  find(parts: readonly Identifier[]): ResolvedColumn | 'missing' | 'reported' {
    for (let scope: Scope | null = this; scope !== null; scope = scope.parent) {
      const result = scope.findHere(parts);
      if (result !== 'missing') return result;
    }
    return 'missing';
  }

  private findHere(parts: readonly Identifier[]): ResolvedColumn | 'missing' | 'reported' {
    // Qualified: the longest prefix that names an item wins (t.a, db.t.a, cat.db.t.a).
    for (let k = Math.min(parts.length - 1, 3); k >= 1; k--) {
      const prefix = parts.slice(0, k).map((p) => p.value);
      const itemIndex = this.items.findIndex((item) => qualifierMatches(item, prefix));
      if (itemIndex < 0) continue;
      const item = this.items[itemIndex]!;
      const name = parts[k]!;
      const column = item.relation.columns.findIndex((c) => c.name === name.value);
      if (column < 0) {
        if (item.relation.opaque) return { item: itemIndex, column: -1, type: T.unknown(), fields: [], merged: false };
        this.report(columnNotFoundInTable(name, item));
        return 'reported';
      }
      return this.withFields(itemIndex, column, item.relation.columns[column]!.type, parts.slice(k + 1), false);
    }
    // Unqualified: the first part is a column, the rest are ROW fields.
    const name = parts[0]!;
    const mergedType = this.merged.get(name.value);
    if (mergedType !== undefined) {
      const itemIndex = this.items.findIndex((i) => i.relation.columns.some((c) => c.name === name.value));
      const column = this.items[itemIndex]?.relation.columns.findIndex((c) => c.name === name.value) ?? -1;
      return this.withFields(itemIndex, column, mergedType, parts.slice(1), true);
    }
    const matches: { item: number; column: number }[] = [];
    this.items.forEach((item, i) => {
      item.relation.columns.forEach((c, j) => {
        if (c.name === name.value) matches.push({ item: i, column: j });
      });
    });
    if (matches.length > 1) {
      const owners = matches.map((m) => `'${this.items[m.item]!.alias}'`).join(' and ');
      this.report(diagnostic(Codes.ambiguousColumn, { message: `Column '${name.value}' is ambiguous: ${owners} both have it.`,
        span: name.span,
        hint: `Qualify it, e.g. \`${this.items[matches[0]!.item]!.alias}.${name.value}\`.`,
        fixes: matches.slice(0, 2).map((m) => ({
          title: `Use \`${this.items[m.item]!.alias}.${name.value}\``,
          edits: [{ span: name.span, text: `${quoteIfNeeded(this.items[m.item]!.alias)}.${quoteIfNeeded(name.value)}` }],
          applicability: 'unsafe' as const,
        })), }));
      return 'reported';
    }
    if (matches.length === 1) {
      const m = matches[0]!;
      return this.withFields(m.item, m.column, this.items[m.item]!.relation.columns[m.column]!.type, parts.slice(1), false);
    }
    if (this.items.some((i) => i.relation.opaque)) return { item: -1, column: -1, type: T.unknown(), fields: [], merged: false };
    return 'missing';
  }

  private withFields(item: number, column: number, type: LogicalType, fields: readonly Identifier[], merged: boolean): ResolvedColumn | 'reported' {
    let current = type;
    for (const field of fields) {
      if (current.root === 'UNKNOWN') break;
      if (current.root !== 'ROW') {
        this.report(diagnostic(Codes.columnNotFound, { message: `'${field.value}' is not a field: the value before it has type ${printType(current)}, which has no fields.`,
          span: field.span, }));
        return 'reported';
      }
      const next = current.fields.find((f) => f.name === field.value);
      if (next === undefined) {
        const suggestions = closestMatches(field.value, current.fields.map((f) => f.name));
        this.report(diagnostic(Codes.columnNotFound, { message: `Field '${field.value}' not found in ${printType(current)}.${suggestions.length > 0 ? ` Did you mean '${suggestions[0]}'?` : ''}`,
          span: field.span,
          hint: `The fields are: ${current.fields.map((f) => f.name).join(', ')}.`, }));
        return 'reported';
      }
      // A field of a nullable row is nullable (Calcite's field access on a nullable record).
      current = current.nullable ? withNullability(next.type, true) : next.type;
    }
    return { item, column, type: current, fields: fields.map((f) => f.value), merged };
  }

  private reportMissing(ref: ColumnRef): void {
    const parts = ref.parts;
    const span = coverSpans(parts[0]!.span, parts[parts.length - 1]!.span);
    if (parts.length >= 2) {
      // `x.a` where x is neither a table nor a column.
      const qualifier = parts[0]!;
      const aliases = this.allItems().map((i) => i.alias);
      const suggestions = closestMatches(qualifier.value, aliases);
      this.report(diagnostic(Codes.unknownQualifier, { message: `Table '${qualifier.value}' not found in this query.${suggestions.length > 0 ? ` Did you mean '${suggestions[0]}'?` : ''}`,
        span: qualifier.span,
        hint: aliases.length > 0 ? `The tables here are: ${aliases.join(', ')}.` : 'This query reads no table, so names cannot be qualified.',
        fixes: suggestions.length > 0 ? [{ title: `Use '${suggestions[0]}'`, edits: [{ span: qualifier.span, text: quoteIfNeeded(suggestions[0]!) }], applicability: 'unsafe' }] : undefined, }));
      return;
    }
    const name = parts[0]!;
    const candidates = this.allItems().flatMap((i) => i.relation.columns.map((c) => c.name));
    const suggestions = closestMatches(name.value, candidates);
    const tables = this.items.map((i) => (i.alias === '' ? 'the input' : `'${i.alias}'`));
    const where = tables.length === 0 ? 'this query has no FROM clause' : tables.length === 1 ? (tables[0] === 'the input' ? 'the input' : `table ${tables[0]}`) : `any of the tables ${tables.join(', ')}`;
    this.report(diagnostic(Codes.columnNotFound, { message: `Column '${name.value}' not found in ${where}.${suggestions.length > 0 ? ` Did you mean '${suggestions[0]}'?` : ''}`,
      span,
      hint: availableColumnsHint(this.items),
      fixes: suggestions.length > 0 ? [{ title: `Use '${suggestions[0]}'`, edits: [{ span, text: quoteIfNeeded(suggestions[0]!) }], applicability: 'unsafe' }] : undefined, }));
  }

  private allItems(): ScopeItem[] {
    const items: ScopeItem[] = [];
    for (let scope: Scope | null = this; scope !== null; scope = scope.parent) items.push(...scope.items);
    return items;
  }
}

function qualifierMatches(item: ScopeItem, prefix: readonly string[]): boolean {
  if (prefix.length === 1) return item.alias === prefix[0];
  if (prefix.length > item.path.length) return false;
  const tail = item.path.slice(item.path.length - prefix.length);
  return tail.every((p, i) => p === prefix[i]);
}

function columnNotFoundInTable(name: Identifier, item: ScopeItem): Diagnostic {
  const columns = item.relation.columns.map((c) => c.name);
  const suggestions = closestMatches(name.value, columns);
  // An unnamed input (a subquery without alias, MATCH_RECOGNIZE's input) is called what it is.
  const where = item.alias === '' ? 'the input' : `table '${item.alias}'`;
  const owner = item.alias === '' ? 'The input' : `'${item.alias}'`;
  return diagnostic(Codes.columnNotFound, { message: `Column '${name.value}' not found in ${where}.${suggestions.length > 0 ? ` Did you mean '${suggestions[0]}'?` : ''}`,
    span: name.span,
    hint: columns.length > 0 ? `${owner} has: ${listColumns(item.relation.columns)}.` : `${owner} has no columns.`,
    fixes: suggestions.length > 0 ? [{ title: `Use '${suggestions[0]}'`, edits: [{ span: name.span, text: quoteIfNeeded(suggestions[0]!) }], applicability: 'unsafe' }] : undefined, });
}

function availableColumnsHint(items: readonly ScopeItem[]): string | undefined {
  if (items.length === 0) return undefined;
  const text = items.map((i) => `${i.alias === '' ? 'the input' : `'${i.alias}'`} has: ${listColumns(i.relation.columns)}`).join('; ') + '.';
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function listColumns(columns: readonly OutputColumn[]): string {
  const names = columns.map((c) => c.name);
  return names.length > 12 ? `${names.slice(0, 12).join(', ')}, ... (${names.length} columns)` : names.join(', ');
}

/** The name as it must be written in SQL: backticked when it is not a plain identifier or is reserved. */
export function quoteIfNeeded(name: string): string {
  return isBareIdentifier(name) ? name : quoteIdentifier(name);
}
