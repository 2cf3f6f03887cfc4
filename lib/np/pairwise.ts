/**
 * numpy's float summation order. numpy adds a contiguous run in chunks of at most 8192 elements
 * (its ufunc buffer size): each chunk is summed pairwise (blocks of up to 128 summed with eight
 * interleaved accumulators, larger runs split in halves at a multiple of 8), and the chunk sums
 * are added to the running total in order. Matching this order is what makes sums round like numpy's.
 */
import { sharesElements } from './alloc';
import { activeNative } from './native';

export const BUFFER_SIZE = 8192;
/** Sums of at least this many elements in all go to the addon's loop when it is loaded. */
const NATIVE_MIN = 256;

export function pairwiseSum(a: Float64Array, start: number, n: number, stride: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0, p = start; i < n; i++, p += stride) res += a[p];
    return res;
  }
  if (n <= 128) {
    let r0 = a[start], r1 = a[start + stride], r2 = a[start + 2 * stride], r3 = a[start + 3 * stride];
    let r4 = a[start + 4 * stride], r5 = a[start + 5 * stride], r6 = a[start + 6 * stride], r7 = a[start + 7 * stride];
    const whole = n - (n % 8);
    let i = 8, p = start + 8 * stride;
    for (; i < whole; i += 8, p += 8 * stride) {
      r0 += a[p]; r1 += a[p + stride]; r2 += a[p + 2 * stride]; r3 += a[p + 3 * stride];
      r4 += a[p + 4 * stride]; r5 += a[p + 5 * stride]; r6 += a[p + 6 * stride]; r7 += a[p + 7 * stride];
    }
    let res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
    for (; i < n; i++, p += stride) res += a[p];
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(a, start, n2, stride) + pairwiseSum(a, start + n2 * stride, n - n2, stride);
}

/** Adds a run of n elements to `acc` the way a numpy reduction's inner loop does. */
export function addRun(acc: number, a: Float64Array, start: number, n: number, stride: number): number {
  for (let done = 0; done < n; done += BUFFER_SIZE) {
    acc += pairwiseSum(a, start + done * stride, Math.min(BUFFER_SIZE, n - done), stride);
  }
  return acc;
}

/**
 * out[r] = addRun(0, a, start + r * run, run, 1) for r < rows: the sums of consecutive runs, as numpy
 * reduces the last axis of a C-contiguous array; through the addon's port of the same order when it
 * is loaded and there is enough to sum.
 */
export function sumRows(out: Float64Array, a: Float64Array, start: number, run: number, rows: number): void {
  const nat = rows * run >= NATIVE_MIN ? activeNative() : null;
  if (nat !== null && nat.sumRows !== undefined && !sharesElements(out, a)) {
    nat.sumRows(out, a, start, run, rows);
    return;
  }
  for (let r = 0, p = start; r < rows; r++, p += run) out[r] = addRun(0, a, p, run, 1);
}

const ONE = new Float64Array(1);

/** addRun(0, a, start, n, 1): the sum of one contiguous run in numpy's order (through the addon for long runs). */
export function sumOfRun(a: Float64Array, start: number, n: number): number {
  if (n < NATIVE_MIN) return addRun(0, a, start, n, 1);
  sumRows(ONE, a, start, n, 1);
  return ONE[0];
}
