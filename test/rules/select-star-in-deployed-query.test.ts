import rule from '../../rules/select-star-in-deployed-query.js';
import { ruleTester } from '../support/rule-tester.js';
import { HISTORY } from './ddl.js';

ruleTester(rule, {
  valid: [
    'SELECT * FROM orders',
    'INSERT INTO archive SELECT id, amount FROM orders',
    { name: 'star over a subquery with explicit columns', sql: 'INSERT INTO archive SELECT * FROM (SELECT id, amount FROM orders) WHERE amount > 0' },
    { name: 'COUNT(*)', sql: 'INSERT INTO counts SELECT COUNT(*) FROM orders' },
  ],
  invalid: [
    {
      sql: HISTORY + 'INSERT INTO archive SELECT * FROM history',
      errors: [{ text: '*', message: /`SELECT \*` in a deployed query/ }],
      output: HISTORY + 'INSERT INTO archive SELECT id, amount, ts FROM history',
    },
    { name: 'CTAS over a view', sql: 'CREATE VIEW v AS SELECT id FROM orders;\nCREATE TABLE copy AS SELECT * FROM v', errors: [{ text: '*' }] },
    { name: 'qualified star in a statement set', sql: 'EXECUTE STATEMENT SET BEGIN\nINSERT INTO a SELECT o.* FROM orders AS o;\nEND', errors: [{ text: 'o.*' }] },
  ],
});
