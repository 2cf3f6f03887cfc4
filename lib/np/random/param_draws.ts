// Draws whose parameters may be arrays, as mtrand's cont()/disc(): the parameters and the size
// broadcast together, values are checked before anything is drawn, draws fill the result in C order.
import { allocF64Uninit } from '../alloc';
import { asarray } from '../asarray';
import { broadcastShapes, broadcastShapesPublic, broadcastStrides } from '../broadcast';
import { DType } from '../dtype';
import { ValueError, shapeRepr } from '../errors';
import { shapeSize } from '../layout';
import { ArrayLike, NDArray } from '../ndarray';

export interface Param {
  value: unknown;
  /** Whether a value is valid (numpy's CONS_* checks); `message` is numpy's error otherwise. */
  valid?: (v: number) => boolean;
  message?: string;
}

export function drawBroadcast(params: Param[], shape: number[] | null, dtype: DType,
  draw: (vals: number[]) => number): number | NDArray {
  const arrays = params.map((p) => asarray(p.value as ArrayLike, 'float64'));
  params.forEach((p, i) => {
    if (p.valid && arrays[i].values().some((v) => !p.valid!(v))) throw new ValueError(p.message ?? 'invalid parameter');
  });
  const allScalar = arrays.every((a) => a.ndim === 0);
  if (shape === null && allScalar) return draw(arrays.map((a) => a.data[a.offset]));
  const paramShape = broadcastShapes(...arrays.map((a) => a.shape));
  const out = shape ?? paramShape;
  if (shape !== null) {
    const joint = broadcastShapesPublic(out, paramShape);
    if (joint.length !== out.length || joint.some((d, k) => d !== out[k])) {
      throw new ValueError(`shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape ${shapeRepr(out)} and arg 1 with shape ${shapeRepr(paramShape)}.`);
    }
  }
  const n = shapeSize(out), res = allocF64Uninit(n);
  const strides = arrays.map((a) => broadcastStrides(a, out));
  const idx = new Array<number>(out.length).fill(0);
  const vals = new Array<number>(arrays.length);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < arrays.length; j++) {
      let o = arrays[j].offset;
      for (let k = 0; k < out.length; k++) o += idx[k] * strides[j][k];
      vals[j] = arrays[j].data[o];
    }
    res[i] = draw(vals);
    for (let k = out.length - 1; k >= 0; k--) { if (++idx[k] < out[k]) break; idx[k] = 0; }
  }
  return new NDArray(res, out, dtype);
}
