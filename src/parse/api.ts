import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceText } from '../source/source-text.js';
import type { Span } from '../source/span.js';
import type { Statement } from '../ast/nodes.js';

/** One statement of a script, as split by the parser (statements are separated by `;`). */
export interface ParsedStatement {
  /** 0-based position of the statement in the script. */
  readonly index: number;
  /** Human-readable statement kind, e.g. `CREATE TABLE`, `INSERT`, `SELECT`, or `UNKNOWN` when unparsable. */
  readonly kind: string;
  /** The statement's text span, without the terminating `;`. */
  readonly span: Span;
  /**
   * The typed AST, or null when the statement could not be parsed (or follows a switch to another
   * SQL dialect). A statement that parses but breaks one of Flink's post-parse rules keeps its AST.
   */
  readonly ast: Statement | null;
}

export interface ScriptParseResult {
  readonly source: SourceText;
  readonly statements: readonly ParsedStatement[];
  /** Diagnostics for the whole script (syntax, and the semantic rules Flink applies to a single statement), ordered by position. */
  readonly diagnostics: readonly Diagnostic[];
}

export interface ParseOptions {
  /** Maximum nesting depth of parentheses/brackets/CASE before the parser refuses the statement. */
  readonly maxNestingDepth?: number;
  /** Longest script (UTF-16 code units) that is checked at all; longer ones get one FSQL1005. */
  readonly maxScriptChars?: number;
  /** Statements of one script that are checked; the rest are skipped with one FSQL1027. */
  readonly maxStatements?: number;
}
