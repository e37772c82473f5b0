import { type CodeInfo, entry } from './entry.js';

/**
 * Diagnostic codes of the guardrail rules (9000-9899, one per rule module in rules/) and of the rule
 * engine itself (9900-9999: suppressions and rule configuration). The severity given here is the
 * rule's default; profiles and per-rule settings change it.
 */
export const ruleCodes = {
  // --- platform policy ---
  ruleUnsupportedConstruct: entry('FSQL9001', 'rule', 'Statement, construct, function or connector the platform does not support'),
  ruleUserJar: entry('FSQL9021', 'rule', 'User code loaded from a jar'),
  ruleCatalogChange: entry('FSQL9022', 'rule', 'Statement that changes catalogs or modules'),
  ruleSetKeyNotAllowed: entry('FSQL9023', 'rule', 'SET or RESET of a configuration key outside the allow-list'),
  // --- state and cost ---
  ruleRegularJoinWithoutStateTtl: entry('FSQL9002', 'rule', 'Regular join of unbounded streams without a state TTL', 'warning'),
  ruleUnboundedGroupAggregation: entry('FSQL9003', 'rule', 'Non-windowed aggregation on an unbounded stream without a state TTL', 'warning'),
  ruleUnboundedDistinct: entry('FSQL9004', 'rule', 'DISTINCT on an unbounded stream without a window', 'warning'),
  ruleLargeTimeBound: entry('FSQL9015', 'rule', 'Very large window size or interval bound', 'warning'),
  ruleHopWindowTooManyPanes: entry('FSQL9016', 'rule', 'Hopping or cumulating window with too many slides per window', 'warning'),
  ruleUnboundedState: entry('FSQL9024', 'rule', 'Statement keeps state that grows without bound', 'warning'),
  ruleStateEstimate: entry('FSQL9025', 'rule', 'State kept by the statement', 'info'),
  ruleGroupAggregationWithoutMiniBatch: entry('FSQL9031', 'rule', 'Group aggregation without mini-batch', 'info'),
  // --- changelog correctness ---
  ruleUpdatingResultIntoAppendOnlySink: entry('FSQL9005', 'rule', 'Updating result written into an append-only sink'),
  ruleSinkKeyDiffersFromUpsertKey: entry('FSQL9006', 'rule', 'Sink primary key differs from the key of the updating result', 'warning'),
  ruleNonDeterministicFunctionInUpdatingPipeline: entry('FSQL9007', 'rule', 'Non-deterministic function in an updating pipeline', 'warning'),
  ruleLookupJoinOnUpdatingInput: entry('FSQL9032', 'rule', 'Lookup join on an updating input', 'info'),
  // --- time attributes ---
  ruleWindowOnNonTimeAttribute: entry('FSQL9009', 'rule', 'Window on a column that is not a time attribute'),
  ruleOverOrderedByNonTimeAttribute: entry('FSQL9010', 'rule', 'OVER window ordered by a column that is not a time attribute'),
  ruleEventTimeWithoutWatermark: entry('FSQL9011', 'rule', 'Event-time operation on a table without a watermark'),
  ruleStreamingSortOnNonTimeAttribute: entry('FSQL9027', 'rule', 'Streaming ORDER BY not led by an ascending time attribute'),
  ruleProcessingTimeTemporalJoinOnNonLookupTable: entry('FSQL9029', 'rule', 'Processing-time temporal join against a table that is not a lookup source'),
  ruleSourceWithoutIdleTimeout: entry('FSQL9030', 'rule', 'Watermarked source without an idle timeout', 'info'),
  // --- query shape ---
  ruleLegacyGroupWindow: entry('FSQL9008', 'rule', 'Legacy GROUP BY TUMBLE/HOP/SESSION window', 'warning'),
  ruleTopNWithoutBound: entry('FSQL9012', 'rule', 'Top-N without a bound or with a very large bound', 'warning'),
  ruleSelectStarInDeployedQuery: entry('FSQL9013', 'rule', 'SELECT * in a deployed query', 'warning'),
  ruleJoinWithoutEquality: entry('FSQL9014', 'rule', 'Join without an equality condition', 'warning'),
  ruleRankInStreamingTopN: entry('FSQL9028', 'rule', 'RANK or DENSE_RANK in a streaming Top-N'),
  ruleDeprecatedStatementSetSyntax: entry('FSQL9026', 'rule', 'Deprecated BEGIN STATEMENT SET syntax', 'warning'),
  ruleInsertOverwriteInStreaming: entry('FSQL9033', 'rule', 'INSERT OVERWRITE in streaming mode'),
  // --- complexity caps ---
  ruleStatementTooLong: entry('FSQL9017', 'rule', 'Statement longer than the limit', 'warning'),
  ruleTooManyJoins: entry('FSQL9018', 'rule', 'More joins in one statement than the limit', 'warning'),
  ruleQueryNestingTooDeep: entry('FSQL9019', 'rule', 'Subqueries nested deeper than the limit', 'warning'),
  ruleTooManyStatements: entry('FSQL9020', 'rule', 'More statements in the script than the limit', 'warning'),
  // --- engine (9900-9999) ---
  unusedSuppression: entry('FSQL9900', 'rule', 'Suppression comment that matches no finding', 'warning'),
  unknownRuleInSuppression: entry('FSQL9901', 'rule', 'Suppression comment names an unknown rule', 'warning'),
  invalidRuleSettings: entry('FSQL9902', 'rule', 'Invalid rule settings'),
} as const satisfies Record<string, CodeInfo>;
