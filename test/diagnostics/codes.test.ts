import { describe, expect, it } from 'vitest';
import { ALL_CODES, Codes } from '../../src/diagnostics/codes.js';
import { catalogCodes } from '../../src/diagnostics/codes/catalog.js';
import { changelogCodes } from '../../src/diagnostics/codes/changelog.js';
import { nameCodes } from '../../src/diagnostics/codes/names.js';
import { typeCodes } from '../../src/diagnostics/codes/types.js';

describe('the code catalog', () => {
  it('has no two areas using the same key (a later spread would silently replace a code)', () => {
    const areas = [nameCodes, typeCodes, changelogCodes, catalogCodes];
    const seen = new Map<string, number>();
    areas.forEach((area, i) => {
      for (const key of Object.keys(area)) {
        expect(seen.has(key), `key '${key}' is defined in two code areas`).toBe(false);
        seen.set(key, i);
      }
    });
    for (const key of seen.keys()) expect(key in Codes).toBe(true);
  });

  it('gives every code a unique FSQL number', () => {
    const numbers = ALL_CODES.map((c) => c.code);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const n of numbers) expect(n).toMatch(/^FSQL\d{4}$/);
  });
});
