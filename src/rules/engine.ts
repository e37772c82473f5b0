import type { CatalogEntries } from '../analysis/catalog/model.js';
import type { StatementAnalysis } from '../analysis/schema.js';
import type { AstNode } from '../ast/walk.js';
import { Codes } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ParsedStatement } from '../parse/api.js';
import type { SourceText } from '../source/source-text.js';
import { type EnabledRule, resolveRuleSettings, RuleSettingsError, type RuleSettings } from './config.js';
import { ScriptCatalog } from './facts/script-catalog.js';
import { StatementFacts } from './facts/statement-facts.js';
import { findSuppressions } from './suppressions.js';
import type { AnyRule, CurrentStatement, RuleContext, RuleReport, RuleVisitors } from './types.js';

export interface RunRulesInput {
  readonly source: SourceText;
  readonly statements: readonly (ParsedStatement & { readonly analysis: StatementAnalysis | null })[];
  readonly catalogs?: readonly CatalogEntries[];
  /**
   * The semantic analysis' diagnostics for the script. A rule whose meta lists analyzer codes in
   * `supersededBy` does not report in a statement where the analysis already reported one of them.
   */
  readonly analysisDiagnostics?: readonly Diagnostic[];
}

type Handler = (node: AstNode, parent: AstNode | null) => void;

interface Running {
  readonly enabled: EnabledRule;
  readonly visitors: RuleVisitors;
  failed: boolean;
}

/**
 * Runs the enabled rules over a parsed (and, where available, analysed) script. Each statement's
 * tree is walked once; every node is dispatched to the rules with a visitor for its kind. A rule
 * that throws is reported as an internal error naming the rule and is not run again on the script;
 * the other rules continue. Findings the analysis already reported (a rule's `supersededBy` codes in
 * the same statement) are dropped, then inline suppressions are applied.
 */
export function runRules(input: RunRulesInput, rules: readonly AnyRule[], settings: RuleSettings = {}): Diagnostic[] {
  let enabled: readonly EnabledRule[];
  try {
    enabled = resolvedSettings(rules, settings);
  } catch (error) {
    if (!(error instanceof RuleSettingsError)) throw error;
    return [{
      code: Codes.invalidRuleSettings.code, severity: 'error', category: 'rule',
      message: error.message, span: { start: 0, end: 0 },
      hint: 'fix the rule settings; `flinkcheck rules` lists the rules and their options',
    }];
  }
  const diagnostics: Diagnostic[] = [];
  const catalog = new ScriptCatalog(input.catalogs ?? []);
  let current: CurrentStatement | null = null;

  const internal = (running: Running, error: unknown): void => {
    running.failed = true;
    const reason = error instanceof Error ? error.message : String(error);
    diagnostics.push({
      code: Codes.internalError.code, severity: 'error', category: 'internal',
      message: `rule \`${running.enabled.rule.meta.name}\` (${running.enabled.rule.meta.code}) failed: ${reason.split('\n', 1)[0]}`,
      span: current?.parsed.span ?? { start: 0, end: 0 },
      hint: 'the other rules ran; please report this with the statement that caused it',
    });
  };

  const run: ScriptRun = { input, catalog, diagnostics, current: null, statementOf: new Map() };
  const runningRules: Running[] = [];
  for (const rule of enabled) {
    const running: Running = { enabled: rule, visitors: {}, failed: false };
    try {
      (running as { visitors: RuleVisitors }).visitors = rule.rule.create(new Context(run, rule));
    } catch (error) {
      internal(running, error);
    }
    runningRules.push(running);
  }

  const enter = new Map<string, { running: Running; fn: Handler }[]>();
  const exit = new Map<string, { running: Running; fn: Handler }[]>();
  for (const running of runningRules) {
    const visitors = running.visitors as Readonly<Record<string, unknown>>;
    for (const key in visitors) {
      const fn = visitors[key];
      if (typeof fn !== 'function') continue;
      const target = visitorKey(key);
      if (target === null) continue;
      const table = target.exit ? exit : enter;
      let list = table.get(target.kind);
      if (list === undefined) table.set(target.kind, (list = []));
      list.push({ running, fn: fn as Handler });
    }
  }
  const call = (running: Running, fn: () => void): void => {
    if (running.failed) return;
    try {
      fn();
    } catch (error) {
      internal(running, error);
    }
  };
  const dispatch = (handlers: readonly { running: Running; fn: Handler }[] | undefined, node: AstNode, parent: AstNode | null): void => {
    if (handlers === undefined) return;
    for (const h of handlers) {
      if (h.running.failed) continue;
      try {
        h.fn(node, parent);
      } catch (error) {
        internal(h.running, error);
      }
    }
  };

  for (const parsed of input.statements) {
    if (parsed.ast === null) continue;
    const ast = parsed.ast;
    current = { parsed, ast, analysis: parsed.analysis, facts: new StatementFacts(ast, catalog, parsed.analysis, input.source) };
    run.current = current;
    const statement = current;
    for (const running of runningRules) {
      const hook = running.visitors.onStatement;
      if (hook !== undefined) call(running, () => hook(statement));
    }
    if (enter.size > 0 || exit.size > 0) {
      const path: AstNode[] = [];
      statement.facts.usePath(path);
      traverse(ast, path, (node, parent) => dispatch(enter.get(node.kind), node, parent), (node, parent) => dispatch(exit.get(node.kind), node, parent));
      statement.facts.usePath(null);
    }
    for (const running of runningRules) {
      const hook = running.visitors.onStatementExit;
      if (hook !== undefined) call(running, () => hook(statement));
    }
    catalog.apply(ast);
  }
  current = null;
  run.current = null;
  return applySuppressions(dropSuperseded(diagnostics, run.statementOf, input, enabled), input.source, rules, enabled);
}

/** The statement whose span holds `offset` (statements are in source order). */
function statementAt(statements: RunRulesInput['statements'], offset: number): RunRulesInput['statements'][number] | null {
  let lo = 0;
  let hi = statements.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = statements[mid]!;
    if (offset < s.span.start) hi = mid - 1;
    else if (offset > s.span.end) lo = mid + 1;
    else return s;
  }
  return null;
}

const SEVERITY_RANK: Readonly<Record<Diagnostic['severity'], number>> = { info: 0, warning: 1, error: 2 };

/**
 * Drops the findings of rules whose `supersededBy` codes the analysis reported in the same
 * statement with at least the finding's severity: the user sees the problem once, from the
 * analysis, which knows the types. Where the analysis could not decide (a table it does not know,
 * a view it could not type) it reports nothing of the kind and the rule's finding stays; so does a
 * finding a profile raised above the analyzer's severity.
 */
function dropSuperseded(
  diagnostics: Diagnostic[],
  statementOf: ReadonlyMap<Diagnostic, number>,
  input: RunRulesInput,
  enabled: readonly EnabledRule[],
): Diagnostic[] {
  const analysis = input.analysisDiagnostics;
  if (analysis === undefined || analysis.length === 0 || diagnostics.length === 0) return diagnostics;
  const supersededBy = new Map<string, readonly string[]>();
  for (const e of enabled) if (e.rule.meta.supersededBy !== undefined && e.rule.meta.supersededBy.length > 0) supersededBy.set(e.rule.meta.code, e.rule.meta.supersededBy);
  if (supersededBy.size === 0) return diagnostics;
  // Highest severity per analyzer code, per statement (the statement whose span holds the diagnostic's start).
  const reported = new Map<number, Map<string, number>>();
  for (const d of analysis) {
    const statement = statementAt(input.statements, d.span.start);
    if (statement === null) continue;
    let codes = reported.get(statement.index);
    if (codes === undefined) reported.set(statement.index, (codes = new Map()));
    codes.set(d.code, Math.max(codes.get(d.code) ?? -1, SEVERITY_RANK[d.severity]));
  }
  return diagnostics.filter((d) => {
    const codes = supersededBy.get(d.code);
    const index = statementOf.get(d);
    if (codes === undefined || index === undefined) return true;
    const there = reported.get(index);
    return there === undefined || !codes.some((code) => (there.get(code) ?? -1) >= SEVERITY_RANK[d.severity]);
  });
}

/** What the rules of one script run share: the input, the catalog, the findings and the statement being walked. */
interface ScriptRun {
  readonly input: RunRulesInput;
  readonly catalog: ScriptCatalog;
  readonly diagnostics: Diagnostic[];
  current: CurrentStatement | null;
  /** The statement (index) each finding was reported in. */
  readonly statementOf: Map<Diagnostic, number>;
}

/** A rule's context: a class, so the many contexts of a service's scripts share their methods. */
class Context implements RuleContext<Readonly<Record<string, unknown>>> {
  constructor(private readonly run: ScriptRun, private readonly rule: EnabledRule) {}

  get options(): Readonly<Record<string, unknown>> {
    return this.rule.options;
  }

  get source(): SourceText {
    return this.run.input.source;
  }

  get script(): RunRulesInput['statements'] {
    return this.run.input.statements;
  }

  get catalog(): ScriptCatalog {
    return this.run.catalog;
  }

  get statement(): CurrentStatement {
    if (this.run.current === null) throw new Error('no statement is being checked');
    return this.run.current;
  }

  report(report: RuleReport): void {
    const diagnostic = toDiagnostic(this.rule, report, this.run.current);
    this.run.diagnostics.push(diagnostic);
    if (this.run.current !== null) this.run.statementOf.set(diagnostic, this.run.current.parsed.index);
  }
}

function toDiagnostic(rule: EnabledRule, report: RuleReport, current: CurrentStatement | null): Diagnostic {
  const span = report.span ?? report.node?.span ?? current?.parsed.span ?? { start: 0, end: 0 };
  return {
    code: rule.rule.meta.code,
    severity: rule.severity,
    category: 'rule',
    message: report.message,
    span,
    ...(report.hint !== undefined ? { hint: report.hint } : {}),
    ...(report.related !== undefined && report.related.length > 0 ? { related: report.related } : {}),
    ...(report.fixes !== undefined && report.fixes.length > 0 ? { fixes: report.fixes } : {}),
  };
}

function applySuppressions(diagnostics: Diagnostic[], source: SourceText, rules: readonly AnyRule[], enabled: readonly EnabledRule[]): Diagnostic[] {
  if (!source.text.includes('flinkcheck-')) return diagnostics;
  const directives = findSuppressions(source.text);
  if (directives.length === 0) return diagnostics;
  const known = (text: string): AnyRule | undefined => rules.find((r) => r.meta.code === text.toUpperCase() || r.meta.name === text);
  const enabledRules = new Set(enabled.map((e) => e.rule));
  const used = new Set<number>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (d.category !== 'rule') {
      out.push(d);
      continue;
    }
    const line = source.position(d.span.start).line - 1;
    const index = directives.findIndex((s) => (s.scope === 'file' || s.line === line)
      && (s.rules.length === 0 || s.rules.some((r) => known(r.text)?.meta.code === d.code)));
    if (index < 0) out.push(d);
    else used.add(index);
  }
  directives.forEach((directive, index) => {
    for (const name of directive.rules) {
      if (known(name.text) === undefined) {
        out.push({
          code: Codes.unknownRuleInSuppression.code, severity: 'warning', category: 'rule',
          message: `\`${name.text}\` is not a flinkcheck rule`, span: name.span,
          hint: 'name rules by code (FSQL9002) or name (regular-join-without-state-ttl); `flinkcheck rules` lists them',
        });
      }
    }
    const targets = directive.rules.map((r) => known(r.text)).filter((r): r is AnyRule => r !== undefined);
    const anyEnabled = directive.rules.length === 0 || targets.some((r) => enabledRules.has(r));
    if (!used.has(index) && anyEnabled && targets.length === directive.rules.length) {
      out.push({
        code: Codes.unusedSuppression.code, severity: 'warning', category: 'rule',
        message: directive.scope === 'file' ? 'this suppression matches no finding in the file' : 'this suppression matches no finding on the next line',
        span: directive.span,
        hint: 'remove the comment',
        fixes: [{ title: 'Remove the suppression comment', edits: [{ span: directive.span, text: '' }], applicability: 'safe' }],
      });
    }
  });
  return out;
}

const visitorKeys = new Map<string, { readonly kind: string; readonly exit: boolean } | null>();

/** `Join` -> enter Join; `Join:exit` -> exit Join; the statement hooks are not node visitors. */
function visitorKey(key: string): { readonly kind: string; readonly exit: boolean } | null {
  let parsed = visitorKeys.get(key);
  if (parsed === undefined) {
    parsed = key === 'onStatement' || key === 'onStatementExit' ? null
      : key.endsWith(':exit') ? { kind: key.slice(0, -':exit'.length), exit: true } : { kind: key, exit: false };
    visitorKeys.set(key, parsed);
  }
  return parsed;
}

/** Resolved settings by rule set and settings, so that a service validating many scripts resolves them once. */
const settingsCache = new WeakMap<readonly AnyRule[], Map<string, readonly EnabledRule[]>>();
const SETTINGS_CACHE_LIMIT = 64;

function resolvedSettings(rules: readonly AnyRule[], settings: RuleSettings): readonly EnabledRule[] {
  let byKey = settingsCache.get(rules);
  if (byKey === undefined) settingsCache.set(rules, (byKey = new Map()));
  const key = JSON.stringify(settings);
  let enabled = byKey.get(key);
  if (enabled === undefined) {
    enabled = resolveRuleSettings(rules, settings);
    if (byKey.size >= SETTINGS_CACHE_LIMIT) byKey.clear();
    byKey.set(key, enabled);
  }
  return enabled;
}

const SPAN_KEYS: ReadonlySet<string> = new Set(['span', 'keySpan', 'valueSpan']);

/**
 * Depth-first traversal in source order, like `walk` in src/ast/walk.ts but without allocating
 * per-node entry arrays: the engine's one pass over every statement is on the hot path. `path`
 * holds the visited node and its ancestors while its visitors run. Iterative, so the deepest trees
 * the parser accepts cannot overflow the stack.
 */
function traverse(
  root: AstNode,
  path: AstNode[],
  enter: (node: AstNode, parent: AstNode | null) => void,
  exit: (node: AstNode, parent: AstNode | null) => void,
): void {
  // Pending entries: a node to enter, or (marked by EXIT) the node on top of `path` to leave.
  const pending: (AstNode | typeof EXIT)[] = [root];
  const kids: AstNode[] = [];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (next === EXIT) {
      const node = path.pop()!;
      exit(node, path.length > 0 ? path[path.length - 1]! : null);
      continue;
    }
    const parent = path.length > 0 ? path[path.length - 1]! : null;
    path.push(next);
    enter(next, parent);
    pending.push(EXIT);
    kids.length = 0;
    for (const key of childKeys(next)) collectNodes((next as unknown as Record<string, unknown>)[key], kids);
    let sorted = true;
    for (let i = 1; i < kids.length; i++) if (kids[i - 1]!.span.start > kids[i]!.span.start) { sorted = false; break; }
    if (!sorted) kids.sort((a, b) => a.span.start - b.span.start);
    for (let i = kids.length - 1; i >= 0; i--) pending.push(kids[i]!);
  }
}

const EXIT = Symbol('exit');

/** The properties of a node that can hold nodes (not `kind`, spans, strings, numbers or booleans), per node kind. */
const keysByKind = new Map<string, string[]>();

function childKeys(node: AstNode): readonly string[] {
  let keys = keysByKind.get(node.kind);
  if (keys === undefined) {
    keys = [];
    for (const key in node) {
      const value = (node as unknown as Record<string, unknown>)[key];
      // A property that is null here may hold a node in another instance of the kind.
      if (!SPAN_KEYS.has(key) && key !== 'kind' && (value === null || typeof value === 'object')) keys.push(key);
    }
    keysByKind.set(node.kind, keys);
  }
  return keys;
}

function collectNodes(value: unknown, out: AstNode[]): void {
  if (typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) collectNodes(item, out);
    return;
  }
  if (typeof (value as { kind?: unknown }).kind === 'string') {
    out.push(value as AstNode);
    return;
  }
  for (const key in value) if (!SPAN_KEYS.has(key)) collectNodes((value as Record<string, unknown>)[key], out);
}
