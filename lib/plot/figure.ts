/**
 * Plotly figures as plain JSON-ready objects ({data, layout}), the shape plotly.js's newPlot and
 * Jupyter's application/vnd.plotly.v1+json renderer take. Builders here return them; `show`
 * displays them.
 */
import { NDArray } from '../np';

/** One plotly trace ({type: 'scatter', x, y, ...}); any plotly attribute may be set. */
export interface Trace { type: string; [attribute: string]: unknown }
/** A plotly layout; any plotly layout attribute may be set. */
export interface Layout { [attribute: string]: unknown }
export interface Figure { data: Trace[]; layout: Layout; config?: Record<string, unknown> }

/** Numbers of a 1-D sequence or of any array (flattened in C order; bools as 0/1). */
export function numbers(v: NDArray | ArrayLike<number> | readonly boolean[]): number[] {
  if (v instanceof NDArray) return Array.from(v.values());
  return Array.from(v as ArrayLike<number | boolean>, Number);
}

/** The two rows of a (2, m) array, for x and y coordinates. */
export function rows2(X: NDArray, what = 'X'): [number[], number[]] {
  if (X.ndim !== 2 || X.shape[0] !== 2) throw new Error(`${what} must have shape (2, m), got (${X.shape.join(', ')})`);
  return [numbers(X.slice(0)), numbers(X.slice(1))];
}

/** Label colours: points, and lighter versions for the regions of a decision boundary. */
export const LABEL_COLORS = ['#c0392b', '#2f5aa8', '#2e8b57', '#8e44ad', '#d35400', '#16a085'];
export const REGION_COLORS = ['#f5c6bf', '#c3d3f0', '#c5e4d2', '#dcc6e6', '#f5d3bd', '#bfe6de'];

export const axisTitle = (text: string): Record<string, unknown> => ({ title: { text } });
