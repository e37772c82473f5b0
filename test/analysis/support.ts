import type { ColumnRef, Query } from '../../src/ast/nodes.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { CatalogFunction } from '../../src/analysis/catalog/model.js';
import type { ExpressionContext } from '../../src/analysis/expressions/context.js';
import { typeExpression } from '../../src/analysis/expressions/typer.js';
import type { OutputColumn } from '../../src/analysis/schema.js';
import { logicalTypeOf } from '../../src/analysis/types/from-ast.js';
import { type LogicalType, printType, T, withNullability } from '../../src/analysis/types/logical-type.js';
import { parseDataType, parseExpression } from '../../src/parse/index.js';

/**
 * A type as the Table API writes it (DataTypes.ROW(FIELD("a", INT().notNull())): no DDL quirks, so
 * ROW fields keep NOT NULL. The function ITCases of the corpus declare their inputs this way.
 */
export function apiType(text: string): LogicalType {
  const parsed = parseDataType(text);
  if (parsed.type === null || parsed.diagnostics.length > 0) throw new Error(`bad type ${text}`);
  const { type, problems } = logicalTypeOf(parsed.type);
  if (problems.length > 0) throw new Error(`bad type ${text}: ${problems[0]!.message}`);
  return type;
}

export interface TestContext extends ExpressionContext {
  readonly diagnostics: Diagnostic[];
}

export interface ContextOptions {
  readonly aggregatesAllowed?: boolean;
  readonly overAllowed?: boolean;
  readonly globalAggregation?: boolean;
  readonly functions?: readonly CatalogFunction[];
  readonly subqueries?: readonly OutputColumn[];
}

/** A scope with the given columns; a multi-part name walks into ROW fields. */
export function contextWith(columns: Readonly<Record<string, LogicalType>>, options: ContextOptions = {}): TestContext {
  const diagnostics: Diagnostic[] = [];
  return {
    diagnostics,
    aggregatesAllowed: options.aggregatesAllowed ?? true,
    overAllowed: options.overAllowed ?? true,
    ...(options.globalAggregation === undefined ? {} : { globalAggregation: options.globalAggregation }),
    resolveColumn(ref: ColumnRef): LogicalType | null {
      const [head, ...rest] = ref.parts;
      let type = columns[head!.value];
      if (type === undefined) {
        diagnostics.push({ code: 'TEST', severity: 'error', category: 'semantic', span: ref.span, message: `Column '${head!.value}' not found` });
        return null;
      }
      for (const part of rest) {
        if (type.root !== 'ROW') return null;
        const field: { type: LogicalType } | undefined = type.fields.find((f) => f.name === part.value);
        if (field === undefined) return null;
        type = withNullability(field.type, field.type.nullable || type.nullable);
      }
      return type;
    },
    typeSubquery(_query: Query): readonly OutputColumn[] | null {
      return options.subqueries ?? [{ name: 'x', type: T.int() }];
    },
    lookupUserFunction(name): CatalogFunction | null {
      const text = name.parts.map((p) => p.value).join('.');
      return options.functions?.find((f) => f.id.name.toLowerCase() === text.toLowerCase()) ?? null;
    },
    report(d: Diagnostic): void {
      diagnostics.push(d);
    },
  };
}

/** Types `text` with columns f0, f1, ... of the given types; returns the printed type and the diagnostics. */
export function typeOf(text: string, columns: Readonly<Record<string, LogicalType>> = {}, options: ContextOptions = {}): { type: string; diagnostics: Diagnostic[] } {
  const parsed = parseExpression(text);
  if (parsed.expression === null) throw new Error(`does not parse: ${text}: ${parsed.diagnostics[0]?.message}`);
  const ctx = contextWith(columns, options);
  const type = typeExpression(parsed.expression, ctx);
  return { type: printType(type), diagnostics: ctx.diagnostics };
}

/** Columns f0..fn from type strings. */
export function fields(...types: string[]): Record<string, LogicalType> {
  return Object.fromEntries(types.map((t, i) => [`f${i}`, apiType(t)]));
}
