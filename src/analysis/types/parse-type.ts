import { parseDataType } from '../../parse/index.js';
import { logicalTypeOf } from './from-ast.js';
import type { LogicalType } from './logical-type.js';

export type TypeStringResult =
  | { readonly ok: true; readonly type: LogicalType }
  | { readonly ok: false; readonly message: string };

/**
 * Parses a type written as Flink SQL type syntax (`DECIMAL(10, 2) NOT NULL`, `ROW<a INT>`), the way
 * catalog documents and gRPC requests give column types. DDL defaults apply (bare VARCHAR is STRING).
 */
export function parseTypeString(text: string): TypeStringResult {
  const parsed = parseDataType(text);
  const firstSyntax = parsed.diagnostics.find((d) => d.severity === 'error');
  if (parsed.type === null || firstSyntax !== undefined) {
    return { ok: false, message: `\`${text}\` is not a Flink SQL type${firstSyntax === undefined ? '' : `: ${firstSyntax.message}`}` };
  }
  const { type, problems } = logicalTypeOf(parsed.type, { inDdl: true });
  if (problems.length > 0) return { ok: false, message: `\`${text}\`: ${problems[0]!.message}` };
  return { ok: true, type };
}
