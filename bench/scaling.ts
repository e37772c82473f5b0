/**
 * Synthetic inputs that stress one dimension each: width (columns, CASE branches, VALUES rows)
 * and depth (parentheses, subqueries, function calls).
 */

export interface ScalingCase {
  /** Stable id, passed to bench/child.ts. */
  readonly id: string;
  /** Cases of one family differ only in size; growth is compared within a family. */
  readonly family: string;
  readonly size: string;
  /** Nesting this deep is expected to be refused by flinkcheck with "nesting too deep". */
  readonly deep: boolean;
  /** Builds the statement. `scale` (0 < scale ≤ 1) shrinks it, for warm-up runs. */
  generate(scale?: number): string;
}

function scaled(n: number, scale: number): number {
  return Math.max(1, Math.round(n * scale));
}

function selectColumns(n: number): string {
  const columns: string[] = [];
  for (let i = 0; i < n; i++) columns.push(`c${i}`);
  return `SELECT ${columns.join(', ')} FROM t`;
}

function caseWhen(n: number): string {
  const branches: string[] = [];
  for (let i = 0; i < n; i++) branches.push(`WHEN x = ${i} THEN 'v${i}'`);
  return `SELECT CASE ${branches.join(' ')} ELSE 'other' END AS y FROM t`;
}

/** `INSERT INTO t VALUES (...), (...)` of at least `bytes` bytes (all ASCII). */
function insertValues(bytes: number): string {
  const parts: string[] = ['INSERT INTO t VALUES '];
  let length = parts[0]!.length;
  for (let i = 0; length < bytes; i++) {
    const row = `${i === 0 ? '' : ', '}(${i}, 'name-${i}', ${i}.5, TRUE)`;
    parts.push(row);
    length += row.length;
  }
  return parts.join('');
}

function nestedParentheses(depth: number): string {
  return `SELECT ${'('.repeat(depth)}1${')'.repeat(depth)}`;
}

function nestedSubqueries(depth: number): string {
  let query = 'SELECT 1 AS a';
  for (let i = 0; i < depth; i++) query = `SELECT a FROM (${query}) AS s${i}`;
  return query;
}

function nestedCalls(depth: number): string {
  return `SELECT ${'ABS('.repeat(depth)}1${')'.repeat(depth)}`;
}

function sized(
  family: string,
  size: string,
  n: number,
  build: (n: number) => string,
  deep = false,
): ScalingCase {
  return {
    id: `${family}-${size}`.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    family,
    size,
    deep,
    generate: (scale = 1) => build(scaled(n, scale)),
  };
}

export const SCALING_CASES: readonly ScalingCase[] = [
  sized('SELECT columns', '1k', 1_000, selectColumns),
  sized('SELECT columns', '10k', 10_000, selectColumns),
  sized('SELECT columns', '100k', 100_000, selectColumns),
  sized('CASE WHEN branches', '1k', 1_000, caseWhen),
  sized('CASE WHEN branches', '10k', 10_000, caseWhen),
  sized('CASE WHEN branches', '100k', 100_000, caseWhen),
  sized('INSERT VALUES', '0.1 MB', 100_000, insertValues),
  sized('INSERT VALUES', '1 MB', 1_000_000, insertValues),
  sized('nested parentheses', '100', 100, nestedParentheses),
  sized('nested parentheses', '1k', 1_000, nestedParentheses, true),
  sized('nested parentheses', '10k', 10_000, nestedParentheses, true),
  sized('nested subqueries', '1k', 1_000, nestedSubqueries, true),
  sized('nested function calls', '1k', 1_000, nestedCalls, true),
];

export function scalingCase(id: string): ScalingCase {
  const found = SCALING_CASES.find((c) => c.id === id);
  if (found === undefined) throw new Error(`bench: unknown scaling case ${id}`);
  return found;
}

/**
 * Pairs (small, large) within a family whose size ratio is 10×, to check linear growth. Inputs of a
 * few KB run from CPU caches and the young generation, so they are faster per byte than large ones;
 * the 10k → 100k pairs show the growth rate once that effect is gone.
 */
export function growthPairs(): Array<{ family: string; small: ScalingCase; large: ScalingCase }> {
  const pairs = [
    ['select-columns-1k', 'select-columns-10k'],
    ['select-columns-10k', 'select-columns-100k'],
    ['case-when-branches-1k', 'case-when-branches-10k'],
    ['case-when-branches-10k', 'case-when-branches-100k'],
    ['insert-values-0-1-mb', 'insert-values-1-mb'],
    ['nested-parentheses-1k', 'nested-parentheses-10k'],
  ] as const;
  return pairs.map(([small, large]) => ({
    family: scalingCase(small).family,
    small: scalingCase(small),
    large: scalingCase(large),
  }));
}
