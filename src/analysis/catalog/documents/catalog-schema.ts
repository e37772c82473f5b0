import type { Shape } from './shape.js';

/** The catalog document format (docs/catalog.md), as a Shape. */

const nonEmpty: Shape = { type: 'string', nonEmpty: true };
const names: Shape = { type: 'array', items: nonEmpty };

const column: Shape = {
  type: 'object',
  description: 'a column mapping (`name` and `type`, `expression` or `metadata`)',
  properties: {
    name: nonEmpty,
    /** Flink SQL type syntax; `NOT NULL` allowed. */
    type: nonEmpty,
    /** A computed column's SQL expression. */
    expression: nonEmpty,
    /** A metadata column: `true` (the key is the column name) or the metadata key. */
    metadata: { type: 'oneOf', description: 'true or a metadata key', options: [{ type: 'boolean' }, nonEmpty] },
    virtual: { type: 'boolean' },
    comment: { type: 'string' },
  },
  required: ['name'],
};

export const TABLE_SHAPE: Shape = {
  type: 'object',
  description: 'a table mapping',
  properties: {
    name: nonEmpty,
    catalog: nonEmpty,
    database: nonEmpty,
    comment: { type: 'string' },
    temporary: { type: 'boolean' },
    columns: { type: 'array', items: column },
    /** Columns from an Avro schema (inline mapping or JSON text), before `columns`. */
    avro: { type: 'any' },
    watermark: {
      type: 'object',
      description: 'a mapping with `column` and `expression`',
      properties: { column: nonEmpty, expression: nonEmpty },
      required: ['column', 'expression'],
    },
    primaryKey: {
      type: 'oneOf',
      description: 'a list of column names or a mapping with `name` and `columns`',
      options: [
        { type: 'array', items: nonEmpty, minItems: 1 },
        { type: 'object', properties: { name: nonEmpty, columns: { type: 'array', items: nonEmpty, minItems: 1 } }, required: ['columns'] },
      ],
    },
    partitionKeys: names,
    options: { type: 'object', description: 'a mapping of connector options', properties: {}, additional: { type: 'scalar' } },
  },
  required: ['name'],
};

const parameter: Shape = {
  type: 'oneOf',
  description: 'a type or a mapping with `name` and `type`',
  options: [
    nonEmpty,
    { type: 'object', properties: { name: nonEmpty, type: nonEmpty, optional: { type: 'boolean' } }, required: ['type'] },
  ],
};

export const VIEW_SHAPE: Shape = {
  type: 'object',
  description: 'a view mapping',
  properties: {
    name: nonEmpty,
    catalog: nonEmpty,
    database: nonEmpty,
    temporary: { type: 'boolean' },
    comment: { type: 'string' },
    columns: {
      type: 'array',
      items: { type: 'object', description: 'a mapping with `name` and `type`', properties: { name: nonEmpty, type: nonEmpty, comment: { type: 'string' } }, required: ['name', 'type'] },
    },
    query: nonEmpty,
  },
  required: ['name'],
};

export const FUNCTION_KINDS = ['scalar', 'aggregate', 'table', 'process-table'] as const;

export const FUNCTION_SHAPE: Shape = {
  type: 'object',
  description: 'a function mapping',
  properties: {
    name: nonEmpty,
    catalog: nonEmpty,
    database: nonEmpty,
    kind: { type: 'string', enum: FUNCTION_KINDS },
    className: nonEmpty,
    language: { type: 'string', enum: ['JAVA', 'SCALA', 'PYTHON'] },
    temporary: { type: 'boolean' },
    signatures: {
      type: 'array',
      items: {
        type: 'object',
        description: 'a signature mapping with `parameters` and `returns`',
        properties: { parameters: { type: 'array', items: parameter }, variadic: { type: 'boolean' }, returns: nonEmpty },
        required: ['returns'],
      },
    },
  },
  required: ['name'],
};

export const DOCUMENT_SHAPE: Shape = {
  type: 'object',
  description: 'a mapping with `tables`, `views` and `functions`',
  properties: {
    /** Defaults for objects without their own. */
    catalog: nonEmpty,
    database: nonEmpty,
    tables: { type: 'array', items: TABLE_SHAPE },
    views: { type: 'array', items: VIEW_SHAPE },
    functions: { type: 'array', items: FUNCTION_SHAPE },
  },
};
