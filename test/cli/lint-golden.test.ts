import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import AjvModule from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

// Golden output of `flinkcheck lint` on test/fixtures/lint-project (config, catalog, valid and
// invalid .sql files, an excluded directory, a JSONL export). Regenerate after an intended change:
//   UPDATE_GOLDEN=1 npx vitest run test/cli/lint-golden.test.ts

const project = fileURLToPath(new URL('../fixtures/lint-project/', import.meta.url));
const golden = (name: string) => new URL(`./golden/${name}`, import.meta.url);
const FORMATS = ['text', 'json', 'sarif', 'github', 'junit'] as const;

function matchGolden(name: string, actual: string): void {
  if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(golden(name), actual);
  expect(actual).toBe(readFileSync(golden(name), 'utf8'));
}

describe('flinkcheck lint golden output on the fixture project', () => {
  for (const format of FORMATS) {
    it(`--format ${format}`, async () => {
      const r = await runCli(['lint', '--format', format, '--workers', '1'], { cwd: project });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(1);
      matchGolden(`lint-project.${format}`, r.stdout);
    });
  }

  it('the golden text names every finding and skips the excluded directory', async () => {
    const text = readFileSync(golden('lint-project.text'), 'utf8');
    expect(text).toContain('jobs/invalid/typo.sql');
    expect(text).toContain('exports/stored.jsonl#q-101');
    expect(text).not.toContain('legacy');
    expect(text).toMatch(/ in 6 files \(8 queries\)\n$/);
  });
});

describe('SARIF output', () => {
  const schema = JSON.parse(
    readFileSync(fileURLToPath(new URL('../../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json', import.meta.url)), 'utf8'),
  ) as object;
  // The official schema (2.1.0-rtm.5, the final 2.1.0 schema, shipped in @microsoft/jest-sarif) has a
  // pattern that is invalid with the regexp `u` flag, so Ajv compiles patterns without it.
  // A CommonJS module: its class is the `default` export of module.exports.
  const Ajv = (AjvModule as unknown as { default?: typeof AjvModule.default }).default ?? (AjvModule as unknown as typeof AjvModule.default);
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
  const validate = ajv.compile(schema);

  it('validates against the SARIF 2.1.0 JSON schema', async () => {
    const r = await runCli(['lint', '--format', 'sarif', '--workers', '1'], { cwd: project });
    const log = JSON.parse(r.stdout) as unknown;
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check can fail: a result without a message is rejected', async () => {
    const r = await runCli(['lint', '--format', 'sarif', '--workers', '1'], { cwd: project });
    const log = JSON.parse(r.stdout) as { runs: { results: { message?: unknown }[] }[] };
    delete log.runs[0]!.results[0]!.message;
    expect(validate(log)).toBe(false);
  });

  it('has what GitHub code scanning needs: rule texts, levels, regions in UTF-16 columns', async () => {
    const r = await runCli(['lint', '--format', 'sarif', '--workers', '1'], { cwd: project });
    const log = JSON.parse(r.stdout);
    const run = log.runs[0];
    expect(run.columnKind).toBe('utf16CodeUnits');
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription.text).not.toBe('');
      expect(rule.fullDescription.text).not.toBe('');
      expect(rule.help.text).not.toBe('');
    }
    const typo = run.results.find((x: { ruleId: string }) => x.ruleId === 'FSQL1015');
    expect(typo.level).toBe('error');
    expect(run.tool.driver.rules[typo.ruleIndex].id).toBe('FSQL1015');
    expect(typo.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'jobs/invalid/typo.sql', uriBaseId: '%SRCROOT%' },
      region: { startLine: 2, startColumn: 6, endLine: 2, endColumn: 12 },
    });
    const record = run.results.find((x: { ruleId: string }) => x.ruleId === 'FSQL1028');
    expect(record.locations[0].physicalLocation.region).toEqual({ startLine: 2 });
    expect(record.locations[0].logicalLocations).toEqual([{ name: 'q-101', kind: 'object' }]);
    const warning = run.results.find((x: { ruleId: string }) => x.ruleId === 'FSQL1004');
    expect(warning.level).toBe('warning');
  });

  it('counts columns in UTF-16 code units after astral characters', async () => {
    const { tempTree } = await import('./helpers.js');
    const dir = await tempTree({ 'emoji.sql': "SELECT '😀😀' AS x FORM t;\n" });
    const r = await runCli(['lint', '--no-config', '--format', 'sarif', 'emoji.sql'], { cwd: dir });
    const region = JSON.parse(r.stdout).runs[0].results[0].locations[0].physicalLocation.region;
    // `FORM` starts after "SELECT '😀😀' AS x " = 7 + 1 + 4 (two surrogate pairs) + 1 + 6 = 19 units.
    expect(region.startColumn).toBe(20);
  });
});
