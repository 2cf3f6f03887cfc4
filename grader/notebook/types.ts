// The in-memory shape of an nbformat 4 notebook, as tsdl's tools use it.
//
// On disk, Jupyter stores multi-line strings (cell sources, stream text, text/* data) either
// as one string or as a list of lines. In memory they are always one string: `readNotebook`
// joins them and `serializeNotebook` splits them again the way nbformat does.

export type JSONValue = string | number | boolean | null | JSONValue[] | { [key: string]: JSONValue };
export type JSONObject = { [key: string]: JSONValue };

/** A mime bundle: mime type → data. text/* and other string data are single strings. */
export type MimeBundle = { [mime: string]: JSONValue };

export interface StreamOutput {
  output_type: 'stream';
  name: 'stdout' | 'stderr';
  text: string;
}

export interface DisplayDataOutput {
  output_type: 'display_data';
  data: MimeBundle;
  metadata: JSONObject;
}

export interface ExecuteResultOutput {
  output_type: 'execute_result';
  execution_count: number | null;
  data: MimeBundle;
  metadata: JSONObject;
}

export interface ErrorOutput {
  output_type: 'error';
  ename: string;
  evalue: string;
  traceback: string[];
}

export type Output = StreamOutput | DisplayDataOutput | ExecuteResultOutput | ErrorOutput;

interface CellBase {
  /** nbformat 4.5 cell id: 1–64 characters of [A-Za-z0-9_-], unique in the notebook. */
  id: string;
  source: string;
  metadata: JSONObject;
}

export interface CodeCell extends CellBase {
  cell_type: 'code';
  execution_count: number | null;
  outputs: Output[];
}

export interface MarkdownCell extends CellBase {
  cell_type: 'markdown';
  attachments?: { [name: string]: MimeBundle };
}

export interface RawCell extends CellBase {
  cell_type: 'raw';
  attachments?: { [name: string]: MimeBundle };
}

export type Cell = CodeCell | MarkdownCell | RawCell;

export interface Notebook {
  nbformat: 4;
  nbformat_minor: number;
  metadata: JSONObject;
  cells: Cell[];
}

/** A notebook file that cannot be read: the message names the file and what is wrong. */
export class NotebookFormatError extends Error {
  constructor(readonly file: string, readonly problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'NotebookFormatError';
  }
}

export function isPlainObject(x: unknown): x is { [key: string]: unknown } {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
