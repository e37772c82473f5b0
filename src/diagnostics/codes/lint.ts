import { type CodeInfo, entry } from './entry.js';

/**
 * Diagnostic codes of `flinkcheck lint` (8000-8999): its configuration file, batch inputs, and
 * the schema-evolution check of INSERTs against their sinks' registered Avro schemas.
 */
export const lintCodes = {
  // --- configuration (8000-8009) ---
  configSyntax: entry('FSQL8001', 'internal', 'flinkcheck.yaml is not valid YAML'),
  configInvalidValue: entry('FSQL8002', 'internal', 'Invalid value in flinkcheck.yaml'),
  configUnknownKey: entry('FSQL8003', 'internal', 'Unknown key in flinkcheck.yaml'),
  // --- batch inputs (8010-8019) ---
  exportRecordInvalid: entry('FSQL8010', 'internal', 'Invalid record in a JSONL export'),
  exportDuplicateId: entry('FSQL8011', 'internal', 'Query id appears twice in a JSONL export', 'warning'),
  // --- sink schema evolution (8100-8199) ---
  sinkSchemaIncompatible: entry('FSQL8101', 'semantic', "Query output breaks the sink's registered Avro schema"),
  sinkTypeNotAvro: entry('FSQL8102', 'semantic', 'Query output has a type the Avro sink cannot write'),
} as const satisfies Record<string, CodeInfo>;
