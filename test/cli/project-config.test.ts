import { afterAll, describe, expect, it } from 'vitest';
import { removeTempTrees, runCli, tempTree } from './helpers.js';

afterAll(removeTempTrees);

const JOB = `CREATE TABLE clicks (user_id STRING, ts TIMESTAMP(3)) WITH ('connector' = 'kafka', 'topic' = 'clicks', 'properties.bootstrap.servers' = 'kafka:9092', 'format' = 'json');
CREATE TABLE totals (user_id STRING, n BIGINT, PRIMARY KEY (user_id) NOT ENFORCED)
  WITH ('connector' = 'upsert-kafka', 'topic' = 'totals', 'properties.bootstrap.servers' = 'kafka:9092', 'key.format' = 'json', 'value.format' = 'json');
INSERT INTO totals SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id;
`;

/** A custom rule as a trusted project would write it: no user named `root` in a WHERE. */
const CUSTOM_RULE = `export default {
  meta: { code: 'ACME0001', name: 'no-root-user', category: 'query', severity: 'error', description: 'Query about the root user',
    rationale: 'r', examples: { bad: [], good: [] }, options: {} },
  create(context) {
    return {
      Literal(node) {
        if (node.type === 'STRING' && node.value === 'root') context.report({ node, message: 'queries must not single out \`root\`' });
      },
    };
  },
};
`;

describe('flinkcheck.yaml', () => {
  it('is found in the working directory and sets the profile and rules; flags win over it', async () => {
    const dir = await tempTree({ 'job.sql': JOB, 'flinkcheck.yaml': 'profile: strict\nrules:\n  FSQL9003: warn\n  unbounded-state: off\n' });
    const r = await runCli(['check', '-f', 'json', 'job.sql'], { cwd: dir });
    const codes = (JSON.parse(r.stdout) as { files: { diagnostics: { code: string; severity: string }[] }[] }).files[0]!.diagnostics.map((d) => `${d.code}:${d.severity}`);
    expect(codes).toContain('FSQL9003:warning');
    expect(codes).toContain('FSQL9031:info');
    expect(codes.filter((c) => c.startsWith('FSQL9024'))).toEqual([]);
    const flags = await runCli(['check', '-f', 'json', '--profile', 'permissive', '--rule', 'FSQL9003=off', 'job.sql'], { cwd: dir });
    expect((JSON.parse(flags.stdout) as { files: { diagnostics: unknown[] }[] }).files[0]!.diagnostics).toEqual([]);
  });

  it('loads custom rules from the directory it names', async () => {
    const dir = await tempTree({
      'job.sql': "SELECT * FROM users WHERE name = 'root'",
      'flinkcheck.yaml': 'customRules: guardrails\nrules:\n  select-star-in-deployed-query: off\n',
      'guardrails/no-root-user.mjs': CUSTOM_RULE,
    });
    const r = await runCli(['check', 'job.sql'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("error[ACME0001]: queries must not single out `root`");
  });

  it('--config names the file; mistakes in it are usage errors', async () => {
    const dir = await tempTree({ 'job.sql': JOB, 'conf/a.yaml': 'profile: strict\nrulez: {}\n', 'conf/b.yaml': 'rules:\n  FSQL9003: loud\n' });
    const a = await runCli(['check', '--config', 'conf/a.yaml', 'job.sql'], { cwd: dir });
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('unknown key `rulez`; the keys are: profile, rules, customRules');
    const b = await runCli(['check', '--config', 'conf/b.yaml', 'job.sql'], { cwd: dir });
    expect(b.stderr).toContain('`loud` is not a level for `unbounded-group-aggregation`');
    const missing = await runCli(['check', '--config', 'nope.yaml', 'job.sql'], { cwd: dir });
    expect(missing.code).toBe(2);
  });

  it('rejects a custom rule that reuses a built-in code', async () => {
    const dir = await tempTree({
      'job.sql': 'SELECT 1',
      'flinkcheck.yaml': 'customRules: rules\n',
      'rules/dup.mjs': CUSTOM_RULE.replace("'ACME0001'", "'FSQL9002'"),
    });
    const r = await runCli(['check', 'job.sql'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('reuses the code or name of `regular-join-without-state-ttl` (FSQL9002)');
  });
});
