/**
 * Everything about an assignment that does not depend on the submission, prepared once per
 * grading process: the source notebook's setup cells and reference cells (compiled here), the
 * hidden tests with their inputs, the expected values (computed by running the reference solutions
 * in a sandbox set up exactly as a submission's, so they come from the same kernels and settings),
 * and the outputs of the known mistakes.
 */
import * as fs from 'fs';
import * as path from 'path';
import { analyzeCell } from './cells';
import { assignmentLocation } from './assignment-location';
import { CellCompiler, CompiledCell } from './compile';
import { FunctionTests, HiddenCase, HiddenSuite, testOrder } from './hidden';
import { bindThroughExports } from './late_binding';
import { readSubmission } from './notebook_input';
import { fromWire, toWire, Wire } from './serialize';
import { np } from '../../lib';
import type { SandboxFailure, TestOutcome } from '../sandbox/client';
import type { RunConfig } from '../sandbox/run-config';
import { sandboxModules } from '../sandbox/bundle';
import { referenceOutcomes } from './reference-run';
import { functionArity } from './arity';
import { SuiteLines } from './suite-lines';
import { arityProblems, SuiteShapeError, suiteShapeProblems } from './suite-shape';
import { explainUnseen } from './unseen';

export interface PreparedCase {
  name: string;
  args: unknown[];
  /** The inputs as they cross into the sandbox. */
  wire: Wire[];
  seed?: number;
  expected: unknown;
  tol?: HiddenCase['tol'];
  judge?: HiddenCase['judge'];
  /** Outputs of each known mistake on this case (undefined when the mistake threw). */
  mistakes: { message: string; output: unknown; threw?: string }[];
}

/** A compiled cell of the source notebook and the graded functions it defines (none for setup cells). */
export interface SourceCell { cell: CompiledCell; defines: string[] }

export type { RunConfig };

export interface AssignmentContext {
  id: string;
  dir: string;
  suite: HiddenSuite;
  order: string[];
  cases: Record<string, PreparedCase[]>;
  /** Setup cells (imports, types, helper functions: declarations only) of the source, in order. */
  setup: CompiledCell[];
  /** The source's graded cells, in order. */
  reference: SourceCell[];
  /** What a submitted cell is compiled against: every declaration of the source. */
  declarations: string;
  /** The module names a submitted cell may import (what the sandbox offers). */
  modules: ReadonlySet<string>;
  compiler: CellCompiler;
  run: RunConfig;
  /** Builds the cases (inputs, reference run, known mistakes) for a context's sandbox setup. */
  caseMaker?: (ctx: AssignmentContext) => Promise<Record<string, PreparedCase[]>>;
}

/** The same assignment under another sandbox setup: the compiled cells and the compiler are reused; only the reference run is redone. */
export async function withRun(ctx: AssignmentContext, run: RunConfig): Promise<AssignmentContext> {
  const next: AssignmentContext = { ...ctx, run, cases: {} };
  next.cases = await ctx.caseMaker!(next);
  return next;
}

function callMistake(fn: unknown, args: unknown[], seed?: number): unknown {
  if (seed !== undefined) np.random.seed(seed);
  return (fn as (...a: unknown[]) => unknown)(...args);
}

export { assignmentLocation };

/** The source cells a reference realm needs for `callees`: setup, and every graded cell but the tested function's own. */
export function referenceCells(ctx: AssignmentContext, tested: string, callees: string[]): CompiledCell[] {
  const needed = ctx.reference.filter((s) => !s.defines.includes(tested) || s.defines.some((d) => callees.includes(d)));
  return [...ctx.setup, ...needed.map((s) => s.cell)];
}

export async function loadAssignment(idOrDir: string, run: RunConfig): Promise<AssignmentContext> {
  const { id, dir } = assignmentLocation(idOrDir);
  const sourceFile = path.join(dir, 'source.ipynb');
  const testsFile = path.join(dir, 'hidden_tests.ts');
  if (!fs.existsSync(sourceFile)) throw new Error(`unknown assignment '${id}': ${sourceFile} not found`);
  if (!fs.existsSync(testsFile)) throw new Error(`assignment '${id}' has no hidden tests (${testsFile})`);
  const read = readSubmission(sourceFile);
  if (!read.ok) throw new Error(`${sourceFile}: ${read.message}`);
  const infos = read.cells.filter((c) => c.type === 'code').map((c) => analyzeCell(c.index, c.source, c.metadata));
  const codeCellOf = new Map(infos.map((info, k) => [info.index, k + 1]));
  const suite = loadSuite(testsFile, infos.map((i) => i.marker).filter((m): m is string => m !== null));
  const graded = new Set(Object.keys(suite));

  const compiler = new CellCompiler(dir);
  // A load that fails stops the compiler's worker thread (it would keep the process alive).
  try {
    const setup: CompiledCell[] = [];
    const reference: SourceCell[] = [];
    let decl = '';
    for (const info of infos) {
      const defines = info.functions.filter((f) => graded.has(f));
      if (defines.length === 0 && !info.declarationsOnly) continue;
      const r = compiler.compile(decl, info.source);
      if (!r.ok) {
        const skipped = infos.filter((i) => !i.declarationsOnly && !i.functions.some((f) => graded.has(f))).map((i) => ({ codeCell: codeCellOf.get(i.index)!, source: i.source }));
        throw new Error(`${sourceFile}: code cell ${codeCellOf.get(info.index)} does not compile: ${[r.errors.join('; '), ...explainUnseen(r.errors, skipped)].join('\n')}`);
      }
      const cell = { ...r.cell, js: bindThroughExports(r.cell.js, graded), name: `source-${info.index}.js` };
      if (defines.length) reference.push({ cell, defines }); else setup.push(cell);
      decl = r.decl;
    }
    const defined = new Set(reference.flatMap((s) => s.defines));
    for (const name of graded) if (!defined.has(name)) throw new Error(`${sourceFile}: no cell defines graded function ${name}`);

    // The course library, and Node's built-in names (only their declarations from @types/node are
    // read when a cell names one in a type; the sandbox refuses them at run time).
    const builtins = (require('module') as { builtinModules: string[] }).builtinModules;
    const modules = new Set([...Object.keys(sandboxModules()), ...builtins, ...builtins.map((b) => `node:${b}`)]);
    const ctx: AssignmentContext = { id, dir, suite, order: testOrder(suite), cases: {}, setup, reference, declarations: decl, modules, compiler, run };
    const arities = new Map(ctx.order.map((name) => [name, infos.map((i) => functionArity(i.source, name)).find((a) => a !== null) ?? null]));
    const lines = new SuiteLines(fs.readFileSync(testsFile, 'utf8'));
    ctx.caseMaker = (c) => prepareCases(c, sourceFile, arities, lines);
    ctx.cases = await ctx.caseMaker(ctx);
    return ctx;
  } catch (e) {
    compiler.close();
    throw e;
  }
}

/** Loads hidden_tests.ts and checks its shape; every problem is named with its field and line. */
function loadSuite(testsFile: string, graded: string[]): HiddenSuite {
  let mod: { tests?: unknown };
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    mod = require(testsFile) as { tests?: unknown };
  } catch (e) {
    throw new SuiteShapeError(`${path.basename(testsFile)}: could not be loaded: ${(e as Error)?.message ?? String(e)}`);
  }
  const problems = suiteShapeProblems(mod.tests, path.basename(testsFile), new SuiteLines(fs.readFileSync(testsFile, 'utf8')), graded);
  if (problems.length) throw new SuiteShapeError(problems.join('\n'));
  return mod.tests as HiddenSuite;
}

/** Builds every case's inputs here, and its expected value from the reference run (reference-run.ts). */
async function prepareCases(ctx: AssignmentContext, sourceFile: string, arities: Map<string, ReturnType<typeof functionArity>>,
  lines: SuiteLines): Promise<Record<string, PreparedCase[]>> {
  const cells = [...ctx.setup, ...ctx.reference.map((s) => s.cell)];
  const at = (name: string, i: number, field?: string): string => {
    const line = lines.line(field ? [name, 'cases', i, field] : [name, 'cases', i]);
    return `hidden_tests.ts: ${name}.cases[${i}] '${ctx.suite[name].cases[i].name}'${line !== undefined ? ` (line ${line})` : ''}`;
  };
  const inputs = ctx.order.map((name) => ctx.suite[name].cases.map((c, i) => {
    let args: unknown[];
    try { args = c.args(); } catch (e) { throw new SuiteShapeError(`${at(name, i, 'args')}: args() threw ${(e as Error)?.name ?? 'an error'}: ${(e as Error)?.message ?? String(e)}`); }
    if (!Array.isArray(args)) throw new SuiteShapeError(`${at(name, i, 'args')}: args() must return the list of arguments, e.g. () => [X, Y]`);
    return { c, args, wire: args.map((a) => toWire(a)) };
  }));
  const arityIssues = ctx.order.flatMap((name, k) => {
    const arity = arities.get(name);
    return arity ? arityProblems(name, inputs[k].map(({ c, args }) => ({ name: c.name, count: args.length })), arity, 'hidden_tests.ts', lines) : [];
  });
  if (arityIssues.length) throw new SuiteShapeError(arityIssues.join('\n'));
  let outcomes: TestOutcome[];
  try {
    outcomes = await referenceOutcomes(ctx.run, ctx.order.map((fn, k) => ({ fn, cells, cases: inputs[k].map(({ c, wire }) => ({ args: wire, seed: c.seed })) })));
  } catch (e) {
    throw new Error(`${sourceFile}: the reference solutions could not run in the sandbox: ${(e as SandboxFailure).message}`);
  }
  const out: Record<string, PreparedCase[]> = {};
  ctx.order.forEach((name, k) => {
    const t: FunctionTests = ctx.suite[name];
    const outcome = outcomes[k];
    const badCell = outcome.cells.findIndex((c) => !c.ok);
    if (badCell >= 0) throw new Error(`${sourceFile}: a source cell failed in the sandbox: ${outcome.cells[badCell].error?.name}: ${outcome.cells[badCell].error?.message}`);
    out[name] = inputs[k].map(({ c, args, wire }, i) => {
      const r = outcome.cases[i];
      if (!r || !r.ok) throw new Error(`${sourceFile}: the reference solution of ${name} fails ${at(name, i)}: ${r ? `${r.error.name}: ${r.error.message}` : 'not run'}`);
      const mistakes = (t.mistakes ?? []).map((m) => {
        try { return { message: m.message, output: callMistake(m.impl, c.args(), c.seed) }; } catch (e) {
          return { message: m.message, output: undefined, threw: (e as Error)?.message ?? String(e) };
        }
      });
      return { name: c.name, args, wire, seed: c.seed, expected: fromWire(r.value), tol: c.tol, judge: c.judge, mistakes };
    });
  });
  return out;
}
