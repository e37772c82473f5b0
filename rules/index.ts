import type { AnyRule } from '../src/rules/types.js';
import catalogChange from './catalog-change.js';
import deprecatedStatementSetSyntax from './deprecated-statement-set-syntax.js';
import eventTimeWithoutWatermark from './event-time-without-watermark.js';
import groupAggregationWithoutMiniBatch from './group-aggregation-without-mini-batch.js';
import hopWindowTooManyPanes from './hop-window-too-many-panes.js';
import insertOverwriteInStreaming from './insert-overwrite-in-streaming.js';
import joinWithoutEquality from './join-without-equality.js';
import largeTimeBound from './large-time-bound.js';
import legacyGroupWindow from './legacy-group-window.js';
import lookupJoinOnUpdatingInput from './lookup-join-on-updating-input.js';
import nonDeterministicFunctionInUpdatingPipeline from './non-deterministic-function-in-updating-pipeline.js';
import overOrderedByNonTimeAttribute from './over-ordered-by-non-time-attribute.js';
import processingTimeTemporalJoinOnNonLookupTable from './processing-time-temporal-join-on-non-lookup-table.js';
import queryNestingTooDeep from './query-nesting-too-deep.js';
import rankInStreamingTopN from './rank-in-streaming-top-n.js';
import regularJoinWithoutStateTtl from './regular-join-without-state-ttl.js';
import selectStarInDeployedQuery from './select-star-in-deployed-query.js';
import setKeyNotAllowed from './set-key-not-allowed.js';
import sinkKeyDiffersFromUpsertKey from './sink-key-differs-from-upsert-key.js';
import sourceWithoutIdleTimeout from './source-without-idle-timeout.js';
import stateEstimate from './state-estimate.js';
import statementTooLong from './statement-too-long.js';
import streamingSortOnNonTimeAttribute from './streaming-sort-on-non-time-attribute.js';
import tooManyJoins from './too-many-joins.js';
import tooManyStatements from './too-many-statements.js';
import topNWithoutBound from './top-n-without-bound.js';
import unboundedDistinct from './unbounded-distinct.js';
import unboundedGroupAggregation from './unbounded-group-aggregation.js';
import unboundedState from './unbounded-state.js';
import unsupportedConstruct from './unsupported-construct.js';
import updatingResultIntoAppendOnlySink from './updating-result-into-append-only-sink.js';
import userJar from './user-jar.js';
import windowOnNonTimeAttribute from './window-on-non-time-attribute.js';

/** Every built-in rule, in code order. One module per rule; the file name is the rule's name. */
export const BUILTIN_RULES: readonly AnyRule[] = [
  catalogChange,
  deprecatedStatementSetSyntax,
  eventTimeWithoutWatermark,
  groupAggregationWithoutMiniBatch,
  hopWindowTooManyPanes,
  insertOverwriteInStreaming,
  joinWithoutEquality,
  largeTimeBound,
  legacyGroupWindow,
  lookupJoinOnUpdatingInput,
  nonDeterministicFunctionInUpdatingPipeline,
  overOrderedByNonTimeAttribute,
  processingTimeTemporalJoinOnNonLookupTable,
  queryNestingTooDeep,
  rankInStreamingTopN,
  regularJoinWithoutStateTtl,
  selectStarInDeployedQuery,
  setKeyNotAllowed,
  sinkKeyDiffersFromUpsertKey,
  sourceWithoutIdleTimeout,
  stateEstimate,
  statementTooLong,
  streamingSortOnNonTimeAttribute,
  tooManyJoins,
  tooManyStatements,
  topNWithoutBound,
  unboundedDistinct,
  unboundedGroupAggregation,
  unboundedState,
  unsupportedConstruct,
  updatingResultIntoAppendOnlySink,
  userJar,
  windowOnNonTimeAttribute,
].sort((a, b) => a.meta.code.localeCompare(b.meta.code));
