/**
 * The legacy RandomState's exponential, gamma, beta, poisson and binomial draws: numpy's
 * legacy-distributions.c and distributions.c algorithms, step for step, with glibc's log and pow
 * (lib/np/libm), so the streams match numpy's.
 */
import { exp as glibcExp, log, pow } from '../libm';

/** Where the draws come from: 53-bit uniform doubles and the legacy cached gaussians. */
export interface Source { double(): number; gauss(): number }

export function standardExponential(s: Source): number {
  return -log(1.0 - s.double());
}

export function standardGamma(s: Source, shape: number): number {
  if (shape === 1.0) return standardExponential(s);
  if (shape === 0.0) return 0.0;
  if (shape < 1.0) {
    for (;;) {
      const U = s.double();
      const V = standardExponential(s);
      if (U <= 1.0 - shape) {
        const X = pow(U, 1 / shape);
        if (X <= V) return X;
      } else {
        const Y = -log((1 - U) / shape);
        const X = pow(1.0 - shape + shape * Y, 1 / shape);
        if (X <= V + Y) return X;
      }
    }
  }
  const b = shape - 1 / 3, c = 1 / Math.sqrt(9 * b);
  for (;;) {
    let X: number, V: number;
    do { X = s.gauss(); V = 1.0 + c * X; } while (V <= 0.0);
    V = V * V * V;
    const U = s.double();
    if (U < 1.0 - 0.0331 * (X * X) * (X * X)) return b * V;
    if (log(U) < 0.5 * X * X + b * (1 - V + log(V))) return b * V;
  }
}

export function beta(s: Source, a: number, b: number): number {
  if (a <= 1.0 && b <= 1.0) {
    for (;;) {
      const U = s.double(), V = s.double();
      const X = pow(U, 1.0 / a), Y = pow(V, 1.0 / b);
      if (X + Y <= 1.0) {
        if (X + Y > 0) return X / (X + Y);
        let logX = log(U) / a, logY = log(V) / b;
        const logM = logX > logY ? logX : logY;
        logX -= logM; logY -= logM;
        return glibcExp(logX - log(glibcExp(logX) + glibcExp(logY)));
      }
    }
  }
  const Ga = standardGamma(s, a), Gb = standardGamma(s, b);
  return Ga / (Ga + Gb);
}

/** The coefficients of loggam's series. */
const LOGGAM_A = [8.333333333333333e-02, -2.777777777777778e-03, 7.936507936507937e-04, -5.952380952380952e-04,
  8.417508417508418e-04, -1.917526917526918e-03, 6.410256410256410e-03, -2.955065359477124e-02,
  1.796443723688307e-01, -1.39243221690590e+00];

/** log Γ(x) by Zhang and Jin's series, as numpy's random_loggam. */
function loggam(x: number): number {
  const A = LOGGAM_A;
  if (x === 1.0 || x === 2.0) return 0.0;
  const n = x < 7.0 ? Math.trunc(7 - x) : 0;
  let x0 = x + n;
  const x2 = (1.0 / x0) * (1.0 / x0);
  let gl0 = A[9];
  for (let k = 8; k >= 0; k--) { gl0 *= x2; gl0 += A[k]; }
  let gl = gl0 / x0 + 0.5 * 1.8378770664093453 + (x0 - 0.5) * log(x0) - x0;
  if (x < 7.0) for (let k = 1; k <= n; k++) { gl -= log(x0 - 1.0); x0 -= 1.0; }
  return gl;
}

export function poisson(s: Source, lam: number): number {
  if (lam >= 10) {
    const slam = Math.sqrt(lam), loglam = log(lam);
    const b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
    const invalpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
      const U = s.double() - 0.5, V = s.double();
      const us = 0.5 - Math.abs(U);
      const k = Math.floor((2 * a / us + b) * U + lam + 0.43);
      if (us >= 0.07 && V <= vr) return k;
      if (k < 0 || (us < 0.013 && V > us)) continue;
      if (log(V) + log(invalpha) - log(a / (us * us) + b) <= -lam + k * loglam - loggam(k + 1)) return k;
    }
  }
  if (lam === 0) return 0;
  const enlam = glibcExp(-lam);
  let X = 0, prod = 1.0;
  for (;;) {
    prod *= s.double();
    if (prod > enlam) X += 1; else return X;
  }
}

function binomialInversion(s: Source, n: number, p: number): number {
  const q = 1.0 - p;
  const qn = glibcExp(n * log(q));
  const np = n * p;
  const bound = Math.min(n, Math.trunc(np + 10.0 * Math.sqrt(np * q + 1)));
  let X = 0, px = qn, U = s.double();
  while (U > px) {
    X++;
    if (X > bound) { X = 0; px = qn; U = s.double(); } else { U -= px; px = ((n - X + 1) * p * px) / (X * q); }
  }
  return X;
}

function binomialBtpe(s: Source, n: number, p: number): number {
  const r = Math.min(p, 1.0 - p), q = 1.0 - r;
  const fm = n * r + r, m = Math.floor(fm);
  const p1 = Math.floor(2.195 * Math.sqrt(n * r * q) - 4.6 * q) + 0.5;
  const xm = m + 0.5, xl = xm - p1, xr = xm + p1;
  const c = 0.134 + 20.5 / (15.3 + m);
  let a = (fm - xl) / (fm - xl * r);
  const laml = a * (1.0 + a / 2.0);
  a = (xr - fm) / (xr * q);
  const lamr = a * (1.0 + a / 2.0);
  const p2 = p1 * (1.0 + 2.0 * c), p3 = p2 + c / laml, p4 = p3 + c / lamr;
  for (;;) {
    const nrq = n * r * q;
    const u = s.double() * p4;
    let v = s.double();
    let y: number;
    if (u <= p1) {
      y = Math.floor(xm - p1 * v + u);
      return p > 0.5 ? n - y : y;
    }
    if (u <= p2) {
      const x = xl + (u - p1) / c;
      v = v * c + 1.0 - Math.abs(m - x + 0.5) / p1;
      if (v > 1.0) continue;
      y = Math.floor(x);
    } else if (u <= p3) {
      y = Math.floor(xl + log(v) / laml);
      if (y < 0 || v === 0.0) continue;
      v = v * (u - p2) * laml;
    } else {
      y = Math.floor(xr - log(v) / lamr);
      if (y > n || v === 0.0) continue;
      v = v * (u - p3) * lamr;
    }
    const k = Math.abs(y - m);
    if (!(k > 20 && k < nrq / 2.0 - 1)) {
      const sr = r / q, aa = sr * (n + 1);
      let F = 1.0;
      if (m < y) for (let i = m + 1; i <= y; i++) F *= aa / i - sr;
      else if (m > y) for (let i = y + 1; i <= m; i++) F /= aa / i - sr;
      if (v > F) continue;
      return p > 0.5 ? n - y : y;
    }
    const rho = (k / nrq) * ((k * (k / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
    const t = -k * k / (2 * nrq);
    const A = log(v);
    if (A < t - rho) return p > 0.5 ? n - y : y;
    if (A > t + rho) continue;
    const x1 = y + 1, f1 = m + 1, z = n + 1 - m, w = n - y + 1;
    const x2 = x1 * x1, f2 = f1 * f1, z2 = z * z, w2 = w * w;
    const bound = xm * log(f1 / x1) + (n - m + 0.5) * log(z / w) + (y - m) * log(w * r / (x1 * q)) +
      (13680. - (462. - (132. - (99. - 140. / f2) / f2) / f2) / f2) / f1 / 166320. +
      (13680. - (462. - (132. - (99. - 140. / z2) / z2) / z2) / z2) / z / 166320. +
      (13680. - (462. - (132. - (99. - 140. / x2) / x2) / x2) / x2) / x1 / 166320. +
      (13680. - (462. - (132. - (99. - 140. / w2) / w2) / w2) / w2) / w / 166320.;
    if (A > bound) continue;
    return p > 0.5 ? n - y : y;
  }
}

/** The legacy binomial: inversion for small n·min(p, q), BTPE otherwise (both on min(p, q)). */
export function binomial(s: Source, n: number, p: number): number {
  if (p <= 0.5) return p * n <= 30.0 ? binomialInversion(s, n, p) : binomialBtpe(s, n, p);
  const q = 1.0 - p;
  return n - (q * n <= 30.0 ? binomialInversion(s, n, q) : binomialBtpe(s, n, q));
}
