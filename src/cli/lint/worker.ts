import { workerData } from 'piscina';
import { warmUpParser } from '../../parse/index.js';
import { Linter, type LintEnvironment, type UnitInput, type UnitResult } from './engine.js';

// A worker thread of `flinkcheck lint`: the environment (catalogs, sink schemas) arrives once as
// workerData; each task is a chunk of units.
const linter = new Linter(workerData as LintEnvironment);
// Fill this thread's parser prediction cache while the pool starts, before the first task.
warmUpParser();

export default function lintChunk(units: readonly UnitInput[]): UnitResult[] {
  return units.map((unit) => linter.lint(unit));
}
