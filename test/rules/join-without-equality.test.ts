import rule from '../../rules/join-without-equality.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(rule, {
  valid: [
    'SELECT * FROM orders AS o JOIN rates AS r ON o.currency = r.currency',
    'SELECT o.id, t.tag FROM orders AS o CROSS JOIN UNNEST(o.tags) AS t(tag)',
    'SELECT * FROM orders AS o, rates AS r WHERE o.currency = r.currency',
    'SELECT * FROM orders JOIN rates USING (currency)',
    "SELECT o.id, s FROM orders AS o LEFT JOIN LATERAL TABLE(split(o.tags)) AS t(s) ON TRUE",
  ],
  invalid: [
    { sql: 'SELECT * FROM orders AS o JOIN rates AS r ON o.ts > r.ts', errors: [{ text: 'JOIN', message: /no equality between its two sides/ }] },
    { sql: 'SELECT * FROM orders CROSS JOIN rates', errors: [{ text: 'CROSS JOIN', message: /CROSS JOIN pairs every row/ }] },
    { name: 'comma join without key', sql: 'SELECT * FROM orders AS o, rates AS r WHERE o.amount > 10', errors: [{ text: ',', message: /cross product/ }] },
    { name: 'equality with a constant is not a key', sql: "SELECT * FROM orders AS o LEFT JOIN rates AS r ON r.currency = 'EUR'", errors: [{ text: 'LEFT JOIN' }] },
  ],
});
