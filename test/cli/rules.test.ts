import { afterAll, describe, expect, it } from 'vitest';
import { removeTempTrees, runCli, tempTree } from './helpers.js';

afterAll(removeTempTrees);

const CLICKS = "CREATE TABLE clicks (user_id STRING, ts TIMESTAMP(3)) WITH ('connector' = 'kafka', 'topic' = 'clicks', 'properties.bootstrap.servers' = 'kafka:9092', 'format' = 'json');";
const JOB = `${CLICKS}
CREATE TABLE totals (user_id STRING, n BIGINT, PRIMARY KEY (user_id) NOT ENFORCED)
  WITH ('connector' = 'upsert-kafka', 'topic' = 'totals', 'properties.bootstrap.servers' = 'kafka:9092', 'key.format' = 'json', 'value.format' = 'json');
INSERT INTO totals SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id;
`;

describe('flinkcheck check with rules', () => {
  it('runs the recommended profile by default', async () => {
    const dir = await tempTree({ 'job.sql': JOB });
    const r = await runCli(['check', 'job.sql'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('warning[FSQL9003]: ');
    expect(r.stdout).not.toContain('error[');
  });

  it('leaves a problem the analysis reports to the analysis', async () => {
    // The same aggregation into an append-only kafka topic: the analysis' FSQL4001, not the rule FSQL9005 as well.
    const append = `${CLICKS}
CREATE TABLE totals (user_id STRING, n BIGINT) WITH ('connector' = 'kafka', 'topic' = 'totals', 'properties.bootstrap.servers' = 'kafka:9092', 'format' = 'json');
INSERT INTO totals SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id;
`;
    const dir = await tempTree({ 'job.sql': append });
    const r = await runCli(['check', 'job.sql'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error[FSQL4001]: ');
    expect(r.stdout).not.toContain('FSQL9005');
  });

  it('--rule turns rules off or changes their level, by code or name', async () => {
    const dir = await tempTree({ 'job.sql': JOB });
    const raised = await runCli(['check', '--rule', 'FSQL9003=error', 'job.sql'], { cwd: dir });
    expect(raised.code).toBe(1);
    expect(raised.stdout).toContain('error[FSQL9003]');
    const off = await runCli(['check', '--rule', 'unbounded-group-aggregation=off', 'job.sql'], { cwd: dir });
    expect(off.code).toBe(0);
    expect(off.stdout).not.toContain('FSQL9003');
  });

  it('--profile chooses a profile', async () => {
    const dir = await tempTree({ 'job.sql': JOB });
    const strict = await runCli(['check', '--profile', 'strict', '-f', 'json', 'job.sql'], { cwd: dir });
    const codes = (JSON.parse(strict.stdout) as { files: { diagnostics: { code: string; severity: string }[] }[] }).files[0]!.diagnostics.map((d) => `${d.code}:${d.severity}`);
    expect(codes).toContain('FSQL9003:error');
    expect(codes).toContain('FSQL9024:error');
  });

  it('reports bad settings as usage errors', async () => {
    const dir = await tempTree({ 'job.sql': JOB });
    const r = await runCli(['check', '--profile', 'lenient', 'job.sql'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('flinkcheck: unknown profile `lenient`; the profiles are: recommended, strict, conservative, permissive');
    const r2 = await runCli(['check', '--rule', 'FSQL9005', 'job.sql'], { cwd: dir });
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain('RULE=off|info|warn|error');
    const r3 = await runCli(['check', '--rule', 'no-such-rule=off', 'job.sql'], { cwd: dir });
    expect(r3.stderr).toContain('unknown rule `no-such-rule`');
  });
});

describe('flinkcheck rules', () => {
  it('lists every rule with its severity in the profile', async () => {
    const dir = await tempTree({});
    const r = await runCli(['rules'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^FSQL9001 {2}unsupported-construct +off +platform +Statement, construct/m);
    expect(r.stdout).toMatch(/^FSQL9005 {2}updating-result-into-append-only-sink +error +changelog/m);
    expect(r.stdout).toMatch(/\n\d+ rules, \d+ enabled in profile `recommended`: /);
    const conservative = await runCli(['rules', '--profile', 'conservative'], { cwd: dir });
    expect(conservative.stdout).toMatch(/^FSQL9001 {2}unsupported-construct +error/m);
  });

  it('prints the catalogue as JSON', async () => {
    const dir = await tempTree({});
    const r = await runCli(['rules', '--format', 'json'], { cwd: dir });
    const out = JSON.parse(r.stdout) as { profiles: { name: string }[]; rules: { code: string; name: string; examples: { bad: string[] }; profiles: Record<string, string> }[] };
    expect(out.profiles.map((p) => p.name)).toEqual(['recommended', 'strict', 'conservative', 'permissive']);
    expect(out.rules.find((x) => x.name === 'user-jar')?.profiles).toEqual({ recommended: 'off', strict: 'error', conservative: 'error', permissive: 'off' });
    expect(out.rules.every((x) => x.examples.bad.length > 0)).toBe(true);
  });

  it('has help and rejects arguments', async () => {
    const dir = await tempTree({});
    expect((await runCli(['help', 'rules'], { cwd: dir })).stdout).toContain('Usage: flinkcheck rules [options]');
    expect((await runCli(['rules', 'x'], { cwd: dir })).code).toBe(2);
  });
});
