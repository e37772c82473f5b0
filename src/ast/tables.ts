import type { QualifiedName, Statement } from './nodes.js';
import { walk } from './walk.js';

export interface TableAccess {
  /** Tables (and views) the statement reads, as written (`db.t`), in source order, without duplicates. */
  readonly reads: readonly string[];
  /** Tables the statement writes or creates from a query. */
  readonly writes: readonly string[];
}

function nameOf(name: QualifiedName): string {
  return name.parts.map((p) => p.value).join('.');
}

/**
 * The tables a statement reads and writes, by name as written. Names defined by a WITH clause of
 * the statement are not tables and are left out.
 */
export function tablesOf(statement: Statement): TableAccess {
  const cteNames = new Set<string>();
  const reads: string[] = [];
  const writes: string[] = [];
  walk(statement, {
    enter(node) {
      if (node.kind === 'WithItem') cteNames.add(node.name.value);
    },
  });
  const read = (name: QualifiedName): void => {
    const text = nameOf(name);
    if (name.parts.length === 1 && cteNames.has(text)) return;
    if (!reads.includes(text)) reads.push(text);
  };
  const write = (name: QualifiedName): void => {
    const text = nameOf(name);
    if (!writes.includes(text)) writes.push(text);
  };
  walk(statement, {
    enter(node) {
      switch (node.kind) {
        case 'NamedTable': read(node.name); break;
        case 'ExplicitTable': read(node.name); break;
        case 'TableArgument': read(node.table); break;
        case 'Insert': write(node.target); break;
        case 'Update': write(node.table); break;
        case 'Delete': write(node.table); break;
        case 'Truncate': write(node.table); break;
        case 'CreateTable': if (node.asQuery) write(node.name); break;
        default: break;
      }
    },
  });
  return { reads, writes };
}
