import type { ExplanationTable } from './types.js';

const ORDERS = `CREATE TABLE orders (
  order_id BIGINT,
  customer STRING,
  amount DECIMAL(10, 2)
) WITH ('connector' = 'datagen');`;

const CUSTOMERS = `CREATE TABLE customers (
  customer STRING,
  country STRING
) WITH ('connector' = 'datagen');`;

const SINK = `CREATE TABLE order_sink (
  order_id BIGINT NOT NULL,
  customer STRING,
  amount DECIMAL(10, 2)
) WITH ('connector' = 'blackhole');`;

/** Names, scopes and catalog objects (2000-2999). */
export const nameExplanations: ExplanationTable = {
  FSQL2001: {
    explanation:
      'The statement reads a table or view that does not exist in the catalog and database the name resolves to. Unqualified names resolve in the current catalog and database (`USE ...` changes them), and names are case-sensitive. flinkcheck knows the tables created earlier in the script and those in the catalog files passed with `--catalog`.',
    example: `${ORDERS}\nSELECT order_id FROM ordres;`,
    fix: 'Correct the name (the message suggests close ones), create the table earlier in the script, or pass the catalog that defines it.',
    fixed: `${ORDERS}\nSELECT order_id FROM orders;`,
    flink: "From line 6, column 22 to line 6, column 27: Object 'ordres' not found",
  },
  FSQL2002: {
    explanation:
      'A column name does not resolve to a column of any table in the FROM clause (or of the named table, when it is qualified). Column names are case-sensitive in Flink SQL, so `Amount` and `amount` are different columns.',
    example: `${ORDERS}\nSELECT order_id, amout FROM orders;`,
    fix: 'Correct the name; the message lists the close names and the hint lists the columns in scope.',
    fixed: `${ORDERS}\nSELECT order_id, amount FROM orders;`,
    flink: "From line 6, column 18 to line 6, column 22: Column 'amout' not found in any table",
  },
  FSQL2003: {
    explanation:
      'An unqualified column name exists in more than one table of the FROM clause, so Flink cannot tell which one is meant.',
    example: `${ORDERS}\n${CUSTOMERS}\nSELECT order_id, customer FROM orders JOIN customers ON orders.customer = customers.customer;`,
    fix: 'Qualify the column with its table or alias: `orders.customer`.',
    fixed: `${ORDERS}\n${CUSTOMERS}\nSELECT order_id, orders.customer FROM orders JOIN customers ON orders.customer = customers.customer;`,
    flink: "From line 10, column 18 to line 10, column 25: Column 'customer' is ambiguous",
  },
  FSQL2004: {
    explanation:
      'A column is qualified with a table name or alias that is not in the FROM clause. Once a table has an alias, only the alias qualifies its columns.',
    example: `${ORDERS}\nSELECT orders.order_id FROM orders AS o;`,
    fix: 'Qualify with the alias given in FROM (`o.order_id`), or add the table to the FROM clause.',
    fixed: `${ORDERS}\nSELECT o.order_id FROM orders AS o;`,
    flink: "From line 6, column 8 to line 6, column 13: Table 'orders' not found",
  },
  FSQL2005: {
    explanation:
      'A CREATE statement names a table, view, function, catalog or database that already exists. Flink fails the statement (and, in a script, the rest of the job submission).',
    example: `${ORDERS}\nCREATE VIEW big_orders AS SELECT * FROM orders WHERE amount > 100;\nCREATE VIEW big_orders AS SELECT * FROM orders WHERE amount > 1000;`,
    fix: 'Use `CREATE ... IF NOT EXISTS`, choose another name, or drop the existing object first.',
    fixed: `${ORDERS}\nCREATE VIEW big_orders AS SELECT * FROM orders WHERE amount > 100;\nCREATE VIEW huge_orders AS SELECT * FROM orders WHERE amount > 1000;`,
    flink: 'Table (or view) default_database.big_orders already exists in Catalog default_catalog.',
  },
  FSQL2006: {
    explanation:
      'The statement names a catalog that has not been created. Catalogs come from `CREATE CATALOG` statements in the script, the catalog files passed with `--catalog`, and the built-in `default_catalog`.',
    example: 'USE CATALOG hive_prod;',
    fix: 'Create the catalog first, correct its name, or pass the catalog file that describes it.',
    fixed: "CREATE CATALOG hive_prod WITH ('type' = 'generic_in_memory');\nUSE CATALOG hive_prod;",
    flink: 'A catalog with name [hive_prod] does not exist.',
  },
  FSQL2007: {
    explanation:
      'The statement names a database that does not exist in the catalog. `USE db` and qualified names such as `db.table` look the database up in the current catalog.',
    example: 'USE analytics;',
    fix: 'Create the database first (`CREATE DATABASE analytics`), or correct the name.',
    fixed: 'CREATE DATABASE analytics;\nUSE analytics;',
    flink: 'A database with name [analytics] does not exist in the catalog: [default_catalog].',
  },
  FSQL2008: {
    explanation:
      'Two items of one FROM clause have the same alias (or the same table is read twice without an alias), so their columns cannot be told apart.',
    example: `${ORDERS}\nSELECT a.order_id FROM orders AS a JOIN orders AS a ON a.order_id = a.order_id;`,
    fix: 'Give each FROM item its own alias.',
    fixed: `${ORDERS}\nSELECT a.order_id FROM orders AS a JOIN orders AS b ON a.order_id = b.order_id;`,
    flink: "Duplicate relation name 'a' in FROM clause",
    verifiedBy: 'validate',
  },
  FSQL2009: {
    explanation:
      'A list of column aliases (`AS t(a, b)`, or the column list of `CREATE VIEW v (a, b)`) does not have one name per column of the query it renames.',
    example: `${ORDERS}\nCREATE VIEW big_orders (id) AS SELECT order_id, amount FROM orders WHERE amount > 100;`,
    fix: 'Name every column, or drop the list and name the columns with AS in the query.',
    fixed: `${ORDERS}\nCREATE VIEW big_orders (id, amount) AS SELECT order_id, amount FROM orders WHERE amount > 100;`,
    flink: 'List of column aliases must have same degree as table; table has 2 columns, whereas alias list has 1 columns',
  },
  FSQL2010: {
    explanation:
      'In a query with GROUP BY (or with an aggregate such as COUNT or SUM), every selected expression must be either one of the grouping keys or inside an aggregate function. Otherwise there is no single value per group to return.',
    example: `${ORDERS}\nSELECT customer, order_id, SUM(amount) FROM orders GROUP BY customer;`,
    fix: 'Add the column to GROUP BY, or aggregate it (for example MAX(order_id) or LISTAGG).',
    fixed: `${ORDERS}\nSELECT customer, MAX(order_id) AS last_order, SUM(amount) FROM orders GROUP BY customer;`,
    flink: "From line 6, column 18 to line 6, column 25: Expression 'order_id' is not being grouped",
  },
  FSQL2011: {
    explanation:
      'The column list of an INSERT names a column the sink does not have, or one that cannot be written (a computed column or a virtual metadata column).',
    example: `${ORDERS}\n${SINK}\nINSERT INTO order_sink (order_id, client) SELECT order_id, customer FROM orders;`,
    fix: "Name the sink's writable columns; the hint lists them.",
    fixed: `${ORDERS}\n${SINK}\nINSERT INTO order_sink (order_id, customer) SELECT order_id, customer FROM orders;`,
    flink: "Unknown target column 'client'",
  },
  FSQL2012: {
    explanation: 'The column list of an INSERT names the same sink column twice.',
    example: `${ORDERS}\n${SINK}\nINSERT INTO order_sink (order_id, customer, customer) SELECT order_id, customer, customer FROM orders;`,
    fix: 'List each target column once.',
    fixed: `${ORDERS}\n${SINK}\nINSERT INTO order_sink (order_id, customer) SELECT order_id, customer FROM orders;`,
    flink: "Target column 'customer' is assigned more than once",
  },
  FSQL2013: {
    explanation:
      'The query of an INSERT returns a different number of columns than the sink has (or than the INSERT\'s column list names). Flink matches query and sink columns by position, not by name.',
    example: `${ORDERS}\n${SINK}\nINSERT INTO order_sink SELECT order_id, customer FROM orders;`,
    fix: 'Select one expression per sink column (in the sink\'s order), or list the target columns after the table name.',
    fixed: `${ORDERS}\n${SINK}\nINSERT INTO order_sink SELECT order_id, customer, amount FROM orders;`,
    flink: "Column types of query result and sink for 'default_catalog.default_database.order_sink' do not match.\nCause: Different number of columns.",
  },
  FSQL2014: {
    explanation:
      'A column of the query has a type that cannot be written into the sink column at the same position without an explicit CAST (for example STRING into INT, or a wider DECIMAL into a narrower one).',
    example: `${ORDERS}\n${SINK}\nINSERT INTO order_sink SELECT order_id, amount, customer FROM orders;`,
    fix: 'Put the columns in the sink\'s order, CAST the value to the sink column\'s type, or change the sink column\'s type.',
    fixed: `${ORDERS}\n${SINK}\nINSERT INTO order_sink SELECT order_id, customer, amount FROM orders;`,
    flink: "Column types of query result and sink for 'default_catalog.default_database.order_sink' do not match.\nCause: Incompatible types for sink column 'customer' at position 1.",
  },
  FSQL2015: {
    explanation:
      'The statement needs one kind of object but the name refers to another: INSERT INTO or ALTER TABLE on a view, SHOW CREATE TABLE on a view, SHOW CREATE VIEW on a table, and so on.',
    example: `${ORDERS}\nCREATE VIEW big_orders AS SELECT * FROM orders WHERE amount > 100;\nSHOW CREATE TABLE big_orders;`,
    fix: 'Use the statement for the kind of object the name refers to (here SHOW CREATE VIEW).',
    fixed: `${ORDERS}\nCREATE VIEW big_orders AS SELECT * FROM orders WHERE amount > 100;\nSHOW CREATE VIEW big_orders;`,
    flink: 'SHOW CREATE TABLE is only supported for tables, but `default_catalog`.`default_database`.`big_orders` is a view. Please use SHOW CREATE VIEW instead.',
  },
  FSQL2016: {
    explanation: 'The inputs of UNION, INTERSECT or EXCEPT return different numbers of columns. Set operations combine rows column by column, so every input needs the same columns.',
    example: `${ORDERS}\nSELECT order_id, customer FROM orders UNION ALL SELECT order_id FROM orders;`,
    fix: 'Select the same number of columns in every input (add NULL or a constant where one input has no value).',
    fixed: `${ORDERS}\nSELECT order_id, customer FROM orders UNION ALL SELECT order_id, CAST(NULL AS STRING) FROM orders;`,
    flink: 'Column count mismatch in UNION ALL',
  },
  FSQL2017: {
    explanation: 'A column of one input of UNION, INTERSECT or EXCEPT has a type that has no common type with the same column of another input (for example STRING and INT).',
    example: `${ORDERS}\nSELECT order_id, customer FROM orders UNION ALL SELECT order_id, amount FROM orders;`,
    fix: 'CAST the columns to one type in every input.',
    fixed: `${ORDERS}\nSELECT order_id, customer FROM orders UNION ALL SELECT order_id, CAST(amount AS STRING) FROM orders;`,
    flink: 'Type mismatch in column 2 of UNION ALL',
  },
  FSQL2018: {
    explanation:
      'The statement calls or drops a function that is neither built in nor registered. User-defined functions must be registered with CREATE FUNCTION (or come from a loaded module) before they are used.',
    example: 'DROP FUNCTION parse_agent;',
    fix: "Register the function first (`CREATE FUNCTION parse_agent AS 'com.example.ParseAgent'`), correct its name, or add IF EXISTS.",
    fixed: 'DROP FUNCTION IF EXISTS parse_agent;',
  },
  FSQL2019: {
    explanation:
      'The object cannot be dropped or changed in its current state: the current catalog or database, or a permanent object hidden by a temporary one of the same name.',
    example: 'CREATE DATABASE staging;\nUSE staging;\nDROP DATABASE staging;',
    fix: 'Switch to another catalog or database first (`USE ...`), or drop the temporary object that hides the permanent one.',
    fixed: 'CREATE DATABASE staging;\nUSE staging;\nUSE default_database;\nDROP DATABASE staging;',
    flink: 'Cannot drop a database which is currently in use.',
  },
  FSQL2020: {
    explanation:
      'An INSERT with a column list leaves out a sink column that is declared NOT NULL. The columns that are not listed are written as NULL, which the sink column does not accept.',
    example: `${ORDERS}\n${SINK}\nINSERT INTO order_sink (customer, amount) SELECT customer, amount FROM orders;`,
    fix: 'Add the column to the column list and give it a value.',
    fixed: `${ORDERS}\n${SINK}\nINSERT INTO order_sink (order_id, customer, amount) SELECT order_id, customer, amount FROM orders;`,
    flink: "Column 'order_id' has no default value and does not allow NULLs",
  },
  FSQL2021: {
    explanation:
      'The statement parses, but Flink does not support this form of it: ALTER TEMPORARY FUNCTION on a catalog function, resetting a catalog\'s `type`, extended columns in a FROM clause, and similar.',
    example: "CREATE CATALOG lake WITH ('type' = 'generic_in_memory');\nALTER CATALOG lake RESET ('type');",
    fix: 'Follow the hint; it names the supported way (here, drop the catalog and create it again with another type).',
    fixed: "CREATE CATALOG lake WITH ('type' = 'generic_in_memory', 'default-database' = 'db');\nALTER CATALOG lake RESET ('default-database');",
    flink: "ALTER CATALOG RESET does not support changing 'type'",
  },
  FSQL2022: {
    explanation: 'An OVER clause refers to a named window that the WINDOW clause of the query does not define.',
    example: `CREATE TABLE clicks (user_id STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen');\nSELECT user_id, COUNT(*) OVER w1 FROM clicks WINDOW w AS (PARTITION BY user_id ORDER BY ts);`,
    fix: 'Use the name defined in the WINDOW clause, or define the window.',
    fixed: `CREATE TABLE clicks (user_id STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ('connector' = 'datagen');\nSELECT user_id, COUNT(*) OVER w FROM clicks WINDOW w AS (PARTITION BY user_id ORDER BY ts);`,
    flink: "Window 'w1' not found",
    verifiedBy: 'validate',
  },
  FSQL2023: {
    explanation: 'The rows of a VALUES clause have different numbers of values. Every row becomes one row of the same table, so all rows need the same width.',
    example: "SELECT * FROM (VALUES (1, 'a'), (2)) AS t(id, name);",
    fix: 'Give every row the same number of values (use NULL for a missing one).',
    fixed: "SELECT * FROM (VALUES (1, 'a'), (2, CAST(NULL AS STRING))) AS t(id, name);",
    flink: 'Values passed to VALUES operator must have exactly the same number of columns',
  },
  FSQL2024: {
    explanation:
      'A module statement does not match the modules that are loaded: LOAD MODULE of a module already loaded, UNLOAD MODULE or USE MODULES of one that is not loaded, or a module listed twice. Only `core` is loaded at the start.',
    example: 'LOAD MODULE core;',
    fix: 'Check the loaded modules (`SHOW MODULES` in Flink; the hint lists them) and load or unload accordingly.',
    fixed: "USE MODULES core;",
    flink: 'A module with name \'core\' already exists',
  },
  FSQL2025: {
    explanation:
      'A statement set groups INSERT statements (and CREATE TABLE ... AS SELECT) so that Flink plans them together and submits them as one job. The SQL client collects the statements between BEGIN STATEMENT SET and END; any other statement there (a SELECT, a CREATE TABLE, a SET) fails, and so does an END that closes no set.',
    example: `${ORDERS}\n${SINK}\nBEGIN STATEMENT SET;\nSELECT order_id, customer FROM orders;\nINSERT INTO order_sink SELECT order_id, customer, amount FROM orders;\nEND;`,
    fix: 'Move the statement before the set (or after its END), and remove an END without a BEGIN. `EXECUTE STATEMENT SET BEGIN ... END;` is the current form of a statement set.',
    fixed: `${ORDERS}\n${SINK}\nSELECT order_id, customer FROM orders;\nEXECUTE STATEMENT SET BEGIN\nINSERT INTO order_sink SELECT order_id, customer, amount FROM orders;\nEND;`,
  },
  FSQL2026: {
    explanation:
      'A SET statement gives a configuration option a value the option does not accept. Options such as `execution.runtime-mode` or `table.sql-dialect` take one of a fixed list of values (compared without regard to case); Flink fails when it reads the option, which for some options is the SET itself and for others the next statement or the job submission.',
    example: "SET 'execution.runtime-mode' = 'stream';",
    fix: 'Use one of the values the hint lists.',
    fixed: "SET 'execution.runtime-mode' = 'streaming';",
  },
  FSQL2027: {
    explanation:
      'An OPTIONS hint (`/*+ OPTIONS(...) */`) changes connector options of a table for one query. A view has no connector options of its own, only a query, so Flink refuses the hint on a view.',
    example: `${ORDERS}\nCREATE VIEW big_orders AS SELECT * FROM orders WHERE amount > 100;\nSELECT * FROM big_orders /*+ OPTIONS('rows-per-second' = '10') */;`,
    fix: "Put the hint on the table inside the view's query, or remove it.",
    fixed: `${ORDERS}\nCREATE VIEW big_orders AS SELECT * FROM orders /*+ OPTIONS('rows-per-second' = '10') */ WHERE amount > 100;\nSELECT * FROM big_orders;`,
  },
};
