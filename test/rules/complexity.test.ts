import queryNestingTooDeep from '../../rules/query-nesting-too-deep.js';
import statementTooLong from '../../rules/statement-too-long.js';
import tooManyJoins from '../../rules/too-many-joins.js';
import tooManyStatements from '../../rules/too-many-statements.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(statementTooLong, {
  valid: ['SELECT a FROM t', { sql: 'SELECT a, b, c FROM t', options: { maxLength: 21 } }],
  invalid: [
    { sql: 'SELECT a, b, c FROM t', options: { maxLength: 20 }, errors: [{ text: 'SELECT a, b, c F', message: /21 characters long \(the limit is 20\)/ }] },
    { name: 'only the long statement', sql: "SET 'a' = 'b';\nSELECT a, b, c, d, e FROM t", options: { maxLength: 20 }, errors: [{ text: 'SELECT a, b, c, d, e FROM t'.slice(0, 16) }] },
  ],
});

ruleTester(tooManyJoins, {
  valid: [
    { sql: 'SELECT * FROM a JOIN b ON a.id = b.id JOIN c ON a.id = c.id', options: { maxJoins: 2 } },
    { name: 'UNNEST does not count', sql: 'SELECT * FROM a JOIN b ON a.id = b.id CROSS JOIN UNNEST(a.xs) AS u(x)', options: { maxJoins: 1 } },
  ],
  invalid: [
    { sql: 'SELECT * FROM a JOIN b ON a.id = b.id JOIN c ON a.id = c.id JOIN d ON a.id = d.id', options: { maxJoins: 2 }, errors: [{ text: 'JOIN', message: /3 joins \(the limit is 2\)/ }] },
    { name: 'comma joins and subqueries count', sql: 'SELECT * FROM a, b WHERE a.id IN (SELECT id FROM c JOIN d ON c.id = d.id)', options: { maxJoins: 1 }, errors: [{ text: 'JOIN', message: /2 joins/ }] },
  ],
});

ruleTester(queryNestingTooDeep, {
  valid: ['SELECT * FROM (SELECT * FROM (SELECT a FROM t))', { sql: 'WITH x AS (SELECT a FROM t), y AS (SELECT a FROM x) SELECT * FROM y', options: { maxDepth: 2 } }],
  invalid: [
    { sql: 'SELECT * FROM (SELECT * FROM (SELECT * FROM (SELECT a FROM t)))', options: { maxDepth: 3 }, errors: [{ text: 'SELECT', message: /nested 4 levels deep/ }] },
    { name: 'subquery in WHERE', sql: 'SELECT a FROM t WHERE a IN (SELECT b FROM u WHERE b IN (SELECT c FROM v))', options: { maxDepth: 2 }, errors: [{ text: 'SELECT' }] },
  ],
});

ruleTester(tooManyStatements, {
  valid: ["SET 'a' = 'b';\nSELECT 1", { sql: "SET 'a' = 'b';\nSELECT 1;\nSELECT 2", options: { maxStatements: 3 } }],
  invalid: [
    { sql: "SET 'a' = 'b';\nSELECT 1;\nSELECT 2", options: { maxStatements: 2 }, errors: [{ text: 'SELECT 2', message: /3 statements \(the limit is 2\); this is statement 3/ }] },
    { name: 'reported once', sql: 'SELECT 1;\nSELECT 2;\nSELECT 3;\nSELECT 4', options: { maxStatements: 1 }, errors: [{ text: 'SELECT 2' }] },
  ],
});
