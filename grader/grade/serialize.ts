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

const MAX_ELEMENTS = 20_000_000;

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
      return { t: 'unsupported', what: `an instance of ${proto?.constructor?.name ?? 'an unknown class'}` };
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

export function fromWire(w: Wire): unknown {
  switch (w.t) {
    case 'num': return decNum(w.v);
    case 'str': case 'bool': return w.v;
    case 'null': return null;
    case 'undef': return undefined;
    case 'arr': return w.v.map(fromWire);
    case 'obj': return Object.fromEntries(Object.entries(w.v).map(([k, v]) => [k, fromWire(v)]));
    case 'nd': return new NDArray(Float64Array.from(w.data, decNum), w.shape, w.dtype);
    case 'unsupported': return new Unsupported(w.what);
  }
}

/** Stands for a value that could not cross the boundary. */
export class Unsupported {
  constructor(readonly what: string) {}
}
