/**
 * The sandbox settings of a grading run, chosen once and given to every worker (and to the
 * reference run, so expected values come from the same setup as the submissions): the built sandbox
 * files, the isolation, and the library's settings inside the sandbox.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { RunConfig } from '../grade/context';
import { buildSandbox } from '../sandbox/bundle';
import { bubblewrapProblem } from '../sandbox/isolate';

export interface RunChoices {
  /** Grade without bubblewrap (never for credit): every report carries a warning. */
  unsafeNoIsolation?: boolean;
  /** Extra library settings inside the sandbox (e.g. TSDL_PURE_JS, TSDL_THREADS). */
  env?: Record<string, string>;
  /** Use the native addon (OpenBLAS) inside the sandbox; off by default, so grades are the same bits everywhere. */
  native?: boolean;
}

export const UNSAFE_WARNING = 'WARNING: graded without OS isolation (--unsafe-no-isolation); do not use this result for credit.';

export async function prepareRun(choices: RunChoices = {}): Promise<RunConfig> {
  if (!choices.unsafeNoIsolation) {
    const problem = bubblewrapProblem();
    if (problem) throw new Error(problem);
  }
  let addon: string | undefined;
  if (choices.native) {
    addon = nativeAddonFile() ?? undefined;
    if (!addon) throw new Error('the native addon is not built here (npm ci builds it when gcc and libopenblas-dev are present)');
  }
  return {
    bundle: await buildSandbox(),
    isolation: { mode: choices.unsafeNoIsolation ? 'none' : 'bwrap' },
    env: { ...(choices.env ?? {}) },
    addon,
  };
}

/** The built addon of this checkout, if any. */
export function nativeAddonFile(): string | null {
  const f = path.resolve(__dirname, '..', '..', 'build', 'tsdl_blas.node');
  return fs.existsSync(f) ? f : null;
}
