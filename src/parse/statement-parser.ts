import {
  BailErrorStrategy,
  CommonToken,
  CommonTokenStream,
  DefaultErrorStrategy,
  IntervalSet,
  ListTokenSource,
  NoViableAltException,
  type Parser,
  ParseCancellationException,
  type ParserRuleContext,
  PredictionMode,
  type RecognitionException,
  Token,
} from 'antlr4ng';
import { FlinkSqlParser } from './generated/FlinkSqlParser.js';

/** What the parser knew at the first syntax error of a statement. */
export interface SyntaxFailure {
  /** The token at which the parser gave up. */
  readonly offending: Token;
  /** Token types that would have been accepted there. */
  readonly expected: readonly number[];
  /** Rule names from the outermost to the innermost at the point of failure. */
  readonly ruleStack: readonly string[];
  /** The token before the offending one, if any. */
  readonly previous: Token | null;
  /** The innermost rule context at the failure, with the children parsed so far. */
  readonly context: ParserRuleContext | null;
}

export type StatementParse<T extends ParserRuleContext> =
  | { readonly ok: true; readonly tree: T }
  /** `failure` is null when the caller asked not to locate the error (the LL stage was skipped). */
  | { readonly ok: false; readonly failure: SyntaxFailure | null };

class FirstErrorAbort extends Error {}

/**
 * Records the first syntax error and aborts: one precise diagnostic per statement beats ANTLR's
 * cascade of recovered errors. Used only in the second (LL) stage.
 */
class FirstErrorStrategy extends DefaultErrorStrategy {
  failure: SyntaxFailure | null = null;

  override reportError(recognizer: Parser, e: RecognitionException): void {
    const offending = e.offendingToken ?? recognizer.getCurrentToken();
    const expected = e instanceof NoViableAltException ? expectedAt(recognizer) : e.getExpectedTokens() ?? expectedAt(recognizer);
    this.capture(recognizer, offending, expected);
  }

  override reportUnwantedToken(recognizer: Parser): void {
    this.capture(recognizer, recognizer.getCurrentToken(), expectedAt(recognizer));
  }

  override reportMissingToken(recognizer: Parser): void {
    this.capture(recognizer, recognizer.getCurrentToken(), expectedAt(recognizer));
  }

  override recover(): void {
    throw new FirstErrorAbort();
  }

  override recoverInline(recognizer: Parser): Token {
    if (this.failure === null) this.capture(recognizer, recognizer.getCurrentToken(), expectedAt(recognizer));
    throw new FirstErrorAbort();
  }

  private capture(recognizer: Parser, offending: Token, expected: IntervalSet): void {
    if (this.failure === null) {
      const stream = recognizer.tokenStream;
      const index = offending.tokenIndex;
      const previous = index > 0 ? stream.get(index - 1) : null;
      this.failure = {
        offending,
        expected: expected.toArray(),
        ruleStack: recognizer.getRuleInvocationStack().reverse(),
        previous,
        context: recognizer.context,
      };
    }
    throw new FirstErrorAbort();
  }
}

function expectedAt(recognizer: Parser): IntervalSet {
  try {
    return recognizer.getExpectedTokens();
  } catch {
    return new IntervalSet();
  }
}

let sharedParser: FlinkSqlParser | null = null;
let emptyStream: CommonTokenStream | null = null;

/** DFA states the parser has cached so far, over all its decisions (the runtime shares them per grammar). */
export function parserCacheStates(): number {
  const parser = sharedParser ?? parserFor([]);
  let states = 0;
  for (const dfa of parser.interpreter.decisionToDFA) states += dfa.length;
  return states;
}

/**
 * Empties the parser's prediction cache: the DFA (shared by every parser of this grammar in the
 * thread) and the context cache (owned by the shared parser instance, so that is replaced too).
 */
export function clearParserCache(): void {
  (sharedParser ?? parserFor([])).interpreter.clearDFA();
  sharedParser = null;
}

/**
 * Points the shared parser at an empty stream, so that it holds neither the last statement's tokens
 * nor its parse tree (which can be large) once a parse is done.
 */
function releaseParser(): void {
  if (sharedParser === null) return;
  emptyStream ??= new CommonTokenStream(new ListTokenSource([CommonToken.fromType(Token.EOF, '<EOF>')]));
  sharedParser.tokenStream = emptyStream;
}

function parserFor(tokens: Token[]): FlinkSqlParser {
  const stream = new CommonTokenStream(new ListTokenSource(tokens));
  if (sharedParser === null) {
    sharedParser = new FlinkSqlParser(stream);
    sharedParser.removeErrorListeners();
  } else {
    sharedParser.tokenStream = stream;
  }
  return sharedParser;
}

/**
 * Parses one statement's tokens with the given entry rule in two stages: SLL prediction with a
 * bail-out strategy (fast, and exact for valid input on this grammar), then full LL with error
 * capture only when SLL fails.
 */
export function parseTokens<T extends ParserRuleContext>(
  tokens: readonly Token[],
  entry: (parser: FlinkSqlParser) => T,
  options: { locateErrors?: boolean } = {},
): StatementParse<T> {
  return withoutStackTraces(() => {
    try {
      return parseInTwoStages(tokens, entry, options.locateErrors ?? true);
    } finally {
      releaseParser();
    }
  });
}

/**
 * The runtime signals syntax errors with exceptions (RecognitionException, bail-outs) that are
 * pure control flow here. Capturing their stack traces dominated the cost of a broken statement
 * (about 140 µs each), so capture is switched off for the synchronous duration of a parse.
 */
function withoutStackTraces<T>(run: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return run();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function parseInTwoStages<T extends ParserRuleContext>(
  tokens: readonly Token[],
  entry: (parser: FlinkSqlParser) => T,
  locateErrors: boolean,
): StatementParse<T> {
  const withEof = [...tokens, eofAfter(tokens)];
  const parser = parserFor(withEof);
  parser.errorHandler = new BailErrorStrategy();
  parser.interpreter.predictionMode = PredictionMode.SLL;
  try {
    return { ok: true, tree: entry(parser) };
  } catch (error) {
    if (!(error instanceof ParseCancellationException)) throw error;
  }
  if (!locateErrors) return { ok: false, failure: null };

  const retry = parserFor(withEof);
  const strategy = new FirstErrorStrategy();
  retry.errorHandler = strategy;
  retry.interpreter.predictionMode = PredictionMode.LL;
  try {
    const tree = entry(retry);
    if (strategy.failure === null) return { ok: true, tree };
  } catch (error) {
    if (!(error instanceof FirstErrorAbort)) throw error;
  }
  return { ok: false, failure: strategy.failure ?? fallbackFailure(withEof) };
}

/** Records where an SLL parse gave up, without building error information. */
class ProbeStrategy extends DefaultErrorStrategy {
  offending: Token | null = null;

  override reportError(): void {}

  override recover(recognizer: Parser, e: RecognitionException): void {
    this.offending = e.offendingToken ?? recognizer.getCurrentToken();
    throw new FirstErrorAbort();
  }

  override recoverInline(recognizer: Parser): Token {
    this.offending = recognizer.getCurrentToken();
    throw new FirstErrorAbort();
  }

  override sync(): void {}
}

/**
 * How far an SLL parse of the tokens gets: the start offset (in code points) of the token where it
 * fails, or Number.MAX_SAFE_INTEGER when it succeeds (MAX - 1 when it fails only at the end).
 * Cheap enough to try several candidate repairs of a broken statement.
 */
export function probeTokens<T extends ParserRuleContext>(tokens: readonly Token[], entry: (parser: FlinkSqlParser) => T): number {
  return withoutStackTraces(() => probeOnce(tokens, entry));
}

function probeOnce<T extends ParserRuleContext>(tokens: readonly Token[], entry: (parser: FlinkSqlParser) => T): number {
  const parser = parserFor([...tokens, eofAfter(tokens)]);
  const strategy = new ProbeStrategy();
  parser.errorHandler = strategy;
  parser.interpreter.predictionMode = PredictionMode.SLL;
  try {
    entry(parser);
    return Number.MAX_SAFE_INTEGER;
  } catch (error) {
    if (!(error instanceof FirstErrorAbort)) throw error;
  } finally {
    releaseParser();
  }
  const offending = strategy.offending;
  if (!offending || offending.type === Token.EOF) return Number.MAX_SAFE_INTEGER - 1;
  return offending.start;
}

function eofAfter(tokens: readonly Token[]): Token {
  const last = tokens[tokens.length - 1];
  const eof = CommonToken.fromType(Token.EOF, '<EOF>');
  if (last) {
    eof.start = last.stop + 1;
    eof.stop = last.stop;
    eof.line = last.line;
    eof.column = last.column + (last.stop - last.start + 1);
  }
  eof.tokenIndex = tokens.length;
  return eof;
}

function fallbackFailure(tokens: Token[]): SyntaxFailure {
  return { offending: tokens[tokens.length - 1]!, expected: [], ruleStack: [], previous: tokens[tokens.length - 2] ?? null, context: null };
}
