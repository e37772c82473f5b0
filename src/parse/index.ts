import { CommonToken, type ParserRuleContext, type Token } from 'antlr4ng';
import { AstBuilder } from '../ast/build.js';
import type { DataType, Expression, Statement } from '../ast/nodes.js';
import { statementKindLabel } from '../ast/statement-kind.js';
import { Codes } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { SourceText } from '../source/source-text.js';
import type { Span } from '../source/span.js';
import type { ParsedStatement, ParseOptions, ScriptParseResult } from './api.js';
import { checkStatement } from './checks.js';
import type { FlinkSqlParser } from './generated/FlinkSqlParser.js';
import { explainEarlyEnd } from './early-end.js';
import { splitStatements } from './split.js';
import { clearParserCache, parserCacheStates, parseTokens, type SyntaxFailure } from './statement-parser.js';
import { type EntryRule, explainSyntaxFailure, type ProbeBudget, scriptProbeBudget } from './syntax-errors.js';
import { clearLexerCache, COMMENT_CHANNEL, lexerCacheStates, lexScript, literalNameOf, T } from './tokens.js';

export type { ParsedStatement, ParseOptions, ScriptParseResult } from './api.js';

/**
 * How deeply parentheses, brackets and CASE expressions may nest in one statement. Real queries
 * stay far below it; beyond it the statement gets a diagnostic instead of risking the stack.
 */
export const DEFAULT_MAX_NESTING_DEPTH = 200;

/**
 * Hard limits that keep the work for one input bounded (every stage is about linear in the text,
 * so these bound time and memory too): 1 Mi characters take about a second on one core. Real
 * scripts are far below them; the guardrail rules have stricter, configurable limits.
 */
export const DEFAULT_MAX_SCRIPT_CHARS = 1_048_576;
export const DEFAULT_MAX_STATEMENTS = 10_000;

/**
 * ANTLR caches its predictions (DFA states) per thread for as long as the thread lives, and each
 * new shape of input adds states: real scripts settle at about 2,500 (the whole Flink corpus),
 * while generated or hostile inputs keep adding states of about 10 kB each, without end. Past this
 * many the caches are emptied; they refill from the next inputs (briefly slower, same results).
 */
export const MAX_PREDICTION_CACHE_STATES = 6_000;
let maxPredictionCacheStates = MAX_PREDICTION_CACHE_STATES;
/** Counting the states walks every decision; every this many scripts is often enough. */
const PREDICTION_CACHE_CHECK_INTERVAL = 64;
let scriptsSinceCacheCheck = 0;
let predictionCacheResets = 0;

function boundPredictionCaches(): void {
  if (++scriptsSinceCacheCheck < PREDICTION_CACHE_CHECK_INTERVAL) return;
  scriptsSinceCacheCheck = 0;
  if (parserCacheStates() + lexerCacheStates() <= maxPredictionCacheStates) return;
  clearParserCache();
  clearLexerCache();
  predictionCacheResets++;
}

/** Sets the cap for this thread (tests use a small one; production keeps the default). */
export function setPredictionCacheLimit(maxStates: number = MAX_PREDICTION_CACHE_STATES): void {
  maxPredictionCacheStates = maxStates;
  scriptsSinceCacheCheck = 0;
}

/** The size of this thread's prediction caches and how often they were emptied (metrics, tests). */
export function predictionCacheStats(): { readonly states: number; readonly resets: number } {
  return { states: parserCacheStates() + lexerCacheStates(), resets: predictionCacheResets };
}

/** Parses a script of `;`-separated statements. Never throws on any input text. */
export function parseScript(text: string, options: ParseOptions = {}): ScriptParseResult {
  boundPredictionCaches();
  const source = new SourceText(text);
  const maxChars = options.maxScriptChars ?? DEFAULT_MAX_SCRIPT_CHARS;
  if (text.length > maxChars) return { source, statements: [], diagnostics: [scriptTooLarge(source, maxChars)] };
  const allTokens = lexScript(text);
  const maxStatements = options.maxStatements ?? DEFAULT_MAX_STATEMENTS;
  const allPieces = splitStatements(allTokens);
  const pieces = allPieces.length > maxStatements ? allPieces.slice(0, maxStatements) : allPieces;
  const diagnostics: Diagnostic[] = [];
  if (pieces.length < allPieces.length) diagnostics.push(tooManyStatements(source, allPieces, maxStatements));
  const statements: ParsedStatement[] = [];
  const builder = new AstBuilder(source);
  const maxDepth = options.maxNestingDepth ?? DEFAULT_MAX_NESTING_DEPTH;
  const budget = scriptBudget();

  if (pieces.length === 0) diagnostics.push(emptyScript(source, allTokens));

  /** `SET 'table.sql-dialect' = 'hive'` switches the parser for the statements that follow. */
  let dialect = 'default';
  pieces.forEach(({ tokens }, index) => {
    const span = spanOfTokens(source, tokens);
    if (dialect !== 'default' && !isDialectSwitch(tokens)) {
      statements.push({ index, kind: guessKind(tokens), span, ast: null });
      return;
    }
    const result = parseOne(source, tokens, builder, maxDepth, budget, statementEntry, (tree, b) =>
      b.statement((tree as ReturnType<FlinkSqlParser['singleStatement']>).statement()));
    const earlyEnd = result.node === null && mayContinue(statements[index - 1]) && budget.detailedErrors > 0 && isSyntaxError(result.diagnostics[0])
      ? explainEarlyEnd(source, pieces[index - 1]!, tokens, result.diagnostics[0]!.span.start, statementEntry, budget.probes)
      : null;
    diagnostics.push(...(earlyEnd ? [earlyEnd] : result.diagnostics));
    const ast = result.node as Statement | null;
    if (ast) {
      try {
        diagnostics.push(...checkStatement(ast, source));
      } catch (error) {
        diagnostics.push(internalError(span, error));
      }
    }
    statements.push({ index, kind: ast ? statementKindLabel(ast) : guessKind(tokens), span, ast });
    const switched = ast?.kind === 'Set' && ast.key?.key.toLowerCase() === 'table.sql-dialect' ? (ast.value ?? '').toLowerCase() : null;
    if (switched !== null && switched !== dialect) {
      dialect = switched;
      if (dialect !== 'default' && index < pieces.length - 1) {
        diagnostics.push({
          code: Codes.otherDialect.code, severity: Codes.otherDialect.severity, category: 'syntax', span,
          message: `The statements after this one use the ${switched} dialect, which flinkcheck does not check`,
          hint: "flinkcheck checks Flink's default SQL dialect; SET 'table.sql-dialect' = 'default' to check again",
        });
      }
    }
  });

  diagnostics.sort((a, b) => a.span.start - b.span.start);
  return { source, statements, diagnostics };
}

export interface ExpressionParseResult {
  readonly source: SourceText;
  readonly expression: Expression | null;
  readonly diagnostics: readonly Diagnostic[];
}

/** Parses a single expression, e.g. a computed column or the expressions of a catalog document. */
export function parseExpression(text: string, options: ParseOptions = {}): ExpressionParseResult {
  const source = new SourceText(text);
  const tokens = lexScript(text).filter((t) => t.channel === 0);
  if (tokens.length === 0) return { source, expression: null, diagnostics: [emptyExpression()] };
  const result = parseOne(source, tokens, new AstBuilder(source), options.maxNestingDepth ?? DEFAULT_MAX_NESTING_DEPTH, scriptBudget(),
    (p) => p.standaloneExpression(), (tree, b) => b.expression((tree as ReturnType<FlinkSqlParser['standaloneExpression']>).expression()));
  return { source, expression: result.node as Expression | null, diagnostics: result.diagnostics };
}

export interface DataTypeParseResult {
  readonly source: SourceText;
  readonly type: DataType | null;
  readonly diagnostics: readonly Diagnostic[];
}

/** Parses a Flink type string such as `DECIMAL(10, 2) NOT NULL` or `ROW<a INT, b STRING>`. */
export function parseDataType(text: string): DataTypeParseResult {
  const source = new SourceText(text);
  const tokens = lexScript(text).filter((t) => t.channel === 0);
  if (tokens.length === 0) return { source, type: null, diagnostics: [emptyExpression()] };
  const result = parseOne(source, tokens, new AstBuilder(source), DEFAULT_MAX_NESTING_DEPTH, scriptBudget(),
    (p) => p.standaloneType(), (tree, b) => b.dataType((tree as ReturnType<FlinkSqlParser['standaloneType']>).dataType()));
  return { source, type: result.node as DataType | null, diagnostics: result.diagnostics };
}

// ---------------------------------------------------------------------------------- internals

const statementEntry: EntryRule = (p) => p.singleStatement();

/**
 * Whether the statement before a broken one may be the real start of it. It must parse on its own;
 * SET and RESET take free text up to the `;`, so anything after them would seem to continue them.
 */
function mayContinue(previous: ParsedStatement | undefined): boolean {
  return previous?.ast != null && previous.ast.kind !== 'Set' && previous.ast.kind !== 'Reset';
}

/** A parse failure of the statement itself, as opposed to lexical, nesting or internal errors. */
function isSyntaxError(d: Diagnostic | undefined): boolean {
  return d !== undefined && d.category === 'syntax' && d.severity === 'error'
    && d.code !== Codes.nestingTooDeep.code && d.code !== Codes.invalidCharacter.code
    && d.code !== Codes.unterminatedString.code && d.code !== Codes.unterminatedComment.code
    && d.code !== Codes.unterminatedIdentifier.code && d.code !== Codes.invalidSyntax.code;
}

interface OneResult {
  readonly node: unknown;
  readonly diagnostics: Diagnostic[];
}

/**
 * What explaining syntax errors may cost one script. Explaining an error re-parses the statement
 * several times; a script of thousands of broken statements must not turn that into minutes.
 */
interface ScriptBudget {
  /** Statements whose syntax error is still located and explained in detail. */
  detailedErrors: number;
  readonly probes: ProbeBudget;
}

export const DETAILED_ERRORS_PER_SCRIPT = 500;

function scriptBudget(): ScriptBudget {
  return { detailedErrors: DETAILED_ERRORS_PER_SCRIPT, probes: scriptProbeBudget() };
}

function scriptTooLarge(source: SourceText, maxChars: number): Diagnostic {
  const firstLine = source.text.indexOf('\n');
  const info = Codes.inputTooLarge;
  return {
    code: info.code, severity: 'error', category: info.category,
    span: { start: 0, end: Math.min(firstLine < 0 ? source.text.length : firstLine, 200) },
    message: `This script is ${source.text.length.toLocaleString('en-US')} characters long; flinkcheck checks scripts of up to ${maxChars.toLocaleString('en-US')} characters, so nothing in it was checked`,
    hint: 'split it into several scripts (one pipeline per script is the usual shape)',
  };
}

function tooManyStatements(source: SourceText, pieces: readonly { tokens: Token[] }[], maxStatements: number): Diagnostic {
  const firstSkipped = spanOfTokens(source, pieces[maxStatements]!.tokens);
  const info = Codes.tooManyStatements;
  return {
    code: info.code, severity: 'error', category: info.category,
    span: { start: firstSkipped.start, end: spanOfTokens(source, pieces[pieces.length - 1]!.tokens).end },
    message: `This script has ${pieces.length.toLocaleString('en-US')} statements; flinkcheck checked the first ${maxStatements.toLocaleString('en-US')} and skipped the ${(pieces.length - maxStatements).toLocaleString('en-US')} from here on`,
    hint: 'split it into several scripts',
  };
}

function parseOne(
  source: SourceText,
  tokens: Token[],
  builder: AstBuilder,
  maxDepth: number,
  budget: ScriptBudget,
  entry: EntryRule,
  build: (tree: ParserRuleContext, builder: AstBuilder) => unknown,
): OneResult {
  const lexical = lexicalError(source, tokens);
  if (lexical) return { node: null, diagnostics: [lexical] };
  const tooDeep = nestingError(source, tokens, maxDepth);
  if (tooDeep) return { node: null, diagnostics: [tooDeep] };
  try {
    const parsed = parseTokens(tokens, entry, { locateErrors: budget.detailedErrors > 0 });
    if (!parsed.ok) {
      if (parsed.failure === null) return { node: null, diagnostics: [unexplainedError(source, tokens)] };
      budget.detailedErrors--;
      const { diagnostics, repairedTree } = syntaxErrors(parsed.failure, source, tokens, entry, budget.probes);
      if (repairedTree) {
        // Quoting the reserved words made the statement parse: what else the builder finds in it
        // (reserved words the lexer read as names, unsupported types, ...) is reported too.
        build(repairedTree, builder);
        diagnostics.push(...builder.diagnostics.splice(0).filter((d) => d.code !== Codes.reservedWord.code || !diagnostics.some((r) => r.span.start === d.span.start)));
        builder.rejected = false;
      }
      return { node: null, diagnostics };
    }
    const node = build(parsed.tree, builder);
    const rejected = builder.rejected;
    builder.rejected = false;
    return { node: rejected ? null : node, diagnostics: builder.diagnostics.splice(0) };
  } catch (error) {
    builder.diagnostics.splice(0);
    builder.rejected = false;
    if (error instanceof RangeError) return { node: null, diagnostics: [tooComplex(source, tokens)] };
    return { node: null, diagnostics: [internalError(spanOfTokens(source, tokens), error)] };
  }
}

/** How many reserved words used as names one statement reports. */
const MAX_RESERVED_WORD_REPORTS = 20;
/** Tokens the re-parses after quoting a reserved word may cover together (a guard for huge statements). */
const REPARSE_TOKEN_BUDGET = 100_000;

/**
 * The statement's first syntax error. When it is a reserved word used as a name (typical of a
 * schema copied from elsewhere: `timestamp`, `value`, `comment`), the word is quoted and the
 * statement parsed again, so that every such word is reported at once rather than one per run.
 */
function syntaxErrors(
  failure: SyntaxFailure,
  source: SourceText,
  tokens: Token[],
  entry: EntryRule,
  probes: ProbeBudget,
): { diagnostics: Diagnostic[]; repairedTree: ParserRuleContext | null } {
  const found: Diagnostic[] = [];
  let current = tokens;
  let next: SyntaxFailure | null = failure;
  let budget = REPARSE_TOKEN_BUDGET;
  while (next !== null) {
    const diagnostic = explainSyntaxFailure(next, source, current, entry, probes);
    found.push(diagnostic);
    budget -= current.length;
    if (diagnostic.code !== Codes.reservedWord.code || found.length >= MAX_RESERVED_WORD_REPORTS || budget < current.length) break;
    current = current.map((t) => (source.fromCodePoint(t.start) === diagnostic.span.start ? asQuotedName(t) : t));
    const again = parseTokens(current, entry);
    if (again.ok) return { diagnostics: found, repairedTree: again.tree };
    if (again.failure === null) break;
    next = again.failure;
    if (explainsSameToken(next, diagnostic, source)) break;
  }
  return { diagnostics: found, repairedTree: null };
}

function asQuotedName(token: Token): Token {
  const copy = CommonToken.fromToken(token);
  copy.type = T.QUOTED_IDENTIFIER;
  return copy;
}

function explainsSameToken(failure: SyntaxFailure, previous: Diagnostic, source: SourceText): boolean {
  return source.fromCodePoint(failure.offending.start) <= previous.span.start;
}

function unexplainedError(source: SourceText, tokens: readonly Token[]): Diagnostic {
  const span = spanOfTokens(source, tokens);
  return {
    code: Codes.invalidSyntax.code, severity: 'error', category: 'syntax', span: { start: span.start, end: Math.min(span.end, span.start + 1) },
    message: `This statement has a syntax error; it is not analysed in detail because the script already has ${DETAILED_ERRORS_PER_SCRIPT} broken statements`,
    hint: 'fix the errors reported earlier in the script first',
  };
}

/** A bug in flinkcheck must cost one statement its checks, never the whole script or the process. */
function internalError(span: Span, error: unknown): Diagnostic {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    code: Codes.internalError.code, severity: 'error', category: 'internal', span,
    message: `flinkcheck could not check this statement because of an internal error (${detail})`,
    hint: 'this is a bug in flinkcheck, not in your SQL; please report it with the statement',
  };
}

function spanOfTokens(source: SourceText, tokens: readonly Token[]): Span {
  const first = tokens[0]!;
  const last = tokens[tokens.length - 1]!;
  return { start: source.fromCodePoint(first.start), end: source.fromCodePoint(last.stop + 1) };
}

function tokenSpan(source: SourceText, token: Token): Span {
  return { start: source.fromCodePoint(token.start), end: source.fromCodePoint(token.stop + 1) };
}

function lexicalError(source: SourceText, tokens: readonly Token[]): Diagnostic | null {
  for (const token of tokens) {
    const span = tokenSpan(source, token);
    const start = source.position(span.start);
    switch (token.type) {
      case T.UNTERMINATED_STRING:
        return {
          code: Codes.unterminatedString.code, severity: 'error', category: 'syntax', span: { start: span.start, end: span.start + 1 },
          message: `The string starting at line ${start.line}, column ${start.column} is never closed`,
          hint: "add the closing `'`; to put a quote inside a string, write it twice: 'it''s'",
        };
      case T.UNTERMINATED_QUOTED_IDENTIFIER:
        return {
          code: Codes.unterminatedIdentifier.code, severity: 'error', category: 'syntax', span: { start: span.start, end: span.start + 1 },
          message: `The quoted name starting at line ${start.line}, column ${start.column} is never closed`,
          hint: 'add the closing backtick; to put a backtick inside a name, write it twice',
        };
      case T.UNTERMINATED_COMMENT:
        return {
          code: Codes.unterminatedComment.code, severity: 'error', category: 'syntax', span: { start: span.start, end: span.start + 2 },
          message: `The comment starting at line ${start.line}, column ${start.column} is never closed`,
          hint: 'close the comment with `*/`',
        };
      case T.ERROR_CHARACTER: {
        const ch = token.text ?? '';
        if (ch === '&' && source.text[span.end] === '&') {
          const both = { start: span.start, end: span.end + 1 };
          return {
            code: Codes.invalidCharacter.code, severity: 'error', category: 'syntax', span: both,
            message: '`&&` is not an operator in SQL: write AND',
            hint: 'SQL joins conditions with AND and OR',
            fixes: [{ title: 'replace `&&` with AND', applicability: 'safe', edits: [{ span: both, text: 'AND' }] }],
          };
        }
        const printable = /[\p{L}\p{N}\p{P}\p{S}]/u.test(ch) ? `\`${ch}\`` : `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
        return {
          code: Codes.invalidCharacter.code, severity: 'error', category: 'syntax', span,
          message: `The character ${printable} cannot appear here in Flink SQL`,
          hint: ch === '"' ? "use backticks for names and single quotes for strings" : 'remove it, or put it inside a string literal',
        };
      }
      default:
        break;
    }
  }
  return null;
}

/**
 * A chain of joins is a tree as deep as the chain is long, and every pass over it (analysis, rules,
 * printing) pays for that depth: past this many joins a statement is refused like deep nesting.
 * Real pipelines join a handful of tables; thousands come only from generated or hostile input.
 */
export const MAX_JOINS_PER_STATEMENT = 1_000;
/** The same for chains of UNION, INTERSECT and EXCEPT, which nest the same way. */
export const MAX_SET_OPERATIONS_PER_STATEMENT = 1_000;

/**
 * Operators nest too: `a + b + c` is a tree as deep as the chain is long, and so are `- - - a`,
 * `NOT NOT a`, `a.b.c`, `a[1][2]` and `x IS NULL IS NULL`. The tokens cannot tell the exact depth
 * without precedence, so this counts an upper bound of it: the operators on the way from the
 * statement to the innermost bracket, where a comma or a clause keyword starts a new sibling at its
 * level (a join chain is capped by its own limit).
 * Real expressions stay far below the limit (an OR of 500 comparisons counts 1,000).
 */
export const MAX_OPERATOR_DEPTH = 2_000;
const CHAINING_TOKENS: ReadonlySet<number> = new Set([
  T.PLUS, T.MINUS_SIGN, T.STAR, T.SLASH, T.PERCENT, T.CONCAT, T.AND, T.OR, T.NOT,
  T.EQ, T.NEQ, T.NEQ_BANG, T.LT, T.LE, T.GT, T.GE, T.IS, T.LIKE, T.ILIKE, T.SIMILAR, T.BETWEEN, T.IN,
  T.MEMBER, T.SUBMULTISET, T.DOT, T.LBRACKET,
]);
/** Keywords after which the next expression is not inside the one before. */
const SIBLING_STARTS: ReadonlySet<number> = new Set([
  T.SELECT, T.FROM, T.WHERE, T.GROUP, T.HAVING, T.ORDER, T.JOIN, T.ON, T.USING, T.WHEN, T.THEN, T.ELSE,
  T.UNION, T.INTERSECT, T.EXCEPT, T.MINUS, T.WINDOW, T.LIMIT, T.VALUES,
]);

function nestingError(source: SourceText, tokens: readonly Token[], maxDepth: number): Diagnostic | null {
  let depth = 0;
  let caseDepth = 0;
  let joins = 0;
  let setOperations = 0;
  // Operators counted per bracket level (index = depth) and their sum along the current path.
  const operators: number[] = [0];
  let operatorPath = 0;
  for (const token of tokens) {
    const t = token.type;
    if (CHAINING_TOKENS.has(t)) {
      operators[depth] = (operators[depth] ?? 0) + 1;
      if (++operatorPath > MAX_OPERATOR_DEPTH) {
        return {
          code: Codes.nestingTooDeep.code, severity: 'error', category: 'syntax', span: tokenSpan(source, token),
          message: `This statement chains more than ${MAX_OPERATOR_DEPTH.toLocaleString('en-US')} operators in one expression`,
          hint: 'split the expression, for example with a WITH clause or a view, or use IN (...) instead of a long chain of OR; flinkcheck does not check longer chains',
        };
      }
    } else if (t === T.COMMA || SIBLING_STARTS.has(t)) {
      operatorPath -= operators[depth] ?? 0;
      operators[depth] = 0;
    }
    if ((t === T.UNION || t === T.INTERSECT || t === T.EXCEPT || t === T.MINUS) && ++setOperations > MAX_SET_OPERATIONS_PER_STATEMENT) {
      return {
        code: Codes.nestingTooDeep.code, severity: 'error', category: 'syntax', span: tokenSpan(source, token),
        message: `This statement has more than ${MAX_SET_OPERATIONS_PER_STATEMENT.toLocaleString('en-US')} UNION, INTERSECT or EXCEPT operations`,
        hint: 'combine the queries in steps through views or WITH clauses; flinkcheck does not check longer chains',
      };
    }
    if ((t === T.JOIN || t === T.APPLY) && ++joins > MAX_JOINS_PER_STATEMENT) {
      return {
        code: Codes.nestingTooDeep.code, severity: 'error', category: 'syntax', span: tokenSpan(source, token),
        message: `This statement has more than ${MAX_JOINS_PER_STATEMENT.toLocaleString('en-US')} joins`,
        hint: 'join in steps through views or WITH clauses; flinkcheck does not check longer join chains',
      };
    }
    if (t === T.LPAREN || t === T.LBRACKET || t === T.CASE) {
      depth++;
      if (t === T.CASE) caseDepth++;
      if (depth > maxDepth) {
        return {
          code: Codes.nestingTooDeep.code, severity: 'error', category: 'syntax', span: tokenSpan(source, token),
          message: `This statement nests parentheses, brackets or CASE expressions more than ${maxDepth} levels deep`,
          hint: 'flatten the expression, for example with a WITH clause or a view; flinkcheck does not check deeper nesting',
        };
      }
    } else if (t === T.RPAREN || t === T.RBRACKET || (t === T.END && caseDepth > 0)) {
      if (t === T.END) caseDepth--;
      if (depth > 0) {
        // The bracket's operators are off the path now.
        operatorPath -= operators[depth] ?? 0;
        operators[depth] = 0;
      }
      depth = Math.max(0, depth - 1);
    }
  }
  return null;
}

/** A SET of table.sql-dialect is parsed in every dialect, so that switching back is seen. */
function isDialectSwitch(tokens: readonly Token[]): boolean {
  return tokens[0]?.type === T.SET && tokens.some((t) => /table\.sql-dialect/i.test(t.text ?? ''));
}

function tooComplex(source: SourceText, tokens: readonly Token[]): Diagnostic {
  return {
    code: Codes.nestingTooDeep.code, severity: 'error', category: 'syntax', span: spanOfTokens(source, tokens),
    message: 'This statement is nested too deeply to check (long chains of NOT, unary minus or nested operators)',
    hint: 'split the expression into smaller parts, for example with a WITH clause',
  };
}

function emptyScript(source: SourceText, allTokens: readonly Token[]): Diagnostic {
  const onlyComments = allTokens.some((t) => t.channel === COMMENT_CHANNEL);
  const onlySemicolons = allTokens.some((t) => t.type === T.SEMICOLON);
  const what = onlyComments ? 'only comments' : onlySemicolons ? 'only semicolons' : source.length === 0 ? 'nothing' : 'only white space';
  return {
    code: Codes.emptyScript.code, severity: Codes.emptyScript.severity, category: 'syntax', span: { start: 0, end: 0 },
    message: `The script contains ${what}: there is no SQL statement to check`,
    hint: 'write at least one statement, e.g. SELECT 1',
  };
}

function emptyExpression(): Diagnostic {
  return {
    code: Codes.unexpectedEnd.code, severity: 'error', category: 'syntax', span: { start: 0, end: 0 },
    message: 'The text is empty', hint: 'write an expression or a type',
  };
}

const SKIPPED_MODIFIERS: ReadonlySet<number> = new Set([T.OR, T.REPLACE, T.TEMPORARY, T.SYSTEM, T.IF, T.NOT, T.EXISTS]);

/** A best-effort kind for a statement that did not parse, from its leading keywords. */
function guessKind(tokens: readonly Token[]): string {
  const first = tokens[0];
  if (!first) return 'UNKNOWN';
  const firstWord = literalNameOf(first.type);
  if (!firstWord || !/^[A-Z_]+$/.test(firstWord)) return first.type === T.LPAREN ? 'SELECT' : 'UNKNOWN';
  if (first.type === T.WITH || first.type === T.VALUES) return 'SELECT';
  if (first.type === T.CREATE || first.type === T.DROP || first.type === T.ALTER || first.type === T.SHOW) {
    const words = [firstWord];
    for (const token of tokens.slice(1)) {
      if (SKIPPED_MODIFIERS.has(token.type) && first.type !== T.SHOW) continue;
      const word = literalNameOf(token.type);
      if (!word || !/^[A-Z_]+$/.test(word)) break;
      words.push(word);
      if (word !== 'MATERIALIZED' && word !== 'CURRENT' && word !== 'USER') break;
    }
    return words.join(' ');
  }
  return firstWord;
}

/**
 * Statements covering the common shapes of every statement family. Parsing them once fills the
 * parser's prediction cache, so that the first real request does not pay for it (the cold first
 * pass over the corpus costs several times a warm one).
 */
export const WARM_UP_SCRIPT = `
CREATE TEMPORARY TABLE IF NOT EXISTS src (id BIGINT NOT NULL, name STRING, price DECIMAL(10, 2), tags ARRAY<STRING>,
  attrs MAP<STRING, INT>, nested ROW<a INT, b STRING>, ts TIMESTAMP(3), total AS price * 2,
  meta TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL, WATERMARK FOR ts AS ts - INTERVAL '5' SECOND,
  PRIMARY KEY (id) NOT ENFORCED) COMMENT 'c' PARTITIONED BY (name) WITH ('connector' = 'kafka', 'topic' = 't');
CREATE VIEW v AS SELECT DISTINCT a.id, b.name AS n, COUNT(*) AS c, SUM(a.price) FILTER (WHERE a.price > 0) FROM src AS a
  JOIN dim FOR SYSTEM_TIME AS OF a.ts AS b ON a.id = b.id LEFT JOIN LATERAL TABLE(f(a.name)) AS t(x) ON TRUE
  WHERE a.price BETWEEN 1 AND 10 AND a.name LIKE 'x%' OR a.id IN (1, 2, 3) AND a.ts IS NOT NULL
  GROUP BY a.id, b.name HAVING COUNT(*) > 1 ORDER BY c DESC LIMIT 10;
INSERT INTO sink /*+ OPTIONS('k' = 'v') */ SELECT window_start, window_end, id, COUNT(*), CAST(price AS INT),
  CASE WHEN price > 1 THEN 'a' ELSE 'b' END, ROW_NUMBER() OVER (PARTITION BY id ORDER BY ts) AS rn
  FROM TABLE(TUMBLE(TABLE src, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end, id;
WITH c AS (SELECT * FROM src) SELECT * FROM c UNION ALL SELECT * FROM (VALUES (1, 'a')) AS t(id, name);
SELECT * FROM src MATCH_RECOGNIZE (PARTITION BY id ORDER BY ts MEASURES A.price AS p ONE ROW PER MATCH
  AFTER MATCH SKIP PAST LAST ROW PATTERN (A B+) DEFINE B AS B.price > A.price) AS m;
EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT * FROM src; INSERT INTO b SELECT * FROM src; END;
ALTER TABLE src ADD (c INT FIRST, WATERMARK FOR ts AS ts);
SET 'table.exec.state.ttl' = '1 h'; RESET; SHOW TABLES; DESCRIBE src; EXPLAIN SELECT 1; USE CATALOG c; DROP TABLE IF EXISTS src;
CREATE FUNCTION f AS 'com.example.F' LANGUAGE JAVA;
`;

/** Fills the parser's prediction cache; call once at start-up (in every worker). */
export function warmUpParser(): void {
  parseScript(WARM_UP_SCRIPT);
  parseScript('SELECT a FORM t');
}
