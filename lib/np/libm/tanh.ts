/**
 * tanh, bit for bit as glibc 2.36 computes it on x86-64 with FMA: fdlibm's tanh (compiled
 * without FMA) over fdlibm's expm1, which glibc builds with FMA (__expm1_fma) on AVX2 machines.
 * glibc's tanh is about 1 ulp off the correctly rounded value on ~10% of inputs in [-5, 5], so
 * only this exact algorithm matches it. The fused multiply-adds GCC emitted in expm1 (read off
 * the disassembly of libm) are emulated exactly.
 *
 * Constants: fdlibm's (Sun Microsystems, 1993: "Permission to use, copy, modify, and distribute
 * this software is freely granted, provided that this notice is preserved").
 */
import * as dd from './double_double';
import { halves } from './double_double';

// Module-local copies: esbuild's CommonJS output turns every use of an import into a getter
// call, which costs more than the arithmetic here.
const { fma, fmaK, HI } = dd;
const F64 = new Float64Array(1), U32 = new Uint32Array(F64.buffer);

const LN2_HI = 0.6931471803691238, LN2_LO = 1.9082149292705877e-10, INVLN2 = 1.4426950408889634;
const O_THRESHOLD = 709.782712893384;
// r (e^r + 1)/(e^r - 1) = 2 + r^2/6 R1(r^2), R1 with the Qi scaled by 2^i, in hxs = r^2/2
const Q1 = -0.03333333333333313, Q2 = 0.0015873015872548146, Q3 = -7.93650757867488e-05;
const Q4 = 4.008217827329362e-06, Q5 = -2.0109921818362437e-07;
const [Q1_H, Q1_L] = halves(Q1);
const [Q3_H, Q3_L] = halves(Q3);
const [Q5_H, Q5_L] = halves(Q5);

/** y with k added to its exponent field, as fdlibm's SET_HIGH_WORD does. */
function addExponent(y: number, k: number): number {
  F64[0] = y;
  U32[HI] = U32[HI] + (k << 20);
  return F64[0];
}

/** e^x - 1 as glibc's __expm1_fma. */
export function expm1(x: number): number {
  F64[0] = x;
  const neg = U32[HI] >>> 31 === 1, hx = U32[HI] & 0x7fffffff;
  if (hx >= 0x4043687a) { // |x| >= 56 ln2
    if (hx >= 0x7ff00000) return x !== x ? x + x : neg ? -1 : x;
    if (x > O_THRESHOLD) return Infinity;
    if (neg) return -1;
  }
  let k = 0, c = 0;
  if (hx > 0x3fd62e42) { // |x| > ln2/2: x = k ln2 + (hi - lo)
    let hi: number, lo: number;
    if (hx < 0x3ff0a2b2) {
      k = neg ? -1 : 1;
      hi = neg ? x + LN2_HI : x - LN2_HI;
      lo = neg ? -LN2_LO : LN2_LO;
    } else {
      k = Math.trunc(INVLN2 * x + (neg ? -0.5 : 0.5));
      hi = x - k * LN2_HI; // exact product
      lo = k * LN2_LO;
    }
    x = hi - lo;
    c = (hi - x) - lo;
  } else if (hx < 0x3c900000) {
    return x;
  }
  const hfx = 0.5 * x, hxs = x * hfx, h2 = hxs * hxs;
  const r1 = fma(h2 * h2, fmaK(hxs, Q5, Q5_H, Q5_L, Q4),
    fma(h2, fmaK(hxs, Q3, Q3_H, Q3_L, Q2), fmaK(hxs, Q1, Q1_H, Q1_L, 1)));
  const t = fma(r1, -hfx, 3);
  let e = hxs * ((r1 - t) / fma(x, -t, 6));
  if (k === 0) return x - fma(x, e, -hxs);
  e = fma(x, e - c, -c) - hxs;
  if (k === -1) return 0.5 * (x - e) - 0.5;
  if (k === 1) return x < -0.25 ? -2 * (e - (x + 0.5)) : 1 + 2 * (x - e);
  if (k <= -2 || k > 56) return addExponent(1 - (e - x), k) - 1;
  if (k < 20) return addExponent((1 - addExponent(1, -k)) - (e - x), k);
  return addExponent((x - (e + addExponent(1, -k))) + 1, k);
}

export function tanh(x: number): number {
  F64[0] = x;
  const neg = U32[HI] >>> 31 === 1, ix = U32[HI] & 0x7fffffff;
  if (ix >= 0x7ff00000) return neg ? 1 / x - 1 : 1 / x + 1;
  let z: number;
  if (ix >= 0x40360000) { // |x| >= 22
    z = 1;
  } else if (x === 0 || ix < 0x3c800000) {
    return x * (1 + x);
  } else if (ix >= 0x3ff00000) {
    z = 1 - 2 / (expm1(2 * Math.abs(x)) + 2);
  } else {
    const t = expm1(-2 * Math.abs(x));
    z = -t / (t + 2);
  }
  return neg ? -z : z;
}
