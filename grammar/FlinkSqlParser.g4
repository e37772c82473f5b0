// Parser for the Flink SQL dialect (Flink 1.20 / 2.x), written for flinkcheck from the facts of
// Flink's parser (Calcite's Parser.jj plus Flink's parserImpls.ftl) and the Flink SQL docs.
//
// Shape rules that keep it fast on antlr4ng (see grammar/README.md):
// - every decision is settled by one or two tokens; no semantic predicates;
// - expressions are one left-recursive rule (ANTLR turns it into a precedence-climbing loop);
// - a parenthesis in expression context opens a subquery only when SELECT/WITH/VALUES/TABLE follows,
//   so nested parentheses never need deep lookahead;
// - few labelled alternatives: the AST builder dispatches on tokens instead.
// The driver splits a script into statements and parses each with `singleStatement`.

parser grammar FlinkSqlParser;

options {
    tokenVocab = FlinkSqlLexer;
}

singleStatement
    : statement SEMICOLON? EOF
    ;

standaloneExpression
    : expression EOF
    ;

standaloneType
    : dataType EOF
    ;

statement
    : queryStatement
    | insertStatement
    | EXECUTE executeBody
    | statementSet
    | BEGIN STATEMENT SET
    | END
    | createStatement
    | REPLACE TEMPORARY? TABLE qualifiedName tableSchemaAndOptions AS queryStatement
    | alterStatement
    | dropStatement
    | useStatement
    | showStatement
    | describeStatement
    | explainStatement
    | setStatement
    | resetStatement
    | (ADD | REMOVE) JAR stringLiteral
    | LOAD MODULE identifier withOptions?
    | UNLOAD MODULE identifier
    | ANALYZE TABLE qualifiedName partitionSpec? COMPUTE STATISTICS (FOR (ALL COLUMNS | COLUMNS identifierList))?
    | CALL qualifiedName LPAREN (functionArgument (COMMA functionArgument)*)? RPAREN
    | DELETE FROM qualifiedName (AS? identifier)? whereClause?
    | UPDATE qualifiedName (AS? identifier)? SET assignment (COMMA assignment)* whereClause?
    | TRUNCATE TABLE qualifiedName
    | STOP JOB stringLiteral (WITH (SAVEPOINT | DRAIN))*
    | COMPILE (AND EXECUTE)? PLAN stringLiteral (IF NOT EXISTS)? FOR (insertStatement | statementSet)
    | HELP
    | QUIT
    | EXIT
    | CLEAR
    ;

executeBody
    : insertStatement
    | statementSet
    | PLAN stringLiteral
    | queryStatement
    ;

statementSet
    : STATEMENT SET BEGIN (insertStatement SEMICOLON)+ END
    ;

assignment
    : identifier EQ expression
    ;

// ------------------------------------------------------------------------------------ DML

insertStatement
    : (INSERT (INTO | OVERWRITE) | UPSERT (INTO | OVERWRITE)) qualifiedName hints?
      (LPAREN extendedColumn (COMMA extendedColumn)* RPAREN)?
      partitionSpec? columnList? queryStatement
    ;

partitionSpec
    : PARTITION LPAREN partitionEntry (COMMA partitionEntry)* RPAREN
    ;

partitionEntry
    : identifier (EQ expression)?
    ;

columnList
    : LPAREN identifier (COMMA identifier)* RPAREN
    ;

identifierList
    : identifier (COMMA identifier)*
    ;

// ------------------------------------------------------------------------------------ queries

queryStatement
    : withClause? queryBody orderByClause? limitClause? offsetClause? fetchClause?
    ;

withClause
    : WITH RECURSIVE? namedQuery (COMMA namedQuery)*
    ;

namedQuery
    : identifier columnList? AS LPAREN queryStatement RPAREN
    ;

queryBody
    : queryPrimary
    | queryBody INTERSECT setQuantifier? queryBody
    | queryBody (UNION | EXCEPT | MINUS) setQuantifier? queryBody
    ;

setQuantifier
    : ALL
    | DISTINCT
    ;

queryPrimary
    : selectQuery
    | valuesQuery
    | TABLE qualifiedName
    | LPAREN queryStatement RPAREN
    ;

valuesQuery
    : VALUES expression (COMMA expression)*
    ;

selectQuery
    : SELECT hints? setQuantifier? selectItem (COMMA selectItem)*
      fromClause?
      whereClause?
      groupByClause?
      havingClause?
      windowClause?
    ;

selectItem
    : STAR
    | expression (AS? identifier)?
    ;

fromClause
    : FROM tableReference (COMMA tableReference)*
    ;

whereClause
    : WHERE expression
    ;

havingClause
    : HAVING expression
    ;

groupByClause
    : GROUP BY setQuantifier? groupingElement (COMMA groupingElement)*
    ;

groupingElement
    : LPAREN RPAREN
    | (ROLLUP | CUBE) LPAREN groupingElement (COMMA groupingElement)* RPAREN
    | GROUPING SETS LPAREN groupingElement (COMMA groupingElement)* RPAREN
    | expression
    ;

windowClause
    : WINDOW windowDefinition (COMMA windowDefinition)*
    ;

windowDefinition
    : identifier AS LPAREN windowSpec RPAREN
    ;

orderByClause
    : ORDER BY orderItem (COMMA orderItem)*
    ;

orderItem
    : expression (ASC | DESC)? (NULLS (FIRST | LAST))?
    ;

// LIMIT takes an unsigned number or a parameter, not an expression (Calcite's LimitClause).
limitClause
    : LIMIT (rowCount (COMMA rowCount)? | ALL)
    ;

rowCount
    : UNSIGNED_INTEGER
    | DECIMAL_NUMERIC
    | APPROX_NUMERIC
    | QUESTION
    ;

offsetClause
    : OFFSET expression (ROW | ROWS)?
    ;

fetchClause
    : FETCH (FIRST | NEXT) expression? (ROW | ROWS) ONLY
    ;

// ------------------------------------------------------------------------------------ FROM

tableReference
    : tablePrimary joinPart*
    ;

joinPart
    : CROSS JOIN tablePrimary
    | NATURAL? joinType? JOIN tablePrimary joinCondition?
    | (CROSS | OUTER) APPLY tablePrimary
    ;

joinType
    : INNER
    | LEFT OUTER?
    | RIGHT OUTER?
    | FULL OUTER?
    ;

joinCondition
    : ON expression
    | USING columnList
    ;

tablePrimary
    : tableSource matchRecognize? tableAlias? tableSample?
    ;

tableSource
    : qualifiedName hints? tableExtension? temporalClause?
    | LATERAL? LPAREN queryStatement RPAREN
    | LPAREN tableReference RPAREN
    | functionName LPAREN functionArguments? RPAREN
    | LATERAL? TABLE LPAREN expression RPAREN
    | LATERAL? UNNEST LPAREN expression (COMMA expression)* RPAREN (WITH ORDINALITY)?
    ;

tableExtension
    : EXTEND? LPAREN extendedColumn (COMMA extendedColumn)* RPAREN
    ;

extendedColumn
    : identifier dataType
    ;

temporalClause
    : FOR SYSTEM_TIME AS OF expression
    ;

tableAlias
    : AS? identifier columnList?
    ;

tableSample
    : TABLESAMPLE identifier LPAREN expression RPAREN
    ;

hints
    : HINT_START hint (COMMA? hint)* HINT_END
    ;

hint
    : identifier (LPAREN (hintOption (COMMA hintOption)*)? RPAREN)?
    ;

hintOption
    : hintKey (EQ stringLiteral)?
    ;

hintKey
    : identifier (DOT identifier)*
    | stringLiteral
    | UNSIGNED_INTEGER
    ;

// ------------------------------------------------------------------------------------ MATCH_RECOGNIZE

matchRecognize
    : MATCH_RECOGNIZE LPAREN
        (PARTITION BY expression (COMMA expression)*)?
        orderByClause?
        (MEASURES measure (COMMA measure)*)?
        rowsPerMatch?
        afterMatch?
        PATTERN LPAREN rowPattern RPAREN
        (WITHIN expression)?
        (SUBSET subsetDefinition (COMMA subsetDefinition)*)?
        DEFINE patternDefinition (COMMA patternDefinition)*
      RPAREN
    ;

measure
    : expression AS identifier
    ;

rowsPerMatch
    : ONE ROW PER MATCH
    | ALL ROWS PER MATCH
    ;

afterMatch
    : AFTER MATCH SKIP_ (TO NEXT ROW | PAST LAST ROW | TO (FIRST | LAST)? identifier)
    ;

rowPattern
    : rowPatternTerm (PIPE rowPatternTerm)*
    ;

rowPatternTerm
    : rowPatternFactor+
    ;

rowPatternFactor
    : rowPatternPrimary rowPatternQuantifier?
    ;

rowPatternPrimary
    : identifier
    | CARET
    | DOLLAR
    | LPAREN rowPattern? RPAREN
    | LBRACE_MINUS rowPattern RBRACE_MINUS
    | PERMUTE LPAREN rowPattern (COMMA rowPattern)* RPAREN
    ;

rowPatternQuantifier
    : (STAR | PLUS | QUESTION) QUESTION?
    | LBRACE UNSIGNED_INTEGER? (COMMA UNSIGNED_INTEGER?)? RBRACE QUESTION?
    ;

subsetDefinition
    : identifier EQ LPAREN identifierList RPAREN
    ;

patternDefinition
    : identifier AS expression
    ;

// ------------------------------------------------------------------------------------ expressions
// Three levels, lowest precedence first: boolean operators (OR, AND, NOT), predicates on a value
// (comparison, IS, BETWEEN, IN, LIKE, MEMBER OF, OVERLAPS), and value operators (+ - * / % || unary, postfix).
// Keeping BETWEEN's bounds at the value level means its AND can never be read as a logical AND, so
// SLL prediction needs no parser context to decide (a single left-recursive rule would need it).
// No labelled alternatives here: each label makes ANTLR allocate a second context per expression and
// copy the first into it; the AST builder tells the alternatives apart by their first children.
// The primary forms (literals, names, calls, CASE, constructors, subqueries) are alternatives of
// valueExpression itself rather than a rule of their own: one context less per operand.

expression
    : valueExpression predicate*
    | NOT expression
    | expression AND expression
    | expression OR expression
    ;

predicate
    : comparisonOperator (ANY | SOME | ALL) LPAREN queryStatement RPAREN
    | comparisonOperator valueExpression
    | IS NOT? (NULL | TRUE | FALSE | UNKNOWN)
    | IS NOT? DISTINCT FROM valueExpression
    | IS NOT? JSON (VALUE | OBJECT | ARRAY | SCALAR)?
    | NOT? BETWEEN (ASYMMETRIC | SYMMETRIC)? valueExpression AND valueExpression
    | NOT? IN LPAREN (queryStatement | expression (COMMA expression)*) RPAREN
    | NOT? (LIKE | ILIKE | SIMILAR TO) valueExpression (ESCAPE valueExpression)?
    | NOT? (MEMBER OF | SUBMULTISET OF) valueExpression
    | OVERLAPS valueExpression
    ;

valueExpression
    : literal
    | specialFunction
    | CASE expression? (WHEN expression THEN expression)+ (ELSE expression)? END
    | LPAREN queryStatement RPAREN
    | LPAREN expression (COMMA expression)* RPAREN
    | EXISTS LPAREN queryStatement RPAREN
    | ROW LPAREN (expression (COMMA expression)*)? RPAREN
    | (ARRAY | MULTISET) LBRACKET (expression (COMMA expression)*)? RBRACKET
    | (ARRAY | MULTISET | MAP) LPAREN queryStatement RPAREN
    | MAP LBRACKET (expression (COMMA expression)*)? RBRACKET
    | (RUNNING | FINAL) functionCall
    | USER
    | functionCall
    | IDENTIFIER
    | QUOTED_IDENTIFIER
    | nonReservedKeyword
    | QUESTION
    | valueExpression LBRACKET expression RBRACKET
    | valueExpression DOT (identifier | STAR) (LPAREN functionArguments? RPAREN)?
    | (PLUS | MINUS_SIGN) valueExpression
    | valueExpression (STAR | SLASH | PERCENT | CONCAT) valueExpression
    | valueExpression (PLUS | MINUS_SIGN) valueExpression
    ;

comparisonOperator
    : EQ | NEQ | NEQ_BANG | LT | LE | GT | GE
    ;

functionCall
    : functionName LPAREN (setQuantifier? functionArguments nullTreatment? orderByClause? | STAR)? RPAREN
      nullTreatment?
      (WITHIN GROUP LPAREN orderByClause RPAREN)?
      (FILTER LPAREN WHERE expression RPAREN)?
      nullTreatment?
      (OVER (identifier | LPAREN windowSpec RPAREN))?
    ;

nullTreatment
    : (IGNORE | RESPECT) NULLS
    ;

// Function names that are also keyword tokens of the grammar.
functionName
    : identifier
    | LEFT | RIGHT | TRUNCATE | GROUPING | SECOND | MINUTE | HOUR | DAY | MONTH | YEAR | NEXT
    ;

functionArguments
    : functionArgument (COMMA functionArgument)*
    ;

functionArgument
    : (identifier ARROW)? argumentValue
    ;

// As in Calcite, the keys of a table argument are one name or a parenthesized list, so the
// comma after them separates the next argument: SESSION(TABLE t PARTITION BY k, DESCRIPTOR(ts), ...).
argumentValue
    : TABLE qualifiedName (PARTITION BY tableArgumentKeys)? (ORDER BY tableArgumentOrder)?
    | DEFAULT
    | expression
    ;

tableArgumentKeys
    : LPAREN identifier (COMMA identifier)* RPAREN
    | identifier
    ;

tableArgumentOrder
    : LPAREN orderItem (COMMA orderItem)* RPAREN
    | orderItem
    ;

// Functions with syntax of their own.
specialFunction
    : (CAST | TRY_CAST) LPAREN expression AS dataType RPAREN
    | EXTRACT LPAREN timeUnit FROM expression RPAREN
    | (FLOOR | CEIL | CEILING) LPAREN expression (TO timeUnit)? RPAREN
    | POSITION LPAREN valueExpression IN expression (FROM expression)? RPAREN
    // The start may be left out here so that SUBSTRING(s) is reported as a call with too few
    // arguments (which names the valid forms) rather than as a stray `)`.
    | SUBSTRING LPAREN expression (FROM expression (FOR expression)? | COMMA expression (COMMA expression)?)? RPAREN
    | OVERLAY LPAREN expression PLACING expression FROM expression (FOR expression)? RPAREN
    | TRIM LPAREN (BOTH | LEADING | TRAILING)? expression? (FROM expression)? RPAREN
    | (TIMESTAMPADD | TIMESTAMPDIFF) LPAREN timeUnit COMMA expression COMMA expression RPAREN
    | JSON_VALUE LPAREN expression COMMA expression (RETURNING dataType)? jsonValueBehavior* RPAREN
    | JSON_QUERY LPAREN expression COMMA expression (RETURNING dataType)? jsonWrapper? jsonQueryBehavior* RPAREN
    | JSON_EXISTS LPAREN expression COMMA expression (jsonExistsBehavior ON ERROR)? RPAREN
    | JSON_OBJECT LPAREN (jsonKeyValue (COMMA jsonKeyValue)*)? jsonNullClause? RPAREN
    | JSON_OBJECTAGG LPAREN jsonKeyValue jsonNullClause? RPAREN
    | JSON_ARRAY LPAREN (expression (COMMA expression)*)? jsonNullClause? RPAREN
    | JSON_ARRAYAGG LPAREN expression orderByClause? jsonNullClause? RPAREN
    ;

jsonValueBehavior
    : (NULL | ERROR | DEFAULT expression) ON (EMPTY | ERROR)
    ;

jsonQueryBehavior
    : (NULL | ERROR | EMPTY (ARRAY | OBJECT)) ON (EMPTY | ERROR)
    ;

jsonExistsBehavior
    : TRUE | FALSE | UNKNOWN | ERROR
    ;

jsonWrapper
    : (WITHOUT ARRAY? | WITH (CONDITIONAL | UNCONDITIONAL)? ARRAY?) WRAPPER
    ;

jsonKeyValue
    : KEY? expression (VALUE | COLON) expression
    ;

jsonNullClause
    : (NULL | ABSENT) ON NULL
    ;

windowSpec
    : identifier?
      (PARTITION BY expression (COMMA expression)*)?
      orderByClause?
      windowFrame?
    ;

windowFrame
    : (ROWS | RANGE) (BETWEEN frameBound AND frameBound | frameBound) ((ALLOW | DISALLOW) PARTIAL)?
    ;

frameBound
    : UNBOUNDED (PRECEDING | FOLLOWING)
    | CURRENT ROW
    | valueExpression (PRECEDING | FOLLOWING)
    ;

literal
    : NULL
    | TRUE
    | FALSE
    | UNKNOWN
    | UNSIGNED_INTEGER
    | DECIMAL_NUMERIC
    | APPROX_NUMERIC
    | stringLiteral
    | BINARY_STRING+
    | (DATE | TIME | TIMESTAMP | TIMESTAMP_LTZ) stringLiteral
    | INTERVAL (PLUS | MINUS_SIGN)? (stringLiteral | UNSIGNED_INTEGER) intervalQualifier
    ;

stringLiteral
    : (STRING_LITERAL | NATIONAL_STRING | CHARSET_STRING | UNICODE_STRING) STRING_LITERAL* (UESCAPE STRING_LITERAL)?
    ;

intervalQualifier
    : timeUnit (LPAREN UNSIGNED_INTEGER (COMMA UNSIGNED_INTEGER)? RPAREN)?
      (TO timeUnit (LPAREN UNSIGNED_INTEGER RPAREN)?)?
    ;

timeUnit
    : YEAR | YEARS | QUARTER | QUARTERS | MONTH | MONTHS | WEEK | WEEKS | DAY | DAYS | HOUR | HOURS
    | MINUTE | MINUTES | SECOND | SECONDS | MILLISECOND | MICROSECOND | NANOSECOND
    | DOW | DOY | EPOCH | DECADE | CENTURY | MILLENNIUM | ISODOW | ISOYEAR
    ;

// ------------------------------------------------------------------------------------ types

dataType
    : baseType nullability? (collectionSuffix nullability?)*
    ;

collectionSuffix
    : ARRAY
    | MULTISET
    ;

nullability
    : NOT NULL
    | NULL
    ;

baseType
    : (CHAR | CHARACTER) VARYING? typeLength?
    | VARCHAR typeLength?
    | STRING
    | BOOLEAN
    | BINARY VARYING? typeLength?
    | VARBINARY typeLength?
    | BYTES
    | (DECIMAL | DEC | NUMERIC) (LPAREN UNSIGNED_INTEGER (COMMA UNSIGNED_INTEGER)? RPAREN)?
    | TINYINT
    | SMALLINT
    | INT
    | INTEGER
    | BIGINT
    | FLOAT typeLength?
    | REAL
    | DOUBLE PRECISION?
    | DATE
    | TIME typeLength? (WITHOUT TIME ZONE)?
    | TIMESTAMP typeLength? ((WITHOUT | WITH LOCAL?) TIME ZONE)?
    | TIMESTAMP_LTZ typeLength?
    | INTERVAL intervalQualifier
    | (ARRAY | MULTISET) LT dataType GT
    | MAP LT dataType COMMA dataType GT
    | ROW LT (rowField (COMMA rowField)*)? GT
    | ROW NEQ
    | ROW LPAREN (rowField (COMMA rowField)*)? RPAREN
    | RAW LPAREN stringLiteral (COMMA stringLiteral)? RPAREN
    | qualifiedName
    ;

typeLength
    : LPAREN UNSIGNED_INTEGER RPAREN
    ;

rowField
    : identifier dataType stringLiteral?
    ;

// ------------------------------------------------------------------------------------ DDL

createStatement
    : CREATE (OR REPLACE)? TEMPORARY? SYSTEM? createBody
    ;

createBody
    : TABLE ifNotExists? qualifiedName tableSchemaAndOptions (LIKE qualifiedName likeOptions?)? (AS queryStatement)?
    | MATERIALIZED TABLE ifNotExists? qualifiedName materializedTableDefinition
    | VIEW ifNotExists? qualifiedName columnList? commentClause? AS queryStatement
    | FUNCTION ifNotExists? qualifiedName AS stringLiteral (LANGUAGE identifier)? (USING JAR stringLiteral (COMMA JAR stringLiteral)*)?
    | CATALOG ifNotExists? identifier commentClause? withOptions?
    | DATABASE ifNotExists? qualifiedName commentClause? withOptions?
    | MODEL ifNotExists? qualifiedName (INPUT LPAREN columnDefinition (COMMA columnDefinition)* RPAREN)?
        (OUTPUT LPAREN columnDefinition (COMMA columnDefinition)* RPAREN)? commentClause? withOptions (AS queryStatement)?
    ;

ifNotExists
    : IF NOT EXISTS
    ;

ifExists
    : IF EXISTS
    ;

tableSchemaAndOptions
    : (LPAREN tableElement (COMMA tableElement)* COMMA? RPAREN)?
      commentClause?
      distribution?
      partitionedBy?
      withOptions?
    ;

materializedTableDefinition
    : (LPAREN tableElement (COMMA tableElement)* RPAREN)?
      commentClause?
      distribution?
      partitionedBy?
      withOptions?
      FRESHNESS EQ expression
      (REFRESH_MODE EQ refreshMode)?
      AS queryStatement
    ;

tableElement
    : columnDefinition
    | WATERMARK FOR qualifiedName AS expression
    | tableConstraint
    ;

columnDefinition
    : qualifiedName (AS expression | dataType columnOption*)? commentClause?
    ;

columnOption
    : METADATA (FROM stringLiteral)? VIRTUAL?
    | constraintName? PRIMARY KEY enforcement?
    | constraintName? UNIQUE enforcement?
    ;

enforcement
    : NOT? ENFORCED
    ;

tableConstraint
    : constraintName? PRIMARY KEY columnList enforcement?
    | constraintName? UNIQUE columnList enforcement?
    ;

constraintName
    : CONSTRAINT identifier
    ;

commentClause
    : COMMENT stringLiteral
    ;

distribution
    : DISTRIBUTED (BY (HASH | RANGE)? LPAREN identifierList RPAREN (INTO expression BUCKETS)? | INTO expression BUCKETS)
    ;

partitionedBy
    : PARTITIONED BY columnList
    ;

withOptions
    : WITH LPAREN (tableOption (COMMA tableOption)*)? RPAREN
    ;

tableOption
    : optionKey EQ stringLiteral
    ;

optionKey
    : stringLiteral
    | identifier (DOT identifier)*
    ;

likeOptions
    : LPAREN likeOption+ RPAREN
    ;

likeOption
    : (INCLUDING | EXCLUDING | OVERWRITING) (ALL | DISTRIBUTION | WATERMARKS | identifier)
    ;

alterStatement
    : ALTER TABLE ifExists? qualifiedName alterTableAction
    | ALTER MATERIALIZED TABLE qualifiedName alterMaterializedTableAction
    | ALTER VIEW qualifiedName (RENAME TO qualifiedName | AS queryStatement)
    | ALTER TEMPORARY? SYSTEM? FUNCTION ifExists? qualifiedName AS stringLiteral (LANGUAGE identifier)?
    | ALTER CATALOG identifier (SET propertyList | RESET keyList | commentClause)
    | ALTER DATABASE qualifiedName SET propertyList
    | ALTER MODEL ifExists? qualifiedName (SET propertyList | RESET keyList | RENAME TO qualifiedName)
    ;

alterTableAction
    : RENAME TO qualifiedName
    | RENAME qualifiedName TO qualifiedName
    | SET propertyList
    | RESET keyList
    | (ADD | MODIFY) (LPAREN positionedElement (COMMA positionedElement)* RPAREN | positionedElement | alterDistribution)
    | ADD ifNotExists? (partitionSpec withOptions?)+
    | DROP (LPAREN qualifiedName (COMMA qualifiedName)* RPAREN | PRIMARY KEY | CONSTRAINT identifier
           | WATERMARK | DISTRIBUTION | ifExists? partitionSpec (COMMA partitionSpec)* | qualifiedName)
    | partitionSpec? COMPACT
    | AS queryStatement
    ;

positionedElement
    : tableElement columnPosition?
    ;

columnPosition
    : FIRST
    | AFTER qualifiedName
    ;

alterDistribution
    : DISTRIBUTION BY (HASH | RANGE)? LPAREN identifierList RPAREN (INTO expression BUCKETS)?
    | DISTRIBUTION INTO expression BUCKETS
    ;

alterMaterializedTableAction
    : SUSPEND
    | RESUME withOptions?
    | REFRESH partitionSpec?
    | SET FRESHNESS EQ expression
    | SET REFRESH_MODE EQ refreshMode
    | SET propertyList
    | RESET keyList
    | AS queryStatement
    ;

refreshMode
    : FULL
    | CONTINUOUS
    ;

propertyList
    : LPAREN (tableOption (COMMA tableOption)*)? RPAREN
    ;

keyList
    : LPAREN (optionKey (COMMA optionKey)*)? RPAREN
    ;

dropStatement
    : DROP TEMPORARY? SYSTEM? (TABLE | VIEW | FUNCTION | MODEL) ifExists? qualifiedName
    | DROP MATERIALIZED TABLE ifExists? qualifiedName
    | DROP CATALOG ifExists? identifier
    | DROP DATABASE ifExists? qualifiedName (RESTRICT | CASCADE)?
    ;

useStatement
    : USE CATALOG identifier
    | USE MODULES identifierList
    | USE qualifiedName
    ;

showStatement
    : SHOW (CATALOGS | DATABASES | TABLES | VIEWS | USER? FUNCTIONS | PROCEDURES | MODELS | MATERIALIZED TABLES)
        ((FROM | IN) qualifiedName)? likePattern?
    | SHOW CURRENT (CATALOG | DATABASE)
    | SHOW FULL? MODULES
    | SHOW (JARS | JOBS)
    | SHOW COLUMNS (FROM | IN) qualifiedName likePattern?
    | SHOW CREATE (TABLE | VIEW | CATALOG | MODEL | MATERIALIZED TABLE) qualifiedName
    | SHOW PARTITIONS qualifiedName partitionSpec?
    ;

likePattern
    : NOT? (LIKE | ILIKE) stringLiteral
    ;

describeStatement
    : (DESCRIBE | DESC) (CATALOG EXTENDED? identifier | DATABASE EXTENDED? qualifiedName
        | FUNCTION EXTENDED? qualifiedName | MODEL qualifiedName | JOB stringLiteral | EXTENDED? qualifiedName)
    ;

explainStatement
    : EXPLAIN (PLAN (WITH IMPLEMENTATION | WITHOUT IMPLEMENTATION)? FOR | explainDetail (COMMA explainDetail)*)?
      explainable
    ;

explainDetail
    : ESTIMATED_COST
    | CHANGELOG_MODE
    | JSON_EXECUTION_PLAN
    | PLAN_ADVICE
    ;

explainable
    : queryStatement
    | insertStatement
    | statementSet
    | EXECUTE (insertStatement | statementSet | queryStatement)
    | createStatement
    | REPLACE TEMPORARY? TABLE qualifiedName tableSchemaAndOptions AS queryStatement
    ;

setStatement
    : SET (configKey EQ configValue)?
    ;

resetStatement
    : RESET configKey?
    ;

configKey
    : stringLiteral
    | ~(EQ | SEMICOLON | STRING_LITERAL | NATIONAL_STRING | CHARSET_STRING | UNICODE_STRING)+
    ;

configValue
    : stringLiteral
    | ~(SEMICOLON | STRING_LITERAL | NATIONAL_STRING | CHARSET_STRING | UNICODE_STRING)+
    ;

// ------------------------------------------------------------------------------------ names

// The name rule is spelled out here rather than invoked: names are a third of all tokens, and a
// rule invocation per name part is a parse-tree context per name part.
qualifiedName
    : (IDENTIFIER | QUOTED_IDENTIFIER | nonReservedKeyword) (DOT (IDENTIFIER | QUOTED_IDENTIFIER | nonReservedKeyword))*
    ;

identifier
    : IDENTIFIER
    | QUOTED_IDENTIFIER
    | nonReservedKeyword
    ;

// Keyword tokens that Flink does not reserve: they stay usable as plain identifiers.
nonReservedKeyword
    : ABSENT | ADD | AFTER | ANALYZE | APPLY | ASC | CASCADE | CATALOG | CENTURY | CHANGELOG_MODE | CLEAR
    | COLUMNS | COMPACT | COMPILE | COMPUTE | CONDITIONAL | DATABASE | DAYS | DECADE | DESC | DOW | DOY
    | DRAIN | ENFORCED | EPOCH | ERROR | ESTIMATED_COST | EXCLUDING | EXIT | FINAL | FIRST | FOLLOWING
    | HELP | HOURS | IF | IGNORE | IMPLEMENTATION | INCLUDING | INPUT | ISODOW | ISOYEAR | JAR | JARS
    | JOB | JOBS | JSON | JSON_EXECUTION_PLAN | KEY | LAST | LOAD | MAP | METADATA | MICROSECOND
    | MILLENNIUM | MILLISECOND | MINUTES | MONTHS | NANOSECOND | NULLS | OBJECT | ORDINALITY | OUTPUT
    | OVERWRITE | OVERWRITING | PARTIAL | PARTITIONED | PARTITIONS | PAST | PLACING | PLAN | PLAN_ADVICE
    | PRECEDING | QUARTER | QUIT | REMOVE | REPLACE | RESPECT | RESTRICT | RETURNING | SCALAR | SECONDS
    | SETS | STATISTICS | STOP | TEMPORARY | TIMESTAMPADD | TIMESTAMPDIFF | TRY_CAST | UNBOUNDED
    | UNCONDITIONAL | UNLOAD | VIEW | VIRTUAL | WEEK | WRAPPER | YEARS | ZONE
    ;
