export { checkConnectorOptions, isInsertOnlyFormat, type ConnectorCheckInput, type ConnectorColumnInput, type ConnectorOptionInput } from './check.js';
export { connectorCapabilities, type ConnectorCapabilities, type OptionsLike } from './capabilities.js';
export { CONNECTORS, UNCHECKED_CONNECTORS, connectorSpec, isTestConnector } from './connectors.js';
export { FORMATS, formatSpec } from './formats.js';
export type { ConnectorSpec, FormatSpec, OptionRule, OptionSpec, OptionType } from './spec.js';
export { checkOptionValue } from './values.js';
export { connectorInputFromCatalogTable, connectorInputFromCreateTable } from './from-ddl.js';
