import { closestMatches } from '../../../diagnostics/suggest.js';
import { childPath } from './located.js';

/**
 * A small JSON-Schema-like description of document shapes, and a checker for it. The catalog
 * document format is written in it (catalog-schema.ts); problems come back with the path.
 */
export type Shape =
  | { readonly type: 'string'; readonly nonEmpty?: boolean; readonly enum?: readonly string[] }
  /** A string, number or boolean, read as its string form (connector option values). */
  | { readonly type: 'scalar' }
  | { readonly type: 'boolean' }
  | { readonly type: 'integer'; readonly minimum?: number }
  | { readonly type: 'array'; readonly items: Shape; readonly minItems?: number }
  | {
      readonly type: 'object';
      readonly properties: Readonly<Record<string, Shape>>;
      readonly required?: readonly string[];
      /** Every other key must match this shape; without it, other keys are errors. */
      readonly additional?: Shape;
      readonly description?: string;
    }
  /** Alternatives told apart by the value's JSON type (string, object, array, ...). */
  | { readonly type: 'oneOf'; readonly options: readonly Shape[]; readonly description: string }
  /** Any JSON value (inline Avro schemas are checked by the Avro converter). */
  | { readonly type: 'any' };

export interface ShapeProblem {
  readonly path: string;
  readonly message: string;
  /** Point at the key of `path` rather than at its value. */
  readonly atKey?: boolean;
}

function jsonType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function describe(shape: Shape): string {
  switch (shape.type) {
    case 'string':
      return shape.enum !== undefined ? `one of ${shape.enum.map((v) => `\`${v}\``).join(', ')}` : 'a string';
    case 'scalar':
      return 'a string, number or boolean';
    case 'boolean':
      return 'true or false';
    case 'integer':
      return 'a whole number';
    case 'array':
      return 'a list';
    case 'object':
      return shape.description ?? 'a mapping';
    case 'oneOf':
      return shape.description;
    case 'any':
      return 'a value';
  }
}

function accepts(shape: Shape, type: string): boolean {
  switch (shape.type) {
    case 'string':
      return type === 'string';
    case 'scalar':
      return type === 'string' || type === 'integer' || type === 'number' || type === 'boolean';
    case 'boolean':
      return type === 'boolean';
    case 'integer':
      return type === 'integer';
    case 'array':
      return type === 'array';
    case 'object':
      return type === 'object';
    case 'oneOf':
      return shape.options.some((o) => accepts(o, type));
    case 'any':
      return true;
  }
}

export function checkShape(value: unknown, shape: Shape, path: string, out: ShapeProblem[]): void {
  const type = jsonType(value);
  if (!accepts(shape, type)) {
    out.push({ path, message: `expected ${describe(shape)}, found ${type === 'null' ? 'nothing' : type === 'object' ? 'a mapping' : type === 'array' ? 'a list' : `${type} ${JSON.stringify(value)}`}` });
    return;
  }
  switch (shape.type) {
    case 'string':
      if (shape.nonEmpty === true && (value as string).trim() === '') out.push({ path, message: 'must not be empty' });
      else if (shape.enum !== undefined && !shape.enum.includes(value as string)) {
        const close = closestMatches(value as string, shape.enum, 1);
        out.push({ path, message: `\`${String(value)}\` is not ${describe(shape)}${close.length > 0 ? ` (did you mean \`${close[0]}\`?)` : ''}` });
      }
      return;
    case 'integer':
      if (shape.minimum !== undefined && (value as number) < shape.minimum) out.push({ path, message: `must be at least ${shape.minimum}` });
      return;
    case 'array': {
      const items = value as unknown[];
      if (shape.minItems !== undefined && items.length < shape.minItems) {
        out.push({ path, message: `needs at least ${shape.minItems} ${shape.minItems === 1 ? 'entry' : 'entries'}` });
      }
      items.forEach((item, i) => checkShape(item, shape.items, childPath(path, i), out));
      return;
    }
    case 'object': {
      const obj = value as Record<string, unknown>;
      for (const key of shape.required ?? []) {
        if (!(key in obj) || obj[key] === null || obj[key] === undefined) out.push({ path, message: `missing \`${key}\`` });
      }
      for (const [key, v] of Object.entries(obj)) {
        const p = childPath(path, key);
        const sub = shape.properties[key] ?? shape.additional;
        if (sub === undefined) {
          const close = closestMatches(key, Object.keys(shape.properties), 1);
          out.push({
            path: p,
            atKey: true,
            message: `unknown key \`${key}\`${close.length > 0 ? `; did you mean \`${close[0]}\`?` : `; expected ${Object.keys(shape.properties).map((k) => `\`${k}\``).join(', ')}`}`,
          });
          continue;
        }
        if (v === null || v === undefined) continue; // `key:` with no value reads as absent (reported above if required)
        checkShape(v, sub, p, out);
      }
      return;
    }
    case 'oneOf': {
      const chosen = shape.options.find((o) => accepts(o, type))!;
      checkShape(value, chosen, path, out);
      return;
    }
    default:
      return;
  }
}
