// numpy's running and neighbouring-difference functions: cumsum, cumprod, diff.
import { asarray } from './asarray';
import { ValueError, checkOptionKeys, normalizeAxis, readOptions } from './errors';
import { mapLanes } from './along_axis';
import { ArrayLike, NDArray } from './ndarray';
import { concatenate } from './shape';
import { broadcastTo } from './broadcast';
import { DType, checkInt } from './dtype';

function accumulate(name: string, x: ArrayLike, options: { axis?: number | null } | undefined,
  step: (acc: number, v: number) => number): NDArray {
  checkOptionKeys(name, options, ['axis', 'dtype']);
  let a = asarray(x);
  const axis = options?.axis ?? null;
  if (axis === null) a = new NDArray(a.values(), [a.size], a.dtype);
  const ax = normalizeAxis(axis ?? 0, Math.max(a.ndim, 1));
  if (a.ndim === 0) a = new NDArray(a.values(), [1], a.dtype);
  const dtype: DType = a.dtype === 'float64' ? 'float64' : 'int64';
  return mapLanes(a, ax, a.shape[ax], dtype, (src, start, n, dst, at) => {
    let acc = 0;
    for (let i = 0; i < n; i++) {
      acc = i === 0 ? src[start] : step(acc, src[start + i]);
      if (dtype === 'int64') checkInt(acc);
      dst[at + i] = acc;
    }
  });
}

/** numpy's cumsum (sequential, as numpy's add.accumulate); flattens when no axis is given. */
export function cumsum(x: ArrayLike, options?: { axis?: number | null }): NDArray {
  return accumulate('cumsum', x, options, (acc, v) => acc + v);
}

/** numpy's cumprod (sequential); flattens when no axis is given. */
export function cumprod(x: ArrayLike, options?: { axis?: number | null }): NDArray {
  return accumulate('cumprod', x, options, (acc, v) => acc * v);
}

/** numpy's diff: the n-th discrete difference along axis (default the last), with prepend/append. */
export function diff(x: ArrayLike, options: { n?: number; axis?: number; prepend?: ArrayLike; append?: ArrayLike } = {}): NDArray {
  options = readOptions('diff', options, ['n', 'axis', 'prepend', 'append']);
  const n = options.n ?? 1;
  let a = asarray(x);
  if (n === 0) return a;
  if (n < 0) throw new ValueError(`order must be non-negative but got ${n}`);
  if (a.ndim === 0) throw new ValueError('diff requires input that is at least one dimensional');
  const ax = normalizeAxis(options.axis ?? -1, a.ndim);
  const side = (v: ArrayLike): NDArray => {
    const V = asarray(v);
    if (V.ndim > 0) return V;
    return broadcastTo(V, a.shape.map((d, k) => (k === ax ? 1 : d)));
  };
  const parts: NDArray[] = [];
  if (options.prepend !== undefined) parts.push(side(options.prepend));
  parts.push(a);
  if (options.append !== undefined) parts.push(side(options.append));
  if (parts.length > 1) a = concatenate(parts, { axis: ax });
  const bool = a.dtype === 'bool';
  for (let k = 0; k < n; k++) {
    const len = a.shape[ax];
    if (len === 0) break;
    const dtype = a.dtype;
    a = mapLanes(a, ax, Math.max(len - 1, 0), dtype, (src, start, m, dst, at) => {
      for (let i = 0; i + 1 < m; i++) {
        const d = bool ? +(src[start + i + 1] !== src[start + i]) : src[start + i + 1] - src[start + i];
        dst[at + i] = d;
      }
    });
  }
  return a;
}
