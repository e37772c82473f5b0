import type { CodeInfo } from './codes/entry.js';
import type { Diagnostic, Fix, RelatedSpan } from './diagnostic.js';
import type { Span } from '../source/span.js';

export interface DiagnosticFields {
  readonly message: string;
  readonly span: Span;
  readonly hint?: string | undefined;
  readonly related?: readonly RelatedSpan[] | undefined;
  readonly fixes?: readonly Fix[] | undefined;
}

/**
 * A diagnostic for a catalogued code. Built field by field on purpose: on Node 20 an object spread
 * that adds properties (`{ ...Codes.x, message }`) takes the slow clone path, about 40 times slower.
 */
export function diagnostic(info: CodeInfo, fields: DiagnosticFields): Diagnostic {
  const d: { -readonly [K in keyof Diagnostic]: Diagnostic[K] } = {
    code: info.code,
    severity: info.severity,
    category: info.category,
    message: fields.message,
    span: fields.span,
  };
  if (fields.hint !== undefined) d.hint = fields.hint;
  if (fields.related !== undefined && fields.related.length > 0) d.related = fields.related;
  if (fields.fixes !== undefined && fields.fixes.length > 0) d.fixes = fields.fixes;
  return d;
}
