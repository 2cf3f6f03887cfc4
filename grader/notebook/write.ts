// Writes notebooks byte-for-byte the way Jupyter (nbformat.writes) does: nbformat 4.5,
// multi-line strings split into lists of lines, keys sorted at every level, one-space
// indent, non-ASCII kept as is, and a trailing newline. The same notebook always gives
// the same bytes.
import fs from 'fs';
import path from 'path';
import { isJsonMime } from './read';
import { Cell, JSONObject, JSONValue, MimeBundle, Notebook, Output } from './types';

/** Mime types other than text/* whose string data nbformat also splits into lines. */
const SPLIT_MIMES = new Set(['application/javascript', 'image/svg+xml']);

/** Python's str.splitlines(keepends=True): nbformat splits on every one of these boundaries. */
const LINE_END = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/g;

export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (const m of text.matchAll(LINE_END)) {
    const end = m.index! + m[0].length;
    lines.push(text.slice(start, end));
    start = end;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

function bundleToJson(bundle: MimeBundle): JSONObject {
  const out: JSONObject = {};
  for (const [mime, value] of Object.entries(bundle)) {
    out[mime] = typeof value === 'string' && !isJsonMime(mime) && (mime.startsWith('text/') || SPLIT_MIMES.has(mime))
      ? splitLines(value)
      : value;
  }
  return out;
}

function outputToJson(o: Output): JSONObject {
  switch (o.output_type) {
    case 'stream':
      return { output_type: 'stream', name: o.name, text: splitLines(o.text) };
    case 'display_data':
      return { output_type: 'display_data', data: bundleToJson(o.data), metadata: o.metadata };
    case 'execute_result':
      return { output_type: 'execute_result', execution_count: o.execution_count, data: bundleToJson(o.data), metadata: o.metadata };
    case 'error':
      return { output_type: 'error', ename: o.ename, evalue: o.evalue, traceback: o.traceback };
  }
}

function cellToJson(c: Cell): JSONObject {
  const base: JSONObject = { id: c.id, cell_type: c.cell_type, metadata: c.metadata, source: splitLines(c.source) };
  if (c.cell_type === 'code') {
    base.execution_count = c.execution_count;
    base.outputs = c.outputs.map(outputToJson);
  } else if (c.attachments !== undefined) {
    const attachments: JSONObject = {};
    for (const [name, bundle] of Object.entries(c.attachments)) attachments[name] = bundleToJson(bundle);
    base.attachments = attachments;
  }
  return base;
}

/** Compares by Unicode code point, as Python's sort_keys does. */
function codePointCompare(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

function sortKeys(x: JSONValue): JSONValue {
  if (Array.isArray(x)) return x.map(sortKeys);
  if (x === null || typeof x !== 'object') return x;
  const out: JSONObject = {};
  for (const key of Object.keys(x).sort(codePointCompare)) {
    const v = x[key];
    if (v !== undefined) out[key] = sortKeys(v);
  }
  return out;
}

/** The file text of a notebook, nbformat 4.5. */
export function serializeNotebook(nb: Notebook): string {
  const json: JSONObject = {
    cells: nb.cells.map(cellToJson),
    metadata: nb.metadata,
    nbformat: 4,
    nbformat_minor: Math.max(5, nb.nbformat_minor),
  };
  return JSON.stringify(sortKeys(json), null, 1) + '\n';
}

/** Writes the notebook; returns false (and leaves the file alone) when its bytes are already these. */
export function writeNotebook(file: string, nb: Notebook): boolean {
  const text = serializeNotebook(nb);
  try {
    if (fs.readFileSync(file, 'utf8') === text) return false;
  } catch {
    // missing or unreadable: write it
  }
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.writeFileSync(file, text);
  return true;
}
