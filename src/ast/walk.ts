import type {
  AfterMatch, AlterMaterializedTableAction, AlterTableAction, Assignment, ColumnConstraint,
  ColumnDefinition, ColumnPosition, ConfigKey, DataType, Distribution, Expression, ExtendedColumn,
  FrameBound, FunctionJar, GroupBy, GroupingElement, Hint, HintOption, Identifier, IntervalQualifier,
  JsonBehavior, JsonKeyValue, LikeClause, LikeOption, LikePattern, MatchMeasure, OrderItem,
  PartitionEntry, PartitionSpec, PatternDefinition, PatternQuantifier, PositionedElement, QualifiedName, QueryBody,
  RowField, RowPattern, SelectItem, Statement, SubsetDefinition, TableAlias, TableConstraint,
  TableOption, TableRef, WatermarkDefinition, WhenClause, WindowDefinition, WindowFrame, WindowSpec,
  WithItem,
} from './nodes.js';

/**
 * Generic traversal of the AST: `children`, an iterative `walk` (safe on 10,000-level-deep trees)
 * and `findAll`. Children are discovered from the node's properties, so a new node kind needs no
 * change here.
 */

/** Every node of the AST: anything with a `kind` and a `span`. */
export type AstNode =
  | Statement | QueryBody | TableRef | Expression
  | Identifier | QualifiedName | DataType | RowField | IntervalQualifier
  | WhenClause | JsonBehavior | JsonKeyValue
  | OrderItem | FrameBound | WindowFrame | WindowSpec | WindowDefinition
  | Hint | HintOption | WithItem | SelectItem | GroupBy | GroupingElement
  | TableAlias | ExtendedColumn | MatchMeasure | PatternDefinition | SubsetDefinition | AfterMatch
  | PatternQuantifier | RowPattern
  | TableOption | ConfigKey | ColumnDefinition | ColumnConstraint | TableConstraint
  | WatermarkDefinition | Distribution | LikeOption | LikeClause | PartitionEntry | PartitionSpec | ColumnPosition
  | PositionedElement | FunctionJar | LikePattern | Assignment
  | AlterTableAction | AlterMaterializedTableAction;

export type AstKind = AstNode['kind'];

/**
 * The node type(s) with the given kind: several for kinds shared by the two ALTER action unions, and
 * the shared shape for members declared with a union of kinds (Rollup | Cube | GroupingSets).
 */
export type NodeOfKind<K extends AstKind> = MemberOfKind<AstNode, K>;
type MemberOfKind<N, K> = N extends { readonly kind: infer NK } ? (K extends NK ? N : never) : never;

/** Properties holding positions, not nodes. */
const SPAN_KEYS = new Set(['span', 'keySpan', 'valueSpan']);

function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';
}

/**
 * Collects the nodes held by one property value: a node itself, or nodes inside arrays and inside
 * plain objects without a `kind` (e.g. the `{spec, options}` entries of ALTER TABLE ADD PARTITION).
 */
function collect(value: unknown, out: AstNode[]): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, out);
    return;
  }
  if (isNode(value)) {
    out.push(value);
    return;
  }
  for (const [key, inner] of Object.entries(value)) {
    if (!SPAN_KEYS.has(key)) collect(inner, out);
  }
}

/** Per node kind, the property names that can hold child nodes (learned from the first node seen). */
const CHILD_KEYS = new Map<string, string[]>();

function childKeys(node: AstNode): string[] {
  let keys = CHILD_KEYS.get(node.kind);
  if (keys === undefined) {
    keys = Object.keys(node).filter((key) => !SPAN_KEYS.has(key) && key !== 'kind');
    CHILD_KEYS.set(node.kind, keys);
  }
  return keys;
}

/**
 * Calls `visit` for each direct child of `node`, in property order (not source order): the cheap
 * form for passes that do not care about order, such as searching an expression for calls.
 */
export function forEachChild(node: AstNode, visit: (child: AstNode) => void): void {
  const record = node as unknown as Record<string, unknown>;
  for (const key of childKeys(node)) {
    const value = record[key];
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (const item of value) {
        if (isNode(item)) visit(item);
        else if (typeof item === 'object' && item !== null) for (const inner of children(item as AstNode)) visit(inner);
      }
    } else if (isNode(value)) {
      visit(value);
    } else {
      const out: AstNode[] = [];
      collect(value, out);
      for (const inner of out) visit(inner);
    }
  }
}

/**
 * Depth-first search in any order: `test` returns 'stop' to end the search, 'skip' to leave a
 * node's children out, or nothing to go on. Uses an explicit stack, so depth is not limited.
 */
export function search(root: AstNode, test: (node: AstNode) => 'stop' | 'skip' | void): boolean {
  const stack: AstNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const verdict = test(node);
    if (verdict === 'stop') return true;
    if (verdict !== 'skip') forEachChild(node, (child) => { stack.push(child); });
  }
  return false;
}

/** The direct child nodes of `node`, in source order (by span start; ties keep property order). */
export function children(node: AstNode): AstNode[] {
  const out: AstNode[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (!SPAN_KEYS.has(key)) collect(value, out);
  }
  if (out.length > 1) {
    // Array.prototype.sort is stable, so nodes with equal starts (or no span) keep property order.
    out.sort((a, b) => startOf(a) - startOf(b));
  }
  return out;
}

function startOf(node: AstNode): number {
  const span = (node as { span?: { start?: unknown } }).span;
  return typeof span?.start === 'number' ? span.start : 0;
}

export interface Visitor {
  /** Called before the node's children. Return 'skip' to leave its children unvisited. */
  enter?(node: AstNode, parent: AstNode | null): void | 'skip';
  /** Called after the node's children (also for skipped nodes). */
  exit?(node: AstNode, parent: AstNode | null): void;
}

interface Frame {
  readonly node: AstNode;
  readonly parent: AstNode | null;
  kids: AstNode[] | null;
  next: number;
}

/**
 * Depth-first traversal in source order. Iterative (an explicit stack), so trees thousands of
 * levels deep, such as a left-deep `a + a + ... + a`, cannot overflow the JS call stack.
 */
export function walk(root: AstNode, visitor: Visitor): void {
  const stack: Frame[] = [{ node: root, parent: null, kids: null, next: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.kids === null) {
      const verdict = visitor.enter?.(frame.node, frame.parent);
      frame.kids = verdict === 'skip' ? [] : children(frame.node);
    }
    if (frame.next < frame.kids.length) {
      const child = frame.kids[frame.next++]!;
      stack.push({ node: child, parent: frame.node, kids: null, next: 0 });
    } else {
      stack.pop();
      visitor.exit?.(frame.node, frame.parent);
    }
  }
}

/** Every node of the given kind under `root` (including `root`), in source order. */
export function findAll<K extends AstKind>(root: AstNode, kind: K): NodeOfKind<K>[] {
  const found: NodeOfKind<K>[] = [];
  walk(root, {
    enter(node) {
      if (node.kind === kind) found.push(node as NodeOfKind<K>);
    },
  });
  return found;
}
