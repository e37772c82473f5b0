import type { CatalogEntries } from '../analysis/catalog/model.js';
import type { StatementAnalysis } from '../analysis/schema.js';
import type { AstNode } from '../ast/walk.js';
import { walk } from '../ast/walk.js';
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
 * the other rules continue. Inline suppressions are applied last.
 */
export function runRules(input: RunRulesInput, rules: readonly AnyRule[], settings: RuleSettings = {}): Diagnostic[] {
  let enabled: EnabledRule[];
  try {
    enabled = resolveRuleSettings(rules, settings);
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

  const runningRules: Running[] = [];
  for (const rule of enabled) {
    const context: RuleContext<Readonly<Record<string, unknown>>> = {
      options: rule.options,
      source: input.source,
      script: input.statements,
      get statement(): CurrentStatement {
        if (current === null) throw new Error('no statement is being checked');
        return current;
      },
      catalog,
      report: (report: RuleReport) => diagnostics.push(toDiagnostic(rule, report, current)),
    };
    const running: Running = { enabled: rule, visitors: {}, failed: false };
    try {
      (running as { visitors: RuleVisitors }).visitors = rule.rule.create(context);
    } catch (error) {
      internal(running, error);
    }
    runningRules.push(running);
  }

  const enter = new Map<string, { running: Running; fn: Handler }[]>();
  const exit = new Map<string, { running: Running; fn: Handler }[]>();
  for (const running of runningRules) {
    for (const [key, fn] of Object.entries(running.visitors)) {
      if (key === 'onStatement' || key === 'onStatementExit' || typeof fn !== 'function') continue;
      const [kind, phase] = key.split(':') as [string, string | undefined];
      const table = phase === 'exit' ? exit : enter;
      let list = table.get(kind);
      if (list === undefined) table.set(kind, (list = []));
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

  for (const parsed of input.statements) {
    if (parsed.ast === null) continue;
    const ast = parsed.ast;
    current = { parsed, ast, analysis: parsed.analysis, facts: new StatementFacts(ast, catalog, parsed.analysis, input.source) };
    const statement = current;
    for (const running of runningRules) {
      const hook = running.visitors.onStatement;
      if (hook !== undefined) call(running, () => hook(statement));
    }
    if (enter.size > 0 || exit.size > 0) {
      walk(ast, {
        enter(node, parent) {
          const handlers = enter.get(node.kind);
          if (handlers !== undefined) for (const h of handlers) call(h.running, () => h.fn(node, parent));
        },
        exit(node, parent) {
          const handlers = exit.get(node.kind);
          if (handlers !== undefined) for (const h of handlers) call(h.running, () => h.fn(node, parent));
        },
      });
    }
    for (const running of runningRules) {
      const hook = running.visitors.onStatementExit;
      if (hook !== undefined) call(running, () => hook(statement));
    }
    catalog.apply(ast);
  }
  current = null;
  return applySuppressions(diagnostics, input.source, rules, enabled);
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
