import type { Span } from '../source/span.js';

export type Severity = 'error' | 'warning' | 'info';
export type Category = 'syntax' | 'semantic' | 'rule' | 'internal';

/** A text replacement: the text in `span` becomes `text`. */
export interface TextEdit {
  readonly span: Span;
  readonly text: string;
}

export type Applicability = 'safe' | 'unsafe';

export interface Fix {
  /** What applying the fix does, e.g. "Quote `timestamp` with backticks". */
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly applicability: Applicability;
}

export interface RelatedSpan {
  readonly span: Span;
  readonly message: string;
}

/**
 * One finding. Every renderer (text, JSON, SARIF, gRPC) renders from this one object.
 * Spans are UTF-16 offsets into the whole script; SourceText turns them into lines and columns.
 */
export interface Diagnostic {
  /** Stable code, e.g. FSQL1001. */
  readonly code: string;
  readonly severity: Severity;
  readonly category: Category;
  /** States what is wrong, in the user's terms; stands alone. */
  readonly message: string;
  readonly span: Span;
  /** What to do about it. */
  readonly hint?: string;
  readonly related?: readonly RelatedSpan[];
  readonly fixes?: readonly Fix[];
}
