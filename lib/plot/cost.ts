import { NDArray } from '../np';
import { pyStr } from '../np/format/pyfloat';
import { Figure, axisTitle, numbers } from './figure';

export interface CostCurveOptions {
  /** Shown in the title, printed as Python prints a float (0.0075, 1e-05). */
  learning_rate?: number;
  /** Iterations between two recorded costs (default 100, as the course records every 100th). */
  every?: number;
  title?: string;
}

/** The training cost against the iteration it was recorded at. */
export function costCurve(costs: NDArray | readonly number[], options: CostCurveOptions = {}): Figure {
  const y = numbers(costs instanceof NDArray ? costs : Float64Array.from(costs));
  const every = options.every ?? 100;
  const title = options.title ?? (options.learning_rate === undefined ? 'Cost' : `Learning rate = ${pyStr(options.learning_rate)}`);
  return {
    data: [{ type: 'scatter', mode: 'lines', x: y.map((_, i) => i * every), y, name: 'cost', line: { color: '#2f5aa8' } }],
    layout: {
      title: { text: title },
      xaxis: axisTitle(every === 1 ? 'iteration' : `iteration (a cost every ${every})`),
      yaxis: axisTitle('cost'),
      width: 640, height: 420,
    },
  };
}
