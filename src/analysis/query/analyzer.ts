import { diagnostic } from '../../diagnostics/make.js';
import type {
  ColumnRef,
  Expression,
  FunctionCall,
  GroupingElement,
  Hint,
  Identifier,
  Join,
  MatchRecognize,
  NamedTable,
  OrderItem,
  Query,
  QueryBody,
  Select,
  SelectItem,
  SetOperation,
  TableAlias,
  TableFunction,
  TableRef,
  Unnest,
  Values,
  WindowSpec,
} from '../../ast/nodes.js';
import { conjuncts } from '../../ast/conjuncts.js';
import { printExpression } from '../../ast/print.js';
import { forEachChild, search, walk, type AstNode } from '../../ast/walk.js';
import { Codes } from '../../diagnostics/codes.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { closestMatches } from '../../diagnostics/suggest.js';
import type { Span } from '../../source/span.js';
import type { CatalogTable } from '../catalog/model.js';
import type { ExpressionContext } from '../expressions/context.js';
import { intervalMillis } from '../expressions/interval-value.js';
import { typeExpression } from '../expressions/typer.js';
import { INSERT_ONLY as INSERT_ONLY_MODE, isInsertOnly, printChangelogMode, type ChangelogMode, type OutputColumn } from '../schema.js';
import {
  is,
  printType,
  T,
  legacyWindowTimeOf,
  materializeTimeAttribute,
  timeAttributeOf,
  withNullability,
  withoutTimeAttribute,
  type LogicalType,
  type TimeAttribute,
} from '../types/logical-type.js';
import { checkConnectorOptions } from '../connectors/check.js';
import { connectorInputFromCatalogTable } from '../connectors/from-ddl.js';
import { lookupBuiltinFunction } from '../functions/registry.js';
import { leastRestrictive } from '../types/merge.js';
import { tableColumnsForQuery, sourceChangelog } from './table-facts.js';
import { callName, isAggregateName } from './function-kinds.js';
import { ALL_CHANGES, mergeChangelog, relation, UPDATES_ONLY, type Relation, type WindowInfo } from './relation.js';
import { quoteIfNeeded, Scope, type ResolvedColumn, type ScopeItem } from './scope.js';
import { isStreaming, type Session } from './session.js';

/** A CTE visible by name. */
type CteEnv = ReadonlyMap<string, Relation>;

/** Facts about a ROW_NUMBER()/RANK() column that an enclosing Top-N filter needs. */
interface RankColumn {
  readonly function: string;
  readonly partitionKeys: readonly number[];
  /** The ORDER BY is a single time attribute (a deduplication candidate); its direction. */
  readonly timeOrder: 'ASC' | 'DESC' | null;
  /** Which time attribute the single ORDER BY key is, when timeOrder is set. */
  readonly orderTime: TimeAttribute | null;
  readonly span: Span;
  readonly inputInsertOnly: boolean;
  /** Partitioned by window_start and window_end of a window TVF: a window Top-N, which is insert-only. */
  readonly windowed: boolean;
  /** The first ORDER BY key, when it is not an ascending time attribute (what OVER would reject). */
  readonly badOrder: { readonly span: Span; readonly text: string; readonly type: string } | null;
}

interface SelectResult {
  readonly relation: Relation;
  readonly scope: Scope;
  readonly rankColumns: ReadonlyMap<number, RankColumn>;
}

const WINDOW_TVFS = new Set(['TUMBLE', 'HOP', 'CUMULATE', 'SESSION']);
const LEGACY_GROUP_WINDOWS = new Set(['TUMBLE', 'HOP', 'SESSION']);

/**
 * Validates queries as Flink's validator and planner would, bottom-up, producing each relation's
 * schema (names, types, time attributes), changelog mode and upsert keys.
 */
export class QueryAnalyzer {
  private readonly streaming: boolean;
  /**
   * The next SELECT or VALUES is an INSERT's source: Calcite types its bare NULLs from the target
   * columns, so they are not errors there.
   */
  private nullsTypedByTarget = false;
  /** Relations of the expression subqueries (IN, EXISTS, scalar) met while typing the current SELECT. */
  private readonly subqueryRelations: Relation[] = [];

  constructor(private readonly session: Session) {
    this.streaming = isStreaming(session);
  }

  private report(d: Diagnostic): void {
    this.session.report(d);
  }

  // ------------------------------------------------------------------------------------ queries

  analyzeQuery(query: Query, outer: Scope | null, ctes: CteEnv = new Map()): Relation {
    return this.analyzeQueryWithRanks(query, outer, ctes).relation;
  }

  /**
   * The query of a statement that runs (a SELECT, INSERT or CTAS): a ROW_NUMBER() it outputs without
   * a filter is an OVER aggregation. (A view's query is not checked: the filter may come later.)
   */
  analyzeStatementQuery(query: Query, options: { insertSource?: boolean } = {}): Relation {
    this.nullsTypedByTarget = options.insertSource === true;
    const result = this.analyzeQueryWithRanks(query, null, new Map());
    for (const [index, rank] of result.rankColumns) this.checkUnfilteredRank(rank, result.relation.columns[index]?.name ?? 'rn');
    return result.relation;
  }

  private analyzeQueryWithRanks(query: Query, outer: Scope | null, ctes: CteEnv): SelectResult {
    // Only a query with its own WITH copies the names in scope: n CTEs then cost linear time, not quadratic.
    let env: CteEnv = ctes;
    if (query.withItems.length > 0) {
      const own = new Map(ctes);
      for (const item of query.withItems) {
        const rel = this.analyzeQuery(item.query, outer, own);
        own.set(item.name.value, item.columns.length > 0 ? this.renameColumns(rel, item.columns, item.span) : rel);
      }
      env = own;
    }
    const body = this.analyzeBody(query.body, outer, env);
    let rel = body.relation;
    if (query.orderBy.length > 0) this.checkOrderBy(query, body, outer);
    const limited = query.limit !== null || query.fetch !== null;
    if (query.orderBy.length > 0 && limited && this.streaming) {
      rel = { ...rel, changelog: ALL_CHANGES, upsertKeys: [], updatingSource: rel.updatingSource ?? { span: query.span, what: 'ORDER BY ... LIMIT (a Top-N over the whole stream)' } };
    }
    return { ...body, relation: rel };
  }

  private analyzeBody(body: QueryBody, outer: Scope | null, ctes: CteEnv): SelectResult {
    switch (body.kind) {
      case 'Select': return this.analyzeSelect(body, outer, ctes);
      case 'Values': return { relation: this.analyzeValues(body, outer), scope: new Scope([], outer, (d) => this.report(d)), rankColumns: new Map() };
      case 'SetOperation': return { relation: this.analyzeSetOperation(body, outer, ctes), scope: new Scope([], outer, (d) => this.report(d)), rankColumns: new Map() };
      case 'ExplicitTable': {
        const rel = this.scanNamed(body.name.parts, body.name.span, ctes);
        return { relation: rel, scope: new Scope([], outer, (d) => this.report(d)), rankColumns: new Map() };
      }
      case 'Query': return this.analyzeQueryWithRanks(body, outer, ctes);
    }
  }

  private analyzeValues(values: Values, outer: Scope | null): Relation {
    const nullsTyped = this.nullsTypedByTarget;
    this.nullsTypedByTarget = false;
    const scope = new Scope([], outer, (d) => this.report(d));
    const ctx = this.context(scope, { aggregates: false, over: false });
    const rows = values.rows.map((row) => (row.kind === 'RowConstructor' ? row.items : [row]).map((e) => typeExpression(e, ctx)));
    const width = rows[0]?.length ?? 0;
    values.rows.forEach((row, i) => {
      if (rows[i]!.length !== width) {
        this.report(diagnostic(Codes.valuesRowLength, { message: `This VALUES row has ${rows[i]!.length} value${rows[i]!.length === 1 ? '' : 's'}, but the first row has ${width}.`, span: row.span, hint: 'Every row of VALUES needs the same number of values.' }));
      }
    });
    const columns: OutputColumn[] = [];
    for (let c = 0; c < width; c++) {
      const types = rows.filter((r) => r.length === width).map((r) => r[c]!);
      const merged = leastRestrictive(types);
      if (!nullsTyped && (merged?.root === 'NULL' || (merged === null && types.every((t) => t.root === 'NULL')))) {
        const first = values.rows[0]!;
        this.report(untypedNull(first.kind === 'RowConstructor' ? first.items[c]!.span : first.span));
      }
      columns.push({ name: `EXPR$${c}`, type: withoutTimeAttribute(merged ?? T.unknown()) });
    }
    return relation(columns);
  }

  private analyzeSetOperation(op: SetOperation, outer: Scope | null, ctes: CteEnv): Relation {
    const left = this.analyzeBody(op.left, outer, ctes).relation;
    const right = this.analyzeBody(op.right, outer, ctes).relation;
    if (left.opaque || right.opaque) return relation(left.columns, { opaque: true, changelog: mergeChangelog(left.changelog, right.changelog) });
    const name = op.quantifier === 'ALL' ? `${op.op} ALL` : op.op;
    if (left.columns.length !== right.columns.length) {
      this.report(diagnostic(Codes.setOperationColumnCount, { message: `The inputs of ${name} have different numbers of columns: ${left.columns.length} on the left, ${right.columns.length} on the right.`,
        span: op.right.span,
        related: [{ span: op.left.span, message: `the left input has ${left.columns.length} columns` }],
        hint: 'Select the same number of columns in every branch, in the same order.', }));
      return relation(left.columns, { changelog: mergeChangelog(left.changelog, right.changelog) });
    }
    const columns: OutputColumn[] = left.columns.map((l, i) => {
      const r = right.columns[i]!;
      const la = timeAttributeOf(l.type);
      const ra = timeAttributeOf(r.type);
      if (this.streaming && la !== ra) {
        this.report(diagnostic(Codes.setOperationTimeAttribute, { message: `Column ${i + 1} of ${name} is ${printType(l.type)} on the left but ${printType(r.type)} on the right: a time attribute can only be combined with the same kind of time attribute.`,
          span: op.right.span,
          hint: 'CAST the time attribute to a plain TIMESTAMP(3) on one side, or use the same kind of time attribute in both branches.', }));
      }
      const merged = leastRestrictive([l.type, r.type]);
      if (merged === null) {
        this.report(diagnostic(Codes.setOperationTypeMismatch, { message: `Column ${i + 1} of ${name} ('${l.name}') is ${printType(l.type)} on the left and ${printType(r.type)} on the right; they have no common type.`,
          span: op.right.span,
          hint: `CAST one side so that both are the same type, e.g. CAST(... AS ${printType(withNullability(l.type, true))}).`, }));
      }
      const type = merged ?? l.type;
      return { name: l.name, type: la !== null && la === ra ? type : withoutTimeAttribute(type) };
    });
    const distinct = op.quantifier !== 'ALL';
    if (op.op === 'UNION' && !distinct) {
      return relation(columns, { changelog: mergeChangelog(left.changelog, right.changelog), updatingSource: left.updatingSource ?? right.updatingSource });
    }
    if (!this.streaming) return relation(columns);
    return relation(columns.map((c) => ({ ...c, type: withoutTimeAttribute(c.type) })), {
      changelog: (isInsertOnly(left.changelog) && isInsertOnly(right.changelog)) ? UPDATES_ONLY : ALL_CHANGES,
      updatingSource: { span: op.span, what: `${name} (it removes duplicates, which needs state and emits updates)` },
      upsertKeys: [columns.map((_, i) => i)],
    });
  }

  // ------------------------------------------------------------------------------------ SELECT

  private analyzeSelect(select: Select, outer: Scope | null, ctes: CteEnv): SelectResult {
    const nullsTyped = this.nullsTypedByTarget;
    this.nullsTypedByTarget = false;
    const subqueryMark = this.subqueryRelations.length;
    const items: ScopeItem[] = [];
    let input: Relation = relation([]);
    const fromScope = new Scope(items, outer, (d) => this.report(d));
    const ranks = new Map<string, RankColumn>();
    for (const ref of select.from) {
      const result = this.analyzeTableRef(ref, fromScope, ctes, ranks);
      // FROM a, b is a cross join: a regular join when both are streams.
      input = items.length === 0 ? result.relation : this.joinedRelation(input, result.relation, 'CROSS', select.span, false);
      this.checkDuplicateAliases(items, result.items, ref);
      items.push(...result.items);
      for (const [name, type] of result.merged) fromScope.merged.set(name, type);
    }
    const scope = fromScope;

    if (select.where !== null) {
      this.typeCondition(select.where, this.context(scope, { aggregates: false, over: false }), 'WHERE');
    }

    const groupKeys = this.groupKeys(select, scope);
    const calls = scanCalls(select.items, (call) => this.isAggregateCall(call));
    const aggregating = select.groupBy !== null || calls.aggregate || select.having !== null;
    const windowed = this.windowAggregation(select, scope, input, groupKeys);

    // SELECT list
    const ctx = this.context(scope, { aggregates: true, over: true, global: aggregating && select.groupBy === null });
    const columns: OutputColumn[] = [];
    const sourceOf: (ResolvedColumn | null)[] = [];
    const rankColumns = new Map<number, RankColumn>();
    let opaque = input.opaque;
    select.items.forEach((item, index) => {
      if (item.expr.kind === 'Star') {
        const expanded = this.expandStar(item, scope, input);
        if (expanded === null) opaque = true;
        else for (const e of expanded) { columns.push(e.column); sourceOf.push(e.source); }
        return;
      }
      if (aggregating) this.checkGrouped(item.expr, groupKeys, scope);
      this.checkAuxiliaryWindowCalls(item.expr, groupKeys.windows);
      let type = typeExpression(item.expr, ctx);
      if (type.root === 'NULL' && !nullsTyped) this.report(untypedNull(item.expr.span));
      const direct = item.expr.kind === 'ColumnRef' ? this.peek(scope, item.expr) : null;
      if (!isPassThrough(item.expr)) type = withoutTimeAttribute(type);
      if (aggregating && !(windowed?.keepsTime(item.expr) ?? false)) type = materializeTimeAttribute(type);
      columns.push({ name: deriveName(item, index), type });
      sourceOf.push(direct);
      const rank = this.rankColumn(item.expr, scope, input);
      if (rank !== null) rankColumns.set(columns.length - 1, rank);
    });
    const named = uniquify(columns);

    if (select.having !== null) {
      if (aggregating) this.checkGrouped(select.having, groupKeys, scope);
      this.checkAuxiliaryWindowCalls(select.having, groupKeys.windows);
      this.typeCondition(select.having, this.context(scope, { aggregates: true, over: false }), 'HAVING');
    }
    for (const call of calls.over) {
      if (call.over?.kind === 'Identifier' && !select.windows.some((w) => w.name.value === (call.over as Identifier).value)) {
        const name = call.over;
        const known = select.windows.map((w) => w.name.value);
        const suggestions = closestMatches(name.value, known);
        this.report(diagnostic(Codes.windowColumnNotFound, {
          message: `Window '${name.value}' is not defined in this query's WINDOW clause.${suggestions.length > 0 ? ` Did you mean '${suggestions[0]}'?` : ''}`,
          span: name.span,
          hint: known.length > 0 ? `The windows defined here: ${known.join(', ')}.` : `Define it: WINDOW ${quoteIfNeeded(name.value)} AS (PARTITION BY ... ORDER BY ...).`,
        }));
      }
    }
    if (calls.over.length > 0) this.checkOverWindows(select, calls.over, scope, input);

    // Changelog and keys
    let changelog = input.changelog;
    let updatingSource = input.updatingSource;
    let upsertKeys: number[][] = projectKeys(input.upsertKeys, sourceOf);
    const distinct = select.quantifier === 'DISTINCT';
    if (windowed !== null) {
      changelog = { updates: false, deletes: false };
      updatingSource = null;
      upsertKeys = [];
    } else if ((aggregating || distinct) && this.streaming) {
      const inputChanges = !isInsertOnly(input.changelog);
      changelog = { updates: true, deletes: inputChanges };
      updatingSource = aggregating
        ? { span: select.groupBy?.span ?? select.span, what: select.groupBy !== null ? 'GROUP BY (a regular aggregation updates its result for every input row)' : 'an aggregation without GROUP BY (it updates its single result row)' }
        : { span: select.span, what: 'SELECT DISTINCT (it is an aggregation that updates its result)' };
      const keyColumns = distinct && !aggregating ? named.map((_, i) => i) : groupKeys.columns.map((k) => sourceOf.findIndex((s) => s !== null && s.item === k.item && s.column === k.column));
      upsertKeys = keyColumns.every((k) => k >= 0) ? [keyColumns] : [];
    } else if (aggregating && !this.streaming) {
      changelog = { updates: false, deletes: false };
    }
    // IN / EXISTS / scalar subqueries are joins: an updating subquery makes the result updating.
    for (const sub of this.subqueryRelations.splice(subqueryMark)) {
      if (this.streaming && !isInsertOnly(sub.changelog)) {
        changelog = mergeChangelog(changelog, { updates: true, deletes: true });
        updatingSource ??= sub.updatingSource ?? { span: select.span, what: 'an updating subquery' };
      }
    }
    // Top-N / deduplication: a filter on a ROW_NUMBER()/RANK() column of the FROM subquery.
    const topN = this.topNFilter(select, scope, ranks);
    if (topN !== null) {
      ({ changelog, updatingSource } = topN);
    }
    for (const [name, rank] of ranks) {
      if (topN?.column !== name) this.checkUnfilteredRank(rank, name);
    }
    // A projection or filter of a window TVF that keeps window_start and window_end is still windowed
    // (Flink propagates window properties through Calc): a window join or aggregation may follow.
    const windowIn = scope.items.length === 1 ? scope.items[0]!.relation.window : null;
    const keepsWindow = !aggregating && windowIn !== null && named.some((c) => c.name === 'window_start') && named.some((c) => c.name === 'window_end');
    const rel = relation(named, { changelog, updatingSource, upsertKeys, opaque, window: keepsWindow ? windowIn : null, table: null });
    return { relation: rel, scope, rankColumns };
  }

  private expandStar(item: SelectItem, scope: Scope, input: Relation): { column: OutputColumn; source: ResolvedColumn | null }[] | null {
    const star = item.expr.kind === 'Star' ? item.expr : null;
    if (star === null) return [];
    const result: { column: OutputColumn; source: ResolvedColumn | null }[] = [];
    const itemsToExpand = star.qualifier.length === 0
      ? scope.items.map((it, i) => ({ it, i }))
      : scope.items.map((it, i) => ({ it, i })).filter(({ it }) => it.alias === star.qualifier[star.qualifier.length - 1]!.value);
    if (star.qualifier.length > 0 && itemsToExpand.length === 0) {
      const q = star.qualifier[star.qualifier.length - 1]!;
      const suggestions = closestMatches(q.value, scope.items.map((i) => i.alias));
      this.report(diagnostic(Codes.unknownQualifier, { message: `Table '${q.value}' not found in this query.${suggestions.length > 0 ? ` Did you mean '${suggestions[0]}'?` : ''}`, span: q.span, hint: `The tables here are: ${scope.items.map((i) => i.alias).join(', ') || 'none'}.` }));
      return [];
    }
    if (star.qualifier.length === 0 && scope.items.length === 0) {
      this.report(diagnostic(Codes.columnNotFound, { message: 'SELECT * needs a FROM clause: there are no columns to select.', span: star.span }));
      return [];
    }
    if (itemsToExpand.some(({ it }) => it.relation.opaque)) return null;
    // USING / NATURAL columns come first, once (Calcite's star expansion of a join with USING).
    const mergedNames = star.qualifier.length === 0 ? [...scope.merged.keys()] : [];
    for (const name of mergedNames) {
      result.push({ column: { name, type: scope.merged.get(name)! }, source: null });
    }
    for (const { it, i } of itemsToExpand) {
      it.relation.columns.forEach((c, j) => {
        if (mergedNames.includes(c.name)) return;
        result.push({ column: c, source: { item: i, column: j, type: c.type, fields: [], merged: false } });
      });
    }
    void input;
    return result;
  }

  // ------------------------------------------------------------------------------------ GROUP BY

  /** GROUP BY keys: resolved columns by identity, other expressions by their printed form. */
  private groupKeys(select: Select, scope: Scope): GroupKeys {
    const exprs = new Set<string>();
    const columns: { item: number; column: number }[] = [];
    const names = new Set<string>();
    const windows: GroupWindow[] = [];
    if (select.groupBy === null) return { exprs, columns, names, windows };
    const ctx = this.context(scope, { aggregates: false, over: false });
    const visit = (element: GroupingElement): void => {
      if (element.kind === 'EmptyGrouping') return;
      if (element.kind !== 'GroupingExpression') { element.elements.forEach(visit); return; }
      const expr = element.expr;
      if (expr.kind === 'FunctionCall' && LEGACY_GROUP_WINDOWS.has(callName(expr))) {
        this.checkLegacyWindow(expr, scope);
        exprs.add(printExpression(expr));
        windows.push({ fn: callName(expr), args: printArguments(expr), text: printExpression(expr) });
        return;
      }
      if (expr.kind === 'RowConstructor' && !expr.explicit) { expr.items.forEach((e) => visit({ kind: 'GroupingExpression', span: e.span, expr: e })); return; }
      typeExpression(expr, ctx);
      if (expr.kind !== 'ColumnRef') { exprs.add(printExpression(expr)); return; }
      const resolved = this.peek(scope, expr);
      if (resolved === null) return;
      if (resolved.fields.length === 0) { columns.push({ item: resolved.item, column: resolved.column }); names.add(expr.parts[expr.parts.length - 1]!.value); }
      else exprs.add(fieldPathKey(resolved));
    };
    select.groupBy.elements.forEach(visit);
    return { exprs, columns, names, windows };
  }

  /**
   * TUMBLE_START(ts, size) and the other auxiliary window functions need a GROUP BY TUMBLE(ts, size)
   * with the same arguments (Calcite's auxiliaryWithoutMatchingGroupCall).
   */
  private checkAuxiliaryWindowCalls(expr: Expression, windows: readonly GroupWindow[]): void {
    walk(expr, { enter: (node) => {
      if (node.kind === 'ScalarSubquery' || node.kind === 'Exists' || node.kind === 'InSubquery' || node.kind === 'CollectionQuery') return 'skip';
      if (node.kind !== 'FunctionCall') return undefined;
      const match = /^(TUMBLE|HOP|SESSION)_(START|END|ROWTIME|PROCTIME)$/.exec(callName(node));
      if (match === null) return undefined;
      const fn = match[1]!;
      const args = printArguments(node);
      if (windows.some((w) => w.fn === fn && w.args === args)) return 'skip';
      const wanted = `${fn}(${args})`;
      const sameKind = windows.find((w) => w.fn === fn);
      this.report(diagnostic(Codes.auxiliaryWithoutGroupWindow, {
        message: `${callName(node)}(${args}) needs GROUP BY ${wanted} with the same arguments, but ${windows.length === 0 ? 'the query has no GROUP BY window' : `the query groups by ${windows.map((w) => w.text).join(', ')}`}.`,
        span: node.span,
        hint: sameKind !== undefined
          ? `Pass the arguments of the GROUP BY window: ${callName(node)}(${sameKind.args}).`
          : `Add ${wanted} to GROUP BY, or use a window table function: FROM TABLE(${fn}(TABLE t, DESCRIPTOR(ts), ...)) GROUP BY window_start, window_end.`,
      }));
      return 'skip';
    } });
  }

  /** Every column reference outside an aggregate must be a GROUP BY key (SqlValidatorImpl's AggChecker). */
  private checkGrouped(expr: Expression, keys: GroupKeys, scope: Scope): void {
    const expressionKeys = keys.exprs.size > 0;
    const check = (node: AstNode): void => {
      if (expressionKeys && node.kind !== 'ColumnRef' && node.kind !== 'Literal' && isExpression(node) && keys.exprs.has(printExpression(node))) return;
      if (node.kind === 'FunctionCall' && (node.over !== null || this.isAggregateCall(node) || isAuxiliaryGroupFunction(callName(node)) || this.isUnknownFunction(node))) return;
      if ((node.kind === 'JsonArray' || node.kind === 'JsonObject') && node.aggregate) return;
      if (node.kind === 'ScalarSubquery' || node.kind === 'Exists' || node.kind === 'InSubquery' || node.kind === 'CollectionQuery') return;
      if (node.kind === 'ColumnRef') {
        const resolved = this.peek(scope, node);
        if (resolved === null || resolved.item < 0) return;
        if (keys.columns.some((k) => k.item === resolved.item && k.column === resolved.column)) return;
        if (resolved.fields.length > 0 && keys.exprs.has(fieldPathKey(resolved))) return;
        if (resolved.merged) return;
        const name = node.parts.map((p) => p.value).join('.');
        this.report(diagnostic(Codes.notGrouped, { message: `'${name}' is not in GROUP BY and is not inside an aggregate function.`,
          span: node.span,
          hint: `Add '${name}' to GROUP BY, or aggregate it (e.g. MAX(${name}), LAST_VALUE(${name})).`, }));
        return;
      }
      for (const child of childrenOf(node)) check(child);
    };
    check(expr);
  }

  /**
   * A window aggregation: GROUP BY over a window TVF with both window_start and window_end, or a
   * legacy GROUP BY TUMBLE(...). It emits insert-only results; window_time stays a time attribute.
   */
  private windowAggregation(select: Select, scope: Scope, input: Relation, keys: { exprs: Set<string>; names: Set<string> }): { keepsTime(expr: Expression): boolean } | null {
    if (select.groupBy === null) return null;
    const legacy = [...keys.exprs].some((e) => /^(TUMBLE|HOP|SESSION)\(/i.test(e));
    if (legacy) {
      return { keepsTime: (expr) => expr.kind === 'FunctionCall' && /_(ROWTIME|PROCTIME)$/.test(callName(expr)) };
    }
    const fromWindow = input.window !== null || scope.items.some((i) => i.relation.window !== null);
    if (!fromWindow) return null;
    if (!(keys.names.has('window_start') && keys.names.has('window_end'))) return null;
    const window = input.window ?? scope.items.find((i) => i.relation.window !== null)?.relation.window ?? null;
    if (window?.unsliceable !== undefined) {
      const { size, sizeMs, stepMs, stepName } = window.unsliceable;
      this.report(diagnostic(Codes.windowArguments, {
        message: `A ${window.kind} window aggregation needs the size to be a whole multiple of the ${stepName}, but the size is ${formatMillis(sizeMs)} and the ${stepName} ${formatMillis(stepMs)}.`,
        span: size,
        hint: window.kind === 'HOP' && stepMs % sizeMs === 0
          ? `The slide comes before the size: ${window.kind}(TABLE t, DESCRIPTOR(ts), INTERVAL <slide>, INTERVAL <size>). Swap the two intervals.`
          : `Choose a size that is a multiple of the ${stepName}, e.g. ${formatMillis(Math.ceil(sizeMs / stepMs) * stepMs)}.`,
      }));
    }
    return { keepsTime: (expr) => expr.kind === 'ColumnRef' && expr.parts[expr.parts.length - 1]!.value === 'window_time' };
  }

  private checkLegacyWindow(call: FunctionCall, scope: Scope): void {
    const ctx = this.context(scope, { aggregates: false, over: false });
    const types = call.args.map((a) => typeExpression(a, ctx));
    const time = types[0];
    if (time === undefined || time.root === 'UNKNOWN' || !this.streaming) return;
    if (legacyWindowTimeOf(time) === null) {
      this.report(diagnostic(Codes.windowOnNonTimeAttribute, { message: `GROUP BY ${callName(call)}(...) needs a time attribute, but ${printExpression(call.args[0]!)} is ${printType(time)}.`,
        span: call.args[0]!.span,
        hint: 'Declare a WATERMARK for this column in the source table (event time) or use a PROCTIME() column; a time attribute is lost after a regular join or aggregation.', }));
    }
  }

  // ------------------------------------------------------------------------------------ OVER / Top-N

  private rankColumn(expr: Expression, scope: Scope, input: Relation): RankColumn | null {
    if (expr.kind !== 'FunctionCall' || expr.over === null || !['ROW_NUMBER', 'RANK', 'DENSE_RANK'].includes(callName(expr))) return null;
    const spec = expr.over.kind === 'WindowSpec' ? expr.over : null;
    if (spec === null) return null;
    const partitionKeys = spec.partitionBy.map((p) => (p.kind === 'ColumnRef' ? this.peek(scope, p)?.column ?? -1 : -1));
    let timeOrder: 'ASC' | 'DESC' | null = null;
    let orderTime: TimeAttribute | null = null;
    if (spec.orderBy.length === 1) {
      const t = this.peekType(scope, spec.orderBy[0]!.expr);
      orderTime = t === null ? null : timeAttributeOf(t);
      if (orderTime !== null) timeOrder = spec.orderBy[0]!.direction ?? 'ASC';
    }
    const partitionNames = spec.partitionBy.map((p) => (p.kind === 'ColumnRef' ? p.parts[p.parts.length - 1]!.value : ''));
    const windowed = partitionNames.includes('window_start') && partitionNames.includes('window_end') && scope.items.some((i) => i.relation.window !== null || i.relation.columns.some((c) => c.name === 'window_start'));
    const first = spec.orderBy[0];
    const firstType = first === undefined ? null : this.peekType(scope, first.expr);
    const badOrder = first === undefined
      ? { span: spec.span, text: 'nothing', type: '' }
      : firstType !== null && firstType.root !== 'UNKNOWN' && (timeAttributeOf(firstType) === null || first.direction === 'DESC')
        ? { span: first.span, text: printExpression(first.expr), type: printType(firstType) }
        : null;
    return { function: callName(expr), partitionKeys, timeOrder, orderTime, span: expr.span, inputInsertOnly: isInsertOnly(input.changelog), windowed, badOrder };
  }

  /**
   * ROW_NUMBER() / RANK() whose column no enclosing WHERE bounds is not a Top-N but an OVER
   * aggregation, which on a stream must be ordered by a time attribute (StreamExecOverAggregate).
   */
  checkUnfilteredRank(rank: RankColumn, name: string): void {
    if (!this.streaming || rank.badOrder === null || rank.windowed) return;
    const order = rank.badOrder;
    this.report(diagnostic(Codes.overOrderNotTimeAttribute, { message: order.type === ''
        ? `${rank.function}() is not filtered, so it is an OVER aggregation, which on a stream needs ORDER BY a time attribute.`
        : `${rank.function}() is not filtered, so it is an OVER aggregation, which on a stream must be ordered by a time attribute ascending; it is ordered by ${order.text} (${order.type}).`,
      span: rank.span,
      related: [{ span: order.span, message: 'the window is ordered here' }],
      hint: `To keep the top rows, filter on it in an enclosing query: SELECT * FROM (...) WHERE ${quoteIfNeeded(name)} <= 10.`, }));
  }

  private topNFilter(select: Select, scope: Scope, ranks: Map<string, RankColumn>): { column: string; changelog: ChangelogMode; updatingSource: { span: Span; what: string } | null } | null {
    if (select.where === null || ranks.size === 0) return null;
    let found: { rank: RankColumn; span: Span; column: string } | null = null;
    walk(select.where, {
      enter(node) {
        if (found !== null) return 'skip';
        if (node.kind === 'Binary' && ['<', '<=', '='].includes(node.op) && node.left.kind === 'ColumnRef') {
          const column = node.left.parts[node.left.parts.length - 1]!.value;
          const rank = ranks.get(column);
          if (rank !== undefined) found = { rank, span: node.span, column };
        } else if (node.kind === 'Between' && node.operand.kind === 'ColumnRef') {
          const column = node.operand.parts[node.operand.parts.length - 1]!.value;
          const rank = ranks.get(column);
          if (rank !== undefined) found = { rank, span: node.span, column };
        }
        return undefined;
      },
    });
    void scope;
    if (found === null || !this.streaming) return null;
    const { rank, span, column } = found as { rank: RankColumn; span: Span; column: string };
    if (rank.function !== 'ROW_NUMBER') {
      this.report(diagnostic(Codes.rankNotSupported, { message: `${rank.function}() cannot be used for Top-N on a stream; Flink supports only ROW_NUMBER() there.`,
        span: rank.span,
        hint: 'Use ROW_NUMBER() OVER (PARTITION BY ... ORDER BY ...) and filter on it.', }));
    }
    if (rank.windowed) {
      // Window Top-N and window deduplication emit final results once per window (WindowRank).
      return { column, changelog: { updates: false, deletes: false }, updatingSource: null };
    }
    const filterText = (select.where === null ? '' : printExpression(select.where));
    const isTop1 = /(<=\s*1|<\s*2|=\s*1)\b/.test(filterText);
    if (isTop1 && rank.timeOrder === 'ASC' && rank.orderTime === 'PROCTIME' && rank.inputInsertOnly) {
      // Keep-first deduplication on processing time emits each key's first row once and never
      // retracts it (Flink 1.20's StreamPhysicalDeduplicate: "only proctime first row deduplicate
      // does not produce UPDATE changes"). On event time a late row with an earlier time replaces it.
      return { column, changelog: { updates: false, deletes: false }, updatingSource: null };
    }
    const what = !isTop1 || rank.timeOrder === null
      ? 'Top-N (the ranking changes as rows arrive, so earlier results are retracted)'
      : rank.timeOrder === 'DESC'
        ? 'deduplication keeping the last row (it retracts the previous row)'
        : 'deduplication keeping the first row by event time (a late row with an earlier time replaces it)';
    return { column, changelog: ALL_CHANGES, updatingSource: { span, what } };
  }

  private checkOverWindows(select: Select, calls: readonly FunctionCall[], scope: Scope, input: Relation): void {
    const overs = calls.map((call) => ({
      call,
      spec: call.over?.kind === 'WindowSpec' ? call.over : select.windows.find((w) => w.name.value === (call.over as Identifier).value)?.spec ?? null,
    }));
    for (const { spec } of overs) if (spec?.frame != null) this.checkFrameOffsets(spec, scope);
    if (overs.length === 0 || !this.streaming) return;
    const nonRank = overs.filter((o) => !['ROW_NUMBER', 'RANK', 'DENSE_RANK'].includes(callName(o.call)));
    for (const { call, spec } of nonRank) {
      if (spec === null) continue;
      const first = spec.orderBy[0];
      if (first === undefined) {
        this.report(diagnostic(Codes.overOrderNotTimeAttribute, { message: `${callName(call)}(...) OVER (...) on a stream needs ORDER BY a time attribute.`, span: spec.span, hint: 'Add ORDER BY <rowtime or proctime column> to the window.' }));
        continue;
      }
      if (spec.orderBy.length > 1) {
        this.report(diagnostic(Codes.overOrderNotTimeAttribute, { message: 'An OVER window on a stream can be ordered by a single time column only.', span: spec.orderBy[1]!.span, hint: 'Keep only the time attribute in the window\'s ORDER BY.' }));
      }
      if (first.direction === 'DESC') {
        this.report(diagnostic(Codes.overOrderNotTimeAttribute, { message: 'An OVER window on a stream can only be ordered ascending.', span: first.span, hint: 'Remove DESC.' }));
      }
      const t = this.peekType(scope, first.expr);
      if (t !== null && t.root !== 'UNKNOWN' && timeAttributeOf(t) === null) {
        this.report(diagnostic(Codes.overOrderNotTimeAttribute, { message: `OVER windows on a stream must be ordered by a time attribute, but ${printExpression(first.expr)} is ${printType(t)}.`,
          span: first.expr.span,
          hint: 'Order by the table\'s rowtime (declared with WATERMARK) or a PROCTIME() column; time attributes are lost after regular joins and aggregations.', }));
      }
      if (spec.frame !== null && (spec.frame.end?.bound === 'FOLLOWING' || spec.frame.end?.bound === 'UNBOUNDED FOLLOWING' || spec.frame.start.bound === 'FOLLOWING')) {
        this.report(diagnostic(Codes.overFrame, { message: 'OVER windows on a stream cannot look at following rows.', span: spec.frame.span, hint: 'End the frame at CURRENT ROW, e.g. ROWS BETWEEN 10 PRECEDING AND CURRENT ROW.' }));
      }
    }
    const distinctSpecs = new Set(nonRank.map((o) => (o.spec === null ? '' : printWindow(o.spec))));
    if (distinctSpecs.size > 1) {
      this.report(diagnostic(Codes.differentOverWindows, { message: 'All OVER aggregates of one SELECT must use the same window on a stream.', span: nonRank[1]!.call.span, related: [{ span: nonRank[0]!.call.span, message: 'the first window is here' }], hint: 'Use one WINDOW w AS (...) for all of them, or compute them in separate queries and join.' }));
    }
    if (nonRank.length > 0 && !isInsertOnly(input.changelog)) {
      this.report(this.needsInsertOnly('An OVER aggregation', nonRank[0]!.call.span, input));
    }
  }

  /**
   * A ROWS frame counts rows, so its offsets are non-negative integers; a RANGE frame measures the
   * ORDER BY key, so over a time column its offsets are intervals and over a number numbers
   * (Calcite's SqlWindow: "ROWS value must be a non-negative integral constant", "Data Type
   * mismatch between ORDER BY and RANGE clause").
   */
  private checkFrameOffsets(spec: WindowSpec, scope: Scope): void {
    const frame = spec.frame!;
    const ctx = this.context(scope, { aggregates: false, over: false });
    const orderType = spec.orderBy.length === 1 ? this.peekType(scope, spec.orderBy[0]!.expr) : null;
    for (const bound of [frame.start, frame.end]) {
      if (bound?.offset == null) continue;
      const t = typeExpression(bound.offset, ctx);
      if (t.root === 'UNKNOWN') continue;
      if (frame.units === 'ROWS') {
        if (!is.exactNumeric(t) || (bound.offset.kind === 'Literal' && /[.eE]/.test(bound.offset.value))) {
          this.report(diagnostic(Codes.overFrame, { message: `A ROWS frame counts rows, so its offset must be a whole number, but ${printExpression(bound.offset)} is ${is.interval(t) ? 'an interval' : printType(t)}.`,
            span: bound.offset.span, hint: is.interval(t) ? `To look back in time, write RANGE BETWEEN ${printExpression(bound.offset)} PRECEDING AND CURRENT ROW.` : 'Write ROWS BETWEEN 10 PRECEDING AND CURRENT ROW.' }));
        }
        continue;
      }
      if (orderType === null || orderType.root === 'UNKNOWN') continue;
      const timeKey = is.datetime(orderType);
      if (timeKey && !is.interval(t)) {
        this.report(diagnostic(Codes.overFrame, { message: `The window is ordered by a time column (${printType(orderType)}), so a RANGE offset must be an interval, but ${printExpression(bound.offset)} is ${printType(t)}.`,
          span: bound.offset.span, hint: `Write an interval, e.g. RANGE BETWEEN INTERVAL '10' MINUTE PRECEDING AND CURRENT ROW, or count rows with ROWS BETWEEN ${printExpression(bound.offset)} PRECEDING AND CURRENT ROW.` }));
      } else if (!timeKey && is.numeric(orderType) && is.interval(t)) {
        this.report(diagnostic(Codes.overFrame, { message: `The window is ordered by a number (${printType(orderType)}), so a RANGE offset must be a number, but ${printExpression(bound.offset)} is an interval.`,
          span: bound.offset.span, hint: 'Order the window by a time column to use an interval offset.' }));
      }
    }
  }

  needsInsertOnly(what: string, span: Span, input: Relation): Diagnostic {
    const source = input.updatingSource;
    return diagnostic(Codes.updatesIntoInsertOnlyOperator, { message: `${what} needs an insert-only input, but its input is updating (${printChangelogMode(input.changelog)})${source === null ? '' : ` because of ${source.what}`}.`,
      span,
      related: source === null ? undefined : [{ span: source.span, message: 'the updates come from here' }],
      hint: 'Move this operation before the updating operation, or make the input insert-only (e.g. a window aggregation instead of GROUP BY).', });
  }

  private checkOrderBy(query: Query, body: SelectResult, outer: Scope | null): void {
    void outer;
    const out = body.relation;
    for (const item of query.orderBy) {
      const t = this.orderItemType(item, body);
      if (item !== query.orderBy[0] || t === null) continue;
      const limited = query.limit !== null || query.fetch !== null;
      if (this.streaming && !limited && t.root !== 'UNKNOWN' && (timeAttributeOf(t) === null || item.direction === 'DESC') && !out.opaque) {
        this.report(diagnostic(Codes.sortOnNonTimeAttribute, { message: `A streaming query can only be sorted by a time attribute in ascending order first, but the first ORDER BY key is ${printExpression(item.expr)} (${printType(t)}${item.direction === 'DESC' ? ', descending' : ''}).`,
          span: item.span,
          hint: 'Sort by the rowtime or proctime column first, or add LIMIT to get a Top-N.', }));
      }
    }
  }

  private orderItemType(item: OrderItem, body: SelectResult): LogicalType | null {
    const expr = item.expr;
    if (expr.kind === 'Literal' && expr.type === 'INTEGER') {
      const ordinal = Number(expr.value);
      return body.relation.columns[ordinal - 1]?.type ?? null;
    }
    if (expr.kind === 'ColumnRef' && expr.parts.length === 1) {
      const alias = body.relation.columns.find((c) => c.name === expr.parts[0]!.value);
      if (alias !== undefined) return alias.type;
    }
    const ctx = this.context(body.scope, { aggregates: true, over: true });
    return typeExpression(expr, ctx);
  }

  // ------------------------------------------------------------------------------------ FROM

  private analyzeTableRef(ref: TableRef, scope: Scope, ctes: CteEnv, ranks: Map<string, RankColumn>): { items: ScopeItem[]; relation: Relation; merged: Map<string, LogicalType> } {
    const none = new Map<string, LogicalType>();
    switch (ref.kind) {
      case 'NamedTable': {
        const rel = this.namedTable(ref, scope, ctes);
        const path = ref.name.parts.map((p) => p.value);
        return { items: [this.item(ref.alias, path, rel, ref.span)], relation: rel, merged: none };
      }
      case 'DerivedTable': {
        const outer = ref.lateral ? scope : scope.parent;
        const result = this.analyzeQueryWithRanks(ref.query, outer, ctes);
        let rel = result.relation;
        if (ref.alias !== null && ref.alias.columns.length > 0) rel = this.renameColumns(rel, ref.alias.columns, ref.alias.span);
        for (const [index, rank] of result.rankColumns) ranks.set(rel.columns[index]!.name, rank);
        const alias = ref.alias?.name.value ?? `EXPR$${scope.items.length}`;
        return { items: [{ alias, path: [alias], relation: rel }], relation: rel, merged: none };
      }
      case 'TableFunction': {
        const rel = this.tableFunction(ref, scope, ctes);
        const alias = ref.alias?.name.value ?? callName(ref.call);
        return { items: [{ alias, path: [alias], relation: rel }], relation: rel, merged: none };
      }
      case 'Unnest': {
        const rel = this.unnest(ref, scope);
        const alias = ref.alias?.name.value ?? 'UNNEST';
        return { items: [{ alias, path: [alias], relation: rel }], relation: rel, merged: none };
      }
      case 'Join': return this.join(ref, scope, ctes, ranks);
      case 'MatchRecognize': {
        const rel = this.matchRecognize(ref, scope, ctes);
        const alias = ref.alias?.name.value ?? 'MATCH_RECOGNIZE';
        return { items: [{ alias, path: [alias], relation: rel }], relation: rel, merged: none };
      }
    }
  }

  private item(alias: TableAlias | null, path: readonly string[], rel: Relation, span: Span): ScopeItem {
    void span;
    if (alias === null) return { alias: path[path.length - 1] ?? '', path, relation: rel };
    const renamed = alias.columns.length > 0 ? this.renameColumns(rel, alias.columns, alias.span) : rel;
    return { alias: alias.name.value, path: [alias.name.value], relation: renamed };
  }

  private renameColumns(rel: Relation, names: readonly Identifier[], span: Span): Relation {
    if (rel.opaque) return { ...rel, columns: names.map((n) => ({ name: n.value, type: T.unknown() })), opaque: false };
    if (names.length !== rel.columns.length) {
      this.report(diagnostic(Codes.aliasColumnCount, { message: `The alias lists ${names.length} column name${names.length === 1 ? '' : 's'}, but the relation has ${rel.columns.length} column${rel.columns.length === 1 ? '' : 's'}.`,
        span,
        hint: `Name all ${rel.columns.length} columns: ${rel.columns.map((c) => c.name).join(', ')}.`, }));
    }
    return { ...rel, columns: rel.columns.map((c, i) => ({ ...c, name: names[i]?.value ?? c.name })) };
  }

  private namedTable(ref: NamedTable, scope: Scope, ctes: CteEnv): Relation {
    if (ref.extension.length > 0) {
      this.report(diagnostic(Codes.unsupportedStatement, { message: 'Extended columns (`t (extra INT)`) are not allowed in Flink SQL.', span: ref.extension[0]!.span, hint: 'Declare the column in the table\'s CREATE TABLE instead.' }));
    }
    const rel = this.scanNamed(ref.name.parts, ref.name.span, ctes);
    void scope;
    const options = ref.hints.find((h) => h.name.value.toUpperCase() === 'OPTIONS');
    if (options !== undefined && rel.table === null && !rel.opaque) {
      this.report(diagnostic(Codes.hintOnView, { message: `'${ref.name.parts.map((p) => p.value).join('.')}' is a view; an OPTIONS hint can only change the options of a table.`, span: options.span, hint: 'Put the hint on the tables inside the view\'s query, or remove it.' }));
    }
    if (options !== undefined && rel.table !== null) this.checkHintOptions(options, rel.table);
    return rel;
  }

  /**
   * An OPTIONS hint overrides table options for one query, and Flink validates the merged options
   * with the connector's factory: a misspelt key or a bad value in the hint fails the same way as
   * in the WITH clause. Only what the hint's own options cause is reported here.
   */
  private checkHintOptions(hint: Hint, table: CatalogTable): void {
    const nowhere: Span = { start: -1, end: -1 };
    const hinted = new Map(hint.options.filter((o) => o.value !== null).map((o) => [o.key, o]));
    const options = [
      ...table.options.filter(([key]) => !hinted.has(key)).map(([key, value]) => ({ key, value, keySpan: nowhere, valueSpan: nowhere })),
      ...[...hinted.values()].map((o) => ({ key: o.key, value: o.value!, keySpan: o.span, valueSpan: o.span })),
    ];
    const input = { ...connectorInputFromCatalogTable(table, nowhere), options, tableName: table.id.name };
    for (const d of checkConnectorOptions(input)) {
      if ([...hinted.values()].some((o) => d.span.start >= o.span.start && d.span.end <= o.span.end)) this.report(d);
    }
  }

  scanNamed(parts: readonly Identifier[], span: Span, ctes: CteEnv): Relation {
    const values = parts.map((p) => p.value);
    if (values.length === 1) {
      const cte = ctes.get(values[0]!);
      if (cte !== undefined) return cte;
    }
    const found = this.session.catalog.lookup(values);
    if (found.status === 'opaque') return relation([], { opaque: true });
    if (found.status === 'missing') {
      this.report(tableNotFound(this.session, values, span, found.reason));
      return relation([], { opaque: true });
    }
    const object = found.object;
    if (object.kind === 'view') {
      const changelog = this.streaming ? object.changelog ?? INSERT_ONLY_MODE : INSERT_ONLY_MODE;
      return relation(object.columns.map((c) => ({ name: c.name, type: c.type })), {
        opaque: object.columns.length === 0 && object.query === null,
        changelog,
        updatingSource: isInsertOnly(changelog) ? null : object.updatingSource ?? { span, what: `the view '${values.join('.')}', whose result is updating` },
      });
    }
    this.session.markUsed?.(object);
    const columns = tableColumnsForQuery(object, this.streaming);
    const pk = object.primaryKey;
    const keys = pk === null ? [] : [pk.columns.map((name) => object.columns.findIndex((c) => c.name === name))];
    const changelog = this.streaming ? sourceChangelog(object) : { updates: false, deletes: false };
    return relation(columns, {
      table: object,
      upsertKeys: keys,
      changelog,
      updatingSource: isInsertOnly(changelog) ? null : { span, what: `the source table '${values.join('.')}', whose connector or format produces a changelog` },
    });
  }

  private tableFunction(ref: TableFunction, scope: Scope, ctes: CteEnv): Relation {
    const name = callName(ref.call);
    if (WINDOW_TVFS.has(name) && ref.call.args.some((a) => a.kind === 'TableArgument' || (a.kind === 'NamedArgument' && a.value.kind === 'TableArgument'))) {
      return this.windowTvf(ref, name, ctes, scope);
    }
    // A user table function: LATERAL TABLE(f(x)) sees the columns on its left.
    const ctx = this.context(scope, { aggregates: false, over: false });
    for (const arg of ref.call.args) typeExpression(arg, ctx);
    const fn = this.session.catalog.lookupFunction(ref.call.name.parts.map((p) => p.value));
    let columns: OutputColumn[] = [];
    if (fn !== null && fn !== 'opaque' && fn.signatures.length > 0) {
      const returns = fn.signatures[0]!.returns;
      columns = returns.root === 'ROW' ? returns.fields.map((f) => ({ name: f.name, type: f.type })) : [{ name: 'f0', type: returns }];
    }
    if (fn === null && !['UNNEST'].includes(name)) {
      this.report(diagnostic(Codes.unknownFunction, { message: `Table function '${ref.call.name.parts.map((p) => p.value).join('.')}' not found.`, span: ref.call.name.span, hint: 'Register it first with CREATE FUNCTION ... AS \'class\', or check the name.' }));
    }
    const known = columns.length > 0;
    if (!known && ref.alias !== null && ref.alias.columns.length > 0) {
      columns = ref.alias.columns.map((c) => ({ name: c.value, type: T.unknown() }));
      return relation(columns);
    }
    return relation(columns, { opaque: !known });
  }

  private windowTvf(ref: TableFunction, name: string, ctes: CteEnv, scope: Scope): Relation {
    const call = ref.call;
    const named = new Map<string, Expression>();
    const positional: Expression[] = [];
    for (const arg of call.args) {
      if (arg.kind === 'NamedArgument') named.set(arg.name.value.toUpperCase(), arg.value);
      else positional.push(arg);
    }
    const order = name === 'HOP' ? ['DATA', 'TIMECOL', 'SLIDE', 'SIZE', 'OFFSET'] : name === 'CUMULATE' ? ['DATA', 'TIMECOL', 'STEP', 'SIZE', 'OFFSET'] : name === 'SESSION' ? ['DATA', 'TIMECOL', 'GAP'] : ['DATA', 'TIMECOL', 'SIZE', 'OFFSET'];
    const args = new Map<string, Expression>(named);
    positional.forEach((arg, i) => { if (order[i] !== undefined) args.set(order[i]!, arg); });
    const data = args.get('DATA');
    if (data === undefined || data.kind !== 'TableArgument') {
      this.report(diagnostic(Codes.windowArguments, { message: `${name} needs a table as its first argument: ${name}(TABLE t, DESCRIPTOR(time_column), ...).`, span: call.span }));
      return relation([], { opaque: true });
    }
    const input = this.scanNamed(data.table.parts, data.table.span, ctes);
    const required = order.filter((o) => o !== 'OFFSET');
    const missing = required.filter((r) => !args.has(r));
    if (missing.length > 0) {
      this.report(diagnostic(Codes.windowArguments, { message: `${name} is missing its ${missing.map((m) => m.toLowerCase()).join(' and ')} argument${missing.length > 1 ? 's' : ''}.`, span: call.span, hint: `${name}(TABLE t, DESCRIPTOR(time_column), ${order.slice(2).filter((o) => o !== 'OFFSET').map((o) => o.toLowerCase()).join(', ')})${name === 'HOP' ? ' (the slide comes before the size)' : ''}` }));
    }
    const ctx = this.context(new Scope([], scope.parent, (d) => this.report(d)), { aggregates: false, over: false });
    for (const key of ['SIZE', 'SLIDE', 'STEP', 'GAP', 'OFFSET']) {
      const e = args.get(key);
      if (e === undefined) continue;
      const t = typeExpression(e, ctx);
      if (t.root !== 'UNKNOWN' && t.root !== 'INTERVAL_DAY_TIME' && t.root !== 'INTERVAL_YEAR_MONTH') {
        this.report(diagnostic(Codes.windowArguments, { message: `The ${key.toLowerCase()} of ${name} must be an interval, but is ${printType(t)}.`, span: e.span, hint: `Write it as an interval, e.g. INTERVAL '10' MINUTES.` }));
      }
    }
    const window: WindowInfo = { kind: name, span: call.span, ...this.slicing(name, args) };
    if (data.partitionBy.length > 0 && name !== 'SESSION') {
      this.report(diagnostic(Codes.windowArguments, { message: `Only SESSION windows take PARTITION BY; a ${name} window covers all rows of the table.`,
        span: data.partitionBy[0]!.span, hint: `Remove PARTITION BY and add the keys to GROUP BY: GROUP BY window_start, window_end, ${data.partitionBy.map((k) => printExpression(k)).join(', ')}.` }));
    }
    if (input.opaque) return relation([], { opaque: true, window });
    for (const key of data.partitionBy) {
      const keyName = key.kind === 'ColumnRef' ? key.parts[0]!.value : null;
      if (keyName === null || input.columns.some((c) => c.name === keyName)) continue;
      const suggestions = closestMatches(keyName, input.columns.map((c) => c.name));
      this.report(diagnostic(Codes.columnNotFound, { message: `The partition key '${keyName}' is not a column of '${data.table.parts.map((p) => p.value).join('.')}'.${suggestions.length > 0 ? ` Did you mean '${suggestions[0]}'?` : ''}`, span: key.span, hint: `The columns are: ${input.columns.map((c) => c.name).join(', ')}.` }));
    }
    const descriptor = args.get('TIMECOL');
    let timeType: LogicalType = T.timestamp(3, false);
    if (descriptor !== undefined) {
      const colName = descriptor.kind === 'FunctionCall' && callName(descriptor) === 'DESCRIPTOR' && descriptor.args[0]?.kind === 'ColumnRef' ? descriptor.args[0] : null;
      if (colName === null) {
        this.report(diagnostic(Codes.windowArguments, { message: `The time column of ${name} must be given as DESCRIPTOR(column).`, span: descriptor.span }));
      } else {
        const column = input.columns.find((c) => c.name === colName.parts[0]!.value);
        if (column === undefined) {
          const suggestions = closestMatches(colName.parts[0]!.value, input.columns.map((c) => c.name));
          this.report(diagnostic(Codes.columnNotFound, { message: `The time column '${colName.parts[0]!.value}' is not a column of '${data.table.parts.map((p) => p.value).join('.')}'.${suggestions.length > 0 ? ` Did you mean '${suggestions[0]}'?` : ''}`, span: colName.span, hint: `The columns are: ${input.columns.map((c) => c.name).join(', ')}.` }));
        } else {
          timeType = column.type;
          this.checkWindowTimeColumn(name, column, colName.span);
        }
      }
    }
    const windowTime = timeType.root === 'TIMESTAMP_WITH_LOCAL_TIME_ZONE' ? T.timestampLtz(3, false, timeAttributeOf(timeType)) : T.timestamp(3, false, timeAttributeOf(timeType));
    const timedWindow: WindowInfo = { ...window, time: timeAttributeOf(timeType) };
    const columns: OutputColumn[] = [
      ...input.columns,
      { name: 'window_start', type: T.timestamp(3, false) },
      { name: 'window_end', type: T.timestamp(3, false) },
      { name: 'window_time', type: windowTime },
    ];
    return relation(columns, { changelog: input.changelog, updatingSource: input.updatingSource, window: timedWindow, upsertKeys: input.upsertKeys });
  }

  /** HOP size / slide and CUMULATE size / step must divide (Flink's SliceAssigners); literals only. */
  private slicing(name: string, args: ReadonlyMap<string, Expression>): Pick<WindowInfo, 'unsliceable'> {
    const stepName = name === 'HOP' ? 'SLIDE' : name === 'CUMULATE' ? 'STEP' : null;
    const size = args.get('SIZE');
    const step = stepName === null ? undefined : args.get(stepName);
    if (stepName === null || size === undefined || step === undefined) return {};
    const sizeMs = intervalMillis(size);
    const stepMs = intervalMillis(step);
    if (sizeMs === null || stepMs === null || sizeMs <= 0 || stepMs <= 0 || sizeMs % stepMs === 0) return {};
    return { unsliceable: { size: size.span, sizeMs, stepMs, stepName: stepName.toLowerCase() } };
  }

  private checkWindowTimeColumn(name: string, column: OutputColumn, span: Span): void {
    const t = column.type;
    if (t.root === 'UNKNOWN') return;
    if (!(t.root === 'TIMESTAMP_WITHOUT_TIME_ZONE' || t.root === 'TIMESTAMP_WITH_LOCAL_TIME_ZONE')) {
      this.report(diagnostic(Codes.windowOnNonTimeAttribute, { message: `The time column of ${name} must be a TIMESTAMP or TIMESTAMP_LTZ time attribute, but '${column.name}' is ${printType(t)}.`, span, hint: 'Use the table\'s rowtime column (declared with WATERMARK FOR) or a PROCTIME() column.' }));
      return;
    }
    if (this.streaming && timeAttributeOf(t) === null) {
      this.report(diagnostic(Codes.windowOnNonTimeAttribute, { message: `The time column of ${name} must be a time attribute, but '${column.name}' is a plain ${printType(t)}.`, span, hint: `Declare WATERMARK FOR ${quoteIfNeeded(column.name)} AS ... in the source table, or use a PROCTIME() column. Time attributes are also lost after a regular join or aggregation.` }));
    }
  }

  private unnest(ref: Unnest, scope: Scope): Relation {
    const ctx = this.context(scope, { aggregates: false, over: false });
    const columns: OutputColumn[] = [];
    for (const arg of ref.args) {
      const t = typeExpression(arg, ctx);
      if (t.root === 'ARRAY' || t.root === 'MULTISET') {
        const element = t.element;
        if (element.root === 'ROW') columns.push(...element.fields.map((f) => ({ name: f.name, type: f.type })));
        else columns.push({ name: `EXPR$${columns.length}`, type: element });
      } else if (t.root === 'MAP') {
        columns.push({ name: 'KEY', type: t.key }, { name: 'VALUE', type: t.value });
      } else if (t.root === 'UNKNOWN') {
        return relation(ref.alias?.columns.map((c) => ({ name: c.value, type: T.unknown() })) ?? [], { opaque: (ref.alias?.columns.length ?? 0) === 0 });
      } else {
        this.report(diagnostic(Codes.operatorTypes, { message: `UNNEST needs an ARRAY, MULTISET or MAP, but ${printExpression(arg)} is ${printType(t)}.`, span: arg.span }));
        return relation([], { opaque: true });
      }
    }
    if (ref.withOrdinality) columns.push({ name: 'ORDINALITY', type: T.int(false) });
    const rel = relation(columns);
    return ref.alias !== null && ref.alias.columns.length > 0 ? this.renameColumns(rel, ref.alias.columns, ref.alias.span) : rel;
  }

  /**
   * A chain of joins is a left-deep tree as deep as the chain is long; it is walked down its left
   * spine and analysed bottom-up in a loop, so a thousand-way join costs no stack.
   */
  private join(ref: Join, scope: Scope, ctes: CteEnv, ranks: Map<string, RankColumn>): { items: ScopeItem[]; relation: Relation; merged: Map<string, LogicalType> } {
    const spine: Join[] = [];
    let base: TableRef = ref;
    while (base.kind === 'Join') {
      spine.push(base);
      base = base.left;
    }
    let result = this.analyzeTableRef(base, scope, ctes, ranks);
    for (let i = spine.length - 1; i >= 0; i--) result = this.joinStep(spine[i]!, result, scope, ctes, ranks);
    return result;
  }

  private joinStep(
    ref: Join,
    left: { items: ScopeItem[]; relation: Relation; merged: Map<string, LogicalType> },
    scope: Scope,
    ctes: CteEnv,
    ranks: Map<string, RankColumn>,
  ): { items: ScopeItem[]; relation: Relation; merged: Map<string, LogicalType> } {
    const lateralScope = new Scope([...scope.items, ...left.items], scope.parent, (d) => this.report(d));
    for (const [k, v] of left.merged) lateralScope.merged.set(k, v);
    const right = this.analyzeTableRef(ref.right, lateralScope, ctes, ranks);
    const items = [...left.items, ...right.items];
    const merged = new Map<string, LogicalType>([...left.merged, ...right.merged]);
    const outerLeft = ref.joinType === 'RIGHT' || ref.joinType === 'FULL';
    const outerRight = ref.joinType === 'LEFT' || ref.joinType === 'FULL' || ref.joinType === 'OUTER APPLY';
    const nullable = (rel: Relation, yes: boolean): Relation => (yes ? { ...rel, columns: rel.columns.map((c) => ({ ...c, type: withNullability(c.type, true) })) } : rel);

    const temporal = ref.right.kind === 'NamedTable' && ref.right.systemTime !== null;
    // A window TVF on the right reads a table of its own (TABLE t), so it is a join input, not a correlation.
    const windowOnRight = ref.right.kind === 'TableFunction' && WINDOW_TVFS.has(callName(ref.right.call));
    const correlate = (ref.right.kind === 'TableFunction' && !windowOnRight) || ref.right.kind === 'Unnest' || (ref.right.kind === 'DerivedTable' && ref.right.lateral);
    const joinScope = new Scope(items, scope.parent, (d) => this.report(d));
    for (const [k, v] of merged) joinScope.merged.set(k, v);

    // USING / NATURAL: common columns appear once.
    const usingNames = ref.natural
      ? left.relation.columns.map((c) => c.name).filter((n) => right.relation.columns.some((c) => c.name === n))
      : ref.using.map((u) => u.value);
    for (const u of ref.using) {
      for (const [side, rel] of [['left', left.relation], ['right', right.relation]] as const) {
        if (!rel.opaque && !rel.columns.some((c) => c.name === u.value)) {
          this.report(diagnostic(Codes.columnNotFound, { message: `USING column '${u.value}' not found on the ${side} side of the join.`, span: u.span, hint: `The ${side} side has: ${rel.columns.map((c) => c.name).join(', ')}.` }));
        }
      }
    }
    for (const name of usingNames) {
      const l = left.relation.columns.find((c) => c.name === name);
      const r = right.relation.columns.find((c) => c.name === name);
      if (l === undefined || r === undefined) continue;
      const t = leastRestrictive([l.type, r.type]) ?? l.type;
      const nullableResult = ref.joinType === 'FULL' ? true : ref.joinType === 'LEFT' ? l.type.nullable : ref.joinType === 'RIGHT' ? r.type.nullable : l.type.nullable && r.type.nullable;
      joinScope.merged.set(name, withoutTimeAttribute(withNullability(t, nullableResult)));
      merged.set(name, withoutTimeAttribute(withNullability(t, nullableResult)));
    }

    let kind: 'regular' | 'interval' | 'temporal' | 'window' | 'correlate' = correlate ? 'correlate' : temporal ? 'temporal' : 'regular';
    if (ref.on !== null) {
      const ctx = this.context(joinScope, { aggregates: false, over: false });
      this.typeCondition(ref.on, ctx, 'ON');
      if (kind === 'regular' && this.streaming) {
        if (left.relation.window !== null && right.relation.window !== null) {
          kind = 'window';
          if (left.relation.window.time === 'PROCTIME' || right.relation.window.time === 'PROCTIME') {
            // StreamExecWindowJoin: "Processing time Window Join is not supported yet."
            this.report(diagnostic(Codes.unsupportedStatement, { message: 'Flink cannot join windows on processing time: a window join needs event-time windows on both sides.',
              span: (left.relation.window.time === 'PROCTIME' ? left.relation.window : right.relation.window).span,
              hint: 'Window both sides on a rowtime column (declared with WATERMARK FOR), or use an interval join on the processing-time columns.' }));
          }
        }
        else if (this.isIntervalCondition(ref.on, joinScope, left.items.length)) kind = 'interval';
      }
      if (correlate && (ref.joinType === 'LEFT') && !(ref.on.kind === 'Literal' && ref.on.type === 'BOOLEAN' && ref.on.value === 'TRUE')) {
        this.report(diagnostic(Codes.lateralLeftJoinCondition, { message: 'A LEFT JOIN with a table function only accepts ON TRUE.', span: ref.on.span, hint: 'Write `LEFT JOIN LATERAL TABLE(f(...)) AS t(...) ON TRUE` and filter in WHERE instead.', fixes: [{ title: 'Use ON TRUE', edits: [{ span: ref.on.span, text: 'TRUE' }], applicability: 'unsafe' }] }));
      }
    }
    if (temporal && ref.right.kind === 'NamedTable') {
      const attribute = this.checkTemporalJoin(ref.right, joinScope, left.items.length, right.relation);
      if (attribute !== null && this.streaming) this.checkTemporalJoinCondition(ref, ref.right, joinScope, left.items.length, right.relation, attribute);
    }

    let leftRel = nullable(left.relation, outerLeft);
    let rightRel = nullable(right.relation, outerRight);
    if (this.streaming && (kind === 'regular')) {
      leftRel = materialize(leftRel);
      rightRel = materialize(rightRel);
    } else if (kind === 'temporal') {
      rightRel = materialize(rightRel);
    }
    // Only a side that is one table changes its items' relation (nullability, materialized time).
    const itemsOut = items.slice();
    if (left.items.length === 1) itemsOut[0] = { ...itemsOut[0]!, relation: leftRel };
    if (right.items.length === 1) itemsOut[left.items.length] = { ...itemsOut[left.items.length]!, relation: rightRel };
    let rel: Relation;
    if (kind === 'temporal' || kind === 'correlate') {
      rel = relation([...leftRel.columns, ...rightRel.columns], { changelog: left.relation.changelog, updatingSource: left.relation.updatingSource, opaque: left.relation.opaque || right.relation.opaque });
    } else if (kind === 'interval' || kind === 'window') {
      for (const [side, r] of [[ref.left, left.relation], [ref.right, right.relation]] as const) {
        if (!isInsertOnly(r.changelog)) this.report(this.needsInsertOnly(kind === 'interval' ? 'An interval join' : 'A window join', side.span, r));
      }
      rel = relation([...leftRel.columns, ...rightRel.columns], { opaque: left.relation.opaque || right.relation.opaque });
    } else {
      rel = this.joinedRelation(leftRel, rightRel, ref.joinType, ref.span, ref.natural || ref.using.length > 0);
    }
    return { items: itemsOut, relation: rel, merged };
  }

  joinedRelation(left: Relation, right: Relation, joinType: string, span: Span, _using: boolean): Relation {
    void _using;
    const columns = [...(this.streaming ? materialize(left) : left).columns, ...(this.streaming ? materialize(right) : right).columns];
    const opaque = left.opaque || right.opaque;
    if (!this.streaming) return relation(columns, { opaque });
    if (joinType === 'INNER' || joinType === 'CROSS' || joinType === 'CROSS APPLY') {
      return relation(columns, { changelog: mergeChangelog(left.changelog, right.changelog), updatingSource: left.updatingSource ?? right.updatingSource, opaque });
    }
    return relation(columns, { changelog: ALL_CHANGES, updatingSource: { span, what: `the ${joinType} JOIN (an outer join retracts rows it padded with NULLs when a match arrives)` }, opaque });
  }

  private isIntervalCondition(on: Expression, scope: Scope, leftItems: number): boolean {
    let leftTime = false;
    let rightTime = false;
    let bounded = false;
    walk(on, {
      enter: (node) => {
        if (node.kind === 'Between' || (node.kind === 'Binary' && ['<', '<=', '>', '>=', '='].includes(node.op))) {
          const refs: ColumnRef[] = [];
          search(node, (n) => { if (n.kind === 'ColumnRef') refs.push(n); });
          let l = false;
          let r = false;
          for (const ref of refs) {
            const resolved = this.peek(scope, ref);
            if (resolved === null || resolved.item < 0 || timeAttributeOf(resolved.type) === null) continue;
            if (resolved.item < leftItems) l = true;
            else r = true;
          }
          if (l && r) bounded = true;
          leftTime ||= l;
          rightTime ||= r;
        }
        return undefined;
      },
    });
    return bounded && leftTime && rightTime;
  }

  /** Checks FOR SYSTEM_TIME AS OF and the versioned table; returns the kind of time the join is on, when valid. */
  private checkTemporalJoin(right: NamedTable, scope: Scope, leftItems: number, versioned: Relation): TimeAttribute | null {
    const period = right.systemTime!;
    if (period.kind !== 'ColumnRef') {
      this.report(diagnostic(Codes.temporalJoinPeriod, { message: "FOR SYSTEM_TIME AS OF must name the left table's time attribute column.", span: period.span, hint: 'Write FOR SYSTEM_TIME AS OF o.order_time, where o.order_time is a rowtime or proctime column of the left table.' }));
      return null;
    }
    const resolved = this.peek(scope, period);
    if (resolved === null || resolved.item < 0) {
      scope.resolve(period);
      return null;
    }
    if (resolved.item >= leftItems || timeAttributeOf(resolved.type) === null) {
      if (resolved.type.root === 'UNKNOWN') return null;
      this.report(diagnostic(Codes.temporalJoinPeriod, { message: `FOR SYSTEM_TIME AS OF must use the left table's time attribute, but ${printExpression(period)} is ${resolved.item >= leftItems ? 'a column of the versioned table' : `a plain ${printType(resolved.type)}`}.`, span: period.span, hint: 'Use the rowtime (WATERMARK) or PROCTIME() column of the left table; a time attribute is lost after a regular join or aggregation.' }));
      return null;
    }
    const attribute = timeAttributeOf(resolved.type);
    const table = versioned.table;
    if (attribute === 'ROWTIME' && table !== null && this.streaming) {
      const hasRowtime = table.watermark !== null;
      if (table.primaryKey === null || !hasRowtime) {
        const missing = table.primaryKey === null && !hasRowtime ? 'a primary key and a rowtime attribute' : table.primaryKey === null ? 'a primary key' : 'a rowtime attribute (WATERMARK)';
        this.report(diagnostic(Codes.temporalJoinVersionedTable, { message: `An event-time temporal join needs a versioned table with a primary key and a rowtime attribute, but '${right.name.parts.map((p) => p.value).join('.')}' has no ${missing.replace(/^a /, '')}.`, span: right.name.span, hint: table.primaryKey === null ? 'Declare PRIMARY KEY (...) NOT ENFORCED on the versioned table, or join a deduplicated view.' : 'Declare WATERMARK FOR <time column> AS ... on the versioned table.' }));
        return null;
      }
    }
    return timeAttributeOf(resolved.type);
  }

  /**
   * A temporal or lookup join is INNER or LEFT, joins on at least one equality with the versioned
   * table (CommonExecLookupJoin, TemporalJoinUtil), and on event time that equality covers the
   * versioned table's primary key (TemporalJoinRewriteWithUniqueKeyRule).
   */
  private checkTemporalJoinCondition(join: Join, right: NamedTable, scope: Scope, leftItems: number, versioned: Relation, attribute: TimeAttribute): void {
    const name = right.alias?.name.value ?? right.name.parts[right.name.parts.length - 1]!.value;
    if (join.joinType !== 'INNER' && join.joinType !== 'LEFT') {
      this.report(diagnostic(Codes.temporalJoinCondition, { message: `A ${attribute === 'ROWTIME' ? 'temporal' : 'lookup'} join can only be an INNER JOIN or a LEFT JOIN, not a ${join.joinType} JOIN.`,
        span: right.span, hint: 'Use JOIN or LEFT JOIN, with the stream on the left and the versioned or lookup table on the right.' }));
      return;
    }
    if (join.on === null || versioned.opaque) return;
    const rightColumns = new Set<string>();
    let equalities = 0;
    for (const conjunct of conjuncts(join.on)) {
      if (conjunct.kind !== 'Binary' || conjunct.op !== '=') continue;
      const sides = [this.joinSide(conjunct.left, scope, leftItems), this.joinSide(conjunct.right, scope, leftItems)];
      const rightIndex = sides.findIndex((side) => side.kind === 'right-column');
      if (rightIndex < 0) continue;
      // A lookup key may also be a constant (`ON c.region = 'EU'`): LookupJoinUtil's constant keys.
      const other = sides[1 - rightIndex]!.kind;
      if (other !== 'left' && !(other === 'constant' && attribute === 'PROCTIME')) continue;
      equalities++;
      rightColumns.add((sides[rightIndex] as { column: string }).column);
    }
    const key = versioned.table?.primaryKey?.columns ?? null;
    if (equalities === 0) {
      this.report(diagnostic(Codes.temporalJoinCondition, { message: `A ${attribute === 'ROWTIME' ? 'temporal' : 'lookup'} join needs an equality between a column of '${name}' and the left side, but the ON condition has none.`,
        span: join.on.span, hint: `Join on ${key === null ? `a column of '${name}': ON <left column> = ${name}.<column>` : `the key of '${name}': ON <left column> = ${name}.${quoteIfNeeded(key[0]!)}`}; further conditions may follow with AND.` }));
      return;
    }
    if (attribute === 'ROWTIME' && key !== null) {
      const missing = key.filter((k) => !rightColumns.has(k));
      if (missing.length > 0) {
        this.report(diagnostic(Codes.temporalJoinCondition, { message: `An event-time temporal join must join on the primary key of '${name}' (${key.join(', ')}), but the ON condition does not compare ${missing.join(', ')}.`,
          span: join.on.span, hint: `Add ${missing.map((k) => `${name}.${quoteIfNeeded(k)} = <left column>`).join(' AND ')} to the ON condition.` }));
      }
    }
  }

  /** Which side of a join an equality operand reads: a plain column of the right item, only left items, or anything else. */
  private joinSide(expr: Expression, scope: Scope, leftItems: number): { kind: 'right-column'; column: string } | { kind: 'left' | 'constant' | 'other' } {
    if (expr.kind === 'ColumnRef') {
      const resolved = this.peek(scope, expr);
      if (resolved === null) return { kind: 'other' };
      if (resolved.item >= leftItems && resolved.fields.length === 0) {
        const column = scope.items[resolved.item]?.relation.columns[resolved.column]?.name;
        return column === undefined ? { kind: 'other' } : { kind: 'right-column', column };
      }
      if (resolved.item >= 0 && resolved.item < leftItems) return { kind: 'left' };
      return { kind: 'other' };
    }
    let readsRight = false;
    let readsLeft = false;
    walk(expr, { enter: (node) => {
      if (node.kind === 'ScalarSubquery' || node.kind === 'Exists' || node.kind === 'InSubquery') return 'skip';
      if (node.kind !== 'ColumnRef') return undefined;
      const resolved = this.peek(scope, node);
      if (resolved !== null && resolved.item >= leftItems) readsRight = true;
      else if (resolved !== null && resolved.item >= 0) readsLeft = true;
      return undefined;
    } });
    if (!readsLeft && !readsRight) return expr.kind === 'Literal' || expr.kind === 'IntervalLiteral' || expr.kind === 'Cast' ? { kind: 'constant' } : { kind: 'other' };
    return readsLeft && !readsRight ? { kind: 'left' } : { kind: 'other' };
  }

  private matchRecognize(ref: MatchRecognize, scope: Scope, ctes: CteEnv): Relation {
    const inputResult = this.analyzeTableRef(ref.input, scope, ctes, new Map());
    const input = inputResult.relation;
    if (this.streaming && !isInsertOnly(input.changelog)) this.report(this.needsInsertOnly('MATCH_RECOGNIZE', ref.span, input));
    const variables = new Set<string>();
    const collect = (p: MatchRecognize['pattern']): void => {
      switch (p.kind) {
        case 'PatternVariable': variables.add(p.name.value); break;
        case 'PatternAlternation': p.alternatives.forEach(collect); break;
        case 'PatternSequence': p.items.forEach(collect); break;
        case 'PatternGroup': if (p.pattern !== null) collect(p.pattern); break;
        case 'PatternExclusion': collect(p.pattern); break;
        case 'PatternPermute': p.patterns.forEach(collect); break;
        case 'PatternQuantified': collect(p.pattern); break;
        case 'PatternAnchor': break;
      }
    };
    collect(ref.pattern);
    for (const s of ref.subsets) variables.add(s.name.value);
    const base = inputResult.items.length === 1 ? inputResult.items[0]!.relation : input;
    const varItems: ScopeItem[] = [...variables].map((v) => ({ alias: v, path: [v], relation: base }));
    const mrScope = new Scope([{ alias: inputResult.items[0]?.alias ?? '', path: [], relation: base }, ...varItems], scope.parent, (d) => this.report(d));
    const ctx = this.context(mrScope, { aggregates: true, over: false });
    const plainCtx = this.context(new Scope([{ alias: '', path: [], relation: base }], scope.parent, (d) => this.report(d)), { aggregates: false, over: false });
    const partition: OutputColumn[] = ref.partitionBy.map((e) => ({ name: e.kind === 'ColumnRef' ? e.parts[e.parts.length - 1]!.value : 'EXPR', type: typeExpression(e, plainCtx) }));
    const first = ref.orderBy[0];
    if (first !== undefined) {
      const t = typeExpression(first.expr, plainCtx);
      if (this.streaming && t.root !== 'UNKNOWN' && (timeAttributeOf(t) === null || first.direction === 'DESC')) {
        this.report(diagnostic(Codes.sortOnNonTimeAttribute, { message: `MATCH_RECOGNIZE on a stream must be ordered by a time attribute ascending first, but ${printExpression(first.expr)} is ${printType(t)}${first.direction === 'DESC' ? ' (descending)' : ''}.`, span: first.span, hint: 'ORDER BY the rowtime or proctime column first.' }));
      }
    } else if (this.streaming) {
      this.report(diagnostic(Codes.sortOnNonTimeAttribute, { message: 'MATCH_RECOGNIZE on a stream needs ORDER BY a time attribute.', span: ref.span, hint: 'Add ORDER BY <rowtime or proctime column>.' }));
    }
    for (const d of ref.definitions) this.typeCondition(d.condition, ctx, 'DEFINE');
    const measures: OutputColumn[] = ref.measures.map((m) => {
      let t = typeExpression(m.expr, ctx);
      const keep = m.expr.kind === 'FunctionCall' && (callName(m.expr) === 'MATCH_ROWTIME' || callName(m.expr) === 'MATCH_PROCTIME');
      if (!keep) t = withoutTimeAttribute(t);
      return { name: m.alias.value, type: t };
    });
    const columns = ref.rowsPerMatch === 'ALL ROWS PER MATCH' ? [...base.columns, ...measures] : [...partition, ...measures];
    const rel = relation(columns, { opaque: input.opaque });
    return ref.alias !== null && ref.alias.columns.length > 0 ? this.renameColumns(rel, ref.alias.columns, ref.alias.span) : rel;
  }

  // ------------------------------------------------------------------------------------ helpers

  /** Two FROM items with the same name cannot be told apart (Calcite: "Duplicate relation name"). */
  private checkDuplicateAliases(existing: readonly ScopeItem[], added: readonly ScopeItem[], ref: TableRef): void {
    const seen = new Set(existing.map((i) => i.alias));
    for (const item of added) {
      if (item.alias === '' || !seen.has(item.alias)) { seen.add(item.alias); continue; }
      this.report(diagnostic(Codes.duplicateAlias, {
        message: `Two tables in this FROM clause are both called '${item.alias}'.`,
        span: ref.span,
        hint: 'Give each one its own alias, e.g. `orders AS a JOIN orders AS b`.',
      }));
    }
  }

  /** A built-in aggregate, or a user function declared as an aggregate in the catalog. */
  /** A call of a function nobody defines: FSQL3001 says so, and its arguments say nothing about grouping. */
  private isUnknownFunction(call: FunctionCall): boolean {
    const parts = call.name.parts;
    if (parts.length === 1 && (lookupBuiltinFunction(parts[0]!.value) !== null || callName(call) === 'DESCRIPTOR')) return false;
    return this.session.catalog.lookupFunction(parts.map((p) => p.value)) === null;
  }

  private isAggregateCall(call: FunctionCall): boolean {
    if (call.name.parts.length === 1 && isAggregateName(call.name.parts[0]!.value)) return true;
    const fn = this.session.catalog.lookupFunction(call.name.parts.map((p) => p.value));
    return fn !== null && fn !== 'opaque' && fn.kind === 'aggregate';
  }

  private typeCondition(expr: Expression, ctx: ExpressionContext, clause: string): void {
    const t = typeExpression(expr, ctx);
    if (t.root !== 'BOOLEAN' && t.root !== 'UNKNOWN' && t.root !== 'NULL') {
      this.report(diagnostic(Codes.notBoolean, { message: `The ${clause} condition must be BOOLEAN, but ${printExpression(expr)} is ${printType(t)}.`, span: expr.span, hint: 'Compare it with something, e.g. `... = ...`, or use IS NOT NULL.' }));
    }
  }

  /** Resolves silently (no diagnostics): for checks that look at names a second time. */
  peek(scope: Scope, ref: ColumnRef): ResolvedColumn | null {
    const quiet = new Scope(scope.items, scope.parent, () => undefined);
    for (const [k, v] of scope.merged) quiet.merged.set(k, v);
    const found = quiet.find(ref.parts);
    return typeof found === 'string' ? null : found;
  }

  private peekType(scope: Scope, expr: Expression): LogicalType | null {
    if (expr.kind === 'ColumnRef') return this.peek(scope, expr)?.type ?? null;
    const ctx = this.context(scope, { aggregates: true, over: false }, true);
    return typeExpression(expr, ctx);
  }

  context(scope: Scope, allow: { aggregates: boolean; over: boolean; global?: boolean }, quiet = false): ExpressionContext {
    const report = quiet ? () => undefined : (d: Diagnostic) => this.report(d);
    const resolveScope = quiet ? new Scope(scope.items, scope.parent, () => undefined) : scope;
    if (quiet) for (const [k, v] of scope.merged) resolveScope.merged.set(k, v);
    return {
      resolveColumn: (ref) => {
        const r = resolveScope.resolve(ref);
        return r === null ? null : r.type;
      },
      typeSubquery: (query) => {
        const rel = this.analyzeQuery(query, scope);
        if (!quiet) this.subqueryRelations.push(rel);
        return rel.opaque ? null : rel.columns;
      },
      lookupUserFunction: (name) => {
        const fn = this.session.catalog.lookupFunction(name.parts.map((p) => p.value));
        if (fn === 'opaque') {
          return { id: this.session.catalog.qualify(name.parts.map((p) => p.value)), kind: 'scalar', signatures: [], className: null, language: null, temporary: false, system: false, origin: { file: null, span: null } };
        }
        return fn;
      },
      aggregatesAllowed: allow.aggregates,
      overAllowed: allow.over,
      globalAggregation: allow.global === true,
      report,
    };
  }
}

/** One walk over the select list: is there an aggregate call (outside OVER), and the OVER calls. */
function scanCalls(items: readonly SelectItem[], isAggregate: (call: FunctionCall) => boolean): { aggregate: boolean; over: FunctionCall[] } {
  let aggregate = false;
  const over: FunctionCall[] = [];
  for (const item of items) {
    search(item.expr, (node) => {
      if (node.kind === 'ScalarSubquery' || node.kind === 'Exists' || node.kind === 'InSubquery' || node.kind === 'CollectionQuery') return 'skip';
      if (node.kind === 'FunctionCall') {
        if (node.over !== null) over.push(node);
        else if (isAggregate(node)) aggregate = true;
      }
      if ((node.kind === 'JsonArray' || node.kind === 'JsonObject') && node.aggregate) aggregate = true;
      return undefined;
    });
  }
  return { aggregate, over };
}

/** A result column whose only value is an untyped NULL (Calcite: "Illegal use of 'NULL'"). */
function untypedNull(span: Span): Diagnostic {
  return diagnostic(Codes.untypedNull, { message: 'A bare NULL has no type, so it cannot be a column of the result.',
    span,
    hint: 'Give it a type, e.g. CAST(NULL AS STRING).', });
}

// ------------------------------------------------------------------------------------ naming

/** Calcite's SqlValidatorUtil.getAlias: the alias, a column's last name part, or EXPR$<index>. */
export function deriveName(item: SelectItem, index: number): string {
  if (item.alias !== null) return item.alias.value;
  const expr = item.expr;
  if (expr.kind === 'ColumnRef') return expr.parts[expr.parts.length - 1]!.value;
  if (expr.kind === 'FieldAccess') return expr.field.value;
  return `EXPR$${index}`;
}

/** Calcite's SqlValidatorUtil.uniquify with EXPR_SUGGESTER: duplicates get 0, 1, ... appended. */
export function uniquify(columns: readonly OutputColumn[]): OutputColumn[] {
  const used = new Set<string>();
  return columns.map((c) => {
    let name = c.name;
    for (let attempt = 0; used.has(name); attempt++) name = `${c.name}${attempt}`;
    used.add(name);
    return name === c.name ? c : { ...c, name };
  });
}

function isPassThrough(expr: Expression): boolean {
  return expr.kind === 'ColumnRef' || expr.kind === 'FieldAccess' || (expr.kind === 'FunctionCall' && (/_(ROWTIME|PROCTIME)$/.test(callName(expr)) || callName(expr) === 'PROCTIME'));
}

function materialize(rel: Relation): Relation {
  if (!rel.columns.some((c) => timeAttributeOf(c.type) !== null)) return rel;
  return { ...rel, columns: rel.columns.map((c) => ({ ...c, type: materializeTimeAttribute(c.type) })) };
}

function projectKeys(keys: readonly (readonly number[])[], sourceOf: readonly (ResolvedColumn | null)[]): number[][] {
  const out: number[][] = [];
  for (const key of keys) {
    const mapped = key.map((k) => sourceOf.findIndex((s) => s !== null && s.item === 0 && s.column === k && s.fields.length === 0));
    if (mapped.every((m) => m >= 0)) out.push(mapped);
  }
  return out;
}

function isAuxiliaryGroupFunction(name: string): boolean {
  return /^(TUMBLE|HOP|SESSION)_(START|END|ROWTIME|PROCTIME)$/.test(name) || name === 'GROUPING' || name === 'GROUPING_ID' || name === 'GROUP_ID';
}

function printWindow(spec: WindowSpec): string {
  return `${spec.partitionBy.map((p) => printExpression(p)).join(',')}|${spec.orderBy.map((o) => printExpression(o.expr) + (o.direction ?? '')).join(',')}|${spec.frame === null ? '' : `${spec.frame.units}:${spec.frame.start.bound}:${spec.frame.start.offset === null ? '' : printExpression(spec.frame.start.offset)}`}`;
}

const EXPRESSION_KINDS: ReadonlySet<string> = new Set<Expression['kind']>([
  'Literal', 'IntervalLiteral', 'ColumnRef', 'Star', 'FieldAccess', 'Subscript', 'Unary', 'Binary',
  'QuantifiedComparison', 'IsTest', 'IsDistinctFrom', 'IsJson', 'Between', 'InList', 'InSubquery', 'Like',
  'MemberOf', 'Overlaps', 'Case', 'Cast', 'FunctionCall', 'NamedArgument', 'TableArgument', 'DefaultArgument', 'Extract',
  'FloorCeil', 'Position', 'Substring', 'Overlay', 'Trim', 'TimestampFunction', 'JsonValue', 'JsonQuery',
  'JsonExists', 'JsonObject', 'JsonArray', 'ScalarSubquery', 'Exists', 'RowConstructor',
  'CollectionConstructor', 'CollectionQuery', 'DynamicParameter',
]);

function isExpression(node: AstNode): node is Expression {
  return EXPRESSION_KINDS.has(node.kind);
}

function childrenOf(node: AstNode): AstNode[] {
  const out: AstNode[] = [];
  forEachChild(node, (child) => { out.push(child); });
  return out;
}

export function tableNotFound(session: Session, parts: readonly string[], span: Span, reason: 'catalog' | 'database' | 'object'): Diagnostic {
  const id = session.catalog.qualify(parts);
  const written = parts.join('.');
  if (reason === 'catalog') {
    const suggestions = closestMatches(id.catalog, session.catalog.catalogNames());
    return diagnostic(Codes.catalogNotFound, { message: `Catalog '${id.catalog}' not found, so '${written}' cannot be resolved.${suggestions.length > 0 ? ` Did you mean '${suggestions[0]}'?` : ''}`, span, hint: `Known catalogs: ${session.catalog.catalogNames().join(', ')}. Create it with CREATE CATALOG first.` });
  }
  if (reason === 'database') {
    const suggestions = closestMatches(id.database, session.catalog.databaseNames(id.catalog));
    return diagnostic(Codes.databaseNotFound, { message: `Database '${id.database}' not found in catalog '${id.catalog}', so '${written}' cannot be resolved.${suggestions.length > 0 ? ` Did you mean '${suggestions[0]}'?` : ''}`, span, hint: `Databases in '${id.catalog}': ${session.catalog.databaseNames(id.catalog).join(', ') || 'none'}.` });
  }
  const near = session.catalog.objectNamesNear(id);
  const suggestions = near.length === 0 ? [] : closestMatches(id.name, near);
  return diagnostic(Codes.tableNotFound, { message: `Table or view '${written}' not found${parts.length < 3 ? ` in ${id.catalog}.${id.database}` : ''}.${suggestions.length > 0 ? ` Did you mean '${suggestions[0]}'?` : ''}`,
    span,
    hint: near.length === 0 ? 'Define it with CREATE TABLE earlier in the script, or pass a catalog file with --catalog.' : `Tables and views there: ${near.slice(0, 12).join(', ')}${near.length > 12 ? ', ...' : ''}.`,
    fixes: suggestions.length > 0 ? [{ title: `Use '${suggestions[0]}'`, edits: [{ span, text: [...parts.slice(0, -1), suggestions[0]!].map(quoteIfNeeded).join('.') }], applicability: 'unsafe' }] : undefined, });
}

export { is };

/** A GROUP BY key on a ROW field (`r.f`, `t.r.f`): the column it reads and the fields, whatever the qualification. */
function fieldPathKey(resolved: ResolvedColumn): string {
  return `#field ${resolved.item}.${resolved.column}.${resolved.fields.join('.')}`;
}

/** The keys of a GROUP BY: resolved columns by identity, other expressions by their printed form, legacy windows. */
interface GroupKeys {
  readonly exprs: Set<string>;
  readonly columns: { item: number; column: number }[];
  readonly names: Set<string>;
  readonly windows: readonly GroupWindow[];
}

/** A legacy group window in GROUP BY: `TUMBLE(ts, INTERVAL '1' HOUR)`. */
interface GroupWindow { readonly fn: string; readonly args: string; readonly text: string }

function printArguments(call: FunctionCall): string {
  return call.args.map((a) => printExpression(a)).join(', ');
}

/** `300000` -> `5 minutes`, for messages about interval literals. */
function formatMillis(ms: number): string {
  const units: readonly [number, string][] = [[86_400_000, 'day'], [3_600_000, 'hour'], [60_000, 'minute'], [1_000, 'second'], [1, 'millisecond']];
  for (const [size, unit] of units) {
    if (ms % size === 0) { const n = ms / size; return `${n} ${unit}${n === 1 ? '' : 's'}`; }
  }
  return `${ms} ms`;
}
