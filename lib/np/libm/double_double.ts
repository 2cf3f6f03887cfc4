/**
 * Double-double arithmetic, the one implementation in lib/: error-free transformations (used to
 * emulate glibc's fused multiply-adds in JS, which has no FMA) and sums and products of
 * double-doubles (the dataset generators' trigonometry).
 *
 * a*b = p + e exactly by Dekker/Veltkamp splitting (each half has <= 26 bits, so the partial
 * products are exact), a+b = s + e exactly by Knuth's TwoSum. fma(a, b, c) is then the sum
 * p + c + e rounded once: s + (se + e), where s + se = p + c. That equals the true fma unless
 * se + e is inexact and its rounding moves the result across a rounding boundary, which needs
 * p + c + e within 2^-105 |s| of a tie (never seen; about 2^-50 per call for generic inputs).
 * Splitting is exact for |a|, |b| < 2^995 and the error term for |a*b| > 2^-916 or so; the
 * callers stay far inside both.
 */

export const SPLITTER = 134217729; // 2^27 + 1

/** The high 26 bits of a (a - splitHigh(a) is exact and has the other 27). */
export function splitHigh(a: number): number {
  const t = SPLITTER * a;
  return t - (t - a);
}

/** [hi, lo] with hi = splitHigh(a), a = hi + lo: a constant split once for fmaK. */
export function halves(a: number): [number, number] {
  const h = splitHigh(a);
  return [h, a - h];
}

/** The rounding error of a*b: a*b - fl(a*b), exactly. */
export function twoProdErr(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b), bl = b - bh;
  return ((ah * bh - p) + ah * bl + al * bh) + al * bl;
}

/** fma(a, b, c) = RN(a*b + c) (see the file comment for the one caveat). */
export function fma(a: number, b: number, c: number): number {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b), bl = b - bh;
  const pe = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
  const s = p + c, v = s - p;
  return s + (((p - (s - v)) + (c - v)) + pe);
}

/** fma(a, b, c) with b given also as its split halves bh + bl (b a constant, split once). */
export function fmaK(a: number, b: number, bh: number, bl: number, c: number): number {
  const p = a * b;
  const t = SPLITTER * a;
  const ah = t - (t - a), al = a - ah;
  const pe = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
  const s = p + c, v = s - p;
  return s + (((p - (s - v)) + (c - v)) + pe);
}

/** Index of a double's high (sign, exponent) word in a Uint32Array view: 1 on little-endian. */
export const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
export const LO = 1 - HI;

/** Doubles written as 16 hex digits each (big-endian bit patterns), e.g. from struct.pack('>d'). */
export function hexDoubles(hex: string): Float64Array {
  const out = new Float64Array(hex.length / 16);
  const f = new Float64Array(1), u = new Uint32Array(f.buffer);
  for (let i = 0; i < out.length; i++) {
    u[HI] = parseInt(hex.slice(16 * i, 16 * i + 8), 16);
    u[LO] = parseInt(hex.slice(16 * i + 8, 16 * i + 16), 16);
    out[i] = f[0];
  }
  return out;
}

/** Splits every entry of a table: returns [high halves, low halves]. */
export function splitTable(t: Float64Array): [Float64Array, Float64Array] {
  const h = t.map(splitHigh);
  return [h, t.map((v, i) => v - h[i])];
}

/** A double-double: an unevaluated sum hi + lo of two doubles (about 106 significant bits). */
export type DD = readonly [number, number];

/** a + b exactly, as [sum, error], for any magnitudes (Knuth's TwoSum). */
export function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, (a - (s - bb)) + (b - bb)];
}

/** a + b exactly when |a| >= |b| (or a is 0). */
export function fastTwoSum(a: number, b: number): DD {
  const s = a + b;
  return [s, b - (s - a)];
}

/** a * b exactly, as [product, error]. */
export function twoProd(a: number, b: number): DD {
  const p = a * b;
  return [p, twoProdErr(a, b, p)];
}

export function add(a: DD, b: DD): DD {
  const [s, e] = twoSum(a[0], b[0]);
  const [t, f] = twoSum(a[1], b[1]);
  const [u, g] = fastTwoSum(s, e + t);
  return fastTwoSum(u, g + f);
}

export const neg = (a: DD): DD => [-a[0], -a[1]];
export const sub = (a: DD, b: DD): DD => add(a, neg(b));

export function mul(a: DD, b: DD): DD {
  const [p, e] = twoProd(a[0], b[0]);
  return fastTwoSum(p, e + (a[0] * b[1] + a[1] * b[0]));
}

/** a / b for a double b, with one Newton correction. */
export function divNumber(a: DD, b: number): DD {
  const q1 = a[0] / b;
  const r = sub(a, twoProd(q1, b));
  const q2 = r[0] / b;
  const r2 = sub(r, twoProd(q2, b));
  const q3 = r2[0] / b;
  return add(fastTwoSum(q1, q2), [q3, 0]);
}

/** The double nearest to hi + lo. */
export const round = (a: DD): number => a[0] + a[1];
