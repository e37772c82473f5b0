/**
 * A parsed Avro schema with named types resolved, for compatibility checks. Parsing follows the
 * Avro specification: names are qualified by the nearest enclosing namespace, a named type may be
 * referenced by its full or (within its namespace) short name, and records may refer to themselves.
 */

export type AvroPrimitiveName = 'null' | 'boolean' | 'int' | 'long' | 'float' | 'double' | 'bytes' | 'string';

export type AvroNode =
  | { readonly kind: 'primitive'; readonly type: AvroPrimitiveName; readonly logicalType: string | null }
  | AvroRecordNode
  | { readonly kind: 'enum'; readonly fullName: string; readonly name: string; readonly aliases: readonly string[]; readonly symbols: readonly string[]; readonly default: string | null }
  | { readonly kind: 'fixed'; readonly fullName: string; readonly name: string; readonly aliases: readonly string[]; readonly size: number }
  | { readonly kind: 'array'; readonly items: AvroNode }
  | { readonly kind: 'map'; readonly values: AvroNode }
  | { readonly kind: 'union'; readonly branches: readonly AvroNode[] };

export interface AvroRecordNode {
  readonly kind: 'record';
  readonly fullName: string;
  readonly name: string;
  readonly aliases: readonly string[];
  /** Filled after the record is registered, so fields may refer to the record itself. */
  readonly fields: AvroFieldNode[];
}

export interface AvroFieldNode {
  readonly name: string;
  readonly type: AvroNode;
  readonly aliases: readonly string[];
  readonly hasDefault: boolean;
  readonly default: unknown;
}

export class AvroSchemaError extends Error {
  override readonly name = 'AvroSchemaError';
}

const PRIMITIVES: ReadonlySet<string> = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);

/** Parses an Avro schema from its JSON text or an already parsed JSON value. Throws AvroSchemaError. */
export function parseAvro(input: string | unknown): AvroNode {
  let json: unknown = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch (error) {
      throw new AvroSchemaError(`not valid JSON: ${(error as Error).message}`);
    }
  }
  return new Parser().parse(json, null, '$');
}

class Parser {
  private readonly named = new Map<string, AvroNode>();

  parse(json: unknown, namespace: string | null, at: string): AvroNode {
    if (typeof json === 'string') return this.reference(json, namespace, at);
    if (Array.isArray(json)) {
      if (json.length === 0) throw new AvroSchemaError(`${at}: a union needs at least one branch`);
      return { kind: 'union', branches: json.map((b, i) => this.parse(b, namespace, `${at}[${i}]`)) };
    }
    if (json === null || typeof json !== 'object') throw new AvroSchemaError(`${at}: expected a type name, a union or an object`);
    const obj = json as Record<string, unknown>;
    const type = obj['type'];
    if (Array.isArray(type) || (typeof type === 'object' && type !== null)) return this.parse(type, namespace, `${at}.type`);
    if (typeof type !== 'string') throw new AvroSchemaError(`${at}: "type" is missing`);
    switch (type) {
      case 'record':
      case 'error':
        return this.record(obj, namespace, at);
      case 'enum': {
        const { fullName, name, aliases } = this.names(obj, namespace, at);
        const symbols = obj['symbols'];
        if (!Array.isArray(symbols) || !symbols.every((s) => typeof s === 'string')) {
          throw new AvroSchemaError(`${at}: enum \`${fullName}\` needs "symbols" (an array of strings)`);
        }
        const node: AvroNode = { kind: 'enum', fullName, name, aliases, symbols, default: typeof obj['default'] === 'string' ? obj['default'] : null };
        return this.register(node, at);
      }
      case 'fixed': {
        const { fullName, name, aliases } = this.names(obj, namespace, at);
        const size = obj['size'];
        if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) throw new AvroSchemaError(`${at}: fixed \`${fullName}\` needs an integer "size"`);
        return this.register({ kind: 'fixed', fullName, name, aliases, size }, at);
      }
      case 'array':
        if (!('items' in obj)) throw new AvroSchemaError(`${at}: an array needs "items"`);
        return { kind: 'array', items: this.parse(obj['items'], namespace, `${at}.items`) };
      case 'map':
        if (!('values' in obj)) throw new AvroSchemaError(`${at}: a map needs "values"`);
        return { kind: 'map', values: this.parse(obj['values'], namespace, `${at}.values`) };
      default:
        if (PRIMITIVES.has(type)) {
          const logical = obj['logicalType'];
          return { kind: 'primitive', type: type as AvroPrimitiveName, logicalType: typeof logical === 'string' ? logical : null };
        }
        return this.reference(type, namespace, at);
    }
  }

  private record(obj: Record<string, unknown>, namespace: string | null, at: string): AvroNode {
    const { fullName, name, aliases } = this.names(obj, namespace, at);
    const fieldsJson = obj['fields'];
    if (!Array.isArray(fieldsJson)) throw new AvroSchemaError(`${at}: record \`${fullName}\` needs "fields" (an array)`);
    const node: AvroRecordNode = { kind: 'record', fullName, name, aliases, fields: [] };
    this.register(node, at);
    const inner = fullName.includes('.') ? fullName.slice(0, fullName.lastIndexOf('.')) : null;
    const seen = new Set<string>();
    fieldsJson.forEach((f: unknown, i) => {
      const fieldAt = `${at}.fields[${i}]`;
      if (f === null || typeof f !== 'object' || typeof (f as Record<string, unknown>)['name'] !== 'string') {
        throw new AvroSchemaError(`${fieldAt}: a field needs a "name"`);
      }
      const field = f as Record<string, unknown>;
      const fieldName = field['name'] as string;
      if (seen.has(fieldName)) throw new AvroSchemaError(`${fieldAt}: field \`${fieldName}\` appears twice in \`${fullName}\``);
      seen.add(fieldName);
      if (!('type' in field)) throw new AvroSchemaError(`${fieldAt}: field \`${fieldName}\` has no "type"`);
      node.fields.push({
        name: fieldName,
        type: this.parse(field['type'], inner, `${fieldAt}.type`),
        aliases: stringArray(field['aliases']),
        hasDefault: 'default' in field,
        default: field['default'],
      });
    });
    return node;
  }

  private names(obj: Record<string, unknown>, namespace: string | null, at: string) {
    const raw = obj['name'];
    if (typeof raw !== 'string' || raw === '') throw new AvroSchemaError(`${at}: a named type needs a "name"`);
    const ns = typeof obj['namespace'] === 'string' && obj['namespace'] !== '' ? (obj['namespace'] as string) : namespace;
    const fullName = raw.includes('.') || ns === null ? raw : `${ns}.${raw}`;
    const name = fullName.slice(fullName.lastIndexOf('.') + 1);
    const aliases = stringArray(obj['aliases']).map((a) => a.slice(a.lastIndexOf('.') + 1));
    return { fullName, name, aliases };
  }

  private register(node: AvroNode & { fullName: string }, at: string): AvroNode {
    if (this.named.has(node.fullName)) throw new AvroSchemaError(`${at}: type \`${node.fullName}\` is defined twice`);
    this.named.set(node.fullName, node);
    return node;
  }

  private reference(name: string, namespace: string | null, at: string): AvroNode {
    if (PRIMITIVES.has(name)) return { kind: 'primitive', type: name as AvroPrimitiveName, logicalType: null };
    const found = this.named.get(name) ?? (namespace !== null ? this.named.get(`${namespace}.${name}`) : undefined);
    if (found === undefined) throw new AvroSchemaError(`${at}: unknown type \`${name}\``);
    return found;
  }
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A short readable form of a type: `long`, `["null", "string"]` -> `string or null`, `record Order`. */
export function describeAvro(node: AvroNode): string {
  switch (node.kind) {
    case 'primitive':
      return node.logicalType === null ? node.type : `${node.type} (${node.logicalType})`;
    case 'record':
      return `record \`${node.name}\``;
    case 'enum':
      return `enum \`${node.name}\``;
    case 'fixed':
      return `fixed(${node.size})`;
    case 'array':
      return `array of ${describeAvro(node.items)}`;
    case 'map':
      return `map of ${describeAvro(node.values)}`;
    case 'union': {
      const nonNull = node.branches.filter((b) => !(b.kind === 'primitive' && b.type === 'null'));
      const parts = nonNull.map(describeAvro);
      const withNull = nonNull.length < node.branches.length;
      if (parts.length === 0) return 'null';
      return withNull ? `${parts.join(' or ')} or null` : parts.join(' or ');
    }
  }
}
