/**
 * Child-process entry: runs one contender (or one scaling case) in a fresh process and prints one
 * line of JSON to stdout. Started by bench/run.ts; can be run by hand:
 *
 *   node dist/bench/child.js '{"mode":"cold","contender":"flinkcheck"}'
 *   node dist/bench/child.js '{"mode":"scale","contender":"dt-sql-parser","case":"select-columns-1k"}'
 *   node dist/bench/child.js '{"mode":"baseline"}'
 */
import { type ContenderId, isContenderId, loadContender } from './contenders.js';
import { loadCorpus } from './corpus.js';
import { scalingCase } from './scaling.js';
import { median } from './stats.js';

export type ChildSpec =
  | { readonly mode: 'baseline' }
  | { readonly mode: 'cold'; readonly contender: ContenderId }
  | { readonly mode: 'scale'; readonly contender: ContenderId; readonly case: string };

export interface BaselineResult {
  readonly mode: 'baseline';
  readonly maxRssKb: number;
}

export interface ColdResult {
  readonly mode: 'cold';
  readonly contender: ContenderId;
  readonly importMs: number;
  /** The first call alone (included in passMs). */
  readonly firstCallMs: number;
  /** The whole first pass over the corpus. */
  readonly passMs: number;
  readonly statements: number;
  readonly accepted: number;
  /** Calls that threw instead of returning a result. */
  readonly threw: number;
  readonly maxRssKb: number;
}

export interface ScaleResult {
  readonly mode: 'scale';
  readonly contender: ContenderId;
  readonly case: string;
  readonly bytes: number;
  /** Median of the timed runs, in milliseconds. */
  readonly ms: number;
  readonly runs: number;
  /** The first full-size run (the first warm-up run), in milliseconds. */
  readonly firstMs: number;
  readonly accepted: boolean;
  readonly errors: number;
  readonly detail: string;
  readonly maxRssKb: number;
}

/** A scaling case made the contender throw (for instance a RangeError on stack overflow). */
export interface CrashResult {
  readonly mode: 'crash';
  readonly stackOverflow: boolean;
  readonly message: string;
}

export type ChildResult = BaselineResult | ColdResult | ScaleResult | CrashResult;

/**
 * A scaling case runs at full size until warm (V8 needs several calls before the optimised code is
 * in place), then is timed. Each phase stops after this many runs or this much time, whichever comes
 * first, and always runs at least once.
 */
const SCALE_WARMUP = { maxRuns: 10, budgetMs: 2_000 };
const SCALE_TIMED = { maxRuns: 10, budgetMs: 3_000 };

function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

function maxRssKb(): number {
  return process.resourceUsage().maxRSS;
}

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}

async function cold(id: ContenderId): Promise<ColdResult> {
  const corpus = loadCorpus();
  const { contender, importMs } = await loadContender(id);
  let accepted = 0;
  let threw = 0;
  let firstCallMs = 0;
  const start = nowMs();
  corpus.statements.forEach((sql, index) => {
    try {
      if (contender.outcome(contender.run(sql)).accepted) accepted++;
    } catch {
      threw++;
    }
    if (index === 0) firstCallMs = nowMs() - start;
  });
  const passMs = nowMs() - start;
  return {
    mode: 'cold',
    contender: id,
    importMs,
    firstCallMs,
    passMs,
    statements: corpus.statements.length,
    accepted,
    threw,
    maxRssKb: maxRssKb(),
  };
}

async function scale(id: ContenderId, caseId: string): Promise<ScaleResult | CrashResult> {
  const sql = scalingCase(caseId).generate();
  const { contender } = await loadContender(id);

  let result: unknown;
  // The previous result is dropped before each run, so two results of a multi-MB input never live at
  // once. No GC is forced: a full collection shrinks the young generation and makes small inputs slower.
  const repeat = (phase: { maxRuns: number; budgetMs: number }): number[] => {
    const times: number[] = [];
    const phaseStart = nowMs();
    while (times.length === 0 || (times.length < phase.maxRuns && nowMs() - phaseStart < phase.budgetMs)) {
      result = undefined;
      const start = nowMs();
      result = contender.run(sql);
      times.push(nowMs() - start);
    }
    return times;
  };
  let warmup: number[];
  let times: number[];
  try {
    warmup = repeat(SCALE_WARMUP);
    times = repeat(SCALE_TIMED);
  } catch (error) {
    return {
      mode: 'crash',
      stackOverflow: isStackOverflow(error),
      message: error instanceof Error ? error.message : String(error),
    };
  }
  const outcome = contender.outcome(result);
  return {
    mode: 'scale',
    contender: id,
    case: caseId,
    bytes: Buffer.byteLength(sql, 'utf8'),
    ms: median(times),
    runs: times.length,
    firstMs: warmup[0]!,
    accepted: outcome.accepted,
    errors: outcome.errors,
    detail: outcome.detail,
    maxRssKb: maxRssKb(),
  };
}

function parseSpec(argument: string | undefined): ChildSpec {
  if (argument === undefined) throw new Error('usage: child.js <json spec>');
  const spec = JSON.parse(argument) as { mode?: unknown; contender?: unknown; case?: unknown };
  if (spec.mode === 'baseline') return { mode: 'baseline' };
  if (typeof spec.contender !== 'string' || !isContenderId(spec.contender)) {
    throw new Error(`bench child: unknown contender ${String(spec.contender)}`);
  }
  if (spec.mode === 'cold') return { mode: 'cold', contender: spec.contender };
  if (spec.mode === 'scale' && typeof spec.case === 'string') {
    return { mode: 'scale', contender: spec.contender, case: spec.case };
  }
  throw new Error(`bench child: bad spec ${argument}`);
}

async function main(): Promise<ChildResult> {
  // Errors of the bench itself (bad spec, missing corpus) are not caught: the child exits non-zero.
  const spec = parseSpec(process.argv[2]);
  switch (spec.mode) {
    case 'baseline':
      loadCorpus();
      return { mode: 'baseline', maxRssKb: maxRssKb() };
    case 'cold':
      return cold(spec.contender);
    case 'scale':
      return scale(spec.contender, spec.case);
  }
}

process.stdout.write(`${JSON.stringify(await main())}\n`);
