import { quoteIdentifier } from '../src/ast/print.js';
import type { Select, Star } from '../src/ast/nodes.js';
import { Codes } from '../src/diagnostics/codes.js';
import type { Fix } from '../src/diagnostics/diagnostic.js';
import { defineRule } from '../src/rules/define.js';
import type { StatementFacts } from '../src/rules/facts/statement-facts.js';

const PLAIN = /^[A-Za-z_][A-Za-z_0-9]*$/;

/** Replaces `*` by the table's columns when the SELECT reads exactly one table the script defines. */
function expandFix(star: Star, select: Select, facts: StatementFacts): Fix[] {
  if (star.qualifier.length > 0 || select.from.length !== 1) return [];
  const rel = facts.relation(select.from[0]!, select);
  if (rel.kind !== 'table') return [];
  const columns = rel.table.columns.map((c) => (PLAIN.test(c.name) ? c.name : quoteIdentifier(c.name)));
  if (columns.length === 0) return [];
  return [{ title: `List the columns of \`${rel.table.name}\``, edits: [{ span: star.span, text: columns.join(', ') }], applicability: 'unsafe' }];
}

/**
 * Whether the columns of `select` reach the statement's output: true unless it sits in a FROM
 * subquery whose enclosing SELECT lists its columns, or in an EXISTS / IN / scalar subquery.
 * The Top-N pattern `SELECT a, b FROM (SELECT *, ROW_NUMBER() OVER (...) AS rn FROM t) WHERE rn = 1`
 * has a stable output schema.
 */
function reachesOutput(select: Select, facts: StatementFacts): boolean {
  let passedFrom = false;
  for (let p = facts.parentOf(select); p !== null; p = facts.parentOf(p)) {
    if (p.kind === 'Exists' || p.kind === 'InSubquery' || p.kind === 'ScalarSubquery') return false;
    if (p.kind === 'DerivedTable') passedFrom = true;
    if (p.kind === 'Select' && passedFrom) {
      if (!p.items.some((i) => i.expr.kind === 'Star')) return false;
      passedFrom = false;
    }
  }
  return true;
}

export default defineRule({
  meta: {
    code: Codes.ruleSelectStarInDeployedQuery,
    name: 'select-star-in-deployed-query',
    category: 'query',
    rationale:
      'A deployed INSERT reads its source schema when it is planned. With `SELECT *`, a column added upstream ' +
      'changes the job\'s output schema at its next restart: the INSERT no longer matches its sink, or writes a ' +
      'column into the wrong place, and the restored state may not match the new plan. List the columns, so the ' +
      'output schema is the one you reviewed.',
    examples: {
      bad: ['INSERT INTO archive SELECT * FROM orders'],
      good: [
        'INSERT INTO archive SELECT id, amount, ts FROM orders',
        'SELECT * FROM orders',
        'INSERT INTO firsts SELECT id, amount FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY id ORDER BY proc) AS rn FROM orders) WHERE rn = 1',
      ],
    },
  },
  create(context) {
    let deployed = false;
    return {
      onStatement(statement) {
        const kind = statement.ast.kind;
        deployed = kind === 'Insert' || kind === 'StatementSet' || kind === 'Execute' || kind === 'CompilePlan'
          || (kind === 'CreateTable' && statement.ast.asQuery !== null) || kind === 'CreateMaterializedTable';
      },
      Star(node) {
        if (!deployed) return;
        const facts = context.statement.facts;
        const select = facts.enclosingSelect(node);
        if (select === null || !select.items.some((i) => i.expr === node)) return;
        // `*` over a subquery with an explicit column list does not drift; over tables and views it does.
        const rels = facts.relations(select);
        const drifts = rels.some((r) => r.kind === 'table' || r.kind === 'unknown' || r.kind === 'window' || (r.kind === 'query' && r.view));
        if (!drifts || !reachesOutput(select, facts)) return;
        context.report({
          node,
          message: '`SELECT *` in a deployed query: a column added upstream changes the output schema at the next restart',
          hint: 'list the columns the sink needs',
          fixes: expandFix(node, select, facts),
        });
      },
    };
  },
});
