/**
 * `npm run bench`: compares flinkcheck's parser with dt-sql-parser and node-sql-parser on the Flink
 * corpus, then on synthetic inputs that grow in width and depth. Prints a Markdown report to
 * stdout; progress goes to stderr. See bench/README.md.
 */
import { spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Codes } from '../src/diagnostics/codes.js';
import type { ChildResult, ChildSpec, ColdResult, ScaleResult } from './child.js';
import {
  CONTENDER_IDS,
  type Contender,
  type ContenderId,
  ensureDtBundle,
  loadContender,
} from './contenders.js';
import { type Corpus, loadCorpus } from './corpus.js';
import { SCALING_CASES, type ScalingCase, growthPairs } from './scaling.js';
import { perStatementMedians, type Summary, summarize } from './stats.js';
import { lintReport, measureLintBatch } from './lint.js';
import { measureValidation, validationReport } from './validation.js';

const WARMUP_PASSES = 2;
const TIMED_PASSES = 3;
/** Bound for one scaling case in its child process. */
const SCALE_TIMEOUT_MS = 20_000;
/** Bound for a cold pass over the whole corpus in its child process. */
const COLD_TIMEOUT_MS = 180_000;
/** A "nesting too deep" refusal should take less than this. */
const DEEP_REFUSAL_BUDGET_MS = 100;
/** Above this time(10×)/time(1×) ratio, growth is reported as superlinear (10 is linear). */
const LINEAR_RATIO_LIMIT = 15;
const SPEEDUP_TARGET = 4;

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

const gc: () => void = (globalThis as { gc?: () => void }).gc ?? (() => {});

// --- child processes --------------------------------------------------------------------------

/** `wallMs`: the child's whole life, from spawn to exit. */
type ChildRun = (
  | { readonly kind: 'ok'; readonly result: ChildResult }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'failed'; readonly stackOverflow: boolean; readonly reason: string }
) & { readonly wallMs: number };

const CHILD_SCRIPT = fileURLToPath(new URL('./child.js', import.meta.url));

function runChild(spec: ChildSpec, timeoutMs: number): Promise<ChildRun> {
  const started = nowMs();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CHILD_SCRIPT, JSON.stringify(spec)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-8_192);
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallMs = nowMs() - started;
      if (timedOut) return resolve({ kind: 'timeout', wallMs });
      const lastLine = stdout.trim().split('\n').pop() ?? '';
      if (code === 0 && lastLine.startsWith('{')) {
        return resolve({ kind: 'ok', result: JSON.parse(lastLine) as ChildResult, wallMs });
      }
      const stackOverflow = /Maximum call stack size exceeded/.test(stderr);
      const firstError = stderr.split('\n').find((line) => /Error/.test(line)) ?? stderr.trim().split('\n').pop();
      resolve({
        kind: 'failed',
        stackOverflow,
        reason: signal !== null ? `signal ${signal}` : `exit ${code}: ${firstError ?? ''}`.trim(),
        wallMs,
      });
    });
  });
}

// --- corpus: cold and warm --------------------------------------------------------------------

interface WarmResult {
  readonly id: ContenderId;
  readonly contender: Contender;
  /** Over all timed calls. */
  readonly summary: Summary;
  /** Over each statement's median of the timed passes. */
  readonly typical: Summary;
  readonly accepted: number;
  readonly threw: number;
}

/** One pass; per-statement times go to `samples` from `offset` when given. */
function runPass(contender: Contender, statements: readonly string[], samples?: Float64Array, offset = 0) {
  let accepted = 0;
  let threw = 0;
  for (let i = 0; i < statements.length; i++) {
    const sql = statements[i]!;
    const start = process.hrtime.bigint();
    let result: unknown;
    let failed = false;
    try {
      result = contender.run(sql);
    } catch {
      failed = true;
    }
    const end = process.hrtime.bigint();
    if (samples !== undefined) samples[offset + i] = Number(end - start);
    if (failed) threw++;
    else if (contender.outcome(result).accepted) accepted++;
  }
  return { accepted, threw };
}

/** `ids` rotated by `k`, so that no contender always runs first (or right after another). */
function rotate<T>(ids: readonly T[], k: number): T[] {
  const shift = k % ids.length;
  return [...ids.slice(shift), ...ids.slice(0, shift)];
}

async function measureWarm(corpus: Corpus): Promise<WarmResult[]> {
  const contenders = new Map<ContenderId, Contender>();
  for (const id of CONTENDER_IDS) contenders.set(id, (await loadContender(id)).contender);
  const n = corpus.statements.length;
  const samples = new Map(CONTENDER_IDS.map((id) => [id, new Float64Array(n * TIMED_PASSES)]));
  const counts = new Map<ContenderId, { accepted: number; threw: number }>();

  for (let pass = 0; pass < WARMUP_PASSES; pass++) {
    for (const id of rotate(CONTENDER_IDS, pass)) {
      log(`warm-up pass ${pass + 1}/${WARMUP_PASSES}: ${id}`);
      runPass(contenders.get(id)!, corpus.statements);
    }
  }
  for (let pass = 0; pass < TIMED_PASSES; pass++) {
    for (const id of rotate(CONTENDER_IDS, pass)) {
      log(`timed pass ${pass + 1}/${TIMED_PASSES}: ${id}`);
      gc();
      counts.set(id, runPass(contenders.get(id)!, corpus.statements, samples.get(id)!, pass * n));
    }
  }
  return CONTENDER_IDS.map((id) => ({
    id,
    contender: contenders.get(id)!,
    summary: summarize(samples.get(id)!),
    typical: summarize(perStatementMedians(samples.get(id)!, n, TIMED_PASSES)),
    ...counts.get(id)!,
  }));
}

// --- scaling ----------------------------------------------------------------------------------

const SCALING_CONTENDERS = ['flinkcheck', 'dt-sql-parser'] as const;
type ScalingContender = (typeof SCALING_CONTENDERS)[number];

type ScaleCell =
  | { readonly kind: 'ok'; readonly result: ScaleResult }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'crash'; readonly stackOverflow: boolean; readonly reason: string; readonly afterMs: number }
  | { readonly kind: 'skipped'; readonly reason: string };

interface ScaleRow {
  readonly definition: ScalingCase;
  readonly bytes: number;
  readonly cells: Record<ScalingContender, ScaleCell>;
}

function toScaleCell(run: ChildRun): ScaleCell {
  if (run.kind === 'timeout') return { kind: 'timeout' };
  const afterMs = run.wallMs;
  if (run.kind === 'failed') {
    return { kind: 'crash', stackOverflow: run.stackOverflow, reason: run.reason, afterMs };
  }
  if (run.result.mode === 'crash') {
    return { kind: 'crash', stackOverflow: run.result.stackOverflow, reason: run.result.message, afterMs };
  }
  if (run.result.mode !== 'scale') {
    return { kind: 'crash', stackOverflow: false, reason: 'unexpected result', afterMs };
  }
  return { kind: 'ok', result: run.result };
}

async function measureScaling(): Promise<ScaleRow[]> {
  const rows: ScaleRow[] = [];
  /** Families in which a contender timed out: its larger sizes are skipped. */
  const timedOut = new Set<string>();
  for (const definition of SCALING_CASES) {
    const cells = {} as Record<ScalingContender, ScaleCell>;
    for (const id of SCALING_CONTENDERS) {
      const key = `${id}/${definition.family}`;
      if (timedOut.has(key)) {
        cells[id] = { kind: 'skipped', reason: 'smaller size timed out' };
        continue;
      }
      log(`scaling ${definition.family} ${definition.size}: ${id}`);
      const spec: ChildSpec = { mode: 'scale', contender: id, case: definition.id };
      cells[id] = toScaleCell(await runChild(spec, SCALE_TIMEOUT_MS));
      if (cells[id].kind === 'timeout') timedOut.add(key);
    }
    rows.push({ definition, bytes: Buffer.byteLength(definition.generate(), 'utf8'), cells });
  }
  return rows;
}

// --- formatting -------------------------------------------------------------------------------

function fixed(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
}

/** Thousands separators, no decimals. */
function whole(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a';
}

function micros(ns: number): string {
  return ns < 1e5 ? fixed(ns / 1e3, 1) : whole(ns / 1e3);
}

function millis(ms: number): string {
  if (ms < 10) return fixed(ms, 2);
  if (ms < 100) return fixed(ms, 1);
  return whole(ms);
}

function megabytes(kb: number): string {
  return fixed(kb / 1024, 0);
}

function cellText(text: string, max = 70): string {
  const escaped = text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();
  return escaped.length > max ? `${escaped.slice(0, max - 1)}…` : escaped;
}

function table(header: readonly string[], align: string, rows: readonly (readonly string[])[]): string {
  const rule = align.split('').map((a) => (a === 'r' ? '---:' : ':---'));
  const lines = [`| ${header.join(' | ')} |`, `|${rule.join('|')}|`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}

function describeCold(run: ChildRun | undefined): { pass: string; importMs: string; first: string; rss: string } {
  if (run === undefined || run.kind !== 'ok' || run.result.mode !== 'cold') {
    let why = 'failed';
    if (run === undefined) why = 'not run';
    else if (run.kind === 'timeout') why = 'timeout';
    else if (run.kind === 'failed') why = `failed (${run.reason})`;
    return { pass: cellText(why, 40), importMs: '–', first: '–', rss: '–' };
  }
  const cold: ColdResult = run.result;
  return {
    pass: millis(cold.passMs),
    importMs: millis(cold.importMs),
    first: millis(cold.firstCallMs),
    rss: megabytes(cold.maxRssKb),
  };
}

function corpusReport(
  corpus: Corpus,
  warm: readonly WarmResult[],
  cold: ReadonlyMap<ContenderId, ChildRun>,
  baseline: ChildRun,
): string {
  const mb = corpus.bytes / 1e6;
  const rows = warm.map((w) => {
    const seconds = w.summary.totalNs / 1e9;
    const c = describeCold(cold.get(w.id));
    const threw = w.threw > 0 ? ` (${w.threw} threw)` : '';
    return [
      `**${w.id}** ${w.contender.version}`,
      `${whole(w.accepted)} / ${whole(corpus.statements.length)}${threw}`,
      micros(w.summary.p50Ns),
      micros(w.summary.p95Ns),
      micros(w.summary.p99Ns),
      whole(w.summary.count / seconds),
      fixed((mb * TIMED_PASSES) / seconds, 2),
      c.pass,
      c.first,
      c.importMs,
      c.rss,
    ];
  });
  const header = [
    'contender',
    'accepted',
    'p50 µs',
    'p95 µs',
    'p99 µs',
    'stmts/s',
    'MB/s',
    'cold pass ms',
    'cold 1st call ms',
    'import ms',
    'peak RSS MB',
  ];
  const out = [table(header, 'lrrrrrrrrrr', rows), ''];
  out.push(`Calls: ${warm.map((w) => `${w.id}: \`${w.contender.call}\``).join('; ')}.`);
  const ok = baseline.kind === 'ok' && baseline.result.mode === 'baseline';
  const base = ok ? `${megabytes(baseline.result.maxRssKb)} MB` : 'n/a';
  out.push(`Peak RSS baseline (Node + corpus loaded, no parser): ${base}.`);

  const fc = warm.find((w) => w.id === 'flinkcheck')!;
  const dt = warm.find((w) => w.id === 'dt-sql-parser')!;
  const verdict = (x: number) => `${fixed(x, 2)}× (${x >= SPEEDUP_TARGET ? 'met' : 'NOT met'})`;
  const speedup = (pick: (w: WarmResult) => Summary) =>
    `p50 ${verdict(pick(dt).p50Ns / pick(fc).p50Ns)}, p99 ${verdict(pick(dt).p99Ns / pick(fc).p99Ns)}`;
  const typical = (w: WarmResult) =>
    `${w.id} p50 ${micros(w.typical.p50Ns)} µs, p99 ${micros(w.typical.p99Ns)} µs`;
  out.push('');
  out.push(
    `**Speed-up flinkcheck vs dt-sql-parser** (target ≥${SPEEDUP_TARGET}×): ${speedup((w) => w.summary)} ` +
      'over all timed calls (the table).',
  );
  out.push(
    `Per-statement medians of the ${TIMED_PASSES} timed passes (one-off GC pauses and preemption filtered ` +
      `out): ${speedup((w) => w.typical)}; ${warm.map(typical).join('; ')}.`,
  );
  return out.join('\n');
}

function scaleCellTime(cell: ScaleCell): string {
  switch (cell.kind) {
    case 'ok':
      return millis(cell.result.ms);
    case 'timeout':
      return `timeout (>${SCALE_TIMEOUT_MS / 1e3} s)`;
    case 'crash': {
      const after = `after ${fixed(cell.afterMs / 1e3, 1)} s`;
      const what = cell.stackOverflow ? 'stack overflow' : cellText(cell.reason, 40);
      return `crash (${what}) ${after}`;
    }
    case 'skipped':
      return `skipped (${cell.reason})`;
  }
}

function scaleCellPerMb(cell: ScaleCell): string {
  return cell.kind === 'ok' ? millis(cell.result.ms / (cell.result.bytes / 1e6)) : '–';
}

function scaleCellResult(cell: ScaleCell): string {
  if (cell.kind !== 'ok') return '–';
  const r = cell.result;
  if (r.accepted) return 'no diagnostics';
  const plural = r.errors === 1 ? 'error' : 'errors';
  return cellText(`${r.errors} ${plural}: ${r.detail}`, 60);
}

function scalingReport(rows: ScaleRow[]): string {
  const header = ['input', 'size', 'KB'];
  for (const id of SCALING_CONTENDERS) header.push(`${id} ms`, 'ms/MB', 'diagnostics', 'RSS MB');
  const body = rows.map((row) => {
    const cells = [row.definition.family, row.definition.size, fixed(row.bytes / 1e3, 1)];
    for (const id of SCALING_CONTENDERS) {
      const cell = row.cells[id];
      cells.push(
        scaleCellTime(cell),
        scaleCellPerMb(cell),
        scaleCellResult(cell),
        cell.kind === 'ok' ? megabytes(cell.result.maxRssKb) : '–',
      );
    }
    return cells;
  });
  const out = [table(header, 'llr' + 'rrlr'.repeat(SCALING_CONTENDERS.length), body), ''];

  // Linear growth: time(10×) / time(1×) within a family.
  const growth = growthPairs().map(({ family, small, large }) => {
    const find = (c: ScalingCase) => rows.find((r) => r.definition.id === c.id)!;
    const cells = [family, `${small.size} → ${large.size}`];
    for (const id of SCALING_CONTENDERS) {
      const a = find(small).cells[id];
      const b = find(large).cells[id];
      if (a.kind === 'ok' && b.kind === 'ok') {
        const ratio = b.result.ms / a.result.ms;
        cells.push(`${fixed(ratio, 1)} (${ratio <= LINEAR_RATIO_LIMIT ? 'linear' : 'superlinear'})`);
      } else {
        cells.push('–');
      }
    }
    return cells;
  });
  out.push(table(['family', 'sizes', ...SCALING_CONTENDERS.map((id) => `${id} t(10×)/t(1×)`)], 'llrr', growth));

  // Deep nesting: flinkcheck should refuse it quickly with "nesting too deep".
  const code = Codes.nestingTooDeep.code;
  const deep = rows.filter((r) => r.definition.deep).map((r) => {
    const cell = r.cells.flinkcheck;
    const refused = cell.kind === 'ok' && cell.result.detail.split(', ').includes(code);
    const fast = cell.kind === 'ok' && cell.result.ms < DEEP_REFUSAL_BUDGET_MS;
    const times =
      cell.kind === 'ok' ? ` (${millis(cell.result.ms)} ms; first run ${millis(cell.result.firstMs)} ms)` : '';
    const budget = `${fast ? '' : 'not '}<${DEEP_REFUSAL_BUDGET_MS} ms${times}`;
    const mark = refused && fast ? '✓' : '✗';
    return `${r.definition.family} ${r.definition.size}: ${refused ? code : `no ${code}`}, ${budget} ${mark}`;
  });
  out.push('');
  const expectation = `expect ${code} "${Codes.nestingTooDeep.title}" in <${DEEP_REFUSAL_BUDGET_MS} ms`;
  out.push(`**Deep nesting (flinkcheck, ${expectation}):** ${deep.join('; ')}.`);
  return out.join('\n');
}

// --- main -------------------------------------------------------------------------------------

/** The 1-minute load average: above ~0 before the bench, other processes share the cores. */
function load(): string {
  return fixed(loadavg()[0] ?? Number.NaN, 2);
}

async function main(): Promise<void> {
  const started = nowMs();
  const loadBefore = load();
  const corpus = loadCorpus();
  log(`corpus ${corpus.path}: ${corpus.statements.length} statements`);
  await ensureDtBundle();

  log('cold passes (one child process each)');
  const baseline = await runChild({ mode: 'baseline' }, COLD_TIMEOUT_MS);
  const cold = new Map<ContenderId, ChildRun>();
  for (const id of CONTENDER_IDS) {
    log(`cold pass: ${id}`);
    cold.set(id, await runChild({ mode: 'cold', contender: id }, COLD_TIMEOUT_MS));
  }

  const warm = await measureWarm(corpus);
  log('validation next to parse-only');
  const validation = measureValidation(corpus.statements);
  const scaling = await measureScaling();
  log('lint batch: 1 vs 2 worker threads');
  const lintBatch = await measureLintBatch(log);

  const loadAfter = load();
  const cpu = cpus();
  const report = [
    '# flinkcheck parser benchmark',
    '',
    `- Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ` +
      `${new Date().toISOString()}; 1-min load average ${loadBefore} before, ${loadAfter} after ` +
      '(the bench itself keeps one core busy; more means other processes competed for the CPU)',
    `- Corpus: \`${corpus.path}\`: ${whole(corpus.statements.length)} statements ` +
      `(${corpus.fragments} fragments skipped), ${fixed(corpus.bytes / 1e3, 1)} KB`,
    `- Warm: ${WARMUP_PASSES} warm-up + ${TIMED_PASSES} timed passes in one process, contender order rotated ` +
      'per pass; percentiles over all timed per-statement calls. Cold: the first pass in a fresh child ' +
      'process per contender.',
    '',
    '## Corpus',
    '',
    corpusReport(corpus, warm, cold, baseline),
    '',
    '## Full validation vs parse-only',
    '',
    `${WARMUP_PASSES_NOTE} Full validation = parse + semantic analysis (\`validateScript\`); parse-only = \`parseScript\`.`,
    '',
    validationReport(validation),
    '',
    '## Scaling',
    '',
    `Each case in its own child process (timeout ${SCALE_TIMEOUT_MS / 1e3} s). Time is the median of up to 10 ` +
      'runs (at most 3 s) after up to 10 warm-up runs (at most 2 s) on the same input; the previous result is ' +
      'dropped before each run. MB = 10⁶ bytes.',
    '',
    scalingReport(scaling),
    '',
    '## Lint batch (`flinkcheck lint`, worker threads)',
    '',
    lintReport(lintBatch),
    '',
    `Total bench time: ${fixed((nowMs() - started) / 1e3, 0)} s.`,
    '',
  ];
  process.stdout.write(report.join('\n'));
}

const WARMUP_PASSES_NOTE = 'In this process after the corpus runs: 2 warm-up + 5 timed passes, alternating order.';

await main();
