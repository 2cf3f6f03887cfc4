import { NDArray } from './ndarray';
import { ValueError, formatShape, shapeRepr } from './errors';

/**
 * numpy's broadcast_shapes for the public np.broadcast_shapes: a number stands for a 1-d shape, and a
 * mismatch names the two arguments, as numpy's message does.
 */
export function broadcastShapesPublic(...args: (number | readonly number[])[]): number[] {
  const shapes = args.map((s) => toShape(s));
  const out: number[] = [];
  let nd = 0;
  for (const s of shapes) nd = Math.max(nd, s.length);
  for (let k = 0; k < nd; k++) out.push(1);
  const from: number[] = out.map(() => -1);
  shapes.forEach((s, i) => {
    for (let k = 0, o = nd - s.length; k < s.length; k++, o++) {
      const d = s[k];
      if (out[o] === 1) { out[o] = d; from[o] = i; } else if (d !== 1 && d !== out[o]) {
        throw new ValueError(`shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg ${from[o]} with shape ${shapeRepr(shapes[from[o]])} and arg ${i} with shape ${shapeRepr(s)}.`);
      }
    }
  });
  return out;
}

/** A shape argument as numpy takes it: a number is a 1-d shape; entries are non-negative integers. */
export function toShape(shape: number | readonly number[]): number[] {
  if (typeof shape === 'number') shape = [shape];
  if (!Array.isArray(shape)) throw new TypeError(`'${describeValue(shape)}' object cannot be interpreted as an integer`);
  const out = shape.slice();
  for (const d of out) {
    if (typeof d !== 'number' || !Number.isInteger(d)) throw new TypeError(`'${describeValue(d)}' object cannot be interpreted as an integer`);
    if (d < 0) throw new ValueError('negative dimensions are not allowed');
  }
  return out;
}

function describeValue(x: unknown): string {
  if (typeof x === 'number') return 'float';
  if (x === null || x === undefined) return 'NoneType';
  return typeof x === 'string' ? 'str' : typeof x;
}

/** numpy's broadcast_shapes, with numpy's error wording. */
export function broadcastShapes(...shapes: (readonly number[])[]): number[] {
  let nd = 0;
  for (let i = 0; i < shapes.length; i++) if (shapes[i].length > nd) nd = shapes[i].length;
  const out: number[] = [];
  for (let k = 0; k < nd; k++) out.push(1);
  for (let i = 0; i < shapes.length; i++) {
    const s = shapes[i];
    for (let k = 0, o = nd - s.length; k < s.length; k++, o++) {
      const d = s[k];
      if (out[o] === 1) out[o] = d;
      else if (d !== 1 && d !== out[o]) {
        throw new ValueError(`operands could not be broadcast together with shapes ${shapes.map(formatShape).join(' ')} `);
      }
    }
  }
  return out;
}

/** Strides (in elements) that read `a` as if it had shape `shape` (0 along broadcast axes). */
export function broadcastStrides(a: NDArray, shape: readonly number[]): number[] {
  const nd = shape.length, ash = a.shape, ast = a.strides, lead = nd - ash.length;
  const out: number[] = [];
  for (let o = 0; o < nd; o++) {
    const k = o - lead;
    out.push(k < 0 || (ash[k] === 1 && shape[o] !== 1) ? 0 : ast[k]);
  }
  return out;
}

/** numpy's broadcast_to: a read-only-in-spirit view with zero strides. */
export function broadcastTo(a: NDArray, shape: number | readonly number[]): NDArray {
  const target = typeof shape === 'number' ? [shape] : Array.isArray(shape) ? shape.slice() : toShape(shape);
  for (const d of target) {
    if (!Number.isInteger(d)) throw new TypeError(`'float' object cannot be interpreted as an integer`);
    if (d < 0) throw new ValueError('all elements of broadcast shape must be non-negative');
  }
  if (a.ndim > target.length) {
    throw new ValueError('input operand has more dimensions than allowed by the axis remapping');
  }
  for (let k = 0; k < a.ndim; k++) {
    const d = a.shape[k], t = target[target.length - a.ndim + k];
    if (d !== t && d !== 1) {
      throw new ValueError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${formatShape(a.shape)}  and requested shape ${formatShape(target)}`);
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
  const nops = strides.length;
  // Axis k joins the previous kept axis when every operand has stride[prev] == stride[k] * shape[k].
  const cshape: number[] = [];
  const cstrides: number[][] = [];
  for (let i = 0; i < nops; i++) cstrides.push([]);
  for (let k = 0; k < shape.length; k++) {
    const n = shape[k];
    if (n === 0) return;
    if (n === 1) continue;
    const last = cshape.length - 1;
    let merge = last >= 0;
    for (let i = 0; i < nops && merge; i++) merge = cstrides[i][last] === strides[i][k] * n;
    if (merge) {
      cshape[last] *= n;
      for (let i = 0; i < nops; i++) cstrides[i][last] = strides[i][k];
    } else {
      cshape.push(n);
      for (let i = 0; i < nops; i++) cstrides[i].push(strides[i][k]);
    }
  }
  const cur = offsets.slice();
  const nd = cshape.length;
  const inner: number[] = [];
  for (let i = 0; i < nops; i++) inner.push(nd === 0 ? 0 : cstrides[i][nd - 1]);
  if (nd <= 1) { row(cur, nd === 0 ? 1 : cshape[0], inner); return; }
  const len = cshape[nd - 1];
  const idx: number[] = [];
  for (let k = 0; k < nd - 1; k++) idx.push(0);
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
