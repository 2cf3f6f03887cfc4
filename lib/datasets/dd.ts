/**
 * Double-double arithmetic: a value carried as an unevaluated sum hi + lo of two doubles
 * (about 106 significant bits). Error-free transformations after Knuth (twoSum) and
 * Dekker (twoProd, no FMA needed).
 */

export type DD = readonly [number, number];

const SPLITTER = 134217729; // 2^27 + 1

/** a + b exactly, as [sum, error], for any magnitudes. */
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

/** a * b exactly, as [product, error] (no overflow handling; arguments here are moderate). */
export function twoProd(a: number, b: number): DD {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b), bl = b - bh;
  return [p, ((ah * bh - p) + ah * bl + al * bh) + al * bl];
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
