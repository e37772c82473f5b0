import { randomUUID, createHash } from 'node:crypto';
import {
  Metadata,
  status as Status,
  type sendUnaryData,
  type ServerDuplexStream,
  type ServerUnaryCall,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import type { Logger } from 'pino';
import type { CatalogEntries } from '../analysis/catalog/model.js';
import type { RuleSettings } from '../rules/index.js';
import { CatalogCache, catalogIdOf } from './catalog-registry.js';
import type { ServerConfig } from './config.js';
import type { ServerMetrics } from './metrics.js';
import { PoolError, type WorkPool } from './pool.js';
import { RpcError, toStatusObject, type FieldViolation } from './rich-error.js';
import { ruleSettingsOf, type RuleCatalog } from './rules.js';
import { explainCode, type WireExplainCodeResponse } from './explain-code.js';
import type {
  WireCatalog,
  WireExplainErrorRequest,
  WireExplainErrorResponse,
  WireRuleOverride,
  WireValidateScriptRequest,
  WireValidateScriptResponse,
  WireValidateStreamRequest,
} from './wire.js';

export interface ServiceDeps {
  readonly config: ServerConfig;
  readonly pool: WorkPool;
  readonly metrics: ServerMetrics;
  readonly logger: Logger;
  readonly rules: RuleCatalog;
  /** Catalogs from RegisterCatalog and from the preloaded files. */
  readonly registered: CatalogCache;
  /** Catalogs preloaded at start: used when a request names none. */
  readonly baseCatalogs: readonly CatalogEntries[];
}

/** Documents one ValidateStream session may keep open at once. */
const MAX_DOCUMENTS_PER_STREAM = 64;
/** Inline catalogs kept converted, by content hash (editors resend the same catalog with every keystroke). */
const INLINE_CATALOG_CACHE = 64;

interface Settings {
  readonly catalogs: readonly WireCatalog[];
  readonly catalogIds: readonly string[];
  readonly profile: string;
  readonly overrides: readonly WireRuleOverride[];
}

interface Prepared {
  readonly catalogs: readonly CatalogEntries[];
  readonly rules: RuleSettings;
}

/** Upper-case names of RuleLevel values, for ListRules. */
const RULE_LEVEL = { off: 'RULE_LEVEL_OFF', info: 'RULE_LEVEL_INFO', warning: 'RULE_LEVEL_WARNING', error: 'RULE_LEVEL_ERROR' } as const;

/** Request id from `x-request-id` when the client sent a sane one, else a fresh UUID. */
function requestIdOf(metadata: Metadata): string {
  const given = metadata.get('x-request-id')[0];
  return typeof given === 'string' && /^[\w.:-]{1,64}$/.test(given) ? given : randomUUID();
}

/** Scripts are never logged: a short hash and the length identify them. */
export function sqlFingerprint(sql: string): { sql_sha256: string; sql_length: number } {
  return { sql_sha256: createHash('sha256').update(sql).digest('hex').slice(0, 16), sql_length: sql.length };
}

export function createValidationService(deps: ServiceDeps): UntypedServiceImplementation {
  const { config, pool, metrics, rules } = deps;
  const inlineCatalogs = new CatalogCache(INLINE_CATALOG_CACHE);

  function toRpcError(error: unknown, log: Logger): RpcError {
    if (error instanceof RpcError) return error;
    if (error instanceof PoolError) {
      const f = error.failure;
      switch (f.kind) {
        case 'queue-full':
          metrics.poolFailure('queue_full');
          return new RpcError(Status.RESOURCE_EXHAUSTED, `the server is busy: ${pool.queueSize} validations are waiting; retry in ${f.retryAfterMs} ms`, [
            { kind: 'retry', delayMs: f.retryAfterMs },
            { kind: 'error-info', reason: 'QUEUE_FULL', metadata: { max_queue: String(config.maxQueue) } },
          ]);
        case 'budget':
          metrics.poolFailure('cpu_budget');
          return new RpcError(Status.RESOURCE_EXHAUSTED, `validation took longer than the ${f.budgetMs} ms budget for one request and was stopped; split the script or simplify it`, [
            { kind: 'error-info', reason: 'CPU_BUDGET_EXCEEDED', metadata: { budget_ms: String(f.budgetMs) } },
          ]);
        case 'aborted':
          return new RpcError(Status.CANCELLED, 'the call was cancelled');
        case 'closed':
          return new RpcError(Status.UNAVAILABLE, 'the server is shutting down');
        case 'failed':
          metrics.poolFailure('worker_failed');
          log.error({ reason: f.reason }, 'validation worker failed');
          return new RpcError(Status.INTERNAL, 'validation failed inside the server; the worker was replaced and the next request is not affected', [
            { kind: 'error-info', reason: 'WORKER_FAILED' },
          ]);
      }
    }
    log.error({ err: error }, 'unexpected error');
    return new RpcError(Status.INTERNAL, 'unexpected server error');
  }

  /** Checks the cheap parts of a request, then resolves its catalogs (converting inline ones in a worker). */
  async function prepare(sql: string, settings: Settings, signal: AbortSignal, onStart?: () => void): Promise<Prepared> {
    const violations: FieldViolation[] = [];
    const bytes = Buffer.byteLength(sql, 'utf8');
    if (bytes > config.maxSqlBytes) violations.push({ field: 'sql', description: `the script has ${bytes} bytes; this server accepts at most ${config.maxSqlBytes}` });
    const ruleRequest = ruleSettingsOf(rules, settings.profile, settings.overrides, config.defaultProfile);
    if (!ruleRequest.ok) violations.push(...ruleRequest.violations);
    const ruleSettings = ruleRequest.ok ? ruleRequest.settings : null;
    const named: CatalogEntries[] = [];
    settings.catalogIds.forEach((id, i) => {
      const found = deps.registered.get(id);
      if (found === undefined) violations.push({ field: `catalog_ids[${i}]`, description: `no catalog is registered as \`${id}\`; register it with RegisterCatalog (catalogs are kept in memory, per server)` });
      else named.push(found);
    });
    if (violations.length > 0 || ruleSettings === null) {
      const error = RpcError.invalidArgument(violations);
      // Registered catalogs live in one replica's memory: this reason tells a client to register again.
      if (named.length < settings.catalogIds.length) {
        throw new RpcError(error.code, error.message, [...error.details, { kind: 'error-info', reason: 'CATALOG_NOT_REGISTERED' }]);
      }
      throw error;
    }
    if (settings.catalogs.length === 0) return { catalogs: named.length > 0 ? named : deps.baseCatalogs, rules: ruleSettings };
    const inline = await convertCatalogs(settings.catalogs, 'catalogs', inlineCatalogs, signal, onStart);
    return { catalogs: [inline, ...named], rules: ruleSettings };
  }

  async function convertCatalogs(catalogs: readonly WireCatalog[], path: string, cache: CatalogCache, signal: AbortSignal, onStart?: () => void): Promise<CatalogEntries> {
    const id = catalogIdOf(catalogs);
    const cached = cache.get(id);
    if (cached !== undefined) return cached;
    const result = await pool.run({ kind: 'catalog', catalogs, path }, { signal, onStart });
    if (result.kind !== 'catalog') throw new Error(`worker answered a catalog task with ${result.kind}`);
    if (!result.conversion.ok) throw RpcError.invalidArgument(result.conversion.violations);
    cache.set(id, result.conversion.entries);
    return result.conversion.entries;
  }

  async function validate(sql: string, settings: Settings, signal: AbortSignal, onStart?: () => void): Promise<WireValidateScriptResponse> {
    const prepared = await prepare(sql, settings, signal, onStart);
    const result = await pool.run({ kind: 'validate', sql, catalogs: prepared.catalogs, rules: prepared.rules }, { signal, onStart });
    if (result.kind !== 'validate') throw new Error(`worker answered a validation with ${result.kind}`);
    metrics.observeResult(result.response.diagnostics, result.statementKinds);
    return result.response;
  }

  /** Common frame of the unary methods: request id, logging, cancellation, error mapping. */
  function unary<Req, Res>(method: string, describe: (req: Req) => object, body: (req: Req, signal: AbortSignal, log: Logger) => Promise<Res>, summarize: (res: Res) => object) {
    return (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>): void => {
      const requestId = requestIdOf(call.metadata);
      const log = deps.logger.child({ req_id: requestId, method });
      const started = performance.now();
      // The request id travels in the trailers: sending headers early would cost a write of its own.
      const trailer = new Metadata();
      trailer.set('x-request-id', requestId);
      const controller = new AbortController();
      call.on('cancelled', () => controller.abort());
      body(call.request, controller.signal, log).then(
        (response) => {
          log.info({ ...describe(call.request), ...summarize(response), grpc_code: 'OK', ms: round(performance.now() - started) }, 'request done');
          callback(null, response, trailer);
        },
        (error: unknown) => {
          const rpcError = toRpcError(error, log);
          const cancelled = controller.signal.aborted;
          // Messages of malformed requests quote the request; only the field paths are logged.
          const fields = rpcError.details.flatMap((d) => (d.kind === 'bad-request' ? d.violations.map((v) => v.field) : []));
          const why = rpcError.code === Status.INVALID_ARGUMENT ? { fields } : { reason: rpcError.message };
          log.info({ ...describe(call.request), grpc_code: cancelled ? 'CANCELLED' : Status[rpcError.code], ...why, ms: round(performance.now() - started) }, 'request failed');
          const statusObject = toStatusObject(rpcError, requestId);
          statusObject.metadata!.set('x-request-id', requestId);
          callback(statusObject);
        },
      );
    };
  }

  const ValidateScript = unary<WireValidateScriptRequest, WireValidateScriptResponse>(
    'ValidateScript',
    (req) => ({ ...sqlFingerprint(req.sql), inline_catalogs: req.catalogs.length, catalog_ids: req.catalog_ids.length }),
    (req, signal) => validate(req.sql, { catalogs: req.catalogs, catalogIds: req.catalog_ids, profile: req.profile, overrides: req.rule_overrides }, signal),
    (res) => ({ diagnostics: res.diagnostics.length, statements: res.statements.length }),
  );

  const RegisterCatalog = unary<{ catalogs: readonly WireCatalog[] }, object>(
    'RegisterCatalog',
    (req) => ({ catalogs: req.catalogs.length }),
    async (req, signal) => {
      if (req.catalogs.length === 0) throw RpcError.invalidArgument([{ field: 'catalogs', description: 'give at least one catalog' }]);
      const entries = await convertCatalogs(req.catalogs, 'catalogs', deps.registered, signal);
      return { catalog_id: catalogIdOf(req.catalogs), table_count: entries.tables.length, view_count: entries.views.length, function_count: entries.functions.length };
    },
    (res) => res,
  );

  // The registry does not change while the server runs: the answer is built once.
  const ruleList = {
    rules: rules.rules.map((r) => ({
      name: r.name, code: r.code, description: r.description, category: r.category,
      default_severity: `SEVERITY_${r.defaultSeverity.toUpperCase()}`,
      profiles: r.levels.filter((l) => l.level !== 'off').map((l) => l.profile),
      profile_levels: r.levels.map((l) => ({ profile: l.profile, level: RULE_LEVEL[l.level] })),
    })),
    profiles: rules.profiles.map((p) => p.name),
    default_profile: config.defaultProfile,
    profile_details: rules.profiles.map((p) => ({ name: p.name, aliases: [...p.aliases], description: p.description })),
  };
  const ListRules = unary<object, typeof ruleList>('ListRules', () => ({}), async () => ruleList, (res) => ({ rules: res.rules.length }));

  const ExplainError = unary<WireExplainErrorRequest, WireExplainErrorResponse>(
    'ExplainError',
    (req) => ({ ...sqlFingerprint(req.sql), error_text_length: req.error_text.length, inline_catalogs: req.catalogs.length, catalog_ids: req.catalog_ids.length }),
    async (req, signal) => {
      if (req.error_text.trim() === '') throw RpcError.invalidArgument([{ field: 'error_text', description: 'give the exception text Flink printed' }]);
      if (Buffer.byteLength(req.error_text, 'utf8') > config.maxSqlBytes) {
        throw RpcError.invalidArgument([{ field: 'error_text', description: `the error text has more than ${config.maxSqlBytes} bytes; send the message and the first lines of its stack trace` }]);
      }
      // The server's default profile applies: Flink's message is matched against what validation finds.
      const prepared = await prepare(req.sql, { catalogs: req.catalogs, catalogIds: req.catalog_ids, profile: '', overrides: [] }, signal);
      const result = await pool.run({ kind: 'explain', errorText: req.error_text, sql: req.sql, catalogs: prepared.catalogs, rules: prepared.rules }, { signal });
      if (result.kind !== 'explain') throw new Error(`worker answered an explanation with ${result.kind}`);
      return result.response;
    },
    (res) => ({ recognised: res.recognised, kind: res.kind }),
  );

  const ExplainCode = unary<{ code: string }, WireExplainCodeResponse>(
    'ExplainCode',
    (req) => ({ code: req.code.slice(0, 16) }),
    async (req) => explainCode(req.code),
    (res) => ({ documented: res.documented }),
  );

  function ValidateStream(call: ServerDuplexStream<WireValidateStreamRequest, object>): void {
    const requestId = requestIdOf(call.metadata);
    const log = deps.logger.child({ req_id: requestId, method: 'ValidateStream' });
    interface Doc {
      version: number;
      text: string | null;
      settings: Settings;
      /** The version being validated, and how to stop it while it still waits for a worker. */
      current: { version: number; controller: AbortController; started: boolean } | null;
    }
    const docs = new Map<string, Doc>();
    const session = new AbortController();
    let pending = 0;
    let ended = false;
    let versions = 0;
    const finishIfDone = (): void => {
      if (ended && pending === 0) {
        log.info({ versions, documents: docs.size }, 'stream done');
        call.end();
      }
    };
    const fail = (documentId: string, version: number, error: RpcError): void => {
      metrics.streamVersion('failed');
      const violations = error.details.flatMap((d) => (d.kind === 'bad-request' ? d.violations : []));
      call.write({ document_id: documentId, version, error: { code: error.code, message: error.message, field_violations: violations } });
    };

    call.on('data', (req: WireValidateStreamRequest) => {
      versions++;
      const id = req.document_id;
      let doc = docs.get(id);
      if (doc === undefined) {
        if (docs.size >= MAX_DOCUMENTS_PER_STREAM) {
          fail(id, req.version, RpcError.invalidArgument([{ field: 'document_id', description: `a session may hold at most ${MAX_DOCUMENTS_PER_STREAM} documents` }]));
          return;
        }
        doc = { version: -1, text: null, settings: { catalogs: [], catalogIds: [], profile: '', overrides: [] }, current: null };
        docs.set(id, doc);
      }
      if (req.version <= doc.version) {
        metrics.streamVersion('stale');
        return;
      }
      const text = textOf(req, doc.text);
      if (text instanceof RpcError) {
        // A version whose edits cannot be applied still supersedes the older ones: answering one of
        // them after this error would put an old answer after a newer one. The text stays the last
        // good one.
        doc.version = req.version;
        if (doc.current !== null && !doc.current.started) doc.current.controller.abort();
        fail(id, req.version, text);
        return;
      }
      doc.version = req.version;
      doc.text = text;
      doc.settings = {
        catalogs: req.catalogs.length > 0 || req.catalog_ids.length > 0 ? req.catalogs : doc.settings.catalogs,
        catalogIds: req.catalogs.length > 0 || req.catalog_ids.length > 0 ? req.catalog_ids : doc.settings.catalogIds,
        profile: req.profile !== '' ? req.profile : doc.settings.profile,
        overrides: req.rule_overrides.length > 0 ? req.rule_overrides : doc.settings.overrides,
      };
      // A superseded version still waiting for a worker is dropped from the queue. One already
      // running is left to finish (stopping it would cost a worker thread) and its answer dropped.
      if (doc.current !== null && !doc.current.started) doc.current.controller.abort();
      const controller = new AbortController();
      const current = { version: req.version, controller, started: false };
      doc.current = current;
      const stop = (): void => controller.abort();
      session.signal.addEventListener('abort', stop, { once: true });
      pending++;
      const thisDoc = doc;
      validate(text, doc.settings, controller.signal, () => (current.started = true)).then(
        (result) => {
          if (thisDoc.version !== current.version) return metrics.streamVersion('superseded');
          metrics.streamVersion('answered');
          call.write({ document_id: id, version: current.version, result });
        },
        (error: unknown) => {
          if (thisDoc.version !== current.version || session.signal.aborted) return metrics.streamVersion('superseded');
          fail(id, current.version, toRpcError(error, log));
        },
      ).finally(() => {
        session.signal.removeEventListener('abort', stop);
        if (thisDoc.current === current) thisDoc.current = null;
        pending--;
        finishIfDone();
      });
    });
    call.on('end', () => {
      ended = true;
      finishIfDone();
    });
    call.on('cancelled', () => session.abort());
    call.on('error', () => session.abort());
  }

  return { ValidateScript, ValidateStream, ListRules, RegisterCatalog, ExplainError, ExplainCode };
}

/** The text of a stream version: its full text, or the previous text with its edits applied. */
function textOf(req: WireValidateStreamRequest, previous: string | null): string | RpcError {
  if (req.content === 'sql') return req.sql ?? '';
  if (req.content === 'changes') {
    if (previous === null) return RpcError.invalidArgument([{ field: 'changes', description: 'the first version of a document must carry its full text in `sql`' }]);
    let text = previous;
    const changes = req.changes?.changes ?? [];
    for (let i = 0; i < changes.length; i++) {
      const c = changes[i]!;
      if (c.start_offset > c.end_offset || c.end_offset > text.length) {
        return RpcError.invalidArgument([{ field: `changes.changes[${i}]`, description: `range ${c.start_offset}..${c.end_offset} is outside the document (length ${text.length})` }]);
      }
      text = text.slice(0, c.start_offset) + c.text + text.slice(c.end_offset);
    }
    return text;
  }
  return RpcError.invalidArgument([{ field: 'content', description: 'set `sql` (full text) or `changes`' }]);
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
