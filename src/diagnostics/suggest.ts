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
  // One letter differs from every other one-letter name by one edit: only a case change counts there.
  if (name.length <= 1) return 0;
  if (name.length <= 3) return 1;
  if (name.length <= 6) return 2;
  return 3;
}

/** Letter histograms of candidate names, cached: candidate lists (keywords, functions) repeat. */
const HISTOGRAMS = new Map<string, Uint8Array>();
const HISTOGRAM_CACHE_LIMIT = 20000;

function histogram(word: string): Uint8Array {
  let h = HISTOGRAMS.get(word);
  if (h === undefined) {
    h = new Uint8Array(37);
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i) | 0x20;
      const slot = c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? c - 22 : 36;
      if (h[slot]! < 255) h[slot]!++;
    }
    if (HISTOGRAMS.size >= HISTOGRAM_CACHE_LIMIT) HISTOGRAMS.clear();
    HISTOGRAMS.set(word, h);
  }
  return h;
}

/**
 * A lower bound of the edit distance: each edit changes the letter counts by at most 2 (a
 * substitution) and a transposition not at all, so half the L1 distance of the histograms.
 */
function histogramBound(a: Uint8Array, b: Uint8Array): number {
  let diff = 0;
  for (let i = 0; i < 37; i++) diff += Math.abs(a[i]! - b[i]!);
  return Math.ceil(diff / 2);
}

/**
 * Up to `max` candidates close to `name`, best first. A case-only difference ranks first,
 * then by distance, then alphabetically for stable output.
 */
export function closestMatches(name: string, candidates: Iterable<string>, max = 4): string[] {
  const limit = typoThreshold(name);
  const lower = name.toLowerCase();
  let own: Uint8Array | null = null;
  const scored: { candidate: string; score: number }[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (candidate === name || Math.abs(candidate.length - name.length) > limit || seen.has(candidate)) continue;
    own ??= histogram(name);
    if (histogramBound(own, histogram(candidate)) > limit) continue;
    seen.add(candidate);
    const score = candidate.toLowerCase() === lower ? 0 : editDistance(name, candidate, limit);
    if (score <= limit) scored.push({ candidate, score });
  }
  scored.sort((x, y) => x.score - y.score || x.candidate.localeCompare(y.candidate));
  return scored.slice(0, max).map((s) => s.candidate);
}

/**
 * A fixed candidate list (keywords, built-in function names) grouped by length, so that a lookup
 * only compares names whose length is within the typo threshold. Answers as `closestMatches`.
 */
export class SuggestionIndex {
  private readonly byLength = new Map<number, string[]>();
  /** Answers for names looked up before (an unknown UDF is usually called many times). */
  private readonly cache = new Map<string, string[]>();

  constructor(candidates: Iterable<string>) {
    for (const candidate of new Set(candidates)) {
      const bucket = this.byLength.get(candidate.length);
      if (bucket === undefined) this.byLength.set(candidate.length, [candidate]);
      else bucket.push(candidate);
    }
  }

  closest(name: string, max = 4, extra: Iterable<string> = []): string[] {
    const extras = [...extra];
    const key = `${max}\u0000${name}`;
    if (extras.length === 0) {
      const cached = this.cache.get(key);
      if (cached !== undefined) return cached;
    }
    const limit = typoThreshold(name);
    const near: string[] = [...extras];
    for (let length = name.length - limit; length <= name.length + limit; length++) {
      const bucket = this.byLength.get(length);
      if (bucket !== undefined) near.push(...bucket);
    }
    const found = closestMatches(name, near, max);
    if (extras.length === 0) {
      if (this.cache.size >= 2000) this.cache.clear();
      this.cache.set(key, found);
    }
    return found;
  }
}
