export { parseCatalogDocument, DEFAULT_CATALOG, DEFAULT_DATABASE, type CatalogDocumentResult } from './document.js';
export { parseAvroSchema, AvroConverter, type AvroOptions, type AvroTableOptions } from './avro.js';
export { loadCatalogFile, catalogFormatOf } from './load.js';
export type { CatalogLoadError } from './located.js';
export { checkShape, type Shape, type ShapeProblem } from './shape.js';
export { DOCUMENT_SHAPE } from './catalog-schema.js';
