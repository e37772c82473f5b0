import type { Span } from '../src/source/span.js';
import { Codes } from '../src/diagnostics/codes.js';
import { defineRule } from '../src/rules/define.js';

export default defineRule({
  meta: {
    code: Codes.ruleCatalogChange,
    name: 'catalog-change',
    category: 'platform',
    rationale:
      'CREATE/ALTER/DROP CATALOG and DATABASE and LOAD/UNLOAD MODULE change the environment every statement is ' +
      'resolved in, and with catalog options they can point jobs at arbitrary systems. A platform that manages ' +
      'its catalogs keeps these out of user scripts.',
    examples: {
      bad: ["CREATE CATALOG hive WITH ('type' = 'hive', 'hive-conf-dir' = '/etc/hive')", 'LOAD MODULE hive'],
      good: ['USE CATALOG default_catalog', 'SELECT * FROM orders'],
    },
  },
  create(context) {
    const head = (span: Span, words: number): Span => {
      const text = context.source.text.slice(span.start, span.end);
      const match = new RegExp(`^\\s*(\\S+\\s+){${words - 1}}\\S+`).exec(text);
      return match === null ? span : { start: span.start, end: span.start + match[0].length };
    };
    const report = (span: Span, what: string): void => {
      context.report({ span, message: `${what} changes the catalogs every statement is resolved in`, hint: 'use the catalogs the platform provides; ask for catalog changes to be made centrally' });
    };
    return {
      CreateCatalog(node) { report(head(node.span, 2), 'CREATE CATALOG'); },
      AlterCatalog(node) { report(head(node.span, 2), 'ALTER CATALOG'); },
      CreateDatabase(node) { report(head(node.span, 2), 'CREATE DATABASE'); },
      AlterDatabase(node) { report(head(node.span, 2), 'ALTER DATABASE'); },
      Drop(node) {
        if (node.object === 'CATALOG' || node.object === 'DATABASE') report(head(node.span, 2), `DROP ${node.object}`);
      },
      LoadModule(node) { report(head(node.span, 2), 'LOAD MODULE'); },
      UnloadModule(node) { report(head(node.span, 2), 'UNLOAD MODULE'); },
      Use(node) {
        if (node.target === 'MODULES') report(head(node.span, 2), 'USE MODULES');
      },
    };
  },
});
