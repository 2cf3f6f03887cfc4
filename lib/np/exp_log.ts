/**
 * exp and log as np.exp / np.log compute them, for ufuncs.ts and the course's fused loops alike so the
 * two stay bit for bit the same. With the native addon loaded these are the C library's functions,
 * the ones numpy's float64 loops call (glibc on Linux, where numpy has no SIMD version of its own).
 * Without the addon, V8's Math.exp/Math.log, which differ from glibc in the last bit on ~9 % of inputs.
 */
import { activeNative } from './native';

const EXP = 0, LOG = 1;

/** dst[d + i] = exp(src[s + i]) for i < n (dst may be src, at the same offset). */
export function expInto(src: Float64Array, s: number, n: number, dst: Float64Array, d: number): void {
  const nat = activeNative();
  if (nat) { if (n > 0) nat.map(EXP, src, s, n, dst, d); return; }
  for (let i = 0; i < n; i++) dst[d + i] = Math.exp(src[s + i]);
}

/** dst[d + i] = log(src[s + i]) for i < n (dst may be src, at the same offset). */
export function logInto(src: Float64Array, s: number, n: number, dst: Float64Array, d: number): void {
  const nat = activeNative();
  if (nat) { if (n > 0) nat.map(LOG, src, s, n, dst, d); return; }
  for (let i = 0; i < n; i++) dst[d + i] = Math.log(src[s + i]);
}
