import { NDArray } from '../np';
import { pyStr } from '../np/format/pyfloat';
import { Figure, axisTitle, numbers } from './figure';

export interface CostCurveOptions {
  /** Shown in the title, printed as Python prints a float (0.0075, 1e-05). */
  learning_rate?: number;
  /** Iterations (or epochs) between two recorded costs (default 100, as the course records every 100th). */
  every?: number;
  /** What the x axis counts: 'iteration' (default) or 'epoch'. */
  unit?: 'iteration' | 'epoch';
  title?: string;
}

/**
 * A y range for costs that are constant up to rounding (the zeros initialization: log 2 with a
 * last-bit wobble). Autoscaled, plotly would stretch that wobble to the full height; the course's
 * plot shows a flat line. Null when the costs really vary.
 */
export function flatRange(y: readonly number[]): [number, number] | null {
  const finite = y.filter(Number.isFinite);
  if (finite.length === 0) return null;
  const lo = Math.min(...finite), hi = Math.max(...finite);
  const scale = Math.max(Math.abs(lo), Math.abs(hi));
  if (hi - lo > 1e-9 * scale) return null;
  const pad = scale > 0 ? scale * 0.05 : 1;
  return [lo - pad, hi + pad];
}

/** The training cost against the iteration (or epoch) it was recorded at. */
export function costCurve(costs: NDArray | readonly number[], options: CostCurveOptions = {}): Figure {
  const y = numbers(costs instanceof NDArray ? costs : Float64Array.from(costs));
  const every = options.every ?? 100;
  if (!(Number.isInteger(every) && every > 0)) throw new RangeError(`costCurve: every must be a positive integer, got ${every}`);
  const unit = options.unit ?? 'iteration';
  if (unit !== 'iteration' && unit !== 'epoch') throw new RangeError(`costCurve: unit must be 'iteration' or 'epoch', got '${String(unit)}'`);
  const title = options.title ?? (options.learning_rate === undefined ? 'Cost' : `Learning rate = ${pyStr(options.learning_rate)}`);
  const flat = flatRange(y);
  return {
    data: [{ type: 'scatter', mode: 'lines', x: y.map((_, i) => i * every), y, name: 'cost', line: { color: '#2f5aa8' } }],
    layout: {
      title: { text: title },
      xaxis: axisTitle(unit),
      yaxis: flat ? { ...axisTitle('cost'), range: flat } : axisTitle('cost'),
      width: 640, height: 420,
    },
  };
}
