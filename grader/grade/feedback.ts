/**
 * Turns what the sandbox reports about an exception into feedback. The message is the student's
 * code's (or the library's, on the student's inputs), so it may carry hidden inputs: numbers other
 * than small whole ones (shapes, indices, counts) are masked, and the text is cut short.
 */
import { sourceLineFor } from './lines';
import type { CompiledCell } from './executor';
import type { ErrorInfo } from '../sandbox/protocol';

const MAX_MESSAGE = 300;

/** Masks every number that is not a whole number up to 10000 (shapes and indices stay readable). */
export function maskNumbers(text: string): string {
  return text.replace(/[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?/g, (m) => {
    const plain = /^[-+]?\d+$/.test(m) && Math.abs(Number(m)) <= 10000;
    return plain ? m : '…';
  });
}

export function describeError(err: ErrorInfo, cell?: { compiled: CompiledCell; source: string }): string {
  let where = '';
  if (err.line !== undefined && cell && err.cell === cell.compiled.name) {
    const line = sourceLineFor(cell.compiled.js, cell.source, err.line);
    if (line !== undefined) where = ` (line ${line} of your cell)`;
  }
  const message = maskNumbers(err.message.length > MAX_MESSAGE ? `${err.message.slice(0, MAX_MESSAGE)}…` : err.message);
  return `your code raised ${maskNumbers(err.name)}: ${message}${where}`;
}
