/**
 * A batch of step_by_step submissions built from the source notebook and the released one: correct
 * (with harmless differences so each is its own job), wrong in known ways, hostile (throws, endless
 * loops, process.exit) and broken files, plus a byte-identical copy under another name.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

export const ASSIGNMENT = 'step_by_step';
const REPO = path.resolve(__dirname, '..', '..');

type Cell = { cell_type: string; source: string | string[]; [k: string]: unknown };
type Notebook = { cells: Cell[]; [k: string]: unknown };

const load = (f: string): Notebook => JSON.parse(fs.readFileSync(f, 'utf8')) as Notebook;
const src = (c: Cell): string => (Array.isArray(c.source) ? c.source.join('') : c.source);
const source = (): Notebook => load(path.join(REPO, 'grader', 'assignments', ASSIGNMENT, 'source.ipynb'));

function editCell(nb: Notebook, fn: string, edit: (s: string) => string): Notebook {
  const cell = nb.cells.find((c) => src(c).startsWith(`// GRADED FUNCTION: ${fn}\n`));
  if (!cell) throw new Error(`no graded cell ${fn}`);
  const before = src(cell);
  cell.source = edit(before);
  if (cell.source === before) throw new Error(`edit of ${fn} changed nothing`);
  return nb;
}

const replaceSolution = (nb: Notebook, fn: string, body: string): Notebook =>
  editCell(nb, fn, (s) => s.replace(/\/\/ BEGIN SOLUTION\n[\s\S]*?\/\/ END SOLUTION\n/, `// BEGIN SOLUTION\n${body}\n// END SOLUTION\n`));

const MUTATIONS: [string, (s: string) => string][] = [
  ['linear_forward', (s) => s.replace('Z = np.dot(W, A).add(b);', 'Z = np.dot(W, A).add(b).mul(2);')],
  ['compute_cost', (s) => s.replace('cost = (-1 / m)', 'cost = (-2 / m)')],
  ['initialize_parameters', (s) => s.replace('W1 = np.random.randn(n_h, n_x).mul(0.01);', 'W1 = np.random.randn(n_h, n_x).mul(0.1);')],
  ['linear_backward', (s) => s.replace('dA_prev = np.dot(W.T, dZ);', 'dA_prev = np.dot(W.T, dZ).mul(-1);')],
];
const FUNCTIONS = ['initialize_parameters', 'initialize_parameters_deep', 'linear_forward', 'linear_activation_forward', 'L_model_forward',
  'compute_cost', 'linear_backward', 'linear_activation_backward', 'L_model_backward', 'update_parameters'];

export interface Batch { dir: string; files: string[]; distinctContents: number }

export function writeBatch(dir: string): Batch {
  fs.mkdirSync(dir, { recursive: true });
  const put = (name: string, data: string | Buffer): void => fs.writeFileSync(path.join(dir, name), data);
  const nb = (name: string, n: Notebook): void => put(name, JSON.stringify(n, null, 1));
  for (let i = 0; i < 16; i++) nb(`correct-${String(i).padStart(2, '0')}.ipynb`, editCell(source(), FUNCTIONS[i % FUNCTIONS.length], (s) => s.replace('\n', `\n// my notes, take ${i}\n`)));
  const released = fs.readFileSync(path.join(REPO, 'notebooks', `${ASSIGNMENT}.ipynb`));
  put('released.ipynb', released);
  put('released-copy.ipynb', released);
  for (let mask = 1; mask < 16; mask++) {
    let n = source();
    MUTATIONS.forEach(([fn, m], bit) => { if (mask & (1 << bit)) n = editCell(n, fn, m); });
    nb(`wrong-${String(mask).padStart(2, '0')}.ipynb`, n);
  }
  FUNCTIONS.forEach((fn, i) => nb(`throws-${String(i).padStart(2, '0')}.ipynb`, replaceSolution(source(), fn, `    throw new Error('stuck on ${fn}');`)));
  nb('hostile-loop.ipynb', replaceSolution(source(), 'linear_forward', '  while (true) { /* spin */ }'));
  nb('hostile-exit.ipynb', replaceSolution(source(), 'compute_cost', '  process.exit(3);'));
  nb('hostile-prototype.ipynb', replaceSolution(source(), 'linear_forward', '  (Array.prototype as unknown as Record<string, unknown>).map = () => [];\n  Z = np.dot(W, A).add(b);'));
  put('broken-invalid-json.ipynb', '{"cells": [');
  put('broken-not-notebook.ipynb', '{"hello": "world"}');
  put('broken-binary.ipynb', crypto.createHash('sha512').update('junk').digest());
  put('broken-empty.ipynb', '');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ipynb')).sort();
  const distinct = new Set(files.map((f) => crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex')));
  return { dir, files, distinctContents: distinct.size };
}
