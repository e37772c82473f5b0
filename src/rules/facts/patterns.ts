/**
 * Allow-list patterns: `*` matches everything, `name` matches one name (case-insensitively), a
 * trailing `*` matches a prefix (`table.exec.*`), and `!pattern` removes what it matches. The last
 * matching pattern decides; nothing matching means not allowed.
 */
export function matchesPatterns(patterns: readonly string[], name: string): boolean {
  let allowed = false;
  const lower = name.toLowerCase();
  for (const raw of patterns) {
    const negated = raw.startsWith('!');
    const pattern = (negated ? raw.slice(1) : raw).toLowerCase();
    const hit = pattern === '*' || pattern === lower || (pattern.endsWith('*') && lower.startsWith(pattern.slice(0, -1)));
    if (hit) allowed = !negated;
  }
  return allowed;
}
