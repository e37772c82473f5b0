import { INSERT_ONLY, type ChangelogMode } from '../schema.js';
import { connectorSpec, isTestConnector } from './connectors.js';
import { formatSpec } from './formats.js';

/** What a table's connector can do, for the changelog check on INSERT and on reads. */
export interface ConnectorCapabilities {
  /** The 'connector' option, or null when the table has none. */
  readonly connector: string | null;
  /** Whether the connector is in flinkcheck's data tables; unknown connectors get permissive answers. */
  readonly known: boolean;
  readonly canSource: boolean;
  readonly canSink: boolean;
  /** The rows a scan of the table produces. */
  readonly sourceChangelog: ChangelogMode;
  readonly sinkAcceptsUpdates: boolean;
  readonly sinkAcceptsDeletes: boolean;
  /** The table cannot be declared without a PRIMARY KEY (upsert-kafka). */
  readonly sinkRequiresPrimaryKey: boolean;
  /** Writing updates or deletes needs a PRIMARY KEY on the sink (jdbc, upsert-kafka). */
  readonly sinkUpdatesNeedPrimaryKey: boolean;
  readonly supportsPartitioning: boolean;
  /** Whether a scan ends; undefined when the connector is unknown or cannot be read. */
  readonly isBounded?: boolean;
}

export type OptionsLike =
  | readonly (readonly [string, string])[]
  | readonly { readonly key: string; readonly value: string }[]
  | Readonly<Record<string, string>>;

function toMap(options: OptionsLike): Map<string, string> {
  const map = new Map<string, string>();
  if (Array.isArray(options)) {
    for (const o of options as readonly unknown[]) {
      if (Array.isArray(o)) map.set(String(o[0]), String(o[1]));
      else {
        const kv = o as { key: string; value: string };
        map.set(kv.key, kv.value);
      }
    }
  } else {
    for (const [k, v] of Object.entries(options as Readonly<Record<string, string>>)) map.set(k, v);
  }
  return map;
}

/**
 * The changelog behaviour of a table from its options: the connector's own mode where it has one
 * (upsert-kafka, jdbc, print), else the value format's (kafka, filesystem: debezium-json, canal-json,
 * maxwell-json and ogg-json read and write updates and deletes; other formats are append-only).
 */
export function connectorCapabilities(options: OptionsLike): ConnectorCapabilities {
  const map = toMap(options);
  const connector = map.get('connector') ?? null;
  const spec = connector === null ? undefined : connectorSpec(connector);
  if (connector !== null && isTestConnector(connector)) return testConnector(connector, map);
  if (spec === undefined) {
    return {
      connector, known: false, canSource: true, canSink: true, sourceChangelog: connector !== null && isCdcConnector(connector) ? { updates: true, deletes: true } : INSERT_ONLY,
      sinkAcceptsUpdates: true, sinkAcceptsDeletes: true, sinkRequiresPrimaryKey: false,
      sinkUpdatesNeedPrimaryKey: false, supportsPartitioning: true,
    };
  }
  const formatName = spec.formats.find((s) => s.role === 'value')?.keys.map((k) => map.get(k)).find((v) => v !== undefined);
  const format = formatName === undefined ? undefined : formatSpec(formatName);
  const formatChangelog = format?.changelog ?? INSERT_ONLY;
  const formatEncodes = format?.encodesChanges ?? false;
  const sink = spec.sink ?? { acceptsUpdates: formatEncodes, acceptsDeletes: formatEncodes, requiresPrimaryKey: false, updatesNeedPrimaryKey: false };
  const bounded = isBounded(spec.name, map);
  return {
    connector,
    known: true,
    canSource: spec.source,
    canSink: spec.canSink,
    sourceChangelog: spec.sourceChangelog ?? formatChangelog,
    sinkAcceptsUpdates: spec.canSink && sink.acceptsUpdates,
    sinkAcceptsDeletes: spec.canSink && sink.acceptsDeletes,
    sinkRequiresPrimaryKey: sink.requiresPrimaryKey,
    sinkUpdatesNeedPrimaryKey: sink.updatesNeedPrimaryKey,
    supportsPartitioning: spec.supportsPartitioning,
    ...(bounded === undefined ? {} : { isBounded: bounded }),
  };
}

function isBounded(connector: string, map: ReadonlyMap<string, string>): boolean | undefined {
  switch (connector) {
    case 'kafka': {
      const mode = map.get('scan.bounded.mode')?.trim().toLowerCase();
      return mode !== undefined && mode !== 'unbounded';
    }
    case 'upsert-kafka':
      return false;
    case 'datagen':
      // DataGenTableSource: bounded with a row count; sequence generators also end.
      return map.has('number-of-rows') ||
        [...map].some(([k, v]) => k.startsWith('fields.') && k.endsWith('.kind') && v.trim().toLowerCase() === 'sequence');
    case 'filesystem':
      return !map.has('source.monitor-interval');
    case 'jdbc':
      return true;
    default:
      return undefined;
  }
}

/**
 * Flink's planner tests use the `values` connector (TestValuesTableFactory): its 'changelog-mode'
 * option lists the row kinds it produces (e.g. 'I,UA,D'); its sink accepts everything.
 */
function testConnector(connector: string, map: ReadonlyMap<string, string>): ConnectorCapabilities {
  const kinds = (map.get('changelog-mode') ?? 'I').split(',').map((k) => k.trim().toUpperCase());
  const bounded = map.get('bounded')?.trim().toLowerCase();
  return {
    connector,
    known: false,
    canSource: true,
    canSink: true,
    sourceChangelog: { updates: kinds.includes('UA') || kinds.includes('UB'), deletes: kinds.includes('D') },
    sinkAcceptsUpdates: true,
    sinkAcceptsDeletes: true,
    sinkRequiresPrimaryKey: false,
    sinkUpdatesNeedPrimaryKey: false,
    supportsPartitioning: true,
    ...(bounded === undefined ? {} : { isBounded: bounded === 'true' }),
  };
}

/**
 * The Flink CDC connectors (mysql-cdc, postgres-cdc, oracle-cdc, sqlserver-cdc, mongodb-cdc, tidb-cdc,
 * db2-cdc, oceanbase-cdc, ...) read a database's changelog: inserts, updates and deletes. Their
 * options are not in flinkcheck's tables, but what they emit is known by their naming convention.
 */
export function isCdcConnector(connector: string): boolean {
  return /^[a-z0-9]+(-[a-z0-9]+)*-cdc$/i.test(connector);
}
