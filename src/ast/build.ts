/**
 * Builds the typed AST from ANTLR parse trees. This is the only module that imports parse-tree
 * contexts; everything downstream works on src/ast/nodes.ts.
 */
import { type ParserRuleContext, type ParseTree, TerminalNode, type Token } from 'antlr4ng';
import * as P from '../parse/generated/FlinkSqlParser.js';
import { FlinkSqlParser as G } from '../parse/generated/FlinkSqlParser.js';
import { Codes } from '../diagnostics/codes.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { RESERVED_WORDS } from '../parse/keywords.js';
import { reservedWordDiagnostic } from '../parse/syntax-errors.js';
import type { SourceText } from '../source/source-text.js';
import type { Span } from '../source/span.js';
import type * as A from './nodes.js';

type Ctx = ParserRuleContext;

/** Words Calcite treats as functions called without parentheses. */
const NILADIC_FUNCTIONS: ReadonlySet<string> = new Set([
  'CURRENT_DATE', 'CURRENT_TIME', 'CURRENT_TIMESTAMP', 'LOCALTIME', 'LOCALTIMESTAMP', 'CURRENT_USER',
  'SESSION_USER', 'SYSTEM_USER', 'CURRENT_ROLE', 'CURRENT_PATH', 'CURRENT_CATALOG', 'CURRENT_SCHEMA',
  'CURRENT_DEFAULT_TRANSFORM_GROUP',
]);

const ARITHMETIC_OPERATORS: ReadonlyMap<number, A.BinaryOperator> = new Map([
  [G.STAR, '*'], [G.SLASH, '/'], [G.PERCENT, '%'], [G.CONCAT, '||'], [G.PLUS, '+'], [G.MINUS_SIGN, '-'],
]);

const COMPARISON_OPERATORS: ReadonlyMap<number, A.ComparisonOperator> = new Map([
  [G.EQ, '='], [G.NEQ, '<>'], [G.NEQ_BANG, '!='], [G.LT, '<'], [G.LE, '<='], [G.GT, '>'], [G.GE, '>='],
]);

const FUNCTION_LANGUAGES: readonly string[] = ['JAVA', 'SCALA', 'PYTHON', 'SQL'];

const TIME_UNIT_SYNONYMS: Readonly<Record<string, A.TimeUnit>> = {
  YEARS: 'YEAR', QUARTERS: 'QUARTER', MONTHS: 'MONTH', WEEKS: 'WEEK', DAYS: 'DAY', HOURS: 'HOUR',
  MINUTES: 'MINUTE', SECONDS: 'SECOND',
};

/** WITH items one query may define; more are refused like deep nesting (FSQL1021). */
export const MAX_WITH_ITEMS = 1_000;

export class AstBuilder {
  /** Problems the grammar accepts on purpose so that they get a precise message; drained by the driver. */
  readonly diagnostics: Diagnostic[] = [];
  /**
   * Set when the statement has a shape Flink's parser rejects and the AST cannot represent
   * honestly (e.g. TABLE(...) around something that is not a call): the driver then drops the
   * statement's AST, so analysis and rules never see a half-built node. Drained with `diagnostics`.
   */
  rejected = false;

  constructor(private readonly source: SourceText) {}

  // ---------------------------------------------------------------------------------- helpers

  private span(ctx: Ctx | TerminalNode): Span {
    if (ctx instanceof TerminalNode) return this.tokenSpan(ctx.symbol);
    const start = ctx.start;
    const stop = ctx.stop ?? ctx.start;
    if (start === null || stop === null) return { start: 0, end: 0 };
    const begin = this.source.fromCodePoint(start.start);
    const end = stop.type === -1 ? begin : this.source.fromCodePoint(stop.stop + 1);
    return { start: begin, end: Math.max(begin, end) };
  }

  /** A token's text, sliced from the source (cheaper than the token's own text on antlr4ng). */
  private tokenText(token: Token): string {
    const span = this.tokenSpan(token);
    return this.source.text.slice(span.start, span.end);
  }

  private tokenSpan(token: Token): Span {
    const start = this.source.fromCodePoint(token.start);
    return { start, end: token.type === -1 ? start : this.source.fromCodePoint(token.stop + 1) };
  }

  private between(first: Ctx | TerminalNode, last: Ctx | TerminalNode): Span {
    return { start: this.span(first).start, end: this.span(last).end };
  }

  /** The source text of a node (keeps the user's spelling, e.g. for config keys). */
  private text(ctx: Ctx | TerminalNode): string {
    return this.source.slice(this.span(ctx));
  }

  // ---------------------------------------------------------------------------------- statements

  statement(ctx: P.StatementContext): A.Statement {
    const span = this.span(ctx);
    const first = ctx.start!.type;
    const q = ctx.queryStatement();
    if (q && first !== G.REPLACE) return { kind: 'QueryStatement', span, query: this.query(q) };
    const ins = ctx.insertStatement();
    if (ins && first !== G.COMPILE) return this.insert(ins);
    switch (first) {
      case G.EXECUTE: return this.execute(ctx.executeBody()!, span);
      case G.STATEMENT: return this.statementSet(ctx.statementSet()!);
      case G.BEGIN: return { kind: 'ClientCommand', span, command: 'BEGIN STATEMENT SET' };
      case G.END: return { kind: 'ClientCommand', span, command: 'END' };
      case G.HELP: return { kind: 'ClientCommand', span, command: 'HELP' };
      case G.QUIT: return { kind: 'ClientCommand', span, command: 'QUIT' };
      case G.EXIT: return { kind: 'ClientCommand', span, command: 'EXIT' };
      case G.CLEAR: return { kind: 'ClientCommand', span, command: 'CLEAR' };
      case G.CREATE: return this.create(ctx.createStatement()!);
      case G.REPLACE: return this.tableDefinition(ctx, span, 'REPLACE', ctx.TEMPORARY() !== null, false);
      case G.ALTER: return this.alter(ctx.alterStatement()!);
      case G.DROP: return this.drop(ctx.dropStatement()!);
      case G.USE: return this.use(ctx.useStatement()!);
      case G.SHOW: return this.show(ctx.showStatement()!);
      case G.DESCRIBE: case G.DESC: return this.describe(ctx.describeStatement()!);
      case G.EXPLAIN: return this.explain(ctx.explainStatement()!);
      case G.SET: return this.setStatement(ctx.setStatement()!);
      case G.RESET: {
        const key = ctx.resetStatement()!.configKey();
        return { kind: 'Reset', span, key: key ? this.configKey(key) : null };
      }
      case G.ADD: case G.REMOVE:
        return { kind: 'Jar', span, action: first === G.ADD ? 'ADD' : 'REMOVE', path: this.string(ctx.stringLiteral()!) };
      case G.LOAD: {
        const opts = ctx.withOptions();
        return { kind: 'LoadModule', span, name: this.identifier(ctx.identifier()!), options: opts ? this.withOptions(opts) : [] };
      }
      case G.UNLOAD: return { kind: 'UnloadModule', span, name: this.identifier(ctx.identifier()!) };
      case G.ANALYZE: {
        const list = ctx.identifierList();
        const spec = ctx.partitionSpec();
        return {
          kind: 'AnalyzeTable', span, name: this.qualifiedName(ctx.qualifiedName()!),
          partition: spec ? this.partitionSpec(spec) : [], allColumns: ctx.ALL() !== null,
          columns: list ? this.identifierList(list) : [],
        };
      }
      case G.CALL:
        return {
          kind: 'Call', span, procedure: this.qualifiedName(ctx.qualifiedName()!),
          args: ctx.functionArgument().map((a) => this.functionArgument(a)),
        };
      case G.DELETE: {
        const where = ctx.whereClause();
        return {
          kind: 'Delete', span, table: this.qualifiedName(ctx.qualifiedName()!),
          alias: this.optIdentifier(ctx.identifier()), where: where ? this.expression(where.expression()) : null,
        };
      }
      case G.UPDATE: {
        const where = ctx.whereClause();
        return {
          kind: 'Update', span, table: this.qualifiedName(ctx.qualifiedName()!), alias: this.optIdentifier(ctx.identifier()),
          assignments: ctx.assignment().map((a) => ({
            kind: 'Assignment', span: this.span(a), column: this.identifier(a.identifier()), value: this.expression(a.expression()),
          })),
          where: where ? this.expression(where.expression()) : null,
        };
      }
      case G.TRUNCATE: return { kind: 'Truncate', span, table: this.qualifiedName(ctx.qualifiedName()!) };
      case G.STOP:
        return {
          kind: 'StopJob', span, jobId: this.string(ctx.stringLiteral()!),
          withSavepoint: ctx.SAVEPOINT() !== null, withDrain: ctx.DRAIN() !== null,
        };
      case G.COMPILE: {
        const set = ctx.statementSet();
        return {
          kind: 'CompilePlan', span, andExecute: ctx.EXECUTE() !== null, path: this.string(ctx.stringLiteral()!),
          ifNotExists: ctx.EXISTS() !== null, statement: set ? this.statementSet(set) : this.insert(ctx.insertStatement()!),
        };
      }
      default:
        throw new Error(`unhandled statement starting with token ${first}`);
    }
  }

  private execute(body: P.ExecuteBodyContext, span: Span): A.Statement {
    if (body.PLAN()) return { kind: 'ExecutePlan', span, path: this.string(body.stringLiteral()!) };
    const ins = body.insertStatement();
    const set = body.statementSet();
    const q = body.queryStatement();
    const statement: A.Insert | A.StatementSet | A.QueryStatement = ins
      ? this.insert(ins)
      : set
        ? this.statementSet(set)
        : { kind: 'QueryStatement', span: this.span(q!), query: this.query(q!) };
    return { kind: 'Execute', span, statement };
  }

  private statementSet(ctx: P.StatementSetContext): A.StatementSet {
    return { kind: 'StatementSet', span: this.span(ctx), inserts: ctx.insertStatement().map((i) => this.insert(i)) };
  }

  insert(ctx: P.InsertStatementContext): A.Insert {
    const spec = ctx.partitionSpec();
    const cols = ctx.columnList();
    const hints = ctx.hints();
    return {
      kind: 'Insert',
      span: this.span(ctx),
      upsert: ctx.UPSERT() !== null,
      overwrite: ctx.OVERWRITE() !== null,
      target: this.qualifiedName(ctx.qualifiedName()),
      hints: hints ? this.hints(hints) : [],
      extendedColumns: ctx.extendedColumn().map((c) => this.extendedColumn(c)),
      partition: spec ? this.partitionSpec(spec) : [],
      columns: cols ? this.columnList(cols) : null,
      query: this.query(ctx.queryStatement()),
    };
  }

  private partitionSpec(ctx: P.PartitionSpecContext): A.PartitionEntry[] {
    return ctx.partitionEntry().map((e) => {
      const value = e.expression();
      return { kind: 'PartitionEntry', span: this.span(e), column: this.identifier(e.identifier()), value: value ? this.expression(value) : null };
    });
  }

  private partitionSpecNode(ctx: P.PartitionSpecContext, options: A.TableOption[]): A.PartitionSpec {
    return { kind: 'PartitionSpec', span: this.span(ctx), entries: this.partitionSpec(ctx), options };
  }

  private columnList(ctx: P.ColumnListContext): A.Identifier[] {
    return ctx.identifier().map((i) => this.identifier(i));
  }

  private identifierList(ctx: P.IdentifierListContext): A.Identifier[] {
    return ctx.identifier().map((i) => this.identifier(i));
  }

  // ---------------------------------------------------------------------------------- DDL

  private create(ctx: P.CreateStatementContext): A.Statement {
    const span = this.span(ctx);
    const orReplace = ctx.REPLACE() !== null;
    const temporary = ctx.TEMPORARY() !== null;
    const system = ctx.SYSTEM() !== null;
    const body = ctx.createBody();
    if (system && !body.FUNCTION()) {
      this.diagnostics.push({
        code: Codes.invalidSyntax.code, severity: 'error', category: 'syntax', span: this.span(ctx.SYSTEM()!),
        message: 'SYSTEM can only be used with TEMPORARY FUNCTION', hint: 'remove SYSTEM',
        fixes: [{ title: 'remove SYSTEM', applicability: 'safe', edits: [{ span: { start: this.span(ctx.SYSTEM()!).start, end: this.span(body).start }, text: '' }] }],
      });
    }
    const ifNotExists = body.ifNotExists() !== null;
    const comment = this.optComment(body.commentClause());
    if (body.MATERIALIZED()) {
      const def = body.materializedTableDefinition()!;
      const freshness = def.expression();
      const mode = def.refreshMode();
      return {
        kind: 'CreateMaterializedTable', span, orReplace, temporary, ifNotExists, name: this.qualifiedName(body.qualifiedName(0)!),
        elements: def.tableElement().map((e) => this.tableElement(e)),
        comment: this.optComment(def.commentClause()),
        distribution: this.optDistribution(def.distribution()),
        partitionedBy: this.partitionedBy(def.partitionedBy()),
        options: this.optOptions(def.withOptions()),
        freshness: freshness ? this.expression(freshness) : null,
        refreshMode: mode ? this.text(mode).toUpperCase() : null,
        query: this.query(def.queryStatement()),
      };
    }
    if (body.TABLE()) return this.tableDefinition(body, span, orReplace ? 'CREATE OR REPLACE' : 'CREATE', temporary, ifNotExists);
    if (body.VIEW()) {
      const cols = body.columnList();
      return {
        kind: 'CreateView', span, orReplace, temporary, ifNotExists, name: this.qualifiedName(body.qualifiedName(0)!),
        columns: cols ? this.columnList(cols) : [], comment, query: this.query(body.queryStatement()!),
      };
    }
    if (body.FUNCTION()) {
      const strings = body.stringLiteral();
      const lang = body.identifier();
      return {
        kind: 'CreateFunction', span, orReplace, temporary, system, ifNotExists, name: this.qualifiedName(body.qualifiedName(0)!),
        className: this.string(strings[0]!), language: lang ? this.language(lang) : null,
        jars: strings.slice(1).map((s) => ({ kind: 'FunctionJar', span: this.span(s), path: this.string(s) })),
      };
    }
    if (body.CATALOG()) {
      return {
        kind: 'CreateCatalog', span, ifNotExists, name: this.identifier(body.identifier()!), comment,
        options: this.optOptions(body.withOptions()),
      };
    }
    if (body.DATABASE()) {
      return {
        kind: 'CreateDatabase', span, ifNotExists, name: this.qualifiedName(body.qualifiedName(0)!), comment,
        options: this.optOptions(body.withOptions()),
      };
    }
    // MODEL
    const input: A.ColumnDefinition[] = [];
    const output: A.ColumnDefinition[] = [];
    let target = input;
    for (const child of body.children) {
      if (child instanceof TerminalNode && child.symbol.type === G.OUTPUT) target = output;
      else if (child instanceof P.ColumnDefinitionContext) target.push(this.columnDefinition(child));
    }
    const q = body.queryStatement();
    return {
      kind: 'CreateModel', span, orReplace, temporary, ifNotExists, name: this.qualifiedName(body.qualifiedName(0)!),
      input, output, comment, options: this.optOptions(body.withOptions()), asQuery: q ? this.query(q) : null,
    };
  }

  /** CREATE TABLE, CTAS, and REPLACE TABLE AS share one shape. */
  private tableDefinition(
    ctx: P.CreateBodyContext | P.StatementContext | P.ExplainableContext,
    span: Span,
    mode: A.CreateTable['mode'],
    temporary: boolean,
    ifNotExists: boolean,
  ): A.CreateTable {
    const schema = ctx.tableSchemaAndOptions()!;
    const likeName = ctx instanceof P.CreateBodyContext ? ctx.qualifiedName(1) : null;
    const likeOpts = ctx instanceof P.CreateBodyContext ? ctx.likeOptions() : null;
    const q = ctx.queryStatement();
    const nameCtx = ctx instanceof P.CreateBodyContext ? ctx.qualifiedName(0)! : ctx.qualifiedName()!;
    return {
      kind: 'CreateTable', span, mode, temporary, ifNotExists, name: this.qualifiedName(nameCtx),
      elements: schema.tableElement().map((e) => this.tableElement(e)),
      comment: this.optComment(schema.commentClause()),
      distribution: this.optDistribution(schema.distribution()),
      partitionedBy: this.partitionedBy(schema.partitionedBy()),
      options: this.optOptions(schema.withOptions()),
      like: likeName
        ? {
          kind: 'LikeClause',
          span: likeOpts ? this.between(likeName, likeOpts) : this.span(likeName),
          source: this.qualifiedName(likeName),
          options: likeOpts ? likeOpts.likeOption().map((o) => this.likeOption(o)) : [],
        }
        : null,
      asQuery: q ? this.query(q) : null,
    };
  }

  private likeOption(ctx: P.LikeOptionContext): A.LikeOption {
    const mode = ctx.start!.type === G.INCLUDING ? 'INCLUDING' : ctx.start!.type === G.EXCLUDING ? 'EXCLUDING' : 'OVERWRITING';
    const featureCtx = ctx.getChild(1)!;
    return { kind: 'LikeOption', span: this.span(ctx), mode, feature: this.text(featureCtx as Ctx).toUpperCase() };
  }

  private tableElement(ctx: P.TableElementContext): A.TableElement {
    const column = ctx.columnDefinition();
    if (column) return this.columnDefinition(column);
    const constraint = ctx.tableConstraint();
    if (constraint) {
      const name = constraint.constraintName();
      const enforcement = constraint.enforcement();
      return {
        kind: 'TableConstraint', span: this.span(constraint), name: name ? this.identifier(name.identifier()) : null,
        type: constraint.PRIMARY() ? 'PRIMARY KEY' : 'UNIQUE', columns: this.columnList(constraint.columnList()),
        enforced: enforcement ? enforcement.NOT() === null : null,
      };
    }
    return {
      kind: 'WatermarkDefinition', span: this.span(ctx), column: this.qualifiedName(ctx.qualifiedName()!),
      expr: this.expression(ctx.expression()!),
    };
  }

  private columnDefinition(ctx: P.ColumnDefinitionContext): A.ColumnDefinition {
    const span = this.span(ctx);
    const name = this.qualifiedName(ctx.qualifiedName());
    const comment = this.optComment(ctx.commentClause());
    const computed = ctx.expression();
    if (computed) return { kind: 'ComputedColumn', span, name, expr: this.expression(computed), comment };
    const typeCtx = ctx.dataType();
    let constraint: A.ColumnConstraint | null = null;
    let metadata: P.ColumnOptionContext | null = null;
    for (const option of ctx.columnOption()) {
      if (option.METADATA()) metadata = option;
      else {
        const cname = option.constraintName();
        const enforcement = option.enforcement();
        constraint = {
          kind: 'ColumnConstraint', span: this.span(option), name: cname ? this.identifier(cname.identifier()) : null,
          type: option.PRIMARY() ? 'PRIMARY KEY' : 'UNIQUE', enforced: enforcement ? enforcement.NOT() === null : null,
        };
      }
    }
    if (metadata && typeCtx) {
      const key = metadata.stringLiteral();
      return {
        kind: 'MetadataColumn', span, name, type: this.dataType(typeCtx), metadataKey: key ? this.string(key) : null,
        metadataKeySpan: key ? this.span(key) : null, virtual: metadata.VIRTUAL() !== null, constraint, comment,
      };
    }
    return { kind: 'PhysicalColumn', span, name, type: typeCtx ? this.dataType(typeCtx) : null, constraint, comment };
  }

  /** LANGUAGE JAVA | SCALA | PYTHON | SQL; the words are keywords, so reserved ones are fine here. */
  private language(ctx: P.IdentifierContext): string {
    const name = this.identifier(ctx, 'allow').value.toUpperCase();
    if (!FUNCTION_LANGUAGES.includes(name)) {
      this.diagnostics.push({
        code: Codes.invalidSyntax.code, severity: 'error', category: 'syntax', span: this.span(ctx),
        message: `Unknown function language \`${ctx.getText()}\``, hint: `use one of ${FUNCTION_LANGUAGES.join(', ')}`,
      });
    }
    return name;
  }

  private optComment(ctx: P.CommentClauseContext | null): string | null {
    return ctx ? this.string(ctx.stringLiteral()) : null;
  }

  private optDistribution(ctx: P.DistributionContext | null): A.Distribution | null {
    if (!ctx) return null;
    return this.distribution(ctx, ctx.identifierList(), ctx.expression());
  }

  private distribution(
    ctx: P.DistributionContext | P.AlterDistributionContext,
    columns: P.IdentifierListContext | null,
    buckets: P.ExpressionContext | null,
  ): A.Distribution {
    const algo = ctx.HASH() ? 'HASH' : ctx.RANGE() ? 'RANGE' : null;
    return {
      kind: 'Distribution', span: this.span(ctx), algorithm: algo, columns: columns ? this.identifierList(columns) : [],
      buckets: buckets ? this.expression(buckets) : null,
    };
  }

  private partitionedBy(ctx: P.PartitionedByContext | null): A.Identifier[] {
    return ctx ? this.columnList(ctx.columnList()) : [];
  }

  private optOptions(ctx: P.WithOptionsContext | null): A.TableOption[] {
    return ctx ? this.withOptions(ctx) : [];
  }

  private withOptions(ctx: P.WithOptionsContext | P.PropertyListContext): A.TableOption[] {
    return ctx.tableOption().map((o) => this.tableOption(o));
  }

  private tableOption(ctx: P.TableOptionContext): A.TableOption {
    const keyCtx = ctx.optionKey();
    const key = this.configKey(keyCtx);
    const value = ctx.stringLiteral();
    return {
      kind: 'TableOption', span: this.span(ctx), key: key.key, keySpan: key.span, keyQuoted: key.quoted,
      value: this.string(value), valueSpan: this.span(value),
    };
  }

  private configKey(ctx: P.OptionKeyContext | P.ConfigKeyContext): A.ConfigKey {
    const literal = ctx.stringLiteral();
    if (literal) return { kind: 'ConfigKey', span: this.span(ctx), key: this.string(literal), quoted: true };
    // An unquoted option key written as a name path (`connector`, `sink.parallelism`) means its parts' values.
    const key = ctx instanceof P.OptionKeyContext ? ctx.identifier().map((i) => this.identifier(i, 'allow').value).join('.') : this.text(ctx);
    return { kind: 'ConfigKey', span: this.span(ctx), key, quoted: false };
  }

  private keyList(ctx: P.KeyListContext): A.ConfigKey[] {
    return ctx.optionKey().map((k) => this.configKey(k));
  }

  private alter(ctx: P.AlterStatementContext): A.Statement {
    const span = this.span(ctx);
    if (ctx.MATERIALIZED()) {
      return { kind: 'AlterMaterializedTable', span, name: this.qualifiedName(ctx.qualifiedName(0)!), action: this.alterMaterialized(ctx.alterMaterializedTableAction()!) };
    }
    if (ctx.VIEW()) {
      const q = ctx.queryStatement();
      return {
        kind: 'AlterView', span, name: this.qualifiedName(ctx.qualifiedName(0)!),
        newName: ctx.RENAME() ? this.qualifiedName(ctx.qualifiedName(1)!) : null, query: q ? this.query(q) : null,
      };
    }
    if (ctx.FUNCTION()) {
      const lang = ctx.identifier();
      return {
        kind: 'AlterFunction', span, temporary: ctx.TEMPORARY() !== null, system: ctx.SYSTEM() !== null,
        ifExists: ctx.ifExists() !== null, name: this.qualifiedName(ctx.qualifiedName(0)!),
        className: this.string(ctx.stringLiteral()!), language: lang ? this.language(lang) : null,
      };
    }
    if (ctx.CATALOG()) {
      const props = ctx.propertyList();
      const keys = ctx.keyList();
      return {
        kind: 'AlterCatalog', span, name: this.identifier(ctx.identifier()!),
        setOptions: props ? this.withOptions(props) : null, resetKeys: keys ? this.keyList(keys) : null,
        comment: this.optComment(ctx.commentClause()),
      };
    }
    if (ctx.DATABASE()) {
      return { kind: 'AlterDatabase', span, name: this.qualifiedName(ctx.qualifiedName(0)!), options: this.withOptions(ctx.propertyList()!) };
    }
    if (ctx.MODEL()) {
      const props = ctx.propertyList();
      const keys = ctx.keyList();
      return {
        kind: 'AlterModel', span, ifExists: ctx.ifExists() !== null, name: this.qualifiedName(ctx.qualifiedName(0)!),
        setOptions: props ? this.withOptions(props) : null, resetKeys: keys ? this.keyList(keys) : null,
        newName: ctx.RENAME() ? this.qualifiedName(ctx.qualifiedName(1)!) : null,
      };
    }
    return {
      kind: 'AlterTable', span, ifExists: ctx.ifExists() !== null, name: this.qualifiedName(ctx.qualifiedName(0)!),
      action: this.alterTableAction(ctx.alterTableAction()!),
    };
  }

  private alterTableAction(ctx: P.AlterTableActionContext): A.AlterTableAction {
    const span = this.span(ctx);
    const first = ctx.start!.type;
    const names = ctx.qualifiedName();
    switch (first) {
      case G.RENAME:
        return names.length === 1
          ? { kind: 'RenameTable', span, newName: this.qualifiedName(names[0]!) }
          : { kind: 'RenameColumn', span, column: this.qualifiedName(names[0]!), newName: this.qualifiedName(names[1]!) };
      case G.SET: return { kind: 'SetOptions', span, options: this.withOptions(ctx.propertyList()!) };
      case G.RESET: return { kind: 'ResetOptions', span, keys: this.keyList(ctx.keyList()!) };
      case G.ADD: case G.MODIFY: {
        const dist = ctx.alterDistribution();
        if (dist) {
          const distribution = this.distribution(dist, dist.identifierList(), dist.expression());
          return { kind: first === G.ADD ? 'AddDistribution' : 'ModifyDistribution', span, distribution };
        }
        const elements = ctx.positionedElement();
        if (elements.length > 0) {
          return {
            kind: first === G.ADD ? 'AddElements' : 'ModifyElements', span, parenthesized: ctx.LPAREN() !== null,
            elements: elements.map((e) => this.positionedElement(e)),
          };
        }
        const partitions: A.PartitionSpec[] = [];
        for (const child of ctx.children) {
          if (child instanceof P.PartitionSpecContext) partitions.push(this.partitionSpecNode(child, []));
          else if (child instanceof P.WithOptionsContext) {
            const last = partitions.pop()!;
            partitions.push({ ...last, span: { start: last.span.start, end: this.span(child).end }, options: this.withOptions(child) });
          }
        }
        return { kind: 'AddPartitions', span, ifNotExists: ctx.ifNotExists() !== null, partitions };
      }
      case G.DROP: {
        const specs = ctx.partitionSpec();
        if (specs.length > 0) return { kind: 'DropPartitions', span, ifExists: ctx.ifExists() !== null, partitions: specs.map((s) => this.partitionSpecNode(s, [])) };
        if (ctx.PRIMARY()) return { kind: 'DropPrimaryKey', span };
        if (ctx.WATERMARK()) return { kind: 'DropWatermark', span };
        if (ctx.DISTRIBUTION()) return { kind: 'DropDistribution', span };
        if (ctx.CONSTRAINT()) return { kind: 'DropConstraint', span, name: this.identifier(ctx.identifier()!) };
        return { kind: 'DropColumns', span, parenthesized: ctx.LPAREN() !== null, columns: names.map((n) => this.qualifiedName(n)) };
      }
      case G.AS: return { kind: 'AsQuery', span, query: this.query(ctx.queryStatement()!) };
      default: {
        const spec = ctx.partitionSpec();
        return { kind: 'Compact', span, partition: spec.length > 0 ? this.partitionSpec(spec[0]!) : [] };
      }
    }
  }

  private positionedElement(ctx: P.PositionedElementContext): A.PositionedElement {
    const pos = ctx.columnPosition();
    const ref = pos?.qualifiedName();
    return {
      kind: 'PositionedElement', span: this.span(ctx), element: this.tableElement(ctx.tableElement()),
      position: pos ? { kind: 'ColumnPosition', span: this.span(pos), position: pos.FIRST() ? 'FIRST' : 'AFTER', reference: ref ? this.qualifiedName(ref) : null } : null,
    };
  }

  private alterMaterialized(ctx: P.AlterMaterializedTableActionContext): A.AlterMaterializedTableAction {
    const span = this.span(ctx);
    if (ctx.SUSPEND()) return { kind: 'Suspend', span };
    if (ctx.RESUME()) return { kind: 'Resume', span, options: this.optOptions(ctx.withOptions()) };
    if (ctx.REFRESH()) {
      const spec = ctx.partitionSpec();
      return { kind: 'Refresh', span, partition: spec ? this.partitionSpec(spec) : [] };
    }
    if (ctx.FRESHNESS()) return { kind: 'SetFreshness', span, freshness: this.expression(ctx.expression()!) };
    if (ctx.REFRESH_MODE()) return { kind: 'SetRefreshMode', span, mode: this.text(ctx.refreshMode()!).toUpperCase() };
    if (ctx.propertyList()) return { kind: 'SetOptions', span, options: this.withOptions(ctx.propertyList()!) };
    if (ctx.keyList()) return { kind: 'ResetOptions', span, keys: this.keyList(ctx.keyList()!) };
    return { kind: 'AsQuery', span, query: this.query(ctx.queryStatement()!) };
  }

  private drop(ctx: P.DropStatementContext): A.Drop {
    const span = this.span(ctx);
    const object: A.DropObject = ctx.MATERIALIZED()
      ? 'MATERIALIZED TABLE'
      : ctx.TABLE() ? 'TABLE' : ctx.VIEW() ? 'VIEW' : ctx.FUNCTION() ? 'FUNCTION' : ctx.MODEL() ? 'MODEL'
        : ctx.CATALOG() ? 'CATALOG' : 'DATABASE';
    const ident = ctx.identifier();
    const name: A.QualifiedName = ident
      ? { kind: 'QualifiedName', span: this.span(ident), parts: [this.identifier(ident)] }
      : this.qualifiedName(ctx.qualifiedName()!);
    return {
      kind: 'Drop', span, object, temporary: ctx.TEMPORARY() !== null, system: ctx.SYSTEM() !== null,
      ifExists: ctx.ifExists() !== null, name,
      behavior: ctx.RESTRICT() ? 'RESTRICT' : ctx.CASCADE() ? 'CASCADE' : null,
    };
  }

  private use(ctx: P.UseStatementContext): A.Use {
    const span = this.span(ctx);
    if (ctx.CATALOG()) {
      const id = ctx.identifier()!;
      return { kind: 'Use', span, target: 'CATALOG', names: [{ kind: 'QualifiedName', span: this.span(id), parts: [this.identifier(id)] }] };
    }
    if (ctx.MODULES()) {
      return {
        kind: 'Use', span, target: 'MODULES',
        names: this.identifierList(ctx.identifierList()!).map((i) => ({ kind: 'QualifiedName', span: i.span, parts: [i] })),
      };
    }
    return { kind: 'Use', span, target: 'DATABASE', names: [this.qualifiedName(ctx.qualifiedName()!)] };
  }

  private show(ctx: P.ShowStatementContext): A.Show {
    const span = this.span(ctx);
    const second = ctx.getChild(1) as TerminalNode;
    const name = ctx.qualifiedName();
    const like = ctx.likePattern();
    const spec = ctx.partitionSpec();
    let object: A.ShowObject;
    switch (second.symbol.type) {
      case G.CURRENT: object = ctx.CATALOG() ? 'CURRENT CATALOG' : 'CURRENT DATABASE'; break;
      case G.CREATE:
        object = ctx.MATERIALIZED() ? 'CREATE MATERIALIZED TABLE' : ctx.TABLE() ? 'CREATE TABLE' : ctx.VIEW() ? 'CREATE VIEW'
          : ctx.CATALOG() ? 'CREATE CATALOG' : 'CREATE MODEL';
        break;
      case G.USER: object = 'USER FUNCTIONS'; break;
      case G.FULL: object = 'FULL MODULES'; break;
      case G.MATERIALIZED: object = 'MATERIALIZED TABLES'; break;
      default: object = second.getText().toUpperCase() as A.ShowObject;
    }
    return {
      kind: 'Show', span, object, name: name ? this.qualifiedName(name) : null,
      preposition: ctx.FROM() ? 'FROM' : ctx.IN() ? 'IN' : null,
      like: like ? { kind: 'LikePattern', span: this.span(like), negated: like.NOT() !== null, ilike: like.ILIKE() !== null, pattern: this.string(like.stringLiteral()) } : null,
      partition: spec ? this.partitionSpec(spec) : [],
    };
  }

  private describe(ctx: P.DescribeStatementContext): A.Describe {
    const span = this.span(ctx);
    const extended = ctx.EXTENDED() !== null;
    if (ctx.JOB()) return { kind: 'Describe', span, object: 'JOB', extended, name: null, jobId: this.string(ctx.stringLiteral()!) };
    const ident = ctx.identifier();
    const name = ident
      ? { kind: 'QualifiedName' as const, span: this.span(ident), parts: [this.identifier(ident)] }
      : this.qualifiedName(ctx.qualifiedName()!);
    const object = ctx.CATALOG() ? 'CATALOG' : ctx.DATABASE() ? 'DATABASE' : ctx.FUNCTION() ? 'FUNCTION' : ctx.MODEL() ? 'MODEL' : 'TABLE';
    return { kind: 'Describe', span, object, extended, name, jobId: null };
  }

  private explain(ctx: P.ExplainStatementContext): A.Explain {
    const target = ctx.explainable();
    return {
      kind: 'Explain', span: this.span(ctx), planFor: ctx.PLAN() !== null,
      implementation: ctx.IMPLEMENTATION() ? (ctx.WITH() ? 'WITH IMPLEMENTATION' : 'WITHOUT IMPLEMENTATION') : null,
      details: ctx.explainDetail().map((d) => d.getText().toUpperCase() as A.ExplainDetail),
      statement: this.explainable(target),
    };
  }

  private explainable(ctx: P.ExplainableContext): A.Statement {
    const span = this.span(ctx);
    const first = ctx.start!.type;
    if (first === G.EXECUTE) {
      const ins = ctx.insertStatement();
      const set = ctx.statementSet();
      const q = ctx.queryStatement();
      return {
        kind: 'Execute', span,
        statement: ins ? this.insert(ins) : set ? this.statementSet(set) : { kind: 'QueryStatement', span: this.span(q!), query: this.query(q!) },
      };
    }
    if (first === G.REPLACE) return this.tableDefinition(ctx, span, 'REPLACE', ctx.TEMPORARY() !== null, false);
    const create = ctx.createStatement();
    if (create) return this.create(create);
    const ins = ctx.insertStatement();
    if (ins) return this.insert(ins);
    const set = ctx.statementSet();
    if (set) return this.statementSet(set);
    return { kind: 'QueryStatement', span, query: this.query(ctx.queryStatement()!) };
  }

  private setStatement(ctx: P.SetStatementContext): A.SetStatement {
    const key = ctx.configKey();
    const value = ctx.configValue();
    let text: string | null = null;
    if (value) {
      const literal = value.stringLiteral();
      text = literal ? this.string(literal) : this.text(value);
    }
    return { kind: 'Set', span: this.span(ctx), key: key ? this.configKey(key) : null, value: text };
  }

  // ---------------------------------------------------------------------------------- queries

  query(ctx: P.QueryStatementContext): A.Query {
    const withClause = ctx.withClause();
    const order = ctx.orderByClause();
    const limit = ctx.limitClause();
    const offset = ctx.offsetClause();
    const fetch = ctx.fetchClause();
    let limitExpr: A.Expression | null = null;
    let offsetExpr: A.Expression | null = offset ? this.expression(offset.expression()) : null;
    if (limit) {
      const counts = limit.rowCount();
      if (counts.length === 2) {
        offsetExpr = this.rowCount(counts[0]!);
        limitExpr = this.rowCount(counts[1]!);
        const [start, count] = counts.map((c) => c.getText());
        this.notInFlinkConformance(this.span(limit), `LIMIT ${start}, ${count}`, `LIMIT ${count} OFFSET ${start}`);
      } else if (counts.length === 1) limitExpr = this.rowCount(counts[0]!);
    }
    const fetchExpr = fetch?.expression();
    const named = withClause ? withClause.namedQuery() : [];
    if (named.length > MAX_WITH_ITEMS) {
      // Each item may read the one before, a chain as deep as it is long (see MAX_JOINS_PER_STATEMENT).
      this.rejected = true;
      this.diagnostics.push({
        code: Codes.nestingTooDeep.code, severity: 'error', category: 'syntax', span: this.span(named[MAX_WITH_ITEMS]!),
        message: `This WITH clause defines more than ${MAX_WITH_ITEMS.toLocaleString('en-US')} queries`,
        hint: 'split the script into views; flinkcheck does not check longer WITH clauses',
      });
    }
    return {
      kind: 'Query',
      span: this.span(ctx),
      recursive: withClause?.RECURSIVE() != null,
      withItems: named.length > MAX_WITH_ITEMS ? [] : named.map((n) => this.withItem(n)),
      body: this.queryBody(ctx.queryBody()),
      orderBy: order ? this.orderItems(order) : [],
      limit: limitExpr,
      limitAll: limit?.ALL() != null,
      offset: offsetExpr,
      fetch: fetch ? (fetchExpr ? this.expression(fetchExpr) : { kind: 'Literal', span: this.span(fetch), type: 'INTEGER', value: '1', prefix: null }) : null,
    };
  }

  private withItem(ctx: P.NamedQueryContext): A.WithItem {
    const cols = ctx.columnList();
    return {
      kind: 'WithItem', span: this.span(ctx), name: this.identifier(ctx.identifier()),
      columns: cols ? this.columnList(cols) : [], query: this.query(ctx.queryStatement()),
    };
  }

  private queryBody(ctx: P.QueryBodyContext): A.QueryBody {
    const primary = ctx.queryPrimary();
    if (primary) return this.queryPrimary(primary);
    const [left, right] = ctx.queryBody();
    const opNode = ctx.getChild(1) as TerminalNode;
    const opToken = opNode.symbol.type;
    const op = opToken === G.UNION ? 'UNION' : opToken === G.INTERSECT ? 'INTERSECT' : 'EXCEPT';
    if (opToken === G.MINUS) this.notInFlinkConformance(this.span(opNode), 'MINUS', 'EXCEPT');
    const quant = ctx.setQuantifier();
    return {
      kind: 'SetOperation', span: this.span(ctx), op, quantifier: quant ? (quant.ALL() ? 'ALL' : 'DISTINCT') : null,
      left: this.queryBody(left!), right: this.queryBody(right!),
    };
  }

  private queryPrimary(ctx: P.QueryPrimaryContext): A.QueryBody {
    const select = ctx.selectQuery();
    if (select) return this.select(select);
    const values = ctx.valuesQuery();
    if (values) return { kind: 'Values', span: this.span(values), rows: values.expression().map((e) => this.expression(e)) };
    const inner = ctx.queryStatement();
    if (inner) return this.query(inner);
    return { kind: 'ExplicitTable', span: this.span(ctx), name: this.qualifiedName(ctx.qualifiedName()!) };
  }

  private select(ctx: P.SelectQueryContext): A.Select {
    // One pass over the children: the generated accessors would each scan them again.
    let hints: A.Hint[] = [];
    let quantifier: A.Select['quantifier'] = null;
    const items: A.SelectItem[] = [];
    let from: A.TableRef[] = [];
    let where: A.Expression | null = null;
    let groupBy: A.GroupBy | null = null;
    let having: A.Expression | null = null;
    let windows: A.WindowDefinition[] = [];
    for (const child of ctx.children) {
      if (child instanceof P.SelectItemContext) items.push(this.selectItem(child));
      else if (child instanceof P.FromClauseContext) from = child.tableReference().map((t) => this.tableReference(t));
      else if (child instanceof P.WhereClauseContext) where = this.expression(child.expression());
      else if (child instanceof P.GroupByClauseContext) groupBy = this.groupBy(child);
      else if (child instanceof P.HavingClauseContext) having = this.expression(child.expression());
      else if (child instanceof P.HintsContext) hints = this.hints(child);
      else if (child instanceof P.SetQuantifierContext) quantifier = child.ALL() ? 'ALL' : 'DISTINCT';
      else if (child instanceof P.WindowClauseContext) {
        windows = child.windowDefinition().map((w) => ({
          kind: 'WindowDefinition', span: this.span(w), name: this.identifier(w.identifier()), spec: this.windowSpec(w.windowSpec()),
        }));
      }
    }
    return { kind: 'Select', span: this.span(ctx), hints, quantifier, items, from, where, groupBy, having, windows };
  }

  private selectItem(ctx: P.SelectItemContext): A.SelectItem {
    // STAR | expression (AS? identifier)?
    const children = ctx.children;
    const first = children[0]!;
    if (first instanceof TerminalNode) {
      const span = this.span(ctx);
      return { kind: 'SelectItem', span, expr: { kind: 'Star', span, qualifier: [] }, alias: null };
    }
    const expr = this.expression(first as P.ExpressionContext);
    const last = children[children.length - 1];
    const alias = children.length > 1 && last instanceof P.IdentifierContext ? this.identifier(last) : null;
    return { kind: 'SelectItem', span: alias ? { start: expr.span.start, end: alias.span.end } : expr.span, expr, alias };
  }

  private groupBy(ctx: P.GroupByClauseContext): A.GroupBy {
    const quant = ctx.setQuantifier();
    return {
      kind: 'GroupBy', span: this.span(ctx), quantifier: quant ? (quant.ALL() ? 'ALL' : 'DISTINCT') : null,
      elements: ctx.groupingElement().map((g) => this.groupingElement(g)),
    };
  }

  private groupingElement(ctx: P.GroupingElementContext): A.GroupingElement {
    const span = this.span(ctx);
    const expr = ctx.expression();
    if (expr) return { kind: 'GroupingExpression', span, expr: this.expression(expr) };
    const nested = ctx.groupingElement();
    if (ctx.ROLLUP()) return { kind: 'Rollup', span, elements: nested.map((g) => this.groupingElement(g)) };
    if (ctx.CUBE()) return { kind: 'Cube', span, elements: nested.map((g) => this.groupingElement(g)) };
    if (ctx.SETS()) return { kind: 'GroupingSets', span, elements: nested.map((g) => this.groupingElement(g)) };
    return { kind: 'EmptyGrouping', span };
  }

  private orderItems(ctx: P.OrderByClauseContext): A.OrderItem[] {
    return ctx.orderItem().map((o) => this.orderItem(o));
  }

  private orderItem(ctx: P.OrderItemContext): A.OrderItem {
    return {
      kind: 'OrderItem', span: this.span(ctx), expr: this.expression(ctx.expression()),
      direction: ctx.ASC() ? 'ASC' : ctx.DESC() ? 'DESC' : null,
      nulls: ctx.NULLS() ? (ctx.FIRST() ? 'FIRST' : 'LAST') : null,
    };
  }

  private hints(ctx: P.HintsContext): A.Hint[] {
    return ctx.hint().map((h) => ({
      kind: 'Hint', span: this.span(h), name: this.identifier(h.identifier(), 'allow'),
      options: h.hintOption().map((o) => {
        const keyCtx = o.hintKey();
        const literal = keyCtx.stringLiteral();
        const value = o.stringLiteral();
        return {
          kind: 'HintOption' as const, span: this.span(o),
          key: literal ? this.string(literal) : keyCtx.identifier().length > 0 ? keyCtx.identifier().map((i) => this.identifier(i).value).join('.') : this.text(keyCtx),
          keyQuoted: literal !== null, value: value ? this.string(value) : null,
        };
      }),
    }));
  }

  // ---------------------------------------------------------------------------------- FROM

  private tableReference(ctx: P.TableReferenceContext): A.TableRef {
    let current = this.tablePrimary(ctx.tablePrimary());
    for (const part of ctx.joinPart()) {
      const right = this.tablePrimary(part.tablePrimary());
      const cond = part.joinCondition();
      const type = part.joinType();
      let joinType: A.JoinType = 'INNER';
      if (part.APPLY()) joinType = part.CROSS() ? 'CROSS APPLY' : 'OUTER APPLY';
      else if (part.CROSS()) joinType = 'CROSS';
      else if (type?.LEFT()) joinType = 'LEFT';
      else if (type?.RIGHT()) joinType = 'RIGHT';
      else if (type?.FULL()) joinType = 'FULL';
      current = {
        kind: 'Join', span: { start: current.span.start, end: this.span(part).end }, joinType, natural: part.NATURAL() !== null,
        left: current, right, on: cond?.expression() ? this.expression(cond.expression()!) : null,
        using: cond?.columnList() ? this.columnList(cond.columnList()!) : [],
      };
    }
    return current;
  }

  private tablePrimary(ctx: P.TablePrimaryContext): A.TableRef {
    const aliasCtx = ctx.tableAlias();
    const alias: A.TableAlias | null = aliasCtx
      ? {
        kind: 'TableAlias', span: this.span(aliasCtx), name: this.identifier(aliasCtx.identifier()),
        columns: aliasCtx.columnList() ? this.columnList(aliasCtx.columnList()!) : [],
      }
      : null;
    const sample = ctx.tableSample();
    if (sample) {
      this.diagnostics.push({
        code: Codes.unsupportedSyntax.code, severity: 'error', category: 'syntax', span: this.span(sample),
        message: 'Flink cannot run TABLESAMPLE: its planners have no sampling operator',
        hint: 'to sample rows, filter with a random value, e.g. WHERE RAND() < 0.1',
      });
    }
    const match = ctx.matchRecognize();
    const source = this.tableSource(ctx.tableSource(), match ? null : alias);
    if (!match) return source;
    return this.matchRecognize(match, source, alias, this.span(ctx));
  }

  private tableSource(ctx: P.TableSourceContext, alias: A.TableAlias | null): A.TableRef {
    const span = alias ? { start: this.span(ctx).start, end: alias.span.end } : this.span(ctx);
    const lateral = ctx.LATERAL() !== null;
    if (ctx.UNNEST()) {
      return { kind: 'Unnest', span, lateral, args: ctx.expression().map((e) => this.expression(e)), withOrdinality: ctx.ORDINALITY() !== null, alias };
    }
    if (ctx.TABLE()) {
      const call = this.expression(ctx.expression(0)!);
      return { kind: 'TableFunction', span, lateral, wrapped: true, call: this.asCall(call), alias };
    }
    const fn = ctx.functionName();
    if (fn) {
      const args = ctx.functionArguments();
      const call: A.FunctionCall = this.makeCall(this.span(ctx), this.functionName(fn), args ? args.functionArgument().map((a) => this.functionArgument(a)) : []);
      return { kind: 'TableFunction', span, lateral: false, wrapped: false, call, alias };
    }
    const q = ctx.queryStatement();
    if (q) return { kind: 'DerivedTable', span, lateral, query: this.query(q), alias };
    const nested = ctx.tableReference();
    if (nested) return this.tableReference(nested);
    const hints = ctx.hints();
    const ext = ctx.tableExtension();
    const temporal = ctx.temporalClause();
    return {
      kind: 'NamedTable', span, name: this.qualifiedName(ctx.qualifiedName()!), hints: hints ? this.hints(hints) : [],
      extension: ext ? ext.extendedColumn().map((c) => this.extendedColumn(c)) : [],
      systemTime: temporal ? this.expression(temporal.expression()) : null, alias,
    };
  }

  /** TABLE(expr) must wrap a call of a table function, as in Calcite's grammar; anything else rejects the statement. */
  private asCall(expr: A.Expression): A.FunctionCall {
    if (expr.kind === 'FunctionCall' && expr.name.parts.length > 0) return expr;
    this.rejected = true;
    this.diagnostics.push({
      code: Codes.invalidSyntax.code, severity: 'error', category: 'syntax', span: expr.span,
      message: 'TABLE(...) in FROM takes a call of a table function, not an expression',
      hint: "call the function inside, like `LATERAL TABLE(split(line, ','))`; for a list of rows use VALUES or UNNEST",
    });
    return this.makeCall(expr.span, { kind: 'QualifiedName', span: expr.span, parts: [] }, [expr]);
  }

  private extendedColumn(ctx: P.ExtendedColumnContext): A.ExtendedColumn {
    return { kind: 'ExtendedColumn', span: this.span(ctx), name: this.identifier(ctx.identifier()), type: this.dataType(ctx.dataType()) };
  }

  private matchRecognize(ctx: P.MatchRecognizeContext, input: A.TableRef, alias: A.TableAlias | null, span: Span): A.MatchRecognize {
    const order = ctx.orderByClause();
    const after = ctx.afterMatch();
    const rows = ctx.rowsPerMatch();
    const within = ctx.WITHIN() ? ctx.expression().at(-1)! : null;
    const partitionExprs = ctx.PARTITION() ? ctx.expression().slice(0, within ? -1 : undefined) : [];
    let afterMatch: A.AfterMatch | null = null;
    if (after) {
      const id = after.identifier();
      const skip: A.AfterMatch['skip'] = after.PAST() ? 'PAST LAST ROW' : after.NEXT() ? 'TO NEXT ROW' : after.FIRST() ? 'TO FIRST' : after.LAST() ? 'TO LAST' : 'TO';
      afterMatch = { kind: 'AfterMatch', span: this.span(after), skip, variable: id ? this.identifier(id) : null };
    }
    return {
      kind: 'MatchRecognize', span, input,
      partitionBy: partitionExprs.map((e) => this.expression(e)),
      orderBy: order ? this.orderItems(order) : [],
      measures: ctx.measure().map((m) => ({ kind: 'MatchMeasure', span: this.span(m), expr: this.expression(m.expression()), alias: this.identifier(m.identifier()) })),
      rowsPerMatch: rows ? (rows.ONE() ? 'ONE ROW PER MATCH' : 'ALL ROWS PER MATCH') : null,
      afterMatch,
      pattern: this.rowPattern(ctx.rowPattern()),
      within: within ? this.expression(within) : null,
      subsets: ctx.subsetDefinition().map((s) => ({
        kind: 'SubsetDefinition', span: this.span(s), name: this.identifier(s.identifier()), variables: this.identifierList(s.identifierList()),
      })),
      definitions: ctx.patternDefinition().map((d) => ({
        kind: 'PatternDefinition', span: this.span(d), variable: this.identifier(d.identifier()), condition: this.expression(d.expression()),
      })),
      alias,
    };
  }

  private rowPattern(ctx: P.RowPatternContext): A.RowPattern {
    const terms = ctx.rowPatternTerm().map((t) => this.rowPatternTerm(t));
    return terms.length === 1 ? terms[0]! : { kind: 'PatternAlternation', span: this.span(ctx), alternatives: terms };
  }

  private rowPatternTerm(ctx: P.RowPatternTermContext): A.RowPattern {
    const factors = ctx.rowPatternFactor().map((f) => this.rowPatternFactor(f));
    return factors.length === 1 ? factors[0]! : { kind: 'PatternSequence', span: this.span(ctx), items: factors };
  }

  private rowPatternFactor(ctx: P.RowPatternFactorContext): A.RowPattern {
    const primary = this.rowPatternPrimary(ctx.rowPatternPrimary());
    const q = ctx.rowPatternQuantifier();
    if (!q) return primary;
    const first = q.start!.type;
    const reluctant = q.QUESTION().length > (first === G.QUESTION ? 1 : 0);
    let min = 0;
    let max: number | null = null;
    let form: A.PatternQuantifier['form'] = 'braces';
    if (first === G.STAR) form = '*';
    else if (first === G.PLUS) { form = '+'; min = 1; }
    else if (first === G.QUESTION) { form = '?'; max = 1; }
    else {
      const ints = q.UNSIGNED_INTEGER();
      const comma = q.COMMA() !== null;
      const commaIndex = comma ? q.COMMA()!.symbol.tokenIndex : Infinity;
      const before = ints.filter((i) => i.symbol.tokenIndex < commaIndex);
      const after = ints.filter((i) => i.symbol.tokenIndex > commaIndex);
      min = before.length > 0 ? Number(before[0]!.getText()) : 0;
      max = comma ? (after.length > 0 ? Number(after[0]!.getText()) : null) : min;
    }
    return {
      kind: 'PatternQuantified', span: this.span(ctx), pattern: primary,
      quantifier: { kind: 'PatternQuantifier', span: this.span(q), min, max, reluctant, form },
    };
  }

  private rowPatternPrimary(ctx: P.RowPatternPrimaryContext): A.RowPattern {
    const span = this.span(ctx);
    const id = ctx.identifier();
    if (id) return { kind: 'PatternVariable', span, name: this.identifier(id) };
    if (ctx.CARET()) return { kind: 'PatternAnchor', span, anchor: '^' };
    if (ctx.DOLLAR()) return { kind: 'PatternAnchor', span, anchor: '$' };
    const inner = ctx.rowPattern();
    if (ctx.PERMUTE()) return { kind: 'PatternPermute', span, patterns: inner.map((p) => this.rowPattern(p)) };
    if (ctx.LBRACE_MINUS()) return { kind: 'PatternExclusion', span, pattern: this.rowPattern(inner[0]!) };
    return { kind: 'PatternGroup', span, pattern: inner.length > 0 ? this.rowPattern(inner[0]!) : null };
  }

  // ---------------------------------------------------------------------------------- expressions

  /**
   * The expression rules have no labelled alternatives (see the grammar); alternatives are told
   * apart by their first children.
   */
  expression(ctx: P.ExpressionContext): A.Expression {
    const first = ctx.children[0];
    if (first instanceof P.ValueExpressionContext) {
      // valueExpression predicate*
      const children = ctx.children;
      let result = this.valueExpression(first);
      for (let i = 1; i < children.length; i++) {
        const predicate = children[i] as P.PredicateContext;
        result = this.predicate(result, predicate, { start: result.span.start, end: this.span(predicate).end });
      }
      return result;
    }
    if (first instanceof TerminalNode) {
      return { kind: 'Unary', span: this.span(ctx), op: 'NOT', operand: this.expression(ctx.children[1] as P.ExpressionContext) };
    }
    // expression (AND | OR) expression
    return this.leftChain(
      ctx,
      (c) => c.children[0] instanceof P.ExpressionContext,
      (c) => this.expression(c),
      (link) => ((link.children[1] as TerminalNode).symbol.type === G.AND ? 'AND' : 'OR'),
    );
  }

  /**
   * Builds a left-deep chain of binary operators (a op b op c ...) iteratively: such chains can be
   * thousands of operators long. `isLink` tells whether a context is `operand op operand` with the
   * chain continuing in its first child.
   */
  private leftChain<C extends Ctx>(
    ctx: C,
    isLink: (c: C) => boolean,
    operand: (c: C) => A.Expression,
    operator: (link: C) => A.BinaryOperator,
  ): A.Expression {
    const chain: C[] = [];
    let current = ctx;
    while (isLink(current)) {
      chain.push(current);
      current = current.children[0] as C;
    }
    let result = operand(current);
    for (let i = chain.length - 1; i >= 0; i--) {
      const link = chain[i]!;
      const right = operand(link.children[2] as C);
      result = { kind: 'Binary', span: { start: result.span.start, end: right.span.end }, op: operator(link), left: result, right };
    }
    return result;
  }

  private predicate(left: A.Expression, ctx: P.PredicateContext, span: Span): A.Expression {
    const first = ctx.children[0]!;
    const negated = ctx.NOT() !== null;
    if (first instanceof P.ComparisonOperatorContext) {
      const opNode = first.children[0] as TerminalNode;
      const op = COMPARISON_OPERATORS.get(opNode.symbol.type)!;
      if (opNode.symbol.type === G.NEQ_BANG) this.notInFlinkConformance(this.span(opNode), '!=', '<>');
      const second = ctx.children[1]!;
      if (second instanceof P.ValueExpressionContext) return { kind: 'Binary', span, op, left, right: this.valueExpression(second) };
      const type = (second as TerminalNode).symbol.type;
      const quantifier = type === G.ANY ? 'ANY' : type === G.SOME ? 'SOME' : 'ALL';
      return { kind: 'QuantifiedComparison', span, op, quantifier, left, query: this.query(ctx.queryStatement()!) };
    }
    if (ctx.IS()) {
      if (ctx.DISTINCT()) return { kind: 'IsDistinctFrom', span, left, right: this.valueExpression(ctx.valueExpression(0)!), negated };
      if (ctx.JSON()) {
        const t = ctx.VALUE() ? 'VALUE' : ctx.OBJECT() ? 'OBJECT' : ctx.ARRAY() ? 'ARRAY' : ctx.SCALAR() ? 'SCALAR' : null;
        return { kind: 'IsJson', span, operand: left, negated, jsonType: t };
      }
      const test = ctx.NULL() ? 'NULL' : ctx.TRUE() ? 'TRUE' : ctx.FALSE() ? 'FALSE' : 'UNKNOWN';
      return { kind: 'IsTest', span, operand: left, negated, test };
    }
    if (ctx.BETWEEN()) {
      const [low, high] = ctx.valueExpression();
      return {
        kind: 'Between', span, operand: left, low: this.valueExpression(low!), high: this.valueExpression(high!),
        negated, symmetric: ctx.SYMMETRIC() !== null,
      };
    }
    if (ctx.IN()) {
      const q = ctx.queryStatement();
      if (q) return { kind: 'InSubquery', span, operand: left, negated, query: this.query(q) };
      return { kind: 'InList', span, operand: left, negated, values: ctx.expression().map((v) => this.expression(v)) };
    }
    if (ctx.OVERLAPS()) return { kind: 'Overlaps', span, left, right: this.valueExpression(ctx.valueExpression(0)!) };
    if (ctx.MEMBER() || ctx.SUBMULTISET()) {
      return {
        kind: 'MemberOf', span, op: ctx.MEMBER() ? 'MEMBER OF' : 'SUBMULTISET OF', left,
        right: this.valueExpression(ctx.valueExpression(0)!), negated,
      };
    }
    const [pattern, escape] = ctx.valueExpression();
    const op = ctx.ILIKE() ? 'ILIKE' : ctx.SIMILAR() ? 'SIMILAR TO' : 'LIKE';
    return {
      kind: 'Like', span, op, operand: left, pattern: this.valueExpression(pattern!),
      escape: escape ? this.valueExpression(escape) : null, negated,
    };
  }

  private valueExpression(ctx: P.ValueExpressionContext): A.Expression {
    const children = ctx.children;
    const first = children[0];
    if (!(first instanceof P.ValueExpressionContext)) {
      if (first instanceof TerminalNode && (first.symbol.type === G.MINUS_SIGN || first.symbol.type === G.PLUS)) {
        const op = first.symbol.type === G.MINUS_SIGN ? '-' : '+';
        return { kind: 'Unary', span: this.span(ctx), op, operand: this.valueExpression(children[1] as P.ValueExpressionContext) };
      }
      return this.primary(ctx);
    }
    const second = (children[1] as TerminalNode).symbol.type;
    if (second === G.LBRACKET) {
      return {
        kind: 'Subscript', span: this.span(ctx), target: this.valueExpression(first as P.ValueExpressionContext),
        index: this.expression(children[2] as P.ExpressionContext),
      };
    }
    if (second === G.DOT) return this.member(ctx, this.span(ctx));
    // Arithmetic: valueExpression op valueExpression
    return this.leftChain(
      ctx,
      (c) => c.children[0] instanceof P.ValueExpressionContext && ARITHMETIC_OPERATORS.has((c.children[1] as TerminalNode).symbol.type),
      (c) => this.valueExpression(c),
      (link) => ARITHMETIC_OPERATORS.get((link.children[1] as TerminalNode).symbol.type)!,
    );
  }

  /** `a.b.c`, `t.*`, `f(x).field`, `db.fn(x)`. */
  private member(ctx: P.ValueExpressionContext, span: Span): A.Expression {
    const target = this.valueExpression(ctx.children[0] as P.ValueExpressionContext);
    const id = ctx.identifier();
    if (!id) {
      const qualifier = target.kind === 'ColumnRef' ? target.parts : [];
      return { kind: 'Star', span, qualifier };
    }
    const field = this.identifier(id);
    if (ctx.LPAREN()) {
      const argsCtx = ctx.functionArguments();
      const args = argsCtx ? argsCtx.functionArgument().map((a) => this.functionArgument(a)) : [];
      const parts = target.kind === 'ColumnRef' ? [...target.parts, field] : [field];
      return this.makeCall(span, { kind: 'QualifiedName', span: { start: target.span.start, end: field.span.end }, parts }, args);
    }
    if (target.kind === 'ColumnRef') return { kind: 'ColumnRef', span, parts: [...target.parts, field] };
    return { kind: 'FieldAccess', span, target, field };
  }

  private makeCall(span: Span, name: A.QualifiedName, args: A.Expression[]): A.FunctionCall {
    return {
      kind: 'FunctionCall', span, name, args, quantifier: null, star: false, niladic: false, argOrderBy: [],
      nullTreatment: null, withinGroup: [], filter: null, over: null, semantics: null,
    };
  }

  /** The primary forms of valueExpression: literals, names, calls, CASE, constructors, subqueries. */
  private primary(ctx: P.ValueExpressionContext): A.Expression {
    // Dispatch on the first child: the generated accessors each scan all children.
    const first = ctx.children[0]!;
    const firstType = first instanceof TerminalNode ? first.symbol.type : -1;
    if (firstType === G.IDENTIFIER || firstType === G.QUOTED_IDENTIFIER || first instanceof P.NonReservedKeywordContext) {
      const token = first instanceof TerminalNode ? first.symbol : (first as Ctx).start!;
      if (token.type === G.IDENTIFIER && token.stop - token.start >= 3 && NILADIC_FUNCTIONS.has(this.tokenText(token).toUpperCase())) {
        const span = this.span(ctx);
        const ident = this.name(first, 'allow');
        return { ...this.makeCall(span, { kind: 'QualifiedName', span, parts: [ident] }, []), niladic: true };
      }
      const ident = this.name(first);
      return { kind: 'ColumnRef', span: ident.span, parts: [ident] };
    }
    if (first instanceof P.LiteralContext) return this.literal(first);
    if (first instanceof P.FunctionCallContext) return this.functionCall(first);
    if (first instanceof P.SpecialFunctionContext) return this.specialFunction(first);
    const span = this.span(ctx);
    switch ((first as TerminalNode).symbol.type) {
      case G.RUNNING: case G.FINAL:
        return { ...this.functionCall(ctx.functionCall()!), span, semantics: ctx.RUNNING() ? 'RUNNING' : 'FINAL' };
      case G.USER: {
        const ident: A.Identifier = { kind: 'Identifier', span, value: 'USER', quoted: false };
        return { ...this.makeCall(span, { kind: 'QualifiedName', span, parts: [ident] }, []), niladic: true };
      }
      case G.CASE: return this.caseExpression(ctx, span);
      case G.QUESTION: return { kind: 'DynamicParameter', span };
      case G.EXISTS: return { kind: 'Exists', span, query: this.query(ctx.queryStatement()!) };
      case G.ROW: return { kind: 'RowConstructor', span, explicit: true, items: ctx.expression().map((e) => this.expression(e)) };
      case G.ARRAY: case G.MULTISET: case G.MAP: {
        const type = (first as TerminalNode).symbol.type;
        const collection = type === G.ARRAY ? 'ARRAY' : type === G.MULTISET ? 'MULTISET' : 'MAP';
        const q = ctx.queryStatement();
        if (q) return { kind: 'CollectionQuery', span, collection, query: this.query(q) };
        return { kind: 'CollectionConstructor', span, collection, items: ctx.expression().map((e) => this.expression(e)) };
      }
      default: {
        const q = ctx.queryStatement();
        if (q) return { kind: 'ScalarSubquery', span, query: this.query(q) };
        const exprs = ctx.expression();
        if (exprs.length === 1) return this.expression(exprs[0]!);
        return { kind: 'RowConstructor', span, explicit: false, items: exprs.map((e) => this.expression(e)) };
      }
    }
  }

  private caseExpression(ctx: P.ValueExpressionContext, span: Span): A.Case {
    let operand: A.Expression | null = null;
    let elseResult: A.Expression | null = null;
    const whens: A.WhenClause[] = [];
    let pendingWhen: { expr: A.Expression; start: number } | null = null;
    let state: 'operand' | 'when' | 'then' | 'else' = 'operand';
    for (const child of ctx.children) {
      if (child instanceof TerminalNode) {
        const t = child.symbol.type;
        if (t === G.WHEN) state = 'when';
        else if (t === G.THEN) state = 'then';
        else if (t === G.ELSE) state = 'else';
        continue;
      }
      const expr = this.expression(child as P.ExpressionContext);
      if (state === 'operand') operand = expr;
      else if (state === 'when') pendingWhen = { expr, start: expr.span.start };
      else if (state === 'then' && pendingWhen) {
        whens.push({ kind: 'WhenClause', span: { start: pendingWhen.start, end: expr.span.end }, condition: pendingWhen.expr, result: expr });
        pendingWhen = null;
      } else if (state === 'else') elseResult = expr;
    }
    return { kind: 'Case', span, operand, whens, elseResult };
  }

  private functionName(ctx: P.FunctionNameContext): A.QualifiedName {
    const id = ctx.identifier();
    const ident: A.Identifier = id ? this.identifier(id, 'allow') : { kind: 'Identifier', span: this.span(ctx), value: ctx.getText().toUpperCase(), quoted: false };
    return { kind: 'QualifiedName', span: ident.span, parts: [ident] };
  }

  private functionCall(ctx: P.FunctionCallContext): A.FunctionCall {
    const span = this.span(ctx);
    const argsCtx = ctx.functionArguments();
    const quant = ctx.setQuantifier();
    const treatments = ctx.nullTreatment();
    const orderClauses = ctx.orderByClause();
    let argOrderBy: A.OrderItem[] = [];
    let withinGroup: A.OrderItem[] = [];
    for (const order of orderClauses) {
      const items = this.orderItems(order);
      if (ctx.WITHIN() && order.start!.tokenIndex > ctx.WITHIN()!.symbol.tokenIndex) withinGroup = items;
      else argOrderBy = items;
    }
    const filterExpr = ctx.FILTER() ? ctx.expression() : null;
    let over: A.WindowSpec | A.Identifier | null = null;
    if (ctx.OVER()) {
      const spec = ctx.windowSpec();
      over = spec ? this.windowSpec(spec) : this.identifier(ctx.identifier()!);
    }
    const treatment = treatments[0];
    return {
      kind: 'FunctionCall', span, name: this.functionName(ctx.functionName()),
      args: argsCtx ? argsCtx.functionArgument().map((a) => this.functionArgument(a)) : [],
      quantifier: quant ? (quant.ALL() ? 'ALL' : 'DISTINCT') : null,
      star: ctx.STAR() !== null, niladic: false, argOrderBy,
      nullTreatment: treatment ? (treatment.IGNORE() ? 'IGNORE NULLS' : 'RESPECT NULLS') : null,
      withinGroup, filter: filterExpr ? this.expression(filterExpr) : null, over, semantics: null,
    };
  }

  private functionArgument(ctx: P.FunctionArgumentContext): A.Expression {
    const value = this.argumentValue(ctx.argumentValue());
    const name = ctx.identifier();
    if (!name) return value;
    return { kind: 'NamedArgument', span: this.span(ctx), name: this.identifier(name), value };
  }

  private argumentValue(ctx: P.ArgumentValueContext): A.Expression {
    const span = this.span(ctx);
    if (ctx.DEFAULT()) return { kind: 'DefaultArgument', span };
    if (ctx.TABLE()) {
      const keys = ctx.tableArgumentKeys()?.identifier() ?? [];
      const order = ctx.tableArgumentOrder()?.orderItem() ?? [];
      return {
        kind: 'TableArgument', span, table: this.qualifiedName(ctx.qualifiedName()!),
        partitionBy: keys.map((k): A.ColumnRef => { const id = this.identifier(k); return { kind: 'ColumnRef', span: id.span, parts: [id] }; }),
        orderBy: order.map((o) => this.orderItem(o)),
      };
    }
    return this.expression(ctx.expression()!);
  }

  windowSpec(ctx: P.WindowSpecContext): A.WindowSpec {
    const base = ctx.identifier();
    const order = ctx.orderByClause();
    const frame = ctx.windowFrame();
    return {
      kind: 'WindowSpec', span: this.span(ctx), baseWindow: base ? this.identifier(base) : null,
      partitionBy: ctx.expression().map((e) => this.expression(e)), orderBy: order ? this.orderItems(order) : [],
      frame: frame ? this.windowFrame(frame) : null,
    };
  }

  private windowFrame(ctx: P.WindowFrameContext): A.WindowFrame {
    const bounds = ctx.frameBound();
    return {
      kind: 'WindowFrame', span: this.span(ctx), units: ctx.ROWS() ? 'ROWS' : 'RANGE',
      start: this.frameBound(bounds[0]!), end: bounds.length > 1 ? this.frameBound(bounds[1]!) : null,
      partial: ctx.PARTIAL() ? (ctx.ALLOW() ? 'ALLOW PARTIAL' : 'DISALLOW PARTIAL') : null,
    };
  }

  private frameBound(ctx: P.FrameBoundContext): A.FrameBound {
    const span = this.span(ctx);
    if (ctx.UNBOUNDED()) return { kind: 'FrameBound', span, bound: ctx.PRECEDING() ? 'UNBOUNDED PRECEDING' : 'UNBOUNDED FOLLOWING', offset: null };
    if (ctx.CURRENT()) return { kind: 'FrameBound', span, bound: 'CURRENT ROW', offset: null };
    return { kind: 'FrameBound', span, bound: ctx.PRECEDING() ? 'PRECEDING' : 'FOLLOWING', offset: this.valueExpression(ctx.valueExpression()!) };
  }

  private specialFunction(ctx: P.SpecialFunctionContext): A.Expression {
    const span = this.span(ctx);
    const e = ctx.expression();
    const x = (i: number): A.Expression => this.expression(e[i]!);
    switch (ctx.start!.type) {
      case G.CAST: case G.TRY_CAST:
        return { kind: 'Cast', span, tryCast: ctx.TRY_CAST() !== null, operand: x(0), type: this.dataType(ctx.dataType()!) };
      case G.EXTRACT: return { kind: 'Extract', span, unit: this.timeUnit(ctx.timeUnit()!), source: x(0) };
      case G.FLOOR: case G.CEIL: case G.CEILING: {
        const fn = ctx.FLOOR() ? 'FLOOR' : 'CEIL';
        const unit = ctx.timeUnit();
        if (unit) return { kind: 'FloorCeil', span, fn, operand: x(0), unit: this.timeUnit(unit) };
        const name = ctx.start!.text!.toUpperCase();
        const ident: A.Identifier = { kind: 'Identifier', span: this.tokenSpan(ctx.start!), value: name, quoted: false };
        return this.makeCall(span, { kind: 'QualifiedName', span: ident.span, parts: [ident] }, [x(0)]);
      }
      case G.POSITION:
        // POSITION(needle IN haystack [FROM start]): the needle is a value, so IN is not read as a predicate.
        return { kind: 'Position', span, needle: this.valueExpression(ctx.valueExpression()!), haystack: x(0), from: e.length > 1 ? x(1) : null };
      case G.SUBSTRING: {
        if (ctx.FROM()) return { kind: 'Substring', span, operand: x(0), from: x(1), length: e.length > 2 ? x(2) : null };
        const ident: A.Identifier = { kind: 'Identifier', span: this.tokenSpan(ctx.start!), value: 'SUBSTRING', quoted: false };
        return this.makeCall(span, { kind: 'QualifiedName', span: ident.span, parts: [ident] }, e.map((_, i) => x(i)));
      }
      case G.OVERLAY: return { kind: 'Overlay', span, operand: x(0), placing: x(1), from: x(2), length: e.length > 3 ? x(3) : null };
      case G.TRIM: {
        const side = ctx.BOTH() ? 'BOTH' : ctx.LEADING() ? 'LEADING' : ctx.TRAILING() ? 'TRAILING' : null;
        if (e.length === 0) {
          // TRIM() and TRIM(BOTH): Calcite's grammar lets them through, but there is nothing to trim.
          this.rejected = true;
          this.diagnostics.push({
            code: Codes.invalidSyntax.code, severity: 'error', category: 'syntax', span,
            message: 'TRIM needs the string to trim', hint: "write TRIM(s), TRIM(BOTH FROM s) or TRIM(LEADING '0' FROM s)",
          });
          return { kind: 'Trim', span, side, characters: null, operand: { kind: 'Literal', span, type: 'NULL', value: 'NULL', prefix: null } };
        }
        if (ctx.FROM()) return { kind: 'Trim', span, side, characters: e.length > 1 ? x(0) : null, operand: x(e.length - 1) };
        return { kind: 'Trim', span, side, characters: null, operand: x(0) };
      }
      case G.TIMESTAMPADD: case G.TIMESTAMPDIFF:
        return { kind: 'TimestampFunction', span, fn: ctx.TIMESTAMPADD() ? 'TIMESTAMPADD' : 'TIMESTAMPDIFF', unit: this.timeUnit(ctx.timeUnit()!), first: x(0), second: x(1) };
      case G.JSON_VALUE: {
        const type = ctx.dataType();
        return {
          kind: 'JsonValue', span, operand: x(0), path: x(1), returning: type ? this.dataType(type) : null,
          behaviors: ctx.jsonValueBehavior().map((b) => this.jsonBehavior(b)),
        };
      }
      case G.JSON_QUERY: {
        const type = ctx.dataType();
        const wrapper = ctx.jsonWrapper();
        let wrapperKind: A.JsonQuery['wrapper'] = null;
        if (wrapper) wrapperKind = wrapper.WITHOUT() ? 'WITHOUT ARRAY' : wrapper.UNCONDITIONAL() ? 'WITH UNCONDITIONAL ARRAY' : 'WITH CONDITIONAL ARRAY';
        return {
          kind: 'JsonQuery', span, operand: x(0), path: x(1), returning: type ? this.dataType(type) : null, wrapper: wrapperKind,
          behaviors: ctx.jsonQueryBehavior().map((b) => this.jsonBehavior(b)),
        };
      }
      case G.JSON_EXISTS: {
        const b = ctx.jsonExistsBehavior();
        return {
          kind: 'JsonExists', span, operand: x(0), path: x(1),
          onError: b ? { kind: 'JsonBehavior', span: this.span(b), behavior: b.getText().toUpperCase() as A.JsonBehavior['behavior'], defaultValue: null, on: 'ERROR' } : null,
        };
      }
      case G.JSON_OBJECT: case G.JSON_OBJECTAGG:
        return {
          kind: 'JsonObject', span, aggregate: ctx.JSON_OBJECTAGG() !== null,
          entries: ctx.jsonKeyValue().map((kv) => ({
            kind: 'JsonKeyValue', span: this.span(kv), key: this.expression(kv.expression(0)!), value: this.expression(kv.expression(1)!),
          })),
          onNull: this.jsonNull(ctx.jsonNullClause()),
        };
      default: {
        const order = ctx.orderByClause();
        return {
          kind: 'JsonArray', span, aggregate: ctx.JSON_ARRAYAGG() !== null, items: e.map((_, i) => x(i)),
          orderBy: order ? this.orderItems(order) : [], onNull: this.jsonNull(ctx.jsonNullClause()),
        };
      }
    }
  }

  private jsonNull(ctx: P.JsonNullClauseContext | null): 'NULL' | 'ABSENT' | null {
    if (!ctx) return null;
    return ctx.ABSENT() ? 'ABSENT' : 'NULL';
  }

  private jsonBehavior(ctx: P.JsonValueBehaviorContext | P.JsonQueryBehaviorContext): A.JsonBehavior {
    const onTarget = (ctx.getChild(ctx.getChildCount() - 1) as TerminalNode).symbol.type === G.EMPTY ? 'EMPTY' : 'ERROR';
    const first = ctx.start!.type;
    let behavior: A.JsonBehavior['behavior'];
    let defaultValue: A.Expression | null = null;
    if (first === G.NULL) behavior = 'NULL';
    else if (first === G.ERROR) behavior = 'ERROR';
    else if (first === G.DEFAULT) {
      behavior = 'DEFAULT';
      defaultValue = this.expression((ctx as P.JsonValueBehaviorContext).expression()!);
    } else {
      const second = (ctx.getChild(1) as TerminalNode).symbol.type;
      behavior = second === G.ARRAY ? 'EMPTY ARRAY' : 'EMPTY OBJECT';
    }
    return { kind: 'JsonBehavior', span: this.span(ctx), behavior, defaultValue, on: onTarget };
  }

  /** Syntax Calcite parses but Flink's SQL conformance rejects while parsing. */
  private notInFlinkConformance(span: Span, written: string, instead: string): void {
    this.diagnostics.push({
      code: Codes.unsupportedSyntax.code, severity: 'error', category: 'syntax', span,
      message: `Flink SQL does not accept \`${written}\`: write \`${instead}\``,
      hint: `\`${written}\` is another database's form; Flink's SQL conformance rejects it`,
      fixes: [{ title: `write \`${instead}\``, applicability: 'safe', edits: [{ span, text: instead }] }],
    });
  }

  private rowCount(ctx: P.RowCountContext): A.Expression {
    const span = this.span(ctx);
    const token = ctx.start!;
    switch (token.type) {
      case G.QUESTION: return { kind: 'DynamicParameter', span };
      case G.DECIMAL_NUMERIC: return { kind: 'Literal', span, type: 'DECIMAL', value: token.text!, prefix: null };
      case G.APPROX_NUMERIC: return { kind: 'Literal', span, type: 'APPROX', value: token.text!.toUpperCase(), prefix: null };
      default: return { kind: 'Literal', span, type: 'INTEGER', value: token.text!, prefix: null };
    }
  }

  private literal(ctx: P.LiteralContext): A.Expression {
    const span = this.span(ctx);
    const first = ctx.start!;
    switch (first.type) {
      case G.NULL: return { kind: 'Literal', span, type: 'NULL', value: 'NULL', prefix: null };
      case G.TRUE: case G.FALSE: return { kind: 'Literal', span, type: 'BOOLEAN', value: first.type === G.TRUE ? 'TRUE' : 'FALSE', prefix: null };
      case G.UNKNOWN: return { kind: 'Literal', span, type: 'UNKNOWN', value: 'UNKNOWN', prefix: null };
      case G.UNSIGNED_INTEGER: return { kind: 'Literal', span, type: 'INTEGER', value: first.text!, prefix: null };
      case G.DECIMAL_NUMERIC: return { kind: 'Literal', span, type: 'DECIMAL', value: first.text!, prefix: null };
      case G.APPROX_NUMERIC: return { kind: 'Literal', span, type: 'APPROX', value: first.text!.toUpperCase(), prefix: null };
      case G.BINARY_STRING:
        return { kind: 'Literal', span, type: 'BINARY', value: ctx.BINARY_STRING().map((b) => b.getText().slice(2, -1)).join('').toUpperCase(), prefix: null };
      case G.DATE: case G.TIME: case G.TIMESTAMP: case G.TIMESTAMP_LTZ: {
        const type = first.type === G.DATE ? 'DATE' : first.type === G.TIME ? 'TIME' : first.type === G.TIMESTAMP ? 'TIMESTAMP' : 'TIMESTAMP_LTZ';
        return { kind: 'Literal', span, type, value: this.string(ctx.stringLiteral()!), prefix: null };
      }
      case G.INTERVAL: {
        const literal = ctx.stringLiteral();
        const value = literal ? this.string(literal) : ctx.UNSIGNED_INTEGER()!.getText();
        if (!literal) {
          this.diagnostics.push({
            code: Codes.invalidLiteral.code, severity: 'error', category: 'syntax', span: this.span(ctx.UNSIGNED_INTEGER()!),
            message: 'The value of an interval literal must be a quoted string',
            hint: `write INTERVAL '${value}' ${this.text(ctx.intervalQualifier()!).toUpperCase()}`,
            fixes: [{ title: `quote the interval value '${value}'`, applicability: 'safe', edits: [{ span: this.span(ctx.UNSIGNED_INTEGER()!), text: `'${value}'` }] }],
          });
        }
        return { kind: 'IntervalLiteral', span, negative: ctx.MINUS_SIGN() !== null, value, qualifier: this.intervalQualifier(ctx.intervalQualifier()!) };
      }
      default: {
        const s = ctx.stringLiteral()!;
        return { kind: 'Literal', span, type: 'STRING', value: this.string(s), prefix: this.stringPrefix(s) };
      }
    }
  }

  /** The unescaped value of a (possibly continued) string literal: 'a' 'b' is 'ab'. */
  string(ctx: P.StringLiteralContext): string {
    let value = '';
    let previousLine = -1;
    for (const child of ctx.children) {
      if (!(child instanceof TerminalNode)) continue;
      const t = child.symbol.type;
      if (t === G.UESCAPE) break;
      if (child.symbol.line === previousLine) this.fragmentOnSameLine(child);
      previousLine = child.symbol.line;
      const text = this.tokenText(child.symbol);
      const quote = text.indexOf("'");
      value += text.slice(quote + 1, -1).replace(/''/g, "'");
    }
    if (ctx.start!.type === G.UNICODE_STRING) {
      const last = ctx.children[ctx.children.length - 1] as TerminalNode;
      const escape = ctx.UESCAPE() ? this.tokenText(last.symbol).slice(1, -1).replace(/''/g, "'") : '\\';
      return this.unicodeEscapes(value, escape, ctx);
    }
    return value;
  }

  /** Decodes the escapes of a U&'...' string: \XXXX, \+XXXXXX and a doubled escape character. */
  private unicodeEscapes(value: string, escape: string, ctx: P.StringLiteralContext): string {
    if (escape.length !== 1 || /[0-9a-fA-F+'"\s]/.test(escape)) {
      this.invalidLiteral(ctx, `\`${escape}\` cannot be the escape character of a Unicode string`, 'use a single character such as ! that is not a hex digit, +, a quote or white space');
      return value;
    }
    let out = '';
    for (let i = 0; i < value.length; i++) {
      const ch = value[i]!;
      if (ch !== escape) {
        out += ch;
        continue;
      }
      if (value[i + 1] === escape) {
        out += escape;
        i++;
        continue;
      }
      const long = value[i + 1] === '+';
      const digits = long ? value.slice(i + 2, i + 8) : value.slice(i + 1, i + 5);
      const width = long ? 6 : 4;
      if (digits.length !== width || !/^[0-9a-fA-F]+$/.test(digits) || Number.parseInt(digits, 16) > 0x10ffff) {
        this.invalidLiteral(ctx, `Invalid Unicode escape \`${value.slice(i, i + (long ? 8 : 5))}\` in a U& string`,
          `write ${escape}XXXX with four hex digits or ${escape}+XXXXXX with six; write ${escape}${escape} for the escape character itself`);
        return value;
      }
      out += String.fromCodePoint(Number.parseInt(digits, 16));
      i += long ? 7 : 4;
    }
    return out;
  }

  private invalidLiteral(ctx: Ctx, message: string, hint: string): void {
    this.diagnostics.push({ code: Codes.invalidLiteral.code, severity: 'error', category: 'syntax', span: this.span(ctx), message, hint });
  }

  /** SQL continues a string only across lines ('a'<newline>'b'); on one line it is usually a missing comma. */
  private fragmentOnSameLine(fragment: TerminalNode): void {
    const span = this.span(fragment);
    this.diagnostics.push({
      code: Codes.invalidLiteral.code, severity: 'error', category: 'syntax', span,
      message: `Two string literals follow each other on one line: \`${fragment.getText()}\` continues the string before it`,
      hint: 'add a comma if these are separate values; to continue a long string, put the next part on a new line',
    });
  }

  /** N'..' and _charset'..' keep their prefix; U&'..' is decoded into a plain string. */
  private stringPrefix(ctx: P.StringLiteralContext): string | null {
    if (ctx.start!.type === G.UNICODE_STRING) return null;
    const text = this.tokenText(ctx.start!);
    const quote = text.indexOf("'");
    return quote > 0 ? text.slice(0, quote).toUpperCase() : null;
  }

  private intervalQualifier(ctx: P.IntervalQualifierContext): A.IntervalQualifier {
    const units = ctx.timeUnit();
    const ints: number[][] = [[], []];
    let side = 0;
    for (const child of ctx.children) {
      if (child instanceof TerminalNode) {
        if (child.symbol.type === G.TO) side = 1;
        else if (child.symbol.type === G.UNSIGNED_INTEGER) ints[side]!.push(Number(child.getText()));
      }
    }
    return {
      kind: 'IntervalQualifier', span: this.span(ctx), start: this.timeUnit(units[0]!),
      startPrecision: ints[0]![0] ?? null, fractionalPrecision: ints[0]![1] ?? null,
      end: units.length > 1 ? this.timeUnit(units[1]!) : null, endPrecision: ints[1]![0] ?? null,
    };
  }

  private timeUnit(ctx: P.TimeUnitContext): A.TimeUnit {
    const word = ctx.getText().toUpperCase();
    return TIME_UNIT_SYNONYMS[word] ?? (word as A.TimeUnit);
  }

  // ---------------------------------------------------------------------------------- types

  dataType(ctx: P.DataTypeContext): A.DataType {
    let type = this.baseType(ctx.baseType());
    let nullable: boolean | null = null;
    for (const child of ctx.children) {
      if (child instanceof P.NullabilityContext) {
        nullable = child.NOT() === null;
        type = { ...type, nullable, span: { start: type.span.start, end: this.span(child).end } };
      } else if (child instanceof P.CollectionSuffixContext) {
        const name = child.ARRAY() ? 'ARRAY' : 'MULTISET';
        type = this.makeType({ start: type.span.start, end: this.span(child).end }, name, { element: type });
      }
    }
    return type;
  }

  private makeType(span: Span, name: A.TypeName, extra: Partial<A.DataType> = {}): A.DataType {
    return {
      kind: 'DataType', span, name, args: [], nullable: null, element: null, key: null, value: null, fields: [],
      interval: null, rawClass: null, rawSnapshot: null, userType: null, ...extra,
    };
  }

  private baseType(ctx: P.BaseTypeContext): A.DataType {
    const span = this.span(ctx);
    const first = ctx.start!.type;
    const args = [...ctx.getTokens(G.UNSIGNED_INTEGER)].map((t) => Number(t.getText()));
    const lengthCtx = ctx.typeLength();
    const length = lengthCtx ? [Number(lengthCtx.UNSIGNED_INTEGER().getText())] : [];
    const simple = (name: A.TypeName, a: number[] = []): A.DataType => this.makeType(span, name, { args: a });
    switch (first) {
      case G.CHAR: case G.CHARACTER: return simple(ctx.VARYING() ? 'VARCHAR' : 'CHAR', length);
      case G.VARCHAR: return simple('VARCHAR', length);
      case G.STRING: return simple('STRING');
      case G.BOOLEAN: return simple('BOOLEAN');
      case G.BINARY: return simple(ctx.VARYING() ? 'VARBINARY' : 'BINARY', length);
      case G.VARBINARY: return simple('VARBINARY', length);
      case G.BYTES: return simple('BYTES');
      case G.DECIMAL: case G.DEC: case G.NUMERIC: return simple('DECIMAL', args);
      case G.TINYINT: return simple('TINYINT');
      case G.SMALLINT: return simple('SMALLINT');
      case G.INT: case G.INTEGER: return simple('INT');
      case G.BIGINT: return simple('BIGINT');
      case G.FLOAT: case G.REAL: return simple('FLOAT', length);
      case G.DOUBLE: return simple('DOUBLE');
      case G.DATE: return simple('DATE');
      case G.TIME: return simple('TIME', length);
      case G.TIMESTAMP:
        if (ctx.WITH() && !ctx.LOCAL()) {
          const time = ctx.TIME(0)!;
          this.diagnostics.push({
            code: Codes.unsupportedSyntax.code, severity: 'error', category: 'syntax', span: this.span(time),
            message: 'Flink has no TIMESTAMP WITH TIME ZONE type',
            hint: 'use TIMESTAMP_LTZ (TIMESTAMP WITH LOCAL TIME ZONE) for instants, or TIMESTAMP for local date-times',
            fixes: [{ title: 'use TIMESTAMP WITH LOCAL TIME ZONE', applicability: 'unsafe', edits: [{ span: { start: this.span(time).start, end: this.span(time).start }, text: 'LOCAL ' }] }],
          });
        }
        return simple(ctx.LOCAL() ? 'TIMESTAMP_LTZ' : 'TIMESTAMP', length);
      case G.TIMESTAMP_LTZ: return simple('TIMESTAMP_LTZ', length);
      case G.INTERVAL: return this.makeType(span, 'INTERVAL', { interval: this.intervalQualifier(ctx.intervalQualifier()!) });
      case G.ARRAY: case G.MULTISET:
        return this.makeType(span, first === G.ARRAY ? 'ARRAY' : 'MULTISET', { element: this.dataType(ctx.dataType(0)!) });
      case G.MAP: return this.makeType(span, 'MAP', { key: this.dataType(ctx.dataType(0)!), value: this.dataType(ctx.dataType(1)!) });
      case G.ROW:
        return this.makeType(span, 'ROW', {
          fields: ctx.rowField().map((f) => {
            const desc = f.stringLiteral();
            return { kind: 'RowField', span: this.span(f), name: this.identifier(f.identifier()), type: this.dataType(f.dataType()), description: desc ? this.string(desc) : null };
          }),
        });
      case G.RAW: {
        const strings = ctx.stringLiteral();
        return this.makeType(span, 'RAW', { rawClass: this.string(strings[0]!), rawSnapshot: strings[1] ? this.string(strings[1]) : null });
      }
      default: return this.makeType(span, 'USER_DEFINED', { userType: this.qualifiedName(ctx.qualifiedName()!) });
    }
  }

  // ---------------------------------------------------------------------------------- names

  qualifiedName(ctx: P.QualifiedNameContext): A.QualifiedName {
    // name (DOT name)*, where each name is an IDENTIFIER, a QUOTED_IDENTIFIER or a non-reserved keyword
    const parts: A.Identifier[] = [];
    const children = ctx.children;
    for (let i = 0; i < children.length; i += 2) parts.push(this.name(children[i]!));
    return { kind: 'QualifiedName', span: parts.length === 1 ? parts[0]!.span : this.span(ctx), parts };
  }

  /**
   * A name. Flink's reserved words that have no role in the grammar reach here as plain identifiers;
   * they are reported unless the position allows them (function and hint names).
   */
  identifier(ctx: P.IdentifierContext, reserved: 'report' | 'allow' = 'report'): A.Identifier {
    return this.nameFromToken(ctx.start!, reserved);
  }

  /** A name written inline in a rule: an IDENTIFIER or QUOTED_IDENTIFIER token, or a non-reserved keyword. */
  private name(node: ParseTree, reserved: 'report' | 'allow' = 'report'): A.Identifier {
    return this.nameFromToken(node instanceof TerminalNode ? node.symbol : (node as Ctx).start!, reserved);
  }

  private nameFromToken(token: Token, reserved: 'report' | 'allow'): A.Identifier {
    const span = this.tokenSpan(token);
    const text = this.source.text.slice(span.start, span.end);
    if (token.type === G.QUOTED_IDENTIFIER) {
      return { kind: 'Identifier', span, value: text.slice(1, -1).replace(/``/g, '`'), quoted: true };
    }
    if (reserved === 'report' && token.type === G.IDENTIFIER && RESERVED_WORDS.has(text.toUpperCase())) {
      this.diagnostics.push(reservedWordDiagnostic(text, span));
    }
    return { kind: 'Identifier', span, value: text, quoted: false };
  }

  private optIdentifier(ctx: P.IdentifierContext | null): A.Identifier | null {
    return ctx ? this.identifier(ctx) : null;
  }
}
