import { expect, it } from 'vitest';
import type * as A from '../../src/ast/nodes.js';
import { parseScript } from '../../src/parse/index.js';

function items(sql: string): A.SelectItem[] {
  const result = parseScript(sql);
  expect(result.diagnostics).toEqual([]);
  return ((result.statements[0]!.ast as A.QueryStatement).query.body as A.Select).items as A.SelectItem[];
}

it('reads non-ASCII names, strings, comments and white space as the grammar says', () => {
  const sql = "-- 计算每个用户的点击次数\nSELECT größe, 名前 AS 名, '§€ 中文' AS label,\u00a0`表 1`.x FROM `表 1`";
  const [a, b, c, d] = items(sql);
  expect(a!.expr).toMatchObject({ kind: 'ColumnRef', parts: [{ value: 'größe', quoted: false }] });
  expect(b).toMatchObject({ expr: { parts: [{ value: '名前' }] }, alias: { value: '名' } });
  expect(c!.expr).toMatchObject({ kind: 'Literal', value: '§€ 中文' });
  expect(d!.expr).toMatchObject({ kind: 'ColumnRef', parts: [{ value: '表 1', quoted: true }, { value: 'x' }] });
});

it('rejects non-ASCII symbols outside strings and names, naming the character', () => {
  const result = parseScript('SELECT a § b FROM t');
  expect(result.diagnostics.map((d) => [d.code, d.message])).toEqual([['FSQL1020', 'The character `§` cannot appear here in Flink SQL']]);
});

it('keeps exact spans for text with characters outside the BMP', () => {
  const sql = "SELECT '😀' AS e, 名 FORM t";
  const result = parseScript(sql);
  const d = result.diagnostics[0]!;
  expect(sql.slice(d.span.start, d.span.end)).toBe('FORM');
});
