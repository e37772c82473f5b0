import type { Query, Select, Statement } from '../../ast/nodes.js';
import { walk } from '../../ast/walk.js';
import type { Span } from '../../source/span.js';
import { formatMillis, intervalMillis } from './intervals.js';
import { aggregateCalls, functionName, joinsOf, type StatementFacts, WINDOW_FUNCTIONS } from './statement-facts.js';

/**
 * A coarse estimate of the state a statement's job keeps, per stateful operator: none, bounded
 * (by a window, an interval, a row count, or the keys of a versioned table), or unbounded (grows
 * with every new key or row unless a state TTL expires it). It follows which Flink operators keep
 * keyed state (StreamExecJoin, StreamExecGroupAggregate, StreamExecRank, ...).
 */
export type StateClass = 'none' | 'bounded' | 'ttl' | 'unbounded';

export interface StatefulOperator {
  readonly operator: string;
  readonly span: Span;
  /** `unbounded`, or how it is bounded: `window of 1 hour`, `interval of 10 minutes`. */
  readonly bound: string | null;
}

export interface StateEstimate {
  readonly state: StateClass;
  readonly operators: readonly StatefulOperator[];
  /** The TTL that bounds the unbounded operators, in milliseconds. */
  readonly ttl: number | null;
}

/** The query a statement runs as a job, or null (DDL, SET, ...). Views define queries but do not run them. */
export function runningQueries(ast: Statement): Query[] {
  switch (ast.kind) {
    case 'QueryStatement': return [ast.query];
    case 'Insert': return [ast.query];
    case 'StatementSet': return ast.inserts.map((i) => i.query);
    case 'Execute': return runningQueries(ast.statement);
    case 'CompilePlan': return runningQueries(ast.statement);
    case 'CreateTable': return ast.asQuery === null ? [] : [ast.asQuery];
    default: return [];
  }
}

export function estimateState(ast: Statement, facts: StatementFacts): StateEstimate {
  const operators: StatefulOperator[] = [];
  let anyTtlHint = false;
  const selects: Select[] = [];
  for (const query of runningQueries(ast)) {
    walk(query, {
      enter(node) {
        if (node.kind === 'Select') selects.push(node);
        if (node.kind === 'Query' && node.orderBy.length > 0 && (node.limit !== null || node.fetch !== null) && facts.streaming) {
          operators.push({ operator: 'ORDER BY with LIMIT', span: node.orderBy[0]!.span, bound: 'the LIMIT' });
        }
        if (node.kind === 'SetOperation' && node.quantifier !== 'ALL' && facts.queryInfo(node).unbounded) {
          operators.push({ operator: node.op, span: facts.keywordSpan(node.left.span.end, node.right.span.start), bound: null });
        }
        if (node.kind === 'MatchRecognize') {
          const within = node.within === null ? null : intervalMillis(node.within);
          operators.push({ operator: 'MATCH_RECOGNIZE', span: node.span, bound: within === null ? null : `WITHIN ${formatMillis(within)}` });
        }
      },
    });
  }
  for (const select of selects) {
    if (facts.hasStateTtl(select) && select.hints.length > 0) anyTtlHint = true;
    const unbounded = facts.queryInfo(select).unbounded;
    for (const join of joinsOf(select)) {
      const kind = facts.joinKind(join, select);
      const span = facts.joinKeywordSpan(join);
      if (kind === 'regular' && unbounded) operators.push({ operator: 'regular join', span, bound: null });
      else if (kind === 'interval') operators.push({ operator: 'interval join', span, bound: 'the join interval' });
      else if (kind === 'window') operators.push({ operator: 'window join', span, bound: 'the window' });
      else if (kind === 'temporal') operators.push({ operator: 'temporal join', span, bound: 'one version per key of the versioned table' });
    }
    if (select.from.length > 1 && unbounded && select.from.slice(1).every((r) => r.kind !== 'Unnest' && !(r.kind === 'TableFunction' && r.lateral))) {
      if (!(select.where !== null && facts.hasIntervalBounds(select.where))) {
        operators.push({ operator: 'regular join', span: facts.keywordSpan(select.from[0]!.span.end, select.from[1]!.span.start), bound: null });
      }
    }
    const window = facts.windowKind(select);
    if (window !== null) {
      const size = windowSize(select);
      operators.push({ operator: 'window aggregation', span: select.groupBy!.span, bound: size === null ? 'the window' : `a window of ${formatMillis(size)}` });
    } else if (facts.isGroupAggregation(select) && unbounded) {
      if (select.groupBy !== null) operators.push({ operator: 'GROUP BY', span: select.groupBy.span, bound: null });
      else if (select.quantifier === 'DISTINCT') operators.push({ operator: 'SELECT DISTINCT', span: select.span, bound: null });
      else {
        const distinct = aggregateCalls(select).find((c) => c.quantifier === 'DISTINCT');
        if (distinct !== undefined) operators.push({ operator: `${functionName(distinct)}(DISTINCT ...)`, span: distinct.span, bound: null });
      }
    }
    const topN = facts.topN(select);
    if (topN !== null && facts.queryInfo(topN.inner).unbounded) {
      operators.push({ operator: topN.dedup ? 'deduplication' : 'Top-N', span: topN.rowNumber.span, bound: null });
    }
  }
  const ttl = facts.stateTtl;
  const growing = operators.filter((o) => o.bound === null);
  let state: StateClass = operators.length === 0 ? 'none' : 'bounded';
  if (growing.length > 0) state = ttl !== null || anyTtlHint ? 'ttl' : 'unbounded';
  return { state, operators, ttl };
}

function windowSize(select: Select): number | null {
  for (const ref of select.from) {
    if (ref.kind !== 'TableFunction' || !WINDOW_FUNCTIONS.has(functionName(ref.call))) continue;
    const intervals = ref.call.args.map((a) => (a.kind === 'NamedArgument' ? a.value : a)).map(intervalMillis).filter((n): n is number => n !== null);
    if (intervals.length > 0) return Math.max(...intervals);
  }
  const legacy = select.groupBy?.elements.find((e) => e.kind === 'GroupingExpression' && e.expr.kind === 'FunctionCall');
  if (legacy?.kind === 'GroupingExpression' && legacy.expr.kind === 'FunctionCall') {
    const intervals = legacy.expr.args.map(intervalMillis).filter((n): n is number => n !== null);
    if (intervals.length > 0) return Math.max(...intervals);
  }
  return null;
}
