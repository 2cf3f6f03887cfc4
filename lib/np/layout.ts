// Shape arithmetic for C-ordered (row-major) layouts, shared by every module that builds arrays.

/** Number of elements of a shape (1 for a 0-d shape). */
export function shapeSize(shape: readonly number[]): number {
  let n = 1;
  for (let k = 0; k < shape.length; k++) n *= shape[k];
  return n;
}

/** C-order strides, in elements. */
export function cStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let k = shape.length - 1; k >= 0; k--) { strides[k] = s; s *= Math.max(shape[k], 1); }
  return strides;
}

/** Whether strides lay out `shape` in C order (size-1 axes and empty arrays count as contiguous). */
export function isCOrder(shape: readonly number[], strides: readonly number[]): boolean {
  let expected = 1;
  for (let k = shape.length - 1; k >= 0; k--) {
    const n = shape[k];
    if (n === 0) return true;
    if (n !== 1 && strides[k] !== expected) return false;
    expected *= n;
  }
  return true;
}

/** Whether two shapes are the same, axis by axis. */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}
