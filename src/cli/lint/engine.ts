import { catalogFromDdl } from '../../analysis/analyze.js';
import type { CatalogEntries } from '../../analysis/catalog/model.js';
import type { Insert, Statement } from '../../ast/nodes.js';
import { Codes } from '../../diagnostics/codes.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { StatementOutline } from '../../diagnostics/render-json.js';
import { parseAvro, type AvroNode } from '../../evolution/avro-model.js';
import { checkCompatibility, type BreakingChange, type CompatibilityMode } from '../../evolution/compatibility.js';
import { toAvroSchema } from '../../schema-export/avro.js';
import type { RuleSettings } from '../../rules/config.js';
import type { Span } from '../../source/span.js';
import { validateScript, type StatementResult, type ValidationResult } from '../../validate.js';
import { sinkColumns } from '../sink-table.js';

/**
 * Linting one unit: the whole pipeline (validateScript), then the schema-evolution check of each
 * INSERT whose sink has a registered Avro schema. Pure and synchronous, so it runs the same on
 * the main thread and in worker threads; everything in and out is structured-cloneable.
 */

/** What every unit of a run shares. Sent once to each worker. */
export interface LintEnvironment {
  readonly catalogs: readonly CatalogEntries[];
  readonly sinks: readonly SinkSpec[];
  /** Guardrail profile and rule overrides (the engine's default profile when absent). */
  readonly rules?: RuleSettings;
}

export interface SinkSpec {
  /** As written in the config: `orders`, `db.orders`, `cat.db.orders`. */
  readonly table: string;
  /** The registered schema, parsed JSON. */
  readonly schema: unknown;
  /** The .avsc file as shown to the user. */
  readonly file: string;
  readonly compat: CompatibilityMode;
}

export interface UnitInput {
  readonly index: number;
  readonly text: string;
  readonly inputDiagnostics: readonly Diagnostic[];
  readonly catalogDdl?: string;
  readonly broken?: boolean;
}

export interface UnitResult {
  readonly index: number;
  readonly statements: readonly StatementOutline[];
  /** Input diagnostics first, then the pipeline's, then evolution findings; each group by position. */
  readonly diagnostics: readonly Diagnostic[];
}

interface PreparedSink extends SinkSpec {
  readonly parts: readonly string[];
  readonly registered: AvroNode;
}

/** Parses the sinks' schemas once per thread. */
export class Linter {
  private readonly sinks: readonly PreparedSink[];

  constructor(private readonly env: LintEnvironment) {
    this.sinks = env.sinks.map((s) => ({ ...s, parts: s.table.split('.'), registered: parseAvro(s.schema) }));
  }

  /** Never throws: a failure inside the pipeline becomes an FSQL0001 finding for this unit only. */
  lint(unit: UnitInput): UnitResult {
    if (unit.broken === true) return { index: unit.index, statements: [], diagnostics: unit.inputDiagnostics };
    try {
      return this.lintUnchecked(unit);
    } catch (error) {
      const info = Codes.internalError;
      const reason = error instanceof Error ? error.message.split('\n', 1)[0] : String(error);
      return {
        index: unit.index,
        statements: [],
        diagnostics: [
          ...unit.inputDiagnostics,
          {
            code: info.code,
            severity: 'error',
            category: info.category,
            message: `flinkcheck failed while checking this query: ${reason}`,
            hint: 'this is a bug in flinkcheck; please report it with the query',
            span: { start: 0, end: 0 },
          },
        ],
      };
    }
  }

  private lintUnchecked(unit: UnitInput): UnitResult {
    const catalogs = unit.catalogDdl === undefined ? this.env.catalogs : [...this.env.catalogs, catalogFromDdl(unit.catalogDdl).entries];
    const result = validateScript(unit.text, { catalogs, ...(this.env.rules !== undefined ? { rules: this.env.rules } : {}) });
    const evolution: Diagnostic[] = [];
    if (this.sinks.length > 0) {
      for (const statement of result.statements) evolution.push(...this.checkSink(statement, result, catalogs));
    }
    return {
      index: unit.index,
      statements: result.statements.map((s) => ({ index: s.index, kind: s.kind, span: s.span })),
      diagnostics: [...unit.inputDiagnostics, ...result.diagnostics, ...evolution],
    };
  }

  /**
   * What the sink writes is its own table's physical row (the query's columns are cast to it), so
   * that is compared when the sink table is known; otherwise the query's output.
   */
  private checkSink(statement: StatementResult, result: ValidationResult, catalogs: readonly CatalogEntries[]): Diagnostic[] {
    const analysis = statement.analysis;
    if (analysis === null || analysis.target === null) return [];
    if (statement.ast === null || !isWrite(statement.ast)) return [];
    const targetParts = analysis.target.split('.');
    const sink = this.sinks.find((s) => endsWith(targetParts, s.parts));
    if (sink === undefined) return [];
    const columns = sinkColumns(analysis.target, result, catalogs) ?? analysis.schema;
    if (columns === null) return [];
    const span = targetSpan(statement.ast, sink.parts) ?? statement.span;

    const exported = toAvroSchema(columns);
    if (exported.schema === null) {
      const info = Codes.sinkTypeNotAvro;
      return exported.problems.map((p) => ({
        code: info.code,
        severity: info.severity,
        category: info.category,
        message: `column \`${p.path}\` of type ${p.type} cannot be written to the Avro sink \`${sink.table}\`: ${p.reason}`,
        hint: 'cast the column to a type the Avro format supports',
        span,
      }));
    }
    const compatibility = checkCompatibility(parseAvro(exported.schema), sink.registered, sink.compat, { checkNames: false });
    const info = Codes.sinkSchemaIncompatible;
    return compatibility.changes.map((change) => ({
      code: info.code,
      severity: info.severity,
      category: info.category,
      message: `\`${sink.table}\` (${sink.compat.toUpperCase()} against ${sink.file}): ${change.message}`,
      hint: hintFor(change),
      span,
    }));
  }
}

/** What to do about each kind of breaking change, by the check that found it. */
function hintFor(change: BreakingChange): string {
  switch (change.kind) {
    case 'missing-default':
      return change.direction === 'backward'
        ? 'make the sink column nullable (Flink then gives the field the default null), or keep the registered field name'
        : 'keep writing the field, or register a version of the schema that gives it a default first';
    case 'type-mismatch':
    case 'missing-union-branch':
      return "declare the sink column with the registered field's type";
    case 'became-nullable':
      return 'declare the sink column NOT NULL (and make the query never produce null for it, e.g. with COALESCE)';
    case 'no-longer-nullable':
      return 'keep the sink column nullable: data already written may hold null there';
    case 'name-mismatch':
      return 'use the registered record name';
    case 'missing-enum-symbols':
      return 'keep the registered enum symbols';
    case 'fixed-size-mismatch':
      return 'keep the registered fixed size';
  }
}

function isWrite(ast: Statement): boolean {
  if (ast.kind === 'Execute') return isWrite(ast.statement);
  return ast.kind === 'Insert' || ast.kind === 'StatementSet';
}

function endsWith(parts: readonly string[], suffix: readonly string[]): boolean {
  if (suffix.length > parts.length) return false;
  const offset = parts.length - suffix.length;
  return suffix.every((p, i) => parts[offset + i] === p);
}

/** The span of the INSERT's target name that matches the sink, so the finding points at it. */
function targetSpan(ast: Statement, sinkParts: readonly string[]): Span | null {
  if (ast.kind === 'Execute') return targetSpan(ast.statement, sinkParts);
  const inserts: readonly Insert[] = ast.kind === 'Insert' ? [ast] : ast.kind === 'StatementSet' ? ast.inserts : [];
  for (const insert of inserts) {
    const names = insert.target.parts.map((p) => p.value);
    if (endsWith(names, sinkParts) || endsWith(sinkParts, names)) return insert.target.span;
  }
  return null;
}
