/**
 * flinkcheck as a library: parse a Flink SQL script, check its input, and render diagnostics.
 *
 *   const { text, diagnostics: inputProblems } = decodeSource(bytes);
 *   const result = parseScript(text);
 *   const diagnostics = [...inputProblems, ...result.diagnostics];
 *   process.stdout.write(renderText(diagnostics, result.source, { fileName: 'job.sql', color: false }));
 */
export {
  DEFAULT_MAX_NESTING_DEPTH,
  parseDataType,
  parseExpression,
  parseScript,
  type DataTypeParseResult,
  type ExpressionParseResult,
} from './parse/index.js';
export type * from './ast/nodes.js';
export { printDataType, printExpression, printQuery, printStatement } from './ast/print.js';
export { children, findAll, walk, type AstNode, type Visitor } from './ast/walk.js';
export { statementKindLabel } from './ast/statement-kind.js';
export { tablesOf, type TableAccess } from './ast/tables.js';
export { applyEdits, applyFix } from './diagnostics/apply-fix.js';
export { mergeInputDiagnostics } from './diagnostics/merge.js';
export type { ParseOptions, ParsedStatement, ScriptParseResult } from './parse/api.js';

export { checkText, decodeSource, MAX_REPORTS_PER_KIND, type DecodedSource } from './source/decode.js';
export { SourceText, type Position, type ResolvedSpan } from './source/source-text.js';
export { coverSpans, span, spanContains, type Span } from './source/span.js';

export type {
  Applicability,
  Category,
  Diagnostic,
  Fix,
  RelatedSpan,
  Severity,
  TextEdit,
} from './diagnostics/diagnostic.js';
export { ALL_CODES, Codes, type CodeId, type CodeInfo } from './diagnostics/codes.js';
export {
  MAX_FRAME_WIDTH,
  renderText,
  summaryLine,
  type SummaryCounts,
  type TextRenderOptions,
} from './diagnostics/render-text.js';
export {
  JSON_FORMAT_VERSION,
  renderJson,
  toJsonDiagnostic,
  toJsonFile,
  toJsonReport,
  type FileResult,
  type JsonDiagnostic,
  type JsonEdit,
  type JsonFile,
  type JsonFix,
  type JsonPosition,
  type JsonRelated,
  type JsonReport,
  type JsonSpan,
  type JsonStatement,
  type JsonSummary,
  type StatementOutline,
} from './diagnostics/render-json.js';

// Output schemas as Avro (as Flink's Avro formats derive them) and schema evolution checks.
export {
  FLINK_AVRO_RECORD_NAME,
  printAvroSchema,
  toAvroSchema,
  type AvroExportOptions,
  type AvroExportProblem,
  type AvroExportResult,
  type AvroRecord,
  type AvroSchema,
} from './schema-export/avro.js';
export { formatColumnTable, toCreateTableDdl, toSchemaJson, type SchemaView } from './schema-export/columns.js';
export {
  AvroSchemaError,
  checkCompatibility,
  COMPATIBILITY_MODES,
  parseAvro,
  type AvroNode,
  type BreakingChange,
  type CompatibilityMode,
  type CompatibilityResult,
} from './evolution/index.js';

// Expression typing, casts, type merging and the built-in function table.
export { expressionContainsAggregate, toQueryType, typeExpression } from './analysis/expressions/typer.js';
export { isComparable, isOrderable } from './analysis/expressions/comparable.js';
export { CAST_RULES, castRoute, rejectedAtCodegen, supportsExplicitCast, supportsImplicitCast } from './analysis/types/casts.js';
export { findCommonType, leastRestrictive } from './analysis/types/merge.js';
export {
  adjustPrecisionScale,
  arithmeticType,
  avgAggType,
  findAdditionDecimalType,
  findDivisionDecimalType,
  findModuloDecimalType,
  findMultiplicationDecimalType,
  findRoundDecimalType,
  sumAggType,
  type ArithmeticOperator,
} from './analysis/types/arithmetic.js';
export {
  builtinFunctionKind,
  builtinFunctionNames,
  isAggregateFunction,
  isOverCapable,
  isWindowFunction,
  listBuiltinFunctions,
  lookupBuiltinFunction,
  printSignatures,
  suggestFunctionNames,
  typeBuiltinCall,
  type CallResult,
} from './analysis/functions/registry.js';
export type { BuiltinFunction, BuiltinKind } from './analysis/functions/builtins.js';
export type { ArgFamily, Signature } from './analysis/functions/signature.js';
export type { CallTypes, NullStrategy, ReturnStrategy } from './analysis/functions/strategies.js';
export {
  loadCatalogFile,
  parseAvroSchema,
  parseCatalogDocument,
  type AvroTableOptions,
  type CatalogDocumentResult,
  type CatalogLoadError,
} from './analysis/catalog/documents/index.js';
export {
  checkConnectorOptions,
  connectorCapabilities,
  connectorInputFromCatalogTable,
  connectorInputFromCreateTable,
  CONNECTORS,
  FORMATS,
  type ConnectorCapabilities,
  type ConnectorCheckInput,
  type ConnectorColumnInput,
  type ConnectorOptionInput,
  type ConnectorSpec,
  type FormatSpec,
  type OptionSpec,
} from './analysis/connectors/index.js';
export { validateScript, type StatementResult, type ValidateOptions, type ValidationResult } from './validate.js';
export {
  BUILTIN_RULES, defineRule, estimateState, listRules, parseRuleFlag, PROFILES, resolveRuleSettings, runRules,
  RuleSettingsError, type AnyRule, type Profile, type Rule, type RuleCategory, type RuleContext, type RuleLevel,
  type RuleListing, type RuleMeta, type RuleReport, type RuleSetting, type RuleSettings, type RuleVisitors,
  type StateEstimate,
} from './rules/index.js';
export { EXPLANATIONS, explanationOf, type Explanation } from './diagnostics/explanations/index.js';
export { explainFlinkError, type FlinkErrorExplanation } from './explain-error.js';
export { FLINK_ERROR_PATTERNS, type FlinkErrorPattern } from './diagnostics/flink-errors.js';
export { applySafeFixes, nonOverlappingSafeFixes, type FixResult } from './diagnostics/fix-all.js';
export { unifiedDiff } from './diagnostics/unified-diff.js';
