/**
 * The checks of `tsdl validate` that prove the assignment itself rather than the grader: the source
 * notebook runs and its public checks pass, the released notebook is current and compiles, the
 * hidden tests type-check, cover every graded function with the notebook's points, and agree with
 * the published values they pin. Each check is a module of its own.
 */
import * as path from 'path';
import type { AssignmentContext } from '../grade/context';
import { readNotebook } from '../notebook';
import type { Notebook } from '../notebook';
import { releaseNotebook } from '../release';
import type { CheckResult } from './check';
import { coverageCheck } from './coverage';
import { hiddenTypecheck } from './hidden-typecheck';
import { publishedCheck } from './published';
import { releasedCompileCheck } from './released-compile';
import { sourceRunCheck } from './source-run';
import { staleReleaseCheck } from './stale-release';
import { testCellsCheck } from './test-cells';

export interface AuthoringOptions {
  /** Run the source notebook headless (the slowest check). Default true. */
  runSource?: boolean;
  /** Environment of that run (e.g. TSDL_QUICK=1 for shorter trainings). */
  runEnv?: Record<string, string>;
}

/** Checks that need only the assignment's files; `released`: notebooks/<id>.ipynb. */
export async function fileChecks(id: string, dir: string, released: string, opts: AuthoringOptions = {}): Promise<CheckResult[]> {
  const sourceFile = path.join(dir, 'source.ipynb');
  // Cells type-check against dist/types: built from lib/ and the assignments' lib/ folders, rebuilt when older.
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  (require('../../scripts/runtime-bundle.js') as { ensureRuntimeBundle: () => boolean }).ensureRuntimeBundle();
  // The source is read and released once; the stale check names an error of either.
  let source: Notebook | null = null;
  let release: Notebook | Error;
  try {
    source = readNotebook(sourceFile);
    release = releaseNotebook(source, sourceFile, id);
  } catch (e) {
    release = e as Error;
  }
  const results: CheckResult[] = [staleReleaseCheck(id, sourceFile, released, release), hiddenTypecheck(path.join(dir, 'hidden_tests.ts'))];
  // A source that cannot be read stops validate here (with readNotebook's error).
  if (source === null) throw release;
  results.push(testCellsCheck(source));
  if (!(release instanceof Error)) results.push(releasedCompileCheck(release, dir));
  if (opts.runSource !== false) results.push(await sourceRunCheck(sourceFile, { env: opts.runEnv }));
  return results;
}

/** Checks on the loaded assignment (its hidden tests and the reference's results). */
export function contextChecks(ctx: AssignmentContext): CheckResult[] {
  return [coverageCheck(readNotebook(path.join(ctx.dir, 'source.ipynb')), ctx.suite), publishedCheck(ctx)];
}
