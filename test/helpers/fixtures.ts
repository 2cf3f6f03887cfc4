import * as fs from 'fs';
import * as path from 'path';
import { NDArray } from '../../lib/np/ndarray';
import { DType } from '../../lib/np/dtype';

export type Num = number | string;
export interface EncArray { shape: number[]; dtype: DType; data: (Num | boolean)[] }
export type EncResult = { array: EncArray } | { number: Num } | { bool: boolean };

export function loadFixture<T>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', name), 'utf8')) as T;
}

/** Decodes the generator's number encoding ("nan", "inf", "-inf", "-0.0" as strings). */
export function decNum(x: Num | boolean): number {
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (typeof x === 'number') return x;
  switch (x) {
    case 'nan': return NaN;
    case 'inf': return Infinity;
    case '-inf': return -Infinity;
    case '-0.0': return -0;
  }
  throw new Error(`bad fixture number ${x}`);
}

/** An NDArray holding the fixture's values; with `strides` (numpy's, in elements) the same layout. */
export function decArray(e: EncArray, strides?: number[]): NDArray {
  const a = new NDArray(Float64Array.from(e.data, decNum), e.shape, e.dtype);
  if (!strides || a.isCContiguous && strides.every((s, k) => s === a.strides[k] || e.shape[k] === 1)) return a;
  const perm = strides.map((_, k) => k).sort((i, j) => strides[j] - strides[i] || i - j);
  const inv = perm.map((_, k) => perm.indexOf(k));
  const laid = a.transpose(perm).copy().transpose(inv);
  expect(laid.strides).toEqual(strides);
  return laid;
}

/** Bitwise comparison (NaN equals NaN, 0 differs from -0); returns a message for the first mismatch. */
export function sameValues(actual: ArrayLike<number>, expected: ArrayLike<number>, ulps = 0): string | null {
  if (actual.length !== expected.length) return `length ${actual.length} != ${expected.length}`;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i], b = expected[i];
    if (Object.is(a, b)) continue;
    if (ulps > 0 && Number.isFinite(a) && Number.isFinite(b) && ulpDistance(a, b) <= ulps) continue;
    return `element ${i}: got ${a}, numpy ${b}`;
  }
  return null;
}

const buf = new DataView(new ArrayBuffer(8));
function ordered(x: number): bigint {
  buf.setFloat64(0, x);
  const b = buf.getBigInt64(0);
  return b < 0n ? -(b & 0x7fffffffffffffffn) : b;
}
export function ulpDistance(a: number, b: number): number {
  const d = ordered(a) - ordered(b);
  return Number(d < 0n ? -d : d);
}

export function expectArray(actual: NDArray, expected: EncArray, ulps = 0): void {
  expect({ shape: actual.shape, dtype: actual.dtype }).toEqual({ shape: expected.shape, dtype: expected.dtype });
  expect(sameValues(actual.values(), expected.data.map(decNum), ulps)).toBeNull();
}

export function expectResult(actual: unknown, expected: EncResult, ulps = 0): void {
  if ('array' in expected) {
    expect(actual).toBeInstanceOf(NDArray);
    expectArray(actual as NDArray, expected.array, ulps);
  } else if ('bool' in expected) {
    expect(actual).toBe(expected.bool);
  } else {
    expect(typeof actual).toBe('number');
    expect(sameValues([actual as number], [decNum(expected.number)], ulps)).toBeNull();
  }
}
