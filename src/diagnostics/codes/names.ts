import { type CodeInfo, entry } from './entry.js';

/** Diagnostic codes for names and scopes (2000-2999). */
export const nameCodes = {
} as const satisfies Record<string, CodeInfo>;
