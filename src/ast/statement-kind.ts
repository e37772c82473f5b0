import type { Statement } from './nodes.js';

/** The human-readable kind of a statement, as Flink's docs name it: `CREATE TABLE`, `INSERT`, `SHOW TABLES`. */
export function statementKindLabel(statement: Statement): string {
  switch (statement.kind) {
    case 'QueryStatement': return 'SELECT';
    case 'Insert': return statement.upsert ? 'UPSERT' : 'INSERT';
    case 'StatementSet': return 'STATEMENT SET';
    case 'Execute': return `EXECUTE ${statementKindLabel(statement.statement)}`;
    case 'ExecutePlan': return 'EXECUTE PLAN';
    case 'CompilePlan': return statement.andExecute ? 'COMPILE AND EXECUTE PLAN' : 'COMPILE PLAN';
    case 'ClientCommand': return statement.command;
    case 'CreateTable':
      if (statement.mode === 'REPLACE') return 'REPLACE TABLE AS';
      return statement.asQuery ? `${statement.mode} TABLE AS` : `${statement.mode} TABLE`;
    case 'CreateMaterializedTable': return 'CREATE MATERIALIZED TABLE';
    case 'CreateView': return 'CREATE VIEW';
    case 'CreateFunction': return 'CREATE FUNCTION';
    case 'CreateCatalog': return 'CREATE CATALOG';
    case 'CreateDatabase': return 'CREATE DATABASE';
    case 'CreateModel': return 'CREATE MODEL';
    case 'AlterTable': return 'ALTER TABLE';
    case 'AlterMaterializedTable': return 'ALTER MATERIALIZED TABLE';
    case 'AlterView': return 'ALTER VIEW';
    case 'AlterFunction': return 'ALTER FUNCTION';
    case 'AlterCatalog': return 'ALTER CATALOG';
    case 'AlterDatabase': return 'ALTER DATABASE';
    case 'AlterModel': return 'ALTER MODEL';
    case 'Drop': return `DROP ${statement.object}`;
    case 'Use': return statement.target === 'DATABASE' ? 'USE' : `USE ${statement.target}`;
    case 'Show': return `SHOW ${statement.object}`;
    case 'Describe': return 'DESCRIBE';
    case 'Explain': return 'EXPLAIN';
    case 'Set': return 'SET';
    case 'Reset': return 'RESET';
    case 'Jar': return `${statement.action} JAR`;
    case 'LoadModule': return 'LOAD MODULE';
    case 'UnloadModule': return 'UNLOAD MODULE';
    case 'AnalyzeTable': return 'ANALYZE TABLE';
    case 'Call': return 'CALL';
    case 'Delete': return 'DELETE';
    case 'Update': return 'UPDATE';
    case 'Truncate': return 'TRUNCATE TABLE';
    case 'StopJob': return 'STOP JOB';
  }
}
