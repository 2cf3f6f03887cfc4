// numpy's pad for the modes 'constant', 'edge', 'reflect', 'symmetric' and 'wrap'.
import { allocF64Uninit } from './alloc';
import { asarray } from './asarray';
import { castValue } from './dtype';
import { ValueError, readOptions } from './errors';
import { ArrayLike, NDArray } from './ndarray';
import { shapeSize } from './layout';

type Widths = number | readonly number[] | readonly (readonly number[])[];
const MODES = ['constant', 'edge', 'reflect', 'symmetric', 'wrap'];

/** numpy's pad_width forms: n, [n], [before, after], or one [before, after] per axis. */
function widthsPerAxis(w: Widths, nd: number): [number, number][] {
  const W = asarray(w as ArrayLike);
  const v = W.values();
  for (const x of v) {
    if (!Number.isInteger(x)) throw new TypeError('`pad_width` must be of integral type.');
    if (x < 0) throw new ValueError("index can't contain negative values");
  }
  if (W.size === 1) return Array.from({ length: nd }, () => [v[0], v[0]]);
  if (W.ndim === 1 && W.size === 2) return Array.from({ length: nd }, () => [v[0], v[1]]);
  if (W.ndim === 2 && W.shape[0] === 1 && W.shape[1] === 2) return Array.from({ length: nd }, () => [v[0], v[1]]);
  if (W.ndim === 2 && W.shape[0] === nd && W.shape[1] === 2) return Array.from({ length: nd }, (_, k) => [v[2 * k], v[2 * k + 1]]);
  throw new ValueError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${JSON.stringify(W.shape)} and requested shape (${nd},2)`);
}

/** The source index for output position i of an axis of length n padded by `before`, or -1 (constant). */
function sourceIndex(i: number, before: number, n: number, mode: string): number {
  let j = i - before;
  if (j >= 0 && j < n) return j;
  if (mode === 'constant') return -1;
  if (mode === 'edge') return j < 0 ? 0 : n - 1;
  if (mode === 'wrap') return ((j % n) + n) % n;
  if (mode === 'reflect') {
    if (n === 1) return 0;
    const p = 2 * (n - 1);
    j = ((j % p) + p) % p;
    return j < n ? j : p - j;
  }
  const p = 2 * n; // symmetric
  j = ((j % p) + p) % p;
  return j < n ? j : p - 1 - j;
}

export function pad(x: ArrayLike, padWidth: Widths, options: { mode?: string; constant_values?: number } | string = {}): NDArray {
  const o = readOptions('pad', typeof options === 'string' ? { mode: options } : options, ['mode', 'constant_values']);
  const mode = o.mode ?? 'constant';
  if (!MODES.includes(mode)) throw new ValueError(`mode '${mode}' is not supported`);
  const a = asarray(x);
  const w = widthsPerAxis(padWidth, a.ndim);
  const shape = a.shape.map((d, k) => d + w[k][0] + w[k][1]);
  if (mode !== 'constant') {
    a.shape.forEach((d, k) => {
      if (d === 0 && (w[k][0] > 0 || w[k][1] > 0)) throw new ValueError(`can't extend empty axis ${k} using modes other than 'constant' or 'empty'`);
    });
  }
  const fill = castValue(o.constant_values ?? 0, a.dtype);
  const src = a.values(), out = allocF64Uninit(shapeSize(shape));
  const nd = a.ndim, idx = new Array<number>(nd).fill(0);
  for (let p = 0; p < out.length; p++) {
    let s = 0, inside = true;
    for (let k = 0; k < nd; k++) {
      const j = sourceIndex(idx[k], w[k][0], a.shape[k], mode);
      if (j < 0) { inside = false; break; }
      s = s * a.shape[k] + j;
    }
    out[p] = inside ? src[s] : fill;
    for (let k = nd - 1; k >= 0; k--) { if (++idx[k] < shape[k]) break; idx[k] = 0; }
  }
  return new NDArray(out, shape, a.dtype);
}
