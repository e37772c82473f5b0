import type {
  AfterMatch, AlterMaterializedTableAction, AlterTableAction, Binary, ColumnConstraint,
  ColumnDefinition, ConfigKey, DataType, Distribution, Expression, FrameBound, FunctionCall,
  GroupingElement, Hint, HintOption, Identifier, Insert, IntervalQualifier, JsonBehavior,
  LikeClause, Literal, MatchRecognize, OrderItem, PartitionEntry, PatternQuantifier,
  PositionedElement, QualifiedName, Query, QueryBody, RowPattern, Select, SetOperation, Statement,
  StatementSet, TableAlias, TableElement, TableOption, TableRef, WindowFrame, WindowSpec,
} from './nodes.js';
import { RESERVED_WORDS } from '../parse/keywords.js';

/**
 * Prints the AST back as canonical Flink SQL: upper-case keywords, identifiers quoted only when
 * needed, synonyms in their canonical spelling, and parentheses wherever re-parsing with
 * grammar/FlinkSqlParser.g4 would otherwise build a different tree.
 *
 * Long left-deep chains (`a + b + ... + z`, `q1 UNION q2 UNION ...`, `t1 JOIN t2 JOIN ...`) are
 * printed with loops, so a chain 10,000 levels deep does not overflow the call stack.
 */

export interface PrintOptions {
  /** Start each clause of a query (FROM, WHERE, ...) on its own line. Default: one line. */
  readonly pretty?: boolean;
}

export function printStatement(stmt: Statement, options: PrintOptions = {}): string {
  return new Printer(options).statement(stmt);
}

export function printQuery(query: Query, options: PrintOptions = {}): string {
  return new Printer(options).query(query);
}

export function printExpression(expr: Expression, options: PrintOptions = {}): string {
  return new Printer(options).expr(expr);
}

export function printDataType(type: DataType): string {
  return new Printer({}).dataType(type);
}

// ------------------------------------------------------------------------------------ words

/**
 * Keyword tokens of grammar/FlinkSqlLexer.g4 that the parser rule `nonReservedKeyword` does not
 * accept as identifiers: a name spelled like one of these must be backquoted. test/ast/print.test.ts
 * checks this list against the grammar files. Flink's other reserved words lex as IDENTIFIER; they
 * are quoted too (RESERVED_WORDS), because the parser reports them when used as bare names.
 */
export const QUOTED_KEYWORDS: ReadonlySet<string> = new Set([
  'ALL', 'ALLOW', 'ALTER', 'AND', 'ANY', 'ARRAY', 'AS', 'ASYMMETRIC', 'BEGIN', 'BETWEEN', 'BIGINT',
  'BINARY', 'BOOLEAN', 'BOTH', 'BUCKETS', 'BY', 'BYTES', 'CALL', 'CASE', 'CAST', 'CATALOGS', 'CEIL',
  'CEILING', 'CHAR', 'CHARACTER', 'COMMENT', 'CONSTRAINT', 'CONTINUOUS', 'CREATE', 'CROSS', 'CUBE', 'CURRENT',
  'DATABASES', 'DATE', 'DAY', 'DEC', 'DECIMAL', 'DEFAULT', 'DEFINE', 'DELETE', 'DESCRIBE', 'DISALLOW',
  'DISTINCT', 'DISTRIBUTED', 'DISTRIBUTION', 'DOUBLE', 'DROP', 'ELSE', 'EMPTY', 'END', 'ESCAPE',
  'EXCEPT', 'EXECUTE', 'EXISTS', 'EXPLAIN', 'EXTEND', 'EXTENDED', 'EXTRACT', 'FALSE', 'FETCH',
  'FILTER', 'FLOAT', 'FLOOR', 'FOR', 'FRESHNESS', 'FROM', 'FULL', 'FUNCTION', 'FUNCTIONS', 'GROUP',
  'GROUPING', 'HASH', 'HAVING', 'HOUR', 'ILIKE', 'IN', 'INNER', 'INSERT', 'INT', 'INTEGER',
  'INTERSECT', 'INTERVAL', 'INTO', 'IS', 'JOIN', 'JSON_ARRAY', 'JSON_ARRAYAGG', 'JSON_EXISTS',
  'JSON_OBJECT', 'JSON_OBJECTAGG', 'JSON_QUERY', 'JSON_VALUE', 'LANGUAGE', 'LATERAL', 'LEADING',
  'LEFT', 'LIKE', 'LIMIT', 'LOCAL', 'MATCH', 'MATCH_RECOGNIZE', 'MATERIALIZED', 'MEASURES', 'MEMBER',
  'MINUS', 'MINUTE', 'MODEL', 'MODELS', 'MODIFY', 'MODULE', 'MODULES', 'MONTH', 'MULTISET',
  'NATURAL', 'NEXT', 'NOT', 'NULL', 'NUMERIC', 'OF', 'OFFSET', 'ON', 'ONE', 'ONLY', 'OR', 'ORDER',
  'OUTER', 'OVER', 'OVERLAPS', 'OVERLAY', 'PARTITION', 'PATTERN', 'PER', 'PERMUTE', 'POSITION', 'PRECISION',
  'PRIMARY', 'PROCEDURES', 'QUARTERS', 'RANGE', 'RAW', 'REAL', 'RECURSIVE', 'REFRESH',
  'REFRESH_MODE', 'RENAME', 'RESET', 'RESUME', 'RIGHT', 'ROLLUP', 'ROW', 'ROWS', 'RUNNING',
  'SAVEPOINT', 'SECOND', 'SELECT', 'SET', 'SHOW', 'SIMILAR', 'SKIP', 'SMALLINT', 'SOME', 'STATEMENT',
  'STRING', 'SUBMULTISET', 'SUBSET', 'SUBSTRING', 'SUSPEND', 'SYMMETRIC', 'SYSTEM', 'SYSTEM_TIME',
  'TABLE', 'TABLES', 'TABLESAMPLE', 'THEN', 'TIME', 'TIMESTAMP', 'TIMESTAMP_LTZ', 'TINYINT', 'TO',
  'TRAILING', 'TRIM', 'TRUE', 'TRUNCATE', 'UESCAPE', 'UNION', 'UNIQUE', 'UNKNOWN', 'UNNEST',
  'UPDATE', 'UPSERT', 'USE', 'USER', 'USING', 'VALUE', 'VALUES', 'VARBINARY', 'VARCHAR', 'VARYING',
  'VIEWS', 'WATERMARK', 'WATERMARKS', 'WEEKS', 'WHEN', 'WHERE', 'WINDOW', 'WITH', 'WITHIN', 'WITHOUT',
  'YEAR',
]);

/**
 * Keyword tokens that may name a function without backquotes: the `functionName` rule, the
 * special forms that also have a plain-call shape (FLOOR(x), SUBSTRING(s, 1, 2)), and USER.
 */
const FUNCTION_NAME_KEYWORDS: ReadonlySet<string> = new Set([
  'LEFT', 'RIGHT', 'TRUNCATE', 'GROUPING', 'SECOND', 'MINUTE', 'HOUR', 'DAY', 'MONTH', 'YEAR', 'NEXT',
  'FLOOR', 'CEIL', 'CEILING', 'SUBSTRING', 'USER',
]);

/** The lexer's IDENTIFIER token (letters in the Unicode sense, `_` and `$`, then digits too). */
const PLAIN_IDENTIFIER = /^[\p{L}_$][\p{L}_$0-9]*$/u;

/** An unquoted option key (`sink.parallelism`) as a name path, quoting the parts that need it. */
function namePath(key: string): string {
  return key.split('.').map((part) => (isBareIdentifier(part) ? part : quoteIdentifier(part))).join('.');
}

export function quoteIdentifier(value: string): string {
  return '`' + value.replaceAll('`', '``') + '`';
}

/** An identifier as written: bare when the lexer reads it back as the same identifier. */
export function printIdentifier(id: Identifier): string {
  return id.quoted || !isBareIdentifier(id.value) ? quoteIdentifier(id.value) : id.value;
}

/**
 * A name can go unquoted when it lexes as one IDENTIFIER (or a non-reserved keyword) and is not one
 * of Flink's reserved words, which the parser reports when they are used as bare names.
 */
export function isBareIdentifier(value: string): boolean {
  const upper = value.toUpperCase();
  return PLAIN_IDENTIFIER.test(value) && !QUOTED_KEYWORDS.has(upper) && !RESERVED_WORDS.has(upper);
}

export function printQualifiedName(name: QualifiedName): string {
  return name.parts.map(printIdentifier).join('.');
}

export function quoteString(value: string): string {
  return "'" + value.replaceAll("'", "''") + "'";
}

// ------------------------------------------------------------------------------------ precedence

/**
 * Binding strength of each expression form (higher binds tighter), after the three levels of the
 * `expression` rule: boolean operators (OR < AND < NOT), predicates on a value (comparisons, IS,
 * BETWEEN, IN, LIKE, MEMBER OF: one level, chained left to right), and value operators
 * (+ - < * / % || < unary + - < postfix [] and .). Atoms and calls are ATOM.
 */
const ATOM = 100;
const POSTFIX = 16;
const UNARY = 15;
/** The loosest value operator: right operands of predicates, BETWEEN bounds and LIKE patterns need at least this. */
const VALUE = 13;
const PREDICATE = 4;
const NOT = 3;
const BINARY_PRECEDENCE: Readonly<Record<Binary['op'], number>> = {
  '*': 14, '/': 14, '%': 14, '||': 14,
  '+': VALUE, '-': VALUE,
  '=': PREDICATE, '<>': PREDICATE, '!=': PREDICATE, '<': PREDICATE, '<=': PREDICATE, '>': PREDICATE, '>=': PREDICATE,
  'AND': 2,
  'OR': 1,
};

function precedence(e: Expression): number {
  switch (e.kind) {
    case 'Binary': return BINARY_PRECEDENCE[e.op];
    case 'Unary': return e.op === 'NOT' ? NOT : UNARY;
    case 'QuantifiedComparison':
    case 'IsTest':
    case 'IsDistinctFrom':
    case 'IsJson':
    case 'Between':
    case 'InList':
    case 'InSubquery':
    case 'Like':
    case 'MemberOf':
    case 'Overlaps': return PREDICATE;
    // Only valid directly in an argument list.
    case 'NamedArgument':
    case 'TableArgument':
    case 'DefaultArgument': return 0;
    case 'Literal': return e.value.startsWith('-') ? UNARY : ATOM;
    case 'FieldAccess':
    case 'Subscript': return POSTFIX;
    default: return ATOM;
  }
}

// ------------------------------------------------------------------------------------ printer

function assertNever(value: never): never {
  throw new Error(`cannot print node kind '${(value as { kind?: unknown }).kind}'`);
}

function list<T>(items: readonly T[], print: (item: T) => string): string {
  return items.map(print).join(', ');
}

class Printer {
  private readonly pretty: boolean;
  private depth = 0;

  constructor(options: PrintOptions) {
    this.pretty = options.pretty ?? false;
  }

  // ---------------------------------------------------------------- layout

  /** Separator before a query clause: a space, or a new line when pretty. */
  private clause(): string {
    return this.pretty ? '\n' + '  '.repeat(this.depth) : ' ';
  }

  /** A query inside parentheses, indented one level deeper when pretty. */
  private nested(query: Query | QueryBody): string {
    this.depth++;
    try {
      const text = query.kind === 'Query' ? this.query(query) : this.queryBody(query);
      return this.pretty ? '(\n' + '  '.repeat(this.depth) + text + '\n' + '  '.repeat(this.depth - 1) + ')' : '(' + text + ')';
    } finally {
      this.depth--;
    }
  }

  // ---------------------------------------------------------------- names, strings

  private id = (id: Identifier): string => printIdentifier(id);
  private qname = (name: QualifiedName): string => printQualifiedName(name);
  private ids(ids: readonly Identifier[]): string {
    return list(ids, this.id);
  }

  /** Function names may be reserved words (COUNT, ROW_NUMBER) and some keywords (LEFT, FLOOR). */
  private functionName(name: QualifiedName): string {
    return name.parts.map((part) => {
      const upper = part.value.toUpperCase();
      const bare = !part.quoted && PLAIN_IDENTIFIER.test(part.value)
        && (!QUOTED_KEYWORDS.has(upper) || FUNCTION_NAME_KEYWORDS.has(upper));
      return bare ? part.value : quoteIdentifier(part.value);
    }).join('.');
  }

  private comment(text: string | null): string {
    return text === null ? '' : ' COMMENT ' + quoteString(text);
  }

  // ---------------------------------------------------------------- types

  dataType(t: DataType): string {
    let text: string;
    switch (t.name) {
      case 'ARRAY':
      case 'MULTISET':
        text = `${t.name}<${t.element ? this.dataType(t.element) : ''}>`;
        break;
      case 'MAP':
        text = `MAP<${t.key ? this.dataType(t.key) : ''}, ${t.value ? this.dataType(t.value) : ''}>`;
        break;
      case 'ROW':
        // `ROW<>` lexes as ROW followed by the single token `<>`; the grammar accepts exactly that.
        text = t.fields.length === 0 ? 'ROW<>' : `ROW<${list(t.fields, (f) =>
          `${this.id(f.name)} ${this.dataType(f.type)}${f.description === null ? '' : ' ' + quoteString(f.description)}`)}>`;
        break;
      case 'RAW':
        text = `RAW(${quoteString(t.rawClass ?? '')}${t.rawSnapshot === null ? '' : ', ' + quoteString(t.rawSnapshot)})`;
        break;
      case 'INTERVAL':
        text = t.interval ? 'INTERVAL ' + this.intervalQualifier(t.interval) : 'INTERVAL';
        break;
      case 'USER_DEFINED':
        text = t.userType ? this.qname(t.userType) : '';
        break;
      default:
        text = t.args.length > 0 ? `${t.name}(${t.args.join(', ')})` : t.name;
    }
    if (t.nullable === false) text += ' NOT NULL';
    else if (t.nullable === true) text += ' NULL';
    return text;
  }

  private intervalQualifier(q: IntervalQualifier): string {
    let text: string = q.start;
    if (q.startPrecision !== null) {
      text += q.fractionalPrecision !== null ? `(${q.startPrecision}, ${q.fractionalPrecision})` : `(${q.startPrecision})`;
    }
    if (q.end !== null) {
      text += ' TO ' + q.end;
      if (q.endPrecision !== null) text += `(${q.endPrecision})`;
    }
    return text;
  }

  // ---------------------------------------------------------------- expressions

  expr(e: Expression): string {
    switch (e.kind) {
      case 'Literal': return this.literal(e);
      case 'IntervalLiteral':
        return `INTERVAL ${e.negative ? '-' : ''}${quoteString(e.value)} ${this.intervalQualifier(e.qualifier)}`;
      case 'ColumnRef': return e.parts.map(this.id).join('.');
      case 'Star': return e.qualifier.length === 0 ? '*' : e.qualifier.map(this.id).join('.') + '.*';
      case 'FieldAccess': {
        // A bare name would merge into the column reference `a.b`, so it keeps its parentheses.
        const target = e.target.kind === 'ColumnRef' || precedence(e.target) < POSTFIX
          ? '(' + this.expr(e.target) + ')' : this.expr(e.target);
        return `${target}.${this.id(e.field)}`;
      }
      case 'Subscript': return `${this.operand(e.target, POSTFIX)}[${this.expr(e.index)}]`;
      case 'Unary': {
        if (e.op === 'NOT') return 'NOT ' + this.operand(e.operand, NOT);
        const operand = this.operand(e.operand, UNARY);
        // `--` would start a comment.
        return e.op + (operand.startsWith('-') || operand.startsWith('+') ? ' ' : '') + operand;
      }
      case 'Binary': return this.binary(e);
      case 'QuantifiedComparison':
        return `${this.operand(e.left, PREDICATE)} ${e.op} ${e.quantifier} ${this.nested(e.query)}`;
      case 'IsTest':
        return `${this.operand(e.operand, PREDICATE)} IS ${e.negated ? 'NOT ' : ''}${e.test}`;
      case 'IsDistinctFrom':
        return `${this.operand(e.left, PREDICATE)} IS ${e.negated ? 'NOT ' : ''}DISTINCT FROM ${this.operand(e.right, VALUE)}`;
      case 'IsJson':
        return `${this.operand(e.operand, PREDICATE)} IS ${e.negated ? 'NOT ' : ''}JSON${e.jsonType === null ? '' : ' ' + e.jsonType}`;
      case 'Between':
        return `${this.operand(e.operand, PREDICATE)} ${e.negated ? 'NOT ' : ''}BETWEEN ${e.symmetric ? 'SYMMETRIC ' : ''}`
          + `${this.operand(e.low, VALUE)} AND ${this.operand(e.high, VALUE)}`;
      case 'InList':
        return `${this.operand(e.operand, PREDICATE)} ${e.negated ? 'NOT ' : ''}IN (${list(e.values, (v) => this.expr(v))})`;
      case 'InSubquery':
        return `${this.operand(e.operand, PREDICATE)} ${e.negated ? 'NOT ' : ''}IN ${this.nested(e.query)}`;
      case 'Like':
        return `${this.operand(e.operand, PREDICATE)} ${e.negated ? 'NOT ' : ''}${e.op} ${this.operand(e.pattern, VALUE)}`
          + (e.escape === null ? '' : ' ESCAPE ' + this.operand(e.escape, VALUE));
      case 'MemberOf':
        return `${this.operand(e.left, PREDICATE)} ${e.negated ? 'NOT ' : ''}${e.op} ${this.operand(e.right, VALUE)}`;
      case 'Overlaps':
        return `${this.operand(e.left, PREDICATE)} OVERLAPS ${this.operand(e.right, VALUE)}`;
      case 'Case': {
        const parts = ['CASE'];
        if (e.operand !== null) parts.push(this.expr(e.operand));
        for (const w of e.whens) parts.push('WHEN', this.expr(w.condition), 'THEN', this.expr(w.result));
        if (e.elseResult !== null) parts.push('ELSE', this.expr(e.elseResult));
        parts.push('END');
        return parts.join(' ');
      }
      case 'Cast': return `${e.tryCast ? 'TRY_CAST' : 'CAST'}(${this.expr(e.operand)} AS ${this.dataType(e.type)})`;
      case 'FunctionCall': return this.functionCall(e);
      case 'NamedArgument': return `${this.id(e.name)} => ${this.expr(e.value)}`;
      case 'TableArgument': {
        let text = 'TABLE ' + this.qname(e.table);
        // Several keys are parenthesized: a bare comma would start the next argument.
        const keys = list(e.partitionBy, (p) => this.expr(p));
        const order = this.orderItems(e.orderBy);
        if (e.partitionBy.length > 0) text += ' PARTITION BY ' + (e.partitionBy.length > 1 ? `(${keys})` : keys);
        if (e.orderBy.length > 0) text += ' ORDER BY ' + (e.orderBy.length > 1 ? `(${order})` : order);
        return text;
      }
      case 'DefaultArgument': return 'DEFAULT';
      case 'Extract': return `EXTRACT(${e.unit} FROM ${this.expr(e.source)})`;
      case 'FloorCeil': return `${e.fn}(${this.expr(e.operand)} TO ${e.unit})`;
      case 'Position':
        // The needle is followed by IN, which an unparenthesized predicate could take as its own.
        return `POSITION(${this.operand(e.needle, ATOM)} IN ${this.expr(e.haystack)}`
          + (e.from === null ? '' : ` FROM ${this.expr(e.from)}`) + ')';
      case 'Substring':
        return `SUBSTRING(${this.expr(e.operand)} FROM ${this.expr(e.from)}${e.length === null ? '' : ' FOR ' + this.expr(e.length)})`;
      case 'Overlay':
        return `OVERLAY(${this.expr(e.operand)} PLACING ${this.expr(e.placing)} FROM ${this.expr(e.from)}`
          + `${e.length === null ? '' : ' FOR ' + this.expr(e.length)})`;
      case 'Trim': {
        const parts: string[] = [];
        if (e.side !== null) parts.push(e.side);
        if (e.characters !== null) parts.push(this.expr(e.characters));
        if (parts.length > 0) parts.push('FROM');
        parts.push(this.expr(e.operand));
        return `TRIM(${parts.join(' ')})`;
      }
      case 'TimestampFunction': return `${e.fn}(${e.unit}, ${this.expr(e.first)}, ${this.expr(e.second)})`;
      case 'JsonValue':
        return `JSON_VALUE(${this.expr(e.operand)}, ${this.expr(e.path)}`
          + (e.returning === null ? '' : ' RETURNING ' + this.dataType(e.returning))
          + e.behaviors.map((b) => ' ' + this.jsonBehavior(b)).join('') + ')';
      case 'JsonQuery':
        return `JSON_QUERY(${this.expr(e.operand)}, ${this.expr(e.path)}`
          + (e.returning === null ? '' : ' RETURNING ' + this.dataType(e.returning))
          + (e.wrapper === null ? '' : ` ${e.wrapper} WRAPPER`)
          + e.behaviors.map((b) => ' ' + this.jsonBehavior(b)).join('') + ')';
      case 'JsonExists':
        return `JSON_EXISTS(${this.expr(e.operand)}, ${this.expr(e.path)}`
          + (e.onError === null ? '' : ' ' + this.jsonBehavior(e.onError)) + ')';
      case 'JsonObject': {
        const entries = list(e.entries, (kv) => `KEY ${this.operand(kv.key, ATOM)} VALUE ${this.expr(kv.value)}`);
        const onNull = e.onNull === null ? '' : `${e.onNull} ON NULL`;
        return `${e.aggregate ? 'JSON_OBJECTAGG' : 'JSON_OBJECT'}(${[entries, onNull].filter((s) => s !== '').join(' ')})`;
      }
      case 'JsonArray': {
        const parts: string[] = [];
        if (e.items.length > 0) parts.push(list(e.items, (i) => this.expr(i)));
        if (e.orderBy.length > 0) parts.push('ORDER BY ' + this.orderItems(e.orderBy));
        if (e.onNull !== null) parts.push(`${e.onNull} ON NULL`);
        return `${e.aggregate ? 'JSON_ARRAYAGG' : 'JSON_ARRAY'}(${parts.join(' ')})`;
      }
      case 'ScalarSubquery': return this.nested(e.query);
      case 'Exists': return 'EXISTS ' + this.nested(e.query);
      case 'RowConstructor': return `${e.explicit ? 'ROW' : ''}(${list(e.items, (i) => this.expr(i))})`;
      case 'CollectionConstructor': return `${e.collection}[${list(e.items, (i) => this.expr(i))}]`;
      case 'CollectionQuery': return e.collection + this.nested(e.query);
      case 'DynamicParameter': return '?';
      default: return assertNever(e);
    }
  }

  /** An operand that needs at least `min` binding strength, else parentheses. */
  private operand(e: Expression, min: number): string {
    return precedence(e) < min ? '(' + this.expr(e) + ')' : this.expr(e);
  }

  /**
   * Binary operators of one precedence level are left-associative, so the left spine of such a
   * chain needs no parentheses; it is printed with a loop, not recursion. The right operand of a
   * comparison must be a value expression; other operators take the next tighter level.
   */
  private binary(e: Binary): string {
    const level = BINARY_PRECEDENCE[e.op];
    const spine: Binary[] = [];
    let leftmost: Expression = e;
    while (leftmost.kind === 'Binary' && BINARY_PRECEDENCE[leftmost.op] === level) {
      spine.push(leftmost);
      leftmost = leftmost.left;
    }
    const rightMin = level === PREDICATE ? VALUE : level + 1;
    const out = [this.operand(leftmost, level)];
    for (let i = spine.length - 1; i >= 0; i--) {
      const node = spine[i]!;
      out.push(` ${node.op} `, this.operand(node.right, rightMin));
    }
    return out.join('');
  }

  private literal(e: Literal): string {
    switch (e.type) {
      case 'NULL': return 'NULL';
      case 'UNKNOWN': return 'UNKNOWN';
      case 'BOOLEAN': return e.value.toUpperCase();
      case 'INTEGER':
      case 'DECIMAL':
      case 'APPROX': return e.value;
      case 'STRING': return (e.prefix ?? '') + quoteString(e.value);
      case 'BINARY': return `X'${e.value}'`;
      case 'DATE':
      case 'TIME':
      case 'TIMESTAMP':
      case 'TIMESTAMP_LTZ': return `${e.type} ${quoteString(e.value)}`;
      default: return assertNever(e.type);
    }
  }

  private functionCall(e: FunctionCall): string {
    let text = e.semantics === null ? '' : e.semantics + ' ';
    text += this.functionName(e.name);
    if (e.niladic) return text;
    if (e.star) {
      text += '(*)';
    } else {
      const inside: string[] = [];
      if (e.quantifier !== null) inside.push(e.quantifier);
      if (e.args.length > 0) inside.push(list(e.args, (a) => this.expr(a)));
      if (e.argOrderBy.length > 0) inside.push('ORDER BY ' + this.orderItems(e.argOrderBy));
      text += `(${inside.join(' ')})`;
    }
    if (e.nullTreatment !== null) text += ' ' + e.nullTreatment;
    if (e.withinGroup.length > 0) text += ` WITHIN GROUP (ORDER BY ${this.orderItems(e.withinGroup)})`;
    if (e.filter !== null) text += ` FILTER (WHERE ${this.expr(e.filter)})`;
    if (e.over !== null) text += ' OVER ' + (e.over.kind === 'Identifier' ? this.id(e.over) : `(${this.windowSpec(e.over)})`);
    return text;
  }

  private jsonBehavior(b: JsonBehavior): string {
    const value = b.behavior === 'DEFAULT' && b.defaultValue !== null ? ' ' + this.expr(b.defaultValue) : '';
    return `${b.behavior}${value} ON ${b.on}`;
  }

  private orderItems(items: readonly OrderItem[]): string {
    return list(items, (o) => this.expr(o.expr) + (o.direction === null ? '' : ' ' + o.direction) + (o.nulls === null ? '' : ' NULLS ' + o.nulls));
  }

  private windowSpec(w: WindowSpec): string {
    const parts: string[] = [];
    if (w.baseWindow !== null) parts.push(this.id(w.baseWindow));
    if (w.partitionBy.length > 0) parts.push('PARTITION BY ' + list(w.partitionBy, (p) => this.expr(p)));
    if (w.orderBy.length > 0) parts.push('ORDER BY ' + this.orderItems(w.orderBy));
    if (w.frame !== null) parts.push(this.windowFrame(w.frame));
    return parts.join(' ');
  }

  private windowFrame(f: WindowFrame): string {
    let text = f.units + ' ' + (f.end === null ? this.frameBound(f.start) : `BETWEEN ${this.frameBound(f.start)} AND ${this.frameBound(f.end)}`);
    if (f.partial !== null) text += ' ' + f.partial;
    return text;
  }

  private frameBound(b: FrameBound): string {
    if (b.bound === 'PRECEDING' || b.bound === 'FOLLOWING') {
      // The offset may sit between BETWEEN and AND: keep AND/OR/NOT inside parentheses.
      return `${b.offset === null ? '' : this.operand(b.offset, PREDICATE) + ' '}${b.bound}`;
    }
    return b.bound;
  }

  // ---------------------------------------------------------------- queries

  query(q: Query): string {
    const parts: string[] = [];
    if (q.withItems.length > 0) {
      parts.push(`WITH ${q.recursive ? 'RECURSIVE ' : ''}` + list(q.withItems, (w) =>
        `${this.id(w.name)}${w.columns.length > 0 ? ` (${this.ids(w.columns)})` : ''} AS ${this.nested(w.query)}`));
    }
    parts.push(this.queryBody(q.body));
    if (q.orderBy.length > 0) parts.push('ORDER BY ' + this.orderItems(q.orderBy));
    if (q.limitAll) parts.push('LIMIT ALL');
    else if (q.limit !== null) parts.push('LIMIT ' + this.expr(q.limit));
    if (q.offset !== null) parts.push('OFFSET ' + this.expr(q.offset));
    if (q.fetch !== null) parts.push(`FETCH FIRST ${this.expr(q.fetch)} ROWS ONLY`);
    return parts.join(this.clause());
  }

  private queryBody(b: QueryBody): string {
    switch (b.kind) {
      case 'Select': return this.select(b);
      case 'Values': return 'VALUES ' + list(b.rows, (r) => this.expr(r));
      case 'SetOperation': return this.setOperation(b);
      case 'ExplicitTable': return 'TABLE ' + this.qname(b.name);
      case 'Query': return this.nested(b);
      default: return assertNever(b);
    }
  }

  /** INTERSECT binds tighter than UNION and EXCEPT; all are left-associative. */
  private setOperation(b: SetOperation): string {
    const level = setLevel(b);
    const spine: SetOperation[] = [];
    let leftmost: QueryBody = b;
    while (leftmost.kind === 'SetOperation' && setLevel(leftmost) === level) {
      spine.push(leftmost);
      leftmost = leftmost.left;
    }
    const out = [this.setOperand(leftmost, level)];
    for (let i = spine.length - 1; i >= 0; i--) {
      const node = spine[i]!;
      out.push(this.clause(), node.op, node.quantifier === null ? '' : ' ' + node.quantifier, this.clause(), this.setOperand(node.right, level + 1));
    }
    return out.join('');
  }

  private setOperand(b: QueryBody, min: number): string {
    if (b.kind === 'SetOperation' && setLevel(b) < min) return this.nested(b);
    return this.queryBody(b);
  }

  private select(s: Select): string {
    let head = 'SELECT';
    if (s.hints.length > 0) head += ' ' + this.hints(s.hints);
    if (s.quantifier !== null) head += ' ' + s.quantifier;
    head += ' ' + list(s.items, (i) => this.expr(i.expr) + (i.alias === null ? '' : ' AS ' + this.id(i.alias)));
    const parts = [head];
    if (s.from.length > 0) parts.push('FROM ' + list(s.from, (t) => this.tableRef(t)));
    if (s.where !== null) parts.push('WHERE ' + this.expr(s.where));
    if (s.groupBy !== null) {
      parts.push('GROUP BY ' + (s.groupBy.quantifier === null ? '' : s.groupBy.quantifier + ' ')
        + list(s.groupBy.elements, (g) => this.groupingElement(g)));
    }
    if (s.having !== null) parts.push('HAVING ' + this.expr(s.having));
    if (s.windows.length > 0) parts.push('WINDOW ' + list(s.windows, (w) => `${this.id(w.name)} AS (${this.windowSpec(w.spec)})`));
    return parts.join(this.clause());
  }

  private groupingElement(g: GroupingElement): string {
    switch (g.kind) {
      case 'GroupingExpression': return this.expr(g.expr);
      case 'EmptyGrouping': return '()';
      case 'Rollup': return `ROLLUP(${list(g.elements, (x) => this.groupingElement(x))})`;
      case 'Cube': return `CUBE(${list(g.elements, (x) => this.groupingElement(x))})`;
      case 'GroupingSets': return `GROUPING SETS (${list(g.elements, (x) => this.groupingElement(x))})`;
      default: return assertNever(g);
    }
  }

  private hints(hints: readonly Hint[]): string {
    // Inside a hint every word lexes as IDENTIFIER, so keywords need no quotes there.
    const name = (id: Identifier): string => (id.quoted || !PLAIN_IDENTIFIER.test(id.value) ? quoteIdentifier(id.value) : id.value);
    const option = (o: HintOption): string => {
      let key: string;
      if (o.keyQuoted) key = quoteString(o.key);
      else if (/^[0-9]+$/.test(o.key) || o.key.split('.').every((p) => PLAIN_IDENTIFIER.test(p))) key = o.key;
      else key = quoteIdentifier(o.key);
      return o.value === null ? key : `${key} = ${quoteString(o.value)}`;
    };
    return `/*+ ${list(hints, (h) => name(h.name) + (h.options.length > 0 ? `(${list(h.options, option)})` : ''))} */`;
  }

  // ---------------------------------------------------------------- FROM

  private tableRef(t: TableRef): string {
    switch (t.kind) {
      case 'NamedTable': {
        let text = this.qname(t.name);
        if (t.hints.length > 0) text += ' ' + this.hints(t.hints);
        if (t.extension.length > 0) text += ` EXTEND (${list(t.extension, (c) => `${this.id(c.name)} ${this.dataType(c.type)}`)})`;
        if (t.systemTime !== null) text += ' FOR SYSTEM_TIME AS OF ' + this.expr(t.systemTime);
        return text + this.alias(t.alias);
      }
      case 'DerivedTable': return (t.lateral ? 'LATERAL ' : '') + this.nested(t.query) + this.alias(t.alias);
      case 'TableFunction': {
        const call = t.wrapped ? `TABLE(${this.expr(t.call)})` : this.expr(t.call);
        return (t.lateral ? 'LATERAL ' : '') + call + this.alias(t.alias);
      }
      case 'Unnest':
        return `${t.lateral ? 'LATERAL ' : ''}UNNEST(${list(t.args, (a) => this.expr(a))})`
          + (t.withOrdinality ? ' WITH ORDINALITY' : '') + this.alias(t.alias);
      case 'Join': return this.join(t);
      case 'MatchRecognize': return this.matchRecognize(t);
      default: return assertNever(t);
    }
  }

  /** A table reference where the grammar wants a `tableSource`: a join goes in parentheses. */
  private tablePrimary(t: TableRef): string {
    return t.kind === 'Join' ? '(' + this.tableRef(t) + ')' : this.tableRef(t);
  }

  private alias(a: TableAlias | null): string {
    if (a === null) return '';
    return ` AS ${this.id(a.name)}${a.columns.length > 0 ? ` (${this.ids(a.columns)})` : ''}`;
  }

  /** Joins are left-associative: the left spine is printed with a loop. */
  private join(t: TableRef & { kind: 'Join' }): string {
    const spine: (TableRef & { kind: 'Join' })[] = [];
    let leftmost: TableRef = t;
    while (leftmost.kind === 'Join') {
      spine.push(leftmost);
      leftmost = leftmost.left;
    }
    const out = [this.tablePrimary(leftmost)];
    for (let i = spine.length - 1; i >= 0; i--) {
      const j = spine[i]!;
      const right = this.tablePrimary(j.right);
      if (j.joinType === 'CROSS APPLY' || j.joinType === 'OUTER APPLY') {
        out.push(` ${j.joinType} ${right}`);
        continue;
      }
      let text = ' ' + (j.natural ? 'NATURAL ' : '') + (j.joinType === 'INNER' ? 'INNER JOIN' : `${j.joinType} JOIN`) + ' ' + right;
      if (j.on !== null) text += ' ON ' + this.expr(j.on);
      else if (j.using.length > 0) text += ` USING (${this.ids(j.using)})`;
      out.push(text);
    }
    return out.join('');
  }

  private matchRecognize(m: MatchRecognize): string {
    const parts: string[] = [];
    if (m.partitionBy.length > 0) parts.push('PARTITION BY ' + list(m.partitionBy, (p) => this.expr(p)));
    if (m.orderBy.length > 0) parts.push('ORDER BY ' + this.orderItems(m.orderBy));
    if (m.measures.length > 0) parts.push('MEASURES ' + list(m.measures, (x) => `${this.expr(x.expr)} AS ${this.id(x.alias)}`));
    if (m.rowsPerMatch !== null) parts.push(m.rowsPerMatch);
    if (m.afterMatch !== null) parts.push(this.afterMatch(m.afterMatch));
    parts.push(`PATTERN (${this.rowPattern(m.pattern)})`);
    if (m.within !== null) parts.push('WITHIN ' + this.expr(m.within));
    if (m.subsets.length > 0) parts.push('SUBSET ' + list(m.subsets, (s) => `${this.id(s.name)} = (${this.ids(s.variables)})`));
    parts.push('DEFINE ' + list(m.definitions, (d) => `${this.id(d.variable)} AS ${this.expr(d.condition)}`));
    return `${this.tablePrimary(m.input)} MATCH_RECOGNIZE (${parts.join(' ')})${this.alias(m.alias)}`;
  }

  private afterMatch(a: AfterMatch): string {
    const variable = a.variable === null ? '' : ' ' + this.id(a.variable);
    return `AFTER MATCH SKIP ${a.skip}${variable}`;
  }

  private rowPattern(p: RowPattern): string {
    switch (p.kind) {
      case 'PatternAlternation': return p.alternatives.map((x) => this.rowPattern(x)).join(' | ');
      case 'PatternSequence':
        return p.items.map((x) => (x.kind === 'PatternAlternation' ? `(${this.rowPattern(x)})` : this.rowPattern(x))).join(' ');
      case 'PatternVariable': return this.id(p.name);
      case 'PatternAnchor': return p.anchor;
      case 'PatternGroup': return `(${p.pattern === null ? '' : this.rowPattern(p.pattern)})`;
      case 'PatternExclusion': return `{- ${this.rowPattern(p.pattern)} -}`;
      case 'PatternPermute': return `PERMUTE(${list(p.patterns, (x) => this.rowPattern(x))})`;
      case 'PatternQuantified': {
        const inner = p.pattern.kind === 'PatternAlternation' || p.pattern.kind === 'PatternSequence'
          ? `(${this.rowPattern(p.pattern)})` : this.rowPattern(p.pattern);
        return inner + this.patternQuantifier(p.quantifier);
      }
      default: return assertNever(p);
    }
  }

  private patternQuantifier(q: PatternQuantifier): string {
    let text: string;
    if (q.form === '*' || q.form === '+' || q.form === '?') text = q.form;
    else if (q.max !== null && q.min === q.max) text = `{${q.min}}`;
    else if (q.max === null) text = `{${q.min},}`;
    else if (q.min === 0) text = `{,${q.max}}`;
    else text = `{${q.min},${q.max}}`;
    return q.reluctant ? text + '?' : text;
  }

  // ---------------------------------------------------------------- DDL pieces

  private options(options: readonly TableOption[]): string {
    return `(${list(options, (o) => `${o.keyQuoted ? quoteString(o.key) : namePath(o.key)} = ${quoteString(o.value)}`)})`;
  }

  private withOptions(options: readonly TableOption[]): string {
    return options.length > 0 ? ' WITH ' + this.options(options) : '';
  }

  private configKey(k: ConfigKey): string {
    return k.quoted ? quoteString(k.key) : k.key;
  }

  private partitionSpec(entries: readonly PartitionEntry[]): string {
    return `PARTITION (${list(entries, (p) => this.id(p.column) + (p.value === null ? '' : ' = ' + this.expr(p.value)))})`;
  }

  private constraint(c: ColumnConstraint): string {
    return (c.name === null ? '' : `CONSTRAINT ${this.id(c.name)} `) + c.type + enforcement(c.enforced);
  }

  private column(c: ColumnDefinition): string {
    switch (c.kind) {
      case 'PhysicalColumn':
        return this.qname(c.name) + (c.type === null ? '' : ' ' + this.dataType(c.type))
          + (c.constraint === null ? '' : ' ' + this.constraint(c.constraint)) + this.comment(c.comment);
      case 'ComputedColumn': return `${this.qname(c.name)} AS ${this.expr(c.expr)}${this.comment(c.comment)}`;
      case 'MetadataColumn':
        return `${this.qname(c.name)} ${this.dataType(c.type)} METADATA`
          + (c.metadataKey === null ? '' : ' FROM ' + quoteString(c.metadataKey)) + (c.virtual ? ' VIRTUAL' : '')
          + (c.constraint === null ? '' : ' ' + this.constraint(c.constraint)) + this.comment(c.comment);
      default: return assertNever(c);
    }
  }

  private tableElement(e: TableElement): string {
    switch (e.kind) {
      case 'PhysicalColumn':
      case 'ComputedColumn':
      case 'MetadataColumn': return this.column(e);
      case 'TableConstraint':
        return (e.name === null ? '' : `CONSTRAINT ${this.id(e.name)} `) + `${e.type} (${this.ids(e.columns)})` + enforcement(e.enforced);
      case 'WatermarkDefinition': return `WATERMARK FOR ${this.qname(e.column)} AS ${this.expr(e.expr)}`;
      default: return assertNever(e);
    }
  }

  private positioned(p: PositionedElement): string {
    const position = p.position === null ? ''
      : p.position.position === 'FIRST' ? ' FIRST' : ` AFTER ${p.position.reference ? this.qname(p.position.reference) : ''}`;
    return this.tableElement(p.element) + position;
  }

  /** `DISTRIBUTED BY ...` in CREATE; `DISTRIBUTION BY ...` in ALTER TABLE ADD/MODIFY. */
  private distribution(d: Distribution, keyword: 'DISTRIBUTED' | 'DISTRIBUTION'): string {
    let text = keyword;
    if (d.columns.length > 0) text += ` BY ${d.algorithm === null ? '' : d.algorithm}(${this.ids(d.columns)})`;
    if (d.buckets !== null) text += ` INTO ${this.expr(d.buckets)} BUCKETS`;
    return text;
  }

  /** The `tableSchemaAndOptions` part of CREATE TABLE and CREATE MATERIALIZED TABLE. */
  private tableBody(t: {
    elements: readonly TableElement[]; comment: string | null; distribution: Distribution | null;
    partitionedBy: readonly Identifier[]; options: readonly TableOption[];
  }): string {
    let text = '';
    if (t.elements.length > 0) text += ` (${list(t.elements, (e) => this.tableElement(e))})`;
    text += this.comment(t.comment);
    if (t.distribution !== null) text += ' ' + this.distribution(t.distribution, 'DISTRIBUTED');
    if (t.partitionedBy.length > 0) text += ` PARTITIONED BY (${this.ids(t.partitionedBy)})`;
    return text + this.withOptions(t.options);
  }

  private likeClause(l: LikeClause): string {
    return ` LIKE ${this.qname(l.source)}` + (l.options.length > 0 ? ` (${l.options.map((o) => `${o.mode} ${o.feature}`).join(' ')})` : '');
  }

  // ---------------------------------------------------------------- statements

  statement(s: Statement): string {
    switch (s.kind) {
      case 'QueryStatement': return this.query(s.query);
      case 'Insert': return this.insert(s);
      case 'StatementSet': return this.statementSet(s);
      case 'Execute': return 'EXECUTE ' + this.statement(s.statement);
      case 'ExecutePlan': return 'EXECUTE PLAN ' + quoteString(s.path);
      case 'CompilePlan':
        return `COMPILE ${s.andExecute ? 'AND EXECUTE ' : ''}PLAN ${quoteString(s.path)}${s.ifNotExists ? ' IF NOT EXISTS' : ''} FOR ${this.statement(s.statement)}`;
      case 'ClientCommand': return s.command;
      case 'CreateTable': {
        const head = s.mode === 'REPLACE' ? (s.temporary ? 'REPLACE TEMPORARY TABLE' : 'REPLACE TABLE')
          : `${s.mode}${s.temporary ? ' TEMPORARY' : ''} TABLE${s.ifNotExists ? ' IF NOT EXISTS' : ''}`;
        return `${head} ${this.qname(s.name)}${this.tableBody(s)}`
          + (s.like === null ? '' : this.likeClause(s.like))
          + (s.asQuery === null ? '' : ' AS ' + this.query(s.asQuery));
      }
      case 'CreateMaterializedTable':
        return `CREATE${s.orReplace ? ' OR REPLACE' : ''}${s.temporary ? ' TEMPORARY' : ''} MATERIALIZED TABLE${s.ifNotExists ? ' IF NOT EXISTS' : ''} ${this.qname(s.name)}`
          + this.tableBody(s)
          + (s.freshness === null ? '' : ' FRESHNESS = ' + this.expr(s.freshness))
          + (s.refreshMode === null ? '' : ' REFRESH_MODE = ' + s.refreshMode)
          + ' AS ' + this.query(s.query);
      case 'CreateView':
        return `CREATE${s.orReplace ? ' OR REPLACE' : ''}${s.temporary ? ' TEMPORARY' : ''} VIEW${s.ifNotExists ? ' IF NOT EXISTS' : ''} ${this.qname(s.name)}`
          + (s.columns.length > 0 ? ` (${this.ids(s.columns)})` : '') + this.comment(s.comment) + ' AS ' + this.query(s.query);
      case 'CreateFunction':
        return `CREATE${s.orReplace ? ' OR REPLACE' : ''}${temporarySystem(s)} FUNCTION${s.ifNotExists ? ' IF NOT EXISTS' : ''} ${this.qname(s.name)}`
          + ` AS ${quoteString(s.className)}${s.language === null ? '' : ' LANGUAGE ' + s.language}`
          + (s.jars.length > 0 ? ' USING ' + list(s.jars, (j) => 'JAR ' + quoteString(j.path)) : '');
      case 'CreateCatalog':
        // WITH is mandatory for catalogs.
        return `CREATE CATALOG${s.ifNotExists ? ' IF NOT EXISTS' : ''} ${this.id(s.name)}${this.comment(s.comment)} WITH ${this.options(s.options)}`;
      case 'CreateDatabase':
        return `CREATE DATABASE${s.ifNotExists ? ' IF NOT EXISTS' : ''} ${this.qname(s.name)}${this.comment(s.comment)}${this.withOptions(s.options)}`;
      case 'CreateModel':
        return `CREATE${s.orReplace ? ' OR REPLACE' : ''}${s.temporary ? ' TEMPORARY' : ''} MODEL${s.ifNotExists ? ' IF NOT EXISTS' : ''} ${this.qname(s.name)}`
          + (s.input.length > 0 ? ` INPUT (${list(s.input, (c) => this.column(c))})` : '')
          + (s.output.length > 0 ? ` OUTPUT (${list(s.output, (c) => this.column(c))})` : '')
          + this.comment(s.comment) + ' WITH ' + this.options(s.options)
          + (s.asQuery === null ? '' : ' AS ' + this.query(s.asQuery));
      case 'AlterTable':
        return `ALTER TABLE${s.ifExists ? ' IF EXISTS' : ''} ${this.qname(s.name)} ${this.alterTableAction(s.action)}`;
      case 'AlterMaterializedTable':
        return `ALTER MATERIALIZED TABLE ${this.qname(s.name)} ${this.alterMaterializedTableAction(s.action)}`;
      case 'AlterView':
        return `ALTER VIEW ${this.qname(s.name)} ` + (s.newName !== null ? 'RENAME TO ' + this.qname(s.newName) : 'AS ' + (s.query ? this.query(s.query) : ''));
      case 'AlterFunction':
        return `ALTER${temporarySystem(s)} FUNCTION${s.ifExists ? ' IF EXISTS' : ''} ${this.qname(s.name)} AS ${quoteString(s.className)}`
          + (s.language === null ? '' : ' LANGUAGE ' + s.language);
      case 'AlterCatalog':
        return `ALTER CATALOG ${this.id(s.name)} ` + (s.setOptions !== null ? 'SET ' + this.options(s.setOptions)
          : s.resetKeys !== null ? `RESET (${list(s.resetKeys, (k) => this.configKey(k))})` : this.comment(s.comment).trimStart());
      case 'AlterDatabase': return `ALTER DATABASE ${this.qname(s.name)} SET ${this.options(s.options)}`;
      case 'AlterModel':
        return `ALTER MODEL${s.ifExists ? ' IF EXISTS' : ''} ${this.qname(s.name)} `
          + (s.setOptions !== null ? 'SET ' + this.options(s.setOptions)
            : s.resetKeys !== null ? `RESET (${list(s.resetKeys, (k) => this.configKey(k))})`
              : 'RENAME TO ' + (s.newName ? this.qname(s.newName) : ''));
      case 'Drop': {
        const name = s.object === 'CATALOG' && s.name.parts.length === 1 ? this.id(s.name.parts[0]!) : this.qname(s.name);
        return `DROP${temporarySystem(s)} ${s.object}${s.ifExists ? ' IF EXISTS' : ''} ${name}${s.behavior === null ? '' : ' ' + s.behavior}`;
      }
      case 'Use':
        if (s.target === 'MODULES') return 'USE MODULES ' + list(s.names, this.qname);
        return (s.target === 'CATALOG' ? 'USE CATALOG ' : 'USE ') + list(s.names, this.qname);
      case 'Show': {
        let text = 'SHOW ' + s.object;
        if (s.name !== null) {
          // Listings and COLUMNS take FROM/IN; SHOW CREATE ... and SHOW PARTITIONS name the object directly.
          const direct = s.object.startsWith('CREATE ') || s.object === 'PARTITIONS';
          text += direct ? ' ' + this.qname(s.name) : ` ${s.preposition ?? 'FROM'} ${this.qname(s.name)}`;
        }
        if (s.partition.length > 0) text += ' ' + this.partitionSpec(s.partition);
        if (s.like !== null) text += ` ${s.like.negated ? 'NOT ' : ''}${s.like.ilike ? 'ILIKE' : 'LIKE'} ${quoteString(s.like.pattern)}`;
        return text;
      }
      case 'Describe': {
        if (s.object === 'JOB') return 'DESCRIBE JOB ' + quoteString(s.jobId ?? '');
        const object = s.object === 'TABLE' ? '' : s.object + ' ';
        const name = s.name === null ? '' : s.object === 'CATALOG' && s.name.parts.length === 1 ? this.id(s.name.parts[0]!) : this.qname(s.name);
        return `DESCRIBE ${object}${s.extended ? 'EXTENDED ' : ''}${name}`;
      }
      case 'Explain': {
        let text = 'EXPLAIN ';
        if (s.planFor) text += `PLAN ${s.implementation === null ? '' : s.implementation + ' '}FOR `;
        else if (s.details.length > 0) text += s.details.join(', ') + ' ';
        return text + this.statement(s.statement);
      }
      case 'Set':
        return s.key === null ? 'SET' : `SET ${this.configKey(s.key)} = ${quoteString(s.value ?? '')}`;
      case 'Reset': return s.key === null ? 'RESET' : 'RESET ' + this.configKey(s.key);
      case 'Jar': return `${s.action} JAR ${quoteString(s.path)}`;
      case 'LoadModule': return `LOAD MODULE ${this.id(s.name)}${this.withOptions(s.options)}`;
      case 'UnloadModule': return 'UNLOAD MODULE ' + this.id(s.name);
      case 'AnalyzeTable':
        return `ANALYZE TABLE ${this.qname(s.name)}${s.partition.length > 0 ? ' ' + this.partitionSpec(s.partition) : ''} COMPUTE STATISTICS`
          + (s.allColumns ? ' FOR ALL COLUMNS' : s.columns.length > 0 ? ' FOR COLUMNS ' + this.ids(s.columns) : '');
      case 'Call': return `CALL ${this.qname(s.procedure)}(${list(s.args, (a) => this.expr(a))})`;
      case 'Delete':
        return `DELETE FROM ${this.qname(s.table)}${s.alias === null ? '' : ' AS ' + this.id(s.alias)}`
          + (s.where === null ? '' : ' WHERE ' + this.expr(s.where));
      case 'Update':
        return `UPDATE ${this.qname(s.table)}${s.alias === null ? '' : ' AS ' + this.id(s.alias)} SET `
          + list(s.assignments, (a) => `${this.id(a.column)} = ${this.expr(a.value)}`)
          + (s.where === null ? '' : ' WHERE ' + this.expr(s.where));
      case 'Truncate': return 'TRUNCATE TABLE ' + this.qname(s.table);
      case 'StopJob':
        return `STOP JOB ${quoteString(s.jobId)}${s.withSavepoint ? ' WITH SAVEPOINT' : ''}${s.withDrain ? ' WITH DRAIN' : ''}`;
      default: return assertNever(s);
    }
  }

  private insert(s: Insert): string {
    let text = `${s.upsert ? 'UPSERT' : 'INSERT'} ${s.overwrite ? 'OVERWRITE' : 'INTO'} ${this.qname(s.target)}`;
    if (s.hints.length > 0) text += ' ' + this.hints(s.hints);
    if (s.extendedColumns.length > 0) text += ` (${list(s.extendedColumns, (c) => `${this.id(c.name)} ${this.dataType(c.type)}`)})`;
    if (s.partition.length > 0) text += ' ' + this.partitionSpec(s.partition);
    if (s.columns !== null && s.columns.length > 0) text += ` (${this.ids(s.columns)})`;
    return text + ' ' + this.query(s.query);
  }

  private statementSet(s: StatementSet): string {
    return `STATEMENT SET BEGIN ${s.inserts.map((i) => this.insert(i) + ';').join(' ')} END`;
  }

  private alterTableAction(a: AlterTableAction): string {
    switch (a.kind) {
      case 'RenameTable': return 'RENAME TO ' + this.qname(a.newName);
      case 'RenameColumn': return `RENAME ${this.qname(a.column)} TO ${this.qname(a.newName)}`;
      case 'SetOptions': return 'SET ' + this.options(a.options);
      case 'ResetOptions': return `RESET (${list(a.keys, (k) => this.configKey(k))})`;
      case 'AddElements':
      case 'ModifyElements': {
        const verb = a.kind === 'AddElements' ? 'ADD' : 'MODIFY';
        const inner = list(a.elements, (e) => this.positioned(e));
        return a.parenthesized || a.elements.length !== 1 ? `${verb} (${inner})` : `${verb} ${inner}`;
      }
      case 'AddDistribution': return 'ADD ' + this.distribution(a.distribution, 'DISTRIBUTION');
      case 'ModifyDistribution': return 'MODIFY ' + this.distribution(a.distribution, 'DISTRIBUTION');
      case 'AddPartitions':
        return `ADD${a.ifNotExists ? ' IF NOT EXISTS' : ''} `
          + a.partitions.map((p) => this.partitionSpec(p.entries) + this.withOptions(p.options)).join(' ');
      case 'DropColumns': {
        const inner = list(a.columns, this.qname);
        return a.parenthesized || a.columns.length !== 1 ? `DROP (${inner})` : `DROP ${inner}`;
      }
      case 'DropPrimaryKey': return 'DROP PRIMARY KEY';
      case 'DropWatermark': return 'DROP WATERMARK';
      case 'DropDistribution': return 'DROP DISTRIBUTION';
      case 'DropConstraint': return 'DROP CONSTRAINT ' + this.id(a.name);
      case 'DropPartitions':
        return `DROP${a.ifExists ? ' IF EXISTS' : ''} ${list(a.partitions, (p) => this.partitionSpec(p.entries))}`;
      case 'Compact': return (a.partition.length > 0 ? this.partitionSpec(a.partition) + ' ' : '') + 'COMPACT';
      case 'AsQuery': return 'AS ' + this.query(a.query);
      default: return assertNever(a);
    }
  }

  private alterMaterializedTableAction(a: AlterMaterializedTableAction): string {
    switch (a.kind) {
      case 'Suspend': return 'SUSPEND';
      case 'Resume': return 'RESUME' + this.withOptions(a.options);
      case 'Refresh': return 'REFRESH' + (a.partition.length > 0 ? ' ' + this.partitionSpec(a.partition) : '');
      case 'SetFreshness': return 'SET FRESHNESS = ' + this.expr(a.freshness);
      case 'SetRefreshMode': return 'SET REFRESH_MODE = ' + a.mode;
      case 'SetOptions': return 'SET ' + this.options(a.options);
      case 'ResetOptions': return `RESET (${list(a.keys, (k) => this.configKey(k))})`;
      case 'AsQuery': return 'AS ' + this.query(a.query);
      default: return assertNever(a);
    }
  }
}

function setLevel(b: SetOperation): number {
  return b.op === 'INTERSECT' ? 2 : 1;
}

function enforcement(enforced: boolean | null): string {
  return enforced === null ? '' : enforced ? ' ENFORCED' : ' NOT ENFORCED';
}

function temporarySystem(s: { temporary: boolean; system: boolean }): string {
  return (s.temporary ? ' TEMPORARY' : '') + (s.system ? ' SYSTEM' : '');
}
