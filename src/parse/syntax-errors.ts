/**
 * Turns the parser's first error in a statement into one diagnostic a person can act on.
 *
 * ANTLR only knows "token X was not expected here; these were". We find out what the user meant by
 * trying small repairs and re-parsing: if quoting a reserved word, correcting a keyword, inserting a
 * comma or closing a parenthesis lets the parser get past the point where it failed, that repair
 * is the diagnosis, and it becomes the message and a machine-applicable fix.
 */
import { CommonToken, type ParserRuleContext, TerminalNode, type Token } from 'antlr4ng';
import { Codes, type CodeInfo } from '../diagnostics/codes.js';
import type { Diagnostic, Fix } from '../diagnostics/diagnostic.js';
import { closestMatches, editDistance } from '../diagnostics/suggest.js';
import type { SourceText } from '../source/source-text.js';
import type { Span } from '../source/span.js';
import * as P from './generated/FlinkSqlParser.js';
import { FlinkSqlParser } from './generated/FlinkSqlParser.js';
import { RESERVED_WORDS } from './keywords.js';
import { probeTokens, type SyntaxFailure } from './statement-parser.js';
import { literalNameOf, T } from './tokens.js';

export type EntryRule = (parser: FlinkSqlParser) => ParserRuleContext;

interface Context {
  readonly source: SourceText;
  readonly tokens: readonly Token[];
  readonly entry: EntryRule;
  /** Probes parse only this many tokens: enough to see whether a repair gets past the failure. */
  readonly probeLength: number;
  /** Tokens the probes may still parse; repairs stop when it is spent. */
  readonly budget: ProbeBudget;
}

/** Tokens that repair probes may still parse, shared by the statements of one script. */
export interface ProbeBudget {
  remaining: number;
}

/** The probe budget of one script: enough for hundreds of broken statements, not for an attack. */
export function scriptProbeBudget(): ProbeBudget {
  return { remaining: 1_000_000 };
}

/**
 * How many tokens all repair probes of one statement may parse together. A short statement can try
 * every candidate repair; a huge broken one gets a generic message instead of seconds of probing.
 */
const PROBE_TOKEN_BUDGET = 20_000;

/** How many tokens past the failure a repair probe looks. */
const PROBE_LOOKAHEAD = 40;

/** Every keyword token type, by its spelling. */
const KEYWORDS: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  for (let type = 1; type < T.literalNames.length; type++) {
    const name = literalNameOf(type);
    if (name && /^[A-Z_]+$/.test(name)) map.set(name, type);
  }
  return map;
})();

/** No piece of a split name longer than this can be a keyword. */
const LONGEST_KEYWORD = Math.max(...[...KEYWORDS.keys()].map((k) => k.length));

const OPENERS: ReadonlyMap<number, number> = new Map([[T.LPAREN, T.RPAREN], [T.LBRACKET, T.RBRACKET]]);
const CLOSERS: ReadonlyMap<number, number> = new Map([[T.RPAREN, T.LPAREN], [T.RBRACKET, T.LBRACKET]]);

/** What a clause phrase says, for the rule the parser was in when it stopped. */
const RULE_PHRASES: ReadonlyArray<readonly [new (...args: never[]) => ParserRuleContext, string]> = [
  [P.WithOptionsContext, 'in the WITH options'],
  [P.PropertyListContext, 'in the option list'],
  [P.PartitionSpecContext, 'in the PARTITION clause'],
  [P.DataTypeContext, 'in the data type'],
  [P.BaseTypeContext, 'in the data type'],
  [P.ColumnDefinitionContext, 'in the column definition'],
  [P.TableSchemaAndOptionsContext, 'in the table definition'],
  [P.MatchRecognizeContext, 'in MATCH_RECOGNIZE'],
  [P.WindowSpecContext, 'in the window specification'],
  [P.JoinConditionContext, 'in the join condition'],
  [P.FunctionCallContext, 'in the function call'],
  [P.SpecialFunctionContext, 'in the function call'],
  [P.GroupByClauseContext, 'in GROUP BY'],
  [P.OrderByClauseContext, 'in ORDER BY'],
  [P.WhereClauseContext, 'in the WHERE condition'],
  [P.HavingClauseContext, 'in the HAVING condition'],
  [P.TableReferenceContext, 'in the FROM clause'],
  [P.FromClauseContext, 'in the FROM clause'],
  [P.InsertStatementContext, 'in the INSERT statement'],
];

const SELECT_CLAUSE_PHRASES: ReadonlyArray<readonly [new (...args: never[]) => ParserRuleContext, string]> = [
  [P.SelectItemContext, 'after the select list'],
  [P.FromClauseContext, 'after the FROM clause'],
  [P.WhereClauseContext, 'after the WHERE condition'],
  [P.GroupByClauseContext, 'after GROUP BY'],
  [P.HavingClauseContext, 'after HAVING'],
];

export function explainSyntaxFailure(
  failure: SyntaxFailure,
  source: SourceText,
  tokens: readonly Token[],
  entry: EntryRule,
  scriptBudget: ProbeBudget = scriptProbeBudget(),
): Diagnostic {
  const failIndex = failure.offending.type === T.EOF ? tokens.length : tokens.findIndex((t) => t.start === failure.offending.start);
  // A statement may use PROBE_TOKEN_BUDGET of the script's budget; what it leaves returns to the script.
  const budget = { remaining: Math.min(PROBE_TOKEN_BUDGET, scriptBudget.remaining) };
  const ctx: Context = { source, tokens, entry, probeLength: Math.max(0, failIndex) + PROBE_LOOKAHEAD, budget };
  try {
    return explain(ctx, failure);
  } finally {
    scriptBudget.remaining -= Math.min(PROBE_TOKEN_BUDGET, scriptBudget.remaining) - budget.remaining;
  }
}

function explain(ctx: Context, failure: SyntaxFailure): Diagnostic {
  const certain = templatePlaceholder(ctx, failure) ?? unbalancedBrackets(ctx, failure) ?? doubleQuoted(ctx, failure) ??
    setWithoutEquals(ctx, failure) ?? doubledEquals(ctx, failure) ?? unquotedOptionValue(ctx, failure) ?? selectTop(ctx) ?? columnKeywordInAlterTable(ctx) ?? asOfWithoutSystemTime(ctx, failure) ?? missingSemicolonRepair(ctx, failure);
  if (certain) return certain;
  // Every plausible repair is tried; the one that lets the parser get furthest wins, and on a tie
  // the one listed first (the more specific diagnosis).
  const repairs: ReadonlyArray<(ctx: Context, failure: SyntaxFailure) => Repair | null> = [
    missingSpaceRepair, misspelledKeywordRepair, missingKeywordRepair, missingCommaRepair, extraCommaRepair, reservedWordRepair,
  ];
  // Getting to the end of the statement counts as much as parsing it: `show catalogs likes` read
  // as LIKE lacks only its pattern, which is no reason to prefer reading `likes` as a name.
  const score = (repair: Repair): number => (repair.reach >= Number.MAX_SAFE_INTEGER - 1 ? Number.MAX_SAFE_INTEGER : repair.reach);
  let best: Repair | null = null;
  for (const attempt of repairs) {
    const repair = attempt(ctx, failure);
    if (repair && (!best || score(repair) > score(best))) best = repair;
    // A repair that gets to the end of the statement cannot be beaten by a later one.
    if (best && score(best) === Number.MAX_SAFE_INTEGER) break;
  }
  return best?.diagnostic ?? genericError(ctx, failure);
}

/** A diagnosis backed by a repair, and how far the parser gets once the repair is applied. */
interface Repair {
  readonly diagnostic: Diagnostic;
  readonly reach: number;
}

// ---------------------------------------------------------------------------------- helpers

function tokenSpan(source: SourceText, token: Token): Span {
  const start = source.fromCodePoint(token.start);
  if (token.type === T.EOF) return { start, end: start };
  return { start, end: source.fromCodePoint(token.stop + 1) };
}

function endOfStatement(ctx: Context): number {
  const last = ctx.tokens[ctx.tokens.length - 1];
  return last ? ctx.source.fromCodePoint(last.stop + 1) : 0;
}

/**
 * Where "the statement ends here" points, as Flink reports <EOF>: just past the last token when
 * white space follows it, otherwise on its last character.
 */
function lastCharacter(ctx: Context): Span {
  const end = endOfStatement(ctx);
  if (/\s/.test(ctx.source.text.charAt(end))) return { start: end, end };
  return { start: Math.max(0, end - 1), end };
}

function diagnostic(code: CodeInfo, message: string, span: Span, extra: Partial<Diagnostic> = {}): Diagnostic {
  return { code: code.code, severity: code.severity, category: code.category, message, span, ...extra };
}

function display(token: Token): string {
  if (token.type === T.EOF) return 'end of statement';
  const text = token.text ?? '';
  return text.length > 40 ? text.slice(0, 37) + '...' : text;
}

function describeAt(ctx: Context, offset: number): string {
  const p = ctx.source.position(offset);
  return `line ${p.line}, column ${p.column}`;
}

/**
 * How far a probe parse gets: the code-point offset of the failing token, MAX_SAFE_INTEGER on
 * success (MAX - 1 when it fails only at the end), or -1 once the probe budget is spent.
 */
function reach(ctx: Context, tokens: Token[]): number {
  const probe = tokens.length > ctx.probeLength ? tokens.slice(0, ctx.probeLength) : tokens;
  if (probe.length > ctx.budget.remaining) return -1;
  ctx.budget.remaining -= probe.length;
  return probeTokens(probe, ctx.entry);
}

function withType(token: Token, type: number): Token {
  const copy = CommonToken.fromToken(token);
  copy.type = type;
  return copy;
}

function syntheticToken(type: number, text: string, at: Token): Token {
  const token = CommonToken.fromToken(at);
  token.type = type;
  token.text = text;
  return token;
}

function indexOfToken(ctx: Context, token: Token | null): number {
  if (!token) return -1;
  return ctx.tokens.findIndex((t) => t.start === token.start && t.type === token.type);
}

/** The contexts completed just before the failure: the rightmost path below the failing context, shallowest first. */
function completedContexts(failure: SyntaxFailure): ParserRuleContext[] {
  const completed: ParserRuleContext[] = [];
  let down: ParserRuleContext | null = failure.context;
  while (down) {
    const last = down.children[down.children.length - 1];
    down = last && !(last instanceof TerminalNode) ? (last as ParserRuleContext) : null;
    if (down) completed.push(down);
  }
  return completed;
}

function enclosingContexts(failure: SyntaxFailure): ParserRuleContext[] {
  const enclosing: ParserRuleContext[] = [];
  for (let up: ParserRuleContext | null = failure.context; up; up = up.parent as ParserRuleContext | null) enclosing.push(up);
  return enclosing;
}

/**
 * The clause the user was writing, e.g. "after the select list" or "in the WITH options". When a
 * clause ends and the next token fits nowhere, ANTLR fails in an outer rule, so the clause that was
 * just completed (below the failing context) is checked first, then the enclosing ones.
 */
function contextPhrase(failure: SyntaxFailure, previous: Token | null): string {
  for (const node of [...completedContexts(failure), ...enclosingContexts(failure)]) {
    if (node instanceof P.SelectQueryContext) {
      const last = node.children[node.children.length - 1];
      for (const [cls, phrase] of SELECT_CLAUSE_PHRASES) if (last instanceof cls) return phrase;
    }
  }
  for (const node of enclosingContexts(failure)) {
    for (const [cls, phrase] of RULE_PHRASES) if (node instanceof cls) return phrase;
  }
  return previous ? `after \`${display(previous)}\`` : 'at the start of the statement';
}

function isInside(failure: SyntaxFailure, cls: new (...args: never[]) => ParserRuleContext): boolean {
  return [...completedContexts(failure), ...enclosingContexts(failure)].some((node) => node instanceof cls);
}

/** Human names of what the parser would have accepted. */
export function describeExpected(expected: readonly number[]): string {
  const set = new Set(expected);
  const startsExpression = set.has(T.IDENTIFIER) && set.has(T.UNSIGNED_INTEGER) && set.has(T.STRING_LITERAL);
  const names: string[] = [];
  if (startsExpression) names.push('an expression');
  else if (set.has(T.IDENTIFIER) || set.has(T.QUOTED_IDENTIFIER)) names.push('a name');
  else if (set.has(T.STRING_LITERAL)) names.push('a string literal');
  else if (set.has(T.UNSIGNED_INTEGER)) names.push('a number');
  const words: string[] = [];
  const punctuation: string[] = [];
  for (const type of set) {
    const literal = literalNameOf(type);
    if (!literal) continue;
    if (/^[A-Z_]+$/.test(literal)) {
      if (!startsExpression || RESERVED_WORDS.has(literal)) words.push(literal);
    } else punctuation.push(`'${literal}'`);
  }
  words.sort();
  const structural = words.length > 10 ? [] : words;
  const all = [...names, ...punctuation.slice(0, 6), ...structural];
  if (set.has(T.EOF) && all.length < 8) all.push('the end of the statement');
  if (all.length === 0) return '';
  if (all.length === 1) return all[0]!;
  return `${all.slice(0, -1).join(', ')} or ${all[all.length - 1]}`;
}

// ---------------------------------------------------------------------------------- diagnoses

function unbalancedBrackets(ctx: Context, failure: SyntaxFailure): Diagnostic | null {
  const stack: Token[] = [];
  const failAt = failure.offending.type === T.EOF ? Number.MAX_SAFE_INTEGER : failure.offending.start;
  for (const token of ctx.tokens) {
    if (OPENERS.has(token.type)) stack.push(token);
    else if (CLOSERS.has(token.type)) {
      const top = stack[stack.length - 1];
      if (top && top.type === CLOSERS.get(token.type)) stack.pop();
      else if (!top && token.start <= failAt) {
        return diagnostic(Codes.unmatchedCloser, `\`${token.text}\` has no matching \`${literalNameOf(CLOSERS.get(token.type)!)}\``, tokenSpan(ctx.source, token), {
          hint: `remove this \`${token.text}\` or add the missing \`${literalNameOf(CLOSERS.get(token.type)!)}\` before it`,
        });
      }
    }
  }
  if (stack.length === 0) return null;
  if (failure.offending.type !== T.EOF) return closerMissingBefore(ctx, failure);
  const opener = stack[stack.length - 1]!;
  const closer = literalNameOf(OPENERS.get(opener.type)!)!;
  const openSpan = tokenSpan(ctx.source, opener);
  // Only claim the missing closer when adding it actually lets the statement parse further.
  const repaired = [...ctx.tokens, syntheticToken(OPENERS.get(opener.type)!, closer, ctx.tokens[ctx.tokens.length - 1]!)];
  const reached = reach(ctx, repaired);
  if (reached < Number.MAX_SAFE_INTEGER - 1 && stack.length === 1) return null;
  const end = tokenSpan(ctx.source, ctx.tokens[ctx.tokens.length - 1]!).end;
  return diagnostic(Codes.unclosedParen, `Missing \`${closer}\` to close the \`${opener.text}\` opened at ${describeAt(ctx, openSpan.start)}`, lastCharacter(ctx), {
    related: [{ span: openSpan, message: `this \`${opener.text}\` is never closed` }],
    hint: `add \`${closer}\` where the parenthesized part ends`,
    ...(reached === Number.MAX_SAFE_INTEGER
      ? { fixes: [{ title: `add \`${closer}\` at the end`, applicability: 'unsafe' as const, edits: [{ span: { start: end, end }, text: closer }] }] }
      : {}),
  });
}

/**
 * `CREATE TABLE t (a INT WITH (...)`: a bracket left open in the middle of the statement, found when
 * closing the innermost bracket still open at the failing token makes the whole statement parse.
 */
function closerMissingBefore(ctx: Context, failure: SyntaxFailure): Diagnostic | null {
  const offending = failure.offending;
  const index = indexOfToken(ctx, offending);
  const previous = ctx.tokens[index - 1];
  if (index <= 0 || !previous) return null;
  const open: Token[] = [];
  for (const token of ctx.tokens.slice(0, index)) {
    if (OPENERS.has(token.type)) open.push(token);
    else if (CLOSERS.has(token.type) && open[open.length - 1]?.type === CLOSERS.get(token.type)) open.pop();
  }
  const opener = open[open.length - 1];
  if (!opener) return null;
  const closerType = OPENERS.get(opener.type)!;
  const closer = literalNameOf(closerType)!;
  const repaired = [...ctx.tokens.slice(0, index), syntheticToken(closerType, closer, offending), ...ctx.tokens.slice(index)];
  if (reach(ctx, repaired) !== Number.MAX_SAFE_INTEGER) return null;
  const openSpan = tokenSpan(ctx.source, opener);
  const at = tokenSpan(ctx.source, previous).end;
  return diagnostic(Codes.unclosedParen, `Missing \`${closer}\` to close the \`${opener.text}\` opened at ${describeAt(ctx, openSpan.start)}, before \`${display(offending)}\``, tokenSpan(ctx.source, offending), {
    related: [{ span: openSpan, message: `this \`${opener.text}\` is never closed` }],
    hint: `add \`${closer}\` after \`${display(previous)}\``,
    fixes: [{ title: `insert \`${closer}\``, applicability: 'safe', edits: [{ span: { start: at, end: at }, text: closer }] }],
  });
}

/**
 * `${table}` or `{{ table }}`: a placeholder of a templating tool, left in the text. Such scripts
 * are checked after substitution; saying so beats reporting the brace.
 */
function templatePlaceholder(ctx: Context, failure: SyntaxFailure): Diagnostic | null {
  const tokens = ctx.tokens;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.type !== T.LBRACE || tokens[i]!.start > failure.offending.start) continue;
    const dollar = i > 0 && tokens[i - 1]!.text === '$' && tokens[i - 1]!.stop + 1 === tokens[i]!.start ? tokens[i - 1]! : null;
    const jinja = tokens[i + 1]?.type === T.LBRACE && tokens[i + 1]!.start === tokens[i]!.stop + 1;
    if (!dollar && !jinja) continue;
    const close = tokens.findIndex((t, j) => j > i && t.type === T.RBRACE);
    if (close < 0) continue;
    const last = jinja && tokens[close + 1]?.type === T.RBRACE ? tokens[close + 1]! : tokens[close]!;
    const first = dollar ?? tokens[i]!;
    const span = { start: tokenSpan(ctx.source, first).start, end: tokenSpan(ctx.source, last).end };
    const text = ctx.source.slice(span);
    return diagnostic(Codes.templatePlaceholder, `\`${text}\` is a template placeholder, not SQL`, span, {
      hint: 'check the script after the placeholders have been substituted',
    });
  }
  return null;
}

function doubleQuoted(ctx: Context, failure: SyntaxFailure): Diagnostic | null {
  const token = failure.offending;
  if (token.type !== T.DOUBLE_QUOTED) return null;
  const inner = (token.text ?? '').slice(1, -1).replace(/""/g, '"');
  const span = tokenSpan(ctx.source, token);
  return diagnostic(Codes.unexpectedToken, `Flink SQL does not use double quotes: \`${display(token)}\` is neither a name nor a string`, span, {
    hint: `write a name as \`${inner}\` (backticks) or a string as '${inner.replace(/'/g, "''")}' (single quotes)`,
    fixes: [
      { title: `quote \`${inner}\` as an identifier`, applicability: 'unsafe', edits: [{ span, text: '`' + inner.replace(/`/g, '``') + '`' }] },
      { title: `make '${inner}' a string literal`, applicability: 'unsafe', edits: [{ span, text: `'${inner.replace(/'/g, "''")}'` }] },
    ],
  });
}

/**
 * `SET key value` or `SET key TO value` (other databases' forms): the key of Flink's SET is free
 * text up to `=`, so without one the statement only ends early, and a keyword guess would mislead.
 */
function setWithoutEquals(ctx: Context, failure: SyntaxFailure): Diagnostic | null {
  const [set, ...rest] = ctx.tokens;
  if (set?.type !== T.SET || rest.length === 0 || rest.some((t) => t.type === T.EQ)) return null;
  if (failure.offending.type !== T.EOF && !failure.expected.includes(T.EQ)) return null;
  const span = failure.offending.type === T.EOF ? lastCharacter(ctx) : tokenSpan(ctx.source, failure.offending);
  const to = rest.findIndex((t) => t.type === T.TO);
  const code = failure.offending.type === T.EOF ? Codes.unexpectedEnd : Codes.unexpectedToken;
  return diagnostic(code, 'SET needs `=` between the option key and its value', span, {
    hint: "write SET 'key' = 'value', for example SET 'pipeline.name' = 'orders'",
    ...(to > 0 && to < rest.length - 1
      ? { fixes: [{ title: 'replace `TO` with `=`', applicability: 'unsafe', edits: [{ span: tokenSpan(ctx.source, rest[to]!), text: '=' }] }] }
      : {}),
  });
}

/** Tokens that are an option value written without single quotes: `= kafka`, `= 4`, `= true`. */
const BARE_VALUE_TYPES: ReadonlySet<number> = new Set([
  T.IDENTIFIER, T.QUOTED_IDENTIFIER, T.UNSIGNED_INTEGER, T.DECIMAL_NUMERIC, T.TRUE, T.FALSE,
]);

/** `WITH ('connector' = kafka)`: option values are string literals, whatever their meaning. */
function unquotedOptionValue(ctx: Context, failure: SyntaxFailure): Diagnostic | null {
  const value = failure.offending;
  if (!BARE_VALUE_TYPES.has(value.type) || failure.previous?.type !== T.EQ) return null;
  if (!isInside(failure, P.WithOptionsContext) && !isInside(failure, P.PropertyListContext)) return null;
  const raw = value.text ?? '';
  const text = value.type === T.QUOTED_IDENTIFIER ? raw.slice(1, -1).replace(/``/g, '`') : raw;
  const quoted = `'${text.replace(/'/g, "''")}'`;
  const span = tokenSpan(ctx.source, value);
  return diagnostic(Codes.unexpectedToken, `Option values must be string literals: write ${quoted}`, span, {
    hint: "numbers and booleans are written as strings too, e.g. 'sink.parallelism' = '4'",
    fixes: [{ title: `quote the value as ${quoted}`, applicability: 'safe', edits: [{ span, text: quoted }] }],
  });
}

/** `SELECT TOP 10 * FROM t` (SQL Server): Flink limits rows with LIMIT at the end of the query. */
function selectTop(ctx: Context): Diagnostic | null {
  const [select, top, count] = ctx.tokens;
  if (select?.type !== T.SELECT || top?.type !== T.IDENTIFIER || top.text?.toUpperCase() !== 'TOP' || count?.type !== T.UNSIGNED_INTEGER) return null;
  const last = ctx.tokens[ctx.tokens.length - 1]!;
  const repaired = [select, ...ctx.tokens.slice(3), syntheticToken(T.LIMIT, 'LIMIT', last), syntheticToken(T.UNSIGNED_INTEGER, count.text!, last)];
  const parses = reach(ctx, repaired) === Number.MAX_SAFE_INTEGER;
  const topSpan = { start: tokenSpan(ctx.source, top).start, end: tokenSpan(ctx.source, ctx.tokens[3] ?? count).start };
  const end = tokenSpan(ctx.source, last).end;
  // Flink reads TOP as a column and fails at the number, so that is where this is reported.
  return diagnostic(Codes.unsupportedSyntax, `Flink SQL has no SELECT TOP: write LIMIT ${count.text} at the end of the query`, tokenSpan(ctx.source, count), {
    hint: 'SELECT TOP is SQL Server syntax',
    fixes: [{
      title: `replace TOP ${count.text} with LIMIT ${count.text}`,
      applicability: parses ? 'safe' : 'unsafe',
      edits: [{ span: topSpan, text: '' }, { span: { start: end, end }, text: ` LIMIT ${count.text}` }],
    }],
  });
}

/** `JOIN rates AS OF o.ts`: a temporal join written without FOR SYSTEM_TIME (FOR SYSTEM_TIME AS OF). */
function asOfWithoutSystemTime(ctx: Context, failure: SyntaxFailure): Diagnostic | null {
  const index = ctx.tokens.findIndex((t, i) => t.type === T.AS && ctx.tokens[i + 1]?.type === T.OF && ctx.tokens[i - 1]?.type !== T.SYSTEM_TIME);
  if (index <= 0) return null;
  const as = ctx.tokens[index]!;
  if (failure.offending.start < as.start) return null;
  const repaired = [...ctx.tokens.slice(0, index), syntheticToken(T.FOR, 'FOR', as), syntheticToken(T.SYSTEM_TIME, 'SYSTEM_TIME', as), ...ctx.tokens.slice(index)];
  const parses = reach(ctx, repaired) === Number.MAX_SAFE_INTEGER;
  const at = tokenSpan(ctx.source, as).start;
  return diagnostic(Codes.missingKeyword, 'A temporal join is written FOR SYSTEM_TIME AS OF: `FOR SYSTEM_TIME` is missing before `AS OF`', { start: at, end: tokenSpan(ctx.source, ctx.tokens[index + 1]!).end }, {
    hint: 'write JOIN versioned_table FOR SYSTEM_TIME AS OF left_table.time_column AS alias',
    fixes: [{ title: 'insert FOR SYSTEM_TIME', applicability: parses ? 'safe' : 'unsafe', edits: [{ span: { start: at, end: at }, text: 'FOR SYSTEM_TIME ' }] }],
  });
}

/** `a == 1`, from programming languages. */
function doubledEquals(ctx: Context, failure: SyntaxFailure): Diagnostic | null {
  const second = failure.offending;
  const first = failure.previous;
  if (second.type !== T.EQ || first?.type !== T.EQ || first.stop + 1 !== second.start) return null;
  const span = { start: tokenSpan(ctx.source, first).start, end: tokenSpan(ctx.source, second).end };
  return diagnostic(Codes.unexpectedToken, 'SQL compares with a single `=`, not `==`', span, {
    hint: 'in SQL a single `=` compares two values',
    fixes: [{ title: 'replace `==` with `=`', applicability: 'safe', edits: [{ span, text: '=' }] }],
  });
}

/** How Flink writes each ALTER TABLE column action that other databases write with COLUMN. */
const ALTER_COLUMN_ACTIONS: ReadonlyMap<number, string> = new Map([
  [T.ADD, 'ADD c INT, or ADD (c1 INT, c2 STRING) for several columns'],
  [T.MODIFY, 'MODIFY c BIGINT'],
  [T.DROP, 'DROP c, or DROP (c1, c2) for several columns'],
  [T.RENAME, 'RENAME old_name TO new_name'],
]);

/** `ALTER TABLE t ADD COLUMN c INT` (PostgreSQL, MySQL, Spark): Flink's column actions have no COLUMN. */
function columnKeywordInAlterTable(ctx: Context): Diagnostic | null {
  const tokens = ctx.tokens;
  if (tokens[0]?.type !== T.ALTER || tokens[1]?.type !== T.TABLE) return null;
  const index = tokens.findIndex((t, i) => i > 2 && t.type === T.IDENTIFIER && t.text?.toUpperCase() === 'COLUMN' && ALTER_COLUMN_ACTIONS.has(tokens[i - 1]!.type));
  if (index < 0) return null;
  const action = tokens[index - 1]!;
  const column = tokenSpan(ctx.source, tokens[index]!);
  const next = tokens[index + 1];
  const removal = { start: column.start, end: next ? tokenSpan(ctx.source, next).start : column.end };
  const parses = reach(ctx, [...tokens.slice(0, index), ...tokens.slice(index + 1)]) === Number.MAX_SAFE_INTEGER;
  return diagnostic(Codes.unsupportedSyntax, `Flink SQL writes ALTER TABLE ... ${display(action).toUpperCase()} without the word COLUMN`, column, {
    hint: `write ${ALTER_COLUMN_ACTIONS.get(action.type)!}`,
    fixes: [{ title: 'remove COLUMN', applicability: parses ? 'safe' : 'unsafe', edits: [{ span: removal, text: '' }] }],
  });
}

/** Keywords that begin a statement: an unexpected one usually means a missing `;` before it. */
const STATEMENT_STARTERS: ReadonlySet<number> = new Set([
  T.SELECT, T.INSERT, T.UPSERT, T.CREATE, T.ALTER, T.DROP, T.WITH, T.SET, T.RESET, T.SHOW, T.DESCRIBE, T.EXPLAIN,
  T.EXECUTE, T.USE, T.DELETE, T.UPDATE, T.CALL, T.TRUNCATE, T.ANALYZE, T.LOAD, T.UNLOAD,
]);

function missingSemicolonRepair(ctx: Context, failure: SyntaxFailure): Diagnostic | null {
  const offending = failure.offending;
  const previous = failure.previous;
  if (!previous || !STATEMENT_STARTERS.has(offending.type)) return null;
  const index = indexOfToken(ctx, offending);
  if (index <= 0) return null;
  if (reach(ctx, ctx.tokens.slice(0, index)) !== Number.MAX_SAFE_INTEGER) return null;
  const at = tokenSpan(ctx.source, previous).end;
  return diagnostic(Codes.missingSemicolon, `Missing \`;\` before \`${display(offending)}\`, which starts a new statement`, tokenSpan(ctx.source, offending), {
    hint: `end the previous statement with \`;\``,
    fixes: [{ title: 'insert the missing semicolon', applicability: 'safe', edits: [{ span: { start: at, end: at }, text: ';' }] }],
  });
}

/**
 * Keywords that structure a statement. Quoting one to make it a name is never the likely fix:
 * `SELECT a, FROM t` lacks a column, it does not select a column named FROM.
 */
const STRUCTURAL_KEYWORDS: ReadonlySet<number> = new Set([
  T.SELECT, T.FROM, T.WHERE, T.GROUP, T.HAVING, T.ORDER, T.BY, T.LIMIT, T.OFFSET, T.FETCH, T.UNION, T.INTERSECT,
  T.EXCEPT, T.MINUS, T.JOIN, T.ON, T.USING, T.AND, T.OR, T.NOT, T.AS, T.WITH, T.WINDOW, T.CASE, T.WHEN, T.THEN,
  T.ELSE, T.END, T.IN, T.IS, T.LIKE, T.BETWEEN, T.INTO, T.VALUES, T.INSERT, T.CREATE, T.ALTER, T.DROP, T.TABLE,
  T.WATERMARK, T.PRIMARY, T.CONSTRAINT, T.PARTITION, T.PARTITIONED, T.DISTRIBUTED, T.LEFT, T.RIGHT, T.FULL,
  T.INNER, T.CROSS, T.NATURAL, T.OVER, T.FOR, T.SET, T.ALL, T.DISTINCT, T.NULL, T.TRUE, T.FALSE,
]);

function reservedWordRepair(ctx: Context, failure: SyntaxFailure): Repair | null {
  // At the end of the statement the word before is more likely incomplete than misused, unless
  // quoting it completes the statement: `GROUP BY day` (DAY expects `(`), `SELECT user`.
  const atEnd = failure.offending.type === T.EOF;
  const candidates = atEnd ? [failure.previous] : [failure.offending, failure.previous];
  for (const candidate of candidates) {
    if (!candidate || STRUCTURAL_KEYWORDS.has(candidate.type)) continue;
    const word = literalNameOf(candidate.type);
    if (!word || !RESERVED_WORDS.has(word)) continue;
    const index = indexOfToken(ctx, candidate);
    if (index < 0) continue;
    const repaired = ctx.tokens.slice();
    repaired[index] = withType(candidate, T.QUOTED_IDENTIFIER);
    const reached = reach(ctx, repaired);
    if (reached <= failure.offending.start || (atEnd && reached !== Number.MAX_SAFE_INTEGER)) continue;
    return { reach: reached, diagnostic: reservedWordDiagnostic(candidate.text ?? word, tokenSpan(ctx.source, candidate)) };
  }
  return null;
}

/** Shared with the AST builder, which finds reserved words the lexer read as identifiers. */
export function reservedWordDiagnostic(text: string, span: Span): Diagnostic {
  const quoted = '`' + text + '`';
  const fix: Fix = { title: `quote ${text} with backticks`, applicability: 'safe', edits: [{ span, text: quoted }] };
  return diagnostic(Codes.reservedWord, `\`${text}\` is a reserved word in Flink SQL and cannot be used as a name here`, span, {
    hint: `write it in backticks to use it as a name: ${quoted}`,
    fixes: [fix],
  });
}

function misspelledKeywordRepair(ctx: Context, failure: SyntaxFailure): Repair | null {
  for (const candidate of [failure.offending, failure.previous]) {
    if (!candidate || candidate.type !== T.IDENTIFIER) continue;
    const text = candidate.text ?? '';
    if (text.length < 3) continue;
    const index = indexOfToken(ctx, candidate);
    if (index < 0) continue;
    const expectedWords = failure.expected.map((t) => literalNameOf(t)).filter((w): w is string => !!w && KEYWORDS.has(w));
    const options = [...new Set([...closestMatches(text.toUpperCase(), expectedWords, 3), ...closestMatches(text.toUpperCase(), KEYWORDS.keys(), 5)])]
      .filter((k) => k !== text.toUpperCase() && isLikelyKeywordTypo(text, k));
    for (const keyword of options) {
      const repaired = ctx.tokens.slice();
      repaired[index] = withType(candidate, KEYWORDS.get(keyword)!);
      const reached = reach(ctx, repaired);
      if (reached <= candidate.stop + 1) continue;
      const span = tokenSpan(ctx.source, candidate);
      const previous = index > 0 ? ctx.tokens[index - 1]! : null;
      const where = candidate === failure.previous ? contextPhrase(failure, previous) : contextPhrase(failure, failure.previous);
      return {
        reach: reached,
        diagnostic: diagnostic(Codes.misspelledKeyword, `Unexpected \`${text}\` ${where}. Did you mean ${keyword}?`, span, {
          hint: `\`${text}\` looks like a misspelling of the keyword ${keyword}`,
          fixes: [{ title: `replace \`${text}\` with ${keyword}`, applicability: 'safe', edits: [{ span, text: keyword }] }],
        }),
      };
    }
  }
  return null;
}

/**
 * `ORDERBY`, `DELETEFROM`, `fromv1`, `ASTIMESTAMP`: two words written without the space between
 * them, so the lexer reads one name. Each split into a keyword and a word is tried.
 */
function missingSpaceRepair(ctx: Context, failure: SyntaxFailure): Repair | null {
  let best: { reach: number; token: Token; at: number; left: string; right: string } | null = null;
  for (const candidate of [failure.offending, failure.previous]) {
    const text = candidate?.text ?? '';
    if (!candidate || candidate.type !== T.IDENTIFIER || text.length < 3 || !/^[A-Za-z][A-Za-z0-9_]*$/.test(text)) continue;
    const index = indexOfToken(ctx, candidate);
    if (index < 0) continue;
    for (let at = 1; at < text.length; at++) {
      // Once both pieces are longer than any keyword neither can be one: skip ahead, so that a huge name costs linear time, not quadratic.
      if (at > LONGEST_KEYWORD && text.length - at > LONGEST_KEYWORD) {
        at = text.length - LONGEST_KEYWORD - 1;
        continue;
      }
      const left = text.slice(0, at);
      const right = text.slice(at);
      const leftType = KEYWORDS.get(left.toUpperCase());
      const rightType = KEYWORDS.get(right.toUpperCase());
      if ((leftType === undefined && rightType === undefined) || !/^[A-Za-z_]/.test(right)) continue;
      const pieces = [
        tokenPiece(candidate, 0, at, leftType ?? T.IDENTIFIER),
        tokenPiece(candidate, at, text.length, rightType ?? T.IDENTIFIER),
      ];
      const reached = reach(ctx, [...ctx.tokens.slice(0, index), ...pieces, ...ctx.tokens.slice(index + 1)]);
      // A keyword glued to a name (`DESC` + `ription`) must repair the whole statement to count.
      const convincing = (leftType !== undefined && rightType !== undefined) || reached >= Number.MAX_SAFE_INTEGER - 1;
      if (convincing && reached > candidate.stop + 1 && (!best || reached > best.reach)) best = { reach: reached, token: candidate, at, left, right };
    }
  }
  if (!best) return null;
  const span = tokenSpan(ctx.source, best.token);
  const where = span.start + best.at;
  const words = `${best.left} ${best.right}`;
  return {
    reach: best.reach,
    diagnostic: diagnostic(Codes.missingSpace, `Missing space in \`${display(best.token)}\`: did you mean \`${words}\`?`, span, {
      hint: `without a space, \`${display(best.token)}\` reads as one name`,
      fixes: [{ title: `write \`${words}\``, applicability: 'safe', edits: [{ span: { start: where, end: where }, text: ' ' }] }],
    }),
  };
}

/** The part [from, to) of an ASCII token's text as a token of its own. */
function tokenPiece(token: Token, from: number, to: number, type: number): Token {
  const piece = CommonToken.fromToken(token);
  piece.type = type;
  piece.text = (token.text ?? '').slice(from, to);
  piece.start = token.start + from;
  piece.stop = token.start + to - 1;
  return piece;
}

/**
 * Stricter than the did-you-mean threshold for names: a word that parses as a name is only called
 * a misspelt keyword when it is very close (FORM, WERE, GRUOP, LIMT), not merely similar (pt_year).
 */
function isLikelyKeywordTypo(word: string, keyword: string): boolean {
  const distance = editDistance(word, keyword, 2);
  if (distance === 1) return true;
  return distance === 2 && word.length > 4 && word[0]!.toUpperCase() === keyword[0];
}

const STRING_TYPES: ReadonlySet<number> = new Set([T.STRING_LITERAL, T.NATIONAL_STRING, T.CHARSET_STRING, T.UNICODE_STRING]);

function missingCommaRepair(ctx: Context, failure: SyntaxFailure): Repair | null {
  const offending = failure.offending;
  if (!failure.previous || offending.type === T.EOF || offending.type === T.COMMA) return null;
  const offendingIndex = indexOfToken(ctx, offending);
  // Where the comma may be missing: before the failing token, or between two string literals on one
  // line, which SQL reads as one continued string ('a' 'b'), so the parser fails only later.
  const positions: number[] = [];
  // `SELECT a COUNT(x)`: the parser read COUNT as the alias of a and failed only at `(`. The comma
  // belongs before the call; `(x)` would also parse after a comma, as a parenthesized expression.
  const afterAlias = offendingIndex > 1 && failure.previous.type === T.IDENTIFIER;
  if (afterAlias && offending.type === T.LPAREN) positions.push(offendingIndex - 1);
  if (offendingIndex > 0) positions.push(offendingIndex);
  if (afterAlias && offending.type !== T.LPAREN) positions.push(offendingIndex - 1);
  // `ts TIMESTAMP(3) PRIMARY KEY (id)`: a table constraint read as the column's own constraint.
  for (let i = offendingIndex - 1; i > 0 && i >= offendingIndex - 4; i--) {
    if (TABLE_CONSTRAINT_STARTS.has(ctx.tokens[i]!.type) && ctx.tokens[i - 1]!.type !== T.COMMA) positions.push(i);
  }
  for (let i = offendingIndex - 1; i > 0; i--) {
    const token = ctx.tokens[i]!;
    const before = ctx.tokens[i - 1]!;
    if (!STRING_TYPES.has(token.type)) break;
    if (STRING_TYPES.has(before.type) && before.line === token.line) positions.push(i);
  }
  let best: { index: number; reach: number } | null = null;
  for (const index of positions) {
    const repaired = [...ctx.tokens.slice(0, index), syntheticToken(T.COMMA, ',', ctx.tokens[index]!), ...ctx.tokens.slice(index)];
    const reached = reach(ctx, repaired);
    if (reached > offending.stop + 1 && (!best || reached > best.reach)) best = { index, reach: reached };
  }
  if (!best) return null;
  const at = ctx.tokens[best.index]!;
  const previous = ctx.tokens[best.index - 1]!;
  const what = listPhrase(ctx, failure, best.index);
  const end = tokenSpan(ctx.source, previous).end;
  return {
    reach: best.reach,
    diagnostic: diagnostic(Codes.missingComma, `Missing comma ${what}, before \`${display(at)}\``, tokenSpan(ctx.source, at), {
      hint: `add \`,\` after \`${display(previous)}\``,
      fixes: [{ title: 'insert the missing comma', applicability: 'safe', edits: [{ span: { start: end, end }, text: ',' }] }],
    }),
  };
}

const TABLE_CONSTRAINT_STARTS: ReadonlySet<number> = new Set([T.PRIMARY, T.CONSTRAINT, T.WATERMARK]);

/** Comma-separated lists by the rule that holds them, innermost first when lists nest. */
const COMMA_LISTS: ReadonlyArray<readonly [new (...args: never[]) => ParserRuleContext, string]> = [
  [P.FunctionArgumentsContext, 'between function arguments'],
  [P.ColumnListContext, 'between column names'],
  [P.PartitionSpecContext, 'between partition values'],
  [P.WithOptionsContext, 'between options'],
  [P.PropertyListContext, 'between options'],
  [P.TableSchemaAndOptionsContext, 'between column definitions'],
  [P.MaterializedTableDefinitionContext, 'between column definitions'],
];

/** Names the list a missing comma at token `index` belongs to, e.g. "between function arguments". */
function listPhrase(ctx: Context, failure: SyntaxFailure, index: number): string {
  // GROUP BY and ORDER BY end their query block, so the parser fails after having left them.
  for (const node of completedContexts(failure)) {
    if (node instanceof P.GroupByClauseContext) return 'between GROUP BY items';
    if (node instanceof P.OrderByClauseContext) return 'between ORDER BY items';
  }
  for (const node of enclosingContexts(failure)) {
    for (const [cls, phrase] of COMMA_LISTS) if (node instanceof cls) return phrase;
    if (node instanceof P.SelectQueryContext) {
      // A failed prediction is reported in the rule that started it, so a call's arguments may not be
      // on the rule stack yet: `TUMBLE(TABLE t DESCRIPTOR(ts), ...)` fails in the FROM clause.
      return insideCall(ctx.tokens, index) ? 'between function arguments' : 'between select items';
    }
  }
  const inTable = isInside(failure, P.TableSchemaAndOptionsContext) || isInside(failure, P.MaterializedTableDefinitionContext);
  const inOptions = isInside(failure, P.WithOptionsContext) || isInside(failure, P.PropertyListContext);
  return inOptions ? 'between options' : inTable ? 'between column definitions' : isInside(failure, P.SelectQueryContext) ? 'between select items' : 'between list items';
}

/** Whether token `index` lies inside the parentheses of a call, `name(...)`. */
function insideCall(tokens: readonly Token[], index: number): boolean {
  const open: number[] = [];
  for (let i = 0; i < index; i++) {
    const type = tokens[i]!.type;
    if (type === T.LPAREN) open.push(i);
    else if (type === T.RPAREN) open.pop();
  }
  const innermost = open[open.length - 1];
  return innermost !== undefined && innermost > 0 && tokens[innermost - 1]!.type === T.IDENTIFIER;
}

/** `SELECT a, b, FROM t` or `WITH ('k' = 'v',)`: a comma with nothing after it. */
function extraCommaRepair(ctx: Context, failure: SyntaxFailure): Repair | null {
  const previous = failure.previous;
  if (!previous || previous.type !== T.COMMA) return null;
  const index = indexOfToken(ctx, previous);
  if (index < 0) return null;
  const reached = reach(ctx, [...ctx.tokens.slice(0, index), ...ctx.tokens.slice(index + 1)]);
  if (reached <= failure.offending.start) return null;
  const span = tokenSpan(ctx.source, previous);
  const next = failure.offending.type === T.EOF ? 'the end of the statement' : `\`${display(failure.offending)}\``;
  return {
    reach: reached,
    diagnostic: diagnostic(Codes.extraComma, `Extra comma before ${next}: no item follows it`, span, {
      hint: 'remove the comma, or add the missing item after it',
      fixes: [{ title: 'remove the comma', applicability: 'safe', edits: [{ span, text: '' }] }],
    }),
  };
}

/** Keywords whose absence is a common slip: tried as insertions wherever a statement breaks. */
const COMMON_KEYWORDS: readonly number[] = [
  T.FROM, T.WHERE, T.BY, T.ON, T.AS, T.THEN, T.END, T.SELECT, T.LIMIT, T.FOR, T.INTO, T.WHEN, T.TABLE, T.VALUES, T.SET,
  T.WITH,
];

/** Insertions that make almost anything parse, so they prove nothing about what was meant. */
const UNINFORMATIVE_KEYWORDS: ReadonlySet<number> = new Set([T.AND, T.OR, T.NOT, T.IS, T.IN, T.LIKE, T.ESCAPE]);

/**
 * Keywords tried first when several would make the statement parse. Each fits narrowly (LIMIT takes
 * only a number, WITH only an option list), so when it fits it is the likely one: `FROM t 10` lacks
 * LIMIT rather than WHERE, and `CREATE TABLE t (...) ('k' = 'v')` lacks WITH rather than AS.
 */
const NARROW_KEYWORDS: readonly number[] = [T.LIMIT, T.WITH];

function tiePreference(type: number): number {
  const index = NARROW_KEYWORDS.indexOf(type);
  return index < 0 ? NARROW_KEYWORDS.length : index;
}

/** Keywords that can only be followed by one keyword: inserting it is certainly right. */
const FIXED_PAIRS: ReadonlyMap<string, string> = new Map([
  ['GROUP', 'BY'], ['ORDER', 'BY'], ['PARTITION', 'BY'], ['PARTITIONED', 'BY'], ['DISTRIBUTED', 'BY'],
  ['INSERT', 'INTO'], ['WATERMARK', 'FOR'], ['PRIMARY', 'KEY'],
]);

/** A keyword the statement needs and lacks, such as FOR in `WATERMARK ts AS ...` or BY in `GROUP a`. */
function missingKeywordRepair(ctx: Context, failure: SyntaxFailure): Repair | null {
  const offending = failure.offending;
  const previous = failure.previous;
  if (!previous) return null;
  const index = offending.type === T.EOF ? ctx.tokens.length : indexOfToken(ctx, offending);
  if (index <= 0) return null;
  // The parser's expected set describes only the rule it failed in; when a clause ended early the
  // missing keyword belongs to an enclosing rule, so common clause keywords are tried too.
  const types = new Set([...failure.expected, ...COMMON_KEYWORDS]);
  const keywords = [...types]
    .map((type) => ({ type, word: literalNameOf(type) }))
    .filter((k): k is { type: number; word: string } => !!k.word && KEYWORDS.has(k.word) && !UNINFORMATIVE_KEYWORDS.has(k.type));
  // Each candidate costs one probe parse; past this many the guess would be noise anyway.
  if (keywords.length === 0 || keywords.length > 40) return null;
  keywords.sort((a, b) => tiePreference(a.type) - tiePreference(b.type));
  let best: { keyword: string; reach: number } | null = null;
  for (const { type, word } of keywords) {
    const repaired = [...ctx.tokens.slice(0, index), syntheticToken(type, word, previous), ...ctx.tokens.slice(index)];
    const reached = reach(ctx, repaired);
    if (reached > (offending.type === T.EOF ? Number.MAX_SAFE_INTEGER - 2 : offending.stop + 1) && (!best || reached > best.reach)) {
      best = { keyword: word, reach: reached };
      if (reached === Number.MAX_SAFE_INTEGER) break;
    }
  }
  if (!best) return null;
  const at = tokenSpan(ctx.source, previous).end;
  const nextChar = ctx.source.text.charAt(at);
  const text = ` ${best.keyword}${nextChar === '' || /\s/.test(nextChar) ? '' : ' '}`;
  // Only a keyword that always follows the previous one (GROUP BY, INSERT INTO) is certainly what was
  // meant; any other insertion merely makes the statement parse.
  // WITH before a parenthesised option list ('k' = 'v') is the other certain case.
  const optionList = best.keyword === 'WITH' && display(offending) === '(' && ctx.tokens[index + 1]?.type === T.STRING_LITERAL;
  const safe = FIXED_PAIRS.get(display(previous).toUpperCase()) === best.keyword || optionList;
  return {
    reach: best.reach,
    diagnostic: diagnostic(Codes.missingKeyword, `Missing ${best.keyword} after \`${display(previous)}\``, offending.type === T.EOF ? lastCharacter(ctx) : tokenSpan(ctx.source, offending), {
      hint: `write ${display(previous)} ${best.keyword}${offending.type === T.EOF ? '' : ` ${display(offending)}`}`,
      fixes: [{ title: `insert ${best.keyword}`, applicability: safe ? 'safe' : 'unsafe', edits: [{ span: { start: at, end: at }, text }] }],
    }),
  };
}

/** Operators that a statement cannot end with: a value must follow. */
const OPERAND_AFTER: ReadonlySet<number> = new Set([
  T.EQ, T.NEQ, T.NEQ_BANG, T.LE, T.GE, T.LT, T.GT, T.PLUS, T.MINUS_SIGN, T.STAR, T.SLASH, T.PERCENT, T.CONCAT,
  T.AND, T.OR, T.NOT, T.LIKE,
]);

function genericError(ctx: Context, failure: SyntaxFailure): Diagnostic {
  const offending = failure.offending;
  const expected = describeExpected(failure.expected);
  if (offending.type === T.EOF) {
    const last = ctx.tokens[ctx.tokens.length - 1];
    // After an operator the parser's expected set is that of the enclosing rule; what is missing is its operand.
    const operand = last !== undefined && OPERAND_AFTER.has(last.type);
    return diagnostic(Codes.unexpectedEnd, `The statement ends too early${last ? ` after \`${display(last)}\`` : ''}`, lastCharacter(ctx), {
      hint: operand ? `\`${display(last)}\` needs ${[T.AND, T.OR, T.NOT].includes(last.type) ? 'a condition' : 'a value'} after it` : expected ? `expected ${expected}` : undefined,
    });
  }
  const span = tokenSpan(ctx.source, offending);
  if (indexOfToken(ctx, offending) === 0) {
    return diagnostic(Codes.unexpectedToken, `A statement cannot start with \`${display(offending)}\``, span, {
      hint: 'a statement starts with a keyword such as SELECT, INSERT, CREATE, ALTER, DROP, SET, SHOW or EXPLAIN',
    });
  }
  const where = contextPhrase(failure, failure.previous);
  const keyword = literalNameOf(offending.type);
  const what = keyword && /^[A-Z_]+$/.test(keyword) ? `keyword \`${display(offending)}\`` : `\`${display(offending)}\``;
  return diagnostic(Codes.unexpectedToken, `Unexpected ${what} ${where}`, span, {
    hint: expected ? `expected ${expected}` : undefined,
  });
}
