import { conjuncts } from '../../ast/conjuncts.js';
import type { StatementAnalysis } from '../../analysis/schema.js';
import type {
  ColumnRef, ExplicitTable, Expression, FunctionCall, Hint, Join, OrderItem, Query, QueryBody, Select,
  Statement, TableRef,
} from '../../ast/nodes.js';
import { type AstNode, walk } from '../../ast/walk.js';
import type { SourceText } from '../../source/source-text.js';
import type { Span } from '../../source/span.js';
import {
  boundedness, configuredStateTtl, isChangelogSource, isLookupSource, lastPart, type ScriptCatalog,
  type TableFacts, type TimeKind,
} from './script-catalog.js';

/**
 * Facts about one statement that several rules need, derived from the AST and the script catalog
 * and computed once, on first use: the relations of each SELECT, the changelog behaviour of each
 * query (does it emit updates, and which construct makes it so), whether it reads unbounded
 * streams, join kinds, window kinds and time attributes. Where the semantic analysis of the
 * statement is available it wins for the statement's own result.
 *
 * The inference follows Flink's planner (FlinkChangelogModeInferenceProgram for changes,
 * RelTimeIndicatorConverter for when time attributes survive) but answers "unknown" whenever the
 * script does not say enough; rules only report what they can show.
 */

/** The FROM item (or `TABLE t` query) a relation comes from. */
export type RelationRef = TableRef | ExplicitTable;

export type Relation =
  | { readonly kind: 'table'; readonly alias: string; readonly table: TableFacts; readonly ref: RelationRef }
  | { readonly kind: 'query'; readonly alias: string; readonly query: Query; readonly columns: readonly string[]; readonly ref: RelationRef; readonly view: boolean }
  | { readonly kind: 'window'; readonly alias: string; readonly fn: WindowFunction; readonly data: Relation | null; readonly timeColumn: ColumnRef | null; readonly call: FunctionCall; readonly ref: RelationRef }
  | { readonly kind: 'correlate'; readonly alias: string; readonly ref: RelationRef }
  | { readonly kind: 'match'; readonly alias: string; readonly input: Relation | null; readonly ref: RelationRef }
  | { readonly kind: 'unknown'; readonly alias: string; readonly name: string; readonly ref: RelationRef };

export type WindowFunction = 'TUMBLE' | 'HOP' | 'CUMULATE' | 'SESSION';
export const WINDOW_FUNCTIONS: ReadonlySet<string> = new Set(['TUMBLE', 'HOP', 'CUMULATE', 'SESSION']);

/** Why a query's result is updating: the construct and its span. */
export interface UpdatingCause {
  readonly span: Span;
  readonly what: string;
}

export interface QueryInfo {
  /** Reads at least one unbounded (or unknown, assumed streaming) source. */
  readonly unbounded: boolean;
  /** The construct that makes the result emit updates or deletes; null for insert-only. */
  readonly updating: UpdatingCause | null;
  /** Output column names, when known. */
  readonly columns: readonly string[] | null;
  /** The result's upsert keys as output column names; null when unknown, [] when it has none. */
  readonly upsertKeys: readonly (readonly string[])[] | null;
}

export type JoinKind = 'regular' | 'temporal' | 'lookup' | 'interval' | 'window' | 'correlate';

export type TimeAttributeInfo =
  | { readonly kind: TimeKind }
  | {
    readonly kind: 'none';
    readonly reason: 'plain' | 'join' | 'aggregate' | 'computed' | 'window-bounds';
    readonly table: TableFacts | null;
    readonly type: string | null;
    /** A time attribute that a regular join or a grouping turned into a plain timestamp (legacy group windows still take it). */
    readonly materialized?: true;
  }
  | { readonly kind: 'unknown' };

const UNKNOWN: TimeAttributeInfo = { kind: 'unknown' };

export const AGGREGATE_FUNCTIONS: ReadonlySet<string> = new Set([
  'COUNT', 'SUM', 'SUM0', 'AVG', 'MIN', 'MAX', 'STDDEV', 'STDDEV_POP', 'STDDEV_SAMP', 'VAR_POP', 'VAR_SAMP',
  'VARIANCE', 'COLLECT', 'LISTAGG', 'ARRAY_AGG', 'FIRST_VALUE', 'LAST_VALUE', 'JSON_OBJECTAGG', 'JSON_ARRAYAGG',
  'BIT_AND', 'BIT_OR', 'BIT_XOR', 'BOOL_AND', 'BOOL_OR', 'EVERY', 'SOME', 'ANY_VALUE', 'SINGLE_VALUE',
  'APPROX_COUNT_DISTINCT', 'PERCENTILE',
]);

const LEGACY_WINDOWS: ReadonlySet<string> = new Set(['TUMBLE', 'HOP', 'SESSION']);
const TIME_ATTRIBUTE_FUNCTIONS: Readonly<Record<string, TimeKind>> = {
  PROCTIME: 'PROCTIME', TUMBLE_ROWTIME: 'ROWTIME', HOP_ROWTIME: 'ROWTIME', SESSION_ROWTIME: 'ROWTIME',
  TUMBLE_PROCTIME: 'PROCTIME', HOP_PROCTIME: 'PROCTIME', SESSION_PROCTIME: 'PROCTIME',
  MATCH_ROWTIME: 'ROWTIME', MATCH_PROCTIME: 'PROCTIME',
};

export function functionName(call: FunctionCall): string {
  return call.name.parts[call.name.parts.length - 1]!.value.toUpperCase();
}

export function isAggregateCall(expr: Expression): expr is FunctionCall {
  return expr.kind === 'FunctionCall' && expr.over === null && AGGREGATE_FUNCTIONS.has(functionName(expr))
    && expr.name.parts.length === 1;
}

/** Aggregate calls of a SELECT's own items and HAVING, not inside subqueries or OVER calls. */
export function aggregateCalls(select: Select): FunctionCall[] {
  const found: FunctionCall[] = [];
  const roots: AstNode[] = [...select.items];
  if (select.having !== null) roots.push(select.having);
  for (const root of roots) {
    walk(root, {
      enter(node) {
        if (node.kind === 'Query') return 'skip';
        if (node.kind === 'FunctionCall' && node.over !== null) return 'skip';
        if (node.kind === 'FunctionCall' && isAggregateCall(node)) found.push(node);
        return undefined;
      },
    });
  }
  return found;
}

function groupingExpressions(select: Select): Expression[] {
  const out: Expression[] = [];
  const visit = (elements: Select['groupBy'] extends infer G ? G extends { elements: infer E } ? E : never : never): void => {
    for (const element of elements) {
      if (element.kind === 'GroupingExpression') out.push(element.expr);
      else if (element.kind !== 'EmptyGrouping') visit(element.elements);
    }
  };
  if (select.groupBy !== null) visit(select.groupBy.elements);
  return out;
}

function columnName(expr: Expression): string | null {
  return expr.kind === 'ColumnRef' ? expr.parts[expr.parts.length - 1]!.value : null;
}

/** The output name of a select item, as Flink derives it for a column or an alias. */
export function itemName(item: Select['items'][number]): string | null {
  if (item.alias !== null) return item.alias.value;
  if (item.expr.kind === 'ColumnRef') return item.expr.parts[item.expr.parts.length - 1]!.value;
  if (item.expr.kind === 'FieldAccess') return item.expr.field.value;
  return null;
}

export type WindowKind = 'tvf' | 'legacy' | null;

export class StatementFacts {
  // Created on first use: most statements (DDL, SET) never ask.
  private queryInfoCache: Map<QueryBody | Query, QueryInfo> | null = null;
  private relationCache: Map<Select, Relation[]> | null = null;
  private visitingSet: Set<Query | QueryBody> | null = null;
  private parents: Map<AstNode, AstNode> | null = null;
  private path: readonly AstNode[] | null = null;
  private pathHint = -1;
  private relationOfRef: Map<TableRef, Relation> | null = null;
  private aggregateCache: Map<Select, FunctionCall[]> | null = null;
  private ttl: number | null | undefined = undefined;
  private mayHaveWith: boolean | null = null;
  private ctes: Map<Select, ReadonlyMap<string, Query>> | null = null;

  constructor(
    readonly ast: Statement,
    readonly catalog: ScriptCatalog,
    readonly analysis: StatementAnalysis | null,
    readonly source: SourceText,
  ) {}

  get streaming(): boolean {
    return this.catalog.streaming;
  }

  /** `table.exec.state.ttl` in milliseconds, when set to a non-zero duration. */
  get stateTtl(): number | null {
    if (this.ttl === undefined) this.ttl = configuredStateTtl(this.catalog);
    return this.ttl;
  }

  /**
   * The engine's walk shares its path (the visited node and its ancestors), so the ancestors of the
   * node being visited are found without another walk of the statement.
   */
  usePath(path: readonly AstNode[] | null): void {
    this.path = path;
  }

  /** The node that contains `node` in this statement. */
  parentOf(node: AstNode): AstNode | null {
    if (node === this.ast) return null;
    const path = this.path;
    if (path !== null) {
      // Callers usually climb the path one ancestor at a time: try just below the last answer first.
      const hint = this.pathHint;
      if (hint > 0 && hint < path.length && path[hint] === node) {
        this.pathHint = hint - 1;
        return path[hint - 1]!;
      }
      for (let i = path.length - 1; i > 0; i--) {
        if (path[i] === node) {
          this.pathHint = i - 1;
          return path[i - 1]!;
        }
      }
    }
    if (this.parents === null) this.index();
    return this.parents!.get(node) ?? null;
  }

  private onPath(node: AstNode): boolean {
    return this.path !== null && this.path.includes(node);
  }

  /** The SELECT whose clause contains `node` (the nearest enclosing one). */
  enclosingSelect(node: AstNode): Select | null {
    for (let p = this.parentOf(node); p !== null; p = this.parentOf(p)) if (p.kind === 'Select') return p;
    return null;
  }

  /** The WITH item named `name` visible from `select`: the nearest enclosing query that defines it. */
  private cteNamed(select: Select, name: string): Query | null {
    // Most statements define no WITH items; the statement's text says so without a walk.
    this.mayHaveWith ??= /\bWITH\b/i.test(this.source.text.slice(this.ast.span.start, this.ast.span.end));
    if (!this.mayHaveWith) return null;
    if (this.onPath(select)) {
      for (let p = this.parentOf(select); p !== null; p = this.parentOf(p)) {
        if (p.kind !== 'Query') continue;
        const item = p.withItems.find((w) => w.name.value === name);
        if (item !== undefined) return item.query;
      }
      return null;
    }
    if (this.ctes === null) this.index();
    return this.ctes!.get(select)?.get(name) ?? null;
  }

  private index(): void {
    const parents = new Map<AstNode, AstNode>();
    const ctes = new Map<Select, ReadonlyMap<string, Query>>();
    const scopes: Map<string, Query>[] = [new Map()];
    walk(this.ast, {
      enter(node, parent) {
        if (parent !== null) parents.set(node, parent);
        if (node.kind === 'Query' && node.withItems.length > 0) {
          const scope = new Map(scopes[scopes.length - 1]);
          for (const item of node.withItems) scope.set(item.name.value, item.query);
          scopes.push(scope);
        }
        if (node.kind === 'Select') ctes.set(node, scopes[scopes.length - 1]!);
      },
      exit(node) {
        if (node.kind === 'Query' && node.withItems.length > 0) scopes.pop();
      },
    });
    this.parents = parents;
    this.ctes = ctes;
  }

  /** Whether a SELECT carries a STATE_TTL hint, or the script sets `table.exec.state.ttl`. */
  hasStateTtl(select: Select | null): boolean {
    if (this.stateTtl !== null) return true;
    return select !== null && select.hints.some((h: Hint) => h.name.value.toUpperCase() === 'STATE_TTL');
  }

  // ---------------------------------------------------------------------------- relations

  /** The relations of a SELECT's FROM clause, flattened through joins, in source order. */
  relations(select: Select): readonly Relation[] {
    this.relationCache ??= new Map();
    let found = this.relationCache.get(select);
    if (found === undefined) {
      found = [];
      for (const ref of select.from) this.collectRelations(ref, select, found);
      this.relationCache.set(select, found);
    }
    return found;
  }

  private collectRelations(ref: TableRef, select: Select, out: Relation[]): void {
    if (ref.kind === 'Join') {
      this.collectRelations(ref.left, select, out);
      this.collectRelations(ref.right, select, out);
      return;
    }
    out.push(this.relation(ref, select));
  }

  /** The relation a FROM item reads (computed once per FROM item). */
  relation(ref: TableRef, select: Select | null): Relation {
    this.relationOfRef ??= new Map();
    let rel = this.relationOfRef.get(ref);
    if (rel === undefined) this.relationOfRef.set(ref, (rel = this.computeRelation(ref, select)));
    return rel;
  }

  private computeRelation(ref: TableRef, select: Select | null): Relation {
    const alias = ref.kind === 'Join' ? '' : ref.alias?.name.value ?? '';
    const aliasColumns = ref.kind !== 'Join' && ref.alias !== null ? ref.alias.columns.map((c) => c.value) : [];
    switch (ref.kind) {
      case 'NamedTable': {
        const name = lastPart(ref.name);
        return this.namedRelation(ref.name.parts.map((p) => p.value), select, alias || name, aliasColumns, ref);
      }
      case 'DerivedTable':
        return { kind: 'query', alias, query: ref.query, columns: aliasColumns, ref, view: false };
      case 'TableFunction': {
        const fn = functionName(ref.call);
        if (WINDOW_FUNCTIONS.has(fn)) {
          const args = ref.call.args.map((a) => (a.kind === 'NamedArgument' ? a.value : a));
          const tableArg = args.find((a) => a.kind === 'TableArgument');
          const descriptor = args.find((a) => a.kind === 'FunctionCall' && functionName(a) === 'DESCRIPTOR');
          const timeColumn = descriptor?.kind === 'FunctionCall' && descriptor.args[0]?.kind === 'ColumnRef' ? descriptor.args[0] : null;
          const data = tableArg?.kind === 'TableArgument'
            ? this.namedRelation(tableArg.table.parts.map((p) => p.value), select, lastPart(tableArg.table), [], ref)
            : null;
          return { kind: 'window', alias, fn: fn as WindowFunction, data, timeColumn, call: ref.call, ref };
        }
        return { kind: 'correlate', alias, ref };
      }
      case 'Unnest':
        return { kind: 'correlate', alias, ref };
      case 'MatchRecognize':
        return { kind: 'match', alias, input: this.relation(ref.input, select), ref };
      case 'Join':
        return { kind: 'unknown', alias: '', name: '', ref };
    }
  }

  private namedRelation(parts: readonly string[], select: Select | null, alias: string, aliasColumns: readonly string[], ref: RelationRef): Relation {
    if (parts.length === 1 && select !== null) {
      const cte = this.cteNamed(select, parts[0]!);
      if (cte !== null) return { kind: 'query', alias, query: cte, columns: aliasColumns, ref, view: false };
    }
    const definition = this.catalog.lookup(parts.join('.'));
    if (definition?.kind === 'table') return { kind: 'table', alias, table: definition, ref };
    if (definition?.kind === 'view') {
      return { kind: 'query', alias, query: definition.query, columns: aliasColumns.length > 0 ? aliasColumns : definition.columns, ref, view: true };
    }
    return { kind: 'unknown', alias, name: parts.join('.'), ref };
  }

  // ---------------------------------------------------------------------------- joins and windows

  /** What kind of join Flink plans for a JOIN node. */
  joinKind(join: Join, select: Select | null): JoinKind {
    const right = join.right;
    if (right.kind === 'Unnest' || (right.kind === 'TableFunction' && !WINDOW_FUNCTIONS.has(functionName(right.call)))
      || (right.kind === 'DerivedTable' && right.lateral)) return 'correlate';
    if (right.kind === 'NamedTable' && right.systemTime !== null) {
      const rel = this.relation(right, select);
      if (rel.kind === 'table' && isLookupSource(rel.table) === true) {
        const period = this.periodTimeAttribute(right.systemTime, select);
        if (period !== 'ROWTIME') return 'lookup';
      }
      return 'temporal';
    }
    if (join.on !== null) {
      if (isWindowJoinCondition(join.on)) return 'window';
      if (this.hasIntervalBounds(join.on)) return 'interval';
    }
    return 'regular';
  }

  periodTimeAttribute(expr: Expression, select: Select | null): TimeKind | null {
    if (expr.kind !== 'ColumnRef' || select === null) return null;
    const info = this.timeAttribute(select, expr);
    return info.kind === 'ROWTIME' || info.kind === 'PROCTIME' ? info.kind : null;
  }

  /**
   * An interval join bounds the two sides' time attributes against each other: `l.t BETWEEN r.t -
   * X AND r.t + Y`, `l.t >= r.t - X AND l.t < r.t`, or `l.t = r.t`. Recognised from the shape: a
   * comparison or BETWEEN whose two sides both reference columns and at least one involves an interval.
   */
  hasIntervalBounds(on: Expression): boolean {
    for (const conjunct of conjuncts(on)) {
      if (conjunct.kind === 'Between' && hasColumn(conjunct.operand) && (hasInterval(conjunct.low) || hasInterval(conjunct.high))) return true;
      if (conjunct.kind === 'Binary' && ['<', '<=', '>', '>='].includes(conjunct.op)
        && hasColumn(conjunct.left) && hasColumn(conjunct.right)) return true;
    }
    return false;
  }

  /** Whether a SELECT aggregates per window: a window TVF with window_start and window_end grouped, or a legacy group window. */
  windowKind(select: Select): WindowKind {
    const keys = groupingExpressions(select);
    if (keys.some((k) => k.kind === 'FunctionCall' && LEGACY_WINDOWS.has(functionName(k)))) return 'legacy';
    const names = new Set(keys.map(columnName).filter((n): n is string => n !== null).map((n) => n.toLowerCase()));
    if (names.has('window_start') && names.has('window_end')) return 'tvf';
    return null;
  }

  /** A SELECT that aggregates without a window: GROUP BY, aggregate calls, or SELECT DISTINCT. */
  isGroupAggregation(select: Select): boolean {
    if (this.windowKind(select) !== null) return false;
    return select.groupBy !== null || select.quantifier === 'DISTINCT' || this.aggregateCalls(select).length > 0;
  }

  /** `aggregateCalls(select)`, computed once per SELECT. */
  aggregateCalls(select: Select): readonly FunctionCall[] {
    this.aggregateCache ??= new Map();
    let calls = this.aggregateCache.get(select);
    if (calls === undefined) this.aggregateCache.set(select, (calls = aggregateCalls(select)));
    return calls;
  }

  // ---------------------------------------------------------------------------- changelog

  /**
   * Whether the statement's result (the query of a SELECT, INSERT or CTAS) emits updates, and why:
   * the construct this inference finds (`what` names it: `GROUP BY`, `LEFT JOIN`), else the one the
   * semantic analysis found (`explained`: its `what` is a phrase with the reason). The analysis
   * also sees through functions and views it typed; the inference sees what the analysis missed.
   */
  statementUpdating(query: Query): (UpdatingCause & { readonly explained?: true }) | null {
    const own = this.queryInfo(query).updating;
    if (own !== null) return own;
    const analysis = this.analysis;
    if (analysis?.changelog == null || (!analysis.changelog.updates && !analysis.changelog.deletes)) return null;
    return analysis.updatingSource !== null ? { ...analysis.updatingSource, explained: true } : { span: query.span, what: 'the query', explained: true };
  }

  queryInfo(body: Query | QueryBody): QueryInfo {
    this.queryInfoCache ??= new Map();
    this.visitingSet ??= new Set();
    const cached = this.queryInfoCache.get(body);
    if (cached !== undefined) return cached;
    // A view that reads itself (directly or through others) cannot be planned; stop the recursion.
    if (this.visitingSet.has(body)) return { unbounded: true, updating: null, columns: null, upsertKeys: null };
    this.visitingSet.add(body);
    const info = this.computeQueryInfo(body);
    this.visitingSet.delete(body);
    this.queryInfoCache.set(body, info);
    return info;
  }

  private computeQueryInfo(body: Query | QueryBody): QueryInfo {
    switch (body.kind) {
      case 'Query': {
        const inner = this.queryInfo(body.body);
        if (body.orderBy.length > 0 && (body.limit !== null || body.fetch !== null) && this.streaming) {
          return { ...inner, updating: inner.updating ?? { span: body.orderBy[0]!.span, what: 'ORDER BY with LIMIT' }, upsertKeys: null };
        }
        return inner;
      }
      case 'Values':
        return { unbounded: false, updating: null, columns: null, upsertKeys: null };
      case 'ExplicitTable':
        return this.relationInfo(this.namedRelation(body.name.parts.map((p) => p.value), null, '', [], body));
      case 'SetOperation': {
        const left = this.queryInfo(body.left);
        const right = this.queryInfo(body.right);
        const unbounded = left.unbounded || right.unbounded;
        if (body.op === 'UNION' && body.quantifier === 'ALL') {
          return { unbounded, updating: left.updating ?? right.updating, columns: left.columns, upsertKeys: null };
        }
        const cause = { span: this.keywordSpan(body.left.span.end, body.right.span.start), what: `${body.op}${body.quantifier === 'ALL' ? ' ALL' : ''}` };
        return { unbounded, updating: unbounded ? cause : left.updating ?? right.updating, columns: left.columns, upsertKeys: left.columns === null ? null : [left.columns] };
      }
      case 'Select':
        return this.selectInfo(body);
    }
  }

  relationInfo(rel: Relation): QueryInfo {
    switch (rel.kind) {
      case 'table': {
        const b = boundedness(rel.table);
        const changelog = isChangelogSource(rel.table) === true;
        return {
          unbounded: b !== 'bounded',
          updating: changelog ? { span: rel.ref.span, what: `changelog source \`${rel.table.name}\`` } : null,
          columns: rel.table.columns.map((c) => c.name),
          upsertKeys: rel.table.primaryKey === null ? [] : [rel.table.primaryKey],
        };
      }
      case 'query': {
        const inner = this.queryInfo(rel.query);
        return rel.columns.length > 0 ? { ...inner, columns: rel.columns, upsertKeys: null } : inner;
      }
      case 'window': {
        const data = rel.data === null ? null : this.relationInfo(rel.data);
        return { unbounded: data?.unbounded ?? true, updating: data?.updating ?? null, columns: null, upsertKeys: null };
      }
      case 'match': {
        const input = rel.input === null ? null : this.relationInfo(rel.input);
        return { unbounded: input?.unbounded ?? true, updating: null, columns: null, upsertKeys: null };
      }
      case 'correlate':
        return { unbounded: false, updating: null, columns: null, upsertKeys: null };
      case 'unknown':
        return { unbounded: true, updating: null, columns: null, upsertKeys: null };
    }
  }

  /**
   * What a SELECT's FROM, joins and WHERE subqueries produce, before its own aggregation or
   * projection: whether they read unbounded input and whether the rows are updating.
   */
  inputInfo(select: Select): { readonly unbounded: boolean; readonly updating: UpdatingCause | null } {
    let unbounded = false;
    let updating: UpdatingCause | null = null;
    // A temporal or lookup join forwards the changes of its left side only: the versioned or
    // looked-up table is state, not output (FlinkChangelogModeInferenceProgram, TemporalJoin).
    const versioned = new Set<unknown>();
    for (const join of joinsOf(select)) {
      const kind = this.joinKind(join, select);
      if (kind === 'temporal' || kind === 'lookup') versioned.add(join.right);
    }
    for (const rel of this.relations(select)) {
      const info = this.relationInfo(rel);
      unbounded ||= info.unbounded;
      if (!versioned.has(rel.ref)) updating ??= info.updating;
    }
    for (const sub of subqueries(select)) {
      const info = this.queryInfo(sub.query);
      unbounded ||= info.unbounded;
      if (sub.negated && info.unbounded) updating ??= { span: sub.span, what: 'NOT IN / NOT EXISTS subquery' };
      updating ??= info.updating;
    }
    // Joins: outer joins emit retractions; interval and window joins produce appends.
    for (const join of joinsOf(select)) {
      const kind = this.joinKind(join, select);
      if (kind === 'regular' && (join.joinType === 'LEFT' || join.joinType === 'RIGHT' || join.joinType === 'FULL')) {
        updating ??= { span: this.joinKeywordSpan(join), what: `${join.joinType} JOIN` };
      }
    }
    return { unbounded, updating };
  }

  private selectInfo(select: Select): QueryInfo {
    const input = this.inputInfo(select);
    const unbounded = input.unbounded;
    let updating = input.updating;
    const columns = select.items.some((i) => i.expr.kind === 'Star') ? null : select.items.map((i) => itemName(i) ?? '');
    let upsertKeys: (readonly string[])[] | null = null;

    const window = this.windowKind(select);
    if (window !== null) {
      // A window aggregate emits each window's result once: insert-only whatever its input.
      updating = null;
      const keys = groupingExpressions(select).map(columnName).filter((n): n is string => n !== null);
      upsertKeys = columns === null ? null : [keys.filter((k) => columns.includes(k))];
    } else if (this.isGroupAggregation(select)) {
      const keys = groupingExpressions(select);
      const cause: UpdatingCause = select.groupBy !== null
        ? { span: select.groupBy.span, what: 'GROUP BY' }
        : select.quantifier === 'DISTINCT'
          ? { span: this.distinctSpan(select), what: 'SELECT DISTINCT' }
          : { span: this.aggregateCalls(select)[0]!.span, what: 'aggregation without GROUP BY' };
      if (unbounded || updating !== null) updating = updating ?? cause;
      if (columns !== null) {
        const keyNames = select.quantifier === 'DISTINCT' && select.groupBy === null ? columns : keys.map(columnName);
        upsertKeys = keyNames.every((k): k is string => k !== null && columns.includes(k)) ? [keyNames as string[]] : [];
      }
    } else {
      const topN = this.topN(select);
      if (topN !== null) {
        if (!topN.insertOnly) updating ??= { span: topN.rowNumber.span, what: 'Top-N (ROW_NUMBER)' };
        upsertKeys = columns === null ? null : [topN.partitionKeys.filter((k) => columns.includes(k))];
      }
    }
    return { unbounded, updating, columns, upsertKeys };
  }

  /** The text `JOIN`, `LEFT JOIN`, `,` between a join's two sides. */
  joinKeywordSpan(join: Join): Span {
    return this.keywordSpan(join.left.span.end, join.right.span.start);
  }

  /** The non-blank text between two offsets (a keyword between two nodes), or the point at `start`. */
  keywordSpan(start: number, end: number): Span {
    const text = this.source.text;
    let s = start;
    let e = end;
    while (s < e && /[\s()]/.test(text[s]!)) s++;
    while (e > s && /[\s(]/.test(text[e - 1]!)) e--;
    return s < e ? { start: s, end: e } : { start, end: start };
  }

  private distinctSpan(select: Select): Span {
    const start = select.span.start;
    const match = /^select\s+(distinct)/i.exec(this.source.text.slice(start, start + 64));
    if (match === null) return { start, end: start + 6 };
    const at = start + match[0].length - match[1]!.length;
    return { start: at, end: at + match[1]!.length };
  }

  /**
   * A Top-N read by `select`: its FROM is one derived table whose items include ROW_NUMBER() OVER
   * (PARTITION BY ... ORDER BY ...), filtered in `select`'s WHERE.
   */
  topN(select: Select): TopN | null {
    if (select.from.length !== 1 || select.where === null) return null;
    const from = select.from[0]!;
    if (from.kind !== 'DerivedTable' || from.query.body.kind !== 'Select') return null;
    const inner = from.query.body;
    for (const item of inner.items) {
      const call = item.expr;
      if (call.kind !== 'FunctionCall' || call.over === null || call.over.kind !== 'WindowSpec') continue;
      const fn = functionName(call);
      if (fn !== 'ROW_NUMBER' && fn !== 'RANK' && fn !== 'DENSE_RANK') continue;
      const alias = itemName(item);
      if (alias === null) continue;
      const bound = rankBound(select.where, alias);
      if (bound === null) continue;
      const order = call.over.orderBy;
      const partitionKeys = call.over.partitionBy.map(columnName).filter((n): n is string => n !== null);
      const first = order[0];
      const orderTime = order.length === 1 && first!.expr.kind === 'ColumnRef' ? this.timeAttribute(inner, first!.expr) : UNKNOWN;
      const dedup = bound.max === 1 && (orderTime.kind === 'ROWTIME' || orderTime.kind === 'PROCTIME');
      // Window Top-N and window deduplication (partitioned by the window) emit each window once
      // (StreamPhysicalWindowRank / WindowDeduplicate). Otherwise only keep-first deduplication on
      // processing time never retracts (Flink 1.20's StreamPhysicalDeduplicate).
      const windowed = partitionKeys.includes('window_start') && partitionKeys.includes('window_end') && this.readsWindow(inner);
      const insertOnly = windowed || (dedup && orderTime.kind === 'PROCTIME' && (first!.direction ?? 'ASC') === 'ASC');
      return { rowNumber: call, function: fn, alias, bound, partitionKeys, dedup, insertOnly, inner, order };
    }
    return null;
  }

  /** Whether a SELECT reads a window TVF or a window aggregation (directly or through a subquery, CTE or view). */
  private readsWindow(select: Select, seen = new Set<Select>()): boolean {
    if (seen.has(select)) return false; // a view that reads itself
    seen.add(select);
    return this.relations(select).some((rel) => {
      if (rel.kind === 'window') return true;
      if (rel.kind !== 'query') return false;
      const body = rel.query.body;
      return body.kind === 'Select' && (this.windowKind(body) === 'tvf' || this.readsWindow(body, seen));
    });
  }

  // ---------------------------------------------------------------------------- time attributes

  /** Whether a column read by `select` is a time attribute, following views, CTEs and subqueries. */
  timeAttribute(select: Select, ref: ColumnRef): TimeAttributeInfo {
    const name = ref.parts[ref.parts.length - 1]!.value;
    const qualifier = ref.parts.length > 1 ? ref.parts[ref.parts.length - 2]!.value : null;
    const relations = this.relations(select);
    const candidates = relations.filter((r) => (qualifier === null ? this.relationHas(r, name) !== false : r.alias === qualifier
      || (r.kind === 'table' && r.table.name === qualifier)));
    if (candidates.length !== 1) return UNKNOWN;
    const rel = candidates[0]!;
    const found = this.relationTimeAttribute(rel, name, 0);
    if (found.kind === 'ROWTIME' || found.kind === 'PROCTIME') {
      if (this.regularJoinIn(select)) return { kind: 'none', reason: 'join', table: rel.kind === 'table' ? rel.table : null, type: null, materialized: true };
    }
    return found;
  }

  private regularJoinIn(select: Select): boolean {
    // By shape only: a temporal or lookup join is never regular, so time attributes need not be resolved.
    return joinsOf(select).some((j) => {
      const right = j.right;
      if (right.kind === 'NamedTable' && right.systemTime !== null) return false;
      return this.joinKind(j, select) === 'regular';
    });
  }

  /** true / false when the relation's columns are known, null when not. */
  private relationHas(rel: Relation, name: string): boolean | null {
    switch (rel.kind) {
      case 'table':
        return rel.table.columns.some((c) => c.name === name);
      case 'query': {
        if (rel.columns.length > 0) return rel.columns.includes(name);
        const body = rel.query.body;
        if (body.kind !== 'Select' || body.items.some((i) => i.expr.kind === 'Star')) return null;
        return body.items.some((i) => itemName(i) === name);
      }
      case 'window':
        if (['window_start', 'window_end', 'window_time'].includes(name)) return true;
        return rel.data === null ? null : this.relationHas(rel.data, name);
      default:
        return null;
    }
  }

  relationTimeAttribute(rel: Relation, name: string, depth = 0): TimeAttributeInfo {
    if (depth > 32) return UNKNOWN;
    switch (rel.kind) {
      case 'table': {
        const column = rel.table.columns.find((c) => c.name === name);
        if (column === undefined) return UNKNOWN;
        if (column.timeAttribute !== null) return { kind: column.timeAttribute };
        return { kind: 'none', reason: 'plain', table: rel.table, type: column.type };
      }
      case 'window': {
        if (name === 'window_start' || name === 'window_end') return { kind: 'none', reason: 'window-bounds', table: null, type: 'TIMESTAMP(3) NOT NULL' };
        if (name === 'window_time') {
          return rel.data === null || rel.timeColumn === null ? UNKNOWN
            : this.relationTimeAttribute(rel.data, rel.timeColumn.parts[rel.timeColumn.parts.length - 1]!.value, depth + 1);
        }
        return UNKNOWN;
      }
      case 'query': {
        const body = rel.query.body;
        if (body.kind !== 'Select') return UNKNOWN;
        let itemIndex = rel.columns.indexOf(name);
        const lookupName = itemIndex >= 0 && body.items[itemIndex] !== undefined ? itemName(body.items[itemIndex]!) : name;
        if (itemIndex < 0) itemIndex = body.items.findIndex((i) => itemName(i) === name);
        const item = itemIndex >= 0 ? body.items[itemIndex] : undefined;
        const aggregated = this.isGroupAggregation(body) ? 'aggregate' : this.windowKind(body) === 'tvf' ? 'window' : null;
        if (item === undefined) {
          // Through `*`: the column comes from one of the inner relations unchanged.
          if (!body.items.some((i) => i.expr.kind === 'Star') || lookupName === null) return UNKNOWN;
          const inner = this.relations(body).filter((r) => this.relationHas(r, lookupName) !== false);
          if (inner.length !== 1) return UNKNOWN;
          const found = this.relationTimeAttribute(inner[0]!, lookupName, depth + 1);
          return this.materialized(found, body, aggregated);
        }
        const expr = item.expr;
        if (expr.kind === 'FunctionCall' && TIME_ATTRIBUTE_FUNCTIONS[functionName(expr)] !== undefined && expr.over === null) {
          return { kind: TIME_ATTRIBUTE_FUNCTIONS[functionName(expr)]! };
        }
        if (expr.kind === 'FunctionCall' && isAggregateCall(expr)) return { kind: 'none', reason: 'aggregate', table: null, type: null };
        if (expr.kind !== 'ColumnRef') return { kind: 'none', reason: 'computed', table: null, type: null };
        const found = this.timeAttribute(body, expr);
        if (aggregated === 'window' && expr.parts[expr.parts.length - 1]!.value === 'window_time') return found;
        return this.materialized(found, body, aggregated);
      }
      default:
        return UNKNOWN;
    }
  }

  private materialized(found: TimeAttributeInfo, body: Select, aggregated: 'aggregate' | 'window' | null): TimeAttributeInfo {
    if ((found.kind === 'ROWTIME' || found.kind === 'PROCTIME') && aggregated !== null) {
      return { kind: 'none', reason: 'aggregate', table: null, type: null, materialized: true };
    }
    if ((found.kind === 'ROWTIME' || found.kind === 'PROCTIME') && this.regularJoinIn(body)) {
      return { kind: 'none', reason: 'join', table: null, type: null, materialized: true };
    }
    return found;
  }

  /** The table a column of `select` is read from, when it is read unchanged from exactly one table. */
  sourceTableOf(select: Select, ref: ColumnRef): TableFacts | null {
    const name = ref.parts[ref.parts.length - 1]!.value;
    const qualifier = ref.parts.length > 1 ? ref.parts[ref.parts.length - 2]!.value : null;
    const candidates = this.relations(select).filter((r) => (qualifier === null ? this.relationHas(r, name) === true : r.alias === qualifier
      || (r.kind === 'table' && r.table.name === qualifier)));
    if (candidates.length !== 1) return null;
    const rel = candidates[0]!;
    if (rel.kind === 'table') return rel.table;
    if (rel.kind === 'window') return rel.data?.kind === 'table' ? rel.data.table : null;
    return null;
  }
}

export interface TopN {
  readonly rowNumber: FunctionCall;
  readonly function: string;
  readonly alias: string;
  readonly bound: RankBound;
  readonly partitionKeys: readonly string[];
  readonly dedup: boolean;
  readonly insertOnly: boolean;
  readonly inner: Select;
  readonly order: readonly OrderItem[];
}

export interface RankBound {
  /** The largest rank kept, when the bound is a number. */
  readonly max: number | null;
  /** The filter bounds the rank from above (`rn <= 3`, `rn < a`); false for `rn > 3`. */
  readonly upper: boolean;
  readonly span: Span;
}

/** The filter on the rank column in a Top-N's outer WHERE, or null when there is none. */
export function rankBound(where: Expression, alias: string): RankBound | null {
  for (const c of conjuncts(where)) {
    if (c.kind === 'Binary') {
      const leftIsRank = c.left.kind === 'ColumnRef' && c.left.parts[c.left.parts.length - 1]!.value === alias;
      const rightIsRank = c.right.kind === 'ColumnRef' && c.right.parts[c.right.parts.length - 1]!.value === alias;
      if (!leftIsRank && !rightIsRank) continue;
      const other = leftIsRank ? c.right : c.left;
      const op = leftIsRank ? c.op : flip(c.op);
      const n = other.kind === 'Literal' && other.type === 'INTEGER' ? Number(other.value) : null;
      if (op === '<=' || op === '=') return { max: n, upper: true, span: c.span };
      if (op === '<') return { max: n === null ? null : n - 1, upper: true, span: c.span };
      return { max: null, upper: false, span: c.span };
    }
    if (c.kind === 'Between' && !c.negated && c.operand.kind === 'ColumnRef' && c.operand.parts[c.operand.parts.length - 1]!.value === alias) {
      const n = c.high.kind === 'Literal' && c.high.type === 'INTEGER' ? Number(c.high.value) : null;
      return { max: n, upper: true, span: c.span };
    }
  }
  return null;
}

function flip(op: string): string {
  return op === '<' ? '>' : op === '>' ? '<' : op === '<=' ? '>=' : op === '>=' ? '<=' : op;
}


function hasColumn(expr: Expression): boolean {
  let found = false;
  walk(expr, { enter(node) { if (node.kind === 'ColumnRef') found = true; } });
  return found;
}

function hasInterval(expr: Expression): boolean {
  let found = false;
  walk(expr, { enter(node) { if (node.kind === 'IntervalLiteral') found = true; } });
  return found;
}

function isWindowJoinCondition(on: Expression): boolean {
  const equalities = conjuncts(on).filter((c) => c.kind === 'Binary' && c.op === '=');
  const names = (n: string): boolean => equalities.some((c) => c.kind === 'Binary'
    && columnName(c.left)?.toLowerCase() === n && columnName(c.right)?.toLowerCase() === n);
  return names('window_start') && names('window_end');
}

/** The JOIN nodes of a SELECT's own FROM clause (not of subqueries). */
export function joinsOf(select: Select): Join[] {
  const out: Join[] = [];
  const visit = (ref: TableRef): void => {
    if (ref.kind !== 'Join') return;
    visit(ref.left);
    out.push(ref);
    visit(ref.right);
  };
  for (const ref of select.from) visit(ref);
  return out;
}

/** Subqueries in a SELECT's WHERE and items, with whether they are anti-joins (NOT IN / NOT EXISTS). */
function subqueries(select: Select): { query: Query; negated: boolean; span: Span }[] {
  const out: { query: Query; negated: boolean; span: Span }[] = [];
  const roots: Expression[] = select.items.map((i) => i.expr);
  if (select.where !== null) roots.push(select.where);
  for (const root of roots) {
    walk(root, {
      enter(node, parent) {
        if (node.kind === 'InSubquery') out.push({ query: node.query, negated: node.negated, span: node.span });
        else if (node.kind === 'Exists') out.push({ query: node.query, negated: parent?.kind === 'Unary' && parent.op === 'NOT', span: (parent?.kind === 'Unary' ? parent : node).span });
        else if (node.kind === 'ScalarSubquery') out.push({ query: node.query, negated: false, span: node.span });
        else return undefined;
        return 'skip';
      },
    });
  }
  return out;
}
