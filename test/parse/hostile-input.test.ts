import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_NESTING_DEPTH, DETAILED_ERRORS_PER_SCRIPT, parseScript } from '../../src/parse/index.js';

function codes(sql: string): string[] {
  return parseScript(sql).diagnostics.map((d) => d.code);
}

describe('hostile and degenerate input', () => {
  it('warns about an empty script, white space only, comments only and semicolons only', () => {
    for (const sql of ['', '   \n\t', '-- nothing here\n/* nor here */', ';;;']) {
      const result = parseScript(sql);
      expect(result.statements).toEqual([]);
      expect(result.diagnostics.map((d) => d.code)).toEqual(['FSQL1004']);
      expect(result.diagnostics[0]!.severity).toBe('warning');
    }
    expect(parseScript('-- x').diagnostics[0]!.message).toContain('only comments');
  });

  it('reports NUL characters and lone surrogates as characters that cannot appear', () => {
    expect(codes('SELECT 1\u0000')).toContain('FSQL1020');
    expect(parseScript('SELECT \u0000 FROM t').diagnostics[0]!.message).toContain('U+0000');
    expect(codes('SELECT \uD800 FROM t')).toContain('FSQL1020');
    expect(codes("SELECT '\uD800'")).toEqual([]);
  });

  it('answers nesting beyond the bound with a diagnostic, not a stack overflow', () => {
    for (const depth of [DEFAULT_MAX_NESTING_DEPTH + 1, 1_000, 10_000, 100_000]) {
      const sql = `SELECT ${'('.repeat(depth)}1${')'.repeat(depth)}`;
      expect(codes(sql)).toEqual(['FSQL1021']);
    }
    const caseBomb = `SELECT ${'CASE WHEN a THEN '.repeat(5_000)}1${' END'.repeat(5_000)} FROM t`;
    expect(codes(caseBomb)).toEqual(['FSQL1021']);
    const arrays = `SELECT ${'ARRAY['.repeat(3_000)}1${']'.repeat(3_000)}`;
    expect(codes(arrays)).toEqual(['FSQL1021']);
  });

  it('parses nesting up to the bound', () => {
    const depth = DEFAULT_MAX_NESTING_DEPTH;
    const sql = `SELECT ${'('.repeat(depth - 1)}1${')'.repeat(depth - 1)}`;
    expect(codes(sql)).toEqual([]);
    const subqueries = `SELECT * FROM ${'(SELECT * FROM '.repeat(60)}t${')'.repeat(60)}`;
    expect(codes(subqueries)).toEqual([]);
  });

  it('handles very long operator chains and prefix chains without throwing', () => {
    const chain = `SELECT ${Array.from({ length: 20_000 }, (_, i) => `a${i}`).join(' + ')} FROM t`;
    const result = parseScript(chain);
    // Longer than MAX_OPERATOR_DEPTH: refused like deep nesting (test/parse/limits.test.ts).
    expect(result.diagnostics.map((d) => d.code)).toEqual(['FSQL1021']);
    const shorter = parseScript(`SELECT ${Array.from({ length: 1_500 }, (_, i) => `a${i}`).join(' + ')} FROM t`);
    expect(shorter.diagnostics).toEqual([]);
    expect(shorter.statements[0]!.ast?.kind).toBe('QueryStatement');
    const nots = `SELECT ${'NOT '.repeat(50_000)}a FROM t`;
    expect(() => parseScript(nots)).not.toThrow();
    const minus = `SELECT ${'- '.repeat(50_000)}1`;
    expect(() => parseScript(minus)).not.toThrow();
  });

  it('parses a 1 MB INSERT ... VALUES script', () => {
    const row = "(1, 'some text', 2.5, TIMESTAMP '2024-01-01 00:00:00')";
    const rows = Math.ceil(1_000_000 / row.length);
    const sql = `INSERT INTO t VALUES ${Array.from({ length: rows }, () => row).join(',\n')}`;
    expect(sql.length).toBeGreaterThan(1_000_000);
    const result = parseScript(sql);
    expect(result.diagnostics).toEqual([]);
    expect(result.statements[0]!.kind).toBe('INSERT');
  });

  it('explains an error at the end of a huge statement (repair probes are budgeted)', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `(${i}, 'text')`).join(',\n');
    const result = parseScript(`INSERT INTO t VALUES ${rows}, (1, 2 3)`);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]!.severity).toBe('error');
    expect(result.source.position(result.diagnostics[0]!.span.start).line).toBe(10_000);
  });

  it('reports every broken statement of a script, explaining only the first ones in detail', () => {
    const broken = 2_000;
    const result = parseScript('SELECT a FORM t;\n'.repeat(broken));
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    expect(errors).toHaveLength(broken);
    expect(errors.map((d) => result.source.position(d.span.start).line)).toEqual(Array.from({ length: broken }, (_, i) => i + 1));
    const brief = errors.filter((d) => d.message.includes('not analysed in detail'));
    expect(brief).toHaveLength(broken - DETAILED_ERRORS_PER_SCRIPT);
    expect(errors[0]!.message).not.toContain('not analysed in detail');
    expect(errors[0]!.code).toBe('FSQL1015');
    expect(errors[0]!.fixes?.[0]?.edits[0]?.text).toBe('FROM');
    expect(brief.every((d) => d.code === 'FSQL1023')).toBe(true);
  });

  it('survives random bytes and truncations of a real statement', () => {
    const sql = "CREATE TABLE clicks (user_id BIGINT, url STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) WITH ('connector' = 'kafka')";
    for (let cut = 0; cut <= sql.length; cut += 3) expect(() => parseScript(sql.slice(0, cut))).not.toThrow();
    let seed = 42;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 200; i++) {
      const chars = Array.from({ length: 1 + Math.floor(random() * 80) }, () => String.fromCharCode(Math.floor(random() * 0x3000)));
      expect(() => parseScript(chars.join(''))).not.toThrow();
    }
  });
});

describe('TRIM without a string', () => {
  it('is a syntax error with its own message, not a half-built node', () => {
    for (const sql of ['SELECT TRIM() FROM t', 'SELECT TRIM(BOTH) FROM t']) {
      const result = parseScript(sql);
      expect(result.statements[0]!.ast).toBeNull();
      expect(result.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual(['FSQL1023 TRIM needs the string to trim']);
    }
    for (const sql of ['SELECT TRIM(s) FROM t', 'SELECT TRIM(BOTH s) FROM t', "SELECT TRIM(LEADING '0' FROM s) FROM t", 'SELECT TRIM(BOTH FROM s) FROM t']) {
      expect(parseScript(sql).diagnostics).toEqual([]);
    }
  });
});
