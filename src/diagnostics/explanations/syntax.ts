import type { ExplanationTable } from './types.js';

const ORDERS = `CREATE TABLE orders (
  order_id BIGINT,
  customer STRING,
  amount DECIMAL(10, 2)
) WITH ('connector' = 'datagen');`;

/** Input (0xxx internal, 1001-1009) and syntax (1010-1099) codes. */
export const syntaxExplanations: ExplanationTable = {
  FSQL0001: {
    explanation:
      'flinkcheck failed while analysing a statement. This is a bug in flinkcheck, not a problem in your SQL: the statement was skipped so that the rest of the script could still be checked, and nothing is known about its result.',
    example: '-- no script is known to trigger it; each one found is fixed in flinkcheck',
    fix: 'Report the statement (or a reduced copy of it) to the flinkcheck maintainers. Until it is fixed, the other statements of the script are still checked.',
    fixed: 'SELECT 1;',
    verifiedBy: 'none',
    reason: 'an internal error has no triggering script by definition',
  },
  FSQL1001: {
    explanation:
      'The file is not valid UTF-8, the encoding Flink reads SQL files in. Usually the file was saved in a legacy encoding such as Latin-1 or Windows-1252, or as UTF-16. flinkcheck replaces each invalid byte sequence with U+FFFD and checks the rest, but Flink would see different characters than the author did.',
    example: "SELECT 'café' AS drink;",
    fix: 'Save the file as UTF-8 (most editors have an "encoding" choice in their save dialog; `iconv -f latin1 -t utf-8` converts it on the command line).',
    fixed: "SELECT 'café' AS drink;",
    verifiedBy: 'latin1',
  },
  FSQL1002: {
    explanation:
      'The text contains a NUL character (U+0000). It never belongs in SQL and usually means the file is binary, was truncated while being written, or is encoded as UTF-16 and read as UTF-8.',
    example: 'SELECT 1\u0000;',
    fix: 'Remove the NUL characters, or save the file again as UTF-8 text.',
    fixed: 'SELECT 1;',
  },
  FSQL1003: {
    explanation:
      'The text contains half of a UTF-16 surrogate pair. Such text cannot be encoded as UTF-8 and cannot have come from a well-formed file; it usually means a string was cut in the middle of an emoji or another character outside the Basic Multilingual Plane.',
    example: "SELECT 'ok \uD83D' AS label;",
    fix: 'Send the whole character (both halves of the pair) or remove it.',
    fixed: "SELECT 'ok \uD83D\uDE00' AS label;",
  },
  FSQL1004: {
    explanation:
      'The script has no statement, only whitespace or comments. This is a warning: an empty script is valid, but it is usually a mistake such as checking the wrong file or a template that was not filled in.',
    example: '-- TODO: write the job',
    fix: 'Write at least one statement, or do not check the file.',
    fixed: '-- TODO: write the job\nSELECT 1;',
  },
  FSQL1005: {
    explanation:
      'The script is longer than flinkcheck checks: 1,048,576 characters by default (`maxScriptChars` of the library; the gRPC server also refuses requests over its `--max-sql-bytes`). Nothing in it is checked. The limit keeps the time and memory one input can take bounded, so that one pasted dump cannot hold a server; real pipeline scripts are far smaller. The example runs with a limit of 80 characters.',
    example: `-- one script per pipeline keeps each one short\nSELECT order_id, customer, amount FROM orders WHERE amount > 100;`,
    fix: 'Split the script into several files, one pipeline per file.',
    fixed: 'SELECT 1;',
    limits: { maxScriptChars: 80 },
  },
  FSQL1006: {
    explanation:
      'The script has more problems than flinkcheck reports for one script: 1,000 by default (`maxDiagnostics` of the library). The errors come first, then the warnings, each group from the top; this diagnostic says how many were left out and sits where the first of them is. Such counts come from generated scripts or from one mistake repeated many times, and no reader goes through them all; the limit also keeps the output of every format (text, JSON, SARIF) bounded. The example runs with a limit of 2.',
    example: `${ORDERS}\nSELECT order_id + 'a' FROM orders;\nSELECT customer + 'b' FROM orders;\nSELECT amount + 'c' FROM orders;`,
    fix: 'Fix the problems shown and check again; a repeated mistake is usually fixed everywhere at once.',
    fixed: `${ORDERS}\nSELECT order_id FROM orders;`,
    limits: { maxDiagnostics: 2 },
  },
  FSQL1010: {
    explanation:
      'The parser met a word or symbol that cannot continue the statement at that point. Flink reports the same place as `Encountered "..." at line L, column C` followed by the list of every token it would have accepted. The cause is usually a clause in the wrong order, a word from another SQL dialect, or a statement that was cut or joined with the next one.',
    example: `${ORDERS}\nSELECT order_id FROM orders WHERE amount > 10 WHERE customer = 'a';`,
    fix: 'Look at the token under the caret and at the word before it: reorder the clauses, combine the conditions, or remove the extra word.',
    fixed: `${ORDERS}\nSELECT order_id FROM orders WHERE amount > 10 AND customer = 'a';`,
    flink: 'Encountered "WHERE" at line 6, column 47.\nWas expecting one of: <EOF> "EXCEPT" ... "GROUP" ... "LIMIT" ... "ORDER" ...',
  },
  FSQL1011: {
    explanation:
      'The statement stops while a clause is still incomplete, for example after FROM, AND or a comma. Flink reports `Encountered "<EOF>"`. Often the rest of the statement was lost when the script was edited, or a `;` ended it too early.',
    example: `${ORDERS}\nSELECT order_id FROM orders WHERE amount > 10 AND;`,
    fix: 'Complete the clause the caret points at, or remove the dangling word.',
    fixed: `${ORDERS}\nSELECT order_id FROM orders WHERE amount > 10 AND customer = 'a';`,
    flink: 'Encountered "<EOF>" at line 6, column 49.',
  },
  FSQL1012: {
    explanation:
      'A `(` or `[` is opened but never closed. flinkcheck names the opening bracket and, when one place closes the statement correctly, offers to add the missing closer there; Flink instead reports the first token after the place where it gave up.',
    example: `${ORDERS}\nSELECT COUNT(*) FROM (SELECT order_id FROM orders;`,
    fix: 'Add the missing `)` or `]` where the parenthesized part ends.',
    fixed: `${ORDERS}\nSELECT COUNT(*) FROM (SELECT order_id FROM orders);`,
    flink: 'Encountered "<EOF>" at line 6, column 49.',
  },
  FSQL1013: {
    explanation:
      'A `)` or `]` appears with no matching opener before it. Usually an opening bracket was deleted, or one closer too many was typed after a nested call.',
    example: `${ORDERS}\nSELECT UPPER(customer)) FROM orders;`,
    fix: 'Remove the extra closer, or add the missing opener before it.',
    fixed: `${ORDERS}\nSELECT UPPER(customer) FROM orders;`,
    flink: 'Encountered ")" at line 6, column 23.',
  },
  FSQL1014: {
    explanation:
      'A reserved word of Flink SQL (such as `value`, `timestamp`, `user`, `year`, `order`) is used as a table or column name. Reserved words cannot be names unless they are quoted; Flink reports `Encountered "value"` with a long list of expected tokens, which rarely makes the cause clear.',
    example: "CREATE TABLE readings (sensor STRING, value DOUBLE) WITH ('connector' = 'datagen');",
    fix: 'Quote the name with backticks wherever it is used: `` `value` ``. The fix does this for you.',
    fixed: "CREATE TABLE readings (sensor STRING, `value` DOUBLE) WITH ('connector' = 'datagen');",
    flink: 'Encountered "value" at line 1, column 39.',
  },
  FSQL1015: {
    explanation:
      'A word that is not valid at this point is a close misspelling of a keyword that is (edit distance, ignoring case), such as `SELEC` for SELECT or `FORM` for FROM.',
    example: `${ORDERS}\nSELEC order_id FROM orders;`,
    fix: 'Correct the spelling; the fix replaces the word with the keyword.',
    fixed: `${ORDERS}\nSELECT order_id FROM orders;`,
  },
  FSQL1016: {
    explanation:
      'Two items of a list follow each other without a comma. In a select list, `a b` is legal (`b` is an alias of `a`), so the problem shows up at the third word; in other lists it shows up at the second item.',
    example: `${ORDERS}\nSELECT order_id customer amount FROM orders;`,
    fix: 'Add the missing comma between the items.',
    fixed: `${ORDERS}\nSELECT order_id, customer, amount FROM orders;`,
    flink: 'Encountered "amount" at line 6, column 26.',
  },
  FSQL1017: {
    explanation:
      'A string literal is opened with `\'` and never closed, so everything up to the end of the script became part of the string. A quote inside a string is written twice (`\'it\'\'s\'`).',
    example: `${ORDERS}\nSELECT order_id FROM orders WHERE customer = 'alice;`,
    fix: 'Add the closing quote where the string ends.',
    fixed: `${ORDERS}\nSELECT order_id FROM orders WHERE customer = 'alice';`,
  },
  FSQL1018: {
    explanation:
      'A block comment opened with `/*` is never closed with `*/`, so the rest of the script is part of the comment and was not checked.',
    example: `${ORDERS}\nSELECT order_id /* the key FROM orders;`,
    fix: 'Close the comment with `*/`.',
    fixed: `${ORDERS}\nSELECT order_id /* the key */ FROM orders;`,
  },
  FSQL1019: {
    explanation:
      'A quoted name opened with a backtick is never closed. In Flink SQL, backticks quote names and single quotes quote strings; double quotes are not used for names.',
    example: `${ORDERS}\nSELECT \`order_id FROM orders;`,
    fix: 'Add the closing backtick after the name.',
    fixed: `${ORDERS}\nSELECT \`order_id\` FROM orders;`,
  },
  FSQL1020: {
    explanation:
      'The character cannot appear in Flink SQL outside a string or a quoted name (for example `#`, `$` at the start of a word, or typographic quotes pasted from a document).',
    example: `${ORDERS}\nSELECT order_id # FROM orders;`,
    fix: 'Remove the character, replace typographic quotes with plain ones, or put it inside a string literal.',
    fixed: `${ORDERS}\nSELECT order_id FROM orders;`,
    flink: 'Lexical error at line 6, column 17.  Encountered: "#" (35), after : ""',
  },
  FSQL1021: {
    explanation:
      'The statement nests parentheses, brackets or CASE expressions more than 200 levels deep, or chains more than 1,000 joins, 1,000 UNION / INTERSECT / EXCEPT operations, 1,000 queries of one WITH clause or 2,000 operators on one path of an expression (such a chain is nested as deep as it is long). Such statements are almost always generated, and the limit keeps the checker (and the request) bounded; the statement is not checked.',
    example: `SELECT ${'('.repeat(201)}1${')'.repeat(201)};`,
    fix: 'Flatten the expression, for example with a WITH clause, a view, or IN lists instead of nested ORs.',
    fixed: `SELECT ${'('.repeat(20)}1${')'.repeat(20)};`,
  },
  FSQL1022: {
    explanation:
      'A new statement starts while the previous one has not ended. Flink runs a script statement by statement and needs a `;` between them.',
    example: `${ORDERS}\nSELECT order_id FROM orders\nSELECT customer FROM orders;`,
    fix: 'End the previous statement with `;`.',
    fixed: `${ORDERS}\nSELECT order_id FROM orders;\nSELECT customer FROM orders;`,
    flink: 'Encountered "SELECT" at line 7, column 1.',
  },
  FSQL1023: {
    explanation:
      'The statement breaks a rule of Flink SQL\'s grammar that the parser checks after reading it: an option key that is not a string literal, a column list that mixes typed and untyped columns, an INTERVAL column in a table, and similar. The message names the rule.',
    example: "CREATE TABLE t (id INT) WITH (connector = 'datagen');",
    fix: 'Follow the hint: it shows the accepted form (here, the option key quoted as a string).',
    fixed: "CREATE TABLE t (id INT) WITH ('connector' = 'datagen');",
    flink: 'Encountered "connector" at line 1, column 31.',
  },
  FSQL1024: {
    explanation:
      'The statement uses syntax from another database that Flink SQL does not accept: `!=`, `SELECT TOP n`, `TIMESTAMP WITH TIME ZONE`, `LIMIT offset, count`, and similar. Flink either fails to parse it or rejects it under its SQL conformance.',
    example: `${ORDERS}\nSELECT order_id FROM orders WHERE amount != 0;`,
    fix: 'Write the Flink SQL form the message names (`<>` here); the fix does it when the rewrite is certain.',
    fixed: `${ORDERS}\nSELECT order_id FROM orders WHERE amount <> 0;`,
    flink: "Bang equal '!=' is not allowed under the current SQL conformance level",
  },
  FSQL1025: {
    explanation:
      'A literal is written in a form Flink does not accept, for example an interval whose value is not a quoted string (`INTERVAL 5 SECOND`).',
    example: `${ORDERS}\nSELECT order_id, CURRENT_TIMESTAMP + INTERVAL 5 SECOND FROM orders;`,
    fix: "Write the literal in Flink's form; for intervals, quote the value: `INTERVAL '5' SECOND`.",
    fixed: `${ORDERS}\nSELECT order_id, CURRENT_TIMESTAMP + INTERVAL '5' SECOND FROM orders;`,
    flink: 'Encountered "5" at line 6, column 47.',
  },
  FSQL1026: {
    explanation: 'A clause or option that may appear once is given twice in the same statement.',
    example: 'EXPLAIN CHANGELOG_MODE, CHANGELOG_MODE SELECT 1;',
    fix: 'Keep one occurrence and remove the other.',
    fixed: 'EXPLAIN CHANGELOG_MODE SELECT 1;',
    flink: 'Duplicate EXPLAIN DETAIL is not allowed.',
  },
  FSQL1027: {
    explanation:
      'The script has more statements than flinkcheck checks in one script: 10,000 by default (`maxStatements` of the library). The statements up to the limit are checked; the rest are skipped and this diagnostic covers them. The limit keeps one input bounded. The example runs with a limit of 2 statements.',
    example: `${ORDERS}\nSELECT order_id FROM orders;\nSELECT customer FROM orders;`,
    fix: 'Split the script into several files.',
    fixed: `${ORDERS}\nSELECT order_id, customer FROM orders;`,
    limits: { maxStatements: 2 },
  },
  FSQL1028: {
    explanation:
      'A comma is followed by nothing that could be a list item: the list ends (at `)`, FROM or the end of the statement) right after it. Flink reports the token after the comma.',
    example: `${ORDERS}\nSELECT order_id, customer, FROM orders;`,
    fix: 'Remove the comma, or add the missing item after it.',
    fixed: `${ORDERS}\nSELECT order_id, customer FROM orders;`,
    flink: 'Encountered "FROM" at line 6, column 28.',
  },
  FSQL1029: {
    explanation:
      'A keyword that the statement needs at this point is missing, for example BY after ORDER or GROUP, or AS in a computed column. flinkcheck inserts each candidate keyword and keeps the one that makes the statement parse.',
    example: `${ORDERS}\nSELECT customer, SUM(amount) FROM orders GROUP customer;`,
    fix: 'Insert the missing keyword; the fix does it.',
    fixed: `${ORDERS}\nSELECT customer, SUM(amount) FROM orders GROUP BY customer;`,
    flink: 'Encountered "customer" at line 6, column 48.',
  },
  FSQL1030: {
    explanation:
      'The script switches to another SQL dialect (`SET \'table.sql-dialect\' = \'hive\'`). flinkcheck checks Flink\'s default dialect only, so it reports this once and does not check the statements that follow until the dialect is set back to `default`.',
    example: "SET 'table.sql-dialect' = 'hive';\nSELECT 1;",
    fix: "Nothing to do if the Hive dialect is intended. To have the statements checked, write them in Flink SQL and keep the default dialect (`SET 'table.sql-dialect' = 'default';`).",
    fixed: "SET 'table.sql-dialect' = 'default';\nSELECT 1;",
  },
  FSQL1031: {
    explanation:
      'The script contains a template placeholder (`${table}`, `{{ name }}`) that a deployment tool should have replaced before the SQL reached Flink. Flink would fail on the `$` or `{` character.',
    example: 'SELECT * FROM ${source_table};',
    fix: 'Check the script after the placeholders are substituted, or run the tool that fills them in first.',
    fixed: `${ORDERS}\nSELECT * FROM orders;`,
    flink: 'Lexical error at line 1, column 15.  Encountered: "$" (36), after : ""',
  },
  FSQL1032: {
    explanation:
      'A `;` ends a statement in the middle: the text after it continues the statement before it (it starts with AND, FROM, WHERE, a comma...) instead of starting a new one. Flink reads the text after the `;` as a new statement and reports an error at its first word.',
    example: `${ORDERS}\nSELECT order_id FROM orders WHERE amount > 10;\nAND customer = 'a';`,
    fix: 'Remove the `;` so the statement stays whole; the fix does it.',
    fixed: `${ORDERS}\nSELECT order_id FROM orders WHERE amount > 10\nAND customer = 'a';`,
  },
  FSQL1033: {
    explanation:
      'Two keywords are written without a space between them (`ORDERBY`, `GROUPBY`, `FROMorders`), so the parser reads them as one name.',
    example: `${ORDERS}\nSELECT customer, SUM(amount) FROM orders GROUPBY customer;`,
    fix: 'Insert the space; the fix does it.',
    fixed: `${ORDERS}\nSELECT customer, SUM(amount) FROM orders GROUP BY customer;`,
    flink: 'Encountered "customer" at line 6, column 50.',
  },
};
