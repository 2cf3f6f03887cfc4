import { allocF64, allocF64Uninit } from './alloc';
import { DType, normalizeDType } from './dtype';
import { ArrayLike, NDArray, NestedArray } from './ndarray';
import { ValueError, formatShape, shapeRepr } from './errors';
import { shapeSize } from './layout';

/** numpy's np.array for nested JS arrays: infers shape and dtype (bool < int64 < float64). */
export function array(obj: ArrayLike, dtype?: DType | string): NDArray {
  if (obj instanceof NDArray) return dtype === undefined ? obj.copy() : obj.astype(dtype);
  const shape = inferShape(obj);
  const n = shapeSize(shape);
  const data = allocF64(n);
  let kind: DType = n === 0 ? 'float64' : 'bool';
  let pos = 0;
  const visit = (x: unknown, depth: number): void => {
    if (depth === shape.length) {
      if (typeof x === 'boolean') { data[pos++] = x ? 1 : 0; return; }
      if (typeof x === 'number') {
        if (kind !== 'float64') kind = Number.isInteger(x) ? 'int64' : 'float64';
        data[pos++] = x;
        return;
      }
      if (x instanceof NDArray && x.ndim === 0) { kind = widen(kind, x.dtype); data[pos++] = x.data[x.offset]; return; }
      throw new TypeError(`np.array: unsupported element ${describe(x)} (expected a number or boolean)`);
    }
    const items = x instanceof NDArray ? x.tolist() as unknown[] : x as unknown[];
    for (const item of items) visit(item, depth + 1);
  };
  visit(obj, 0);
  const out = new NDArray(data, shape, kind);
  return dtype === undefined ? out : out.astype(dtype);
}

function widen(a: DType, b: DType): DType {
  const order: DType[] = ['bool', 'int64', 'float64'];
  return order[Math.max(order.indexOf(a), order.indexOf(b))];
}

function inferShape(obj: unknown): number[] {
  const shape: number[] = [];
  let cur: unknown = obj;
  while (Array.isArray(cur) || cur instanceof NDArray) {
    if (cur instanceof NDArray) { shape.push(...cur.shape); break; }
    shape.push(cur.length);
    if (cur.length === 0) break;
    cur = cur[0];
  }
  checkRagged(obj, shape, 0, []);
  return shape;
}

function checkRagged(x: unknown, shape: number[], depth: number, path: number[]): void {
  if (depth === shape.length) {
    if (Array.isArray(x)) raggedError(path, shape);
    return;
  }
  if (x instanceof NDArray) {
    if (formatShape(x.shape) !== formatShape(shape.slice(depth))) raggedError(path, shape);
    return;
  }
  if (!Array.isArray(x) || x.length !== shape[depth]) raggedError(path, shape);
  (x as unknown[]).forEach((item, i) => checkRagged(item, shape, depth + 1, [...path, i]));
}

function raggedError(path: number[], shape: readonly number[]): never {
  const depth = path.length;
  const known = shape.slice(0, depth);
  throw new ValueError(`setting an array element with a sequence. The requested array has an inhomogeneous shape after ${depth} dimensions. The detected shape was ${shapeRepr(known)} + inhomogeneous part.`);
}

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (x === undefined) return 'undefined';
  if (typeof x === 'string') return `string ${JSON.stringify(x)}`;
  return typeof x;
}

/** Converts any ArrayLike to an NDArray without copying an NDArray. */
export function asarray(x: ArrayLike, dtype?: DType | string): NDArray {
  if (x instanceof NDArray) {
    return dtype === undefined || normalizeDType(dtype) === x.dtype ? x : x.astype(dtype);
  }
  if (typeof x === 'number' || typeof x === 'boolean') {
    const v = allocF64Uninit(1);
    v[0] = +x;
    const out = new NDArray(v, [], typeof x === 'boolean' ? 'bool' : Number.isInteger(x) ? 'int64' : 'float64');
    return dtype === undefined ? out : out.astype(dtype);
  }
  if (Array.isArray(x)) return array(x as NestedArray, dtype);
  throw new TypeError(`expected an array, a number or a boolean, got ${describe(x)}`);
}
