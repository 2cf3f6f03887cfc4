/**
 * Long numeric arrays of a figure as plotly.js's typed-array specs, `{dtype, bdata, shape}` (base64
 * of little-endian values; plotly.js decodes them, and plotly.py sends them the same way). A notebook
 * stores JSON indented, one number per line: a decision boundary's 0/1 grid took ~9 bytes per value
 * there, as uint8 it takes 1.33. The values are exact: integers get the smallest integer dtype that
 * holds them, everything else float64.
 */
import { Figure, Trace } from './figure';

export interface TypedArraySpec { dtype: string; bdata: string; shape?: string }

/** Arrays shorter than this stay plain JSON (readable, and not worth it). */
export const MIN_TYPED_LENGTH = 64;

const INT_TYPES: [string, number, number, new (n: number) => ArrayLike<number> & { buffer: ArrayBufferLike; [i: number]: number }][] = [
  ['u1', 0, 255, Uint8Array], ['i1', -128, 127, Int8Array], ['u2', 0, 65535, Uint16Array],
  ['i2', -32768, 32767, Int16Array], ['i4', -(2 ** 31), 2 ** 31 - 1, Int32Array],
];

function isNumbers(v: unknown): v is number[] {
  return Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'number');
}

/** A spec for numbers (flattened in row order); float64 keeps every value, NaN and ±Inf included. */
function encode(values: number[], shape?: number[]): TypedArraySpec {
  const ints = values.every((x) => Number.isInteger(x) && !Object.is(x, -0));
  let dtype = 'f8';
  let bytes: Uint8Array;
  const kind = ints ? INT_TYPES.find(([, lo, hi]) => values.every((x) => x >= lo && x <= hi)) : undefined;
  if (kind) {
    const arr = new kind[3](values.length);
    for (let i = 0; i < values.length; i++) arr[i] = values[i];
    dtype = kind[0];
    bytes = new Uint8Array(arr.buffer);
  } else {
    bytes = new Uint8Array(Float64Array.from(values).buffer); // little-endian on every platform Node runs on
  }
  return { dtype, bdata: Buffer.from(bytes).toString('base64'), ...(shape ? { shape: shape.join(', ') } : {}) };
}

/** A trace attribute value, compacted when it is a long 1-D or rectangular 2-D array of numbers. */
function compactValue(v: unknown): unknown {
  if (isNumbers(v)) return v.length >= MIN_TYPED_LENGTH ? encode(v) : v;
  if (Array.isArray(v) && v.length > 0 && v.every(isNumbers)) {
    const rows = v as number[][];
    const cols = rows[0].length;
    if (rows.every((r) => r.length === cols) && rows.length * cols >= MIN_TYPED_LENGTH) {
      return encode(rows.flat(), [rows.length, cols]);
    }
  }
  return v;
}

/** The figure with its traces' long numeric arrays (x, y, z, ...; one level deep) as typed-array specs. */
export function compactFigure(fig: Figure): Figure {
  const data = fig.data.map((t) => {
    const out: Trace = { type: t.type };
    for (const [k, v] of Object.entries(t)) out[k] = k === 'type' ? v : compactValue(v);
    return out;
  });
  return { ...fig, data };
}

/** The numbers of a spec (the inverse of compaction; for tests and tools). */
export function decodeTyped(spec: TypedArraySpec): number[] {
  const buf = Buffer.from(spec.bdata, 'base64');
  const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length);
  const Ctor = { u1: Uint8Array, i1: Int8Array, u2: Uint16Array, i2: Int16Array, i4: Int32Array, f8: Float64Array }[spec.dtype];
  if (!Ctor) throw new Error(`unknown dtype '${spec.dtype}'`);
  return Array.from(new Ctor(ab));
}
