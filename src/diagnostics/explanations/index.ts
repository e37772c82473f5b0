import { catalogDocumentExplanations } from './catalog-documents.js';
import { changelogExplanations } from './changelog.js';
import { expressionExplanations } from './expressions.js';
import { lintExplanations } from './lint.js';
import { connectorExplanations } from './connectors.js';
import { nameExplanations } from './names.js';
import { ruleEngineExplanations } from './rule-engine.js';
import { ruleExplanations } from './rules.js';
import { syntaxExplanations } from './syntax.js';
import { tableExplanations } from './tables.js';
import type { Explanation, ExplanationTable } from './types.js';

export type { Explanation, ExplanationTable } from './types.js';

/** Each area's table; a branch adding a code range adds its file here. */
const TABLES: readonly ExplanationTable[] = [
  syntaxExplanations,
  nameExplanations,
  changelogExplanations,
  tableExplanations,
  expressionExplanations,
  connectorExplanations,
  catalogDocumentExplanations,
  lintExplanations,
  ruleExplanations,
  ruleEngineExplanations,
];

function merge(tables: readonly ExplanationTable[]): ReadonlyMap<string, Explanation> {
  const all = new Map<string, Explanation>();
  for (const table of tables) {
    for (const [code, explanation] of Object.entries(table)) {
      if (all.has(code)) throw new Error(`${code} is explained twice`);
      all.set(code, explanation);
    }
  }
  return all;
}

/** Every explained code, keyed by code (FSQL1010 ...). */
export const EXPLANATIONS: ReadonlyMap<string, Explanation> = merge(TABLES);

export function explanationOf(code: string): Explanation | undefined {
  return EXPLANATIONS.get(code.toUpperCase());
}
