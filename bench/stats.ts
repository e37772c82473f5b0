/** Percentile summary of a set of durations, all in nanoseconds. */
export interface Summary {
  readonly count: number;
  readonly totalNs: number;
  readonly meanNs: number;
  readonly p50Ns: number;
  readonly p95Ns: number;
  readonly p99Ns: number;
  readonly maxNs: number;
}

/**
 * The p-th percentile (0 ≤ p ≤ 100) of ascending-sorted samples, linearly interpolated between the
 * two closest ranks (the "type 7" definition used by NumPy and R by default).
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const rank = (Math.min(100, Math.max(0, p)) / 100) * (n - 1);
  const lo = Math.floor(rank);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

export function summarize(samplesNs: Float64Array): Summary {
  const sorted = Float64Array.from(samplesNs).sort();
  let total = 0;
  for (const x of sorted) total += x;
  return {
    count: sorted.length,
    totalNs: total,
    meanNs: sorted.length === 0 ? Number.NaN : total / sorted.length,
    p50Ns: percentile(sorted, 50),
    p95Ns: percentile(sorted, 95),
    p99Ns: percentile(sorted, 99),
    maxNs: sorted.length === 0 ? Number.NaN : sorted[sorted.length - 1]!,
  };
}

export function median(values: readonly number[]): number {
  return percentile(Float64Array.from(values).sort(), 50);
}

/**
 * For samples laid out pass by pass (`passes` blocks of `n`), the median of each statement's
 * `passes` timings: the statement's typical cost, with one-off pauses (GC, preemption) filtered out.
 */
export function perStatementMedians(samples: Float64Array, n: number, passes: number): Float64Array {
  const out = new Float64Array(n);
  const own = new Float64Array(passes);
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < passes; p++) own[p] = samples[p * n + i]!;
    out[i] = percentile(own.sort(), 50);
  }
  return out;
}
