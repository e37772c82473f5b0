import { type CodeInfo, entry } from './entry.js';

/** Diagnostic codes for connector options (5000-5999), table definitions (6100-6999) and catalog documents (7000-7999). */
export const catalogCodes = {
} as const satisfies Record<string, CodeInfo>;
