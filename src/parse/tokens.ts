import type { Token } from 'antlr4ng';
import { charStreamFor } from './char-stream.js';
import { FlinkSqlLexer } from './generated/FlinkSqlLexer.js';

export { FlinkSqlLexer };

/** Token types the driver and the error translator need by name. */
export const T = FlinkSqlLexer;

/** Index of the `COMMENTS` channel declared in FlinkSqlLexer.g4 (antlr-ng emits no constant for it). */
export const COMMENT_CHANNEL = FlinkSqlLexer.channelNames.indexOf("COMMENTS");

let sharedLexer: FlinkSqlLexer | null = null;

/** DFA states the lexer has cached so far. */
export function lexerCacheStates(): number {
  let states = 0;
  for (const dfa of lexerFor('').interpreter.decisionToDFA) states += dfa.length;
  return states;
}

/** Empties the lexer's prediction cache (shared by every lexer of this grammar in the thread). */
export function clearLexerCache(): void {
  lexerFor('').interpreter.clearDFA();
  sharedLexer = null;
}

function lexerFor(text: string): FlinkSqlLexer {
  const input = charStreamFor(text);
  let lexer = sharedLexer;
  if (lexer === null) {
    lexer = new FlinkSqlLexer(input);
    lexer.removeErrorListeners();
    sharedLexer = lexer;
  } else {
    lexer.inputStream = input;
    lexer.reset();
  }
  return lexer;
}

/**
 * Lexes a whole script once. Returns every token (all channels, no EOF); the lexer is reused
 * across calls because constructing one is costly and lexing is stateless between scripts.
 */
export function lexScript(text: string): Token[] {
  const lexer = lexerFor(text);
  const tokens: Token[] = [];
  for (;;) {
    const token = lexer.nextToken();
    if (token.type === FlinkSqlLexer.EOF) break;
    tokens.push(token);
  }
  return tokens;
}

/**
 * Spellings of punctuation tokens. The generated vocabulary loses them because the hint mode maps
 * its own rules onto the same token types.
 */
const PUNCTUATION: ReadonlyMap<number, string> = new Map([
  [FlinkSqlLexer.LPAREN, '('], [FlinkSqlLexer.RPAREN, ')'], [FlinkSqlLexer.LBRACKET, '['], [FlinkSqlLexer.RBRACKET, ']'],
  [FlinkSqlLexer.LBRACE, '{'], [FlinkSqlLexer.RBRACE, '}'], [FlinkSqlLexer.LBRACE_MINUS, '{-'], [FlinkSqlLexer.RBRACE_MINUS, '-}'],
  [FlinkSqlLexer.COMMA, ','], [FlinkSqlLexer.SEMICOLON, ';'], [FlinkSqlLexer.DOT, '.'], [FlinkSqlLexer.COLON, ':'],
  [FlinkSqlLexer.ARROW, '=>'], [FlinkSqlLexer.EQ, '='], [FlinkSqlLexer.NEQ, '<>'], [FlinkSqlLexer.NEQ_BANG, '!='],
  [FlinkSqlLexer.LE, '<='], [FlinkSqlLexer.GE, '>='], [FlinkSqlLexer.LT, '<'], [FlinkSqlLexer.GT, '>'],
  [FlinkSqlLexer.PLUS, '+'], [FlinkSqlLexer.MINUS_SIGN, '-'], [FlinkSqlLexer.STAR, '*'], [FlinkSqlLexer.SLASH, '/'],
  [FlinkSqlLexer.PERCENT, '%'], [FlinkSqlLexer.CONCAT, '||'], [FlinkSqlLexer.PIPE, '|'], [FlinkSqlLexer.QUESTION, '?'],
  [FlinkSqlLexer.CARET, '^'], [FlinkSqlLexer.DOLLAR, '$'], [FlinkSqlLexer.HINT_START, '/*+'], [FlinkSqlLexer.HINT_END, '*/'],
]);

/** The literal spelling of a keyword or punctuation token, e.g. `SELECT` or `(`; null for identifiers etc. */
export function literalNameOf(type: number): string | null {
  const punctuation = PUNCTUATION.get(type);
  if (punctuation !== undefined) return punctuation;
  const name = FlinkSqlLexer.literalNames[type];
  return name ? name.slice(1, -1) : null;
}

export function symbolicNameOf(type: number): string | null {
  return FlinkSqlLexer.symbolicNames[type] ?? null;
}
