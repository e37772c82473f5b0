import { describe, expect, it } from 'vitest';
import { runSoak } from '../../tools/soak/soak.js';

// A short run of the service soak (tools/soak; `npm run soak` runs the long one): the compiled
// server (dist/, as test/server/harness.ts uses it) under valid, invalid and hostile requests at
// concurrency 16 while a worker is killed about every second.

describe('service soak (short)', () => {
  it('answers every request exactly once with an expected status while workers are killed, then serves and stops cleanly', async () => {
    const report = await runSoak({
      durationS: 13, warmupS: 3, settleS: 1, concurrency: 16, killEveryMs: 1_000, crashEveryMs: 2_500, spinEveryMs: 6_000,
      workers: 2, maxQueue: 12, cpuBudgetMs: 1_500, seed: 8,
    });
    const summary = JSON.stringify({ requests: report.requests, samples: report.unexpectedSamples, workers: report.workers, stream: report.stream, health: report.health });
    expect(report.requests.sent, summary).toBeGreaterThan(300);
    expect(report.requests.lost, summary).toBe(0);
    expect(report.requests.duplicates, summary).toBe(0);
    expect(report.requests.answered, summary).toBe(report.requests.sent);
    // Each class ended only with OK or the statuses it may (see CLASSES): INVALID_ARGUMENT for
    // oversize scripts, RESOURCE_EXHAUSTED for a full queue or the budget, CANCELLED and
    // DEADLINE_EXCEEDED only where the client cancelled or set a short deadline, INTERNAL for crash
    // requests (and undecodable messages, as grpc-js answers them).
    for (const [cls, s] of Object.entries(report.byClass)) expect(s.unexpected, `${cls}: ${summary}`).toBe(0);
    expect(report.byClass['oversize']?.codes, summary).toEqual({ INVALID_ARGUMENT: report.byClass['oversize']!.sent });
    // An innocent request fails only when its worker is killed under it twice (once is retried).
    expect(report.innocentWorkerFailures * 2, summary).toBeLessThanOrEqual(report.workers.killsLanded);
    expect(report.workers.killsLanded, summary).toBeGreaterThan(0);
    expect(report.workers.retries, summary).toBeGreaterThan(0);
    expect(report.workers.restarts, summary).toBeGreaterThanOrEqual(report.workers.killsLanded);
    expect(report.stream.missingFinalAnswers, summary).toBe(0);
    expect(report.stream.badAnswers, summary).toBe(0);
    expect(report.health, summary).toEqual({ status: 'SERVING', probe: 'ok', exitCode: 0, exitedEarly: false });
    expect(report.rss.series.length).toBeGreaterThan(10);
    expect(report.rss.baselineMb).toBeGreaterThan(0);
  }, 90_000);
});
