// numpy's rearranging functions: flip, roll, moveaxis, atleast_1d/2d/3d, broadcast_arrays.
import { allocF64Uninit } from './alloc';
import { asarray } from './asarray';
import { ValueError, axisError, integerArgument, normalizeAxes, normalizeAxis } from './errors';
import { ArrayLike, NDArray } from './ndarray';
import { reshape, transpose } from './shape';
import { broadcastShapesPublic, broadcastTo } from './broadcast';

/** numpy's flip: a view with the axes reversed (all of them when no axis is given). */
export function flip(x: ArrayLike, options: { axis?: number | readonly number[] | null } | number = {}): NDArray {
  const a = asarray(x);
  const axis = typeof options === 'number' ? options : options?.axis ?? null;
  const axes = axis === null ? [...Array(a.ndim).keys()] : normalizeAxes(axis, a.ndim);
  const strides = a.strides.slice();
  let offset = a.offset;
  for (const k of axes) {
    if (a.shape[k] > 0) offset += (a.shape[k] - 1) * strides[k];
    strides[k] = -strides[k];
  }
  return new NDArray(a.data, a.shape, a.dtype, strides, offset, a.base ?? a);
}
export const fliplr = (x: ArrayLike): NDArray => {
  const a = asarray(x);
  if (a.ndim < 2) throw new ValueError('Input must be >= 2-d.');
  return flip(a, 1);
};
export const flipud = (x: ArrayLike): NDArray => {
  const a = asarray(x);
  if (a.ndim < 1) throw new ValueError('Input must be >= 1-d.');
  return flip(a, 0);
};

/** numpy's roll: elements shifted along axis (the flattened array when no axis is given), wrapping around. */
export function roll(x: ArrayLike, shift: number | readonly number[], options: { axis?: number | readonly number[] | null } | number = {}): NDArray {
  const a = asarray(x);
  if (typeof shift !== 'number' && !Array.isArray(shift)) integerArgument(shift);
  const axis = typeof options === 'number' ? options : options?.axis ?? null;
  if (axis === null) {
    const flat = new NDArray(a.values(), [a.size], a.dtype);
    return reshape(roll(flat, shift, typeof shift === 'number' ? 0 : { axis: shift.map(() => 0) }), a.shape);
  }
  const axes = normalizeAxes(axis, a.ndim);
  const shifts = typeof shift === 'number' ? axes.map(() => shift) : shift.slice();
  if (shifts.length !== axes.length) {
    if (axes.length === 1) throw new ValueError("'shift' and 'axis' should be scalars or 1D sequences");
  }
  const total = new Array<number>(a.ndim).fill(0);
  axes.forEach((k, i) => { total[k] += shifts[i]; });
  const src = a.values(), out = allocF64Uninit(src.length);
  const shape = a.shape, nd = a.ndim;
  const idx = new Array<number>(nd).fill(0);
  for (let s = 0; s < src.length; s++) {
    let o = 0;
    for (let k = 0; k < nd; k++) {
      const n = shape[k];
      o = o * n + (((idx[k] + total[k]) % n) + n) % n;
    }
    out[o] = src[s];
    for (let k = nd - 1; k >= 0; k--) { if (++idx[k] < shape[k]) break; idx[k] = 0; }
  }
  return new NDArray(out, shape, a.dtype);
}

/** numpy's moveaxis: a view with axes moved from source to destination positions. */
export function moveaxis(x: ArrayLike, source: number | readonly number[], destination: number | readonly number[]): NDArray {
  const a = asarray(x);
  const norm = (v: number | readonly number[], what: string): number[] => (Array.isArray(v) ? v : [integerArgument(v)]).map((k: number) => {
    if (k < -a.ndim || k >= a.ndim) {
      const e = axisError(k, a.ndim);
      e.message = `${what}: ${e.message}`;
      throw e;
    }
    return normalizeAxis(k, a.ndim);
  });
  const src = norm(source, 'source'), dst = norm(destination, 'destination');
  if (src.length !== dst.length) {
    throw new ValueError('`source` and `destination` arguments must have the same number of elements');
  }
  const order = [...Array(a.ndim).keys()].filter((k) => !src.includes(k));
  const pairs = dst.map((d, i) => [d, src[i]]).sort((p, q) => p[0] - q[0]);
  for (const [d, s] of pairs) order.splice(d, 0, s);
  return transpose(a, order);
}

// atleast_1d and atleast_2d live in shape.ts, where vstack and hstack use them.
export { atleast_1d, atleast_2d } from './shape';
export function atleast_3d(x: ArrayLike): NDArray {
  const a = asarray(x);
  if (a.ndim === 0) return reshape(a, [1, 1, 1]);
  if (a.ndim === 1) return reshape(a, [1, a.shape[0], 1]);
  if (a.ndim === 2) return reshape(a, [a.shape[0], a.shape[1], 1]);
  return a;
}

/** numpy's broadcast_arrays: views of every argument with the common broadcast shape. */
export function broadcast_arrays(...args: ArrayLike[]): NDArray[] {
  const As = args.map((x) => asarray(x));
  const shape = broadcastShapesPublic(...As.map((a) => a.shape));
  return As.map((a) => broadcastTo(a, shape));
}
