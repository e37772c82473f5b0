import { describeAvro, type AvroNode, type AvroRecordNode } from './avro-model.js';

/**
 * Schema Registry compatibility between a new schema (the query's output as the sink will write it)
 * and the registered one, with Avro's schema-resolution rules as Confluent Schema Registry applies
 * them (Avro's SchemaCompatibility, which collects every incompatibility rather than the first):
 *
 * - BACKWARD: a consumer using the new schema can read data written with the registered one
 *   (reader = new, writer = registered). New fields need defaults; removing fields is fine.
 * - FORWARD: a consumer still using the registered schema can read data written with the new one
 *   (reader = registered, writer = new). Removed fields need defaults in the registered schema.
 * - FULL: both.
 *
 * Reader/writer resolution: record fields match by name or by an alias of the reader's field; a
 * reader field without a writer counterpart needs a default; primitive types may be promoted
 * (int -> long -> float -> double, int -> float/double, long -> double, string <-> bytes); a writer
 * union needs every branch readable, a reader union needs one matching branch; logical types are
 * not compared (as in Avro and Schema Registry).
 */
export type CompatibilityMode = 'backward' | 'forward' | 'full';

export const COMPATIBILITY_MODES: readonly CompatibilityMode[] = ['backward', 'forward', 'full'];

export type IncompatibilityKind =
  | 'missing-default'
  | 'type-mismatch'
  | 'became-nullable'
  | 'no-longer-nullable'
  | 'missing-union-branch'
  | 'name-mismatch'
  | 'missing-enum-symbols'
  | 'fixed-size-mismatch';

/** One breaking change, in plain words. */
export interface BreakingChange {
  /** Which check found it: `backward` (new reads old) or `forward` (old reads new). */
  readonly direction: 'backward' | 'forward';
  /** Dotted field path (`address.city`, `items[]`), or `` for the whole record. */
  readonly field: string;
  readonly kind: IncompatibilityKind;
  readonly message: string;
}

export interface CompatibilityResult {
  readonly mode: CompatibilityMode;
  readonly compatible: boolean;
  readonly changes: readonly BreakingChange[];
}

export interface CompatibilityOptions {
  /**
   * Compare the names of records, enums and fixed types (Avro does, by unqualified name or reader
   * alias). Off for schemas Flink derives: it names records `record`, `record_address` ..., and
   * a sink configured with the registered schema writes under the registered names.
   */
  readonly checkNames?: boolean;
}

/** Checks `next` (the new schema) against `registered` under `mode`. */
export function checkCompatibility(
  next: AvroNode,
  registered: AvroNode,
  mode: CompatibilityMode,
  options: CompatibilityOptions = {},
): CompatibilityResult {
  const checkNames = options.checkNames ?? true;
  const changes: BreakingChange[] = [];
  if (mode === 'backward' || mode === 'full') changes.push(...new Checker('backward', checkNames).run(next, registered));
  if (mode === 'forward' || mode === 'full') changes.push(...new Checker('forward', checkNames).run(registered, next));
  return { mode, compatible: changes.length === 0, changes };
}

// ---------------------------------------------------------------------------------------------

/** Reader type -> writer types it can read by promotion (Avro specification, "Schema Resolution"). */
const PROMOTIONS: Readonly<Record<string, readonly string[]>> = {
  long: ['int'],
  float: ['int', 'long'],
  double: ['int', 'long', 'float'],
  string: ['bytes'],
  bytes: ['string'],
};

const NUMERIC_RANK: Readonly<Record<string, number>> = { int: 1, long: 2, float: 3, double: 4 };

function isNull(node: AvroNode): boolean {
  return node.kind === 'primitive' && node.type === 'null';
}

function typeName(node: AvroNode): string {
  return node.kind === 'primitive' ? node.type : node.kind;
}

class Checker {
  private readonly changes: BreakingChange[] = [];
  /** Record pairs being compared: a recursive reference is assumed compatible (as Avro does). */
  private readonly inProgress = new Set<string>();
  private readonly ids = new Map<AvroNode, number>();

  constructor(
    private readonly direction: 'backward' | 'forward',
    private readonly checkNames: boolean,
  ) {}

  run(reader: AvroNode, writer: AvroNode): BreakingChange[] {
    this.check(reader, writer, '');
    return this.changes;
  }

  /** The registered schema's side and the new schema's side of a reader/writer pair. */
  private sides(reader: AvroNode, writer: AvroNode): { before: AvroNode; after: AvroNode } {
    return this.direction === 'backward' ? { before: writer, after: reader } : { before: reader, after: writer };
  }

  private report(kind: IncompatibilityKind, field: string, message: string): void {
    this.changes.push({ direction: this.direction, field, kind, message });
  }

  /** True when `reader` can read every value `writer` can write; reports what breaks otherwise. */
  private check(reader: AvroNode, writer: AvroNode, path: string): void {
    if (writer.kind === 'union') {
      if (reader.kind === 'union') {
        for (const branch of writer.branches) this.readBranchIntoUnion(reader, branch, path);
        return;
      }
      const unreadable = writer.branches.filter((b) => !this.readable(reader, b));
      if (unreadable.some(isNull) && !isNull(reader)) {
        this.nullability(reader, writer, path);
      }
      for (const branch of unreadable) {
        if (isNull(branch)) continue;
        this.check(reader, branch, path);
      }
      return;
    }
    if (reader.kind === 'union') {
      this.readBranchIntoUnion(reader, writer, path);
      return;
    }
    this.checkSame(reader, writer, path);
  }

  private readBranchIntoUnion(reader: AvroNode & { kind: 'union' }, writer: AvroNode, path: string): void {
    const exact = reader.branches.find((b) => sameKind(b, writer, this.checkNames));
    if (exact !== undefined) {
      this.check(exact, writer, path);
      return;
    }
    if (reader.branches.some((b) => this.readable(b, writer))) return;
    if (isNull(writer)) {
      this.nullability(reader, writer, path);
      return;
    }
    const nonNull = reader.branches.filter((b) => !isNull(b));
    if (nonNull.length === 1) {
      // `["null", T]` against a plain value: word it as a change of T.
      this.check(nonNull[0]!, writer, path);
      return;
    }
    const { before, after } = this.sides(reader, writer);
    this.report(
      'missing-union-branch',
      path,
      `${subject(path)} changed from ${describeAvro(before)} to ${describeAvro(after)}: ${describeAvro(reader)} has no branch for ${describeAvro(writer)} values`,
    );
  }

  private nullability(reader: AvroNode, writer: AvroNode, path: string): void {
    if (this.direction === 'forward') {
      this.report(
        'became-nullable',
        path,
        `${subject(path)} may now be null, but the registered schema has no null for it: consumers on the registered schema cannot read such records`,
      );
    } else {
      this.report(
        'no-longer-nullable',
        path,
        `${subject(path)} is no longer nullable, but records written with the registered schema may hold null there: the new schema cannot read them`,
      );
    }
    void reader;
    void writer;
  }

  /** Whether reader can read writer, without reporting. */
  private readable(reader: AvroNode, writer: AvroNode): boolean {
    const probe = new Checker(this.direction, this.checkNames);
    for (const key of this.inProgress) probe.inProgress.add(key);
    probe.ids.clear();
    for (const [node, id] of this.ids) probe.ids.set(node, id);
    probe.check(reader, writer, '');
    return probe.changes.length === 0;
  }

  private checkSame(reader: AvroNode, writer: AvroNode, path: string): void {
    if (reader.kind === 'primitive' && writer.kind === 'primitive') {
      if (reader.type === writer.type) return;
      if ((PROMOTIONS[reader.type] ?? []).includes(writer.type)) return;
      this.typeMismatch(reader, writer, path);
      return;
    }
    if (reader.kind !== writer.kind) {
      this.typeMismatch(reader, writer, path);
      return;
    }
    switch (reader.kind) {
      case 'array':
        this.check(reader.items, (writer as typeof reader).items, `${path}[]`);
        return;
      case 'map':
        this.check(reader.values, (writer as typeof reader).values, `${path}{}`);
        return;
      case 'fixed': {
        const w = writer as typeof reader;
        this.names(reader, w, path);
        if (reader.size !== w.size) {
          const { before, after } = this.sides(reader, w);
          this.report('fixed-size-mismatch', path, `${subject(path)} changed size from ${(before as typeof w).size} to ${(after as typeof w).size} bytes`);
        }
        return;
      }
      case 'enum': {
        const w = writer as typeof reader;
        this.names(reader, w, path);
        const missing = w.symbols.filter((s) => !reader.symbols.includes(s));
        if (missing.length > 0 && reader.default === null) {
          const who = this.direction === 'backward' ? 'the new schema' : 'the registered schema';
          this.report(
            'missing-enum-symbols',
            path,
            `${subject(path)}: ${who} lacks the symbol${missing.length === 1 ? '' : 's'} ${missing.map((s) => `\`${s}\``).join(', ')} and has no enum default`,
          );
        }
        return;
      }
      case 'record':
        this.record(reader, writer as AvroRecordNode, path);
        return;
      default:
        return;
    }
  }

  private record(reader: AvroRecordNode, writer: AvroRecordNode, path: string): void {
    const key = `${this.id(reader)}|${this.id(writer)}`;
    if (this.inProgress.has(key)) return;
    this.inProgress.add(key);
    this.names(reader, writer, path);
    const used = new Set<string>();
    const missing: { name: string; type: AvroNode }[] = [];
    for (const field of reader.fields) {
      const match =
        writer.fields.find((w) => w.name === field.name) ??
        writer.fields.find((w) => field.aliases.includes(w.name));
      const fieldPath = path === '' ? field.name : `${path}.${field.name}`;
      if (match === undefined) {
        if (!field.hasDefault) missing.push({ name: field.name, type: field.type });
        continue;
      }
      used.add(match.name);
      this.check(field.type, match.type, fieldPath);
    }
    const leftovers = writer.fields.filter((w) => !used.has(w.name));
    for (const m of missing) {
      const fieldPath = path === '' ? m.name : `${path}.${m.name}`;
      const renamedFrom = leftovers.find((w) => this.readable(m.type, w.type));
      let message =
        this.direction === 'backward'
          ? `${subject(fieldPath)} is new and has no default: the new schema cannot read records written with the registered schema, which lack it`
          : `${subject(fieldPath)} is no longer written, and the registered schema gives it no default: consumers on the registered schema cannot read the new records`;
      if (renamedFrom !== undefined) {
        const [from, to] = this.direction === 'backward' ? [renamedFrom.name, m.name] : [m.name, renamedFrom.name];
        message += `; if \`${to}\` is \`${from}\` renamed: Avro matches a renamed field only through an alias in the reading schema (\`"aliases": ["${from}"]\`)`;
      }
      this.report('missing-default', fieldPath, message);
    }
    this.inProgress.delete(key);
  }

  private names(reader: { name: string; aliases: readonly string[]; kind: string }, writer: { name: string }, path: string): void {
    if (!this.checkNames) return;
    if (reader.name === writer.name || reader.aliases.includes(writer.name)) return;
    const [before, after] = this.direction === 'backward' ? [writer.name, reader.name] : [reader.name, writer.name];
    this.report('name-mismatch', path, `${path === '' ? 'the record' : subject(path)} ${reader.kind} is named \`${after}\`, the registered schema calls it \`${before}\` (and no alias matches)`);
  }

  private typeMismatch(reader: AvroNode, writer: AvroNode, path: string): void {
    const { before, after } = this.sides(reader, writer);
    const b = typeName(before);
    const a = typeName(after);
    let why: string;
    if (NUMERIC_RANK[a] !== undefined && NUMERIC_RANK[b] !== undefined) {
      why =
        NUMERIC_RANK[a]! < NUMERIC_RANK[b]!
          ? `narrowing: ${a} cannot hold the ${b} values already written`
          : `widening: consumers on the registered schema read ${b} and cannot read ${a} values`;
    } else {
      why = `${describeAvro(reader)} cannot read ${describeAvro(writer)} values`;
    }
    this.report('type-mismatch', path, `${subject(path)} changed from ${describeAvro(before)} to ${describeAvro(after)} (${why})`);
  }

  private id(node: AvroNode): number {
    let id = this.ids.get(node);
    if (id === undefined) {
      id = this.ids.size + 1;
      this.ids.set(node, id);
    }
    return id;
  }
}

function sameKind(a: AvroNode, b: AvroNode, checkNames: boolean): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'primitive') return a.type === (b as typeof a).type;
  if (!checkNames) return true;
  if (a.kind === 'record' || a.kind === 'enum' || a.kind === 'fixed') {
    const bn = (b as typeof a).name;
    return a.name === bn || a.aliases.includes(bn);
  }
  return true;
}

function subject(path: string): string {
  return path === '' ? 'the record' : `field \`${path}\``;
}
