import { type CodeInfo, entry } from './entry.js';

/** Diagnostic codes for changelog and streaming semantics (4000-4999). */
export const changelogCodes = {
  updatesIntoAppendOnlySink: entry('FSQL4001', 'semantic', 'Updating result written into an append-only sink'),
  updatesIntoInsertOnlyOperator: entry('FSQL4002', 'semantic', 'Operator needs insert-only input but gets updates'),
  windowOnNonTimeAttribute: entry('FSQL4003', 'semantic', 'Window on a column that is not a time attribute'),
  overOrderNotTimeAttribute: entry('FSQL4004', 'semantic', 'OVER window not ordered by a time attribute'),
  sortOnNonTimeAttribute: entry('FSQL4005', 'semantic', 'Streaming ORDER BY not on a time attribute'),
  temporalJoinPeriod: entry('FSQL4006', 'semantic', 'FOR SYSTEM_TIME AS OF needs the left time attribute'),
  temporalJoinVersionedTable: entry('FSQL4007', 'semantic', 'Versioned table lacks a primary key or rowtime'),
  setOperationTimeAttribute: entry('FSQL4008', 'semantic', 'Set operation mixes time attributes and plain timestamps'),
  multipleRowtimesIntoSink: entry('FSQL4009', 'semantic', 'More than one rowtime column written into a sink'),
  rankNotSupported: entry('FSQL4010', 'semantic', 'RANK / DENSE_RANK on a stream'),
  differentOverWindows: entry('FSQL4011', 'semantic', 'OVER aggregates on different windows'),
  lateralLeftJoinCondition: entry('FSQL4012', 'semantic', 'LEFT JOIN of a table function needs ON TRUE'),
  overFrame: entry('FSQL4013', 'semantic', 'Unsupported OVER window frame'),
  windowArguments: entry('FSQL4014', 'semantic', 'Invalid window table function arguments'),
  sinkPrimaryKeyRequired: entry('FSQL4015', 'semantic', 'Sink needs a primary key for updates'),
  temporalJoinCondition: entry('FSQL4017', 'semantic', 'Temporal or lookup join of an unsupported type or without a key equality'),
  auxiliaryWithoutGroupWindow: entry('FSQL4016', 'semantic', 'Window start/end function without the matching GROUP BY window'),
} as const satisfies Record<string, CodeInfo>;
