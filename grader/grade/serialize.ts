/**
 * Values crossing the sandbox boundary as plain JSON: numbers (with NaN/±Infinity/-0 kept),
 * strings, booleans, null/undefined, arrays, plain objects and NDArrays. Anything else (functions,
 * class instances, cycles) becomes an `unsupported` marker that the comparison reports as a wrong type.
 */
import { NDArray } from '../../lib/np/ndarray';
import type { DType } from '../../lib/np/dtype';

export type Wire =
  | { t: 'num'; v: number | string }
  | { t: 'str'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'null' }
  | { t: 'undef' }
  | { t: 'arr'; v: Wire[] }
  | { t: 'obj'; v: Record<string, Wire> }
  | { t: 'nd'; shape: number[]; dtype: DType; data: (number | string)[] }
  | { t: 'unsupported'; what: string };

/** The largest array that crosses the boundary (its JSON stays well under the frame limit). */
export const MAX_ELEMENTS = 2_000_000;
const MAX_DEPTH = 20;
const DTYPES = new Set(['float64', 'int64', 'bool']);

function encNum(x: number): number | string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (Object.is(x, -0)) return '-0';
  return x;
}

function decNum(x: number | string): number {
  if (typeof x === 'number') return x;
  return x === 'nan' ? NaN : x === 'inf' ? Infinity : x === '-inf' ? -Infinity : x === '-0' ? -0 : NaN;
}

export function toWire(x: unknown, depth = 0, seen = new Set<unknown>()): Wire {
  if (depth > 20) return { t: 'unsupported', what: 'a structure nested more than 20 levels deep' };
  if (x === null) return { t: 'null' };
  if (x === undefined) return { t: 'undef' };
  if (typeof x === 'number') return { t: 'num', v: encNum(x) };
  if (typeof x === 'string') return { t: 'str', v: x.length > 10_000 ? x.slice(0, 10_000) : x };
  if (typeof x === 'boolean') return { t: 'bool', v: x };
  if (typeof x === 'bigint') return { t: 'num', v: encNum(Number(x)) };
  if (typeof x !== 'object') return { t: 'unsupported', what: `a ${typeof x}` };
  if (seen.has(x)) return { t: 'unsupported', what: 'a structure that contains itself' };
  seen.add(x);
  try {
    if (x instanceof NDArray) {
      if (x.size > MAX_ELEMENTS) return { t: 'unsupported', what: `an array with ${x.size} elements` };
      return { t: 'nd', shape: x.shape.slice(), dtype: x.dtype, data: Array.from(x.values(), encNum) };
    }
    if (Array.isArray(x)) return { t: 'arr', v: x.slice(0, 100_000).map((e) => toWire(e, depth + 1, seen)) };
    const proto = Object.getPrototypeOf(x);
    if (proto !== Object.prototype && proto !== null) {
      // Not the class's name: the submission chooses it, and it would reach the feedback.
      return { t: 'unsupported', what: 'an instance of a class (not a number, list, plain object or NDArray)' };
    }
    const out: Record<string, Wire> = {};
    for (const k of Object.keys(x).slice(0, 10_000)) {
      const desc = Object.getOwnPropertyDescriptor(x, k);
      out[k] = desc && 'value' in desc ? toWire(desc.value, depth + 1, seen) : { t: 'unsupported', what: 'a getter' };
    }
    return { t: 'obj', v: out };
  } finally {
    seen.delete(x);
  }
}

/**
 * Decodes a value from the sandbox. The wire came from an untrusted process: every node is checked
 * (kind, sizes, shape against data length) before anything is allocated for it; a malformed node
 * becomes an `Unsupported` marker that the comparison reports as a wrong type.
 */
export function fromWire(w: Wire, depth = 0): unknown {
  if (!w || typeof w !== 'object' || depth > MAX_DEPTH) return new Unsupported('a malformed value');
  switch (w.t) {
    case 'num': return typeof w.v === 'number' || typeof w.v === 'string' ? decNum(w.v) : new Unsupported('a malformed number');
    case 'str': return typeof w.v === 'string' ? w.v.slice(0, 10_000) : new Unsupported('a malformed string');
    case 'bool': return w.v === true;
    case 'null': return null;
    case 'undef': return undefined;
    case 'arr':
      if (!Array.isArray(w.v) || w.v.length > 100_000) return new Unsupported('a malformed list');
      return w.v.map((e) => fromWire(e, depth + 1));
    case 'obj': {
      if (!w.v || typeof w.v !== 'object' || Array.isArray(w.v)) return new Unsupported('a malformed object');
      const keys = Object.keys(w.v);
      if (keys.length > 10_000) return new Unsupported('an object with too many keys');
      const out: Record<string, unknown> = {};
      // defineProperty: a key named __proto__ stays a key.
      for (const k of keys) Object.defineProperty(out, k, { value: fromWire(w.v[k], depth + 1), enumerable: true, writable: true, configurable: true });
      return out;
    }
    case 'nd': {
      const { shape, data, dtype } = w;
      if (!Array.isArray(shape) || shape.length > 32 || !shape.every((d) => Number.isInteger(d) && d >= 0 && d <= MAX_ELEMENTS)) return new Unsupported('an array with a malformed shape');
      const size = shape.reduce((p, d) => p * d, 1);
      if (size > MAX_ELEMENTS || !Array.isArray(data) || data.length !== size) return new Unsupported('an array whose data does not match its shape');
      if (!DTYPES.has(dtype)) return new Unsupported('an array with an unknown dtype');
      const values = new Float64Array(size);
      for (let i = 0; i < size; i++) {
        const x = data[i];
        values[i] = typeof x === 'number' ? x : typeof x === 'string' ? decNum(x) : NaN;
      }
      return new NDArray(values, shape.slice(), dtype);
    }
    case 'unsupported': return new Unsupported(typeof w.what === 'string' ? w.what.slice(0, 200) : 'an unsupported value');
    default: return new Unsupported('a malformed value');
  }
}

/** Stands for a value that could not cross the boundary. */
export class Unsupported {
  constructor(readonly what: string) {}
}
