/**
 * Builds a Gradescope autograder zip for one assignment: setup.sh and run_autograder at the root,
 * and under tsdl/ the repository files grading needs (package manifests, bin, lib, grader with the
 * assignment's hidden tests, scripts, native, datasets); setup.sh installs its packages there.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { assignmentLocation } from '../grade/assignment-location';
import { assignmentVersion } from '../grade/version';
import type { Visibility } from '../report/gradescope';
import { runAutograder, setupSh } from './scripts';
import { zip, ZipEntry } from './zip';

const REPO = path.resolve(__dirname, '..', '..');
const CONTENT = ['package.json', 'package-lock.json', 'tsconfig.json', 'bin', 'lib', 'grader', 'scripts', 'native', 'datasets'];

/** Repository files under CONTENT: tracked or new (not ignored) when this is a git checkout, else every file but node_modules. */
function repositoryFiles(): string[] {
  const git = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...CONTENT], { cwd: REPO, encoding: 'utf8' });
  if (git.status === 0 && git.stdout) return [...new Set(git.stdout.split('\0').filter((f) => f && fs.existsSync(path.join(REPO, f))))].sort();
  const out: string[] = [];
  const walk = (rel: string): void => {
    const abs = path.join(REPO, rel);
    if (!fs.existsSync(abs)) return;
    if (fs.statSync(abs).isFile()) { out.push(rel); return; }
    for (const e of fs.readdirSync(abs)) if (e !== 'node_modules') walk(path.join(rel, e));
  };
  CONTENT.forEach(walk);
  return out.sort();
}

export interface BuildOptions { assignment: string; hiddenDetail: Visibility; timeoutSec: number; memoryMb: number }

export function buildAutograder(o: BuildOptions): { zip: Buffer; files: number; version: string } {
  const { dir } = assignmentLocation(o.assignment);
  if (!fs.existsSync(path.join(dir, 'hidden_tests.ts'))) throw new Error(`unknown assignment '${o.assignment}': no hidden tests in ${dir}`);
  if (!dir.startsWith(path.join(REPO, 'grader', 'assignments') + path.sep)) {
    throw new Error(`the autograder grades assignments of grader/assignments/; ${dir} is elsewhere`);
  }
  const id = path.basename(dir);
  const entries: ZipEntry[] = [
    { name: 'setup.sh', data: Buffer.from(setupSh()), mode: 0o755 },
    { name: 'run_autograder', data: Buffer.from(runAutograder(id, o.hiddenDetail, { timeoutSec: o.timeoutSec, memoryMb: o.memoryMb })), mode: 0o755 },
  ];
  for (const f of repositoryFiles()) {
    const abs = path.join(REPO, f);
    entries.push({ name: `tsdl/${f.split(path.sep).join('/')}`, data: fs.readFileSync(abs), mode: fs.statSync(abs).mode & 0o777 });
  }
  return { zip: zip(entries), files: entries.length, version: assignmentVersion(id) };
}
