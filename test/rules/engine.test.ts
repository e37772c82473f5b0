import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES } from '../../rules/index.js';
import { defineRule } from '../../src/rules/define.js';
import { runRules } from '../../src/rules/engine.js';
import { listRules, parseRuleFlag, resolveRuleSettings, RuleSettingsError } from '../../src/rules/index.js';
import { findSuppressions } from '../../src/rules/suppressions.js';
import { Codes } from '../../src/diagnostics/codes.js';
import { validateScript } from '../../src/validate.js';
import { ORDERS, SHIPMENTS } from './ddl.js';

const JOIN = 'SELECT o.id FROM orders AS o JOIN shipments AS s ON o.id = s.order_id';
/** The tables JOIN reads, so that the analysis has nothing to report. */
const TABLES = ORDERS + SHIPMENTS;
const codesOf = (sql: string, settings = {}) => validateScript(sql, { rules: settings }).diagnostics.map((d) => d.code);

describe('engine', () => {
  it('walks each statement once and dispatches enter and exit visitors to every rule', () => {
    const seen: string[] = [];
    const make = (id: string) => defineRule({
      meta: { code: { code: `FSQL98${id}`, category: 'rule', title: 't', severity: 'warning' }, name: `probe-${id}`, category: 'query', rationale: '', examples: { bad: [], good: [] } },
      create: () => ({
        onStatement: (s) => { seen.push(`${id}:stmt:${s.parsed.index}`); },
        Join: () => { seen.push(`${id}:join`); },
        'Join:exit': () => { seen.push(`${id}:join-exit`); },
      }),
    });
    const parsed = validateScript(`${JOIN};\nSELECT 1`, { rules: false });
    runRules({ source: parsed.source, statements: parsed.statements }, [make('01'), make('02')], { rules: { 'probe-01': 'warn', 'probe-02': 'warn' } });
    expect(seen).toEqual(['01:stmt:0', '02:stmt:0', '01:join', '02:join', '01:join-exit', '02:join-exit', '01:stmt:1', '02:stmt:1']);
  });

  it('turns a rule that throws into an internal diagnostic naming the rule; the other rules still report', () => {
    const broken = defineRule({
      meta: { code: { code: 'FSQL9899', category: 'rule', title: 't', severity: 'error' }, name: 'broken-rule', category: 'query', rationale: '', examples: { bad: [], good: [] } },
      create: () => ({ Join: () => { throw new Error('boom'); } }),
    });
    const joinRule = BUILTIN_RULES.find((r) => r.meta.name === 'regular-join-without-state-ttl')!;
    const parsed = validateScript(`${JOIN};\n${JOIN}`, { rules: false });
    const found = runRules({ source: parsed.source, statements: parsed.statements }, [broken, joinRule], { rules: { 'broken-rule': 'error' } });
    const internal = found.filter((d) => d.code === Codes.internalError.code);
    expect(internal).toHaveLength(1);
    expect(internal[0]!.message).toBe('rule `broken-rule` (FSQL9899) failed: boom');
    expect(internal[0]!.category).toBe('internal');
    expect(found.filter((d) => d.code === joinRule.meta.code)).toHaveLength(2);
  });

  it('sees tables defined by earlier statements only', () => {
    const sink = "CREATE TABLE snk (k STRING, n BIGINT) WITH ('connector' = 'kafka');";
    const insert = 'INSERT INTO snk SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id';
    expect(codesOf(`${sink}\n${insert}`)).toContain('FSQL9005');
    expect(codesOf(`${insert};\n${sink}`)).not.toContain('FSQL9005');
    expect(codesOf(`${sink}\nDROP TABLE snk;\n${insert}`)).not.toContain('FSQL9005');
  });

  it('uses catalog tables given to validation', () => {
    const catalogs = [{
      tables: [{
        kind: 'table' as const, id: { catalog: 'c', database: 'd', name: 'snk' }, columns: [], watermark: null, primaryKey: null,
        partitionKeys: [], options: [['connector', 'filesystem']] as [string, string][], comment: null, temporary: false, origin: { file: 'cat.yaml', span: null },
      }], views: [], functions: [],
    }];
    const found = validateScript('INSERT INTO snk SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id', { catalogs, rules: {} }).diagnostics;
    expect(found.find((d) => d.code === 'FSQL9005')?.message).toMatch(/sink `snk` \(connector `filesystem`\)/);
  });
});

describe('findings the analysis already reports', () => {
  const APPEND = "CREATE TABLE snk (k STRING, n BIGINT) WITH ('connector' = 'kafka', 'topic' = 's', 'properties.bootstrap.servers' = 'k:9092', 'format' = 'json');\n";
  const GROUPED = 'INSERT INTO snk SELECT user_id, COUNT(*) FROM orders GROUP BY user_id';

  it('are left to the analysis when it reports a superseding code in the statement', () => {
    const found = validateScript(`${ORDERS}${APPEND}${GROUPED}`, { rules: {} }).diagnostics.map((d) => d.code);
    expect(found).toContain('FSQL4001');
    expect(found).not.toContain('FSQL9005');
  });

  it('are reported by the rule where the analysis cannot decide', () => {
    // `clicks` is not defined: the analysis reports the missing table, not the changelog, so the rule speaks.
    const found = validateScript(`${APPEND}INSERT INTO snk SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id`, { rules: {} }).diagnostics.map((d) => d.code);
    expect(found.filter((c) => c !== 'FSQL9003')).toEqual(['FSQL2001', 'FSQL9005']);
  });

  it('are matched per statement, and kept when the rule runs above the analyzer severity', () => {
    // A probe rule that flags every CREATE TABLE, superseded by the analyzer's FSQL5003 (a warning).
    const probe = defineRule({
      meta: {
        code: { code: 'FSQL9898', category: 'rule', title: 't', severity: 'warning' }, name: 'probe-table', category: 'query', rationale: '',
        examples: { bad: [], good: [] }, supersededBy: [Codes.requiredOptionMissing],
      },
      create: (context) => ({ CreateTable: (node) => context.report({ node, message: 'table' }) }),
    });
    const sql = "CREATE TABLE a (x INT) WITH ('connector' = 'kafka', 'topic' = 'a', 'format' = 'json');\n"
      + "CREATE TABLE b (x INT) WITH ('connector' = 'datagen')";
    const codes = (level: 'info' | 'warn' | 'error') => validateScript(sql, { customRules: [probe], rules: { rules: { 'probe-table': level } } }).diagnostics.map((d) => `${d.code}:${d.severity}`);
    expect(codes('warn')).toEqual(['FSQL5003:warning', 'FSQL9898:warning']);
    expect(codes('info')).toEqual(['FSQL5003:warning', 'FSQL9898:info']);
    expect(codes('error')).toEqual(['FSQL9898:error', 'FSQL5003:warning', 'FSQL9898:error']);
  });
});

describe('suppressions', () => {
  it('reads next-line and file directives, with codes or names, outside strings', () => {
    const text = "-- flinkcheck-disable-next-line FSQL9002, unbounded-distinct -- reason\nSELECT '-- flinkcheck-disable FSQL9013' FROM t /* flinkcheck-disable FSQL9014 */";
    const found = findSuppressions(text);
    expect(found.map((s) => [s.scope, s.line, s.rules.map((r) => r.text)])).toEqual([
      ['next-line', 1, ['FSQL9002', 'unbounded-distinct']],
      ['file', -1, ['FSQL9014']],
    ]);
    expect(text.slice(found[0]!.rules[1]!.span.start, found[0]!.rules[1]!.span.end)).toBe('unbounded-distinct');
  });

  it('suppresses a finding on the next line only', () => {
    expect(codesOf(`${TABLES}-- flinkcheck-disable-next-line FSQL9002\n${JOIN}`)).toEqual([]);
    expect(codesOf(`${TABLES}-- flinkcheck-disable-next-line FSQL9002\n\n${JOIN}`)).toEqual(['FSQL9900', 'FSQL9002']);
  });

  it('suppresses by name for the whole file, and without names every rule', () => {
    expect(codesOf(`-- flinkcheck-disable regular-join-without-state-ttl\n${TABLES}${JOIN};\n${JOIN}`)).toEqual([]);
    expect(codesOf(`/* flinkcheck-disable */\n${TABLES}${JOIN}`)).toEqual([]);
  });

  it('never suppresses syntax errors', () => {
    expect(codesOf('-- flinkcheck-disable\nSELEC 1')).toContain('FSQL1015');
  });

  it('reports unknown rule names and suppressions that match nothing, with a fix removing them', () => {
    const sql = '-- flinkcheck-disable-next-line FSQL9002\nSELECT 1;\n-- flinkcheck-disable-next-line no-such-rule\nSELECT 2';
    const found = validateScript(sql, { rules: {} }).diagnostics;
    expect(found.map((d) => [d.code, sql.slice(d.span.start, d.span.end)])).toEqual([
      ['FSQL9900', '-- flinkcheck-disable-next-line FSQL9002'],
      ['FSQL9901', 'no-such-rule'],
    ]);
    expect(found[0]!.fixes?.[0]?.edits[0]?.text).toBe('');
  });

  it('does not call a suppression unused when its rule is off in this run', () => {
    expect(codesOf("-- flinkcheck-disable-next-line user-jar\nADD JAR '/a.jar'")).toEqual([]);
    expect(codesOf("-- flinkcheck-disable-next-line user-jar\nSELECT 1", { profile: 'strict' })).toEqual(['FSQL9900']);
  });
});

describe('profiles and settings', () => {
  const SCRIPT = [
    "ADD JAR '/tmp/udfs.jar'",
    "SET 'execution.checkpointing.interval' = '1 h'",
    "CREATE TABLE orders (id STRING, user_id STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'kafka', 'topic' = 'o', 'properties.bootstrap.servers' = 'k:9092', 'format' = 'json', 'scan.watermark.idle-timeout' = '1 min')",
    "CREATE TABLE snk (user_id STRING, n BIGINT) WITH ('connector' = 'kafka', 'topic' = 's', 'properties.bootstrap.servers' = 'k:9092', 'format' = 'json')",
    'INSERT INTO snk SELECT user_id, COUNT(*) FROM orders GROUP BY user_id',
    'INSERT INTO snk SELECT * FROM orders MATCH_RECOGNIZE (PARTITION BY user_id ORDER BY ts MEASURES A.id AS aid PATTERN (A) DEFINE A AS A.id IS NOT NULL)',
    'INSERT INTO snk SELECT * FROM orders',
  ].join(';\n');
  const run = (profile: string) => {
    const found = validateScript(SCRIPT, { rules: { profile } }).diagnostics.filter((d) => d.category === 'rule');
    return [...new Set(found.map((d) => `${d.code}:${d.severity}`))].sort();
  };

  it('differ as documented on one script', () => {
    // The GROUP BY into the append-only `snk` is the analysis' FSQL4001, so FSQL9005 (superseded by it) stays silent.
    expect(validateScript(SCRIPT, { rules: false }).diagnostics.map((d) => d.code)).toContain('FSQL4001');
    expect(run('recommended')).toEqual(['FSQL9003:warning', 'FSQL9013:warning']);
    expect(run('default')).toEqual(run('recommended'));
    expect(run('permissive')).toEqual([]);
    expect(run('conservative')).toEqual([
      'FSQL9001:error', 'FSQL9003:warning', 'FSQL9013:warning', 'FSQL9021:error', 'FSQL9023:error', 'FSQL9024:error',
    ]);
    expect(run('strict')).toEqual([
      'FSQL9003:error', 'FSQL9013:error', 'FSQL9021:error', 'FSQL9023:warning', 'FSQL9024:error', 'FSQL9031:info',
    ]);
  });

  it('the conservative profile rejects statements other than SELECT and INSERT and says which run', () => {
    const found = validateScript("CREATE TABLE t (a INT) WITH ('connector' = 'kafka')", { rules: { profile: 'conservative' } }).diagnostics;
    expect(found.find((d) => d.code === 'FSQL9001')?.message).toBe('CREATE TABLE statements are not supported on this platform');
  });

  it('overrides severity and options by code or name', () => {
    expect(codesOf(TABLES + JOIN, { rules: { FSQL9002: 'off' } })).toEqual([]);
    const severities = validateScript(TABLES + JOIN, { rules: { rules: { 'regular-join-without-state-ttl': 'error' } } }).diagnostics.map((d) => d.severity);
    expect(severities).toEqual(['error']);
    expect(codesOf("ADD JAR '/a.jar'", { rules: { 'user-jar': 'warn' } })).toEqual(['FSQL9021']);
    expect(codesOf('SELECT 1 AS a', { rules: { 'statement-too-long': { options: { maxLength: 5 } } } })).toEqual(['FSQL9017']);
  });

  it('rejects unknown profiles, rules, levels and options with a diagnostic', () => {
    expect(() => resolveRuleSettings(BUILTIN_RULES, { profile: 'nope' })).toThrow(/unknown profile `nope`; the profiles are: recommended, strict, conservative, permissive/);
    expect(() => resolveRuleSettings(BUILTIN_RULES, { rules: { FSQL9999: 'warn' } })).toThrow(RuleSettingsError);
    expect(() => resolveRuleSettings(BUILTIN_RULES, { rules: { 'too-many-joins': { options: { maxJoins: 'ten' } } } })).toThrow(/must be a number of at least 0/);
    expect(() => resolveRuleSettings(BUILTIN_RULES, { rules: { 'too-many-joins': { options: { limit: 3 } } } })).toThrow(/has no option `limit`; its options are: maxJoins/);
    const found = validateScript('SELECT 1', { rules: { profile: 'nope' } }).diagnostics;
    expect(found.map((d) => d.code)).toEqual(['FSQL9902']);
  });

  it('parses --rule flags', () => {
    expect(parseRuleFlag('FSQL9002=off')).toEqual(['FSQL9002', 'off']);
    expect(parseRuleFlag('select-star-in-deployed-query=Error')).toEqual(['select-star-in-deployed-query', 'error']);
    expect(() => parseRuleFlag('FSQL9002')).toThrow(/RULE=off\|info\|warn\|error/);
    expect(() => parseRuleFlag('FSQL9002=loud')).toThrow(/`loud` is not a level/);
  });

  it('lists every rule with its severity per profile', () => {
    const listing = listRules();
    expect(listing).toHaveLength(BUILTIN_RULES.length);
    const userJar = listing.find((r) => r.name === 'user-jar')!;
    expect(userJar.profiles).toEqual({ recommended: 'off', strict: 'error', conservative: 'error', permissive: 'off' });
    expect(listing.find((r) => r.code === 'FSQL9005')!.profiles['permissive']).toBe('error');
  });

  it('validateScript runs no rules when asked not to', () => {
    expect(codesOf(TABLES + JOIN)).toEqual(['FSQL9002']);
    expect(validateScript(TABLES + JOIN, { rules: false }).diagnostics).toEqual([]);
  });
});

describe('engine on large statements', () => {
  it('stays linear when many nodes ask for their ancestors (1,900 NOW() in one expression)', () => {
    const sum = Array.from({ length: 1_900 }, () => 'NOW()').join(' + ');
    const started = Date.now();
    const found = validateScript(`SELECT a, ${sum} FROM t GROUP BY a`, { maxDiagnostics: 5_000, rules: { rules: { 'non-deterministic-function-in-updating-pipeline': 'warn' } } }).diagnostics;
    expect(found.filter((d) => d.code === 'FSQL9007')).toHaveLength(1_900);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
