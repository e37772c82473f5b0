import { type CodeInfo, entry } from './codes/entry.js';
import { catalogCodes } from './codes/catalog.js';
import { changelogCodes } from './codes/changelog.js';
import { lintCodes } from './codes/lint.js';
import { nameCodes } from './codes/names.js';
import { ruleCodes } from './codes/rules.js';
import { typeCodes } from './codes/types.js';

export type { CodeInfo } from './codes/entry.js';

/**
 * Every diagnostic code the service can emit, as data. Codes are stable and never reused.
 * Ranges: 1xxx syntax and input, 2xxx names, 3xxx types and functions, 4xxx changelog and streaming,
 * 5xxx connector options, 6xxx table definitions, 7xxx catalog documents, 8xxx lint configuration,
 * 9xxx guardrail rules, 0xxx internal. Each area keeps its codes in src/diagnostics/codes/.
 */
export const Codes = {
  // --- input (1000-1009) ---
  invalidUtf8: entry('FSQL1001', 'syntax', 'Input is not valid UTF-8'),
  nulCharacter: entry('FSQL1002', 'syntax', 'Input contains a NUL character'),
  loneSurrogate: entry('FSQL1003', 'syntax', 'Input contains an unpaired UTF-16 surrogate'),
  emptyScript: entry('FSQL1004', 'syntax', 'Script contains no statement', 'warning'),
  inputTooLarge: entry('FSQL1005', 'syntax', 'Input exceeds the size limit'),
  tooManyDiagnostics: entry('FSQL1006', 'syntax', 'More diagnostics than one script reports', 'warning'),
  // --- syntax (1010-1099) ---
  unexpectedToken: entry('FSQL1010', 'syntax', 'Unexpected token'),
  unexpectedEnd: entry('FSQL1011', 'syntax', 'Statement ends too early'),
  unclosedParen: entry('FSQL1012', 'syntax', 'Unclosed parenthesis or bracket'),
  unmatchedCloser: entry('FSQL1013', 'syntax', 'Closing parenthesis or bracket without an opener'),
  reservedWord: entry('FSQL1014', 'syntax', 'Reserved word used as an identifier'),
  misspelledKeyword: entry('FSQL1015', 'syntax', 'Misspelled keyword'),
  missingComma: entry('FSQL1016', 'syntax', 'Missing comma'),
  unterminatedString: entry('FSQL1017', 'syntax', 'Unterminated string literal'),
  unterminatedComment: entry('FSQL1018', 'syntax', 'Unterminated block comment'),
  unterminatedIdentifier: entry('FSQL1019', 'syntax', 'Unterminated quoted identifier'),
  invalidCharacter: entry('FSQL1020', 'syntax', 'Character not allowed in SQL'),
  nestingTooDeep: entry('FSQL1021', 'syntax', 'Nesting too deep'),
  missingSemicolon: entry('FSQL1022', 'syntax', 'Missing semicolon between statements'),
  invalidSyntax: entry('FSQL1023', 'syntax', 'Invalid syntax'),
  unsupportedSyntax: entry('FSQL1024', 'syntax', 'Syntax Flink does not support'),
  invalidLiteral: entry('FSQL1025', 'syntax', 'Invalid literal'),
  duplicateClause: entry('FSQL1026', 'syntax', 'Clause given more than once'),
  tooManyStatements: entry('FSQL1027', 'syntax', 'Too many statements'),
  extraComma: entry('FSQL1028', 'syntax', 'Extra comma'),
  missingKeyword: entry('FSQL1029', 'syntax', 'Missing keyword'),
  templatePlaceholder: entry('FSQL1031', 'syntax', 'Template placeholder in the script'),
  earlyStatementEnd: entry('FSQL1032', 'syntax', 'Semicolon in the middle of a statement'),
  missingSpace: entry('FSQL1033', 'syntax', 'Missing space between two words'),
  otherDialect: entry('FSQL1030', 'syntax', 'Statements in another SQL dialect are not checked', 'info'),
  // --- table definitions (6000-6099) ---
  primaryKeyEnforced: entry('FSQL6001', 'semantic', 'PRIMARY KEY must be NOT ENFORCED'),
  uniqueConstraint: entry('FSQL6002', 'semantic', 'UNIQUE constraints are not supported'),
  ...nameCodes,
  ...typeCodes,
  ...changelogCodes,
  ...catalogCodes,
  ...lintCodes,
  ...ruleCodes,
  // --- internal (0001-0009) ---
  internalError: entry('FSQL0001', 'internal', 'Internal error'),
} as const satisfies Record<string, CodeInfo>;

export type CodeId = keyof typeof Codes;

export const ALL_CODES: readonly CodeInfo[] = Object.values(Codes);
