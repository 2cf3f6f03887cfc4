// A runtime error as a student should read it: the cell and line of their own code first (with the
// line's text), then the error, then where that code was called from in their cells. Frames inside
// the library, tslab and Node are left out and counted; TSDL_FULL_TRACES=1 shows the whole stack,
// with the cells' frames still at their cell lines.
import { CELL_URL_PREFIX, CellRegistry } from './cell-registry';

interface Frame { raw: string; fn: string; file: string; line: number; column: number }

const FRAME = /^\s*at (?:(.*?) \()?(.*?):(\d+):(\d+)\)?$/;

function parseFrame(raw: string): Frame | null {
  const m = FRAME.exec(raw);
  if (!m) return null;
  return { raw, fn: m[1] ?? '', file: m[2], line: Number(m[3]), column: Number(m[4]) };
}

export const fullTraces = (): boolean => /^(1|true|yes)$/i.test(process.env.TSDL_FULL_TRACES ?? '');

/** The error's header, `ValueError: shapes (2,3) and (4,5) not aligned: ...` (numpy's class name, its message). */
function header(err: Error): string {
  return `${err.name || 'Error'}: ${err.message}`;
}

/** The student's view of a thrown error, or null when it is not an Error with a stack. */
export function studentTrace(err: unknown, cells: CellRegistry, full = fullTraces()): string | null {
  if (!(err instanceof Error) && !(err && typeof err === 'object' && typeof (err as Error).stack === 'string')) return null;
  const e = err as Error;
  if (typeof e.stack !== 'string') return null;
  const lines = e.stack.split('\n');
  const first = lines.findIndex((l) => FRAME.test(l));
  if (first < 0) return null;
  const frames = lines.slice(first).map((raw) => ({ raw, frame: parseFrame(raw) }));

  const place = (f: Frame) => {
    if (!f.file.startsWith(CELL_URL_PREFIX)) return null;
    return cells.locate(f.file, f.line, f.column);
  };
  const fnName = (f: Frame) => {
    // calls through tslab's exports object read `Proxy.f` or `Object.f`: the student wrote `f`
    const name = f.fn.replace(/^async /, '').replace(/^Object\.<anonymous>$/, '').replace(/^(?:Proxy|Object|exports)\./, '');
    return name && !/^exports\./.test(name) ? `, in ${name}` : '';
  };

  if (full) {
    const mapped = frames.map(({ raw, frame }) => {
      const p = frame && place(frame);
      return p ? `    at ${p.label}, line ${p.line}${frame ? fnName(frame) : ''}:  ${p.text.trim()}` : raw;
    });
    return [header(e), ...mapped].join('\n');
  }

  const own: string[] = [];
  let hidden = 0;
  for (const { frame } of frames) {
    const p = frame && place(frame);
    if (!p) { hidden++; continue; }
    own.push(`${p.label}, line ${p.line}${fnName(frame!)}\n    ${p.text.trim()}`);
  }
  if (own.length === 0) return null;
  const calledFrom = own.slice(1).map((s) => `called from ${s}`);
  const note = hidden > 0 ? [`(${hidden} frame${hidden === 1 ? '' : 's'} inside tsdl, tslab and Node hidden; TSDL_FULL_TRACES=1 shows them)`] : [];
  return [own[0], header(e), ...calledFrom, ...note].join('\n');
}

/** What to print for one console.error call of tslab's executor: a thrown error in the student's view. */
export function studentConsoleArgs(args: unknown[], cells: CellRegistry): unknown[] {
  if (args.length !== 1) return args;
  const text = studentTrace(args[0], cells);
  return text === null ? args : [text];
}
