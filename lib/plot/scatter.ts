import { NDArray } from '../np';
import { Figure, LABEL_COLORS, Trace, axisTitle, numbers, rows2 } from './figure';

export interface ScatterOptions { title?: string; width?: number; height?: number }

/** One scatter trace per label value, in increasing label order: points of X (2, m) coloured by Y (1, m). */
export function labelTraces(X: NDArray, Y: NDArray | readonly number[]): Trace[] {
  const [xs, ys] = rows2(X);
  const labels = numbers(Y instanceof NDArray ? Y : Float64Array.from(Y));
  if (labels.length !== xs.length) throw new Error(`Y has ${labels.length} labels for ${xs.length} points`);
  const values = [...new Set(labels)].sort((a, b) => a - b);
  return values.map((v, k) => {
    const idx = labels.flatMap((l, i) => (l === v ? [i] : []));
    return {
      type: 'scatter', mode: 'markers', name: `y = ${v}`,
      x: idx.map((i) => xs[i]), y: idx.map((i) => ys[i]),
      marker: { color: LABEL_COLORS[k % LABEL_COLORS.length], size: 7, line: { color: 'white', width: 0.5 } },
    };
  });
}

/** The dataset: X (2, m) as points, coloured by the labels Y (1, m). */
export function scatter2D(X: NDArray, Y: NDArray | readonly number[], options: ScatterOptions = {}): Figure {
  return {
    data: labelTraces(X, Y),
    layout: {
      title: options.title === undefined ? undefined : { text: options.title },
      xaxis: axisTitle('x1'), yaxis: axisTitle('x2'),
      width: options.width ?? 560, height: options.height ?? 480,
    },
  };
}
