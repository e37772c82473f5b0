import { createHash } from 'node:crypto';
import { getHeapStatistics } from 'node:v8';
import { formatReport, countResults, type LintReport, type LintResult } from '../../src/cli/lint/formats/index.js';
import { renderJson } from '../../src/diagnostics/render-json.js';
import { renderText } from '../../src/diagnostics/render-text.js';
import { validateScript } from '../../src/validate.js';

/** The lint output formats every fuzz input is rendered in (besides check's text and JSON). */
const LINT_FORMATS = ['text', 'json', 'sarif', 'github', 'junit'] as const;

export type FailureKind = 'exception' | 'internal' | 'slow' | 'memory';

export interface PipelineFailure {
  readonly kind: FailureKind;
  /**
   * What identifies the bug independently of the input: the exception's message with numbers and
   * quoted text blanked, or the FSQL0001 message likewise. Shrinking keeps this fixed so that the
   * minimal input shows the same bug, not the first other one it stumbles on.
   */
  readonly signature: string;
  readonly detail: string;
}

export interface PipelineOutcome {
  readonly failure: PipelineFailure | null;
  /** Wall time. */
  readonly ms: number;
  /** CPU time of the process (this thread's work, plus the garbage collector's helper threads). */
  readonly cpuMs: number;
  /** heapUsed after minus before, without a collection in between: an upper bound of what one input allocated and kept. */
  readonly heapDeltaBytes: number;
  readonly diagnostics: number;
}

export interface Bounds {
  /**
   * CPU time per input over which it is a failure. CPU time, not wall time: a fuzz run shares its
   * machine (CI, a second shard), and waiting for a core is not the input's fault.
   */
  readonly timeMs: number;
  /** Heap growth per input over which it is a failure. */
  readonly heapBytes: number;
}

export const DEFAULT_BOUNDS: Bounds = { timeMs: 2_000, heapBytes: 512 * 1024 * 1024 };

/**
 * The whole pipeline for one input, as the CLI and the service run it: validate with the strict
 * rule profile, then render check's text and JSON and every lint format. Never throws.
 */
export function runPipeline(text: string, bounds: Bounds = DEFAULT_BOUNDS): PipelineOutcome {
  // V8's own counter: process.memoryUsage() also reads the RSS from /proc, a system call per input.
  const heapBefore = getHeapStatistics().used_heap_size;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let diagnostics = 0;
  let failure: PipelineFailure | null = null;
  try {
    const result = validateScript(text, { rules: { profile: 'strict' } });
    diagnostics = result.diagnostics.length;
    renderText(result.diagnostics, result.source, { fileName: 'fuzz.sql', color: false });
    renderText(result.diagnostics, result.source, { fileName: 'fuzz.sql', color: true });
    const unit: LintResult = { file: 'fuzz.sql', source: result.source, statements: result.statements, diagnostics: result.diagnostics };
    renderJson([unit]);
    const report: LintReport = { results: [unit], counts: countResults([unit]), toolVersion: '0.0.0-fuzz', maxWarnings: null };
    for (const format of LINT_FORMATS) formatReport(report, format, false);
    const internal = result.diagnostics.find((d) => d.code === 'FSQL0001');
    if (internal !== undefined) {
      failure = { kind: 'internal', signature: `internal: ${normalize(internal.message)}`, detail: internal.message };
    }
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const frame = error instanceof Error ? firstOwnFrame(error.stack ?? '') : '';
    failure = { kind: 'exception', signature: `exception: ${normalize(message)}${frame ? ` @ ${frame}` : ''}`, detail: error instanceof Error ? (error.stack ?? message) : message };
  }
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const heapDeltaBytes = getHeapStatistics().used_heap_size - heapBefore;
  if (failure === null && cpuMs > bounds.timeMs) {
    failure = { kind: 'slow', signature: 'slow', detail: `${cpuMs.toFixed(0)} ms of CPU time, ${ms.toFixed(0)} ms wall (bound ${bounds.timeMs} ms of CPU time)` };
  }
  if (failure === null && heapDeltaBytes > bounds.heapBytes) {
    failure = { kind: 'memory', signature: 'memory', detail: `heap grew by ${(heapDeltaBytes / 2 ** 20).toFixed(0)} MiB (bound ${(bounds.heapBytes / 2 ** 20).toFixed(0)} MiB)` };
  }
  return { failure, ms, cpuMs, heapDeltaBytes, diagnostics };
}

/** Blanks the parts of a message that depend on the input (names, numbers, quoted text). */
export function normalize(message: string): string {
  return message
    .replace(/`[^`]*`/g, '`_`')
    .replace(/'[^']*'/g, "'_'")
    .replace(/"[^"]*"/g, '"_"')
    .replace(/\d+/g, 'N')
    .slice(0, 300);
}

/** The first stack frame inside flinkcheck's own code, without line numbers' volatility removed (files are stable). */
function firstOwnFrame(stack: string): string {
  for (const line of stack.split('\n').slice(1)) {
    const match = /\/(src|rules)\/([^:)]+):(\d+)/.exec(line);
    if (match) return `${match[1]}/${match[2]}`;
  }
  return '';
}

/** A short, stable name for a failure's signature (file names of regression cases). */
export function signatureId(signature: string): string {
  return createHash('sha256').update(signature).digest('hex').slice(0, 12);
}
