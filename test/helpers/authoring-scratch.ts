/**
 * A scratch copy of an assignment for planting authoring mistakes: <root>/assignments/<id>/ (source,
 * hidden tests, lib/) and <root>/notebooks/<id>.ipynb, under test/artifacts (inside the repository, so
 * the cells' `import ... from 'tsdl'` resolves). Relative imports of the repository become absolute,
 * since the copy sits elsewhere. `validateAssignment(scratch.dir, { repo: scratch.root })` checks it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readNotebook, writeNotebook } from '../../grader/notebook';
import type { Notebook } from '../../grader/notebook';
import { releaseAssignments } from '../../grader/release';

export const REPO = path.resolve(__dirname, '..', '..');

export class Scratch {
  readonly dir: string;
  constructor(readonly root: string, readonly id: string) { this.dir = path.join(root, 'assignments', id); }

  get testsFile(): string { return path.join(this.dir, 'hidden_tests.ts'); }
  get sourceFile(): string { return path.join(this.dir, 'source.ipynb'); }

  /** Replaces `find` (which must occur exactly once) in hidden_tests.ts. */
  editTests(find: string | RegExp, replace: string): void {
    const text = fs.readFileSync(this.testsFile, 'utf8');
    const count = typeof find === 'string' ? text.split(find).length - 1 : (text.match(new RegExp(find.source, `${find.flags.replace('g', '')}g`)) ?? []).length;
    if (count !== 1) throw new Error(`scratch: ${String(find)} occurs ${count} times in hidden_tests.ts`);
    fs.writeFileSync(this.testsFile, text.replace(find, replace));
  }

  /** Replaces `find` (exactly once) in the source cell with this id. */
  editCell(cellId: string, find: string, replace: string): void {
    this.editSource((nb) => {
      const cell = nb.cells.find((c) => c.id === cellId);
      if (!cell || cell.source.split(find).length !== 2) throw new Error(`scratch: '${find}' is not once in cell ${cellId}`);
      cell.source = cell.source.replace(find, () => replace);
    });
  }

  editSource(change: (nb: Notebook) => void): void {
    const nb = readNotebook(this.sourceFile);
    change(nb);
    writeNotebook(this.sourceFile, nb);
  }

  release(): void { releaseAssignments({ ids: [this.id], assignmentsDir: path.join(this.root, 'assignments'), notebooksDir: path.join(this.root, 'notebooks') }); }
}

function copyRewriting(from: string, to: string, root = from): void {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, e.name);
    const dst = path.join(to, e.name);
    if (e.isDirectory()) { copyRewriting(src, dst, root); continue; }
    let text = fs.readFileSync(src, 'utf8');
    if (e.name.endsWith('.ts')) {
      // Imports outside the assignment ('../../../lib', '../../grade/hidden') become absolute; its own stay relative.
      text = text.replace(/(from\s+)'(\.\.?\/[^']*)'/g, (m, kw: string, rel: string) => {
        const abs = path.resolve(path.dirname(src), rel);
        return abs.startsWith(root + path.sep) ? m : `${kw}'${abs}'`;
      });
    }
    fs.writeFileSync(dst, text);
  }
}

/** A fresh copy of grader/assignments/<id> and its released notebook; `plants: false` drops the planted mistakes (validate grades fewer notebooks). */
export function scratchCopy(id: string, name: string, opts: { plants?: boolean } = {}): Scratch {
  const root = path.join(REPO, 'test', 'artifacts', `authoring-${process.pid}`, name);
  fs.rmSync(root, { recursive: true, force: true });
  const s = new Scratch(root, id);
  copyRewriting(path.join(REPO, 'grader', 'assignments', id), s.dir);
  fs.mkdirSync(path.join(root, 'notebooks'), { recursive: true });
  fs.copyFileSync(path.join(REPO, 'notebooks', `${id}.ipynb`), path.join(root, 'notebooks', `${id}.ipynb`));
  if (opts.plants === false) fs.writeFileSync(s.testsFile, fs.readFileSync(s.testsFile, 'utf8').replace(/^\s*plant: \{.*\},\n/gm, ''));
  return s;
}

export function removeScratches(): void {
  fs.rmSync(path.join(REPO, 'test', 'artifacts', `authoring-${process.pid}`), { recursive: true, force: true });
}
