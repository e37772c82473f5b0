import { workerData } from 'piscina';
import { Linter, type LintEnvironment, type UnitInput, type UnitResult } from './engine.js';

// A worker thread of `flinkcheck lint`: the environment (catalogs, sink schemas) arrives once as
// workerData; each task is a chunk of units.
const linter = new Linter(workerData as LintEnvironment);

export default function lintChunk(units: readonly UnitInput[]): UnitResult[] {
  return units.map((unit) => linter.lint(unit));
}
