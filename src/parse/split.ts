import { Token } from 'antlr4ng';
import { T } from './tokens.js';

/** The default-channel tokens of one statement, without its terminating `;`. */
export interface StatementTokens {
  readonly tokens: Token[];
  /** The `;` that ends the statement, if any. */
  readonly terminator: Token | null;
}

/**
 * Splits a script's tokens into statements at top-level `;`.
 *
 * `STATEMENT SET BEGIN ... END` (in EXECUTE, EXPLAIN and COMPILE PLAN) contains `;` of its own, so
 * inside such a block the split waits for its END. The SQL client's form `BEGIN STATEMENT SET;`
 * ... `END;` is a sequence of ordinary statements and needs nothing special.
 */
export function splitStatements(allTokens: readonly Token[]): StatementTokens[] {
  const statements: StatementTokens[] = [];
  let current: Token[] = [];
  let inStatementSetBlock = false;
  for (const token of allTokens) {
    if (token.channel !== Token.DEFAULT_CHANNEL) continue;
    if (token.type === T.SEMICOLON && !inStatementSetBlock) {
      if (current.length > 0) statements.push({ tokens: current, terminator: token });
      current = [];
      continue;
    }
    if (token.type === T.BEGIN && endsWithStatementSet(current)) inStatementSetBlock = true;
    else if (token.type === T.END && inStatementSetBlock) inStatementSetBlock = false;
    current.push(token);
  }
  if (current.length > 0) statements.push({ tokens: current, terminator: null });
  return statements;
}

function endsWithStatementSet(tokens: Token[]): boolean {
  const n = tokens.length;
  return n >= 2 && tokens[n - 1]!.type === T.SET && tokens[n - 2]!.type === T.STATEMENT;
}
