/**
 * "Did you mean" support: optimal string alignment distance (Damerau-Levenshtein with adjacent
 * transpositions), compared case-insensitively, and a ranking of close candidates.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const rows = s.length + 1;
  const cols = t.length + 1;
  let prevPrev = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const cur = new Array<number>(cols);
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j < cols; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) v = Math.min(v, prevPrev[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    prevPrev = prev;
    prev = cur;
  }
  return prev[cols - 1]!;
}

/** The largest distance at which a name of this length still counts as a likely typo. */
export function typoThreshold(name: string): number {
  if (name.length <= 3) return 1;
  if (name.length <= 6) return 2;
  return 3;
}

/**
 * Up to `max` candidates close to `name`, best first. A case-only difference ranks first,
 * then by distance, then alphabetically for stable output.
 */
export function closestMatches(name: string, candidates: Iterable<string>, max = 4): string[] {
  const limit = typoThreshold(name);
  const lower = name.toLowerCase();
  const scored: { candidate: string; score: number }[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (candidate === name || Math.abs(candidate.length - name.length) > limit || seen.has(candidate)) continue;
    seen.add(candidate);
    const score = candidate.toLowerCase() === lower ? 0 : editDistance(name, candidate, limit);
    if (score <= limit) scored.push({ candidate, score });
  }
  scored.sort((x, y) => x.score - y.score || x.candidate.localeCompare(y.candidate));
  return scored.slice(0, max).map((s) => s.candidate);
}
