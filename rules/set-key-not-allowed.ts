import { Codes } from '../src/diagnostics/codes.js';
import { defineRule } from '../src/rules/define.js';
import { matchesPatterns } from '../src/rules/facts/patterns.js';

export default defineRule({
  meta: {
    code: Codes.ruleSetKeyNotAllowed,
    name: 'set-key-not-allowed',
    category: 'platform',
    rationale:
      'SET changes the job\'s configuration. Some keys are safe for users (state TTL, mini-batch, the job name); ' +
      'others change checkpointing, restart strategies, resources or security settings the platform manages, and ' +
      'a wrong value there affects the cluster. Only keys on the allow-list may be set.',
    examples: {
      bad: ["SET 'execution.checkpointing.interval' = '1 h'", "RESET 'state.backend.type'"],
      good: ["SET 'table.exec.state.ttl' = '1 d'", "SET 'pipeline.name' = 'orders'"],
    },
    options: {
      allowed: {
        type: 'string[]',
        default: ['table.*', 'pipeline.name', 'parallelism.default', 'execution.runtime-mode', 'sql-client.*'],
        description: 'Configuration keys that may be set; `prefix.*` allows a family, `!key` removes one.',
      },
    },
  },
  create(context) {
    const check = (key: { key: string; span: { start: number; end: number } } | null, verb: string): void => {
      if (key === null || matchesPatterns(context.options.allowed, key.key)) return;
      context.report({
        span: key.span,
        message: `\`${key.key}\` may not be ${verb} on this platform`,
        hint: `the keys that may be set are: ${context.options.allowed.join(', ')}`,
      });
    };
    return {
      Set(node) { if (node.value !== null) check(node.key, 'set'); },
      Reset(node) { check(node.key, 'reset'); },
    };
  },
});
