/**
 * Correctly rounded sin and cos (up to vanishingly rare hard cases), for the generators.
 *
 * numpy takes sin/cos from glibc, whose results are the correctly rounded ones on all but
 * about 0.2 % of inputs; V8's Math.sin/Math.cos (fdlibm) differ from glibc on about 5 %.
 * So rounding the exact value gives scikit-learn's circles and moons where Math.* would not.
 *
 * x = k*(pi/2) + r with |r| <= pi/4, r carried in double-double (pi/2 as three doubles), then
 * Taylor series of sin r and cos r in double-double, then one rounding. For |x| > 2^30 this
 * falls back to Math.sin/Math.cos.
 */
import { DD, add, divNumber, fastTwoSum, mul, neg, round, twoProd, twoSum } from '../np/libm/double_double';

// pi/2 = P0 + P1 + P2 + O(6e-50)
const P0 = 1.5707963267948966;
const P1 = 6.123233995736766e-17;
const P2 = -1.4973849048591698e-33;
const LIMIT = 2 ** 30;
const TERMS = 16; // |r| <= 0.8: the first omitted term is below 2^-110 of the result

/** 1/n! for n = 0 .. 2*TERMS+1, in double-double. */
const INV_FACT: DD[] = [[1, 0]];
for (let n = 1; n <= 2 * TERMS + 1; n++) INV_FACT.push(divNumber(INV_FACT[n - 1], n));

/** sum over n < TERMS of (-1)^n r2^n / (2n + first)!, by Horner's rule. */
function series(r2: DD, first: 0 | 1): DD {
  let s: DD = [0, 0];
  for (let n = TERMS - 1; n >= 0; n--) {
    const c = INV_FACT[2 * n + first];
    s = add(mul(s, r2), n % 2 ? neg(c) : c);
  }
  return s;
}

/** [k mod 4, r] with x = k*pi/2 + r. */
function reduce(x: number): [number, DD] {
  const k = Math.round(x / P0);
  if (k === 0) return [0, [x, 0]];
  const [p0, e0] = twoProd(k, P0); // exact
  const s = x - p0; // exact (Sterbenz: p0 is within a factor 2 of x)
  let r = twoSum(s, -e0);
  r = add(r, neg(twoProd(k, P1)));
  r = add(r, [-k * P2, 0]);
  return [((k % 4) + 4) % 4, fastTwoSum(r[0], r[1])];
}

function sinCosDD(x: number): [DD, DD] {
  const [q, r] = reduce(x);
  const r2 = mul(r, r);
  const s = mul(r, series(r2, 1));
  const c = series(r2, 0);
  switch (q) {
    case 0: return [s, c];
    case 1: return [c, neg(s)];
    case 2: return [neg(s), neg(c)];
    default: return [neg(c), s];
  }
}

export function sin(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) > LIMIT) return Math.sin(x);
  if (x === 0) return x; // keeps -0
  return round(sinCosDD(x)[0]);
}

export function cos(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  if (Math.abs(x) > LIMIT) return Math.cos(x);
  return round(sinCosDD(x)[1]);
}

