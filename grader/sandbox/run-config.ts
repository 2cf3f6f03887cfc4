/**
 * How submissions run: the settings every sandbox of a grading run gets, the same for the
 * reference run and for students. `addon`: the native addon's file when the run uses it (otherwise
 * the library's WebAssembly and TypeScript kernels, which give the same bits on every machine).
 */
import type { SandboxBundle } from './bundle';
import { Limits, Sandbox } from './client';
import type { Isolation } from './isolate';

export interface RunConfig { bundle: SandboxBundle; isolation: Isolation; env: Record<string, string>; addon?: string }

export function newSandbox(run: RunConfig, limits: Limits): Sandbox {
  return new Sandbox(run.bundle, run.isolation, limits, run.addon);
}
