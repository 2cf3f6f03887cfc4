// Source notebook (instructor version, with solutions) → student notebook.
import fs from 'fs';
import path from 'path';
import { Cell, JSONObject, JSONValue, Notebook, readNotebook, serializeNotebook } from '../notebook';
import { CellContext, ReleaseError, declaredFunction, releaseCode, releaseMarkdown } from './markers';

/** The kernelspec of every released notebook: the tslab kernel `npm start` registers. */
export const KERNELSPEC: JSONObject = { name: 'tslab', display_name: 'TypeScript (tslab, tsdl)', language: 'typescript' };

/** What tslab's kernel reports as language_info (tslab/dist/jupyter.js handleKernel), so Jupyter leaves it as is. */
export const LANGUAGE_INFO: JSONObject = {
  name: 'typescript',
  version: '3.7.2',
  mimetype: 'text/typescript',
  file_extension: '.ts',
  codemirror_mode: { mode: 'typescript', name: 'javascript', typescript: true },
};

const isObject = (x: JSONValue | undefined): x is JSONObject => x !== null && typeof x === 'object' && !Array.isArray(x);

function objectAt(metadata: JSONObject, key: string): JSONObject {
  const v = metadata[key];
  return isObject(v) ? { ...v } : {};
}

/** Cell-level metadata that only makes sense in a source or an executed notebook. */
function cleanCellMetadata(metadata: JSONObject): JSONObject {
  const out: JSONObject = { ...metadata };
  delete out.execution; // nbclient's timestamps
  const tsdl = objectAt(out, 'tsdl');
  delete tsdl.timing;
  delete tsdl.solution_only;
  if (Object.keys(tsdl).length > 0) out.tsdl = tsdl;
  else delete out.tsdl;
  return out;
}

/**
 * The graded-cell metadata (nbgrader schema 3 plus tsdl's own), written from the cell's
 * `// GRADED FUNCTION: <name>` line; only `points` comes from the source's metadata (default 1).
 */
export function gradedMetadata(metadata: JSONObject, name: string, ctx: CellContext): JSONObject {
  const nbgrader = objectAt(metadata, 'nbgrader');
  const points = nbgrader.points ?? 1;
  if (typeof points !== 'number' || !(points >= 0)) {
    throw new ReleaseError(ctx.file, ctx.index, null, `metadata.nbgrader.points must be a non-negative number, found ${JSON.stringify(points)}`);
  }
  const tsdl = objectAt(metadata, 'tsdl');
  if (tsdl.locked === true) {
    throw new ReleaseError(ctx.file, ctx.index, null, `graded cell ${name} cannot also be tsdl.locked (students write in it)`);
  }
  return {
    ...metadata,
    nbgrader: { grade: true, grade_id: name, locked: false, points, solution: true, schema_version: 3 },
    tsdl: { ...tsdl, graded_function: name },
  };
}

/** True when the metadata claims the cell is graded, whatever its first line says. */
function claimsGraded(metadata: JSONObject): string | undefined {
  const nbgrader = objectAt(metadata, 'nbgrader');
  const tsdl = objectAt(metadata, 'tsdl');
  if (typeof tsdl.graded_function === 'string') return `tsdl.graded_function is ${JSON.stringify(tsdl.graded_function)}`;
  if (nbgrader.grade === true) return 'nbgrader.grade is true';
  return undefined;
}

function releaseCell(cell: Cell, ctx: CellContext, gradedSeen: Map<string, string>, where: string): Cell | null {
  if (objectAt(cell.metadata, 'tsdl').solution_only === true) return null;
  let metadata = cleanCellMetadata(cell.metadata);
  if (cell.cell_type === 'markdown') {
    return { ...cell, source: releaseMarkdown(cell.source, ctx), metadata };
  }
  if (cell.cell_type === 'raw') return { ...cell, metadata };

  const { source, gradedFunction } = releaseCode(cell.source, ctx);
  if (gradedFunction) {
    const first = gradedSeen.get(gradedFunction);
    if (first !== undefined) {
      throw new ReleaseError(ctx.file, ctx.index, 1, `GRADED FUNCTION ${gradedFunction} is already the graded function of ${first}`);
    }
    gradedSeen.set(gradedFunction, where);
    if (!cell.source.split('\n').some((line) => declaredFunction(line) === gradedFunction)) {
      throw new ReleaseError(ctx.file, ctx.index, 1, `GRADED FUNCTION ${gradedFunction}, but the cell declares no function ${gradedFunction}`);
    }
    metadata = gradedMetadata(metadata, gradedFunction, ctx);
  } else {
    const claim = claimsGraded(metadata);
    if (claim) {
      throw new ReleaseError(ctx.file, ctx.index, 1, `the metadata says the cell is graded (${claim}) but its first line is not \`// GRADED FUNCTION: <name>\``);
    }
    if (objectAt(metadata, 'tsdl').locked === true) {
      metadata = { ...metadata, deletable: false, editable: false };
    }
  }
  return { id: cell.id, cell_type: 'code', source, metadata, execution_count: null, outputs: [] };
}

/**
 * The student version of a source notebook. `file` names the source in error messages; `id`, when
 * given, is written as `metadata.tsdl.assignment` (what `tsdl grade` reads without `--assignment`).
 */
export function releaseNotebook(source: Notebook, file: string, id?: string): Notebook {
  const gradedSeen = new Map<string, string>();
  const cells: Cell[] = [];
  const counts = { code: 0, markdown: 0, raw: 0 };
  source.cells.forEach((cell, index) => {
    // Cells are named as a notebook shows them: `code cell 3`, 1-based among cells of that type.
    const where = `${cell.cell_type} cell ${++counts[cell.cell_type]}`;
    // A stub outside any function names its cell by its number among the released code cells.
    const label = `code cell ${cells.filter((c) => c.cell_type === 'code').length + 1}`;
    try {
      const released = releaseCell(cell, { file, index, label }, gradedSeen, where);
      if (released) cells.push(released);
    } catch (e) {
      if (e instanceof ReleaseError) throw new ReleaseError(e.file, where, e.line, e.problem);
      throw e;
    }
  });
  const metadata: JSONObject = { kernelspec: KERNELSPEC, language_info: LANGUAGE_INFO };
  const tsdl = objectAt(source.metadata, 'tsdl');
  delete tsdl.run;
  if (id !== undefined) tsdl.assignment = id;
  if (Object.keys(tsdl).length > 0) metadata.tsdl = tsdl;
  return { nbformat: 4, nbformat_minor: 5, metadata, cells };
}

/** The repository root (this file is grader/release/release.ts). */
export const REPO_DIR = path.resolve(__dirname, '..', '..');

export interface ReleaseOptions {
  /** Assignment ids; all of them (every <assignmentsDir>/<id>/source.ipynb) when empty. */
  ids?: string[];
  /** Default grader/assignments. */
  assignmentsDir?: string;
  /** Default notebooks. */
  notebooksDir?: string;
  /** Compare only; write nothing. */
  check?: boolean;
}

export interface ReleaseEntry {
  id: string;
  source: string;
  target: string;
  /** written: the file changed (or, with check, would change); unchanged: already up to date. */
  status: 'written' | 'unchanged' | 'stale';
}

export interface ReleaseReport {
  entries: ReleaseEntry[];
  /** Notebooks in notebooksDir with no source (only looked for when releasing all ids); never deleted. */
  orphans: string[];
}

export function listAssignments(assignmentsDir: string): string[] {
  if (!fs.existsSync(assignmentsDir)) return [];
  return fs
    .readdirSync(assignmentsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(assignmentsDir, d.name, 'source.ipynb')))
    .map((d) => d.name)
    .sort();
}

export function releaseAssignments(options: ReleaseOptions = {}): ReleaseReport {
  const assignmentsDir = path.resolve(options.assignmentsDir ?? path.join(REPO_DIR, 'grader', 'assignments'));
  const notebooksDir = path.resolve(options.notebooksDir ?? path.join(REPO_DIR, 'notebooks'));
  const all = listAssignments(assignmentsDir);
  const ids = options.ids && options.ids.length > 0 ? [...options.ids] : all;
  for (const id of ids) {
    if (!all.includes(id)) {
      throw new Error(`no assignment ${JSON.stringify(id)}: ${path.join(assignmentsDir, id, 'source.ipynb')} does not exist` +
        (all.length ? ` (assignments: ${all.join(', ')})` : ''));
    }
  }
  // Render everything first, so one bad source leaves every notebook untouched.
  const rendered = ids.map((id) => {
    const source = path.join(assignmentsDir, id, 'source.ipynb');
    const target = path.join(notebooksDir, `${id}.ipynb`);
    return { id, source, target, text: serializeNotebook(releaseNotebook(readNotebook(source), source, id)) };
  });
  const entries: ReleaseEntry[] = rendered.map(({ id, source, target, text }) => {
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : null;
    if (current === text) return { id, source, target, status: 'unchanged' };
    if (options.check) return { id, source, target, status: 'stale' };
    fs.mkdirSync(notebooksDir, { recursive: true });
    fs.writeFileSync(target, text);
    return { id, source, target, status: 'written' };
  });
  const orphans = options.ids && options.ids.length > 0 || !fs.existsSync(notebooksDir)
    ? []
    : fs.readdirSync(notebooksDir)
      // `tsdl run` writes <id>.executed.ipynb beside a notebook: not a release.
      .filter((f) => f.endsWith('.ipynb') && !f.endsWith('.executed.ipynb') && !all.includes(f.slice(0, -'.ipynb'.length)))
      .sort()
      .map((f) => path.join(notebooksDir, f));
  return { entries, orphans };
}
