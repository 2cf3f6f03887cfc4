// Reads and validates .ipynb files (nbformat 4). Every problem is reported as a
// NotebookFormatError naming the file and, where it applies, the cell and the field.
import { createHash } from 'crypto';
import fs from 'fs';
import {
  Cell, JSONObject, JSONValue, MarkdownCell, MimeBundle, Notebook, NotebookFormatError, Output, RawCell, isPlainObject,
} from './types';

/** nbformat 4.5: ids are 1–64 characters from [A-Za-z0-9_-]. */
export const CELL_ID_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;

/** nbformat's rule for mime types whose data is JSON rather than (possibly split) text. */
export function isJsonMime(mime: string): boolean {
  return mime === 'application/json' || (mime.startsWith('application/') && mime.endsWith('+json'));
}

export function readNotebook(file: string): Notebook {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new NotebookFormatError(file, code === 'ENOENT' ? 'no such file' : `cannot read: ${(err as Error).message}`);
  }
  return parseNotebook(text, file);
}

/** Parses notebook JSON text; `file` is only used in error messages. */
export function parseNotebook(text: string, file: string): Notebook {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new NotebookFormatError(file, `not valid JSON (${(err as Error).message})`);
  }
  return validateNotebook(raw, file);
}

/** Checks a parsed JSON value is an nbformat 4 notebook and returns tsdl's in-memory form (a copy). */
export function validateNotebook(raw: unknown, file: string): Notebook {
  const fail = (problem: string): never => {
    throw new NotebookFormatError(file, problem);
  };
  if (!isPlainObject(raw)) fail(`not a Jupyter notebook (the top level is ${describe(raw)}, not an object)`);
  const top = raw as { [key: string]: unknown };
  if (!('nbformat' in top) && !('cells' in top)) {
    fail('not a Jupyter notebook (no "nbformat" and no "cells")');
  }
  if (top.nbformat !== 4) {
    fail(typeof top.nbformat === 'number'
      ? `nbformat ${top.nbformat} is not supported (tsdl reads nbformat 4; convert it with \`jupyter nbconvert --to notebook\`)`
      : `"nbformat" must be the number 4, found ${describe(top.nbformat)}`);
  }
  const minor = top.nbformat_minor;
  if (typeof minor !== 'number' || !Number.isInteger(minor) || minor < 0) {
    fail(`"nbformat_minor" must be a non-negative integer, found ${describe(minor)}`);
  }
  if (!('cells' in top)) fail('missing "cells"');
  if (!Array.isArray(top.cells)) fail(`"cells" must be a list, found ${describe(top.cells)}`);
  const metadata = top.metadata === undefined ? fail('missing notebook "metadata"') : top.metadata;
  if (!isPlainObject(metadata)) fail(`notebook "metadata" must be an object, found ${describe(metadata)}`);

  const cells = (top.cells as unknown[]).map((c, i) => readCell(c, i, fail));
  assignMissingIds(cells, file);
  return {
    nbformat: 4,
    nbformat_minor: minor as number,
    metadata: clone(metadata as JSONObject),
    cells,
  };
}

type Fail = (problem: string) => never;

function readCell(raw: unknown, index: number, fail: Fail): Cell {
  const where = `cell ${index}`;
  if (!isPlainObject(raw)) fail(`${where} is ${describe(raw)}, not an object`);
  const c = raw as { [key: string]: unknown };
  const type = c.cell_type;
  if (type !== 'code' && type !== 'markdown' && type !== 'raw') {
    fail(`${where}: "cell_type" must be "code", "markdown" or "raw", found ${describe(type)}`);
  }
  const source = joinText(c.source, `${where}: "source"`, fail);
  if (c.metadata === undefined) fail(`${where}: missing "metadata"`);
  if (!isPlainObject(c.metadata)) fail(`${where}: "metadata" must be an object, found ${describe(c.metadata)}`);
  const metadata = clone(c.metadata as JSONObject);
  let id = '';
  if (c.id !== undefined) {
    if (typeof c.id !== 'string' || !CELL_ID_PATTERN.test(c.id)) {
      fail(`${where}: "id" must be 1–64 characters of letters, digits, "-" or "_", found ${describe(c.id)}`);
    }
    id = c.id as string;
  }
  if (type === 'code') {
    if (!Array.isArray(c.outputs)) fail(`${where}: code cells need an "outputs" list, found ${describe(c.outputs)}`);
    const count = c.execution_count === undefined ? null : c.execution_count;
    if (count !== null && !(typeof count === 'number' && Number.isInteger(count) && count >= 0)) {
      fail(`${where}: "execution_count" must be null or a non-negative integer, found ${describe(count)}`);
    }
    const outputs = (c.outputs as unknown[]).map((o, k) => readOutput(o, `${where}, output ${k}`, fail));
    return { id, cell_type: 'code', source, metadata, execution_count: count as number | null, outputs };
  }
  const cell: MarkdownCell | RawCell = { id, cell_type: type as 'markdown' | 'raw', source, metadata };
  if (c.attachments !== undefined) {
    if (!isPlainObject(c.attachments)) fail(`${where}: "attachments" must be an object`);
    const attachments: { [name: string]: MimeBundle } = {};
    for (const [name, bundle] of Object.entries(c.attachments as object)) {
      attachments[name] = readBundle(bundle, `${where}: attachment ${JSON.stringify(name)}`, fail);
    }
    cell.attachments = attachments;
  }
  return cell;
}

function readOutput(raw: unknown, where: string, fail: Fail): Output {
  if (!isPlainObject(raw)) fail(`${where} is ${describe(raw)}, not an object`);
  const o = raw as { [key: string]: unknown };
  switch (o.output_type) {
    case 'stream':
      if (o.name !== 'stdout' && o.name !== 'stderr') fail(`${where}: stream "name" must be "stdout" or "stderr"`);
      return { output_type: 'stream', name: o.name as 'stdout' | 'stderr', text: joinText(o.text, `${where}: "text"`, fail) };
    case 'display_data':
    case 'execute_result': {
      const data = readBundle(o.data, `${where}: "data"`, fail);
      const metadata = o.metadata === undefined ? {} : o.metadata;
      if (!isPlainObject(metadata)) fail(`${where}: "metadata" must be an object`);
      if (o.output_type === 'display_data') {
        return { output_type: 'display_data', data, metadata: clone(metadata as JSONObject) };
      }
      const count = o.execution_count === undefined ? null : o.execution_count;
      if (count !== null && typeof count !== 'number') fail(`${where}: "execution_count" must be null or a number`);
      return { output_type: 'execute_result', execution_count: count as number | null, data, metadata: clone(metadata as JSONObject) };
    }
    case 'error':
      if (typeof o.ename !== 'string' || typeof o.evalue !== 'string') fail(`${where}: error outputs need string "ename" and "evalue"`);
      if (!Array.isArray(o.traceback) || !o.traceback.every((l) => typeof l === 'string')) {
        fail(`${where}: error "traceback" must be a list of strings`);
      }
      return { output_type: 'error', ename: o.ename as string, evalue: o.evalue as string, traceback: [...(o.traceback as string[])] };
    default:
      return fail(`${where}: unknown "output_type" ${describe(o.output_type)}`);
  }
}

function readBundle(raw: unknown, where: string, fail: Fail): MimeBundle {
  if (!isPlainObject(raw)) fail(`${where} must be an object of mime type → data, found ${describe(raw)}`);
  const out: MimeBundle = {};
  for (const [mime, value] of Object.entries(raw as object)) {
    if (!isJsonMime(mime) && Array.isArray(value) && value.every((l) => typeof l === 'string')) {
      out[mime] = (value as string[]).join('');
    } else {
      out[mime] = clone(value as JSONValue);
    }
  }
  return out;
}

function joinText(raw: unknown, where: string, fail: Fail): string {
  if (typeof raw === 'string') return raw;
  if (Array.isArray(raw) && raw.every((l) => typeof l === 'string')) return raw.join('');
  return fail(`${where} must be a string or a list of strings, found ${describe(raw)}`);
}

/**
 * Gives cells without an id (notebooks older than nbformat 4.5) a deterministic one, derived
 * from position, type and source, so re-reading the same file gives the same ids. Duplicate
 * ids are an error, as in nbformat's validator.
 */
function assignMissingIds(cells: Cell[], file: string): void {
  const seen = new Map<string, number>();
  cells.forEach((cell, i) => {
    if (!cell.id) return;
    const first = seen.get(cell.id);
    if (first !== undefined) throw new NotebookFormatError(file, `cells ${first} and ${i} have the same id ${JSON.stringify(cell.id)}`);
    seen.set(cell.id, i);
  });
  cells.forEach((cell, i) => {
    if (cell.id) return;
    const base = createHash('sha256').update(`${i}\n${cell.cell_type}\n${cell.source}`).digest('hex').slice(0, 8);
    let id = base;
    for (let k = 1; seen.has(id); k++) id = `${base}-${k}`;
    cell.id = id;
    seen.set(id, i);
  });
}

function describe(x: unknown): string {
  if (x === undefined) return 'nothing';
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'a list';
  if (typeof x === 'string') return JSON.stringify(x.length > 40 ? x.slice(0, 37) + '...' : x);
  if (typeof x === 'object') return 'an object';
  return `${typeof x} ${String(x)}`;
}

function clone<T extends JSONValue>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}
