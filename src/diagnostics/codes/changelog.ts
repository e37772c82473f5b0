import { type CodeInfo, entry } from './entry.js';

/** Diagnostic codes for changelog and streaming semantics (4000-4999). */
export const changelogCodes = {
} as const satisfies Record<string, CodeInfo>;
