/**
 * Turns what the sandbox reports about an exception into feedback. The message is the student's
 * code's (or the library's, on the student's inputs), so it may carry hidden inputs: numbers other
 * than small whole ones (shapes, indices, counts) are masked, and the text is cut short.
 */
import type { CellInfo } from './cells';
import { locate, StudentUnit } from './student-program';
import type { ErrorInfo } from '../sandbox/protocol';

const MAX_MESSAGE = 300;

/**
 * Masks every number that is not a whole number up to 10000 written in ASCII digits (shapes and
 * indices stay readable), in any script's digits.
 */
export function maskNumbers(text: string): string {
  return text.replace(/[-+]?(?:\p{Nd}+(?:\.\p{Nd}*)?|\.\p{Nd}+)(?:[eE][-+]?\p{Nd}+)?/gu, (m) => {
    const plain = /^[-+]?[0-9]+$/.test(m) && Math.abs(Number(m)) <= 10000;
    return plain ? m : '…';
  });
}

/** The exception classes feedback names; any other name (the submission chooses it) reads "Error". */
const KNOWN_ERRORS = new Set(['Error', 'TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'EvalError', 'URIError',
  'AggregateError', 'ValueError', 'IndexError', 'AxisError', 'ZeroDivisionError', 'OverflowError', 'LinAlgError',
  'UFuncTypeError', 'NotImplementedError', 'KeyError', 'TimeoutError']);

export function errorName(name: string): string {
  return KNOWN_ERRORS.has(name) ? name : 'Error';
}

/** `own`: the cell of the function being judged; `unit`: the compiled unit the error points into. */
export function describeError(err: ErrorInfo, unit?: StudentUnit, own?: CellInfo): string {
  let where = '';
  if (err.line !== undefined && unit?.compiled && err.cell === unit.compiled.name) {
    const at = locate(unit, err.line);
    if (at) where = at.info === own ? ` (line ${at.line} of your cell)` : ` (line ${at.line} of the cell defining ${at.info.functions[0] ?? 'another function'})`;
  }
  const message = maskNumbers(err.message.length > MAX_MESSAGE ? `${err.message.slice(0, MAX_MESSAGE)}…` : err.message);
  return `your code raised ${errorName(err.name)}: ${message}${where}`;
}
