import { describe, expect, it } from 'vitest';
import { catalogCodes } from '../../src/diagnostics/codes/catalog.js';
import { changelogCodes } from '../../src/diagnostics/codes/changelog.js';
import { nameCodes } from '../../src/diagnostics/codes/names.js';
import { typeCodes } from '../../src/diagnostics/codes/types.js';
import { ALL_CODES, Codes } from '../../src/diagnostics/codes.js';

describe('catalog diagnostic codes', () => {
  it('stay in their ranges: 5000-5999 options, 6100-6999 table definitions, 7000-7999 catalog documents', () => {
    for (const info of Object.values(catalogCodes)) {
      const n = Number(info.code.slice(4));
      expect(info.code, info.title).toMatch(/^FSQL\d{4}$/);
      expect((n >= 5000 && n <= 5999) || (n >= 6100 && n <= 6999) || (n >= 7000 && n <= 7999), info.code).toBe(true);
    }
  });

  it('have names no other area uses, so that none is overwritten in Codes', () => {
    const others = [nameCodes, typeCodes, changelogCodes].flatMap((area) => Object.keys(area));
    expect(Object.keys(catalogCodes).filter((k) => others.includes(k))).toEqual([]);
    for (const [name, info] of Object.entries(catalogCodes)) expect(Codes[name as keyof typeof Codes]).toBe(info);
  });

  it('are unique among all codes', () => {
    const mine = new Set(Object.values(catalogCodes).map((c) => c.code));
    expect(ALL_CODES.filter((c) => mine.has(c.code))).toHaveLength(mine.size);
  });
});
