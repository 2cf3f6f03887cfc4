import { NDArray } from './ndarray';
import { formatShape } from './errors';

/** numpy's broadcast_shapes, with numpy's error wording. */
export function broadcastShapes(...shapes: (readonly number[])[]): number[] {
  const nd = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(nd).fill(1);
  for (const s of shapes) {
    for (let k = 0; k < s.length; k++) {
      const o = nd - s.length + k;
      const d = s[k];
      if (out[o] === 1) out[o] = d;
      else if (d !== 1 && d !== out[o]) {
        throw new Error(`operands could not be broadcast together with shapes ${shapes.map(formatShape).join(' ')} `.trimEnd());
      }
    }
  }
  return out;
}

/** Strides (in elements) that read `a` as if it had shape `shape` (0 along broadcast axes). */
export function broadcastStrides(a: NDArray, shape: readonly number[]): number[] {
  const nd = shape.length;
  const out = new Array<number>(nd).fill(0);
  for (let k = 0; k < a.ndim; k++) {
    const o = nd - a.ndim + k;
    out[o] = a.shape[k] === 1 && shape[o] !== 1 ? 0 : a.strides[k];
  }
  return out;
}

/** numpy's broadcast_to: a read-only-in-spirit view with zero strides. */
export function broadcastTo(a: NDArray, shape: readonly number[]): NDArray {
  const target = shape.slice();
  if (a.ndim > target.length) {
    throw new Error(`input operand has more dimensions than allowed by the axis remapping: cannot broadcast ${formatShape(a.shape)} to ${formatShape(target)}`);
  }
  for (let k = 0; k < a.ndim; k++) {
    const d = a.shape[k], t = target[target.length - a.ndim + k];
    if (d !== t && d !== 1) {
      throw new Error(`operands could not be broadcast together with remapped shapes [original->remapped]: ${formatShape(a.shape)} and requested shape ${formatShape(target)}`);
    }
  }
  return new NDArray(a.data, target, a.dtype, broadcastStrides(a, target), a.offset, a.base ?? a);
}

/**
 * Visits an n-d iteration space row by row: for each index of all axes but the last it calls
 * `row(offsets)`, where offsets[i] is operand i's element offset at the start of that row.
 * Adjacent axes are merged first when every operand allows it, so contiguous data gives one long row.
 */
export function forEachRow(
  shape: readonly number[], strides: (readonly number[])[], offsets: readonly number[],
  row: (offs: number[], len: number, innerStrides: number[]) => void,
): void {
  const [cshape, cstrides] = coalesce(shape, strides);
  const nops = strides.length;
  const offs = offsets.slice();
  if (cshape.some((d) => d === 0)) return;
  const nd = cshape.length;
  if (nd === 0) { row(offs, 1, new Array(nops).fill(0)); return; }
  const len = cshape[nd - 1];
  const inner = cstrides.map((s) => s[nd - 1]);
  if (nd === 1) { row(offs, len, inner); return; }
  const idx = new Array<number>(nd - 1).fill(0);
  const cur = offs.slice();
  for (;;) {
    row(cur, len, inner);
    let k = nd - 2;
    for (; k >= 0; k--) {
      idx[k]++;
      for (let i = 0; i < nops; i++) cur[i] += cstrides[i][k];
      if (idx[k] < cshape[k]) break;
      for (let i = 0; i < nops; i++) cur[i] -= cstrides[i][k] * cshape[k];
      idx[k] = 0;
    }
    if (k < 0) return;
  }
}

/** Merges axis k into k+1 when, for every operand, stride[k] == stride[k+1] * shape[k+1]. */
function coalesce(shape: readonly number[], strides: (readonly number[])[]): [number[], number[][]] {
  const s: number[] = [];
  const st: number[][] = strides.map(() => []);
  for (let k = 0; k < shape.length; k++) {
    if (shape[k] === 1) continue;
    const last = s.length - 1;
    if (last >= 0 && strides.every((x, i) => st[i][last] === x[k] * shape[k])) {
      s[last] *= shape[k];
      strides.forEach((x, i) => { st[i][last] = x[k]; });
    } else {
      s.push(shape[k]);
      strides.forEach((x, i) => st[i].push(x[k]));
    }
  }
  return [s, st];
}
