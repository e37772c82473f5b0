import { status as Status } from '@grpc/grpc-js';
import { ALL_CODES } from '../diagnostics/codes.js';
import { EXPLANATIONS } from '../diagnostics/explanations/index.js';
import { closestMatches } from '../diagnostics/suggest.js';
import { RpcError } from './rich-error.js';

export interface WireExplainCodeResponse {
  readonly code: string;
  readonly title: string;
  readonly severity: string;
  readonly category: string;
  readonly documented: boolean;
  readonly explanation: string;
  readonly example: string;
  readonly fix: string;
  readonly fixed_example: string;
  readonly flink_message: string;
}

/** The ExplainCode answer from the diagnostics catalog: `FSQL2002`, `fsql2002` and `2002` name the same code. */
export function explainCode(given: string): WireExplainCodeResponse {
  const trimmed = given.trim().toUpperCase();
  if (trimmed === '') throw RpcError.invalidArgument([{ field: 'code', description: 'name a diagnostic code, e.g. FSQL2002' }]);
  const code = /^\d{4}$/.test(trimmed) ? `FSQL${trimmed}` : trimmed;
  const info = ALL_CODES.find((c) => c.code === code);
  if (info === undefined) {
    const near = closestMatches(code, ALL_CODES.map((c) => c.code), 3);
    throw new RpcError(Status.NOT_FOUND, `no diagnostic code is \`${given}\`${near.length > 0 ? `; close codes: ${near.join(', ')}` : ''}`, [
      { kind: 'error-info', reason: 'UNKNOWN_CODE' },
    ]);
  }
  const e = EXPLANATIONS.get(code);
  return {
    code,
    title: info.title,
    severity: `SEVERITY_${info.severity.toUpperCase()}`,
    category: `CATEGORY_${info.category.toUpperCase()}`,
    documented: e !== undefined,
    explanation: e?.explanation ?? '',
    example: e?.example ?? '',
    fix: e?.fix ?? '',
    fixed_example: e?.fixed ?? '',
    flink_message: e?.flink ?? '',
  };
}
