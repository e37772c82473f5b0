import { Codes } from '../src/diagnostics/codes.js';
import { defineRule } from '../src/rules/define.js';

export default defineRule({
  meta: {
    code: Codes.ruleUserJar,
    name: 'user-jar',
    category: 'platform',
    rationale:
      'ADD JAR and CREATE FUNCTION ... USING JAR load user code into the cluster\'s JVMs. On a shared platform ' +
      'that code runs with the platform\'s credentials and can break other jobs; platforms usually offer vetted ' +
      'functions and connectors instead.',
    examples: {
      bad: ["ADD JAR '/tmp/udfs.jar'", "CREATE FUNCTION parse_ua AS 'com.example.ParseUa' USING JAR 'hdfs:///udfs.jar'"],
      good: ['SELECT UPPER(name) FROM users', "CREATE TEMPORARY FUNCTION parse_ua AS 'com.example.ParseUa'"],
    },
  },
  create(context) {
    return {
      Jar(node) {
        if (node.action !== 'ADD') return;
        context.report({ node, message: 'ADD JAR loads user code into the cluster', hint: 'use the functions and connectors the platform provides' });
      },
      CreateFunction(node) {
        for (const jar of node.jars) {
          context.report({ node: jar, message: `CREATE FUNCTION \`${node.name.parts.map((p) => p.value).join('.')}\` loads user code from a jar`, hint: 'use a function the platform provides' });
        }
      },
    };
  },
});
