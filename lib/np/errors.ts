/**
 * numpy's exception classes, so a misuse throws an error whose name and message read as numpy's.
 * JavaScript's own TypeError already has numpy's name; IndexError stays a RangeError and AxisError
 * a ValueError, as numpy's AxisError is both a ValueError and an IndexError.
 */
export class ValueError extends Error {
  constructor(message: string) { super(message); this.name = 'ValueError'; }
}

export class IndexError extends RangeError {
  constructor(message: string) { super(message); this.name = 'IndexError'; }
}

export class AxisError extends ValueError {
  constructor(message: string) { super(message); this.name = 'AxisError'; }
}

/** Python's ZeroDivisionError, which numpy lets through (arange with step 0, split into 0 sections). */
export class ZeroDivisionError extends Error {
  constructor(message: string) { super(message); this.name = 'ZeroDivisionError'; }
}

/** Python's OverflowError (a value beyond what the target type holds). */
export class OverflowError extends Error {
  constructor(message: string) { super(message); this.name = 'OverflowError'; }
}

/** numpy's UFuncTypeError: a ufunc has no loop for the operand's dtype. */
export class UFuncTypeError extends TypeError {
  constructor(message: string) { super(message); this.name = 'UFuncTypeError'; }
}

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
export function axisError(axis: number, ndim: number): AxisError {
  return new AxisError(`axis ${axis} is out of bounds for array of dimension ${ndim}`);
}

export function normalizeAxis(axis: number, ndim: number): number {
  if (!Number.isInteger(axis)) throw new TypeError(`'${typeof axis === 'number' ? 'float' : typeof axis}' object cannot be interpreted as an integer`);
  if (axis < -ndim || axis >= ndim) throw axisError(axis, ndim);
  return axis < 0 ? axis + ndim : axis;
}

/** normalizeAxis for an axis argument that may be one axis or a list of them (no check for repeats). */
export function normalizeAxes(axis: number | readonly number[], ndim: number): number[] {
  return typeof axis === 'number' ? [normalizeAxis(axis, ndim)] : axis.map((k) => normalizeAxis(k, ndim));
}

/** Throws numpy's TypeError for an option key the function does not take (a Python keyword argument). */
export function checkOptionKeys(fn: string, options: object | null | undefined, allowed: readonly string[]): void {
  if (options === null || options === undefined) return;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`${fn}() takes its keyword arguments as an options object, got ${Array.isArray(options) ? 'an array' : typeof options}`);
  }
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) throw new TypeError(`${fn}() got an unexpected keyword argument '${key}'`);
  }
}

/** checkOptionKeys, then the options themselves, or {} for null and undefined (no keyword arguments). */
export function readOptions<T extends object>(fn: string, options: T | null | undefined, allowed: readonly string[]): T {
  checkOptionKeys(fn, options, allowed);
  return options ?? ({} as T);
}

/** Python's "'NoneType' object cannot be interpreted as an integer" for an argument that must be an integer. */
export function integerArgument(x: unknown): number {
  if (typeof x === 'number' && Number.isInteger(x)) return x;
  if (typeof x === 'boolean') return +x;
  const kind = x === null || x === undefined ? 'NoneType' : typeof x === 'number' ? 'float' : typeof x === 'string' ? 'str' : Array.isArray(x) ? 'list' : 'object';
  throw new TypeError(`'${kind}' object cannot be interpreted as an integer`);
}
