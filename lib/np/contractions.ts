// numpy's tensor contractions: tensordot, inner, einsum.
import { allocF64 } from './alloc';
import { asarray } from './asarray';
import { DType, promoteTypes } from './dtype';
import { ValueError, formatShape, normalizeAxis } from './errors';
import { ArrayLike, NDArray } from './ndarray';
import { dot } from './linalg';
import { multiply } from './ufuncs';
import { reshape, transpose } from './shape';
import { cStrides, shapeSize } from './layout';

/** numpy's tensordot: sums products over axes[0] of a and axes[1] of b, through one matrix product. */
type TensordotAxes = number | readonly [number | readonly number[], number | readonly number[]];
export function tensordot(x: ArrayLike, y: ArrayLike, axesArg: TensordotAxes | { axes?: TensordotAxes } = 2): NDArray {
  const axes = typeof axesArg === 'object' && !Array.isArray(axesArg) ? (axesArg as { axes?: TensordotAxes }).axes ?? 2 : axesArg as TensordotAxes;
  const a = asarray(x), b = asarray(y);
  let axA: number[], axB: number[];
  if (typeof axes === 'number') {
    axA = Array.from({ length: axes }, (_, i) => a.ndim - axes + i);
    axB = Array.from({ length: axes }, (_, i) => i);
  } else {
    axA = typeof axes[0] === 'number' ? [axes[0]] : axes[0].slice();
    axB = typeof axes[1] === 'number' ? [axes[1]] : axes[1].slice();
  }
  if (axA.length !== axB.length) throw new ValueError('shape-mismatch for sum');
  axA = axA.map((k) => normalizeAxis(k, a.ndim));
  axB = axB.map((k) => normalizeAxis(k, b.ndim));
  axA.forEach((k, i) => { if (a.shape[k] !== b.shape[axB[i]]) throw new ValueError('shape-mismatch for sum'); });
  const freeA = [...Array(a.ndim).keys()].filter((k) => !axA.includes(k));
  const freeB = [...Array(b.ndim).keys()].filter((k) => !axB.includes(k));
  const n = shapeSize(axA.map((k) => a.shape[k]));
  const at = reshape(transpose(a, [...freeA, ...axA]), [shapeSize(freeA.map((k) => a.shape[k])), n]);
  const bt = reshape(transpose(b, [...axB, ...freeB]), [n, shapeSize(freeB.map((k) => b.shape[k]))]);
  return reshape(dot(at, bt), [...freeA.map((k) => a.shape[k]), ...freeB.map((k) => b.shape[k])]);
}

/** numpy's inner: sums products over the last axes of a and b. */
export function inner(x: ArrayLike, y: ArrayLike): NDArray {
  const a = asarray(x), b = asarray(y);
  if (a.ndim === 0 || b.ndim === 0) return multiply(a, b);
  if (a.shape[a.ndim - 1] !== b.shape[b.ndim - 1]) {
    throw new ValueError(`shapes ${formatShape(a.shape)} and ${formatShape(b.shape)} not aligned: ${a.shape[a.ndim - 1]} (dim ${a.ndim - 1}) != ${b.shape[b.ndim - 1]} (dim ${b.ndim - 1})`);
  }
  return tensordot(a, b, [-1, -1]);
}

/** numpy's einsum for explicit ('ij,jk->ik') and implicit ('ij,jk') subscripts, without ellipses. */
export function einsum(subscripts: string, ...operands: ArrayLike[]): NDArray | number {
  if (typeof subscripts !== 'string') throw new TypeError('einsum: the subscripts must be a string, such as \'ij,jk->ik\'');
  const spec = subscripts.replace(/\s+/g, '');
  if (spec.includes('.')) throw new ValueError('tsdl: einsum does not support ellipses (...)');
  const [lhs, rhs] = spec.includes('->') ? spec.split('->') : [spec, null];
  const inputs = lhs.split(',');
  if (inputs.length !== operands.length) throw new ValueError('more operands provided to einstein sum function than specified in the subscripts string');
  const As = operands.map((x) => asarray(x));
  const sizes = new Map<string, number>();
  inputs.forEach((sub, i) => {
    if (sub.length !== As[i].ndim) {
      throw new ValueError(`operand has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.`);
    }
    [...sub].forEach((c, k) => {
      if (!/[a-zA-Z]/.test(c)) throw new ValueError(`invalid subscript '${c}' in einstein sum subscripts string, subscripts must be letters`);
      const d = As[i].shape[k], seen = sizes.get(c);
      if (seen === undefined || seen === 1) sizes.set(c, d);
      else if (d !== seen && d !== 1) {
        throw new ValueError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${formatShape(As[i].shape)} and dimension '${c}' of size ${seen}`);
      }
    });
  });
  const counts = new Map<string, number>();
  for (const c of inputs.join('')) counts.set(c, (counts.get(c) ?? 0) + 1);
  const out = rhs ?? [...counts.keys()].filter((c) => counts.get(c) === 1).sort().join('');
  for (const c of out) if (!sizes.has(c)) throw new ValueError(`einstein sum subscripts string included output subscript '${c}' which never appeared in an input`);
  const summed = [...sizes.keys()].filter((c) => !out.includes(c));
  const letters = [...out, ...summed];
  const dims = letters.map((c) => sizes.get(c) as number);
  const outShape = [...out].map((c) => sizes.get(c) as number);
  const dtype: DType = As.reduce((t, a) => promoteTypes(t, a.dtype), 'bool' as DType);
  const values = As.map((a) => a.values());
  // Per operand, the element stride of each letter (0 where the operand lacks it or has size 1).
  const strides = As.map((a, i) => {
    const st = new Array<number>(letters.length).fill(0);
    let acc = 1;
    for (let k = a.ndim - 1; k >= 0; k--) {
      const j = letters.indexOf(inputs[i][k]);
      if (a.shape[k] !== 1) st[j] += acc;
      acc *= a.shape[k];
    }
    return st;
  });
  const result = allocF64(shapeSize(outShape));
  const nOut = out.length, total = shapeSize(dims), outStrides = cStrides(outShape);
  const idx = new Array<number>(letters.length).fill(0);
  const pos = new Array<number>(As.length).fill(0);
  for (let t = 0, o = 0; t < total; t++) {
    let p = 1;
    for (let i = 0; i < As.length; i++) p *= values[i][pos[i]];
    result[o] += p;
    for (let k = letters.length - 1; k >= 0; k--) {
      idx[k]++;
      for (let i = 0; i < As.length; i++) pos[i] += strides[i][k];
      if (k < nOut) o += outStrides[k];
      if (idx[k] < dims[k]) break;
      for (let i = 0; i < As.length; i++) pos[i] -= strides[i][k] * dims[k];
      if (k < nOut) o -= outStrides[k] * dims[k];
      idx[k] = 0;
    }
  }
  if (dtype === 'bool') for (let i = 0; i < result.length; i++) result[i] = result[i] !== 0 ? 1 : 0;
  if (nOut === 0) return result[0];
  return new NDArray(result, outShape, dtype);
}
