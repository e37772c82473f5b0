import type { FunctionCall } from '../../ast/nodes.js';

// Stand-in until the function registry lands (exprs branch).
const AGGREGATES = new Set(['COUNT', 'SUM', 'SUM0', 'MIN', 'MAX', 'AVG', 'LISTAGG', 'COLLECT', 'FIRST_VALUE', 'LAST_VALUE', 'ARRAY_AGG', 'STDDEV_POP', 'STDDEV_SAMP', 'VAR_POP', 'VAR_SAMP', 'JSON_OBJECTAGG', 'JSON_ARRAYAGG']);
const RANKING = new Set(['ROW_NUMBER', 'RANK', 'DENSE_RANK', 'PERCENT_RANK', 'CUME_DIST', 'NTILE', 'LAG', 'LEAD']);
export function isAggregateName(name: string): boolean { return AGGREGATES.has(name.toUpperCase()); }
export function isRankingName(name: string): boolean { return RANKING.has(name.toUpperCase()); }
export function callName(call: FunctionCall): string { return call.name.parts.map((p) => p.value).join('.').toUpperCase(); }
