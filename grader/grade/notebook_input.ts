/**
 * Reads a submitted notebook without trusting it: any JSON error, wrong structure, binary junk or
 * oversize file becomes a clear message instead of an exception. Code is taken from code cells and
 * also from other cell types that carry a graded-function marker (a student may change a cell's type).
 */
import * as fs from 'fs';

export const MAX_NOTEBOOK_BYTES = 64 * 1024 * 1024;

export const MAX_CELLS = 5000;
const MAX_DEPTH = 64;
const MAX_CONTAINERS = 1_000_000;

/**
 * What makes a JSON text too costly to parse, found in one pass without parsing it: nesting deeper
 * than any notebook's, or more arrays and objects than one holds (each costs memory once parsed).
 */
export function jsonShapeProblem(text: string): string | null {
  let depth = 0, containers = 0, inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > MAX_DEPTH) return `JSON nested more than ${MAX_DEPTH} levels deep`;
      if (++containers > MAX_CONTAINERS) return `more than ${MAX_CONTAINERS} JSON arrays and objects`;
    } else if (c === 93 || c === 125) depth--;
  }
  return null;
}

export interface InputCell { index: number; type: string; source: string; metadata: unknown }
export type ReadResult = { ok: true; cells: InputCell[] } | { ok: false; message: string };

function sourceText(src: unknown): string | null {
  if (typeof src === 'string') return src;
  if (Array.isArray(src) && src.every((s) => typeof s === 'string')) return src.join('');
  return null;
}

export function readSubmission(file: string): ReadResult {
  let text: string;
  try {
    const link = fs.lstatSync(file);
    if (link.isSymbolicLink()) return { ok: false, message: 'the submission is a symbolic link, not a notebook file; submit the .ipynb file itself' };
    if (!link.isFile()) return { ok: false, message: 'the submission is not a regular file; submit the .ipynb file saved by Jupyter' };
    // O_NOFOLLOW and fstat: the file checked is the file read, even if the path changes meanwhile.
    const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
    try {
      const stat = fs.fstatSync(fd);
      if (!stat.isFile()) return { ok: false, message: 'the submission is not a regular file; submit the .ipynb file saved by Jupyter' };
      if (stat.size > MAX_NOTEBOOK_BYTES) {
        return { ok: false, message: `the notebook is ${(stat.size / 1e6).toFixed(1)} MB, over the ${MAX_NOTEBOOK_BYTES / 1024 / 1024} MB limit; clear large outputs (Kernel → Restart & Clear Output) and resubmit` };
      }
      if (stat.size === 0) return { ok: false, message: 'the submission is an empty file' };
      text = fs.readFileSync(fd, 'utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch (e) {
    return { ok: false, message: `cannot read the submission: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  const shape = jsonShapeProblem(text);
  if (shape) return { ok: false, message: `the submission is not a notebook this grader reads (${shape}); submit the .ipynb file saved by Jupyter` };
  let nb: unknown;
  try {
    nb = JSON.parse(text);
  } catch (e) {
    return { ok: false, message: `the submission is not a valid notebook (not JSON: ${(e as Error).message.slice(0, 200)}); submit the .ipynb file saved by Jupyter` };
  }
  if (!nb || typeof nb !== 'object' || !Array.isArray((nb as { cells?: unknown }).cells)) {
    return { ok: false, message: 'the submission is JSON but not a Jupyter notebook (no "cells" list)' };
  }
  if ((nb as { cells: unknown[] }).cells.length > MAX_CELLS) {
    return { ok: false, message: `the notebook has ${(nb as { cells: unknown[] }).cells.length} cells, over the ${MAX_CELLS} this grader reads` };
  }
  const cells: InputCell[] = [];
  ((nb as { cells: unknown[] }).cells).forEach((c, index) => {
    if (!c || typeof c !== 'object') return;
    const cell = c as { cell_type?: unknown; source?: unknown; metadata?: unknown };
    const source = sourceText(cell.source);
    if (source === null) return;
    cells.push({ index, type: typeof cell.cell_type === 'string' ? cell.cell_type : 'unknown', source, metadata: cell.metadata });
  });
  return { ok: true, cells };
}
