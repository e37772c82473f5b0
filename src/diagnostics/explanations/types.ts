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
   * - `rule`: a guardrail rule's code (entries derived from the rule's meta, rules.ts). The example
   *   (the rule's first bad example) and the fixed text (its first good example) go through
   *   validateScript with the `strict` profile and the rule enabled at its default severity, with
   *   `ruleOptions` when given. These examples may read tables they do not declare, as the rule
   *   examples do (test/rules/examples.test.ts); only the rule's own finding is checked;
   * - `lint-config`: the example and the fixed text are `flinkcheck.yaml` files of `flinkcheck lint`,
   *   read as the lint command reads its configuration;
   * - `jsonl-export`: the example and the fixed text are JSONL query exports given to
   *   `flinkcheck lint --jsonl`, split into records as the lint command splits them;
   * - `pending`: the code is produced on another branch; the lead switches it to `validate` on merge;
   * - `none`: no script can trigger it (internal errors, inputs besides the script); `reason` says
   *   why and which test exercises the code.
   */
  readonly verifiedBy?: 'validate' | 'latin1' | 'catalog-document' | 'rule' | 'lint-config' | 'jsonl-export' | 'pending' | 'none';
  /** For `rule`: the rule options the examples are checked with (the rule's defaults otherwise). */
  readonly ruleOptions?: Readonly<Record<string, unknown>>;
  /** The language of a catalog-document example and of its fixed text. */
  readonly documentFormat?: 'json' | 'yaml';
  /**
   * Smaller input limits (ParseOptions) the example and fixed script are checked with, for the
   * codes about the size limits: the default limits would make the example a megabyte long.
   */
  readonly limits?: { readonly maxScriptChars?: number; readonly maxStatements?: number; readonly maxDiagnostics?: number };
  /** Why the example cannot be checked, for `verifiedBy: 'none'`. */
  readonly reason?: string;
}

export type ExplanationTable = Readonly<Record<string, Explanation>>;
