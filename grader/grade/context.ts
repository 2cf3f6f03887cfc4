/**
 * Everything about an assignment that does not depend on the submission, prepared once per
 * grading process: the source notebook's setup cells and reference solutions (compiled, and run
 * here in the trusted process), the hidden tests, their expected values and the outputs of the
 * known mistakes.
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyzeCell, CellInfo } from './cells';
import { CellCompiler, assignmentDir } from './compile';
import { CompiledCell, createExports, Exports, runCell } from './executor';
import { HiddenSuite, testOrder } from './hidden';
import { readSubmission } from './notebook_input';
import { np } from '../../lib';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { publicModules } = require('../../scripts/runtime-bundle.js') as { publicModules: () => Record<string, string> };

/**
 * The require of the reference cells run here: 'tsdl' and 'tsdl/lib/...' load this process's own
 * lib/ sources (the copy whose NDArray the grader serializes), not the runtime bundle that those
 * names resolve to for notebooks; two copies would make an expected array look like a plain object.
 */
function referenceRequire(): (id: string) => unknown {
  const lib = publicModules();
  return (id: string) => require(lib[id] ?? id);
}

export interface PreparedCase {
  name: string;
  args: unknown[];
  seed?: number;
  expected: unknown;
  tol?: HiddenSuite[string]['cases'][number]['tol'];
  /** Outputs of each known mistake on this case (undefined when the mistake threw). */
  mistakes: { message: string; output: unknown }[];
}

/** One cell of the grading program, in source order. */
export type Slot =
  | { kind: 'setup'; info: CellInfo; cell: CompiledCell }
  | { kind: 'graded'; names: string[]; info: CellInfo; cell: CompiledCell; declBefore: string };

export interface AssignmentContext {
  id: string;
  dir: string;
  suite: HiddenSuite;
  order: string[];
  cases: Record<string, PreparedCase[]>;
  /** Setup cells (imports, types, helper functions: declarations only) and graded cells of the source. */
  slots: Slot[];
  compiler: CellCompiler;
}

function call(fn: unknown, name: string, args: unknown[], seed?: number): unknown {
  if (typeof fn !== 'function') throw new Error(`reference solution for ${name} is missing`);
  if (seed !== undefined) np.random.seed(seed);
  return (fn as (...a: unknown[]) => unknown)(...args);
}

/** Loads grader/assignments/<id>, or the assignment folder `dir` when given (tests use fixtures). */
export async function loadAssignment(idOrDir: string, dir?: string): Promise<AssignmentContext> {
  // A path to an assignment folder works as well as an id (tests grade fixture assignments).
  const isPath = dir === undefined && (idOrDir.includes('/') || idOrDir.includes(path.sep)) && fs.existsSync(idOrDir);
  dir = dir ?? (isPath ? path.resolve(idOrDir) : assignmentDir(idOrDir));
  const id = isPath ? path.basename(dir) : idOrDir;
  const sourceFile = path.join(dir, 'source.ipynb');
  const testsFile = path.join(dir, 'hidden_tests.ts');
  if (!fs.existsSync(sourceFile)) throw new Error(`unknown assignment '${id}': ${sourceFile} not found`);
  if (!fs.existsSync(testsFile)) throw new Error(`assignment '${id}' has no hidden tests (${testsFile})`);
  const read = readSubmission(sourceFile);
  if (!read.ok) throw new Error(`${sourceFile}: ${read.message}`);
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const suite = (require(testsFile) as { tests: HiddenSuite }).tests;
  const infos = read.cells.filter((c) => c.type === 'code').map((c) => analyzeCell(c.index, c.source, c.metadata));
  const graded = new Set(Object.keys(suite));

  const compiler = new CellCompiler(dir);
  const slots: Slot[] = [];
  let decl = '';
  const refExports: Exports = createExports();
  const req = referenceRequire();
  for (const info of infos) {
    const defines = info.functions.filter((f) => graded.has(f));
    if (defines.length === 0 && !info.declarationsOnly) continue;
    const r = compiler.compile(decl, info.source);
    if (!r.ok) throw new Error(`${sourceFile}: cell ${info.index} does not compile: ${r.errors.join('; ')}`);
    const cell = { ...r.cell, name: `source-${info.index}.js` };
    await runCell(cell, refExports, req);
    slots.push(defines.length ? { kind: 'graded', names: defines, info, cell, declBefore: decl } : { kind: 'setup', info, cell });
    decl = r.decl;
  }
  const defined = new Set(slots.flatMap((s) => (s.kind === 'graded' ? s.names : [])));
  for (const name of graded) if (!defined.has(name)) throw new Error(`${sourceFile}: no cell defines graded function ${name}`);

  const cases: Record<string, PreparedCase[]> = {};
  for (const [name, t] of Object.entries(suite)) {
    cases[name] = t.cases.map((c) => {
      const expected = call(refExports[name], name, c.args(), c.seed);
      const mistakes = (t.mistakes ?? []).map((m) => {
        try { return { message: m.message, output: call(m.impl, name, c.args(), c.seed) }; } catch { return { message: m.message, output: undefined }; }
      });
      return { name: c.name, args: c.args(), seed: c.seed, expected, tol: c.tol, mistakes };
    });
  }
  return { id, dir, suite, order: testOrder(suite), cases, slots, compiler };
}
