import catalogChange from '../../rules/catalog-change.js';
import setKeyNotAllowed from '../../rules/set-key-not-allowed.js';
import userJar from '../../rules/user-jar.js';
import { ruleTester } from '../support/rule-tester.js';

ruleTester(userJar, {
  valid: ['SELECT UPPER(name) FROM users', "CREATE TEMPORARY FUNCTION f AS 'com.example.F'", "REMOVE JAR '/tmp/a.jar'"],
  invalid: [
    { sql: "ADD JAR '/tmp/udfs.jar'", errors: [{ text: "ADD JAR '/tmp/udfs.jar'", message: /loads user code/ }] },
    {
      sql: "CREATE FUNCTION f AS 'com.example.F' USING JAR 'hdfs:///a.jar', JAR 'hdfs:///b.jar'",
      errors: [{ text: "'hdfs:///a.jar'", message: /CREATE FUNCTION `f` loads user code from a jar/ }, { text: "'hdfs:///b.jar'" }],
    },
  ],
});

ruleTester(catalogChange, {
  valid: ['USE CATALOG default_catalog', 'SELECT * FROM orders', 'DROP TABLE t'],
  invalid: [
    { sql: "CREATE CATALOG hive WITH ('type' = 'hive')", errors: [{ text: 'CREATE CATALOG', message: /CREATE CATALOG changes the catalogs/ }] },
    { sql: 'LOAD MODULE hive', errors: [{ text: 'LOAD MODULE' }] },
    { sql: 'DROP DATABASE IF EXISTS db1', errors: [{ text: 'DROP DATABASE', message: /DROP DATABASE/ }] },
    { sql: 'USE MODULES hive, core', errors: [{ text: 'USE MODULES' }] },
  ],
});

ruleTester(setKeyNotAllowed, {
  valid: ["SET 'table.exec.state.ttl' = '1 d'", "SET 'pipeline.name' = 'orders'", 'SET', "RESET 'table.exec.state.ttl'",
    { sql: "SET 'state.backend.type' = 'rocksdb'", options: { allowed: ['state.*'] } }],
  invalid: [
    { sql: "SET 'execution.checkpointing.interval' = '1 h'", errors: [{ text: "'execution.checkpointing.interval'", message: /`execution.checkpointing.interval` may not be set/, hint: /table\.\*/ }] },
    { sql: "RESET 'state.backend.type'", errors: [{ text: "'state.backend.type'", message: /may not be reset/ }] },
    { name: 'negated pattern', sql: "SET 'table.dml-sync' = 'true'", options: { allowed: ['table.*', '!table.dml-sync'] }, errors: [{ text: "'table.dml-sync'" }] },
  ],
});
