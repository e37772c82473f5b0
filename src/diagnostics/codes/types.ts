import { type CodeInfo, entry } from './entry.js';

/** Diagnostic codes for types, expressions and functions (3000-3999). */
export const typeCodes = {
} as const satisfies Record<string, CodeInfo>;
