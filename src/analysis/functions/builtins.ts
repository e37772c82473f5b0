/**
 * Flink 2.x built-in functions as data: names, kind, signatures, return-type and nullability
 * strategies. Sources: Flink's FlinkSqlOperatorTable (planner, functions/sql), FlinkReturnTypes,
 * BuiltInFunctionDefinitions (table-common; only entries with a runtime implementation are visible in
 * SQL), Calcite's SqlStdOperatorTable / ReturnTypes for re-exported operators, and
 * docs/content/docs/dev/table/functions/systemFunctions.md.
 *
 * Syntax forms with their own AST node (CAST, EXTRACT, POSITION, OVERLAY, TRIM, TIMESTAMPADD/DIFF,
 * JSON_VALUE/QUERY/EXISTS/OBJECT/ARRAY and their aggregates) are listed with kind `special`: they are
 * typed by the expression typer, and listed here for lookup and suggestions.
 */
import { T } from '../types/logical-type.js';
import { parseSignature, type Signature } from './signature.js';
import { type NullStrategy, R, type ReturnStrategy } from './strategies.js';

export type BuiltinKind =
  /** A scalar function. */
  | 'scalar'
  /** An aggregate function; also usable with OVER. */
  | 'aggregate'
  /** Ranking and offset functions that exist only with OVER (ROW_NUMBER, LAG, ...). */
  | 'window'
  /** Legacy group window functions, only in GROUP BY (TUMBLE, HOP, SESSION). */
  | 'group-window'
  /** Legacy group window auxiliaries in SELECT (TUMBLE_START, HOP_ROWTIME, ...). */
  | 'group-window-auxiliary'
  /** Pattern navigation inside MATCH_RECOGNIZE (PREV, FIRST, CLASSIFIER, ...). */
  | 'match'
  /** Written with dedicated syntax and typed by the expression typer. */
  | 'special';

export interface BuiltinFunction {
  /** The canonical name first, then synonyms. */
  readonly names: readonly string[];
  readonly kind: BuiltinKind;
  readonly signatures: readonly Signature[];
  readonly returns: ReturnStrategy;
  readonly nullability: NullStrategy;
  /** Written without parentheses only (CURRENT_TIMESTAMP); Flink rejects `CURRENT_TIMESTAMP()`. */
  readonly niladic?: boolean;
  /** Non-deterministic or evaluated per row/query (for later rules). */
  readonly dynamic?: boolean;
  /** The Flink version that added it, when after 1.20. */
  readonly since?: string;
}

interface Options {
  readonly niladic?: boolean;
  readonly dynamic?: boolean;
  readonly since?: string;
}

function fn(
  names: string | readonly string[],
  kind: BuiltinKind,
  signatures: readonly string[],
  returns: ReturnStrategy,
  nullability: NullStrategy,
  options: Options = {},
): BuiltinFunction {
  return {
    names: typeof names === 'string' ? [names] : names,
    kind,
    signatures: signatures.map(parseSignature),
    returns,
    nullability,
    ...options,
  };
}

const STRING = R.explicit(T.string());
const INT = R.explicit(T.int());
const BIGINT = R.explicit(T.bigint());
const DOUBLE = R.explicit(T.double());
const BOOLEAN = R.explicit(T.boolean());
const BYTES = R.explicit(T.bytes());
const ARRAY_OF_STRING = R.explicit(T.array(T.string()));
const ifAny: NullStrategy = 'ifAnyArgument';
const ifFirst: NullStrategy = { ifArguments: [0] };

/** One-argument DOUBLE math functions (Calcite/Flink: DOUBLE, nullable if the argument is). */
const MATH_UNARY = ['SQRT', 'EXP', 'LN', 'LOG10', 'LOG2', 'SIN', 'COS', 'TAN', 'COT', 'ASIN', 'ACOS', 'ATAN', 'SINH', 'COSH', 'TANH', 'DEGREES', 'RADIANS'];

/** Date/time field functions: YEAR(dt) ... SECOND(dt) return BIGINT (Calcite SqlDatePartFunction). */
const DATE_PARTS = ['YEAR', 'QUARTER', 'MONTH', 'WEEK', 'DAYOFYEAR', 'DAYOFMONTH', 'DAYOFWEEK', 'HOUR', 'MINUTE', 'SECOND'];

const HASHES: readonly (readonly [string, number])[] = [['MD5', 32], ['SHA1', 40], ['SHA224', 56], ['SHA256', 64], ['SHA384', 96], ['SHA512', 128]];

const GROUP_WINDOWS: readonly (readonly [string, string])[] = [
  ['TUMBLE', 'DATETIME, INTERVAL[, TIME]'],
  ['HOP', 'DATETIME, INTERVAL, INTERVAL[, TIME]'],
  ['SESSION', 'DATETIME, INTERVAL'],
];

export const BUILTIN_FUNCTIONS: readonly BuiltinFunction[] = [
  // ------------------------------------------------------------------ arithmetic and math
  fn('ABS', 'scalar', ['NUMERIC|INTERVAL'], R.argument(0), ifAny),
  fn('SIGN', 'scalar', ['NUMERIC'], R.argument(0), ifAny),
  fn('MOD', 'scalar', ['EXACT_NUMERIC, EXACT_NUMERIC'], R.mod, ifAny),
  fn('POWER', 'scalar', ['NUMERIC, NUMERIC'], DOUBLE, ifAny),
  ...MATH_UNARY.map((name) => fn(name, 'scalar', ['NUMERIC'], DOUBLE, ifAny)),
  fn('LOG', 'scalar', ['NUMERIC[, NUMERIC]'], DOUBLE, ifAny),
  fn('ATAN2', 'scalar', ['NUMERIC, NUMERIC'], DOUBLE, ifAny),
  fn('PI', 'scalar', [''], DOUBLE, 'never'),
  fn('E', 'scalar', [''], DOUBLE, 'never'),
  fn('RAND', 'scalar', ['[NUMERIC]'], DOUBLE, ifAny, { dynamic: true }),
  fn('RAND_INTEGER', 'scalar', ['NUMERIC[, NUMERIC]'], INT, ifAny, { dynamic: true }),
  fn('ROUND', 'scalar', ['NUMERIC[, INT]'], R.round, ifAny),
  fn('TRUNCATE', 'scalar', ['NUMERIC[, INT]'], R.round, ifAny),
  fn('FLOOR', 'scalar', ['NUMERIC|INTERVAL'], R.floorCeil, ifAny),
  fn(['CEIL', 'CEILING'], 'scalar', ['NUMERIC|INTERVAL'], R.floorCeil, ifAny),
  fn('BIN', 'scalar', ['INT'], STRING, ifAny),
  fn('HEX', 'scalar', ['INT|STRING'], STRING, ifAny),
  fn('UNHEX', 'scalar', ['STRING'], BYTES, 'always'),
  fn('UUID', 'scalar', [''], R.explicit(T.char(36)), 'never', { dynamic: true }),

  // ------------------------------------------------------------------ strings
  fn(['CHAR_LENGTH', 'CHARACTER_LENGTH'], 'scalar', ['STRING'], INT, ifAny),
  fn('UPPER', 'scalar', ['STRING'], R.argument(0), ifAny),
  fn('LOWER', 'scalar', ['STRING'], R.argument(0), ifAny),
  fn('INITCAP', 'scalar', ['STRING'], R.argument(0), ifAny),
  fn('LTRIM', 'scalar', ['STRING[, STRING]'], R.varyingArgument(0), ifAny),
  fn('RTRIM', 'scalar', ['STRING[, STRING]'], R.varyingArgument(0), ifAny),
  fn('BTRIM', 'scalar', ['STRING[, STRING]'], STRING, ifAny, { since: '2.0' }),
  fn(['SUBSTRING', 'SUBSTR'], 'scalar', ['STRING, INT[, INT]'], R.varyingArgument(0), 'always'),
  fn('LEFT', 'scalar', ['STRING, INT'], R.varyingArgument(0), 'always'),
  fn('RIGHT', 'scalar', ['STRING, INT'], R.varyingArgument(0), 'always'),
  fn('LOCATE', 'scalar', ['STRING, STRING[, INT]'], INT, ifAny),
  fn('INSTR', 'scalar', ['STRING, STRING[, INT[, INT]]'], INT, ifAny),
  fn('ASCII', 'scalar', ['STRING'], INT, ifAny),
  fn('CHR', 'scalar', ['INT'], STRING, 'always'),
  fn('CONCAT', 'scalar', ['STRING, STRING...'], STRING, ifAny),
  fn('CONCAT_WS', 'scalar', ['STRING, STRING...'], STRING, ifAny),
  fn('LPAD', 'scalar', ['STRING, INT, STRING'], STRING, ifAny),
  fn('RPAD', 'scalar', ['STRING, INT, STRING'], STRING, ifAny),
  fn('REPEAT', 'scalar', ['STRING, INT'], STRING, ifAny),
  fn('REPLACE', 'scalar', ['STRING, STRING, STRING'], STRING, ifAny),
  fn('REVERSE', 'scalar', ['STRING'], STRING, 'always'),
  fn('TRANSLATE', 'scalar', ['STRING, STRING, STRING'], STRING, ifAny, { since: '2.0' }),
  fn('SPLIT_INDEX', 'scalar', ['STRING, STRING|INT, INT'], STRING, 'always'),
  fn('SPLIT', 'scalar', ['STRING, STRING'], ARRAY_OF_STRING, ifAny, { since: '2.0' }),
  fn('REGEXP', 'scalar', ['STRING, STRING'], BOOLEAN, ifAny),
  fn('REGEXP_REPLACE', 'scalar', ['STRING, STRING, STRING'], STRING, ifAny),
  fn('REGEXP_EXTRACT', 'scalar', ['STRING, STRING[, INT]'], STRING, 'always'),
  fn('REGEXP_EXTRACT_ALL', 'scalar', ['STRING, STRING[, INT]'], ARRAY_OF_STRING, 'always', { since: '2.0' }),
  fn('REGEXP_COUNT', 'scalar', ['STRING, STRING'], INT, 'always', { since: '2.0' }),
  fn('REGEXP_INSTR', 'scalar', ['STRING, STRING'], INT, 'always', { since: '2.0' }),
  fn('REGEXP_SUBSTR', 'scalar', ['STRING, STRING'], STRING, 'always', { since: '2.0' }),
  fn('TO_BASE64', 'scalar', ['STRING|BYTES'], STRING, ifAny),
  fn('FROM_BASE64', 'scalar', ['STRING|BYTES'], STRING, ifAny),
  fn('ENCODE', 'scalar', ['STRING, STRING'], BYTES, 'always'),
  fn('DECODE', 'scalar', ['BYTES, STRING'], STRING, 'always'),
  fn('PARSE_URL', 'scalar', ['STRING, STRING[, STRING]'], STRING, 'always'),
  fn('URL_ENCODE', 'scalar', ['STRING'], STRING, 'always', { since: '2.0' }),
  fn('URL_DECODE', 'scalar', ['STRING'], STRING, 'always', { since: '2.0' }),
  ...HASHES.map(([name, length]) => fn(name, 'scalar', ['STRING|BYTES'], R.explicit(T.char(length)), ifAny)),
  fn('SHA2', 'scalar', ['STRING|BYTES, INT'], R.explicit(T.varchar(128)), ifAny),
  fn('ELT', 'scalar', ['INT, STRING, STRING...', 'INT, BYTES, BYTES...'], R.commonType(1), 'always', { since: '2.0' }),
  fn('PRINTF', 'scalar', ['STRING, ANY...'], STRING, 'always', { since: '2.0' }),
  fn('STARTSWITH', 'scalar', ['STRING, STRING', 'BYTES, BYTES'], BOOLEAN, ifAny, { since: '2.0' }),
  fn('ENDSWITH', 'scalar', ['STRING, STRING', 'BYTES, BYTES'], BOOLEAN, ifAny, { since: '2.0' }),
  fn('STR_TO_MAP', 'scalar', ['STRING[, STRING, STRING]'], R.explicit(T.map(T.string(), T.string())), 'always'),
  fn('IS_ALPHA', 'scalar', ['STRING|NUMERIC'], BOOLEAN, 'never'),
  fn('IS_DECIMAL', 'scalar', ['STRING|NUMERIC'], BOOLEAN, 'never'),
  fn('IS_DIGIT', 'scalar', ['STRING|NUMERIC'], BOOLEAN, 'never'),

  // ------------------------------------------------------------------ JSON and variant
  fn('JSON_STRING', 'scalar', ['ANY'], STRING, ifAny),
  fn('JSON_QUOTE', 'scalar', ['STRING'], STRING, ifAny, { since: '2.0' }),
  fn('JSON_UNQUOTE', 'scalar', ['STRING'], STRING, ifAny, { since: '2.0' }),
  fn('JSON', 'scalar', ['STRING'], STRING, ifAny, { since: '2.1' }),
  fn('PARSE_JSON', 'scalar', ['STRING[, BOOLEAN]'], R.explicit(T.variant()), ifAny, { since: '2.1' }),
  fn('TRY_PARSE_JSON', 'scalar', ['STRING[, BOOLEAN]'], R.explicit(T.variant()), 'always', { since: '2.1' }),

  // ------------------------------------------------------------------ conditional and comparison
  fn('IF', 'scalar', ['BOOLEAN, ANY, ANY'], R.if, 'fromStrategy'),
  fn('COALESCE', 'scalar', ['ANY, ANY...'], R.commonType(0), 'ifAllArguments'),
  fn('IFNULL', 'scalar', ['ANY, ANY'], R.commonType(0), { ifArguments: [1] }),
  fn('NULLIF', 'scalar', ['ANY, ANY'], R.argument(0), 'always'),
  fn('GREATEST', 'scalar', ['ANY, ANY...'], R.commonType(0), ifAny),
  fn('LEAST', 'scalar', ['ANY, ANY...'], R.commonType(0), ifAny),
  fn('TYPEOF', 'scalar', ['ANY[, BOOLEAN]'], STRING, 'always'),
  fn('HASH_CODE', 'scalar', ['ANY'], INT, ifAny),

  // ------------------------------------------------------------------ temporal
  fn('CURRENT_TIMESTAMP', 'scalar', [''], R.explicit(T.timestampLtz(3)), 'never', { niladic: true, dynamic: true }),
  fn('LOCALTIMESTAMP', 'scalar', [''], R.explicit(T.timestamp(3)), 'never', { niladic: true, dynamic: true }),
  fn('CURRENT_TIME', 'scalar', [''], R.explicit(T.time(0)), 'never', { niladic: true, dynamic: true }),
  fn('LOCALTIME', 'scalar', [''], R.explicit(T.time(0)), 'never', { niladic: true, dynamic: true }),
  fn('CURRENT_DATE', 'scalar', [''], R.explicit(T.date()), 'never', { niladic: true, dynamic: true }),
  fn('NOW', 'scalar', [''], R.explicit(T.timestampLtz(3)), 'never', { dynamic: true }),
  fn('CURRENT_ROW_TIMESTAMP', 'scalar', [''], R.explicit(T.timestampLtz(3)), 'never', { dynamic: true }),
  fn('PROCTIME', 'scalar', [''], R.proctime, 'fromStrategy', { dynamic: true }),
  fn('CURRENT_WATERMARK', 'scalar', ['TIMESTAMP'], R.currentWatermark, 'always', { dynamic: true }),
  fn('CURRENT_DATABASE', 'scalar', [''], STRING, 'never'),
  fn('SOURCE_WATERMARK', 'scalar', [''], R.explicit(T.timestampLtz(3)), 'never'),
  fn('UNIX_TIMESTAMP', 'scalar', ['[STRING[, STRING]]'], BIGINT, ifAny, { dynamic: true }),
  fn('FROM_UNIXTIME', 'scalar', ['INT[, STRING]'], STRING, 'always'),
  fn('TO_TIMESTAMP', 'scalar', ['STRING[, STRING]'], R.explicit(T.timestamp(3)), 'always'),
  fn('TO_TIMESTAMP_LTZ', 'scalar', ['NUMERIC[, INT]', 'STRING[, STRING[, STRING]]'], R.explicit(T.timestampLtz(3)), 'always'),
  fn('TO_DATE', 'scalar', ['STRING[, STRING]'], R.explicit(T.date()), 'always'),
  fn('DATE_FORMAT', 'scalar', ['TIMESTAMP|STRING, STRING'], STRING, 'always'),
  fn('CONVERT_TZ', 'scalar', ['STRING, STRING, STRING'], STRING, 'always'),
  ...DATE_PARTS.map((name) => fn(name, 'scalar', ['DATETIME'], BIGINT, ifAny)),

  // ------------------------------------------------------------------ collections
  fn('CARDINALITY', 'scalar', ['ARRAY|MAP|MULTISET'], INT, ifAny),
  fn('ELEMENT', 'scalar', ['ARRAY|MULTISET'], R.elementOf(0), 'always'),
  fn('ARRAY_CONTAINS', 'scalar', ['ARRAY, ELEMENT'], BOOLEAN, ifFirst),
  fn('ARRAY_DISTINCT', 'scalar', ['ARRAY'], R.argument(0), ifAny),
  fn('ARRAY_POSITION', 'scalar', ['ARRAY, ELEMENT'], INT, ifAny),
  fn('ARRAY_REMOVE', 'scalar', ['ARRAY, ELEMENT'], R.argument(0), ifFirst),
  fn('ARRAY_REVERSE', 'scalar', ['ARRAY'], R.argument(0), ifAny),
  fn('ARRAY_SLICE', 'scalar', ['ARRAY, INT[, INT]'], R.argument(0), ifAny),
  fn('ARRAY_SORT', 'scalar', ['ARRAY<COMPARABLE>[, BOOLEAN[, BOOLEAN]]'], R.argument(0), ifAny, { since: '2.0' }),
  fn('ARRAY_UNION', 'scalar', ['ARRAY, ARRAY'], R.commonType(0), ifAny),
  fn('ARRAY_CONCAT', 'scalar', ['ARRAY, ARRAY...'], R.commonType(0), ifAny),
  fn('ARRAY_EXCEPT', 'scalar', ['ARRAY, ARRAY'], R.commonType(0), ifAny, { since: '2.0' }),
  fn('ARRAY_INTERSECT', 'scalar', ['ARRAY, ARRAY'], R.commonType(0), ifAny, { since: '2.0' }),
  fn('ARRAY_APPEND', 'scalar', ['ARRAY, ANY'], R.arrayAppend, ifAny),
  fn('ARRAY_PREPEND', 'scalar', ['ARRAY, ANY'], R.arrayAppend, ifAny),
  fn('ARRAY_MAX', 'scalar', ['ARRAY<COMPARABLE>'], R.elementOf(0), 'always'),
  fn('ARRAY_MIN', 'scalar', ['ARRAY<COMPARABLE>'], R.elementOf(0), 'always'),
  fn('ARRAY_JOIN', 'scalar', ['ARRAY<STRING>, STRING[, STRING]'], STRING, ifAny),
  fn('MAP_KEYS', 'scalar', ['MAP'], R.mapKeys, ifAny),
  fn('MAP_VALUES', 'scalar', ['MAP'], R.mapValues, ifAny),
  fn('MAP_ENTRIES', 'scalar', ['MAP'], R.mapEntries, ifAny),
  fn('MAP_FROM_ARRAYS', 'scalar', ['ARRAY, ARRAY'], R.mapFromArrays, ifAny),
  fn('MAP_UNION', 'scalar', ['MAP, MAP...'], R.commonType(0), ifAny),

  // ------------------------------------------------------------------ aggregates
  fn('COUNT', 'aggregate', ['', 'ANY, ANY...'], BIGINT, 'never'),
  fn('SUM', 'aggregate', ['NUMERIC'], R.sum, 'aggregate'),
  fn('AVG', 'aggregate', ['NUMERIC'], R.avg, 'aggregate'),
  fn('MIN', 'aggregate', ['ANY'], R.argument(0), 'aggregate'),
  fn('MAX', 'aggregate', ['ANY'], R.argument(0), 'aggregate'),
  ...['STDDEV', 'STDDEV_POP', 'STDDEV_SAMP', 'VARIANCE', 'VAR_POP', 'VAR_SAMP'].map((name) =>
    fn(name, 'aggregate', ['NUMERIC'], R.avg, 'aggregate')),
  fn('FIRST_VALUE', 'aggregate', ['ANY'], R.argument(0), 'aggregate'),
  fn('LAST_VALUE', 'aggregate', ['ANY'], R.argument(0), 'aggregate'),
  fn('LISTAGG', 'aggregate', ['STRING[, STRING]'], R.argument(0), ifAny),
  fn('COLLECT', 'aggregate', ['ANY'], R.multisetOf(0), 'never'),
  fn('ARRAY_AGG', 'aggregate', ['ANY'], R.arrayOf(0), ifAny),
  fn('APPROX_COUNT_DISTINCT', 'aggregate', ['ANY, ANY...'], BIGINT, 'never'),
  fn('PERCENTILE', 'aggregate', ['NUMERIC, NUMERIC|ARRAY[, INT]'], R.percentile, 'always', { since: '2.0' }),
  fn('GROUPING', 'aggregate', ['ANY, ANY...'], BIGINT, 'never'),
  fn('GROUPING_ID', 'aggregate', ['ANY, ANY...'], BIGINT, 'never'),
  fn('GROUP_ID', 'aggregate', [''], BIGINT, 'never'),

  // ------------------------------------------------------------------ window (OVER only)
  fn('ROW_NUMBER', 'window', [''], BIGINT, 'never'),
  fn('RANK', 'window', [''], BIGINT, 'never'),
  fn('DENSE_RANK', 'window', [''], BIGINT, 'never'),
  fn('PERCENT_RANK', 'window', [''], DOUBLE, 'never'),
  fn('CUME_DIST', 'window', [''], DOUBLE, 'never'),
  fn('NTILE', 'window', ['INT'], BIGINT, 'never'),
  fn('LEAD', 'window', ['ANY[, INT[, ANY]]'], R.leadLag, 'fromStrategy'),
  fn('LAG', 'window', ['ANY[, INT[, ANY]]'], R.leadLag, 'fromStrategy'),

  // ------------------------------------------------------------------ MATCH_RECOGNIZE (MEASURES and DEFINE only)
  fn('PREV', 'match', ['ANY[, INT]'], R.argument(0), ifAny),
  fn('NEXT', 'match', ['ANY[, INT]'], R.argument(0), ifAny),
  fn('FIRST', 'match', ['ANY[, INT]'], R.argument(0), ifAny),
  fn('LAST', 'match', ['ANY[, INT]'], R.argument(0), ifAny),
  fn('CLASSIFIER', 'match', [''], R.explicit(T.varchar(2000)), 'never'),
  fn('MATCH_NUMBER', 'match', [''], BIGINT, 'never'),
  fn('MATCH_ROWTIME', 'match', ['[ANY]'], R.explicit(T.timestamp(3, false, 'ROWTIME')), 'fromStrategy'),
  fn('MATCH_PROCTIME', 'match', [''], R.proctime, 'fromStrategy'),

  // ------------------------------------------------------------------ legacy group windows
  ...GROUP_WINDOWS.map(([name, signature]) => fn(name, 'group-window', [signature], R.argument(0), 'fromStrategy')),
  ...GROUP_WINDOWS.flatMap(([name, signature]) => [
    fn(`${name}_START`, 'group-window-auxiliary', [signature], R.explicit(T.timestamp(3)), 'never'),
    fn(`${name}_END`, 'group-window-auxiliary', [signature], R.explicit(T.timestamp(3)), 'never'),
    fn(`${name}_ROWTIME`, 'group-window-auxiliary', [signature], R.windowTimeAttribute('ROWTIME'), 'fromStrategy'),
    fn(`${name}_PROCTIME`, 'group-window-auxiliary', [signature], R.windowTimeAttribute('PROCTIME'), 'fromStrategy'),
  ]),

  // ------------------------------------------------------------------ dedicated syntax (typed by the typer)
  ...['CAST', 'TRY_CAST', 'DESCRIPTOR', 'EXTRACT', 'POSITION', 'OVERLAY', 'TRIM', 'TIMESTAMPADD', 'TIMESTAMPDIFF', 'JSON_VALUE',
    'JSON_QUERY', 'JSON_EXISTS', 'JSON_OBJECT', 'JSON_ARRAY', 'JSON_OBJECTAGG', 'JSON_ARRAYAGG',
  ].map((name) => fn(name, name.endsWith('AGG') ? 'aggregate' : 'special', [], R.explicit(T.unknown()), 'fromStrategy')),
];
