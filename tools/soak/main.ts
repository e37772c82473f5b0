import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_OPTIONS, runSoak, type SoakOptions, type SoakReport } from './soak.js';

/**
 * `npm run soak -- [--duration-s 600] [--concurrency 64] [--kill-every-ms 2000] [--workers 2]
 * [--report FILE] ...` (README.md lists every flag). Markdown report on stdout, progress on stderr,
 * the full report as JSON in --report FILE. Exit status 1 when the soak failed.
 */

const FLAGS: Record<string, keyof SoakOptions> = {
  '--duration-s': 'durationS',
  '--concurrency': 'concurrency',
  '--kill-every-ms': 'killEveryMs',
  '--crash-every-ms': 'crashEveryMs',
  '--spin-every-ms': 'spinEveryMs',
  '--workers': 'workers',
  '--max-queue': 'maxQueue',
  '--cpu-budget-ms': 'cpuBudgetMs',
  '--max-sql-bytes': 'maxSqlBytes',
  '--warmup-s': 'warmupS',
  '--settle-s': 'settleS',
  '--deadline-ms': 'deadlineMs',
  '--rss-factor': 'rssFactor',
  '--rss-slack-mb': 'rssSlackMb',
  '--seed': 'seed',
};

function parseArgs(argv: readonly string[]): { options: Partial<SoakOptions>; report: string | null } {
  const options: Record<string, unknown> = {};
  let report: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--report') report = resolve(value);
    else if (flag === '--corpus') options['corpusDir'] = resolve(value);
    else if (flag in FLAGS) {
      const n = Number(value);
      if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} needs a non-negative number, got '${value}'`);
      options[FLAGS[flag]!] = n;
    } else throw new Error(`unknown flag ${flag}; flags: ${[...Object.keys(FLAGS), '--corpus', '--report'].join(' ')}`);
  }
  return { options: options as Partial<SoakOptions>, report };
}

function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function codesText(codes: Record<string, number>): string {
  return Object.entries(codes).sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ');
}

function heaps(h: SoakReport['heapsAfterGc']['baseline']): string {
  return h === null ? 'not reported' : `main thread ${h.mainMb} MB, workers ${h.workersMb.map((w) => `${w} MB`).join(' and ')}`;
}

export function markdown(r: SoakReport): string {
  const o = r.options;
  const every = 30;
  const coarse = r.rss.series.filter((s, i) => i === 0 || i === r.rss.series.length - 1 || Math.floor(s.t / every) !== Math.floor(r.rss.series[i - 1]!.t / every));
  return [
    `# Service soak: ${r.pass ? 'PASS' : 'FAIL'}`,
    '',
    ...(r.pass ? [] : ['Reasons:', ...r.reasons.map((x) => `- ${x}`), '']),
    `${o.durationS} s of load (${o.warmupS} s warm-up included; ${r.loadSeconds} s after it) at concurrency ${o.concurrency} against ${o.workers} workers ` +
      `(max queue ${o.maxQueue}, CPU budget ${o.cpuBudgetMs} ms, max script ${o.maxSqlBytes} bytes); a worker killed every ~${o.killEveryMs} ms, ` +
      `a crash request every ~${o.crashEveryMs} ms, a spin request every ~${o.spinEveryMs} ms; seed ${o.seed}. ` +
      `Load average before ${r.loadAverage.before.join(' ')}, after ${r.loadAverage.after.join(' ')}. ` +
      `Corpus: ${r.corpus.valid} valid and ${r.corpus.invalid} invalid scripts.`,
    '',
    '## Requests',
    '',
    `Sent ${r.requests.sent}, answered ${r.requests.answered}, lost ${r.requests.lost}, answered twice ${r.requests.duplicates}; ${r.requests.perSecond} requests/s after the warm-up. ` +
      `Stream sessions count as one request each.`,
    '',
    `Answers by gRPC status: ${codesText(r.codes)}.`,
    '',
    table(['class', 'sent', 'answered', 'statuses', 'unexpected', 'p50 ms', 'p99 ms', 'max ms'],
      Object.entries(r.byClass).map(([cls, s]) => [cls, s.sent, s.answered, codesText(s.codes), s.unexpected, s.p50Ms, s.p99Ms, s.maxMs])),
    '',
    `Innocent requests failed with WORKER_FAILED (their worker killed twice): ${r.innocentWorkerFailures}.`,
    ...(r.unexpectedSamples.length > 0 ? ['', 'Unexpected answers (first ones):', ...r.unexpectedSamples.map((x) => `- ${x}`)] : []),
    '',
    `Streams: ${r.stream.sessions} sessions, ${r.stream.versionsSent} versions sent, ${r.stream.versionsAnswered} answered ` +
      `(the others were superseded or their session cancelled); version errors: ${codesText(r.stream.versionErrors) || 'none'}; ` +
      `documents without an answer for their last version: ${r.stream.missingFinalAnswers}; answers out of order or for versions not sent: ${r.stream.badAnswers}.`,
    '',
    `Diagnostic codes seen (top 15): ${r.diagnostics.slice(0, 15).map(([c, n]) => `${c} ${n}`).join(', ')}.`,
    '',
    '## Workers',
    '',
    `Kill signals sent ${r.workers.killSignals}, workers killed by them ${r.workers.killsLanded} (a signal finds no running task at times). ` +
      `Server metrics: worker restarts ${r.workers.restarts}, worker deaths under a task ${r.workers.deaths}, tasks retried ${r.workers.retries}; ` +
      `pool failures ${codesText(r.workers.poolFailures)}. Restarts also count workers stopped for their CPU budget or a cancelled call.`,
    '',
    `Server error log lines: ${codesText(r.serverErrors) || 'none'}.`,
    '',
    '## Memory (server RSS)',
    '',
    `Baseline ${r.rss.baselineMb} MB (after the warm-up, ${o.settleS} s idle and a garbage collection in every server thread), ` +
      `peak ${r.rss.peakMb} MB, final ${r.rss.finalMb} MB (after the load, the same idle time and collection); ` +
      `bound ${r.rss.boundMb} MB = baseline x ${o.rssFactor} + ${o.rssSlackMb} MB.`,
    '',
    `V8 heaps in use after those collections: at the baseline ${heaps(r.heapsAfterGc.baseline)}; at the end ${heaps(r.heapsAfterGc.final)}.`,
    '',
    table(['t (s)', 'phase', 'RSS (MB)'], coarse.map((s) => [s.t, s.phase, s.mb])),
    '',
    '## After the load',
    '',
    `Health: ${r.health.status}. Probe (ValidateScript): ${r.health.probe}. Exit code after SIGTERM: ${r.health.exitCode}.`,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const { options, report } = parseArgs(process.argv.slice(2));
  const concurrency = options.concurrency ?? DEFAULT_OPTIONS.concurrency;
  const result = await runSoak({
    maxQueue: Math.max(2, Math.floor((concurrency * 3) / 4)),
    seed: Date.now() % 2 ** 31,
    ...options,
    log: (line) => process.stderr.write(`soak: ${line}\n`),
  });
  process.stdout.write(markdown(result));
  if (report !== null) writeFileSync(report, `${JSON.stringify(result, null, 2)}\n`);
  process.exitCode = result.pass ? 0 : 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`soak: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(2);
});
