import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ScriptParseResult } from '../src/parse/api.js';
import { repoRoot } from './corpus.js';

export const CONTENDER_IDS = ['flinkcheck', 'dt-sql-parser', 'node-sql-parser'] as const;
export type ContenderId = (typeof CONTENDER_IDS)[number];

export function isContenderId(value: string): value is ContenderId {
  return (CONTENDER_IDS as readonly string[]).includes(value);
}

/** What one call reported, reduced to what the report shows. */
export interface Outcome {
  /** True when the statement was accepted (no error). */
  readonly accepted: boolean;
  /** Number of errors reported (0 or 1 for parsers that stop at the first error). */
  readonly errors: number;
  /** Short description of the errors: diagnostic codes or the first message. */
  readonly detail: string;
}

export interface Contender {
  readonly id: ContenderId;
  /** What is measured, e.g. `new FlinkSQL().validate(sql)`. */
  readonly call: string;
  readonly version: string;
  /**
   * Parses one statement. This is the timed region, so it does nothing else. Syntax errors are
   * returned, not thrown; anything thrown is a crash of the contender.
   */
  run(sql: string): unknown;
  /** Interprets what `run` returned (not timed). */
  outcome(result: unknown): Outcome;
}

export interface LoadedContender {
  readonly contender: Contender;
  /** Time spent importing the contender's module(s), in milliseconds. */
  readonly importMs: number;
}

/**
 * Makes a contender ready and imports it. Preparation (bundling dt-sql-parser) is not counted in
 * `importMs`; only the `import()` of the contender's own code is.
 */
export async function loadContender(id: ContenderId): Promise<LoadedContender> {
  switch (id) {
    case 'flinkcheck':
      return loadFlinkcheck();
    case 'dt-sql-parser':
      return loadDtSqlParser();
    case 'node-sql-parser':
      return loadNodeSqlParser();
  }
}

function packageVersion(name: string): string {
  const require = createRequire(join(repoRoot(), 'package.json'));
  const manifest = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as {
    version: string;
  };
  return manifest.version;
}

function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

// --- flinkcheck -------------------------------------------------------------------------------

async function loadFlinkcheck(): Promise<LoadedContender> {
  const start = process.hrtime.bigint();
  // The parser and its generated ANTLR code; relative to dist/bench/ at run time.
  const { parseScript } = await import('../src/parse/index.js');
  const importMs = elapsedMs(start);
  const manifest = JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')) as {
    version: string;
  };
  const contender: Contender = {
    id: 'flinkcheck',
    call: 'parseScript(sql)',
    version: manifest.version,
    run: (sql): ScriptParseResult => parseScript(sql),
    outcome(result) {
      // Acceptance means "parses", as for the other two parsers: syntax errors only. Semantic rules
      // that flinkcheck also applies (e.g. PRIMARY KEY ... NOT ENFORCED) do not count here.
      const errors = (result as ScriptParseResult).diagnostics.filter((d) => d.severity === 'error' && d.category === 'syntax');
      const codes = [...new Set(errors.map((d) => d.code))];
      return { accepted: errors.length === 0, errors: errors.length, detail: codes.join(', ') };
    },
  };
  return { contender, importMs };
}

// --- dt-sql-parser ----------------------------------------------------------------------------

interface DtParseError {
  readonly startLine: number;
  readonly startColumn: number;
  readonly message: string;
}

interface DtFlinkSql {
  validate(sql: string): DtParseError[];
}

/** The instance fields of dt-sql-parser's one-entry parse cache (BasicSQL.parseWithCache). */
interface DtParseCache {
  _parsedInput?: string;
  _parseTree?: unknown;
}

/**
 * dt-sql-parser's `dist` uses directory imports, which Node's ESM loader refuses
 * (ERR_UNSUPPORTED_DIR_IMPORT), so it is bundled once with esbuild into .bench-cache/. Only
 * `FlinkSQL` is exported, which lets esbuild drop the other dialects. The bundle is rebuilt when
 * the dt-sql-parser or esbuild version changes.
 */
export async function ensureDtBundle(): Promise<string> {
  const root = repoRoot();
  const cacheDir = join(root, '.bench-cache');
  const bundle = join(cacheDir, 'dt-sql-parser.mjs');
  const stampFile = join(cacheDir, 'dt-sql-parser.stamp');
  const stamp = `dt-sql-parser@${packageVersion('dt-sql-parser')} esbuild@${packageVersion('esbuild')}`;
  if (existsSync(bundle) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
    return bundle;
  }
  mkdirSync(cacheDir, { recursive: true });
  const esbuild = await import('esbuild');
  await esbuild.build({
    stdin: { contents: "export { FlinkSQL } from 'dt-sql-parser';", resolveDir: root, loader: 'js' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bundle,
    logLevel: 'warning',
  });
  writeFileSync(stampFile, stamp);
  return bundle;
}

async function loadDtSqlParser(): Promise<LoadedContender> {
  const bundle = await ensureDtBundle();
  const start = process.hrtime.bigint();
  const { FlinkSQL } = (await import(pathToFileURL(bundle).href)) as {
    FlinkSQL: new () => DtFlinkSql;
  };
  const importMs = elapsedMs(start);

  // antlr4ng's default ConsoleErrorListener, still attached on some of dt-sql-parser's code paths
  // (e.g. statement splitting after an error), writes each syntax error to console.error. That
  // output is not parsing work and would flood the report, so it is silenced for the process.
  console.error = () => {};

  const parser = new FlinkSQL();
  const cache = parser as unknown as DtParseCache;
  // validate() returns the previous result when called again with the identical string. The
  // benchmark never wants that: the cache is cleared before every call (two field writes, included
  // in the timed region). Check that clearing works, so a rename inside dt-sql-parser cannot make
  // the numbers silently meaningless.
  parser.validate('SELECT 1');
  const first = cache._parseTree;
  cache._parsedInput = undefined;
  parser.validate('SELECT 1');
  if (first === undefined || first === null || cache._parseTree === first) {
    throw new Error('bench: cannot clear dt-sql-parser parse cache (_parsedInput/_parseTree changed?)');
  }
  // Fresh instance, so that the check above does not warm anything for a cold pass.
  const fresh = new FlinkSQL();
  const freshCache = fresh as unknown as DtParseCache;

  const contender: Contender = {
    id: 'dt-sql-parser',
    call: 'new FlinkSQL().validate(sql)',
    version: packageVersion('dt-sql-parser'),
    run(sql) {
      freshCache._parsedInput = undefined;
      return fresh.validate(sql);
    },
    outcome(result) {
      const errors = result as DtParseError[];
      const first = errors[0];
      return {
        accepted: errors.length === 0,
        errors: errors.length,
        detail: first === undefined ? '' : `${first.startLine}:${first.startColumn} ${first.message}`,
      };
    },
  };
  return { contender, importMs };
}

// --- node-sql-parser --------------------------------------------------------------------------

interface NspParser {
  astify(sql: string, options: { database: string }): unknown;
}

/** node-sql-parser reports a syntax error by throwing; `run` turns that into a value. */
class NspError {
  constructor(readonly error: unknown) {}
}

async function loadNodeSqlParser(): Promise<LoadedContender> {
  const start = process.hrtime.bigint();
  // A CommonJS module: its exports arrive as the default export.
  const module = (await import('node-sql-parser')) as unknown as {
    default: { Parser: new () => NspParser };
  };
  const importMs = elapsedMs(start);
  const parser = new module.default.Parser();
  const options = { database: 'flinksql' };
  const contender: Contender = {
    id: 'node-sql-parser',
    call: "new Parser().astify(sql, {database: 'flinksql'})",
    version: packageVersion('node-sql-parser'),
    run(sql) {
      try {
        return parser.astify(sql, options);
      } catch (error) {
        return new NspError(error);
      }
    },
    outcome(result) {
      if (!(result instanceof NspError)) return { accepted: true, errors: 0, detail: '' };
      const message = result.error instanceof Error ? result.error.message : String(result.error);
      return { accepted: false, errors: 1, detail: message.split('\n')[0]!.slice(0, 120) };
    },
  };
  return { contender, importMs };
}
