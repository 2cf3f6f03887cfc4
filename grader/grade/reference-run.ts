/**
 * Runs the reference solutions on the hidden inputs in a sandbox set up like the submissions'
 * (same bundle, kernels and settings), and keeps the outputs in a file named by a hash of all of
 * that, so grading workers started later for the same assignment and setup do not run it again.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { CompiledCell } from './compile';
import { DEFAULT_LIMITS, TestOutcome } from '../sandbox/client';
import { newSandbox, RunConfig } from '../sandbox/run-config';
import type { CaseInput } from '../sandbox/protocol';

export interface ReferenceRequest { fn: string; cells: CompiledCell[]; cases: CaseInput[] }

export async function referenceOutcomes(run: RunConfig, requests: ReferenceRequest[]): Promise<TestOutcome[]> {
  const key = crypto.createHash('sha256')
    .update(JSON.stringify({ bundle: run.bundle.dir, env: run.env, addon: run.addon ?? null, node: process.version, requests }))
    .digest('hex').slice(0, 32);
  // The bundle's folder is ours alone (sandbox/bundle.ts checks it), so its files can be trusted.
  const file = path.join(path.dirname(run.bundle.dir), `reference-${key}.json`);
  try { return JSON.parse(fs.readFileSync(file, 'utf8')) as TestOutcome[]; } catch { /* not cached yet */ }

  const sandbox = newSandbox(run, { ...DEFAULT_LIMITS, timeoutMs: 120_000, submissionMs: 3_600_000 });
  const out: TestOutcome[] = [];
  try {
    for (const r of requests) out.push(await sandbox.test({ fn: r.fn, cells: r.cells, references: null, cases: r.cases, env: run.env }));
  } finally {
    sandbox.kill();
  }
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(out), { mode: 0o644 });
  fs.renameSync(tmp, file);
  return out;
}
