export { AvroSchemaError, describeAvro, parseAvro, type AvroFieldNode, type AvroNode, type AvroRecordNode } from './avro-model.js';
export {
  checkCompatibility,
  COMPATIBILITY_MODES,
  type BreakingChange,
  type CompatibilityMode,
  type CompatibilityOptions,
  type CompatibilityResult,
  type IncompatibilityKind,
} from './compatibility.js';
