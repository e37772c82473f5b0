/**
 * The documentation of one diagnostic code: why it is reported, a script that triggers it, and how
 * to fix it. `docs/diagnostics/` is generated from these entries (`npm run docs`), and the examples
 * are tests: each example must produce its code and each fixed script must not.
 */
export interface Explanation {
  /** One paragraph: what the problem is, in the user's terms, and why Flink rejects it. */
  readonly explanation: string;
  /** A complete script (it declares the tables it reads) that triggers the code. */
  readonly example: string;
  /** What to do about it. */
  readonly fix: string;
  /** The example after the fix; it must not trigger the code. */
  readonly fixed: string;
  /** What Flink itself says for the example, where it reports the problem (for the docs). */
  readonly flink?: string;
  /**
   * How the example is checked:
   * - `validate` (default): the example text goes through the input checks and validateScript;
   * - `latin1`: the example is saved as Latin-1 bytes and decoded like a file (encoding problems);
   * - `catalog-document`: the example and the fixed text are catalog documents (docs/catalog.md) in
   *   `documentFormat`, loaded as `--catalog catalog.yaml` (or `.json`) loads them;
   * - `pending`: the code is produced on another branch; the lead switches it to `validate` on merge;
   * - `none`: no script can trigger it (internal errors); `reason` says why.
   */
  readonly verifiedBy?: 'validate' | 'latin1' | 'catalog-document' | 'pending' | 'none';
  /** The language of a catalog-document example and of its fixed text. */
  readonly documentFormat?: 'json' | 'yaml';
  /** Why the example cannot be checked, for `verifiedBy: 'none'`. */
  readonly reason?: string;
}

export type ExplanationTable = Readonly<Record<string, Explanation>>;
