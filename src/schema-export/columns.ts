import { printChangelogMode, type ChangelogMode, type OutputColumn } from '../analysis/schema.js';
import { printType, quoteName, timeAttributeOf, withoutTimeAttribute } from '../analysis/types/logical-type.js';

/** One output schema to print: the columns, and what is known about the rows. */
export interface SchemaView {
  /** A name for the schema: the INSERT's target table, or e.g. `statement_2`. */
  readonly name: string;
  readonly columns: readonly OutputColumn[];
  readonly changelog: ChangelogMode | null;
  /** Unique/primary keys; the first is used as the DDL's primary key. */
  readonly keys: readonly (readonly string[])[];
}

/**
 * Columns as an aligned plain-text table:
 *
 * ```
 * #  name     type
 * 1  user_id  BIGINT NOT NULL
 * 2  ts       TIMESTAMP(3) *ROWTIME*
 * ```
 */
export function formatColumnTable(view: SchemaView): string {
  const rows = view.columns.map((c, i) => [String(i + 1), c.name, printType(c.type)]);
  const header = ['#', 'name', 'type'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  const out = [line(header), ...rows.map(line)];
  const notes: string[] = [];
  if (view.changelog !== null) notes.push(`changelog ${printChangelogMode(view.changelog)}`);
  if (view.keys.length > 0) notes.push(`keys ${view.keys.map((k) => `(${k.join(', ')})`).join(', ')}`);
  if (notes.length > 0) out.push(notes.join('; '));
  return out.join('\n') + '\n';
}

/**
 * A Flink CREATE TABLE for the schema, e.g. for the sink of the query. Time attributes become
 * plain timestamps (a sink stores the value; Flink materializes rowtime on write); the first key
 * becomes `PRIMARY KEY (...) NOT ENFORCED`; a column whose type is unknown is left as a comment.
 * There is no WITH clause: the connector is the user's choice.
 */
export function toCreateTableDdl(view: SchemaView): string {
  const lines: string[] = [];
  for (const c of view.columns) {
    if (c.type.root === 'UNKNOWN' || c.type.root === 'SYMBOL' || c.type.root === 'DESCRIPTOR') {
      lines.push(`  -- ${quoteName(c.name)}: type unknown (an expression flinkcheck could not type)`);
      continue;
    }
    const attribute = timeAttributeOf(c.type);
    const comment = attribute === null ? '' : ` -- was a ${attribute.toLowerCase()} attribute`;
    lines.push(`  ${quoteName(c.name)} ${printType(withoutTimeAttribute(c.type))},${comment}`);
  }
  const key = view.keys[0];
  if (key !== undefined && key.length > 0) lines.push(`  PRIMARY KEY (${key.map(quoteName).join(', ')}) NOT ENFORCED,`);
  // Drop the comma after the last definition (it may sit before a trailing comment).
  for (let i = lines.length - 1; i >= 0; i--) {
    if (lines[i]!.trimStart().startsWith('--')) continue;
    lines[i] = lines[i]!.replace(/,( -- .*)?$/, '$1');
    break;
  }
  return `CREATE TABLE ${quoteName(view.name)} (\n${lines.join('\n')}\n);\n`;
}

export interface SchemaJson {
  readonly name: string;
  readonly columns: readonly { readonly name: string; readonly type: string; readonly nullable: boolean; readonly timeAttribute: string | null }[];
  readonly changelog: string | null;
  readonly keys: readonly (readonly string[])[];
}

/** A JSON-friendly view: types printed as Flink prints them. */
export function toSchemaJson(view: SchemaView): SchemaJson {
  return {
    name: view.name,
    columns: view.columns.map((c) => ({
      name: c.name,
      type: printType(c.type),
      nullable: c.type.nullable,
      timeAttribute: timeAttributeOf(c.type),
    })),
    changelog: view.changelog === null ? null : printChangelogMode(view.changelog),
    keys: view.keys,
  };
}
