import type { FunctionCall, MatchRecognize, Select } from '../src/ast/nodes.js';
import { statementKindLabel } from '../src/ast/statement-kind.js';
import { Codes } from '../src/diagnostics/codes.js';
import type { Span } from '../src/source/span.js';
import { defineRule } from '../src/rules/define.js';
import { functionName, WINDOW_FUNCTIONS, type StatementFacts } from '../src/rules/facts/statement-facts.js';
import { matchesPatterns } from '../src/rules/facts/patterns.js';

/** The constructs the allow-list knows, with what to use instead when a platform turns one off. */
export const CONSTRUCTS: Readonly<Record<string, { readonly label: string; readonly instead: string }>> = {
  MATCH_RECOGNIZE: { label: 'MATCH_RECOGNIZE (pattern matching)', instead: 'detect the pattern with a window aggregation or an OVER aggregation' },
  TEMPORAL_JOIN: { label: 'temporal join (FOR SYSTEM_TIME AS OF)', instead: 'use a regular join with a state TTL, or an interval join' },
  LOOKUP_JOIN: { label: 'lookup join', instead: 'join against a table that is also a stream, with a state TTL' },
  INTERVAL_JOIN: { label: 'interval join', instead: 'use a window join' },
  WINDOW_JOIN: { label: 'window join', instead: 'use an interval join' },
  REGULAR_JOIN: { label: 'regular join', instead: 'use an interval join or a window join, whose state is bounded' },
  WINDOW_AGGREGATION: { label: 'window aggregation', instead: 'aggregate downstream of the platform' },
  GROUP_WINDOW: { label: 'legacy group window (GROUP BY TUMBLE/HOP/SESSION)', instead: 'use the window table-valued functions TUMBLE/HOP/CUMULATE in FROM' },
  GROUP_AGGREGATION: { label: 'non-windowed aggregation', instead: 'aggregate per window with a window table-valued function' },
  DISTINCT: { label: 'SELECT DISTINCT', instead: 'deduplicate per window, or with ROW_NUMBER() over a time attribute' },
  OVER_AGGREGATION: { label: 'OVER aggregation', instead: 'aggregate per window with a window table-valued function' },
  TOP_N: { label: 'Top-N (ROW_NUMBER with a filter)', instead: 'use a window Top-N, whose state is bounded by the window' },
  WINDOW_TVF: { label: 'window table-valued function', instead: 'aggregate downstream of the platform' },
  UNNEST: { label: 'UNNEST', instead: 'flatten the array before it reaches the platform' },
  TABLE_FUNCTION: { label: 'table function (LATERAL TABLE)', instead: 'use scalar functions' },
  PROCESS_TABLE_FUNCTION: { label: 'process table function', instead: 'use built-in relational operators' },
  SET_OPERATION: { label: 'UNION / INTERSECT / EXCEPT', instead: 'write one query per sink' },
  ORDER_BY: { label: 'ORDER BY', instead: 'sort in the consumer of the result' },
  LIMIT: { label: 'LIMIT / FETCH', instead: 'limit in the consumer of the result' },
  SUBQUERY: { label: 'subquery in an expression (IN, EXISTS, scalar)', instead: 'write it as a join' },
  VALUES: { label: 'VALUES', instead: 'read from a table' },
  WITH: { label: 'WITH (common table expressions)', instead: 'inline the query as a subquery' },
  HINT: { label: 'query hint', instead: 'remove the hint; the platform chooses the options' },
};

function keywordAt(text: string, from: number, keyword: string, fallback: Span): Span {
  const at = text.toUpperCase().indexOf(keyword, from);
  return at < 0 || at > fallback.end ? fallback : { start: at, end: at + keyword.length };
}

function isRankOfTopN(call: FunctionCall, facts: StatementFacts): boolean {
  const inner = facts.enclosingSelect(call);
  if (inner === null) return false;
  const query = facts.parentOf(inner);
  const derived = query === null ? null : facts.parentOf(query);
  const outer = derived?.kind === 'DerivedTable' ? facts.parentOf(derived) : null;
  return outer?.kind === 'Select' && facts.topN(outer)?.rowNumber === call;
}

function selectConstruct(select: Select, facts: StatementFacts): { name: string; span: Span }[] {
  const out: { name: string; span: Span }[] = [];
  const window = facts.windowKind(select);
  if (window === 'tvf') out.push({ name: 'WINDOW_AGGREGATION', span: select.groupBy!.span });
  else if (window === 'legacy') out.push({ name: 'GROUP_WINDOW', span: select.groupBy!.span });
  else if (select.groupBy !== null) out.push({ name: 'GROUP_AGGREGATION', span: select.groupBy.span });
  else if (select.quantifier === 'DISTINCT') out.push({ name: 'DISTINCT', span: { start: select.span.start, end: select.span.start + 6 } });
  else if (facts.isGroupAggregation(select)) out.push({ name: 'GROUP_AGGREGATION', span: select.span });
  return out;
}

export default defineRule({
  meta: {
    code: Codes.ruleUnsupportedConstruct,
    name: 'unsupported-construct',
    category: 'platform',
    rationale:
      'A platform that runs many users\' pipelines supports a surface of SQL it can operate, and grows it ' +
      'gradually. This rule walks every statement and rejects the statement kinds, constructs (MATCH_RECOGNIZE, ' +
      'temporal joins, window aggregations, OVER, UNNEST, ...), functions and connectors the platform has not ' +
      'enabled, saying what to use instead. Each list holds patterns: `*` allows everything, `!NAME` removes a ' +
      'name; the last matching pattern wins.',
    examples: {
      bad: [
        "SELECT * FROM orders MATCH_RECOGNIZE (PARTITION BY id ORDER BY ts MEASURES A.id AS aid PATTERN (A B) DEFINE A AS A.v > 0, B AS B.v < 0)",
        "CREATE TABLE rates (cur STRING, rate DECIMAL(10, 4), ts TIMESTAMP(3), WATERMARK FOR ts AS ts, PRIMARY KEY (cur) NOT ENFORCED) WITH ('connector' = 'upsert-kafka');\nSELECT o.id, o.amount * r.rate FROM orders AS o JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.cur = r.cur",
      ],
      good: ['SELECT id, amount FROM orders WHERE amount > 10'],
    },
    options: {
      statements: { type: 'string[]', default: ['*'], description: 'Allowed statement kinds, as `flinkcheck` names them (`SELECT`, `INSERT`, `CREATE TABLE`, ...).' },
      constructs: { type: 'string[]', default: ['*', '!MATCH_RECOGNIZE', '!TEMPORAL_JOIN', '!PROCESS_TABLE_FUNCTION'], description: `Allowed constructs: ${Object.keys(CONSTRUCTS).join(', ')}.` },
      functions: { type: 'string[]', default: ['*'], description: 'Allowed functions, by name.' },
      connectors: { type: 'string[]', default: ['*'], description: 'Allowed connectors (the `connector` option of tables).' },
    },
  },
  create(context) {
    const { options } = context;
    const reportConstruct = (name: string, span: Span): void => {
      if (matchesPatterns(options.constructs, name)) return;
      const construct = CONSTRUCTS[name]!;
      context.report({ span, message: `${construct.label} is not supported on this platform`, hint: construct.instead });
    };
    const text = context.source.text;
    return {
      onStatement(statement) {
        const label = statementKindLabel(statement.ast);
        if (!matchesPatterns(options.statements, label)) {
          const allowed = options.statements.filter((s) => !s.startsWith('!') && s !== '*');
          // Underline the statement's leading keywords, as many words as the label has.
          const start = statement.parsed.span.start;
          const words = new RegExp(`^(\\S+\\s+){${label.split(' ').length - 1}}\\S+`).exec(text.slice(start, statement.parsed.span.end));
          context.report({
            span: { start, end: start + (words?.[0].length ?? label.length) },
            message: `${label} statements are not supported on this platform`,
            hint: allowed.length > 0 ? `the platform runs these statements: ${allowed.join(', ')}` : 'remove the statement',
          });
        }
      },
      MatchRecognize(node: MatchRecognize) {
        reportConstruct('MATCH_RECOGNIZE', keywordAt(text, node.input.span.end, 'MATCH_RECOGNIZE', node.span));
      },
      Join(node) {
        const facts = context.statement.facts;
        const select = facts.enclosingSelect(node);
        const kind = facts.joinKind(node, select);
        const name = { regular: 'REGULAR_JOIN', temporal: 'TEMPORAL_JOIN', lookup: 'LOOKUP_JOIN', interval: 'INTERVAL_JOIN', window: 'WINDOW_JOIN', correlate: null }[kind];
        if (name !== null) reportConstruct(name, kind === 'temporal' || kind === 'lookup' ? node.right.span : facts.joinKeywordSpan(node));
      },
      Select(node) {
        for (const c of selectConstruct(node, context.statement.facts)) reportConstruct(c.name, c.span);
      },
      TableFunction(node) {
        const fn = functionName(node.call);
        if (WINDOW_FUNCTIONS.has(fn)) reportConstruct('WINDOW_TVF', node.call.name.span);
        else if (node.call.args.some((a) => a.kind === 'TableArgument' || (a.kind === 'NamedArgument' && a.value.kind === 'TableArgument'))) {
          reportConstruct('PROCESS_TABLE_FUNCTION', node.call.name.span);
        } else reportConstruct('TABLE_FUNCTION', node.call.name.span);
      },
      Unnest(node) {
        reportConstruct('UNNEST', { start: node.span.start, end: Math.min(node.span.end, node.span.start + 6) });
      },
      FunctionCall(node) {
        if (node.over !== null) {
          reportConstruct(isRankOfTopN(node, context.statement.facts) ? 'TOP_N' : 'OVER_AGGREGATION', node.span);
        }
        const fn = functionName(node);
        if (fn !== 'DESCRIPTOR' && !matchesPatterns(options.functions, fn)) {
          context.report({ node: node.name, message: `function \`${fn}\` is not supported on this platform`, hint: 'use a function the platform supports, or ask for this one to be enabled' });
        }
      },
      SetOperation(node) {
        reportConstruct('SET_OPERATION', context.statement.facts.keywordSpan(node.left.span.end, node.right.span.start));
      },
      Query(node) {
        if (node.withItems.length > 0) reportConstruct('WITH', { start: node.span.start, end: node.span.start + 4 });
        if (node.orderBy.length > 0) reportConstruct('ORDER_BY', node.orderBy[0]!.span);
        if (node.limit !== null || node.fetch !== null) reportConstruct('LIMIT', (node.limit ?? node.fetch)!.span);
      },
      Values(node) {
        reportConstruct('VALUES', { start: node.span.start, end: node.span.start + 6 });
      },
      InSubquery(node) { reportConstruct('SUBQUERY', node.query.span); },
      Exists(node) { reportConstruct('SUBQUERY', node.span); },
      ScalarSubquery(node) { reportConstruct('SUBQUERY', node.span); },
      Hint(node) { reportConstruct('HINT', node.span); },
      CreateTable(node) {
        const connector = node.options.find((o) => o.key === 'connector');
        if (connector !== undefined && !matchesPatterns(options.connectors, connector.value)) {
          context.report({
            span: connector.valueSpan,
            message: `connector \`${connector.value}\` is not supported on this platform`,
            hint: describeAllowed(options.connectors, 'connectors'),
          });
        }
      },
      NamedTable(node) {
        const table = context.catalog.table(node.name);
        if (table === null || table.definedAt !== null || table.connector === null) return;
        if (!matchesPatterns(options.connectors, table.connector)) {
          context.report({ node: node.name, message: `\`${table.name}\` uses connector \`${table.connector}\`, which is not supported on this platform`, hint: describeAllowed(options.connectors, 'connectors') });
        }
      },
    };
  },
});

function describeAllowed(patterns: readonly string[], what: string): string {
  const allowed = patterns.filter((p) => p !== '*' && !p.startsWith('!'));
  return allowed.length > 0 ? `the platform supports these ${what}: ${allowed.join(', ')}` : `use one of the ${what} the platform supports`;
}

