import type { StatementAnalysis } from '../analysis/schema.js';
import type { Statement } from '../ast/nodes.js';
import type { AstKind, AstNode, NodeOfKind } from '../ast/walk.js';
import type { CodeInfo } from '../diagnostics/codes/entry.js';
import type { Fix, RelatedSpan, Severity } from '../diagnostics/diagnostic.js';
import type { ParsedStatement } from '../parse/api.js';
import type { SourceText } from '../source/source-text.js';
import type { Span } from '../source/span.js';
import type { ScriptCatalog } from './facts/script-catalog.js';
import type { StatementFacts } from './facts/statement-facts.js';

/** What a rule is about; groups the catalogue and lets profiles switch whole families. */
export type RuleCategory = 'platform' | 'state' | 'changelog' | 'time' | 'query' | 'complexity';

/** An option's declaration: its type, default and what it means. Options are plain JSON values. */
export type OptionSpec =
  | { readonly type: 'number'; readonly default: number; readonly description: string; readonly min?: number }
  | { readonly type: 'boolean'; readonly default: boolean; readonly description: string }
  | { readonly type: 'string'; readonly default: string; readonly description: string }
  | { readonly type: 'string[]'; readonly default: readonly string[]; readonly description: string };

export type OptionsSchema = Readonly<Record<string, OptionSpec>>;

/** The option values a schema describes. */
export type OptionsOf<S extends OptionsSchema> = {
  readonly [K in keyof S]: S[K] extends { type: 'number' } ? number
    : S[K] extends { type: 'boolean' } ? boolean
    : S[K] extends { type: 'string' } ? string
    : readonly string[];
};

export interface RuleMetaInput<S extends OptionsSchema> {
  /** The rule's entry in src/diagnostics/codes/rules.ts: stable code, default severity, title. */
  readonly code: CodeInfo;
  /** kebab-case, naming the problem (reads after "allow"), equal to the file name. */
  readonly name: string;
  readonly category: RuleCategory;
  /** Why the pattern is a problem, in a few sentences (docs). */
  readonly rationale: string;
  /** Scripts the rule reports (each at least once) and scripts it accepts. */
  readonly examples: RuleExamples;
  readonly options?: S;
  /**
   * Analyzer codes that report the same problem as this rule. When the semantic analysis reports
   * one of them in a statement, at a severity at least the finding's, the engine drops the rule's
   * finding there: the rule covers what the analysis cannot decide (unknown tables, views it could
   * not type) and keeps its say when a profile raises it above the analyzer's severity.
   */
  readonly supersededBy?: readonly CodeInfo[];
}

export interface RuleExamples {
  readonly bad: readonly string[];
  readonly good: readonly string[];
  /** Options the examples are checked with, when the defaults would need a huge example. */
  readonly options?: Readonly<Record<string, unknown>>;
}

export interface RuleMeta {
  readonly code: string;
  readonly name: string;
  readonly category: RuleCategory;
  readonly severity: Severity;
  readonly description: string;
  readonly rationale: string;
  readonly examples: RuleExamples;
  readonly options: OptionsSchema;
  /** Codes of analyzer diagnostics that make this rule's finding in the same statement redundant (see RuleMetaInput). */
  readonly supersededBy?: readonly string[];
}

export interface RuleReport {
  /** The node to underline; or give `span`. */
  readonly node?: AstNode;
  readonly span?: Span;
  readonly message: string;
  readonly hint?: string;
  readonly related?: readonly RelatedSpan[];
  readonly fixes?: readonly Fix[];
}

/** The statement being checked, with its AST (rules only see statements that parsed). */
export interface CurrentStatement {
  readonly parsed: ParsedStatement;
  readonly ast: Statement;
  /** The semantic analysis of the statement, null when it is not available. */
  readonly analysis: StatementAnalysis | null;
  /** Lazily computed, shared facts: streaming mode, state TTL, changelog of queries, time attributes. */
  readonly facts: StatementFacts;
}

export interface RuleContext<O = Readonly<Record<string, unknown>>> {
  readonly options: O;
  readonly source: SourceText;
  /** Every statement of the script, with its analysis (for SET statements, earlier DDL, counts). */
  readonly script: readonly (ParsedStatement & { readonly analysis: StatementAnalysis | null })[];
  /** The statement being walked; set before the statement's first visitor runs. */
  readonly statement: CurrentStatement;
  /** Tables, views and configuration known before the current statement (script DDL and SET, then catalogs). */
  readonly catalog: ScriptCatalog;
  report(report: RuleReport): void;
}

type EnterVisitors = { readonly [K in AstKind]?: (node: NodeOfKind<K>, parent: AstNode | null) => void };
type ExitVisitors = { readonly [K in AstKind as `${K}:exit`]?: (node: NodeOfKind<K>, parent: AstNode | null) => void };

/** Visitor functions keyed by node kind (`Join`, `Join:exit`), plus per-statement hooks. */
export type RuleVisitors = EnterVisitors & ExitVisitors & {
  /** Called for every parsed statement before its nodes are visited. */
  readonly onStatement?: (statement: CurrentStatement) => void;
  /** Called after the statement's nodes are visited. */
  readonly onStatementExit?: (statement: CurrentStatement) => void;
};

export interface Rule<O = Readonly<Record<string, unknown>>> {
  readonly meta: RuleMeta;
  /** Called once per script; the returned visitors are called for every statement. */
  create(context: RuleContext<O>): RuleVisitors;
}

/** A rule with its options erased, as the engine and registry hold it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>;
