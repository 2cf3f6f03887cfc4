/**
 * What run_autograder does inside Gradescope: picks the submitted notebook, grades it with the local
 * pool (one grading process, the usual sandboxes) and writes results.json. Every outcome, including
 * no notebook at all or a grader failure, ends as a results.json a student can read.
 */
import * as fs from 'fs';
import * as path from 'path';
import { gradeAll } from '../batch/pool';
import type { SubmissionResult } from '../grade/grade';
import { gradescopeResult, Visibility } from '../report/gradescope';
import { prepareRun } from '../batch/run-config';
import type { Limits } from '../sandbox/client';
import { bubblewrapProblem } from '../sandbox/isolate';

export interface AutogradeOptions { root: string; assignment: string; hiddenDetail: Visibility; limits: Limits }

/** The notebook to grade: `<assignment>.ipynb` if present, else the first .ipynb (top level, then one folder down). */
export function pickNotebook(dir: string, assignment: string): { file: string | null; others: string[] } {
  const found: string[] = [];
  const walk = (d: string, depth: number): void => {
    if (!fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isFile() && e.name.endsWith('.ipynb') && !e.name.startsWith('.')) found.push(p);
      else if (e.isDirectory() && depth === 0 && !e.name.startsWith('.')) walk(p, 1);
    }
  };
  walk(dir, 0);
  const preferred = found.find((f) => path.basename(f) === `${path.basename(assignment)}.ipynb`) ?? found[0] ?? null;
  return { file: preferred, others: found.filter((f) => f !== preferred) };
}

function writeAtomically(file: string, text: string): void {
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, file);
}

export async function autograde(o: AutogradeOptions): Promise<SubmissionResult | null> {
  const resultsFile = path.join(o.root, 'results', 'results.json');
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  const pick = pickNotebook(path.join(o.root, 'submission'), o.assignment);
  if (!pick.file) {
    writeAtomically(resultsFile, JSON.stringify({
      score: 0, output: 'No Jupyter notebook (.ipynb) was found in your submission. Upload the notebook you worked in.',
      output_format: 'text', visibility: 'visible', tests: [],
    }, null, 2) + '\n');
    return null;
  }
  // Gradescope's containers may not allow the user namespaces bubblewrap needs; there the container,
  // fresh for each submission, is the outer wall (said in the log only the instructor sees).
  const problem = bubblewrapProblem();
  if (problem) console.log(`grading without bubblewrap (${problem}); the container is the OS isolation`);
  const run = await prepareRun({ unsafeNoIsolation: !!problem });
  let result: SubmissionResult | null = null;
  await gradeAll(o.assignment, [{ file: pick.file, id: path.basename(pick.file) }], { workers: 1, run, limits: o.limits }, (r) => { result = r; });
  if (!result) throw new Error('the grading pool returned no result');
  const json = gradescopeResult(result, { testVisibility: o.hiddenDetail });
  if (pick.others.length) {
    json.output = `Graded ${path.relative(path.join(o.root, 'submission'), pick.file)}; ignored ${pick.others.map((f) => path.basename(f)).join(', ')}.\n${String(json.output)}`;
  }
  writeAtomically(resultsFile, JSON.stringify(json, null, 2) + '\n');
  return result;
}
