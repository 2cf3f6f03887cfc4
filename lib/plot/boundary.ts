/**
 * The decision boundary of a classifier over the plane, as the course draws it: a grid with step
 * h = 0.01 over the data's range widened by 1 on each side, the classifier's prediction at every
 * grid point as filled regions, and the labelled points on top.
 */
import { NDArray } from '../np';
import { Figure, REGION_COLORS, axisTitle, numbers, rows2 } from './figure';
import { labelTraces } from './scatter';

/** Takes points (2, k) and returns one prediction per point: (1, k), (k,), or a JS array. */
export type PredictFn = (points: NDArray) => NDArray | readonly number[] | readonly boolean[];

export interface BoundaryOptions {
  /** Grid step (default 0.01). */
  h?: number;
  /** How far the grid extends beyond the data on each side (default 1). */
  margin?: number;
  title?: string;
  width?: number;
  height?: number;
}

export interface Grid { xs: number[]; ys: number[]; points: NDArray }

/** numpy's arange(start, stop, step) for floats: ceil((stop - start) / step) values start + i * delta. */
export function arange(start: number, stop: number, step: number): number[] {
  const n = Math.max(0, Math.ceil((stop - start) / step));
  const delta = (start + step) - start; // numpy fills from its first two values
  return Array.from({ length: n }, (_, i) => start + i * delta);
}

/** The grid meshgrid(xs, ys) as points (2, len(xs) * len(ys)): x varies fastest, as xx.ravel(). */
export function boundaryGrid(X: NDArray, h = 0.01, margin = 1): Grid {
  const [x1, x2] = rows2(X);
  if (x1.length === 0) throw new Error('X has no points');
  const xs = arange(Math.min(...x1) - margin, Math.max(...x1) + margin, h);
  const ys = arange(Math.min(...x2) - margin, Math.max(...x2) + margin, h);
  const k = xs.length * ys.length;
  const data = new Float64Array(2 * k);
  for (let j = 0; j < ys.length; j++) {
    for (let i = 0; i < xs.length; i++) {
      data[j * xs.length + i] = xs[i];
      data[k + j * xs.length + i] = ys[j];
    }
  }
  return { xs, ys, points: new NDArray(data, [2, k]) };
}

/** Filled regions of predict over the grid, with the points X (2, m) coloured by Y (1, m). */
export function decisionBoundary(predict: PredictFn, X: NDArray, Y: NDArray | readonly number[], options: BoundaryOptions = {}): Figure {
  const { xs, ys, points } = boundaryGrid(X, options.h ?? 0.01, options.margin ?? 1);
  const raw = predict(points);
  const z = numbers(raw instanceof NDArray ? raw : (raw as readonly number[]));
  if (z.length !== xs.length * ys.length) {
    throw new Error(`predict returned ${z.length} values for ${xs.length * ys.length} grid points`);
  }
  const rowsZ = ys.map((_, j) => z.slice(j * xs.length, (j + 1) * xs.length));
  const binary = z.every((v) => v === 0 || v === 1);
  const regions = {
    type: 'contour', x: xs, y: ys, z: rowsZ, showscale: false, hoverinfo: 'skip', name: 'prediction',
    line: { width: 1, color: '#555555' },
    ...(binary
      ? { zmin: 0, zmax: 1, contours: { start: 0.5, end: 0.5, size: 1, coloring: 'fill' },
        colorscale: [[0, REGION_COLORS[0]], [1, REGION_COLORS[1]]] }
      : { colorscale: 'RdBu', reversescale: false }),
  };
  return {
    data: [regions, ...labelTraces(X, Y)],
    layout: {
      title: options.title === undefined ? undefined : { text: options.title },
      xaxis: { ...axisTitle('x1'), range: [xs[0], xs[xs.length - 1]] },
      yaxis: { ...axisTitle('x2'), range: [ys[0], ys[ys.length - 1]] },
      width: options.width ?? 560, height: options.height ?? 480,
    },
  };
}
