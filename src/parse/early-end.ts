import type { Token } from 'antlr4ng';
import { Codes } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceText } from '../source/source-text.js';
import type { StatementTokens } from './split.js';
import { probeTokens } from './statement-parser.js';
import type { EntryRule, ProbeBudget } from './syntax-errors.js';

/** probeTokens' answers for "parsed cleanly" and "parsed up to the end of the input". */
const PARSED = Number.MAX_SAFE_INTEGER;
const REACHED_END = Number.MAX_SAFE_INTEGER - 1;

/**
 * A `;` in the middle of a statement (left over from editing, or pasted before a JOIN or WITH
 * clause) splits it in two: the second half then fails at or near its start with an error that
 * says nothing about the real cause. When the two halves joined without the `;` parse further than
 * the second half alone, the `;` is the mistake, and this returns the diagnostic that says so.
 *
 * `failedAt` is the UTF-16 offset where the second half alone fails.
 */
export function explainEarlyEnd(
  source: SourceText,
  previous: StatementTokens,
  current: readonly Token[],
  failedAt: number,
  entry: EntryRule,
  probes: ProbeBudget,
): Diagnostic | null {
  const semicolon = previous.terminator;
  if (semicolon === null || current.length === 0) return null;
  const joined = [...previous.tokens, ...current];
  if (joined.length > probes.remaining) return null;
  probes.remaining -= joined.length;
  const reach = probeTokens(joined, entry);
  if (reach < REACHED_END && source.fromCodePoint(reach) <= failedAt) return null;

  const span = { start: source.fromCodePoint(semicolon.start), end: source.fromCodePoint(semicolon.stop + 1) };
  const at = source.position(span.start);
  const next = current[0]!;
  const nextSpan = { start: source.fromCodePoint(next.start), end: source.fromCodePoint(next.stop + 1) };
  // Reported where Flink reports it, at the start of the would-be statement; the fix removes the `;`.
  return {
    code: Codes.earlyStatementEnd.code,
    severity: Codes.earlyStatementEnd.severity,
    category: 'syntax',
    span: nextSpan,
    message: `\`${next.text ?? ''} ...\` continues the statement before it, which the \`;\` at line ${at.line}, column ${at.column} ends too early`,
    hint: 'Flink reads the text after a `;` as a new statement; remove the `;` to keep the statement whole',
    related: [{ span, message: 'this `;` ends the statement too early' }],
    fixes: [{
      title: 'remove the `;`',
      applicability: reach === PARSED ? 'safe' : 'unsafe',
      edits: [{ span, text: '' }],
    }],
  };
}
