/**
 * A correctly rounded natural log: the reference test/random.test.ts measures glibc's log (and so
 * numpy's gaussians) against. The parts are carried as unevaluated sums of
 * doubles with a relative error below 2^-95, so the single final rounding is the correct
 * one except with negligible probability.
 *
 * log(x) = k*ln2 + log(c) + log(m/c), x = 2^k * m, m in [sqrt(1/2), sqrt(2)), c = m rounded
 * to a multiple of 1/256, log(c) from a double-double table, and
 * log(m/c) = 2*atanh(s) = 2s + (2/3)s^3 + (2/5)s^5 + ..., s = (m-c)/(m+c), |s| < 0.0014.
 */
import { SPLITTER, splitHigh, twoProdErr } from '../../lib/np/libm/double_double';

const LN2_HI = 0.6931471805599453;
const LN2_LO = 2.3190468138462996e-17;
const TWO54 = 18014398509481984;
const TABLE_STEP = 256;

// Results of the double-double helpers (a typed array, so writing them never allocates).
const R = new Float64Array(2);

/** Exact product a*b = R[0] + R[1] (Dekker, no FMA needed). */
function twoProd(a: number, b: number): void {
  const p = a * b;
  R[0] = p;
  R[1] = twoProdErr(a, b, p);
}

function twoSum(a: number, b: number): void {
  const s = a + b;
  const bb = s - a;
  R[0] = s;
  R[1] = (a - (s - bb)) + (b - bb);
}

/** (ah + al) * (bh + bl) as a normalized double-double. */
function ddMul(ah: number, al: number, bh: number, bl: number): void {
  twoProd(ah, bh);
  const p = R[0];
  const e = R[1] + (ah * bl + al * bh);
  R[0] = p + e;
  R[1] = e - (R[0] - p);
}

/** (ah + al) + (bh + bl), both parts summed exactly before renormalizing. */
function ddAdd(ah: number, al: number, bh: number, bl: number): void {
  twoSum(ah, bh);
  const sh = R[0], sl = R[1];
  twoSum(al, bl);
  const th = R[0], tl = R[1];
  let e = sl + th;
  const h = sh + e;
  e = e - (h - sh) + tl;
  R[0] = h + e;
  R[1] = e - (R[0] - h);
}

/** 1/d as a double-double. */
function ddRecip(d: number): void {
  const hi = 1 / d;
  twoProd(hi, d);
  R[1] = ((1 - R[0]) - R[1]) / d;
  R[0] = hi;
}

/** (n / d) for exact doubles n, d, as a double-double. */
function ddQuot(n: number, dh: number, dl: number): void {
  const q1 = n / dh;
  twoProd(q1, dh);
  const q2 = (((n - R[0]) - R[1]) - q1 * dl) / dh; // n - R[0] is exact (Sterbenz)
  R[0] = q1 + q2;
  R[1] = q2 - (R[0] - q1);
}

/** log(c) for c in [0.7, 1.42] by the full atanh series in double-double; builds the table. */
function seriesLog(c: number): void {
  twoSum(c, 1);
  ddQuot(c - 1, R[0], R[1]);
  const sh = R[0], sl = R[1];
  ddMul(sh, sl, sh, sl);
  const zh = R[0], zl = R[1];
  let ph = 0, pl = 0;
  for (let j = 24; j >= 0; j--) { // sum_j z^j / (2j+1); z <= 0.031 so z^25 < 2^-125
    ddMul(ph, pl, zh, zl);
    const mh = R[0], ml = R[1];
    ddRecip(2 * j + 1);
    ddAdd(mh, ml, R[0], R[1]);
    ph = R[0]; pl = R[1];
  }
  ddMul(ph, pl, sh, sl);
  R[0] *= 2; R[1] *= 2;
}

const LOGC_HI = new Float64Array(2 * TABLE_STEP);
const LOGC_LO = new Float64Array(2 * TABLE_STEP);
for (let i = Math.floor(TABLE_STEP * Math.SQRT1_2); i <= Math.ceil(TABLE_STEP * Math.SQRT2); i++) {
  seriesLog(i / TABLE_STEP);
  LOGC_HI[i] = R[0];
  LOGC_LO[i] = R[1];
}
ddRecip(1.5);
const TT_HI = R[0], TT_LO = R[1]; // 2/3
const TT_H = splitHigh(TT_HI), TT_L = TT_HI - TT_H;
// ln2's leading double in two halves of <= 27 bits, so k * half is exact for |k| < 2^11.
const LN2_HH = splitHigh(LN2_HI), LN2_HL = LN2_HI - LN2_HH;


const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // high word index

/** Natural log, correctly rounded for positive finite x; IEEE special cases otherwise. */
export function accurateLog(x: number): number {
  if (!(x > 0) || x === Infinity) return Math.log(x);
  let k = 0;
  if (x < 2.2250738585072014e-308) { x *= TWO54; k = -54; }
  bits[0] = x;
  const hw = words[HI];
  k += ((hw >>> 20) & 0x7ff) - 1023;
  words[HI] = (hw & 0x000fffff) | 0x3ff00000;
  let m = bits[0]; // in [1, 2)
  if (m > Math.SQRT2) { m *= 0.5; k += 1; }

  const i = Math.round(m * TABLE_STEP);
  const c = i / TABLE_STEP;
  const num = m - c; // exact: c/2 <= m <= 2c

  // The hot path is written out by hand: Dekker products (xH, xL are 26/27-bit halves).
  // s = num / (m + c) = sh + sl, with m + c = dh + dl exactly.
  const dh = m + c, bb = dh - m, dl = (m - (dh - bb)) + (c - bb);
  const sh = num / dh;
  let t = SPLITTER * sh;
  const shH = t - (t - sh), shL = sh - shH;
  t = SPLITTER * dh;
  const dhH = t - (t - dh), dhL = dh - dhH;
  const p = sh * dh;
  const pe = ((shH * dhH - p) + shH * dhL + shL * dhH) + shL * dhL;
  const sl = (((num - p) - pe) - sh * dl) / dh; // num - p is exact (Sterbenz)

  // s^3 = p3 + q3, from sh^2 = z + ze and sh * z = p3 + p3e exactly.
  const z = sh * sh;
  const ze = ((shH * shH - z) + 2 * shH * shL) + shL * shL;
  t = SPLITTER * z;
  const zH = t - (t - z), zL = z - zH;
  const p3 = sh * z;
  const p3e = ((shH * zH - p3) + shH * zL + shL * zH) + shL * zL;
  const q3 = p3e + sh * ze + 3 * z * sl;

  // T = (2/3)s^3 + (2/5)s^5 + ... = u + v, with p3 * (2/3)_hi = u + ue exactly.
  t = SPLITTER * p3;
  const p3H = t - (t - p3), p3L = p3 - p3H;
  const u = p3 * TT_HI;
  const ue = ((p3H * TT_H - u) + p3H * TT_L + p3L * TT_H) + p3L * TT_L;
  const w = z * (2 / 5 + z * (2 / 7 + z * (2 / 9 + z * (2 / 11))));
  const v = ue + p3 * TT_LO + q3 * TT_HI + p3 * w;

  // log(m/c) = 2s + T = h + (e + 2sl + v), |u| far below |2sh|.
  const h = 2 * sh + u;
  const low = (u - (h - 2 * sh)) + 2 * sl + v;

  // Add log(c) and k*ln2 with exact two-sums; the small parts gather in lo.
  const bh = LOGC_HI[i];
  let s1 = bh + h;
  let bv = s1 - bh;
  let lo = ((bh - (s1 - bv)) + (h - bv)) + LOGC_LO[i] + low;
  if (k !== 0) {
    const a1 = k * LN2_HH, a2 = k * LN2_HL;
    const s2 = a1 + s1;
    bv = s2 - a1;
    lo += (a1 - (s2 - bv)) + (s1 - bv);
    s1 = s2 + a2;
    bv = s1 - s2;
    lo += ((s2 - (s1 - bv)) + (a2 - bv)) + k * LN2_LO;
  }
  return s1 + lo;
}
