import type { ExplanationTable } from './types.js';

const ORDERS = `CREATE TABLE orders (
  order_id BIGINT,
  customer STRING,
  amount DECIMAL(10, 2),
  status STRING,
  order_time TIMESTAMP(3),
  WATERMARK FOR order_time AS order_time - INTERVAL '5' SECOND
) WITH ('connector' = 'datagen');`;

const PROFILES = `CREATE TABLE profiles (
  user_id BIGINT,
  items ARRAY<ROW<sku STRING, qty INT>>,
  address ROW<city STRING, zip STRING>,
  signup_epoch BIGINT,
  signup_date DATE
) WITH ('connector' = 'datagen');`;

/** Types, expressions and functions (3000-3999). */
export const expressionExplanations: ExplanationTable = {
  // --- functions ---
  FSQL3001: {
    explanation:
      'The expression calls a function that is neither built into Flink nor registered in the catalog. Flink looks a name up among the temporary system functions, then the built-in functions, then the functions of the current catalog and database; a name found nowhere fails the statement. Built-in names are case-insensitive, but there is no alias for names other databases use (UPPERCASE, NVL, DATEADD, ...).',
    example: `${ORDERS}\nSELECT order_id, UPPERCASE(customer) FROM orders;`,
    fix: 'Use the Flink name of the function (the message suggests close ones), or register your own function first with CREATE FUNCTION.',
    fixed: `${ORDERS}\nSELECT order_id, UPPER(customer) FROM orders;`,
  },
  FSQL3002: {
    explanation:
      'The function exists, but none of its signatures accepts the arguments given: the number of arguments is wrong, or an argument has a type the function does not take. Flink converts argument types only where the conversion is safe (a smaller integer to a larger one, for example); it never turns a string into a number or a number into a string on its own. For COALESCE, NULLIF, GREATEST and similar functions the arguments must also have a common type.',
    example: `${ORDERS}\nSELECT order_id, COALESCE(status, 0) FROM orders;`,
    fix: 'Pass arguments of the types the function takes (the message lists its signatures); CAST an argument where needed.',
    fixed: `${ORDERS}\nSELECT order_id, COALESCE(status, 'unknown') FROM orders;`,
    flink: 'Invalid function call:\nCOALESCE(STRING, INT NOT NULL)',
  },
  FSQL3003: {
    explanation:
      'A few functions of the SQL standard are written without parentheses: CURRENT_TIMESTAMP, CURRENT_DATE, CURRENT_TIME, LOCALTIMESTAMP and LOCALTIME. Flink SQL only knows them in that form, so `CURRENT_TIMESTAMP()` is not the same call.',
    example: `${ORDERS}\nSELECT order_id, CURRENT_TIMESTAMP() FROM orders;`,
    fix: 'Remove the empty parentheses; the fix does it.',
    fixed: `${ORDERS}\nSELECT order_id, CURRENT_TIMESTAMP FROM orders;`,
  },
  FSQL3004: {
    explanation:
      'Ranking and offset functions (ROW_NUMBER, RANK, DENSE_RANK, PERCENT_RANK, CUME_DIST, NTILE, LAG, LEAD) compute a value from the position of a row among other rows, so they only exist over a window: the OVER clause says which rows (PARTITION BY) and in what order (ORDER BY).',
    example: `${ORDERS}\nSELECT order_id, ROW_NUMBER() FROM orders;`,
    fix: 'Add an OVER clause with the partition and order the numbering follows. In a streaming query, order by a time attribute.',
    fixed: `${ORDERS}\nSELECT order_id, ROW_NUMBER() OVER (PARTITION BY customer ORDER BY order_time) AS rn FROM orders;`,
    flink: 'From line 9, column 18 to line 9, column 29: OVER clause is necessary for window functions',
  },
  FSQL3005: {
    explanation:
      'OVER turns an aggregate function (SUM, COUNT, MAX, ...) or a ranking function into a value computed over a window of rows. A scalar function such as UPPER or ROUND already works on one row at a time, so OVER has no meaning for it.',
    example: `${ORDERS}\nSELECT order_id, UPPER(customer) OVER (PARTITION BY customer ORDER BY order_time) FROM orders;`,
    fix: 'Remove the OVER clause; to compute over a window, apply OVER to an aggregate function inside the scalar one, e.g. `UPPER(LAST_VALUE(customer) OVER (...))`.',
    fixed: `${ORDERS}\nSELECT order_id, UPPER(customer) FROM orders;`,
    flink: 'From line 9, column 18 to line 9, column 32: OVER must be applied to aggregate function',
  },
  FSQL3006: {
    explanation:
      'An aggregate function (SUM, COUNT, MAX, ...) is used in a clause that is evaluated once per input row, before the rows are grouped: WHERE, GROUP BY, a JOIN condition, or the arguments of a table function. An aggregate only has a value per group, so it may appear only in SELECT, HAVING and ORDER BY.',
    example: `${ORDERS}\nSELECT customer, SUM(amount) FROM orders WHERE SUM(amount) > 100 GROUP BY customer;`,
    fix: 'Filter on aggregated values with HAVING, or aggregate in a subquery and filter its result.',
    fixed: `${ORDERS}\nSELECT customer, SUM(amount) FROM orders GROUP BY customer HAVING SUM(amount) > 100;`,
    flink: 'From line 9, column 48 to line 9, column 58: Aggregate expression is illegal in WHERE clause',
  },
  FSQL3007: {
    explanation:
      'An aggregate function is an argument of another aggregate function, as in `MAX(SUM(amount))`. Both would aggregate the same group of rows, so the inner one has no row-by-row values to give to the outer one.',
    example: `${ORDERS}\nSELECT customer, MAX(SUM(amount)) FROM orders GROUP BY customer;`,
    fix: 'Compute the inner aggregate in a subquery (grouped by the key it needs), and aggregate its result in the outer query.',
    fixed: `${ORDERS}\nSELECT MAX(total) AS biggest_total FROM (SELECT customer, SUM(amount) AS total FROM orders GROUP BY customer);`,
    flink: 'From line 9, column 22 to line 9, column 32: Aggregate expressions cannot be nested',
  },
  FSQL3008: {
    explanation:
      'A function with OVER (for example `ROW_NUMBER() OVER (...)` or `SUM(x) OVER (...)`) is used in WHERE, GROUP BY, HAVING or a JOIN condition. Flink computes windowed values for the rows that remain after filtering and grouping, so they belong in the SELECT list; the other clauses can use them only through a subquery.',
    example: `${ORDERS}\nSELECT order_id FROM orders WHERE ROW_NUMBER() OVER (PARTITION BY customer ORDER BY order_time) = 1;`,
    fix: 'Compute the windowed value in a subquery and filter on its column in the outer query; this is also the form Flink recognises for deduplication and Top-N.',
    fixed: `${ORDERS}\nSELECT order_id FROM (SELECT order_id, ROW_NUMBER() OVER (PARTITION BY customer ORDER BY order_time) AS rn FROM orders) WHERE rn = 1;`,
    flink: 'From line 9, column 35 to line 9, column 95: Windowed aggregate expression is illegal in WHERE clause',
  },
  FSQL3009: {
    explanation:
      'DISTINCT inside the parentheses, FILTER (WHERE ...) and WITHIN GROUP change which rows an aggregate function takes into account. A scalar function takes one row at a time, so these modifiers do not apply to it.',
    example: `${ORDERS}\nSELECT UPPER(DISTINCT customer) FROM orders;`,
    fix: 'Remove the modifier. To get each value once, put DISTINCT after SELECT; to skip rows, use WHERE or CASE.',
    fixed: `${ORDERS}\nSELECT DISTINCT UPPER(customer) FROM orders;`,
    flink: 'From line 9, column 14 to line 9, column 21: DISTINCT/ALL not allowed with UPPER function',
  },
  // --- casts ---
  FSQL3020: {
    explanation:
      'Flink has no conversion between the two types, even with an explicit CAST: for example BOOLEAN to DATE, DATE to TIME, or a ROW to a number. The planner checks every CAST against a fixed table of conversions when it validates the query.',
    example: `${ORDERS}\nSELECT order_id, CAST(status = 'paid' AS DATE) FROM orders;`,
    fix: 'Convert with a function that means what you want (TO_DATE, TO_TIMESTAMP, DATE_FORMAT, a CASE expression), or cast through STRING where the text form is what you need.',
    fixed: `${ORDERS}\nSELECT order_id, CAST(order_time AS DATE) FROM orders;`,
    flink: "From line 9, column 18 to line 9, column 46: Cast function cannot convert value of type BOOLEAN to type DATE",
  },
  FSQL3021: {
    explanation:
      'The planner accepts a CAST from a number to TIMESTAMP or TIMESTAMP_LTZ while it validates the query, but rejects it later, when it generates the code of the job, because it is not clear whether the number counts seconds or milliseconds since the epoch. flinkcheck reports it up front so that the job does not fail at submission.',
    example: `${PROFILES}\nSELECT user_id, CAST(signup_epoch AS TIMESTAMP(3)) FROM profiles;`,
    fix: 'Say what the number counts: `TO_TIMESTAMP_LTZ(x, 3)` for epoch milliseconds, `TO_TIMESTAMP_LTZ(x, 0)` for epoch seconds, or `TO_TIMESTAMP(FROM_UNIXTIME(x))` for seconds as a TIMESTAMP.',
    fixed: `${PROFILES}\nSELECT user_id, TO_TIMESTAMP_LTZ(signup_epoch, 0) FROM profiles;`,
    flink: "The cast from NUMERIC type to TIMESTAMP type is not allowed. It's recommended to use TO_TIMESTAMP(FROM_UNIXTIME(numeric_col)) instead, note the numeric is in seconds.",
  },
  // --- operators and expressions ---
  FSQL3030: {
    explanation:
      'An operator (`+`, `-`, `*`, `/`, `%`, `||`, LIKE, unary minus, ...) is applied to operands of types it does not take. Flink does not convert types implicitly for operators: a string is not turned into a number for `+`, and a number is not turned into a string for `||`.',
    example: `${ORDERS}\nSELECT order_id, status + 1 FROM orders;`,
    fix: 'CAST the operand to a type the operator takes (the hint shows the CAST), or use the function meant for the types (TIMESTAMPDIFF for the difference of two timestamps, CONCAT for strings).',
    fixed: `${ORDERS}\nSELECT order_id, CAST(status AS INT) + 1 FROM orders;`,
    flink: "From line 9, column 18 to line 9, column 27: Cannot apply '+' to arguments of type '<VARCHAR(2147483647)> + <INTEGER>'. Supported form(s): '<NUMERIC> + <NUMERIC>'\n...",
  },
  FSQL3031: {
    explanation:
      'A comparison (`=`, `<>`, `<`, BETWEEN, IN, CASE value WHEN ...) has operands of types that cannot be compared: a DATE with a TIMESTAMP, a number with a string, a timestamp with a number. Flink compares values only within one family of types, without converting between families. Some types (MAP, MULTISET, ROW) can be compared with `=` and `<>` but have no order.',
    example: `${PROFILES}\nSELECT user_id FROM profiles WHERE signup_date > TIMESTAMP '2024-01-01 00:00:00';`,
    fix: 'Compare values of one family: write the literal in the column\'s type, or CAST one side (the hint shows which).',
    fixed: `${PROFILES}\nSELECT user_id FROM profiles WHERE signup_date > DATE '2024-01-01';`,
  },
  FSQL3032: {
    explanation:
      'Several values must become one type, but their types have nothing in common: the branches of CASE, the values of an IN list, the elements of ARRAY[...] or the keys and values of MAP[...]. Flink finds a common type only within one family (numbers widen to a larger number, strings to a longer string); it does not mix strings with numbers.',
    example: `${ORDERS}\nSELECT order_id, CASE WHEN amount > 100 THEN 'big' ELSE 0 END FROM orders;`,
    fix: 'Give every branch (or element) the same type, with a CAST where needed.',
    fixed: `${ORDERS}\nSELECT order_id, CASE WHEN amount > 100 THEN 'big' ELSE 'small' END FROM orders;`,
    flink: 'From line 9, column 18 to line 9, column 61: Illegal mixing of types in CASE or COALESCE statement',
  },
  FSQL3033: {
    explanation:
      'Every THEN and ELSE of a CASE is NULL (a CASE without ELSE returns NULL when no branch matches). The type of a CASE comes from its branches, and a bare NULL has no type, so the CASE has none either.',
    example: `${ORDERS}\nSELECT order_id, CASE WHEN amount > 100 THEN NULL END AS flag FROM orders;`,
    fix: 'Give one branch a type, for example `CAST(NULL AS STRING)`, or return real values.',
    fixed: `${ORDERS}\nSELECT order_id, CASE WHEN amount > 100 THEN CAST(NULL AS STRING) END AS flag FROM orders;`,
    flink: 'From line 9, column 18 to line 9, column 53: ELSE clause or at least one THEN clause must be non-NULL',
  },
  FSQL3034: {
    explanation:
      'A condition (WHERE, HAVING, a JOIN condition, WHEN, FILTER, the operands of AND, OR and NOT) is not of type BOOLEAN. Flink does not read other types as true or false: neither a number (as 0 or 1) nor a string (as \'true\').',
    example: `${ORDERS}\nSELECT order_id FROM orders WHERE status;`,
    fix: "Write a comparison, e.g. `status = 'paid'`, or `IS NOT NULL` to test for a value.",
    fixed: `${ORDERS}\nSELECT order_id FROM orders WHERE status = 'paid';`,
    flink: 'From line 9, column 35 to line 9, column 40: WHERE clause must be a condition',
  },
  FSQL3035: {
    explanation:
      'A field is selected (with `.field` or `[\'field\']`) from a value that is not a ROW, or from a ROW that has no field of that name. This is about fields of computed values such as an array element; a misspelled field of a table column is reported as a column that is not found. Field names are case-sensitive.',
    example: `${PROFILES}\nSELECT user_id, items[1].sku_id FROM profiles;`,
    fix: 'Use a field the ROW type declares; the hint lists them.',
    fixed: `${PROFILES}\nSELECT user_id, items[1].sku FROM profiles;`,
  },
  FSQL3036: {
    explanation:
      'Square brackets select an element of an ARRAY (by position, from 1), the value of a MAP (by key, of the key type) or a field of a ROW (by name or position). Other values cannot be indexed, and the index must fit the collection: an ARRAY takes an integer, a MAP a value comparable to its keys. A string is not an array of characters in Flink SQL.',
    example: `${ORDERS}\nSELECT order_id, customer[1] FROM orders;`,
    fix: 'Use a function for strings (SUBSTRING, SPLIT_INDEX), or an index of the right type for the collection.',
    fixed: `${ORDERS}\nSELECT order_id, SUBSTRING(customer, 1, 1) FROM orders;`,
  },
  FSQL3037: {
    explanation:
      'A subquery used as a value returns a different number of columns than the place needs: a scalar subquery `(SELECT ...)` and the subquery of `x IN (SELECT ...)` must return exactly one column (or as many as the compared ROW has), and `MAP(SELECT ...)` two, the key and the value.',
    example: `${ORDERS}\nSELECT order_id, (SELECT MAX(amount), MIN(amount) FROM orders) AS bounds FROM orders;`,
    fix: 'Select exactly the columns needed; use one subquery per value.',
    fixed: `${ORDERS}\nSELECT order_id, (SELECT MAX(amount) FROM orders) AS biggest FROM orders;`,
  },
  FSQL3038: {
    explanation:
      'A literal does not fit any type: a number with more than 38 digits (the most a DECIMAL holds), or an interval whose leading field has more digits than its precision allows. The leading field of an interval has a precision of 2 unless declared, so `INTERVAL \'120\' MINUTE` is out of range while `INTERVAL \'120\' MINUTE(3)` is not.',
    example: `${ORDERS}\nSELECT order_id FROM orders WHERE order_time > LOCALTIMESTAMP - INTERVAL '120' MINUTE;`,
    fix: 'Declare the precision of the interval\'s leading field (the fix does it), use a larger unit (`INTERVAL \'2\' HOUR`), or write a huge number as an approximate one (`1.5E40`).',
    fixed: `${ORDERS}\nSELECT order_id FROM orders WHERE order_time > LOCALTIMESTAMP - INTERVAL '120' MINUTE(3);`,
    flink: 'From line 9, column 65 to line 9, column 85: Interval field value 120 exceeds precision of MINUTE(2) field',
  },
  FSQL3039: {
    explanation:
      'EXTRACT, FLOOR or CEIL asks for a unit the value does not have: an hour, minute or second of a DATE (which has no time of day), or a year, month or day of a TIME (which has no date).',
    example: `${PROFILES}\nSELECT user_id, EXTRACT(HOUR FROM signup_date) FROM profiles;`,
    fix: 'Ask for a unit the type has, or use a TIMESTAMP column when the time of day is needed.',
    fixed: `${PROFILES}\nSELECT user_id, EXTRACT(DAY FROM signup_date) FROM profiles;`,
  },
  FSQL3040: {
    explanation:
      'A bare NULL is a column of the result (of a SELECT, a VALUES row or a view). NULL has no type of its own, and every column of a result needs one, so Flink cannot type the column. Where the NULL is written into a typed place, such as a sink column, Flink takes that type instead.',
    example: `${ORDERS}\nSELECT order_id, NULL AS note FROM orders;`,
    fix: 'Give the NULL a type: `CAST(NULL AS STRING)`.',
    fixed: `${ORDERS}\nSELECT order_id, CAST(NULL AS STRING) AS note FROM orders;`,
    flink: "From line 9, column 18 to line 9, column 21: Illegal use of 'NULL'",
  },
  FSQL3041: {
    explanation:
      'A data type written in an expression (in CAST, TRY_CAST or JSON_VALUE ... RETURNING) has parameters out of range: a DECIMAL precision above 38 or a scale above the precision, a CHAR or VARCHAR length of 0, a TIMESTAMP precision above 9, and so on.',
    example: `${ORDERS}\nSELECT order_id, CAST(amount AS DECIMAL(50, 2)) FROM orders;`,
    fix: 'Use parameters within the limits the message names (DECIMAL precision 1 to 38, lengths from 1, fractional second precision 0 to 9).',
    fixed: `${ORDERS}\nSELECT order_id, CAST(amount AS DECIMAL(38, 2)) FROM orders;`,
  },
  FSQL3042: {
    explanation:
      'An expression is nested so deeply (a chain of thousands of operators such as `NOT NOT NOT ...` or `x IS NULL IS NULL ...`) that flinkcheck cannot follow it to its end. The parser already refuses statements nested more than 200 levels deep with parentheses, brackets or CASE; this code covers the rest. Such expressions are generated by tools, and Flink\'s planner has trouble with them too.',
    example: '',
    fix: 'Split the expression into smaller parts, for example with a WITH clause or a view, or use an IN list instead of a long chain of OR.',
    fixed: 'SELECT NOT NOT TRUE;',
    verifiedBy: 'none',
    reason:
      'the statement must nest operators thousands of levels deep without parentheses (deeper parentheses are refused by the parser as FSQL1021), and the depth at which the check gives up depends on the stack size of the machine, so no fixed example triggers it reliably',
  },
};
