/** Shapes printed the way numpy prints them in messages: (2,3), (4,), (). */
export function formatShape(shape: readonly number[]): string {
  if (shape.length === 1) return `(${shape[0]},)`;
  return `(${shape.join(',')})`;
}

/** Python's tuple repr of a shape: (2, 3), (4,), (). */
export function shapeRepr(shape: readonly number[]): string {
  if (shape.length === 1) return `(${shape[0]},)`;
  return `(${shape.join(', ')})`;
}

/** numpy's AxisError wording. */
export function axisError(axis: number, ndim: number): RangeError {
  return new RangeError(`axis ${axis} is out of bounds for array of dimension ${ndim}`);
}

export function normalizeAxis(axis: number, ndim: number): number {
  if (!Number.isInteger(axis)) throw new TypeError(`axis ${axis} is not an integer`);
  if (axis < -ndim || axis >= ndim) throw axisError(axis, ndim);
  return axis < 0 ? axis + ndim : axis;
}
