import { describe, expect, it } from 'vitest';
import type { Binary, ColumnRef, Expression, Identifier, Literal, Statement } from '../../src/ast/nodes.js';
import { type AstNode, children, findAll, walk } from '../../src/ast/walk.js';

const at = (start: number, end = start + 1) => ({ start, end });

const ident = (value: string, start = 0): Identifier => ({ kind: 'Identifier', value, quoted: false, span: at(start, start + value.length) });
const col = (name: string, start = 0): ColumnRef => ({ kind: 'ColumnRef', parts: [ident(name, start)], span: at(start, start + name.length) });
const one = (start = 0): Literal => ({ kind: 'Literal', type: 'INTEGER', value: '1', prefix: null, span: at(start) });
const plus = (left: Expression, right: Expression): Binary => ({
  kind: 'Binary', op: '+', left, right, span: { start: left.span.start, end: right.span.end },
});

/** `1 + 1 + ... + 1` with `depth` operators, left-deep, as the parser builds it. */
function leftDeepChain(depth: number): Binary {
  let e: Expression = one(0);
  for (let i = 1; i <= depth; i++) e = plus(e, one(i * 4));
  return e as Binary;
}

describe('children', () => {
  it('returns node-valued properties in source order, whatever the property order', () => {
    // Properties deliberately out of source order: `right` is declared before `left`.
    const node: Binary = { kind: 'Binary', op: '-', right: col('b', 4), left: col('a', 0), span: at(0, 5) };
    expect(children(node).map((c) => (c as ColumnRef).parts[0]!.value)).toEqual(['a', 'b']);
  });

  it('keeps property order for equal starts and skips spans, strings and nulls', () => {
    const option: AstNode = {
      kind: 'TableOption', key: 'k', keySpan: at(1), keyQuoted: true, value: 'v', valueSpan: at(5), span: at(0, 6),
    };
    expect(children(option)).toEqual([]);
    const fn: Expression = {
      kind: 'FunctionCall', name: { kind: 'QualifiedName', parts: [ident('f')], span: at(0) },
      args: [one(0), one(0)], quantifier: null, star: false, niladic: false, argOrderBy: [], nullTreatment: null,
      withinGroup: [], filter: null, over: null, semantics: null, span: at(0),
    };
    expect(children(fn).map((c) => c.kind)).toEqual(['QualifiedName', 'Literal', 'Literal']);
  });

  it('finds the partition specs of ALTER TABLE ADD and DROP PARTITION, and their entries', () => {
    const entry = (name: string, start: number) => ({ kind: 'PartitionEntry' as const, column: ident(name, start), value: null, span: at(start) });
    const spec = (start: number, ...entries: ReturnType<typeof entry>[]) => ({ kind: 'PartitionSpec' as const, entries, options: [], span: at(start) });
    const add: AstNode = { kind: 'AddPartitions', ifNotExists: false, span: at(0, 40), partitions: [spec(10, entry('p', 10)), spec(20, entry('q', 20))] };
    expect(children(add).map((c) => c.kind)).toEqual(['PartitionSpec', 'PartitionSpec']);
    const drop: AstNode = { kind: 'DropPartitions', ifExists: true, span: at(0, 40), partitions: [spec(10, entry('p', 10)), spec(20, entry('q', 20), entry('r', 25))] };
    expect(findAll(drop, 'PartitionEntry')).toHaveLength(3);
  });
});

describe('walk', () => {
  // SELECT a + 1 FROM t WHERE b
  const stmt: Statement = {
    kind: 'QueryStatement', span: at(0, 27),
    query: {
      kind: 'Query', recursive: false, withItems: [], orderBy: [], limit: null, limitAll: false, offset: null, fetch: null, span: at(0, 27),
      body: {
        kind: 'Select', hints: [], quantifier: null, groupBy: null, having: null, windows: [], span: at(0, 27),
        items: [{ kind: 'SelectItem', expr: plus(col('a', 7), one(11)), alias: null, span: at(7, 12) }],
        from: [{
          kind: 'NamedTable', name: { kind: 'QualifiedName', parts: [ident('t', 18)], span: at(18) },
          hints: [], extension: [], systemTime: null, alias: null, span: at(18),
        }],
        where: col('b', 26),
      },
    },
  };

  it('enters in pre-order and exits in post-order, with parents', () => {
    const events: string[] = [];
    walk(stmt, {
      enter(node, parent) {
        events.push(`>${node.kind}${parent ? '<' + parent.kind : ''}`);
      },
      exit(node) {
        events.push(`<${node.kind}`);
      },
    });
    expect(events.slice(0, 6)).toEqual(['>QueryStatement', '>Query<QueryStatement', '>Select<Query', '>SelectItem<Select', '>Binary<SelectItem', '>ColumnRef<Binary']);
    expect(events.filter((e) => e.startsWith('>')).map((e) => e.slice(1).split('<')[0])).toEqual([
      'QueryStatement', 'Query', 'Select', 'SelectItem', 'Binary', 'ColumnRef', 'Identifier', 'Literal',
      'NamedTable', 'QualifiedName', 'Identifier', 'ColumnRef', 'Identifier',
    ]);
    expect(events.at(-1)).toBe('<QueryStatement');
    expect(events.filter((e) => e.startsWith('>'))).toHaveLength(events.filter((e) => e.startsWith('<')).length);
  });

  it("does not visit the children of a node whose enter returns 'skip', but still exits it", () => {
    const entered: string[] = [];
    const exited: string[] = [];
    walk(stmt, {
      enter(node) {
        entered.push(node.kind);
        return node.kind === 'SelectItem' || node.kind === 'NamedTable' ? 'skip' : undefined;
      },
      exit(node) {
        exited.push(node.kind);
      },
    });
    expect(entered).toEqual(['QueryStatement', 'Query', 'Select', 'SelectItem', 'NamedTable', 'ColumnRef', 'Identifier']);
    expect(exited).toContain('SelectItem');
    expect(exited).toContain('NamedTable');
  });

  it('walks a 10,000-deep left-deep chain without recursion', () => {
    const chain = leftDeepChain(10_000);
    let entered = 0;
    let exited = 0;
    let maxDepth = 0;
    let depth = 0;
    walk(chain, {
      enter() {
        entered++;
        maxDepth = Math.max(maxDepth, ++depth);
      },
      exit() {
        exited++;
        depth--;
      },
    });
    expect(entered).toBe(20_001);
    expect(exited).toBe(20_001);
    expect(maxDepth).toBe(10_001);
  });
});

describe('findAll', () => {
  it('returns typed nodes of one kind in source order, including the root', () => {
    const chain = leftDeepChain(3);
    const literals = findAll(chain, 'Literal');
    expect(literals.map((l) => l.span.start)).toEqual([0, 4, 8, 12]);
    expect(literals.every((l) => l.value === '1')).toBe(true);
    expect(findAll(chain, 'Binary')[0]).toBe(chain);
    expect(findAll(chain, 'Identifier')).toEqual([]);
  });

  it('handles 10,000-deep chains', () => {
    expect(findAll(leftDeepChain(10_000), 'Binary')).toHaveLength(10_000);
  });
});
