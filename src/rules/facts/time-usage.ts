import type { ColumnRef, FunctionCall, MatchRecognize, Select, TableFunction, WindowSpec } from '../../ast/nodes.js';
import { functionName, type StatementFacts, type TimeAttributeInfo, WINDOW_FUNCTIONS } from './statement-facts.js';

/** A place where Flink needs a time attribute, and what the column there is. */
export interface TimeUse {
  readonly ref: ColumnRef;
  readonly info: TimeAttributeInfo;
  /** `window TUMBLE`, `OVER window`, `MATCH_RECOGNIZE`: for messages. */
  readonly construct: string;
}

/** The time column of a window TVF in FROM (`DESCRIPTOR(ts)`). */
export function windowTvfUse(node: TableFunction, facts: StatementFacts): TimeUse | null {
  const fn = functionName(node.call);
  if (!WINDOW_FUNCTIONS.has(fn)) return null;
  const rel = facts.relation(node, facts.enclosingSelect(node));
  if (rel.kind !== 'window' || rel.timeColumn === null || rel.data === null) return null;
  const name = rel.timeColumn.parts[rel.timeColumn.parts.length - 1]!.value;
  return { ref: rel.timeColumn, info: facts.relationTimeAttribute(rel.data, name), construct: `${fn} window` };
}

/** The time column of a legacy group window (`GROUP BY TUMBLE(ts, ...)`). */
export function legacyWindowUse(call: FunctionCall, select: Select, facts: StatementFacts): TimeUse | null {
  const first = call.args[0];
  if (first?.kind !== 'ColumnRef') return null;
  return { ref: first, info: facts.timeAttribute(select, first), construct: `${functionName(call)} group window` };
}

/** The ORDER BY column of an OVER window, unless the call is the rank of a Top-N (which may order by anything). */
export function overUse(call: FunctionCall, facts: StatementFacts): TimeUse | null {
  if (call.over === null) return null;
  const select = facts.enclosingSelect(call);
  if (select === null) return null;
  let spec: WindowSpec | null = call.over.kind === 'WindowSpec' ? call.over : null;
  if (call.over.kind === 'Identifier') {
    const name = call.over.value;
    spec = select.windows.find((w) => w.name.value === name)?.spec ?? null;
  }
  if (spec === null || spec.orderBy.length !== 1) return null;
  const fn = functionName(call);
  if (fn === 'ROW_NUMBER' || fn === 'RANK' || fn === 'DENSE_RANK') {
    const query = facts.parentOf(select);
    const derived = query === null ? null : facts.parentOf(query);
    const outer = derived?.kind === 'DerivedTable' ? facts.parentOf(derived) : null;
    if (outer?.kind === 'Select' && facts.topN(outer)?.rowNumber === call) return null;
    // A rank defined in a CTE or view is a Top-N wherever a reader filters it; it is inlined there.
    if (derived?.kind === 'WithItem' || derived?.kind === 'CreateView') return null;
  }
  const first = spec.orderBy[0]!.expr;
  if (first.kind !== 'ColumnRef') return null;
  return { ref: first, info: facts.timeAttribute(select, first), construct: 'OVER window' };
}

/** The first ORDER BY column of MATCH_RECOGNIZE, which must be a time attribute. */
export function matchRecognizeUse(node: MatchRecognize, facts: StatementFacts): TimeUse | null {
  const first = node.orderBy[0]?.expr;
  if (first?.kind !== 'ColumnRef') return null;
  const rel = facts.relation(node.input, facts.enclosingSelect(node));
  const name = first.parts[first.parts.length - 1]!.value;
  return { ref: first, info: facts.relationTimeAttribute(rel, name), construct: 'MATCH_RECOGNIZE' };
}

/** The event-time case: the column is a plain column of a table that declares no watermark at all. */
export function isMissingWatermark(info: TimeAttributeInfo): boolean {
  return info.kind === 'none' && info.reason === 'plain' && info.table !== null && info.table.watermarkColumn === null
    && !info.table.columns.some((c) => c.timeAttribute === 'PROCTIME');
}

/** Why a column is not a time attribute, in words. */
export function notTimeAttributeReason(name: string, info: TimeAttributeInfo): string {
  if (info.kind !== 'none') return '';
  switch (info.reason) {
    case 'join': return `\`${name}\` passes through a regular join, which turns time attributes into plain timestamps`;
    case 'aggregate': return `\`${name}\` comes out of an aggregation, which turns time attributes into plain timestamps`;
    case 'computed': return `\`${name}\` is computed by an expression, so it is a plain value`;
    case 'window-bounds': return `\`${name}\` is a window bound (TIMESTAMP(3)), not a time attribute; use \`window_time\``;
    case 'plain': return info.table === null
      ? `\`${name}\` is a plain column`
      : `\`${name}\` is a plain${info.type === null ? '' : ` ${info.type}`} column of \`${info.table.name}\`${info.table.watermarkColumn !== null ? `, whose rowtime is \`${info.table.watermarkColumn}\`` : ''}`;
  }
}
