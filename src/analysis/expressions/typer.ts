/**
 * The expression typer: the type of every expression node as Flink's validator derives it (Calcite
 * SqlValidatorImpl with type coercion off, Flink's operator table and type system), with a diagnostic
 * for every expression Flink rejects.
 *
 * The typer never sees tables: columns, subqueries and user functions come from the
 * ExpressionContext that the relational analyzer implements per scope. An expression whose type
 * cannot be known (after an error, or from a function without a declared signature) has the type
 * UNKNOWN, which every check accepts, so one mistake yields one diagnostic.
 *
 * For callers (the relational analyzer):
 * - A bare column reference keeps its time attribute; every computed expression is a plain type.
 * - Intervals are reported as queries see them (INTERVAL SECOND(3) / INTERVAL MONTH); an untyped
 *   NULL has the type NULL, which a select item may not keep (Flink: "Illegal use of 'NULL'").
 * - Table function calls in FROM (window TVFs, LATERAL TABLE) are not expressions; their arguments
 *   are (DESCRIPTOR(col) types as DESCRIPTOR without resolving the names).
 * - GROUP BY expressions are typed with aggregatesAllowed = false; SUM / AVG / MIN / MAX become
 *   nullable in a global aggregation when the context says `globalAggregation`.
 */
import type {
  Between, Binary, Case, Cast, CollectionConstructor, CollectionQuery, ColumnRef, Expression, Extract,
  FieldAccess, FloorCeil, FunctionCall, InList, InSubquery, IntervalLiteral, JsonArray, JsonBehavior,
  JsonObject, Like, Literal, OrderItem, Overlay, Position, QualifiedName, QuantifiedComparison, Query,
  Subscript, Substring, TimeUnit, TimestampFunction, Trim, Unary, WindowSpec,
} from '../../ast/nodes.js';
import { printExpression } from '../../ast/print.js';
import { Codes, type CodeInfo } from '../../diagnostics/codes.js';
import type { Diagnostic, Fix } from '../../diagnostics/diagnostic.js';
import { closestMatches } from '../../diagnostics/suggest.js';
import type { Span } from '../../source/span.js';
import type { CatalogFunction, FunctionSignature } from '../catalog/model.js';
import type { BuiltinFunction } from '../functions/builtins.js';
import { lookupBuiltinFunction, suggestFunctionNames, typeBuiltinCall } from '../functions/registry.js';
import type { CallTypes } from '../functions/strategies.js';
import type { OutputColumn } from '../schema.js';
import { arithmeticType, OPERATOR_FORMS, type ArithmeticOperator } from '../types/arithmetic.js';
import { castRoute, rejectedAtCodegen, supportsExplicitCast, supportsImplicitCast } from '../types/casts.js';
import { intervalType, logicalTypeOf, queryIntervalType } from '../types/from-ast.js';
import {
  MAX_LENGTH, T, is, type LogicalType, printType, withNullability, withoutTimeAttribute,
} from '../types/logical-type.js';
import { leastRestrictive } from '../types/merge.js';
import { isComparable, isOrderable } from './comparable.js';
import type { ExpressionContext } from './context.js';

/** Types `expr` in `ctx`; reports what Flink would reject through `ctx.report`. Never throws on user input. */
export function typeExpression(expr: Expression, ctx: ExpressionContext): LogicalType {
  try {
    return new Typer(ctx).type(expr);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    ctx.report({
      code: Codes.unsupportedExpression.code, severity: Codes.unsupportedExpression.severity, category: Codes.unsupportedExpression.category,
      span: expr.span, message: 'This expression is nested too deeply to check its types',
      hint: 'split it into smaller expressions, for example with a WITH clause',
    });
    return T.unknown();
  }
}

/**
 * Whether the expression computes an aggregate at this level: an aggregate call without OVER, or
 * JSON_OBJECTAGG / JSON_ARRAYAGG. Subqueries are not looked into; they aggregate on their own.
 * `isUserAggregate` tells whether a non-built-in name is an aggregate function (from the catalog).
 */
export function expressionContainsAggregate(expr: Expression, isUserAggregate: (name: QualifiedName) => boolean = () => false): boolean {
  const stack: unknown[] = [expr];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) { stack.push(...node); continue; }
    const n = node as { kind?: string };
    if (n.kind === 'Query') continue;
    if (n.kind === 'FunctionCall') {
      const call = node as FunctionCall;
      if (call.over === null && isAggregateCall(call, isUserAggregate)) return true;
      if (call.over !== null) { stack.push(call.args); continue; }
    }
    if ((n.kind === 'JsonObject' || n.kind === 'JsonArray') && (node as JsonObject | JsonArray).aggregate) return true;
    for (const [key, value] of Object.entries(node)) {
      if (key !== 'span' && value !== null && typeof value === 'object') stack.push(value);
    }
  }
  return false;
}

function isAggregateCall(call: FunctionCall, isUserAggregate: (name: QualifiedName) => boolean): boolean {
  if (call.name.parts.length === 1 && lookupBuiltinFunction(call.name.parts[0]!.value)?.kind === 'aggregate') return true;
  return isUserAggregate(call.name);
}

/** Types as the planner reports them inside queries: TIME(p) is TIME(0); intervals collapse (FlinkTypeFactory). */
export function toQueryType(type: LogicalType): LogicalType {
  switch (type.root) {
    case 'TIME': return type.precision === 0 ? type : T.time(0, type.nullable);
    case 'INTERVAL_YEAR_MONTH':
    case 'INTERVAL_DAY_TIME': return queryIntervalType(type);
    case 'ARRAY': return T.array(toQueryType(type.element), type.nullable);
    case 'MULTISET': return T.multiset(toQueryType(type.element), type.nullable);
    case 'MAP': return T.map(toQueryType(type.key), toQueryType(type.value), type.nullable);
    case 'ROW': return T.row(type.fields.map((f) => T.field(f.name, toQueryType(f.type), f.description)), type.nullable);
    default: return type;
  }
}

/** Calcite's largest leading-field precision of an interval qualifier. */
const MAX_INTERVAL_START_PRECISION = 10;

const COMPARISONS: ReadonlySet<string> = new Set(['=', '<>', '!=', '<', '<=', '>', '>=']);
const ARITHMETIC: ReadonlySet<string> = new Set(['+', '-', '*', '/', '%']);

/** Units EXTRACT and FLOOR/CEIL take from each datetime type (Calcite SqlExtractFunction / SqlFloorFunction). */
const DATE_UNITS: ReadonlySet<TimeUnit> = new Set([
  'YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAY', 'DOW', 'DOY', 'EPOCH', 'DECADE', 'CENTURY', 'MILLENNIUM', 'ISODOW', 'ISOYEAR',
]);
const TIME_UNITS: ReadonlySet<TimeUnit> = new Set(['HOUR', 'MINUTE', 'SECOND', 'MILLISECOND', 'MICROSECOND', 'NANOSECOND', 'EPOCH']);

class Typer {
  /** Inside the arguments of an aggregate call (column references then need not be grouped). */
  private insideAggregate = false;
  /** The aggregate call the typer is inside, for the nested-aggregate diagnostic. */
  private enclosingAggregate: FunctionCall | null = null;

  constructor(private readonly ctx: ExpressionContext) {}

  type(expr: Expression): LogicalType {
    const type = this.derive(expr);
    this.ctx.recordType?.(expr, type);
    return type;
  }

  // ------------------------------------------------------------------------------ diagnostics

  private report(code: CodeInfo, span: Span, message: string, hint?: string, fixes?: readonly Fix[]): void {
    const diagnostic: Diagnostic = {
      code: code.code, severity: code.severity, category: code.category, span, message,
      ...(hint === undefined ? {} : { hint }),
      ...(fixes === undefined || fixes.length === 0 ? {} : { fixes }),
    };
    this.ctx.report(diagnostic);
  }

  private castFix(operand: Expression, target: string): Fix {
    return {
      title: `cast ${show(operand)} to ${target}`,
      applicability: 'unsafe',
      edits: [
        { span: { start: operand.span.start, end: operand.span.start }, text: 'CAST(' },
        { span: { start: operand.span.end, end: operand.span.end }, text: ` AS ${target})` },
      ],
    };
  }

  // ------------------------------------------------------------------------------ dispatch

  private derive(expr: Expression): LogicalType {
    switch (expr.kind) {
      case 'Literal': return this.literal(expr);
      case 'IntervalLiteral': return this.intervalLiteral(expr);
      case 'ColumnRef': return this.column(expr);
      case 'Star': return T.unknown();
      case 'FieldAccess': return this.fieldAccess(expr);
      case 'Subscript': return this.subscript(expr);
      case 'Unary': return this.unary(expr);
      case 'Binary': return this.binary(expr);
      case 'QuantifiedComparison': return this.quantified(expr);
      case 'IsTest': {
        const t = this.type(expr.operand);
        if (expr.test !== 'NULL') this.expectBoolean(expr.operand, t, `IS ${expr.negated ? 'NOT ' : ''}${expr.test}`);
        return T.boolean(false);
      }
      case 'IsDistinctFrom': {
        const l = this.type(expr.left);
        const r = this.type(expr.right);
        this.checkComparable(expr.left, l, expr.right, r, `IS ${expr.negated ? 'NOT ' : ''}DISTINCT FROM`, expr.span, false);
        return T.boolean(false);
      }
      case 'IsJson': {
        const t = this.type(expr.operand);
        this.expectFamily(expr.operand, t, is.characterString, 'IS JSON', 'a character string');
        return T.boolean(false);
      }
      case 'Between': return this.between(expr);
      case 'InList': return this.inList(expr);
      case 'InSubquery': return this.inSubquery(expr);
      case 'Like': return this.like(expr);
      case 'MemberOf': {
        const l = this.type(expr.left);
        const r = this.type(expr.right);
        if (r.root !== 'MULTISET' && !is.unknown(r) && !is.null(r)) {
          this.report(Codes.operatorTypes, expr.right.span, `${expr.op} needs a MULTISET on the right, but ${show(expr.right)} is ${printType(r)}`);
          return T.unknown();
        }
        if (expr.op === 'SUBMULTISET OF' && l.root !== 'MULTISET' && !is.unknown(l) && !is.null(l)) {
          this.report(Codes.operatorTypes, expr.left.span, `SUBMULTISET OF needs a MULTISET on the left, but ${show(expr.left)} is ${printType(l)}`);
        }
        return T.boolean(l.nullable || r.nullable);
      }
      case 'Overlaps': return this.overlaps(expr);
      case 'Case': return this.caseExpression(expr);
      case 'Cast': return this.cast(expr);
      case 'FunctionCall': return this.call(expr);
      case 'NamedArgument': return this.type(expr.value);
      case 'TableArgument': return T.unknown();
      case 'DefaultArgument': return T.unknown();
      case 'Extract': return this.extract(expr);
      case 'FloorCeil': return this.floorCeil(expr);
      case 'Position': return this.position(expr);
      case 'Substring': return this.substring(expr);
      case 'Overlay': return this.overlay(expr);
      case 'Trim': return this.trim(expr);
      case 'TimestampFunction': return this.timestampFunction(expr);
      case 'JsonValue':
      case 'JsonQuery': {
        const name = expr.kind === 'JsonValue' ? 'JSON_VALUE' : 'JSON_QUERY';
        this.jsonInput(expr.operand, expr.path, name);
        this.jsonBehaviors(expr.behaviors);
        const returning = expr.returning === null ? T.string() : this.dataType(expr.returning);
        if (expr.kind === 'JsonQuery' && returning.root === 'ARRAY') this.jsonQueryArray(expr, returning);
        // Flink's JSON_VALUE / JSON_QUERY are always nullable (no match, or NULL ON ERROR).
        return withNullability(returning, true);
      }
      case 'JsonExists': {
        this.jsonInput(expr.operand, expr.path, 'JSON_EXISTS');
        return T.boolean(true);
      }
      case 'JsonObject': return this.jsonConstructor(expr, expr.entries.flatMap((e) => [e.key, e.value]), 'JSON_OBJECT', expr.entries.map((e) => e.key));
      case 'JsonArray': return this.jsonConstructor(expr, expr.items, 'JSON_ARRAY', [], expr.orderBy);
      case 'ScalarSubquery': {
        const column = this.singleColumn(expr.query, 'A scalar subquery');
        // A scalar subquery yields NULL when it returns no row.
        return column === null ? T.unknown() : withNullability(withoutTimeAttribute(column.type), true);
      }
      case 'Exists': {
        this.ctx.typeSubquery(expr.query);
        return T.boolean(false);
      }
      case 'RowConstructor': {
        const fields = expr.items.map((item, i) => T.field(`EXPR$${i}`, withoutTimeAttribute(this.type(item))));
        return T.row(fields, false);
      }
      case 'CollectionConstructor': return this.collection(expr);
      case 'CollectionQuery': return this.collectionQuery(expr);
      case 'DynamicParameter': return T.unknown();
    }
  }

  // ------------------------------------------------------------------------------ leaves

  private literal(expr: Literal): LogicalType {
    switch (expr.type) {
      case 'NULL': return T.null();
      case 'BOOLEAN': return T.boolean(false);
      case 'UNKNOWN': return T.boolean(true);
      case 'INTEGER': return this.integerLiteral(expr);
      case 'DECIMAL': {
        // Calcite SqlLiteral#createExactNumeric: precision counts every digit written, scale the digits after the point.
        const text = expr.value.replace(/^[+-]/, '');
        const dot = text.indexOf('.');
        const scale = dot < 0 ? 0 : text.length - dot - 1;
        const precision = text.replace('.', '').length;
        if (scale === 0) return this.integerLiteral({ ...expr, value: text.replace('.', '') });
        if (precision > 38) {
          this.report(Codes.literalOutOfRange, expr.span, `The number ${expr.value} has ${precision} digits; Flink's DECIMAL holds at most 38`, 'write it as an approximate number (with an exponent, e.g. 1.5E0) or with fewer digits');
          return T.unknown(false);
        }
        return T.decimal(Math.max(precision, scale), scale, false);
      }
      case 'APPROX': return T.double(false);
      case 'STRING': return T.char(expr.value.length, false);
      case 'BINARY': return T.binary(Math.ceil(expr.value.length / 2), false);
      case 'DATE': return T.date(false);
      case 'TIME': return T.time(0, false);
      case 'TIMESTAMP':
      case 'TIMESTAMP_LTZ': {
        const fraction = /\.(\d*)/.exec(expr.value)?.[1]?.length ?? 0;
        const precision = Math.min(fraction, 9);
        return expr.type === 'TIMESTAMP' ? T.timestamp(precision, false) : T.timestampLtz(precision, false);
      }
    }
  }

  private integerLiteral(expr: Literal): LogicalType {
    const digits = expr.value.replace(/^[+-]/, '').replace(/^0+(?=\d)/, '');
    const value = BigInt(digits === '' ? '0' : digits);
    if (value <= 2147483647n) return T.int(false);
    if (value <= 9223372036854775807n) return T.bigint(false);
    if (digits.length <= 38) return T.decimal(digits.length, 0, false);
    this.report(Codes.literalOutOfRange, expr.span, `The number ${expr.value} is out of range: it has more than 38 digits`, 'write it as an approximate number, e.g. 1.5E40');
    return T.unknown(false);
  }

  private intervalLiteral(expr: IntervalLiteral): LogicalType {
    this.checkLeadingField(expr);
    return queryIntervalType(intervalType(expr.qualifier, false));
  }

  /**
   * The leading field of an interval literal may have as many digits as the qualifier's precision,
   * 2 by default (Calcite SqlIntervalQualifier#checkLeadFieldInRange): INTERVAL '120' MINUTE fails
   * with "Interval field value 120 exceeds precision of MINUTE(2) field".
   */
  private checkLeadingField(expr: IntervalLiteral): void {
    const q = expr.qualifier;
    const lead = /\d+/.exec(expr.value)?.[0];
    if (lead === undefined) return;
    const digits = lead.replace(/^0+(?=\d)/, '').length;
    const precision = q.startPrecision ?? 2;
    if (digits <= precision) return;
    const fits = digits <= MAX_INTERVAL_START_PRECISION;
    const fixable = fits && q.startPrecision === null && q.end === null && q.fractionalPrecision === null;
    this.report(
      Codes.literalOutOfRange, expr.span,
      `The interval value ${lead} has ${digits} digits, more than ${q.start}(${precision}) holds`,
      fits ? `declare the precision: INTERVAL '${expr.value}' ${q.start}(${digits})${q.end === null ? '' : ` TO ${q.end}`}` : `use a larger unit than ${q.start}`,
      fixable ? [{ title: `declare ${q.start}(${digits})`, applicability: 'safe', edits: [{ span: q.span, text: `${q.start}(${digits})` }] }] : [],
    );
  }

  private column(expr: ColumnRef): LogicalType {
    return this.ctx.resolveColumn(expr, this.insideAggregate) ?? T.unknown();
  }

  private fieldAccess(expr: FieldAccess): LogicalType {
    const target = this.type(expr.target);
    return this.rowField(target, expr.field.value, expr.field.span, expr.target);
  }

  private rowField(target: LogicalType, name: string, span: Span, targetExpr: Expression): LogicalType {
    if (is.unknown(target) || target.root === 'STRUCTURED_TYPE') return T.unknown();
    if (target.root !== 'ROW') {
      this.report(Codes.unknownField, span, `${show(targetExpr)} is ${printType(target)}, not a ROW, so it has no field \`${name}\``);
      return T.unknown();
    }
    const field = target.fields.find((f) => f.name === name);
    if (field === undefined) {
      const close = closestMatches(name, target.fields.map((f) => f.name));
      this.report(
        Codes.unknownField, span,
        `${printType(target)} has no field \`${name}\``,
        close.length > 0 ? `did you mean \`${close[0]}\`? Field names are case-sensitive` : `its fields are ${target.fields.map((f) => `\`${f.name}\``).join(', ')}`,
      );
      return T.unknown();
    }
    return withNullability(field.type, field.type.nullable || target.nullable);
  }

  private subscript(expr: Subscript): LogicalType {
    const target = this.type(expr.target);
    const index = this.type(expr.index);
    if (is.unknown(target)) return T.unknown();
    switch (target.root) {
      case 'ARRAY':
        if (!is.integer(index) && !is.null(index) && !is.unknown(index)) {
          this.report(Codes.notSubscriptable, expr.index.span, `An ARRAY index must be an integer, but ${show(expr.index)} is ${printType(index)}`, 'array elements are numbered from 1');
        }
        // ITEM is nullable: the index may be out of bounds.
        return withNullability(target.element, true);
      case 'MAP':
        if (!isComparable(target.key, index)) {
          this.report(Codes.notSubscriptable, expr.index.span, `The key ${show(expr.index)} is ${printType(index)}, but the map's keys are ${printType(target.key)}`);
        }
        return withNullability(target.value, true);
      case 'ROW': {
        if (expr.index.kind === 'Literal' && expr.index.type === 'STRING') return this.rowField(target, expr.index.value, expr.index.span, expr.target);
        if (expr.index.kind === 'Literal' && expr.index.type === 'INTEGER') {
          const field = target.fields[Number(expr.index.value) - 1];
          if (field !== undefined) return withNullability(field.type, field.type.nullable || target.nullable);
        }
        this.report(Codes.notSubscriptable, expr.index.span, `A ROW field is selected with its name as a string literal or its position (from 1); ${show(expr.index)} is neither`);
        return T.unknown();
      }
      default:
        this.report(Codes.notSubscriptable, expr.span, `${show(expr.target)} is ${printType(target)}; only ARRAY, MAP and ROW values can be indexed with [ ]`);
        return T.unknown();
    }
  }

  // ------------------------------------------------------------------------------ operators

  private unary(expr: Unary): LogicalType {
    const t = this.type(expr.operand);
    if (expr.op === 'NOT') {
      this.expectBoolean(expr.operand, t, 'NOT');
      return T.boolean(t.nullable);
    }
    if (is.unknown(t) || is.null(t)) return t;
    if (!is.numeric(t) && !is.interval(t)) {
      this.report(Codes.operatorTypes, expr.span, `Cannot apply unary '${expr.op}' to ${printType(t)}: it takes a number or an interval`);
      return T.unknown();
    }
    return withoutTimeAttribute(t);
  }

  /**
   * Long left-deep chains (`a + b + c + ...`, `x = 1 OR x = 2 OR ...`, generated by tools) are typed
   * iteratively, from the innermost operator out, so their length does not hit the stack limit.
   */
  private binary(expr: Binary): LogicalType {
    const spine: Binary[] = [];
    let innermost: Expression = expr;
    while (innermost.kind === 'Binary') {
      spine.push(innermost);
      innermost = innermost.left;
    }
    let left = this.type(innermost);
    for (let i = spine.length - 1; i >= 0; i--) {
      const node = spine[i]!;
      left = this.binaryOf(node, left, this.type(node.right));
      if (i > 0) this.ctx.recordType?.(node, left);
    }
    return left;
  }

  private binaryOf(expr: Binary, l: LogicalType, r: LogicalType): LogicalType {
    if (expr.op === 'AND' || expr.op === 'OR') {
      this.expectBoolean(expr.left, l, expr.op);
      this.expectBoolean(expr.right, r, expr.op);
      return T.boolean(l.nullable || r.nullable);
    }
    if (COMPARISONS.has(expr.op)) {
      const op = expr.op === '!=' ? '<>' : expr.op;
      this.checkComparable(expr.left, l, expr.right, r, op, expr.span, op !== '=' && op !== '<>');
      return T.boolean(l.nullable || r.nullable);
    }
    if (expr.op === '||') return this.concat(expr, l, r);
    if (ARITHMETIC.has(expr.op)) {
      const op = expr.op as ArithmeticOperator;
      const result = arithmeticType(op, l, r);
      if (result !== null) return result;
      this.arithmeticError(expr, op, l, r);
      return T.unknown();
    }
    return T.unknown();
  }

  private arithmeticError(expr: Binary, op: ArithmeticOperator, l: LogicalType, r: LogicalType): void {
    const fixes: Fix[] = [];
    let hint = `'${op}' takes ${OPERATOR_FORMS[op].join(' or ')}; Flink does not convert strings to numbers implicitly`;
    const numericSide = is.numeric(l) ? l : is.numeric(r) ? r : null;
    const stringOperand = is.characterString(l) ? expr.left : is.characterString(r) ? expr.right : null;
    if (numericSide !== null && stringOperand !== null && op !== '%') {
      const target = printType(withNullability(numericSide, true));
      hint = `cast the string to a number: CAST(${show(stringOperand)} AS ${target})`;
      fixes.push(this.castFix(stringOperand, target));
    } else if (op === '-' && is.datetime(l) && is.datetime(r)) {
      hint = 'use TIMESTAMPDIFF(unit, start, end) for the difference of two datetimes';
    } else if (op === '%' && is.numeric(l) && is.numeric(r)) {
      hint = `'%' takes exact numbers only; CAST the operands to DECIMAL or an integer type`;
    }
    this.report(Codes.operatorTypes, expr.span, `Cannot apply '${op}' to ${printType(l)} and ${printType(r)}`, hint, fixes);
  }

  /** `a || b` (Calcite DYADIC_STRING_SUM_PRECISION_NULLABLE): both character or both binary strings. */
  private concat(expr: Binary, l: LogicalType, r: LogicalType): LogicalType {
    if (is.unknown(l) || is.unknown(r)) return T.unknown();
    const left = is.null(l) ? r : l;
    const right = is.null(r) ? l : r;
    const bothChar = is.characterString(left) && is.characterString(right);
    const bothBinary = is.binaryString(left) && is.binaryString(right);
    if (!bothChar && !bothBinary) {
      const other = is.characterString(left) ? expr.right : is.characterString(right) ? expr.left : null;
      const fixes = other === null ? [] : [this.castFix(other, 'STRING')];
      this.report(
        Codes.operatorTypes, expr.span, `Cannot apply '||' to ${printType(l)} and ${printType(r)}: both sides must be strings (or both binary)`,
        other === null ? 'CAST both sides to STRING' : `cast the other side: CAST(${show(other)} AS STRING)`, fixes,
      );
      return T.unknown();
    }
    const nullable = l.nullable || r.nullable;
    const length = (left as { length: number }).length + (right as { length: number }).length;
    const varying = right.root === 'VARCHAR' || right.root === 'VARBINARY' || left.root === 'VARCHAR' || left.root === 'VARBINARY';
    const capped = length > MAX_LENGTH ? MAX_LENGTH : length;
    if (bothChar) return varying || length > MAX_LENGTH ? T.varchar(capped, nullable) : T.char(capped, nullable);
    return varying || length > MAX_LENGTH ? T.varbinary(capped, nullable) : T.binary(capped, nullable);
  }

  private checkComparable(
    leftExpr: Expression, l: LogicalType, rightExpr: Expression, r: LogicalType, op: string, span: Span, ordered: boolean,
  ): boolean {
    if (!isComparable(l, r)) {
      this.report(
        Codes.notComparable, span, `Cannot compare ${printType(l)} with ${printType(r)} using ${op}`,
        this.comparisonHint(leftExpr, l, rightExpr, r),
      );
      return false;
    }
    if (ordered && (!isOrderable(l) || !isOrderable(r))) {
      const bad = isOrderable(l) ? r : l;
      this.report(Codes.notComparable, span, `${printType(bad)} values can only be compared with = and <>, not ${op}`);
      return false;
    }
    return true;
  }

  private comparisonHint(leftExpr: Expression, l: LogicalType, rightExpr: Expression, r: LogicalType): string {
    if ((l.root === 'DATE' && is.timestamp(r)) || (is.timestamp(l) && r.root === 'DATE')) {
      const dateSide = l.root === 'DATE' ? leftExpr : rightExpr;
      return `compare timestamps with timestamps: CAST(${show(dateSide)} AS TIMESTAMP(3))`;
    }
    return 'CAST one side to the type of the other';
  }

  private quantified(expr: QuantifiedComparison): LogicalType {
    const l = this.type(expr.left);
    const column = this.singleColumn(expr.query, `The subquery of ${expr.op} ${expr.quantifier}`);
    if (column === null) return T.boolean(true);
    this.checkComparable(expr.left, l, expr.left, column.type, `${expr.op} ${expr.quantifier}`, expr.span, expr.op !== '=' && expr.op !== '<>');
    return T.boolean(l.nullable || column.type.nullable);
  }

  private between(expr: Between): LogicalType {
    const t = this.type(expr.operand);
    const low = this.type(expr.low);
    const high = this.type(expr.high);
    const op = `${expr.negated ? 'NOT ' : ''}BETWEEN`;
    if (this.checkComparable(expr.operand, t, expr.low, low, op, expr.low.span, true)) {
      this.checkComparable(expr.operand, t, expr.high, high, op, expr.high.span, true);
    }
    return T.boolean(t.nullable || low.nullable || high.nullable);
  }

  private inList(expr: InList): LogicalType {
    const t = this.type(expr.operand);
    const values = expr.values.map((v) => this.type(v));
    const common = leastRestrictive(values);
    const op = `${expr.negated ? 'NOT ' : ''}IN`;
    if (common === null && !values.every(is.null)) {
      const bad = this.firstMisfit(expr.values, values);
      this.report(
        Codes.noCommonType, bad.span, `The values of the ${op} list have no common type: ${listTypes(values)}`,
        'write every value of the list with the same type, or CAST them',
      );
    } else if (common !== null) {
      const misfit = expr.values.find((v, i) => !isComparable(t, values[i]!));
      if (misfit !== undefined) {
        const mt = values[expr.values.indexOf(misfit)]!;
        this.report(Codes.notComparable, misfit.span, `Cannot compare ${printType(t)} with ${printType(mt)} using ${op}`, this.comparisonHint(expr.operand, t, misfit, mt));
      }
    }
    return T.boolean(t.nullable || values.some((v) => v.nullable));
  }

  /** The first expression whose type does not merge with the ones before it. */
  private firstMisfit(exprs: readonly Expression[], types: readonly LogicalType[]): Expression {
    // Merged pairwise as it goes, so that blaming stays linear in the number of branches.
    let merged: LogicalType | null = null;
    for (let i = 0; i < types.length; i++) {
      const type = types[i]!;
      if (type.root === 'NULL') continue;
      const next: LogicalType | null = merged === null ? type : leastRestrictive([merged, type]);
      if (next === null) return exprs[i]!;
      merged = next;
    }
    return exprs[0]!;
  }

  private inSubquery(expr: InSubquery): LogicalType {
    const t = this.type(expr.operand);
    const columns = this.ctx.typeSubquery(expr.query);
    if (columns === null) return T.boolean(true);
    const arity = expr.operand.kind === 'RowConstructor' ? expr.operand.items.length : 1;
    if (columns.length !== arity) {
      this.report(Codes.subqueryColumns, expr.query.span, `The subquery of IN returns ${columns.length} columns, but ${arity === 1 ? 'one value is' : `${arity} values are`} compared`, 'select exactly the columns to compare');
      return T.boolean(true);
    }
    const right = arity === 1 ? columns[0]!.type : T.row(columns.map((c, i) => T.field(`EXPR$${i}`, c.type)), false);
    this.checkComparable(expr.operand, t, expr.operand, right, `${expr.negated ? 'NOT ' : ''}IN`, expr.span, false);
    return T.boolean(t.nullable || columns.some((c) => c.type.nullable));
  }

  private like(expr: Like): LogicalType {
    const t = this.type(expr.operand);
    const p = this.type(expr.pattern);
    const e = expr.escape === null ? null : this.type(expr.escape);
    const known = [t, p, ...(e === null ? [] : [e])].filter((x) => !is.unknown(x) && !is.null(x));
    const allChar = known.every(is.characterString);
    const allBinary = expr.op !== 'SIMILAR TO' && known.every(is.binaryString);
    if (!allChar && !allBinary) {
      const bad = [[expr.operand, t], [expr.pattern, p]].find(([, x]) => !is.characterString(x as LogicalType) && !is.unknown(x as LogicalType) && !is.null(x as LogicalType));
      const badExpr = (bad?.[0] ?? expr.operand) as Expression;
      const target = 'STRING';
      this.report(
        Codes.operatorTypes, expr.span, `Cannot apply ${expr.op} to ${printType(t)} and ${printType(p)}: ${expr.op} matches strings`,
        `cast it to a string: CAST(${show(badExpr)} AS STRING)`, [this.castFix(badExpr, target)],
      );
    }
    return T.boolean(t.nullable || p.nullable || (e?.nullable ?? false));
  }

  private expectBoolean(expr: Expression, type: LogicalType, where: string): void {
    if (type.root === 'BOOLEAN' || is.null(type) || is.unknown(type)) return;
    this.report(Codes.notBoolean, expr.span, `${where} needs a BOOLEAN, but ${show(expr)} is ${printType(type)}`, 'write a condition, e.g. a comparison');
  }

  private expectFamily(expr: Expression, type: LogicalType, test: (t: LogicalType) => boolean, where: string, what: string): boolean {
    if (test(type) || is.null(type) || is.unknown(type)) return true;
    this.report(Codes.functionArguments, expr.span, `${where} needs ${what}, but ${show(expr)} is ${printType(type)}`);
    return false;
  }

  // ------------------------------------------------------------------------------ CASE and CAST

  private caseExpression(expr: Case): LogicalType {
    if (expr.operand !== null) {
      const operand = this.type(expr.operand);
      for (const when of expr.whens) {
        const value = this.type(when.condition);
        this.checkComparable(expr.operand, operand, when.condition, value, 'CASE', when.condition.span, false);
      }
    } else {
      for (const when of expr.whens) this.expectBoolean(when.condition, this.type(when.condition), 'WHEN');
    }
    const branches = [...expr.whens.map((w) => w.result), ...(expr.elseResult === null ? [] : [expr.elseResult])];
    const types = branches.map((b) => this.type(b));
    if (expr.elseResult === null) types.push(T.null());
    if (types.every(is.null)) {
      this.report(Codes.allBranchesNull, expr.span, 'Every THEN and ELSE of this CASE is NULL, so it has no type', 'CAST one of them, e.g. CAST(NULL AS STRING)');
      return T.unknown();
    }
    const common = leastRestrictive(types);
    if (common === null) {
      const bad = this.firstMisfit(branches, types);
      this.report(
        Codes.noCommonType, bad.span, `The branches of this CASE have no common type: ${listTypes(types.filter((t) => !is.null(t)))}`,
        'CAST the branches to one type',
      );
      return T.unknown();
    }
    return common;
  }

  private dataType(node: import('../../ast/nodes.js').DataType): LogicalType {
    const { type, problems } = logicalTypeOf(node);
    for (const p of problems) this.report(Codes.invalidDataType, p.span, p.message);
    return toQueryType(type);
  }

  private cast(expr: Cast): LogicalType {
    const source = this.type(expr.operand);
    const target = this.dataType(expr.type);
    const nullable = expr.tryCast || source.nullable;
    const result = withNullability(target, nullable);
    if (is.unknown(source) || is.unknown(target)) return result;
    const what = expr.tryCast ? 'TRY_CAST' : 'CAST';
    if (!supportsExplicitCast(source, target)) {
      const route = castRoute(source, target);
      const operand = show(expr.operand);
      const targetText = printType(withNullability(target, true));
      const hint = route === null
        ? `Flink has no conversion from ${printType(withNullability(source, true))} to ${targetText}`
        : `use ${route.via} instead: ${route.template.replace('x', operand)}`;
      this.report(Codes.invalidCast, expr.span, `${what} cannot convert ${printType(source)} to ${targetText}`, hint);
      return result;
    }
    const rejected = rejectedAtCodegen(source, target);
    if (rejected !== null) {
      const instead = rejected.instead.replace('x', show(expr.operand));
      this.report(
        Codes.castRejectedAtRuntime, expr.span,
        `Flink rejects ${what} from a number to ${printType(withNullability(target, true))} when it compiles the job`,
        `use ${instead} instead${target.root === 'TIMESTAMP_WITHOUT_TIME_ZONE' ? ' (the number is in seconds)' : ' (milliseconds; TO_TIMESTAMP_LTZ(x, 0) for seconds)'}`,
        [{
          title: `use ${instead}`, applicability: 'unsafe',
          edits: [{ span: expr.span, text: instead }],
        }],
      );
    }
    return result;
  }

  // ------------------------------------------------------------------------------ function calls

  private call(expr: FunctionCall): LogicalType {
    const parts = expr.name.parts;
    const simple = parts.length === 1 ? parts[0]!.value : null;
    const user = this.ctx.lookupUserFunction(expr.name);
    const builtin = simple === null ? null : lookupBuiltinFunction(simple);
    // Flink resolves temporary system functions first, then built-ins, then catalog functions (FunctionCatalog).
    if (user !== null && (builtin === null || (user.temporary && user.system))) return this.userCall(expr, user);
    if (builtin !== null && builtin.kind !== 'special') return this.builtinCall(expr, builtin, simple!);
    if (simple?.toUpperCase() === 'DESCRIPTOR') return this.descriptor(expr);
    // The arguments of an unknown function are still checked on their own.
    this.typeArguments(expr, false);
    this.windowSpec(expr.over);
    const name = parts.map((p) => p.value).join('.');
    if (expr.niladic && simple !== null) {
      // A reserved word such as USER or CURRENT_USER written where a column was meant.
      const quoted = `\`${simple}\``;
      this.report(
        Codes.unknownFunction, expr.span, `${simple} is a reserved word, read as a function Flink does not have`,
        `to refer to a column named ${simple}, quote it: ${quoted}`,
        // Two insertions keep the word as the user wrote it (names are case-sensitive).
        [{ title: `quote ${simple}`, applicability: 'safe', edits: [
          { span: { start: expr.span.start, end: expr.span.start }, text: '`' },
          { span: { start: expr.span.end, end: expr.span.end }, text: '`' },
        ] }],
      );
      return T.unknown();
    }
    const close = simple === null ? [] : suggestFunctionNames(simple);
    this.report(
      Codes.unknownFunction, expr.name.span, `No function named ${name}`,
      close.length > 0 ? `did you mean ${close.join(', ')}?` : 'register it with CREATE FUNCTION, or check the name (built-in names are listed in the Flink docs)',
      close.length === 1 ? [{ title: `use ${close[0]}`, applicability: 'unsafe', edits: [{ span: expr.name.span, text: close[0]! }] }] : [],
    );
    return T.unknown();
  }

  /** Types the arguments; inside aggregates column references are aggregated. */
  private typeArguments(expr: FunctionCall, aggregate: boolean): LogicalType[] {
    const outerInside = this.insideAggregate;
    const outerEnclosing = this.enclosingAggregate;
    if (aggregate) {
      this.insideAggregate = true;
      this.enclosingAggregate = expr;
    }
    try {
      const types = expr.args.map((a) => this.type(a));
      for (const item of expr.argOrderBy) this.type(item.expr);
      for (const item of expr.withinGroup) this.type(item.expr);
      if (expr.filter !== null) this.expectBoolean(expr.filter, this.type(expr.filter), 'FILTER (WHERE ...)');
      return types;
    } finally {
      this.insideAggregate = outerInside;
      this.enclosingAggregate = outerEnclosing;
    }
  }

  private windowSpec(over: WindowSpec | import('../../ast/nodes.js').Identifier | null): void {
    if (over === null || over.kind === 'Identifier') return;
    for (const p of over.partitionBy) this.type(p);
    this.orderItems(over.orderBy);
    const frame = over.frame;
    if (frame !== null) {
      for (const bound of [frame.start, frame.end]) if (bound?.offset) this.type(bound.offset);
    }
  }

  private orderItems(items: readonly OrderItem[]): void {
    for (const item of items) this.type(item.expr);
  }

  /** Where an aggregate / window call may stand; false after reporting why not. */
  private checkAggregatePlacement(expr: FunctionCall, name: string, isWindowOnly: boolean): boolean {
    if (expr.over !== null) {
      if (!this.ctx.overAllowed) {
        this.report(Codes.overNotAllowed, expr.span, `${name}(...) OVER cannot be used here: OVER windows are allowed only in the SELECT list and ORDER BY`, 'compute it in a subquery and filter or group on its result');
        return false;
      }
      return true;
    }
    if (isWindowOnly) {
      this.report(Codes.windowFunctionWithoutOver, expr.span, `${name} is a window function and needs an OVER clause`, `add OVER (PARTITION BY ... ORDER BY ...)`, [{
        title: 'add an OVER clause', applicability: 'unsafe', edits: [{ span: { start: expr.span.end, end: expr.span.end }, text: ' OVER (ORDER BY ...)' }],
      }]);
      return false;
    }
    if (this.enclosingAggregate !== null) {
      this.report(Codes.nestedAggregate, expr.span, `The aggregate ${name} is inside another aggregate; aggregates cannot be nested`, 'compute the inner aggregate in a subquery first');
      return false;
    }
    if (!this.ctx.aggregatesAllowed) {
      this.report(Codes.aggregateNotAllowed, expr.span, `The aggregate ${name} cannot be used here: aggregates are allowed only in SELECT, HAVING and ORDER BY`, 'filter aggregated values with HAVING, or aggregate in a subquery');
      return false;
    }
    return true;
  }

  private checkScalarModifiers(expr: FunctionCall, name: string): void {
    if (expr.over !== null) {
      this.report(Codes.overOnScalar, expr.span, `${name} is not an aggregate function, so it cannot have OVER`, 'only aggregate and window functions (SUM, ROW_NUMBER, LAG, ...) take OVER');
    }
    const modifier = expr.quantifier === 'DISTINCT' ? 'DISTINCT' : expr.filter !== null ? 'FILTER' : expr.withinGroup.length > 0 ? 'WITHIN GROUP' : null;
    if (modifier !== null) {
      this.report(Codes.aggregateModifier, expr.span, `${modifier} applies only to aggregate functions, and ${name} is not one`);
    }
  }

  private callTypes(expr: FunctionCall, args: readonly LogicalType[]): CallTypes {
    return {
      args,
      literals: expr.args.map(numericLiteralText),
      globalOrFiltered: expr.filter !== null || (expr.over === null && this.ctx.globalAggregation === true),
    };
  }

  private builtinCall(expr: FunctionCall, fn: BuiltinFunction, name: string): LogicalType {
    const display = name.toUpperCase();
    const aggregate = fn.kind === 'aggregate' || fn.kind === 'window';
    if (aggregate) this.checkAggregatePlacement(expr, display, fn.kind === 'window');
    else this.checkScalarModifiers(expr, display);
    if (fn.niladic === true && !expr.niladic) {
      this.report(Codes.niladicParentheses, expr.span, `${display} is written without parentheses in Flink SQL`, `write ${display}`, [{
        title: `remove the parentheses`, applicability: 'safe', edits: [{ span: { start: expr.name.span.end, end: expr.span.end }, text: '' }],
      }]);
    }
    // The arguments of a windowed aggregate are evaluated per row (AVG(SUM(x)) OVER w is valid), not aggregated.
    const args = this.typeArguments(expr, fn.kind === 'aggregate' && expr.over === null);
    this.windowSpec(expr.over);
    if (expr.star) {
      if (display !== 'COUNT') this.report(Codes.functionArguments, expr.span, `Only COUNT takes *; ${display}(*) is not valid`);
      return T.bigint(false);
    }
    const result = typeBuiltinCall(fn, name, this.callTypes(expr, args));
    if (!result.ok) {
      const blamed = result.badArgument === null ? null : expr.args[result.badArgument];
      this.report(Codes.functionArguments, blamed?.span ?? expr.span, result.message, result.hint);
      return T.unknown();
    }
    return result.type;
  }

  private userCall(expr: FunctionCall, fn: CatalogFunction): LogicalType {
    const name = expr.name.parts.map((p) => p.value).join('.');
    const aggregate = fn.kind === 'aggregate';
    if (aggregate) this.checkAggregatePlacement(expr, name, false);
    else this.checkScalarModifiers(expr, name);
    const args = this.typeArguments(expr, aggregate && expr.over === null);
    this.windowSpec(expr.over);
    if (fn.signatures.length === 0) return T.unknown();
    const signature = fn.signatures.find((s) => fitsUserSignature(s, args));
    if (signature === undefined) {
      const valid = fn.signatures.map((s) => `${name}(${s.parameters.map((p, i) => {
        const text = `${p.name === null ? '' : `${p.name} `}${printType(withNullability(p.type, true))}${s.variadic && i === s.parameters.length - 1 ? '...' : ''}`;
        return p.optional ? `[${text}]` : text;
      }).join(', ')})`).join(', ');
      this.report(
        Codes.functionArguments, expr.span, `Function ${name} cannot take (${args.map(printType).join(', ')}). Valid: ${valid}`,
        'CAST the arguments to the declared parameter types',
      );
      return T.unknown();
    }
    return signature.returns;
  }

  // ------------------------------------------------------------------------------ special forms

  /** DESCRIPTOR(col, ...) names columns of a table argument (window TVFs); the names are not resolved here. */
  private descriptor(expr: FunctionCall): LogicalType {
    const names: string[] = [];
    for (const arg of expr.args) {
      if (arg.kind === 'ColumnRef' && arg.parts.length === 1) names.push(arg.parts[0]!.value);
      else this.report(Codes.functionArguments, arg.span, 'DESCRIPTOR takes column names only', 'write DESCRIPTOR(time_column)');
    }
    return T.descriptor(names);
  }

  private extract(expr: Extract): LogicalType {
    const t = this.type(expr.source);
    if (is.unknown(t) || is.null(t)) return T.bigint(t.nullable);
    if (!is.datetime(t) && !is.interval(t)) {
      this.report(Codes.functionArguments, expr.source.span, `EXTRACT needs a date, time, timestamp or interval, but ${show(expr.source)} is ${printType(t)}`);
      return T.bigint(t.nullable);
    }
    this.checkUnit(expr.unit, t, expr.span, 'EXTRACT');
    return T.bigint(t.nullable);
  }

  private checkUnit(unit: TimeUnit, t: LogicalType, span: Span, what: string): void {
    const bad = (t.root === 'DATE' && TIME_UNITS.has(unit) && unit !== 'EPOCH') || (t.root === 'TIME' && DATE_UNITS.has(unit) && unit !== 'EPOCH');
    if (bad) this.report(Codes.invalidTimeUnit, span, `${what} cannot take ${unit} from ${printType(t)}: a ${t.root === 'DATE' ? 'DATE has no time of day' : 'TIME has no date'}`);
  }

  private floorCeil(expr: FloorCeil): LogicalType {
    const t = this.type(expr.operand);
    if (is.unknown(t) || is.null(t)) return t;
    if (!is.datetime(t)) {
      this.report(Codes.functionArguments, expr.operand.span, `${expr.fn}(... TO ${expr.unit}) needs a date, time or timestamp, but ${show(expr.operand)} is ${printType(t)}`);
      return T.unknown();
    }
    if (t.root === 'TIME' && DATE_UNITS.has(expr.unit)) this.checkUnit(expr.unit, t, expr.span, expr.fn);
    return withoutTimeAttribute(t);
  }

  private position(expr: Position): LogicalType {
    const needle = this.type(expr.needle);
    const haystack = this.type(expr.haystack);
    const from = expr.from === null ? null : this.type(expr.from);
    const known = [needle, haystack].filter((x) => !is.unknown(x) && !is.null(x));
    if (!known.every(is.characterString) && !known.every(is.binaryString)) {
      this.report(Codes.functionArguments, expr.span, `POSITION needs two strings (or two binary strings), but got ${printType(needle)} IN ${printType(haystack)}`);
    }
    if (from !== null && expr.from !== null) this.expectFamily(expr.from, from, is.integer, 'POSITION ... FROM', 'an integer');
    return T.int(needle.nullable || haystack.nullable || (from?.nullable ?? false));
  }

  private substring(expr: Substring): LogicalType {
    const t = this.type(expr.operand);
    const from = this.type(expr.from);
    const length = expr.length === null ? null : this.type(expr.length);
    // SUBSTRING(s FROM i) resolves to Flink's SUBSTRING, which takes character strings only.
    this.expectFamily(expr.operand, t, is.characterString, 'SUBSTRING', 'a character string');
    this.expectFamily(expr.from, from, is.integer, 'SUBSTRING ... FROM', 'an integer');
    if (length !== null && expr.length !== null) this.expectFamily(expr.length, length, is.integer, 'SUBSTRING ... FOR', 'an integer');
    return varying(t, true);
  }

  private overlay(expr: Overlay): LogicalType {
    const t = this.type(expr.operand);
    const placing = this.type(expr.placing);
    const from = this.type(expr.from);
    const length = expr.length === null ? null : this.type(expr.length);
    this.expectFamily(expr.operand, t, (x) => is.characterString(x) || is.binaryString(x), 'OVERLAY', 'a string');
    this.expectFamily(expr.placing, placing, (x) => is.characterString(x) || is.binaryString(x), 'OVERLAY ... PLACING', 'a string');
    this.expectFamily(expr.from, from, is.integer, 'OVERLAY ... FROM', 'an integer');
    if (length !== null && expr.length !== null) this.expectFamily(expr.length, length, is.integer, 'OVERLAY ... FOR', 'an integer');
    const nullable = t.nullable || placing.nullable || from.nullable || (length?.nullable ?? false);
    if (!hasLength(t) || !hasLength(placing)) return is.unknown(t) ? t : T.string(nullable);
    const total = Math.min(t.length + placing.length, MAX_LENGTH);
    return is.binaryString(t) ? T.varbinary(total, nullable) : T.varchar(total, nullable);
  }

  private trim(expr: Trim): LogicalType {
    const t = this.type(expr.operand);
    const chars = expr.characters === null ? null : this.type(expr.characters);
    this.expectFamily(expr.operand, t, is.characterString, 'TRIM', 'a string');
    if (chars !== null && expr.characters !== null) this.expectFamily(expr.characters, chars, is.characterString, 'TRIM', 'a string of characters to remove');
    return varying(t, t.nullable || (chars?.nullable ?? false));
  }

  private timestampFunction(expr: TimestampFunction): LogicalType {
    const first = this.type(expr.first);
    const second = this.type(expr.second);
    const nullable = first.nullable || second.nullable;
    if (expr.fn === 'TIMESTAMPDIFF') {
      for (const [e, t] of [[expr.first, first], [expr.second, second]] as const) {
        this.expectFamily(e, t, is.datetime, 'TIMESTAMPDIFF', 'a date, time or timestamp');
      }
      return expr.unit === 'NANOSECOND' ? T.bigint(nullable) : T.int(nullable);
    }
    this.expectFamily(expr.first, first, is.integer, 'TIMESTAMPADD', 'an integer count');
    if (!this.expectFamily(expr.second, second, is.datetime, 'TIMESTAMPADD', 'a date, time or timestamp')) return T.unknown();
    const dt = withoutTimeAttribute(second);
    // Flink's copy of SqlTimestampAddFunction#deduceType: MILLISECOND / MICROSECOND raise a
    // timestamp's precision to 3 / 6; HOUR, MINUTE and SECOND turn a DATE into a TIMESTAMP of the
    // default precision (6 in FlinkTypeSystem).
    if (dt.root === 'TIMESTAMP_WITHOUT_TIME_ZONE' || dt.root === 'TIMESTAMP_WITH_LOCAL_TIME_ZONE') {
      const min = expr.unit === 'MILLISECOND' ? 3 : expr.unit === 'MICROSECOND' ? 6 : 0;
      const p = Math.max(dt.precision, min);
      return dt.root === 'TIMESTAMP_WITHOUT_TIME_ZONE' ? T.timestamp(p, nullable) : T.timestampLtz(p, nullable);
    }
    if (dt.root === 'DATE' && (expr.unit === 'HOUR' || expr.unit === 'MINUTE' || expr.unit === 'SECOND')) return T.timestamp(6, nullable);
    return withNullability(toQueryType(dt), nullable);
  }

  /**
   * The input of JSON_VALUE / JSON_QUERY / JSON_EXISTS may be of any type (Calcite's operand checker
   * takes ANY there; a value that is not JSON text gives NULL or the ON ERROR behaviour at run time).
   * The path must be a string.
   */
  /**
   * `(start, end) OVERLAPS (start, end)`: each side is a period of two values, a datetime and then
   * a datetime of the same kind or an interval (Calcite's SqlOverlapsOperator).
   */
  private overlaps(expr: import('../../ast/nodes.js').Overlaps): LogicalType {
    let nullable = false;
    for (const side of [expr.left, expr.right]) {
      if (side.kind !== 'RowConstructor' || side.items.length !== 2) {
        const t = this.type(side);
        nullable ||= t.nullable;
        if (!is.unknown(t)) this.report(Codes.operatorTypes, side.span, `OVERLAPS compares two periods, each written (start, end) or (start, interval), but ${show(side)} is ${printType(t)}`, 'write the period as (start_time, end_time)');
        continue;
      }
      const [start, end] = side.items.map((item) => this.type(item)) as [LogicalType, LogicalType];
      nullable ||= start.nullable || end.nullable;
      if (is.unknown(start) || is.unknown(end)) continue;
      if (!is.datetime(start)) {
        this.report(Codes.operatorTypes, side.items[0]!.span, `A period starts with a date, time or timestamp, but ${show(side.items[0]!)} is ${printType(start)}`);
      } else if (!(is.interval(end) || (is.datetime(end) && end.root === start.root))) {
        this.report(Codes.operatorTypes, side.items[1]!.span, `A period that starts with ${printType(start)} ends with the same type or an interval, but ${show(side.items[1]!)} is ${printType(end)}`);
      }
    }
    return T.boolean(nullable);
  }

  private jsonInput(operand: Expression, path: Expression, name: string): void {
    this.type(operand);
    const p = this.type(path);
    this.expectFamily(path, p, is.characterString, `${name} path`, 'a string');
  }

  /** RETURNING ARRAY in JSON_QUERY: character elements only, and no EMPTY OBJECT behavior (SqlJsonQueryFunctionWrapper). */
  private jsonQueryArray(expr: import('../../ast/nodes.js').JsonQuery, returning: LogicalType & { root: 'ARRAY' }): void {
    if (!is.characterString(returning.element) && !is.unknown(returning.element)) {
      this.report(
        Codes.functionArguments, expr.returning!.span, `JSON_QUERY cannot return ${printType(withNullability(returning, true))}: RETURNING ARRAY takes string elements only`,
        'write RETURNING ARRAY<STRING> and CAST the elements afterwards',
      );
    }
    for (const b of expr.behaviors) {
      if (b.behavior === 'EMPTY OBJECT') {
        this.report(Codes.functionArguments, b.span, `EMPTY OBJECT ON ${b.on} cannot produce ${printType(withNullability(returning, true))}`, `use EMPTY ARRAY ON ${b.on} or NULL ON ${b.on}`);
      }
    }
  }

  private jsonBehaviors(behaviors: readonly JsonBehavior[]): void {
    for (const b of behaviors) if (b.defaultValue !== null) this.type(b.defaultValue);
  }

  private jsonConstructor(expr: JsonObject | JsonArray, values: readonly Expression[], name: string, keys: readonly Expression[], orderBy: readonly OrderItem[] = []): LogicalType {
    const display = expr.aggregate ? `${name}AGG` : name;
    if (expr.aggregate) {
      const fake = { ...expr, kind: 'FunctionCall', over: null } as unknown as FunctionCall;
      this.checkAggregatePlacement(fake, display, false);
      const outer = this.enclosingAggregate;
      const outerInside = this.insideAggregate;
      this.enclosingAggregate = fake;
      this.insideAggregate = true;
      try {
        this.typeJsonValues(values, keys, display);
        this.orderItems(orderBy);
      } finally {
        this.enclosingAggregate = outer;
        this.insideAggregate = outerInside;
      }
      // Calcite's JSON_OBJECTAGG / JSON_ARRAYAGG return VARCHAR(2000) (ReturnTypes.VARCHAR_2000).
      return T.varchar(2000, false);
    }
    this.typeJsonValues(values, keys, display);
    return T.string(false);
  }

  private typeJsonValues(values: readonly Expression[], keys: readonly Expression[], name: string): void {
    for (const v of values) {
      const t = this.type(v);
      if (keys.includes(v)) this.expectFamily(v, t, is.characterString, `${name} key`, 'a string');
    }
  }

  private singleColumn(query: Query, what: string): OutputColumn | null {
    const columns = this.ctx.typeSubquery(query);
    if (columns === null) return null;
    if (columns.length !== 1) {
      this.report(Codes.subqueryColumns, query.span, `${what} must return exactly one column, but this one returns ${columns.length}`, 'select a single column');
      return null;
    }
    return columns[0]!;
  }

  private collection(expr: CollectionConstructor): LogicalType {
    const types = expr.items.map((i) => withoutTimeAttribute(this.type(i)));
    if (expr.collection === 'MAP') {
      if (types.length === 0 || types.length % 2 !== 0) {
        this.report(Codes.functionArguments, expr.span, `MAP[...] needs key-value pairs, but it has ${types.length} item${types.length === 1 ? '' : 's'}`, 'write MAP[key1, value1, key2, value2, ...]');
        return T.unknown(false);
      }
      const keyExprs = expr.items.filter((_, i) => i % 2 === 0);
      const valueExprs = expr.items.filter((_, i) => i % 2 === 1);
      const key = this.commonOf(keyExprs, types.filter((_, i) => i % 2 === 0), 'keys of MAP[...]');
      const value = this.commonOf(valueExprs, types.filter((_, i) => i % 2 === 1), 'values of MAP[...]');
      return key === null || value === null ? T.unknown(false) : T.map(key, value, false);
    }
    if (types.length === 0) {
      this.report(Codes.functionArguments, expr.span, `${expr.collection}[] needs at least one element`, `write ${expr.collection}[value, ...], or CAST(NULL AS ${expr.collection === 'ARRAY' ? 'ARRAY<INT>' : 'MULTISET<INT>'}) for an empty value`);
      return T.unknown(false);
    }
    const element = this.commonOf(expr.items, types, `elements of ${expr.collection}[...]`);
    if (element === null) return T.unknown(false);
    return expr.collection === 'ARRAY' ? T.array(element, false) : T.multiset(element, false);
  }

  private commonOf(exprs: readonly Expression[], types: readonly LogicalType[], what: string): LogicalType | null {
    const common = leastRestrictive(types);
    if (common === null) {
      const bad = this.firstMisfit(exprs, types);
      this.report(Codes.noCommonType, bad.span, `The ${what} have no common type: ${listTypes(types)}`, 'CAST them to one type');
    }
    return common;
  }

  private collectionQuery(expr: CollectionQuery): LogicalType {
    const columns = this.ctx.typeSubquery(expr.query);
    if (columns === null) return T.unknown(false);
    if (expr.collection === 'MAP') {
      if (columns.length !== 2) {
        this.report(Codes.subqueryColumns, expr.query.span, `MAP(subquery) needs a subquery of two columns (key, value), but this one returns ${columns.length}`);
        return T.unknown(false);
      }
      return T.map(columns[0]!.type, columns[1]!.type, false);
    }
    if (columns.length !== 1) {
      this.report(Codes.subqueryColumns, expr.query.span, `${expr.collection}(subquery) needs a subquery of one column, but this one returns ${columns.length}`);
      return T.unknown(false);
    }
    const element = withoutTimeAttribute(columns[0]!.type);
    return expr.collection === 'ARRAY' ? T.array(element, false) : T.multiset(element, false);
  }
}

// ------------------------------------------------------------------------------ helpers

/** The distinct types of a list for a message, at most five of them. */
function listTypes(types: readonly LogicalType[]): string {
  const distinct = [...new Set(types.map(printType))];
  return distinct.length <= 5 ? distinct.join(', ') : `${distinct.slice(0, 5).join(', ')} and ${distinct.length - 5} more`;
}

/** An expression as SQL for messages, cut short: messages quote the user's code, not all of it. */
function show(expr: Expression): string {
  const text = printExpression(expr);
  return text.length <= 80 ? text : `${text.slice(0, 77)}...`;
}

function hasLength(t: LogicalType): t is LogicalType & { length: number } {
  return is.characterString(t) || is.binaryString(t);
}

/** CHAR(n) -> VARCHAR(n), BINARY(n) -> VARBINARY(n) (Calcite TO_VARYING). */
function varying(t: LogicalType, nullable: boolean): LogicalType {
  if (t.root === 'CHAR') return T.varchar(t.length, nullable);
  if (t.root === 'BINARY') return T.varbinary(t.length, nullable);
  if (t.root === 'NULL') return T.string(true);
  return withNullability(t, nullable);
}

/** The text of a numeric literal argument, `-1` included, for strategies that read literal values. */
function numericLiteralText(expr: Expression): string | null {
  if (expr.kind === 'Literal' && (expr.type === 'INTEGER' || expr.type === 'DECIMAL')) return expr.value;
  if (expr.kind === 'Unary' && expr.op === '-' && expr.operand.kind === 'Literal' && expr.operand.type === 'INTEGER') return `-${expr.operand.value}`;
  return null;
}

/** A user function's declared signature accepts the arguments by implicit casts (Flink's new type inference). */
function fitsUserSignature(signature: FunctionSignature, args: readonly LogicalType[]): boolean {
  const params = signature.parameters;
  const required = params.filter((p) => !p.optional).length;
  if (args.length < required) return false;
  if (args.length > params.length && !signature.variadic) return false;
  return args.every((arg, i) => {
    const param = params[Math.min(i, params.length - 1)];
    if (param === undefined) return false;
    return supportsImplicitCast(withNullability(arg, true), withNullability(param.type, true));
  });
}
