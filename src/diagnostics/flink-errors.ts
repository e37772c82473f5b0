import type { CodeId } from './codes.js';

/**
 * Flink's own error messages, as data: how to recognise each one (a regular expression over the
 * message without its Java exception class), which flinkcheck code it corresponds to, and how to say
 * it in the user's terms with the names and types taken from Flink's text. The common messages are
 * those of Flink 1.20/2.x's parser (Calcite's `SqlParserImpl`, `ParseException`), validator
 * (`SqlValidatorImpl`, Calcite's resource bundle `CalciteResource`), planner (`FlinkChangelogModeInferenceProgram`,
 * `StreamPhysical*` rules) and catalog manager.
 *
 * Patterns are tried in order; the first match wins, so specific patterns come before general ones.
 */
export interface FlinkErrorPattern {
  /** A stable name for the message, e.g. `column-not-found`. */
  readonly id: string;
  readonly pattern: RegExp;
  /**
   * Our code for the problem; null where the code belongs to an area whose codes are not in this
   * build (types and functions, connector options, guardrail rules): the translation is still
   * given, and our own diagnostic is used when validating the SQL finds it.
   */
  readonly code: CodeId | null;
  readonly message: (m: RegExpMatchArray) => string;
  readonly hint?: (m: RegExpMatchArray) => string;
  /** A name to look for in the SQL when Flink gives no position (the last part of a path is tried too). */
  readonly locate?: (m: RegExpMatchArray) => string | undefined;
}

/** Calcite and Flink print types as `VARCHAR(2147483647)`, `<INTEGER>`; say them as a user writes them. */
export function userType(text: string): string {
  return text
    .trim()
    .replace(/^<(.*)>$/, '$1')
    .replace(/\bVARCHAR\(2147483647\)/g, 'STRING')
    .replace(/\bVARBINARY\(2147483647\)/g, 'BYTES')
    .replace(/\bTIMESTAMP_WITH_LOCAL_TIME_ZONE\b/g, 'TIMESTAMP_LTZ')
    .replace(/\bTIMESTAMP\((\d)\) WITH LOCAL TIME ZONE\b/g, 'TIMESTAMP_LTZ($1)')
    .replace(/\bCHARACTER\b/g, 'STRING');
}

/** `default_catalog.default_database.snk`, `` `cat`.`db`.`t` `` → `snk`, `t`. */
export function lastPart(path: string): string {
  const parts = path.replace(/`/g, '').split('.');
  return parts[parts.length - 1]!;
}

/** Names the planner gives its operators, in the words of the SQL that creates them. */
const OPERATORS: readonly (readonly [RegExp, string])[] = [
  [/OverAggregate/, 'an OVER aggregation'],
  [/IntervalJoin/, 'an interval join'],
  [/WindowJoin/, 'a window join'],
  [/WindowAggregate|GroupWindowAggregate/, 'a window aggregation'],
  [/WindowRank|WindowDeduplicate/, 'a window Top-N or deduplication'],
  [/TemporalJoin/, 'a temporal join'],
  [/Match/, 'MATCH_RECOGNIZE'],
  [/GroupAggregate|GlobalGroupAggregate|LocalGroupAggregate|IncrementalGroupAggregate/, 'a GROUP BY aggregation (or DISTINCT)'],
  [/Join/, 'a regular join'],
  [/Rank|Limit|SortLimit/, 'a Top-N (ROW_NUMBER or ORDER BY ... LIMIT)'],
  [/Deduplicate/, 'a deduplication that keeps the last row'],
  [/ChangelogNormalize/, 'an upsert or CDC source'],
  [/TableSourceScan/, 'a source that emits updates'],
];

export function operatorInWords(node: string): string {
  const join = /joinType=\[(\w+?)(?:Outer)?Join\]/.exec(node);
  if (join !== null && /^Join|^StreamPhysicalJoin/.test(node)) {
    const kind = join[1]!.toUpperCase();
    return kind === 'INNER' ? 'a regular join' : `a ${kind} OUTER JOIN`;
  }
  const name = /^(\w+)/.exec(node)?.[1] ?? node;
  for (const [pattern, words] of OPERATORS) if (pattern.test(name)) return words;
  return 'an operator that produces updates';
}

const changeKinds = (text: string): string => (/delete/.test(text) ? 'updates and deletes' : 'updates');

export const FLINK_ERROR_PATTERNS: readonly FlinkErrorPattern[] = [
  // --- parser ---
  {
    id: 'bang-equal',
    pattern: /Bang equal '!=' is not allowed under the current SQL conformance level/,
    code: 'unsupportedSyntax',
    message: () => 'Flink SQL does not accept `!=`: write `<>`',
    hint: () => "replace `!=` with `<>`; Flink's SQL conformance rejects `!=`",
    locate: () => '!=',
  },
  {
    id: 'upsert-into',
    pattern: /UPSERT INTO statement is not supported/,
    code: 'unsupportedSyntax',
    message: () => 'Flink SQL has no UPSERT INTO: write INSERT INTO',
    hint: () => 'INSERT INTO a sink with a PRIMARY KEY writes upserts',
    locate: () => 'UPSERT',
  },
  {
    id: 'lexical-error',
    pattern: /Lexical error at line \d+, column \d+\.\s+Encountered: (?:"((?:[^"\\]|\\.)*)"|<EOF>)/,
    code: 'invalidCharacter',
    message: (m) => (m[1] === undefined ? 'The text ends inside a string, name or comment' : `The character \`${unescapeJava(m[1])}\` cannot appear here in Flink SQL`),
    hint: () => 'remove it, or put it inside a string literal',
  },
  {
    id: 'unexpected-end',
    pattern: /Encountered "<EOF>" at line \d+, column \d+/,
    code: 'unexpectedEnd',
    message: () => 'The statement ends too early',
    hint: () => 'complete the clause before the end of the statement',
  },
  {
    id: 'unexpected-token',
    pattern: /Encountered "((?:[^"\\]|\\.)*)" at line \d+, column \d+/,
    code: 'unexpectedToken',
    message: (m) => `Unexpected \`${unescapeJava(m[1]!)}\``,
    hint: () => 'check the clause order and the word before it; a reserved word used as a name needs backticks',
  },
  {
    id: 'incorrect-syntax-near-keyword',
    pattern: /Incorrect syntax near the keyword '([^']+)'/,
    code: 'unexpectedToken',
    message: (m) => `Unexpected keyword \`${m[1]}\``,
    hint: (m) => `if \`${m[1]}\` is meant as a name, quote it with backticks`,
  },
  {
    id: 'duplicate-explain-detail',
    pattern: /Duplicate EXPLAIN DETAIL is not allowed/,
    code: 'duplicateClause',
    message: () => 'An EXPLAIN detail is given twice',
    hint: () => 'list each detail once',
  },
  // --- names ---
  {
    id: 'column-not-found-in-table',
    pattern: /Column '([^']+)' not found in table '([^']+)'/,
    code: 'columnNotFound',
    message: (m) => `Column '${m[1]}' not found in table '${m[2]}'`,
    hint: (m) => `check the spelling (names are case-sensitive) or the columns of '${m[2]}'`,
    locate: (m) => m[1],
  },
  {
    id: 'column-not-found',
    pattern: /Column '([^']+)' not found in any table(?:; did you mean '([^']+)'\?)?/,
    code: 'columnNotFound',
    message: (m) => `Column '${m[1]}' not found in any table of the query${m[2] === undefined ? '' : `; did you mean '${m[2]}'? Names are case-sensitive`}`,
    hint: () => 'check the spelling (names are case-sensitive), or qualify the column with its table',
    locate: (m) => m[1],
  },
  {
    id: 'column-ambiguous',
    pattern: /Column '([^']+)' is ambiguous/,
    code: 'ambiguousColumn',
    message: (m) => `Column '${m[1]}' is ambiguous: more than one table of the query has it`,
    hint: (m) => `qualify it with its table or alias, e.g. t.${m[1]}`,
    locate: (m) => m[1],
  },
  {
    id: 'object-not-found',
    pattern: /Object '([^']+)' not found(?: within '([^']+)')?/,
    code: 'tableNotFound',
    message: (m) => `Table or view '${m[1]}' not found${m[2] === undefined ? '' : ` in '${m[2]}'`}`,
    hint: () => 'check the name (case-sensitive), the current catalog and database (USE), or create the table first',
    locate: (m) => m[1],
  },
  {
    id: 'table-with-identifier-not-found',
    pattern: /(?:Table|View|Tables or views) with (?:the )?identifier '([^']+)' (?:does not|doesn't) exist/,
    code: 'tableNotFound',
    message: (m) => `Table or view '${m[1]}' does not exist`,
    hint: () => 'check the name (case-sensitive) and the current catalog and database, or add IF EXISTS',
    locate: (m) => lastPart(m[1]!),
  },
  {
    id: 'table-does-not-exist',
    pattern: /Table `?([^` ]+(?:`\.`[^`]+)*)`? doesn't exist or is a temporary table/,
    code: 'tableNotFound',
    message: (m) => `Table '${m[1]!.replace(/`/g, '')}' does not exist (or is a temporary table)`,
    hint: () => 'check the name and the current catalog and database',
    locate: (m) => lastPart(m[1]!),
  },
  {
    id: 'alias-not-found',
    pattern: /Table '([^']+)' not found/,
    code: 'unknownQualifier',
    message: (m) => `'${m[1]}' is not a table or alias of this query`,
    hint: () => 'qualify columns with an alias given in FROM; once a table has an alias, only the alias works',
    locate: (m) => m[1],
  },
  {
    id: 'database-not-found',
    pattern: /A database with name \[([^\]]+)\] does not exist in the catalog: \[([^\]]+)\]/,
    code: 'databaseNotFound',
    message: (m) => `Database '${m[1]}' does not exist in catalog '${m[2]}'`,
    hint: () => 'create it with CREATE DATABASE, or check the name',
    locate: (m) => m[1],
  },
  {
    id: 'catalog-not-found',
    pattern: /A catalog with name \[([^\]]+)\] does not exist|Catalog (\S+) does not exist/,
    code: 'catalogNotFound',
    message: (m) => `Catalog '${m[1] ?? m[2]}' does not exist`,
    hint: () => 'create it with CREATE CATALOG, or check the name',
    locate: (m) => m[1] ?? m[2],
  },
  {
    id: 'object-in-use',
    pattern: /Cannot drop a (catalog|database) which is currently in use/,
    code: 'objectInUse',
    message: (m) => `The ${m[1]} cannot be dropped while it is the current ${m[1]}`,
    hint: (m) => `switch to another ${m[1]} with USE first`,
  },
  {
    id: 'already-exists',
    pattern: /(?:Catalog (\S+) already exists|Table \(or view\) (\S+) already exists in Catalog (\S+?)\.?$|Temporary (?:table|view) '([^']+)' already exists|A (?:table|view) named '([^']+)' already exists)/m,
    code: 'objectExists',
    message: (m) => `'${(m[1] ?? m[2] ?? m[4] ?? m[5] ?? '').replace(/`/g, '')}' already exists`,
    hint: () => 'use CREATE ... IF NOT EXISTS, choose another name, or drop the existing object first',
    locate: (m) => lastPart(m[1] ?? m[2] ?? m[4] ?? m[5] ?? ''),
  },
  {
    id: 'module-exists',
    pattern: /A module with name '([^']+)' already exists/,
    code: 'moduleProblem',
    message: (m) => `Module '${m[1]}' is already loaded`,
    hint: () => 'remove this LOAD MODULE, or UNLOAD MODULE it first',
    locate: (m) => m[1],
  },
  {
    id: 'module-missing',
    pattern: /No module with name '([^']+)' exists/,
    code: 'moduleProblem',
    message: (m) => `Module '${m[1]}' is not loaded`,
    hint: () => 'LOAD MODULE it first, or check the name',
    locate: (m) => m[1],
  },
  {
    id: 'module-twice',
    pattern: /Module '([^']+)' appears more than once/,
    code: 'moduleProblem',
    message: (m) => `Module '${m[1]}' is listed more than once`,
    hint: () => 'list each module once',
    locate: (m) => m[1],
  },
  {
    id: 'show-create-wrong-kind',
    pattern: /SHOW CREATE (TABLE|VIEW) is only supported for \w+s, but (\S+) is a (\w+)/,
    code: 'wrongObjectKind',
    message: (m) => `SHOW CREATE ${m[1]} needs a ${m[1]!.toLowerCase()}, but '${m[2]!.replace(/`/g, '')}' is a ${m[3]}`,
    hint: (m) => `use SHOW CREATE ${m[3]!.toUpperCase()}`,
    locate: (m) => lastPart(m[2]!),
  },
  {
    id: 'duplicate-relation-name',
    pattern: /Duplicate relation name '([^']+)' in FROM clause/,
    code: 'duplicateAlias',
    message: (m) => `Two items of the FROM clause are both called '${m[1]}'`,
    hint: () => 'give each FROM item its own alias',
    locate: (m) => m[1],
  },
  {
    id: 'window-not-found',
    pattern: /Window '([^']+)' not found/,
    code: 'windowColumnNotFound',
    message: (m) => `The WINDOW clause does not define a window '${m[1]}'`,
    hint: () => 'use a window name defined in the WINDOW clause, or define it there',
    locate: (m) => m[1],
  },
  {
    id: 'not-grouped',
    pattern: /Expression '([^']+)' is not being grouped/,
    code: 'notGrouped',
    message: (m) => `'${m[1]}' is neither in GROUP BY nor inside an aggregate function`,
    hint: (m) => `add '${m[1]}' to GROUP BY, or aggregate it (e.g. MAX(${m[1]}))`,
    locate: (m) => m[1],
  },
  {
    id: 'invalid-metadata-key',
    pattern: /Invalid metadata key '([^']+)' in column '([^']+)'/,
    code: 'unknownMetadataKey',
    message: (m) => `Column '${m[2]}' reads metadata '${m[1]}', which the table's connector does not offer`,
    hint: () => 'use one of the metadata keys Flink lists after this message',
    locate: (m) => m[1],
  },
  {
    id: 'temporal-join-key',
    pattern: /Temporal table's primary key \[([^\]]*)\] must be included in the equivalence condition of temporal join/,
    code: 'temporalJoinCondition',
    message: (m) => `An event-time temporal join must join on the versioned table's primary key (${m[1]}) with =`,
    hint: (m) => `add <versioned>.${m[1]} = <left column> to the ON condition`,
  },
  {
    id: 'temporal-join-equality',
    pattern: /Temporal table join requires an equality condition on fields of (?:table )?\[?([^\].]+)/,
    code: 'temporalJoinCondition',
    message: () => 'A lookup or temporal join needs an equality between a column of the looked-up table and the left side',
    hint: () => 'join on the key of the looked-up table with =, e.g. ON o.customer_id = c.id',
  },
  {
    id: 'temporal-join-type',
    pattern: /Temporal table join currently only supports? INNER JOIN and LEFT JOIN/,
    code: 'temporalJoinCondition',
    message: () => 'A lookup or temporal join can only be an INNER JOIN or a LEFT JOIN',
    hint: () => 'use JOIN or LEFT JOIN, with the stream on the left',
  },
  {
    id: 'auxiliary-without-group-window',
    pattern: /Call to auxiliary group function '([A-Z]+)_([A-Z]+)' must have matching call to group function '\$?([A-Z]+)' in GROUP BY clause/,
    code: 'auxiliaryWithoutGroupWindow',
    message: (m) => `${m[1]}_${m[2]}(...) needs GROUP BY ${m[3]}(...) with the same arguments`,
    hint: (m) => `group by ${m[3]}(...) with exactly the arguments of ${m[1]}_${m[2]}(...)`,
    locate: (m) => `${m[1]}_${m[2]}`,
  },
  {
    id: 'unknown-target-column',
    pattern: /Unknown target column '([^']+)'/,
    code: 'unknownTargetColumn',
    message: (m) => `The sink has no column '${m[1]}'`,
    hint: () => "list the sink's columns in the INSERT",
    locate: (m) => m[1],
  },
  {
    id: 'target-column-twice',
    pattern: /Target column '([^']+)' is assigned more than once/,
    code: 'duplicateTargetColumn',
    message: (m) => `Target column '${m[1]}' is assigned more than once`,
    hint: () => 'list each target column once',
    locate: (m) => m[1],
  },
  {
    id: 'not-null-target',
    pattern: /Column '([^']+)' has no default value and does not allow NULLs/,
    code: 'notNullColumnMissing',
    message: (m) => `Sink column '${m[1]}' is NOT NULL, but the INSERT does not provide it`,
    hint: (m) => `add '${m[1]}' to the column list and give it a value`,
    locate: (m) => m[1],
  },
  {
    id: 'alias-list-degree',
    pattern: /List of column aliases must have same degree as table; table has (\d+) columns?, whereas alias list has (\d+) columns?/,
    code: 'aliasColumnCount',
    message: (m) => `The alias list names ${m[2]} columns, but the table has ${m[1]}`,
    hint: () => 'name every column once',
  },
  {
    id: 'values-width',
    pattern: /Values passed to VALUES operator must have exactly the same number of columns/,
    code: 'valuesRowLength',
    message: () => 'The rows of VALUES have different numbers of values',
    hint: () => 'give every row the same number of values; use NULL for a missing one',
    locate: () => 'VALUES',
  },
  {
    id: 'set-op-column-count',
    pattern: /Column count mismatch in (UNION|INTERSECT|EXCEPT)( ALL)?/i,
    code: 'setOperationColumnCount',
    message: (m) => `The inputs of ${m[1]!.toUpperCase()}${m[2] ?? ''} return different numbers of columns`,
    hint: () => 'select the same number of columns in every input',
    locate: (m) => m[1],
  },
  {
    id: 'set-op-type-mismatch',
    pattern: /Type mismatch in column (\d+) of (UNION|INTERSECT|EXCEPT)( ALL)?/i,
    code: 'setOperationTypeMismatch',
    message: (m) => `Column ${m[1]} has incompatible types in the inputs of ${m[2]!.toUpperCase()}${m[3] ?? ''}`,
    hint: () => 'CAST the column to one type in every input',
    locate: (m) => m[2],
  },
  {
    id: 'sink-column-count',
    pattern: /Column types of query result and sink for '([^']+)' do not match\.\s*Cause: Different number of columns/,
    code: 'insertColumnCount',
    message: (m) => `The query and the sink '${lastPart(m[1]!)}' have different numbers of columns`,
    hint: () => "select one expression per sink column, in the sink's order, or list the target columns",
    locate: (m) => lastPart(m[1]!),
  },
  {
    id: 'sink-column-type',
    pattern: /Column types of query result and sink for '([^']+)' do not match\.\s*Cause: Incompatible types for sink column '([^']+)' at position (\d+)/,
    code: 'insertTypeMismatch',
    message: (m) => `Column ${Number(m[3]) + 1} of the query cannot be written into sink column '${m[2]}' of '${lastPart(m[1]!)}': the types do not fit`,
    hint: (m) => `CAST the value to the type of '${m[2]}', or put the query's columns in the sink's order`,
    locate: (m) => lastPart(m[1]!),
  },
  {
    id: 'function-signature',
    pattern: /No match found for function signature (\w+)\(([^)]*)\)/,
    code: 'functionNotFound',
    message: (m) => `No function \`${m[1]}\` takes ${m[2] === '' ? 'no arguments' : `arguments (${m[2]!.split(/,\s*/).map(userType).join(', ')})`}`,
    hint: () => 'check the name, or register the function with CREATE FUNCTION; if it exists, check the argument types',
    locate: (m) => m[1],
  },
  {
    id: 'temporary-hides-permanent',
    pattern: /Temporary (table|view) with identifier '([^']+)' exists\. Drop it first before removing the permanent \w+/,
    code: 'objectInUse',
    message: (m) => `A temporary ${m[1]} '${m[2]!.replace(/`/g, '')}' hides the permanent one, so it cannot be dropped`,
    hint: (m) => `drop the temporary ${m[1]} first (DROP TEMPORARY ${m[1]!.toUpperCase()})`,
    locate: (m) => lastPart(m[2]!),
  },
  {
    id: 'alter-temporary-catalog-function',
    pattern: /Alter temporary catalog function is not supported/,
    code: 'unsupportedStatement',
    message: () => 'ALTER TEMPORARY FUNCTION is not supported for catalog functions',
    hint: () => 'DROP TEMPORARY FUNCTION and CREATE it again',
    locate: () => 'TEMPORARY',
  },
  {
    id: 'extended-columns',
    pattern: /Extended columns not allowed under the current SQL conformance level/,
    code: 'unsupportedStatement',
    message: () => 'Extended columns (`t (extra INT)`) are not allowed in Flink SQL',
    hint: () => "declare the column in the table's CREATE TABLE instead",
  },
  {
    id: 'module-type-option',
    pattern: /Option 'type' = '([^']+)' is not supported since module name is used to find module/,
    code: 'moduleProblem',
    message: () => "LOAD MODULE does not take a 'type' option: the module's name selects it",
    hint: () => "remove the 'type' option",
    locate: () => 'type',
  },
  {
    id: 'module-not-available',
    pattern: /Could not find any factory for identifier '([^']+)' that implements '[\w.]*ModuleFactory'/,
    code: 'moduleProblem',
    message: (m) => `No module called '${m[1]}' is available (module names are case-sensitive)`,
    hint: () => "check the module's name and that its jar is on Flink's classpath",
    locate: (m) => m[1],
  },
  {
    id: 'like-option-twice',
    pattern: /Each like option feature can be declared only once/,
    code: 'likeOption',
    message: () => 'A LIKE option feature is given more than once',
    hint: () => 'declare each LIKE option feature once',
    locate: () => 'LIKE',
  },
  {
    id: 'like-overwriting',
    pattern: /Illegal merging strategy 'OVERWRITING' for '(\w+)' option/,
    code: 'likeOption',
    message: (m) => `${m[1]} cannot be merged with OVERWRITING; only INCLUDING or EXCLUDING`,
    hint: (m) => `use INCLUDING ${m[1]} or EXCLUDING ${m[1]}`,
    locate: () => 'OVERWRITING',
  },
  {
    id: 'show-databases-catalog',
    pattern: /Show databases from\/in identifier \[ ([^\]]+?) \] format error, catalog must be a single part identifier/,
    code: 'invalidSyntax',
    message: (m) => `SHOW DATABASES IN takes a catalog name, not \`${m[1]}\``,
    hint: () => 'name just the catalog',
    locate: (m) => m[1],
  },
  {
    id: 'wrong-argument-count',
    pattern: /Invalid number of arguments to function '(\w+)'/,
    code: null,
    message: (m) => `\`${m[1]}\` is called with the wrong number of arguments`,
    hint: () => "check the function's signature in the Flink documentation",
    locate: (m) => m[1],
  },
  {
    id: 'illegal-null',
    pattern: /Illegal use of 'NULL'/,
    code: null,
    message: () => 'A bare NULL has no type here',
    hint: () => 'write CAST(NULL AS <type>)',
    locate: () => 'NULL',
  },
  // --- types and functions (codes in the types area) ---
  {
    id: 'cannot-apply-operator',
    pattern: /Cannot apply '([^']+)' to arguments of type '([^']*)'/,
    code: null,
    message: (m) => `\`${m[1]}\` cannot be applied to ${m[2]!.split(/\s+\S+\s+(?=<)|,\s*/).map(userType).join(' and ')}`,
    hint: () => 'Flink does not convert types implicitly here: CAST one operand to the type of the other',
    locate: (m) => m[1],
  },
  {
    id: 'invalid-function-call',
    pattern: /Invalid function call:\s*\n?\s*(\w+)\(([^\n]*?)\)?\s*$/m,
    code: null,
    message: (m) => `\`${m[1]}\` cannot be called with arguments of types (${m[2]})`,
    hint: () => 'CAST the arguments to types the function accepts',
    locate: (m) => m[1],
  },
  {
    id: 'invalid-input-arguments',
    pattern: /Invalid input arguments\. Expected signatures are:\s*\n?\s*(\w+)\(([^\n]*)\)/,
    code: null,
    message: (m) => `The arguments do not match any signature of \`${m[1]}\`; it takes (${m[2]})`,
    hint: () => 'CAST the arguments to the types of one of the signatures',
    locate: (m) => m[1],
  },
  {
    id: 'cast-not-supported',
    pattern: /Cast function cannot convert value of type (.+?) to type (.+?)\s*$/m,
    code: null,
    message: (m) => `A value of type ${userType(m[1]!)} cannot be CAST to ${userType(m[2]!)}`,
    hint: () => 'convert it with a function (e.g. TO_DATE, TO_TIMESTAMP) or cast through STRING',
    locate: () => 'CAST',
  },
  {
    id: 'cast-numeric-to-timestamp',
    pattern: /The cast from NUMERIC type to TIMESTAMP type is not allowed/,
    code: null,
    message: () => 'A number cannot be CAST to TIMESTAMP',
    hint: () => 'for epoch seconds use TO_TIMESTAMP(FROM_UNIXTIME(col)); for epoch milliseconds use TO_TIMESTAMP_LTZ(col, 3)',
    locate: () => 'CAST',
  },
  {
    id: 'illegal-mixing',
    pattern: /Illegal mixing of types in CASE or COALESCE statement/,
    code: null,
    message: () => 'The branches of CASE (or the arguments of COALESCE) have no common type',
    hint: () => 'CAST the branches to one type',
    locate: () => 'CASE',
  },
  // --- changelog and streaming ---
  {
    id: 'sink-updates',
    pattern: /Table sink '([^']+)' doesn't support consuming (update(?: and delete)?) changes which is produced by node (\S[^\n]*)/,
    code: 'updatesIntoAppendOnlySink',
    message: (m) => `The sink '${lastPart(m[1]!)}' is append-only, but the query produces ${changeKinds(m[2]!)} because of ${operatorInWords(m[3]!)}`,
    hint: () => 'write into a sink that accepts updates (e.g. upsert-kafka or jdbc with a PRIMARY KEY), or make the query append-only (e.g. a window aggregation instead of GROUP BY)',
    locate: (m) => lastPart(m[1]!),
  },
  {
    id: 'operator-updates',
    pattern: /(\w+) doesn't support consuming (update(?: and delete)?) changes which is produced by node (\S[^\n]*)/,
    code: 'updatesIntoInsertOnlyOperator',
    message: (m) => `${capitalize(operatorInWords(m[1]!))} needs an insert-only input, but its input produces ${changeKinds(m[2]!)} because of ${operatorInWords(m[3]!)}`,
    hint: () => 'apply it before the aggregation or join, or make the input append-only',
  },
  {
    id: 'watermark-type',
    pattern: /Invalid data type of time field for watermark definition\. .*?but the time field type is ([^\n]+?)\.?\s*$/m,
    code: 'watermarkColumn',
    message: (m) => `The watermark column must be TIMESTAMP(p) or TIMESTAMP_LTZ(p) with p at most 3, but it is ${userType(m[1]!)}`,
    hint: () => 'declare it as TIMESTAMP(3) (a bare TIMESTAMP means TIMESTAMP(6)), or compute a TIMESTAMP(3) column and put the watermark on it',
    locate: () => 'WATERMARK',
  },
  {
    id: 'window-time-attribute',
    pattern: /The window function requires the timecol (?:is a time attribute type|to be TIMESTAMP or TIMESTAMP_LTZ), but is ([^.\n]+(?:\.\d+)?[^.\n]*)\./,
    code: 'windowOnNonTimeAttribute',
    message: (m) => `The time column of the window is a plain ${userType(m[1]!)}, not a time attribute`,
    hint: () => 'declare a WATERMARK on the column (or use a PROCTIME() column); joins and aggregations turn time attributes into plain timestamps',
    locate: () => 'DESCRIPTOR',
  },
  {
    id: 'group-window-time-attribute',
    pattern: /Window aggregate can only be defined over a time attribute column, but ([^\n]+?) encountered/,
    code: 'windowOnNonTimeAttribute',
    message: (m) => `The window is defined over a plain ${userType(m[1]!)}, not a time attribute`,
    hint: () => 'declare a WATERMARK on the column (or use a PROCTIME() column)',
  },
  {
    id: 'over-order-time',
    pattern: /OVER windows' ordering in stream mode must be defined on a time attribute/,
    code: 'overOrderNotTimeAttribute',
    message: () => 'An OVER window on a stream must be ordered by a time attribute',
    hint: () => 'ORDER BY the rowtime (declared with WATERMARK) or a PROCTIME() column',
    locate: () => 'OVER',
  },
  {
    id: 'over-order-ascending',
    pattern: /The window can only be ordered in ASCENDING mode/,
    code: 'overOrderNotTimeAttribute',
    message: () => 'An OVER window on a stream can only be ordered ascending',
    hint: () => 'remove DESC from the window ORDER BY',
    locate: () => 'DESC',
  },
  {
    id: 'sort-non-time',
    pattern: /Sort on a non-time-attribute field is not supported/,
    code: 'sortOnNonTimeAttribute',
    message: () => 'A streaming query can only be sorted by a time attribute (ascending) first',
    hint: () => 'ORDER BY the rowtime or proctime column first, or add LIMIT to make it a Top-N query',
    locate: () => 'ORDER',
  },
  {
    id: 'temporal-join-period',
    pattern: /Temporal table join currently only supports 'FOR SYSTEM_TIME AS OF' left table's time attribute field/,
    code: 'temporalJoinPeriod',
    message: () => "FOR SYSTEM_TIME AS OF must name the left table's time attribute",
    hint: () => 'write FOR SYSTEM_TIME AS OF l.ts, where l.ts is the rowtime or proctime of the left table',
    locate: () => 'SYSTEM_TIME',
  },
  {
    id: 'temporal-join-versioned',
    pattern: /(?:Event-Time )?Temporal Table Join requires (?:both )?primary key(?: and row time attribute)? in versioned table, but no (primary key|row time attribute) can be found/,
    code: 'temporalJoinVersionedTable',
    message: (m) => `The versioned table of the temporal join has no ${m[1] === 'primary key' ? 'PRIMARY KEY' : 'rowtime attribute (WATERMARK)'}`,
    hint: () => 'declare PRIMARY KEY (...) NOT ENFORCED and a WATERMARK on the versioned table, or deduplicate it to the latest row per key in a view',
    locate: () => 'SYSTEM_TIME',
  },
  {
    id: 'proctime-temporal-join',
    pattern: /Processing-time temporal join is not supported yet/,
    code: 'temporalJoinVersionedTable',
    message: () => 'A processing-time temporal join needs a lookup table on the right (a connector such as JDBC or HBase)',
    hint: () => 'use a lookup connector for the right table, or join on event time with a versioned table',
    locate: () => 'SYSTEM_TIME',
  },
  {
    id: 'union-time-attributes',
    pattern: /Union fields with time attributes requires same types, but the types are ([^\n]+?) and ([^\n]+?)\.?\s*$/m,
    code: 'setOperationTimeAttribute',
    message: (m) => `UNION combines ${m[1]} with ${m[2]} in one column`,
    hint: () => 'CAST the time attribute to a plain TIMESTAMP(3) on one side',
    locate: () => 'UNION',
  },
  {
    id: 'multiple-rowtimes',
    pattern: /The query contains more than one rowtime attribute column \[([^\]]+)\] for writing into table '([^']+)'/,
    code: 'multipleRowtimesIntoSink',
    message: (m) => `The query writes ${m[1]!.split(/,\s*/).length} rowtime columns (${m[1]}) into '${lastPart(m[2]!)}'; a sink can receive at most one`,
    hint: () => 'keep one rowtime and CAST the others to TIMESTAMP(3)',
    locate: (m) => lastPart(m[2]!),
  },
  {
    id: 'different-over-windows',
    pattern: /All aggregates must be computed on the same window/,
    code: 'differentOverWindows',
    message: () => 'The OVER aggregates of this SELECT use different windows',
    hint: () => 'use one window for all OVER aggregates of a SELECT (a named WINDOW helps)',
    locate: () => 'OVER',
  },
  {
    id: 'rank-on-stream',
    pattern: /((?:DENSE_)?RANK)\(\) on streaming table is not supported currently/,
    code: 'rankNotSupported',
    message: (m) => `${m[1]}() cannot be used for Top-N on a stream; use ROW_NUMBER()`,
    hint: () => 'ROW_NUMBER() OVER (PARTITION BY ... ORDER BY ...) and filter on it',
    locate: (m) => m[1],
  },
  {
    id: 'lateral-left-join',
    pattern: /Left outer joins with a table function do not accept a predicate/,
    code: 'lateralLeftJoinCondition',
    message: () => 'A LEFT JOIN with a table function only accepts ON TRUE',
    hint: () => 'write ON TRUE and move the condition into WHERE',
    locate: () => 'LATERAL',
  },
  {
    id: 'upsert-sink-primary-key',
    pattern: /'([\w-]+)' tables require to define a PRIMARY KEY constraint/,
    code: 'sinkPrimaryKeyRequired',
    message: (m) => `A '${m[1]}' table needs a PRIMARY KEY`,
    hint: () => 'declare PRIMARY KEY (...) NOT ENFORCED on the columns that identify a row (the query\'s GROUP BY keys)',
    locate: (m) => m[1],
  },
  // --- table definitions ---
  {
    id: 'primary-key-enforced',
    pattern: /Flink doesn't support ENFORCED mode for PRIMARY KEY constraint/,
    code: 'primaryKeyEnforced',
    message: () => 'A PRIMARY KEY must be declared NOT ENFORCED',
    hint: () => 'Flink does not own the data, so it cannot check the key; write PRIMARY KEY (...) NOT ENFORCED',
    locate: () => 'PRIMARY',
  },
  {
    id: 'primary-key-not-physical',
    pattern: /Invalid primary key '([^']+)'\. Column '([^']+)' is not a physical column/,
    code: 'primaryKeyColumn',
    message: (m) => `Column '${m[2]}' cannot be in the primary key: it is not a physical column`,
    hint: () => 'a primary key may only use physical columns, not computed or metadata columns',
    locate: (m) => m[2],
  },
  {
    id: 'duplicate-primary-key',
    pattern: /Duplicate primary key definition/,
    code: 'duplicatePrimaryKey',
    message: () => 'The primary key is defined more than once',
    hint: () => 'declare one primary key',
    locate: () => 'PRIMARY',
  },
  {
    id: 'unique-constraint',
    pattern: /UNIQUE constraint is not supported yet/,
    code: 'uniqueConstraint',
    message: () => 'Flink does not support UNIQUE constraints',
    hint: () => 'remove it; a PRIMARY KEY ... NOT ENFORCED declares the one key Flink knows',
    locate: () => 'UNIQUE',
  },
  {
    id: 'multiple-watermarks',
    pattern: /Multiple WATERMARK statements is not supported yet/,
    code: 'duplicateWatermark',
    message: () => 'A table can have only one WATERMARK',
    hint: () => 'keep one WATERMARK declaration',
    locate: () => 'WATERMARK',
  },
  {
    id: 'like-watermark-exists',
    pattern: /There already exists a watermark spec for column '([^']+)' in the base table/,
    code: 'duplicateWatermark',
    message: (m) => `The LIKE base table already defines a watermark on '${m[1]}'`,
    hint: () => 'add OVERWRITING WATERMARKS (or EXCLUDING WATERMARKS) to the LIKE clause',
    locate: () => 'WATERMARK',
  },
  {
    id: 'temporary-ctas',
    pattern: /(CREATE TABLE AS SELECT|CREATE OR REPLACE TABLE AS SELECT|REPLACE TABLE AS SELECT) syntax does not support (?:to create )?temporary table/,
    code: 'temporaryCtas',
    message: (m) => `${m[1]} cannot create a temporary table`,
    hint: () => 'drop TEMPORARY, or create the table first and fill it with INSERT INTO',
    locate: () => 'TEMPORARY',
  },
  {
    id: 'reset-empty-key',
    pattern: /ALTER (TABLE|CATALOG) RESET does not support empty key/,
    code: 'emptyResetKey',
    message: (m) => `ALTER ${m[1]} RESET needs at least one option key`,
    hint: () => "name the options to reset, e.g. RESET ('scan.startup.mode')",
    locate: () => 'RESET',
  },
  {
    id: 'reset-catalog-type',
    pattern: /ALTER CATALOG RESET does not support changing 'type'/,
    code: 'unsupportedStatement',
    message: () => "A catalog's 'type' cannot be reset",
    hint: () => 'drop the catalog and create it again with another type',
    locate: () => 'type',
  },
  {
    id: 'alter-add-existing-column',
    pattern: /Try to add a column `([^`]+)` which already exists in the table/,
    code: 'alterTable',
    message: (m) => `Column '${m[1]}' already exists in the table`,
    hint: () => 'choose another name, or use MODIFY to change the column',
    locate: (m) => m[1],
  },
  {
    id: 'alter-unknown-after',
    pattern: /Referenced column `([^`]+)` by 'AFTER' does not exist in the table/,
    code: 'alterTable',
    message: (m) => `The column '${m[1]}' named by AFTER does not exist in the table`,
    hint: () => 'name an existing column after AFTER, or use FIRST',
    locate: (m) => m[1],
  },
  // --- connector options and guardrails (codes in other areas) ---
  {
    id: 'unsupported-options',
    pattern: /Unsupported options found for '([^']+)'\.\s*\n*\s*Unsupported options:\s*\n*\s*([^\n]+)/,
    code: null,
    message: (m) => `The connector '${m[1]}' does not know the option '${m[2]!.trim()}'`,
    hint: () => "check the option's name against the connector's documentation (and that the right connector is set)",
    locate: (m) => m[2]!.trim(),
  },

  {
    id: 'missing-connector',
    pattern: /Table options do not contain an option key 'connector' for discovering a connector/,
    code: null,
    message: () => "The table has no 'connector' option, so Flink cannot read or write it",
    hint: () => "add 'connector' = '...' to the table's WITH clause",
    locate: () => 'WITH',
  },
  {
    id: 'non-deterministic-update',
    pattern: /The column\(s\): (\S+?)\(generated by non-deterministic function: (\w+) ?\) can not satisfy the determinism requirement/,
    code: null,
    message: (m) => `Column '${m[1]}' comes from the non-deterministic function ${m[2]}, so updates and retractions of its rows cannot be matched`,
    hint: () => 'compute the value in the source (a computed column) or drop the function from the updating part of the query',
    locate: (m) => m[2],
  },
];

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Flink's parser escapes `"` and `\` in the token it quotes. */
function unescapeJava(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}
