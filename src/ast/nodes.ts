import type { Span } from '../source/span.js';

/**
 * The typed AST of Flink SQL. Every node has a `kind` (the discriminant) and a `span` (UTF-16
 * offsets into the script). Only src/ast/build.ts knows about ANTLR parse trees; everything
 * downstream works on these nodes.
 *
 * Conventions:
 * - Parentheses leave no node: grouping is the tree's shape, and the printer adds parentheses back.
 * - Synonyms are normalized (INTEGER -> INT, MINUS -> EXCEPT, DESC -> DESCRIBE, ...), so that
 *   printing and parsing again gives the same tree.
 * - `null` means "absent"; lists are empty rather than null.
 */

interface NodeBase {
  readonly span: Span;
}

// ------------------------------------------------------------------------------------ names

export interface Identifier extends NodeBase {
  readonly kind: 'Identifier';
  /** The name as Flink sees it: unquoted and unescaped; case is preserved. */
  readonly value: string;
  /** Written with backticks in the source. */
  readonly quoted: boolean;
}

export interface QualifiedName extends NodeBase {
  readonly kind: 'QualifiedName';
  readonly parts: readonly Identifier[];
}

// ------------------------------------------------------------------------------------ types

export type TypeName =
  | 'CHAR' | 'VARCHAR' | 'STRING' | 'BOOLEAN' | 'BINARY' | 'VARBINARY' | 'BYTES' | 'DECIMAL'
  | 'TINYINT' | 'SMALLINT' | 'INT' | 'BIGINT' | 'FLOAT' | 'DOUBLE' | 'DATE' | 'TIME' | 'TIMESTAMP'
  | 'TIMESTAMP_LTZ' | 'INTERVAL' | 'ARRAY' | 'MULTISET' | 'MAP' | 'ROW' | 'RAW' | 'USER_DEFINED';

export interface DataType extends NodeBase {
  readonly kind: 'DataType';
  readonly name: TypeName;
  /** Length, precision and scale as written, e.g. [10, 2] for DECIMAL(10, 2). */
  readonly args: readonly number[];
  /** true for `NULL`, false for `NOT NULL`, null when not written. */
  readonly nullable: boolean | null;
  /** ARRAY / MULTISET element type. */
  readonly element: DataType | null;
  /** MAP key and value types. */
  readonly key: DataType | null;
  readonly value: DataType | null;
  /** ROW fields. */
  readonly fields: readonly RowField[];
  readonly interval: IntervalQualifier | null;
  /** RAW('class', 'snapshot'). */
  readonly rawClass: string | null;
  readonly rawSnapshot: string | null;
  /** A user-defined (structured or distinct) type's name. */
  readonly userType: QualifiedName | null;
}

export interface RowField extends NodeBase {
  readonly kind: 'RowField';
  readonly name: Identifier;
  readonly type: DataType;
  readonly description: string | null;
}

export type TimeUnit =
  | 'YEAR' | 'QUARTER' | 'MONTH' | 'WEEK' | 'DAY' | 'HOUR' | 'MINUTE' | 'SECOND' | 'MILLISECOND'
  | 'MICROSECOND' | 'NANOSECOND' | 'DOW' | 'DOY' | 'EPOCH' | 'DECADE' | 'CENTURY' | 'MILLENNIUM'
  | 'ISODOW' | 'ISOYEAR';

export interface IntervalQualifier extends NodeBase {
  readonly kind: 'IntervalQualifier';
  readonly start: TimeUnit;
  readonly startPrecision: number | null;
  /** Fractional second precision when the qualifier is a single SECOND(p, f). */
  readonly fractionalPrecision: number | null;
  readonly end: TimeUnit | null;
  readonly endPrecision: number | null;
}

// ------------------------------------------------------------------------------------ expressions

export type LiteralType =
  | 'NULL' | 'BOOLEAN' | 'UNKNOWN' | 'INTEGER' | 'DECIMAL' | 'APPROX' | 'STRING' | 'BINARY'
  | 'DATE' | 'TIME' | 'TIMESTAMP' | 'TIMESTAMP_LTZ';

export interface Literal extends NodeBase {
  readonly kind: 'Literal';
  readonly type: LiteralType;
  /** Normalized value: digits for numbers, unescaped text for strings, hex digits for binary, TRUE/FALSE. */
  readonly value: string;
  /** For strings: the N / _charset / U& prefix, if any. */
  readonly prefix: string | null;
}

export interface IntervalLiteral extends NodeBase {
  readonly kind: 'IntervalLiteral';
  readonly negative: boolean;
  readonly value: string;
  readonly qualifier: IntervalQualifier;
}

export interface ColumnRef extends NodeBase {
  readonly kind: 'ColumnRef';
  /** `a`, `t.a`, `db.t.a.field`: resolution decides which parts name a table. */
  readonly parts: readonly Identifier[];
}

export interface Star extends NodeBase {
  readonly kind: 'Star';
  /** `t.*` has qualifier [t]; a plain `*` has none. */
  readonly qualifier: readonly Identifier[];
}

export interface FieldAccess extends NodeBase {
  readonly kind: 'FieldAccess';
  readonly target: Expression;
  readonly field: Identifier;
}

export interface Subscript extends NodeBase {
  readonly kind: 'Subscript';
  readonly target: Expression;
  readonly index: Expression;
}

export type UnaryOperator = '-' | '+' | 'NOT';

export interface Unary extends NodeBase {
  readonly kind: 'Unary';
  readonly op: UnaryOperator;
  readonly operand: Expression;
}

export type BinaryOperator =
  | '*' | '/' | '%' | '||' | '+' | '-' | '=' | '<>' | '!=' | '<' | '<=' | '>' | '>=' | 'AND' | 'OR';

export interface Binary extends NodeBase {
  readonly kind: 'Binary';
  readonly op: BinaryOperator;
  readonly left: Expression;
  readonly right: Expression;
}

export type ComparisonOperator = '=' | '<>' | '!=' | '<' | '<=' | '>' | '>=';

export interface QuantifiedComparison extends NodeBase {
  readonly kind: 'QuantifiedComparison';
  readonly op: ComparisonOperator;
  readonly quantifier: 'ANY' | 'SOME' | 'ALL';
  readonly left: Expression;
  readonly query: Query;
}

export interface IsTest extends NodeBase {
  readonly kind: 'IsTest';
  readonly operand: Expression;
  readonly negated: boolean;
  readonly test: 'NULL' | 'TRUE' | 'FALSE' | 'UNKNOWN';
}

export interface IsDistinctFrom extends NodeBase {
  readonly kind: 'IsDistinctFrom';
  readonly left: Expression;
  readonly right: Expression;
  readonly negated: boolean;
}

export interface IsJson extends NodeBase {
  readonly kind: 'IsJson';
  readonly operand: Expression;
  readonly negated: boolean;
  readonly jsonType: 'VALUE' | 'OBJECT' | 'ARRAY' | 'SCALAR' | null;
}

export interface Between extends NodeBase {
  readonly kind: 'Between';
  readonly operand: Expression;
  readonly low: Expression;
  readonly high: Expression;
  readonly negated: boolean;
  readonly symmetric: boolean;
}

export interface InList extends NodeBase {
  readonly kind: 'InList';
  readonly operand: Expression;
  readonly negated: boolean;
  readonly values: readonly Expression[];
}

export interface InSubquery extends NodeBase {
  readonly kind: 'InSubquery';
  readonly operand: Expression;
  readonly negated: boolean;
  readonly query: Query;
}

export interface Like extends NodeBase {
  readonly kind: 'Like';
  readonly op: 'LIKE' | 'ILIKE' | 'SIMILAR TO';
  readonly operand: Expression;
  readonly pattern: Expression;
  readonly escape: Expression | null;
  readonly negated: boolean;
}

export interface MemberOf extends NodeBase {
  readonly kind: 'MemberOf';
  readonly op: 'MEMBER OF' | 'SUBMULTISET OF';
  readonly left: Expression;
  readonly right: Expression;
  readonly negated: boolean;
}

/** `(start1, end1) OVERLAPS (start2, end2)`: whether two periods share a point in time. */
export interface Overlaps extends NodeBase {
  readonly kind: 'Overlaps';
  readonly left: Expression;
  readonly right: Expression;
}

export interface WhenClause extends NodeBase {
  readonly kind: 'WhenClause';
  readonly condition: Expression;
  readonly result: Expression;
}

export interface Case extends NodeBase {
  readonly kind: 'Case';
  readonly operand: Expression | null;
  readonly whens: readonly WhenClause[];
  readonly elseResult: Expression | null;
}

export interface Cast extends NodeBase {
  readonly kind: 'Cast';
  readonly tryCast: boolean;
  readonly operand: Expression;
  readonly type: DataType;
}

export interface FunctionCall extends NodeBase {
  readonly kind: 'FunctionCall';
  readonly name: QualifiedName;
  readonly args: readonly Expression[];
  readonly quantifier: 'DISTINCT' | 'ALL' | null;
  /** `COUNT(*)`. */
  readonly star: boolean;
  /** Written without parentheses, e.g. CURRENT_TIMESTAMP. */
  readonly niladic: boolean;
  /** ORDER BY inside the argument list, e.g. ARRAY_AGG(x ORDER BY y). */
  readonly argOrderBy: readonly OrderItem[];
  readonly nullTreatment: 'IGNORE NULLS' | 'RESPECT NULLS' | null;
  readonly withinGroup: readonly OrderItem[];
  readonly filter: Expression | null;
  readonly over: WindowSpec | Identifier | null;
  /** MATCH_RECOGNIZE's RUNNING / FINAL semantics prefix. */
  readonly semantics: 'RUNNING' | 'FINAL' | null;
}

/** `name => value` in a call. */
export interface NamedArgument extends NodeBase {
  readonly kind: 'NamedArgument';
  readonly name: Identifier;
  readonly value: Expression;
}

/** `TABLE t [PARTITION BY ...] [ORDER BY ...]` as a table function argument. */
export interface TableArgument extends NodeBase {
  readonly kind: 'TableArgument';
  readonly table: QualifiedName;
  readonly partitionBy: readonly Expression[];
  readonly orderBy: readonly OrderItem[];
}

export interface DefaultArgument extends NodeBase {
  readonly kind: 'DefaultArgument';
}

export interface Extract extends NodeBase {
  readonly kind: 'Extract';
  readonly unit: TimeUnit;
  readonly source: Expression;
}

/** FLOOR(x TO unit) / CEIL(x TO unit); FLOOR(x) without a unit is a FunctionCall. */
export interface FloorCeil extends NodeBase {
  readonly kind: 'FloorCeil';
  readonly fn: 'FLOOR' | 'CEIL';
  readonly operand: Expression;
  readonly unit: TimeUnit;
}

export interface Position extends NodeBase {
  readonly kind: 'Position';
  readonly needle: Expression;
  readonly haystack: Expression;
  readonly from: Expression | null;
}

/** SUBSTRING(x FROM a [FOR b]); the comma form is a FunctionCall. */
export interface Substring extends NodeBase {
  readonly kind: 'Substring';
  readonly operand: Expression;
  readonly from: Expression;
  readonly length: Expression | null;
}

export interface Overlay extends NodeBase {
  readonly kind: 'Overlay';
  readonly operand: Expression;
  readonly placing: Expression;
  readonly from: Expression;
  readonly length: Expression | null;
}

export interface Trim extends NodeBase {
  readonly kind: 'Trim';
  readonly side: 'BOTH' | 'LEADING' | 'TRAILING' | null;
  readonly characters: Expression | null;
  readonly operand: Expression;
}

export interface TimestampFunction extends NodeBase {
  readonly kind: 'TimestampFunction';
  readonly fn: 'TIMESTAMPADD' | 'TIMESTAMPDIFF';
  readonly unit: TimeUnit;
  readonly first: Expression;
  readonly second: Expression;
}

/** `NULL ON EMPTY`, `DEFAULT x ON ERROR`, `EMPTY ARRAY ON ERROR`, ... */
export interface JsonBehavior extends NodeBase {
  readonly kind: 'JsonBehavior';
  readonly behavior: 'NULL' | 'ERROR' | 'DEFAULT' | 'EMPTY ARRAY' | 'EMPTY OBJECT' | 'TRUE' | 'FALSE' | 'UNKNOWN';
  readonly defaultValue: Expression | null;
  readonly on: 'EMPTY' | 'ERROR';
}

export interface JsonValue extends NodeBase {
  readonly kind: 'JsonValue';
  readonly operand: Expression;
  readonly path: Expression;
  readonly returning: DataType | null;
  readonly behaviors: readonly JsonBehavior[];
}

export interface JsonQuery extends NodeBase {
  readonly kind: 'JsonQuery';
  readonly operand: Expression;
  readonly path: Expression;
  readonly returning: DataType | null;
  readonly wrapper: 'WITHOUT ARRAY' | 'WITH CONDITIONAL ARRAY' | 'WITH UNCONDITIONAL ARRAY' | null;
  readonly behaviors: readonly JsonBehavior[];
}

export interface JsonExists extends NodeBase {
  readonly kind: 'JsonExists';
  readonly operand: Expression;
  readonly path: Expression;
  readonly onError: JsonBehavior | null;
}

export interface JsonKeyValue extends NodeBase {
  readonly kind: 'JsonKeyValue';
  readonly key: Expression;
  readonly value: Expression;
}

export interface JsonObject extends NodeBase {
  readonly kind: 'JsonObject';
  readonly aggregate: boolean;
  readonly entries: readonly JsonKeyValue[];
  readonly onNull: 'NULL' | 'ABSENT' | null;
}

export interface JsonArray extends NodeBase {
  readonly kind: 'JsonArray';
  readonly aggregate: boolean;
  readonly items: readonly Expression[];
  readonly orderBy: readonly OrderItem[];
  readonly onNull: 'NULL' | 'ABSENT' | null;
}

export interface ScalarSubquery extends NodeBase {
  readonly kind: 'ScalarSubquery';
  readonly query: Query;
}

export interface Exists extends NodeBase {
  readonly kind: 'Exists';
  readonly query: Query;
}

/** `ROW(a, b)` (explicit) or `(a, b)` (implicit). */
export interface RowConstructor extends NodeBase {
  readonly kind: 'RowConstructor';
  readonly explicit: boolean;
  readonly items: readonly Expression[];
}

export interface CollectionConstructor extends NodeBase {
  readonly kind: 'CollectionConstructor';
  readonly collection: 'ARRAY' | 'MULTISET' | 'MAP';
  /** For MAP: key, value, key, value, ... */
  readonly items: readonly Expression[];
}

export interface CollectionQuery extends NodeBase {
  readonly kind: 'CollectionQuery';
  readonly collection: 'ARRAY' | 'MULTISET' | 'MAP';
  readonly query: Query;
}

export interface DynamicParameter extends NodeBase {
  readonly kind: 'DynamicParameter';
}

export type Expression =
  | Literal | IntervalLiteral | ColumnRef | Star | FieldAccess | Subscript | Unary | Binary
  | QuantifiedComparison | IsTest | IsDistinctFrom | IsJson | Between | InList | InSubquery | Like
  | MemberOf | Overlaps | Case | Cast | FunctionCall | NamedArgument | TableArgument | DefaultArgument | Extract
  | FloorCeil | Position | Substring | Overlay | Trim | TimestampFunction | JsonValue | JsonQuery
  | JsonExists | JsonObject | JsonArray | ScalarSubquery | Exists | RowConstructor
  | CollectionConstructor | CollectionQuery | DynamicParameter;

// ------------------------------------------------------------------------------------ windows

export interface OrderItem extends NodeBase {
  readonly kind: 'OrderItem';
  readonly expr: Expression;
  readonly direction: 'ASC' | 'DESC' | null;
  readonly nulls: 'FIRST' | 'LAST' | null;
}

export interface FrameBound extends NodeBase {
  readonly kind: 'FrameBound';
  readonly bound: 'UNBOUNDED PRECEDING' | 'UNBOUNDED FOLLOWING' | 'CURRENT ROW' | 'PRECEDING' | 'FOLLOWING';
  readonly offset: Expression | null;
}

export interface WindowFrame extends NodeBase {
  readonly kind: 'WindowFrame';
  readonly units: 'ROWS' | 'RANGE';
  readonly start: FrameBound;
  /** Present for `BETWEEN start AND end`. */
  readonly end: FrameBound | null;
  readonly partial: 'ALLOW PARTIAL' | 'DISALLOW PARTIAL' | null;
}

export interface WindowSpec extends NodeBase {
  readonly kind: 'WindowSpec';
  readonly baseWindow: Identifier | null;
  readonly partitionBy: readonly Expression[];
  readonly orderBy: readonly OrderItem[];
  readonly frame: WindowFrame | null;
}

export interface WindowDefinition extends NodeBase {
  readonly kind: 'WindowDefinition';
  readonly name: Identifier;
  readonly spec: WindowSpec;
}

// ------------------------------------------------------------------------------------ queries

export interface Hint extends NodeBase {
  readonly kind: 'Hint';
  readonly name: Identifier;
  readonly options: readonly HintOption[];
}

export interface HintOption extends NodeBase {
  readonly kind: 'HintOption';
  readonly key: string;
  /** The key was written as a string literal (`'k' = 'v'`). */
  readonly keyQuoted: boolean;
  readonly value: string | null;
}

export interface WithItem extends NodeBase {
  readonly kind: 'WithItem';
  readonly name: Identifier;
  readonly columns: readonly Identifier[];
  readonly query: Query;
}

export interface Query extends NodeBase {
  readonly kind: 'Query';
  readonly recursive: boolean;
  readonly withItems: readonly WithItem[];
  readonly body: QueryBody;
  readonly orderBy: readonly OrderItem[];
  /** LIMIT n, or the count in LIMIT offset, count. */
  readonly limit: Expression | null;
  readonly limitAll: boolean;
  readonly offset: Expression | null;
  /** FETCH FIRST n ROWS ONLY. */
  readonly fetch: Expression | null;
}

export interface SelectItem extends NodeBase {
  readonly kind: 'SelectItem';
  readonly expr: Expression;
  readonly alias: Identifier | null;
}

export type GroupingElement =
  | { readonly kind: 'GroupingExpression'; readonly span: Span; readonly expr: Expression }
  | { readonly kind: 'EmptyGrouping'; readonly span: Span }
  | { readonly kind: 'Rollup' | 'Cube' | 'GroupingSets'; readonly span: Span; readonly elements: readonly GroupingElement[] };

export interface GroupBy extends NodeBase {
  readonly kind: 'GroupBy';
  readonly quantifier: 'DISTINCT' | 'ALL' | null;
  readonly elements: readonly GroupingElement[];
}

export interface Select extends NodeBase {
  readonly kind: 'Select';
  readonly hints: readonly Hint[];
  readonly quantifier: 'DISTINCT' | 'ALL' | null;
  readonly items: readonly SelectItem[];
  /** FROM a, b: one entry per comma-separated reference. */
  readonly from: readonly TableRef[];
  readonly where: Expression | null;
  readonly groupBy: GroupBy | null;
  readonly having: Expression | null;
  readonly windows: readonly WindowDefinition[];
}

export interface Values extends NodeBase {
  readonly kind: 'Values';
  readonly rows: readonly Expression[];
}

export interface SetOperation extends NodeBase {
  readonly kind: 'SetOperation';
  readonly op: 'UNION' | 'INTERSECT' | 'EXCEPT';
  readonly quantifier: 'DISTINCT' | 'ALL' | null;
  readonly left: QueryBody;
  readonly right: QueryBody;
}

/** `TABLE t` as a query. */
export interface ExplicitTable extends NodeBase {
  readonly kind: 'ExplicitTable';
  readonly name: QualifiedName;
}

export type QueryBody = Select | Values | SetOperation | ExplicitTable | Query;

// ------------------------------------------------------------------------------------ FROM

export interface TableAlias extends NodeBase {
  readonly kind: 'TableAlias';
  readonly name: Identifier;
  readonly columns: readonly Identifier[];
}

export interface ExtendedColumn extends NodeBase {
  readonly kind: 'ExtendedColumn';
  readonly name: Identifier;
  readonly type: DataType;
}

export interface NamedTable extends NodeBase {
  readonly kind: 'NamedTable';
  readonly name: QualifiedName;
  readonly hints: readonly Hint[];
  readonly extension: readonly ExtendedColumn[];
  /** FOR SYSTEM_TIME AS OF expr. */
  readonly systemTime: Expression | null;
  readonly alias: TableAlias | null;
}

export interface DerivedTable extends NodeBase {
  readonly kind: 'DerivedTable';
  readonly lateral: boolean;
  readonly query: Query;
  readonly alias: TableAlias | null;
}

/** TABLE(fn(...)), LATERAL TABLE(fn(...)), or fn(...) directly in FROM. */
export interface TableFunction extends NodeBase {
  readonly kind: 'TableFunction';
  readonly lateral: boolean;
  /** Written with the TABLE( ... ) wrapper. */
  readonly wrapped: boolean;
  readonly call: FunctionCall;
  readonly alias: TableAlias | null;
}

export interface Unnest extends NodeBase {
  readonly kind: 'Unnest';
  readonly lateral: boolean;
  readonly args: readonly Expression[];
  readonly withOrdinality: boolean;
  readonly alias: TableAlias | null;
}

export type JoinType = 'INNER' | 'LEFT' | 'RIGHT' | 'FULL' | 'CROSS' | 'CROSS APPLY' | 'OUTER APPLY';

export interface Join extends NodeBase {
  readonly kind: 'Join';
  readonly joinType: JoinType;
  readonly natural: boolean;
  readonly left: TableRef;
  readonly right: TableRef;
  readonly on: Expression | null;
  readonly using: readonly Identifier[];
}

export interface MatchMeasure extends NodeBase {
  readonly kind: 'MatchMeasure';
  readonly expr: Expression;
  readonly alias: Identifier;
}

export interface PatternDefinition extends NodeBase {
  readonly kind: 'PatternDefinition';
  readonly variable: Identifier;
  readonly condition: Expression;
}

export interface SubsetDefinition extends NodeBase {
  readonly kind: 'SubsetDefinition';
  readonly name: Identifier;
  readonly variables: readonly Identifier[];
}

export interface AfterMatch extends NodeBase {
  readonly kind: 'AfterMatch';
  readonly skip: 'TO NEXT ROW' | 'PAST LAST ROW' | 'TO FIRST' | 'TO LAST' | 'TO';
  readonly variable: Identifier | null;
}

export interface PatternQuantifier extends NodeBase {
  readonly kind: 'PatternQuantifier';
  readonly min: number;
  /** null means unbounded. */
  readonly max: number | null;
  readonly reluctant: boolean;
  /** How it was written: '*', '+', '?', or '{n,m}'. */
  readonly form: '*' | '+' | '?' | 'braces';
}

export type RowPattern =
  | { readonly kind: 'PatternAlternation'; readonly span: Span; readonly alternatives: readonly RowPattern[] }
  | { readonly kind: 'PatternSequence'; readonly span: Span; readonly items: readonly RowPattern[] }
  | { readonly kind: 'PatternVariable'; readonly span: Span; readonly name: Identifier }
  | { readonly kind: 'PatternAnchor'; readonly span: Span; readonly anchor: '^' | '$' }
  | { readonly kind: 'PatternGroup'; readonly span: Span; readonly pattern: RowPattern | null }
  | { readonly kind: 'PatternExclusion'; readonly span: Span; readonly pattern: RowPattern }
  | { readonly kind: 'PatternPermute'; readonly span: Span; readonly patterns: readonly RowPattern[] }
  | { readonly kind: 'PatternQuantified'; readonly span: Span; readonly pattern: RowPattern; readonly quantifier: PatternQuantifier };

export interface MatchRecognize extends NodeBase {
  readonly kind: 'MatchRecognize';
  readonly input: TableRef;
  readonly partitionBy: readonly Expression[];
  readonly orderBy: readonly OrderItem[];
  readonly measures: readonly MatchMeasure[];
  readonly rowsPerMatch: 'ONE ROW PER MATCH' | 'ALL ROWS PER MATCH' | null;
  readonly afterMatch: AfterMatch | null;
  readonly pattern: RowPattern;
  readonly within: Expression | null;
  readonly subsets: readonly SubsetDefinition[];
  readonly definitions: readonly PatternDefinition[];
  readonly alias: TableAlias | null;
}

export type TableRef = NamedTable | DerivedTable | TableFunction | Unnest | Join | MatchRecognize;

// ------------------------------------------------------------------------------------ DDL pieces

export interface TableOption extends NodeBase {
  readonly kind: 'TableOption';
  readonly key: string;
  readonly keySpan: Span;
  /** Keys must be string literals in Flink; an unquoted key is kept for the diagnostic. */
  readonly keyQuoted: boolean;
  readonly value: string;
  readonly valueSpan: Span;
}

export interface ConfigKey extends NodeBase {
  readonly kind: 'ConfigKey';
  readonly key: string;
  readonly quoted: boolean;
}

export interface PhysicalColumn extends NodeBase {
  readonly kind: 'PhysicalColumn';
  readonly name: QualifiedName;
  /** null only in CREATE/REPLACE TABLE AS, where the type comes from the query. */
  readonly type: DataType | null;
  readonly constraint: ColumnConstraint | null;
  readonly comment: string | null;
}

export interface ComputedColumn extends NodeBase {
  readonly kind: 'ComputedColumn';
  readonly name: QualifiedName;
  readonly expr: Expression;
  readonly comment: string | null;
}

export interface MetadataColumn extends NodeBase {
  readonly kind: 'MetadataColumn';
  readonly name: QualifiedName;
  readonly type: DataType;
  readonly metadataKey: string | null;
  /** The `'key'` string of METADATA FROM, when written. */
  readonly metadataKeySpan: Span | null;
  readonly virtual: boolean;
  readonly constraint: ColumnConstraint | null;
  readonly comment: string | null;
}

export type ColumnDefinition = PhysicalColumn | ComputedColumn | MetadataColumn;

export interface ColumnConstraint extends NodeBase {
  readonly kind: 'ColumnConstraint';
  readonly name: Identifier | null;
  readonly type: 'PRIMARY KEY' | 'UNIQUE';
  /** true for ENFORCED, false for NOT ENFORCED, null when not written. */
  readonly enforced: boolean | null;
}

export interface TableConstraint extends NodeBase {
  readonly kind: 'TableConstraint';
  readonly name: Identifier | null;
  readonly type: 'PRIMARY KEY' | 'UNIQUE';
  readonly columns: readonly Identifier[];
  readonly enforced: boolean | null;
}

export interface WatermarkDefinition extends NodeBase {
  readonly kind: 'WatermarkDefinition';
  readonly column: QualifiedName;
  readonly expr: Expression;
}

export type TableElement = ColumnDefinition | TableConstraint | WatermarkDefinition;

export interface Distribution extends NodeBase {
  readonly kind: 'Distribution';
  readonly algorithm: 'HASH' | 'RANGE' | null;
  readonly columns: readonly Identifier[];
  readonly buckets: Expression | null;
}

export interface LikeOption extends NodeBase {
  readonly kind: 'LikeOption';
  readonly mode: 'INCLUDING' | 'EXCLUDING' | 'OVERWRITING';
  readonly feature: string;
}

export interface LikeClause extends NodeBase {
  readonly kind: 'LikeClause';
  readonly source: QualifiedName;
  readonly options: readonly LikeOption[];
}

export interface PartitionEntry extends NodeBase {
  readonly kind: 'PartitionEntry';
  readonly column: Identifier;
  readonly value: Expression | null;
}

/** One partition of ALTER TABLE ADD / DROP PARTITION, with the options ADD may give it. */
export interface PartitionSpec extends NodeBase {
  readonly kind: 'PartitionSpec';
  readonly entries: readonly PartitionEntry[];
  readonly options: readonly TableOption[];
}

export interface ColumnPosition extends NodeBase {
  readonly kind: 'ColumnPosition';
  readonly position: 'FIRST' | 'AFTER';
  readonly reference: QualifiedName | null;
}

export interface PositionedElement extends NodeBase {
  readonly kind: 'PositionedElement';
  readonly element: TableElement;
  readonly position: ColumnPosition | null;
}

export interface FunctionJar extends NodeBase {
  readonly kind: 'FunctionJar';
  readonly path: string;
}

// ------------------------------------------------------------------------------------ statements

export interface QueryStatement extends NodeBase {
  readonly kind: 'QueryStatement';
  readonly query: Query;
}

export interface Insert extends NodeBase {
  readonly kind: 'Insert';
  readonly upsert: boolean;
  readonly overwrite: boolean;
  readonly target: QualifiedName;
  readonly hints: readonly Hint[];
  readonly extendedColumns: readonly ExtendedColumn[];
  readonly partition: readonly PartitionEntry[];
  readonly columns: readonly Identifier[] | null;
  readonly query: Query;
}

export interface StatementSet extends NodeBase {
  readonly kind: 'StatementSet';
  readonly inserts: readonly Insert[];
}

export interface Execute extends NodeBase {
  readonly kind: 'Execute';
  readonly statement: Insert | StatementSet | QueryStatement;
}

export interface ExecutePlan extends NodeBase {
  readonly kind: 'ExecutePlan';
  readonly path: string;
}

export interface CompilePlan extends NodeBase {
  readonly kind: 'CompilePlan';
  readonly andExecute: boolean;
  readonly path: string;
  readonly ifNotExists: boolean;
  readonly statement: Insert | StatementSet;
}

/** SQL client commands: BEGIN STATEMENT SET, END, HELP, QUIT, EXIT, CLEAR. */
export interface ClientCommand extends NodeBase {
  readonly kind: 'ClientCommand';
  readonly command: 'BEGIN STATEMENT SET' | 'END' | 'HELP' | 'QUIT' | 'EXIT' | 'CLEAR';
}

export interface CreateTable extends NodeBase {
  readonly kind: 'CreateTable';
  /** CREATE, CREATE OR REPLACE, or REPLACE (the RTAS form). */
  readonly mode: 'CREATE' | 'CREATE OR REPLACE' | 'REPLACE';
  readonly temporary: boolean;
  readonly ifNotExists: boolean;
  readonly name: QualifiedName;
  readonly elements: readonly TableElement[];
  readonly comment: string | null;
  readonly distribution: Distribution | null;
  readonly partitionedBy: readonly Identifier[];
  readonly options: readonly TableOption[];
  readonly like: LikeClause | null;
  readonly asQuery: Query | null;
}

export interface CreateMaterializedTable extends NodeBase {
  readonly kind: 'CreateMaterializedTable';
  readonly orReplace: boolean;
  /** Not supported by Flink; kept so that the checks can say so. */
  readonly temporary: boolean;
  readonly ifNotExists: boolean;
  readonly name: QualifiedName;
  readonly elements: readonly TableElement[];
  readonly comment: string | null;
  readonly distribution: Distribution | null;
  readonly partitionedBy: readonly Identifier[];
  readonly options: readonly TableOption[];
  readonly freshness: Expression | null;
  readonly refreshMode: string | null;
  readonly query: Query;
}

export interface CreateView extends NodeBase {
  readonly kind: 'CreateView';
  readonly orReplace: boolean;
  readonly temporary: boolean;
  readonly ifNotExists: boolean;
  readonly name: QualifiedName;
  readonly columns: readonly Identifier[];
  readonly comment: string | null;
  readonly query: Query;
}

export interface CreateFunction extends NodeBase {
  readonly kind: 'CreateFunction';
  readonly orReplace: boolean;
  readonly temporary: boolean;
  readonly system: boolean;
  readonly ifNotExists: boolean;
  readonly name: QualifiedName;
  readonly className: string;
  readonly language: string | null;
  readonly jars: readonly FunctionJar[];
}

export interface CreateCatalog extends NodeBase {
  readonly kind: 'CreateCatalog';
  readonly ifNotExists: boolean;
  readonly name: Identifier;
  readonly comment: string | null;
  readonly options: readonly TableOption[];
}

export interface CreateDatabase extends NodeBase {
  readonly kind: 'CreateDatabase';
  readonly ifNotExists: boolean;
  readonly name: QualifiedName;
  readonly comment: string | null;
  readonly options: readonly TableOption[];
}

export interface CreateModel extends NodeBase {
  readonly kind: 'CreateModel';
  readonly orReplace: boolean;
  readonly temporary: boolean;
  readonly ifNotExists: boolean;
  readonly name: QualifiedName;
  readonly input: readonly ColumnDefinition[];
  readonly output: readonly ColumnDefinition[];
  readonly comment: string | null;
  readonly options: readonly TableOption[];
  readonly asQuery: Query | null;
}

export type AlterTableAction =
  | { readonly kind: 'RenameTable'; readonly span: Span; readonly newName: QualifiedName }
  | { readonly kind: 'RenameColumn'; readonly span: Span; readonly column: QualifiedName; readonly newName: QualifiedName }
  | { readonly kind: 'SetOptions'; readonly span: Span; readonly options: readonly TableOption[] }
  | { readonly kind: 'ResetOptions'; readonly span: Span; readonly keys: readonly ConfigKey[] }
  | { readonly kind: 'AddElements' | 'ModifyElements'; readonly span: Span; readonly parenthesized: boolean; readonly elements: readonly PositionedElement[] }
  | { readonly kind: 'AddDistribution' | 'ModifyDistribution'; readonly span: Span; readonly distribution: Distribution }
  | { readonly kind: 'AddPartitions'; readonly span: Span; readonly ifNotExists: boolean; readonly partitions: readonly PartitionSpec[] }
  | { readonly kind: 'DropColumns'; readonly span: Span; readonly parenthesized: boolean; readonly columns: readonly QualifiedName[] }
  | { readonly kind: 'DropPrimaryKey' | 'DropWatermark' | 'DropDistribution'; readonly span: Span }
  | { readonly kind: 'DropConstraint'; readonly span: Span; readonly name: Identifier }
  | { readonly kind: 'DropPartitions'; readonly span: Span; readonly ifExists: boolean; readonly partitions: readonly PartitionSpec[] }
  | { readonly kind: 'Compact'; readonly span: Span; readonly partition: readonly PartitionEntry[] }
  | { readonly kind: 'AsQuery'; readonly span: Span; readonly query: Query };

export interface AlterTable extends NodeBase {
  readonly kind: 'AlterTable';
  readonly ifExists: boolean;
  readonly name: QualifiedName;
  readonly action: AlterTableAction;
}

export type AlterMaterializedTableAction =
  | { readonly kind: 'Suspend'; readonly span: Span }
  | { readonly kind: 'Resume'; readonly span: Span; readonly options: readonly TableOption[] }
  | { readonly kind: 'Refresh'; readonly span: Span; readonly partition: readonly PartitionEntry[] }
  | { readonly kind: 'SetFreshness'; readonly span: Span; readonly freshness: Expression }
  | { readonly kind: 'SetRefreshMode'; readonly span: Span; readonly mode: string }
  | { readonly kind: 'SetOptions'; readonly span: Span; readonly options: readonly TableOption[] }
  | { readonly kind: 'ResetOptions'; readonly span: Span; readonly keys: readonly ConfigKey[] }
  | { readonly kind: 'AsQuery'; readonly span: Span; readonly query: Query };

export interface AlterMaterializedTable extends NodeBase {
  readonly kind: 'AlterMaterializedTable';
  readonly name: QualifiedName;
  readonly action: AlterMaterializedTableAction;
}

export interface AlterView extends NodeBase {
  readonly kind: 'AlterView';
  readonly name: QualifiedName;
  readonly newName: QualifiedName | null;
  readonly query: Query | null;
}

export interface AlterFunction extends NodeBase {
  readonly kind: 'AlterFunction';
  readonly temporary: boolean;
  readonly system: boolean;
  readonly ifExists: boolean;
  readonly name: QualifiedName;
  readonly className: string;
  readonly language: string | null;
}

export interface AlterCatalog extends NodeBase {
  readonly kind: 'AlterCatalog';
  readonly name: Identifier;
  readonly setOptions: readonly TableOption[] | null;
  readonly resetKeys: readonly ConfigKey[] | null;
  readonly comment: string | null;
}

export interface AlterDatabase extends NodeBase {
  readonly kind: 'AlterDatabase';
  readonly name: QualifiedName;
  readonly options: readonly TableOption[];
}

export interface AlterModel extends NodeBase {
  readonly kind: 'AlterModel';
  readonly ifExists: boolean;
  readonly name: QualifiedName;
  readonly setOptions: readonly TableOption[] | null;
  readonly resetKeys: readonly ConfigKey[] | null;
  readonly newName: QualifiedName | null;
}

export type DropObject = 'TABLE' | 'VIEW' | 'FUNCTION' | 'MODEL' | 'MATERIALIZED TABLE' | 'CATALOG' | 'DATABASE';

export interface Drop extends NodeBase {
  readonly kind: 'Drop';
  readonly object: DropObject;
  readonly temporary: boolean;
  readonly system: boolean;
  readonly ifExists: boolean;
  readonly name: QualifiedName;
  readonly behavior: 'RESTRICT' | 'CASCADE' | null;
}

export interface Use extends NodeBase {
  readonly kind: 'Use';
  readonly target: 'CATALOG' | 'DATABASE' | 'MODULES';
  readonly names: readonly QualifiedName[];
}

export type ShowObject =
  | 'CATALOGS' | 'DATABASES' | 'TABLES' | 'VIEWS' | 'FUNCTIONS' | 'USER FUNCTIONS' | 'PROCEDURES'
  | 'MODELS' | 'MATERIALIZED TABLES' | 'CURRENT CATALOG' | 'CURRENT DATABASE' | 'MODULES'
  | 'FULL MODULES' | 'JARS' | 'JOBS' | 'COLUMNS' | 'CREATE TABLE' | 'CREATE VIEW' | 'CREATE CATALOG'
  | 'CREATE MODEL' | 'CREATE MATERIALIZED TABLE' | 'PARTITIONS';

export interface LikePattern extends NodeBase {
  readonly kind: 'LikePattern';
  readonly negated: boolean;
  readonly ilike: boolean;
  readonly pattern: string;
}

export interface Show extends NodeBase {
  readonly kind: 'Show';
  readonly object: ShowObject;
  /** FROM/IN scope of listings, or the object of SHOW CREATE / COLUMNS / PARTITIONS. */
  readonly name: QualifiedName | null;
  readonly preposition: 'FROM' | 'IN' | null;
  readonly like: LikePattern | null;
  readonly partition: readonly PartitionEntry[];
}

export interface Describe extends NodeBase {
  readonly kind: 'Describe';
  readonly object: 'TABLE' | 'CATALOG' | 'DATABASE' | 'FUNCTION' | 'MODEL' | 'JOB';
  readonly extended: boolean;
  readonly name: QualifiedName | null;
  readonly jobId: string | null;
}

export type ExplainDetail = 'ESTIMATED_COST' | 'CHANGELOG_MODE' | 'JSON_EXECUTION_PLAN' | 'PLAN_ADVICE';

export interface Explain extends NodeBase {
  readonly kind: 'Explain';
  /** EXPLAIN PLAN FOR (the Calcite form). */
  readonly planFor: boolean;
  readonly implementation: 'WITH IMPLEMENTATION' | 'WITHOUT IMPLEMENTATION' | null;
  readonly details: readonly ExplainDetail[];
  readonly statement: Statement;
}

export interface SetStatement extends NodeBase {
  readonly kind: 'Set';
  readonly key: ConfigKey | null;
  readonly value: string | null;
}

export interface ResetStatement extends NodeBase {
  readonly kind: 'Reset';
  readonly key: ConfigKey | null;
}

export interface JarStatement extends NodeBase {
  readonly kind: 'Jar';
  readonly action: 'ADD' | 'REMOVE';
  readonly path: string;
}

export interface LoadModule extends NodeBase {
  readonly kind: 'LoadModule';
  readonly name: Identifier;
  readonly options: readonly TableOption[];
}

export interface UnloadModule extends NodeBase {
  readonly kind: 'UnloadModule';
  readonly name: Identifier;
}

export interface AnalyzeTable extends NodeBase {
  readonly kind: 'AnalyzeTable';
  readonly name: QualifiedName;
  readonly partition: readonly PartitionEntry[];
  readonly allColumns: boolean;
  readonly columns: readonly Identifier[];
}

export interface Call extends NodeBase {
  readonly kind: 'Call';
  readonly procedure: QualifiedName;
  readonly args: readonly Expression[];
}

export interface Delete extends NodeBase {
  readonly kind: 'Delete';
  readonly table: QualifiedName;
  readonly alias: Identifier | null;
  readonly where: Expression | null;
}

export interface Assignment extends NodeBase {
  readonly kind: 'Assignment';
  readonly column: Identifier;
  readonly value: Expression;
}

export interface Update extends NodeBase {
  readonly kind: 'Update';
  readonly table: QualifiedName;
  readonly alias: Identifier | null;
  readonly assignments: readonly Assignment[];
  readonly where: Expression | null;
}

export interface Truncate extends NodeBase {
  readonly kind: 'Truncate';
  readonly table: QualifiedName;
}

export interface StopJob extends NodeBase {
  readonly kind: 'StopJob';
  readonly jobId: string;
  readonly withSavepoint: boolean;
  readonly withDrain: boolean;
}

export type Statement =
  | QueryStatement | Insert | StatementSet | Execute | ExecutePlan | CompilePlan | ClientCommand
  | CreateTable | CreateMaterializedTable | CreateView | CreateFunction | CreateCatalog | CreateDatabase
  | CreateModel | AlterTable | AlterMaterializedTable | AlterView | AlterFunction | AlterCatalog
  | AlterDatabase | AlterModel | Drop | Use | Show | Describe | Explain | SetStatement | ResetStatement
  | JarStatement | LoadModule | UnloadModule | AnalyzeTable | Call | Delete | Update | Truncate | StopJob;

export type StatementKind = Statement['kind'];
