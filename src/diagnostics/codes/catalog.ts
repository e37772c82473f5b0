import { type CodeInfo, entry } from './entry.js';

/** Diagnostic codes for connector options (5000-5999), table definitions (6100-6999) and catalog documents (7000-7999). */
export const catalogCodes = {
  // --- connector and format options (5000-5999) ---
  connectorMissing: entry('FSQL5001', 'semantic', 'Table has no connector', 'info'),
  unknownConnector: entry('FSQL5002', 'semantic', 'Unknown connector', 'warning'),
  requiredOptionMissing: entry('FSQL5003', 'semantic', 'Required connector option missing'),
  unknownOption: entry('FSQL5004', 'semantic', 'Unsupported connector option'),
  invalidConnectorOptionValue: entry('FSQL5005', 'semantic', 'Invalid option value'),
  optionValueNotAllowed: entry('FSQL5006', 'semantic', 'Option value not among the allowed values'),
  conflictingOptions: entry('FSQL5007', 'semantic', 'Conflicting connector options'),
  optionNeedsOther: entry('FSQL5008', 'semantic', 'Option needs another option'),
  formatMissing: entry('FSQL5009', 'semantic', 'Connector needs a format'),
  unknownFormat: entry('FSQL5010', 'semantic', 'Unknown format', 'warning'),
  primaryKeyRequired: entry('FSQL5011', 'semantic', 'Connector requires a PRIMARY KEY'),
  primaryKeyNotSupported: entry('FSQL5012', 'semantic', 'Connector does not support a PRIMARY KEY with this format'),
  formatNotSupported: entry('FSQL5013', 'semantic', 'Format cannot be used here'),
  duplicateOption: entry('FSQL5014', 'semantic', 'Option given more than once', 'warning'),
  deprecatedOption: entry('FSQL5015', 'semantic', 'Deprecated connector option', 'info'),
  optionUnknownColumn: entry('FSQL5016', 'semantic', 'Option refers to a column the table does not have'),
  formatColumnCount: entry('FSQL5017', 'semantic', 'Format needs exactly one physical column'),
  unknownMetadataKey: entry('FSQL5019', 'semantic', 'METADATA column names a key the connector does not offer'),
  partitioningNotSupported: entry('FSQL5018', 'semantic', 'Connector does not support PARTITIONED BY', 'warning'),
  // --- catalog documents (7000-7999) ---
  catalogUnreadable: entry('FSQL7001', 'semantic', 'Catalog file cannot be read'),
  catalogSyntax: entry('FSQL7002', 'semantic', 'Catalog file is not valid JSON or YAML'),
  catalogShape: entry('FSQL7003', 'semantic', 'Catalog document has the wrong shape'),
  catalogInvalidType: entry('FSQL7004', 'semantic', 'Invalid column type in a catalog document'),
  catalogInvalidAvro: entry('FSQL7005', 'semantic', 'Invalid Avro schema'),
  catalogDuplicate: entry('FSQL7006', 'semantic', 'Object defined twice in a catalog document'),
  catalogUnknownColumn: entry('FSQL7007', 'semantic', 'Catalog table refers to a column it does not have'),
} as const satisfies Record<string, CodeInfo>;
