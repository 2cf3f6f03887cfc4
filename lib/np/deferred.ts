/**
 * Matrix products whose result is much larger than their operands, computed the first time anything
 * reads the result's elements.
 *
 * The course's backward pass computes dA_prev = Wᵀ·dZ for every layer, the first layer included,
 * where nothing reads it: in the cat classifier that is a (12288, 209) result, 20 MB written by a
 * 103-MFLOP product every iteration, and V8 frees such a buffer only at its next garbage collection.
 * numpy computes it too, but gets the memory back the moment the dict entry is replaced.
 *
 * A deferred product keeps copies of its operands (at most an eighth of the result's size), so
 * later writes to the operands cannot change it, and computes through the same np.dot path on the
 * same layouts, so it gives the bits the product would have given at once. Its shape, dtype and size
 * are there from the start; `data` (which every view, operation, print and element read goes
 * through) computes it once.
 */
import { allocF64Uninit } from './alloc';
import { NDArray } from './ndarray';
import { isFContiguous } from './blas_dot';

export interface DeferOptions {
  /** Results with fewer elements are computed at once. */
  minElements: number;
  /** Deferred only when the result has at least this many times the operands' elements together. */
  minRatio: number;
}
const DEFAULTS: DeferOptions = { minElements: 1 << 20, minRatio: 8 };
let options: DeferOptions = { ...DEFAULTS };

/** Tests and benches change when products are deferred (minElements: Infinity turns it off). */
export function setDeferOptions(o: Partial<DeferOptions>): void { options = { ...options, ...o }; }
export function deferOptions(): DeferOptions { return { ...options }; }

interface Deferred extends NDArray {
  /** Whether the elements have not been computed yet. */
  readonly pending: boolean;
}
const EMPTY = new Float64Array(0);

class DeferredNDArray extends NDArray implements Deferred {
  private elements: Float64Array | null = null;
  private compute: (() => Float64Array) | null;

  constructor(shape: readonly number[], compute: () => Float64Array) {
    super(EMPTY, shape, 'float64');
    this.compute = compute;
  }

  // @ts-expect-error NDArray declares data as a field; here it is an accessor, computed on first read.
  override get data(): Float64Array {
    if (this.elements === null) {
      // A failed compute (out of memory, say) throws again on the next read.
      this.elements = (this.compute as () => Float64Array)();
      this.compute = null; // the operands' copies go with it
    }
    return this.elements;
  }
  // NDArray's constructor assigns data; the placeholder it passes is not kept.
  override set data(_v: Float64Array) { /* see the getter */ }

  get pending(): boolean { return this.elements === null; }
}

/** Whether x is a deferred product whose elements have not been computed yet. */
export function isPending(x: NDArray): boolean {
  return x instanceof DeferredNDArray && x.pending;
}

/** Whether np.dot(a, b) (float64, 2-D by 2-D, aligned) should be deferred. */
export function shouldDefer(a: NDArray, b: NDArray): boolean {
  if (a.ndim !== 2 || b.ndim !== 2) return false;
  const size = a.shape[0] * b.shape[1];
  // Operands that share a buffer (A·Aᵀ) take numpy's symmetric path, which needs them to be one array.
  return size >= options.minElements && size >= options.minRatio * (a.size + b.size) && a.size > 0 && b.size > 0 &&
    a.data !== b.data;
}

/**
 * A copy of x with x's own layout (shape, strides, order) when x is C- or F-contiguous, so a product
 * of copies takes the same BLAS call as one of the originals; other layouts are copied to C order,
 * which is what the product does with them anyway.
 */
export function detach(x: NDArray): NDArray {
  if (!x.isCContiguous && !isFContiguous(x)) return x.copy();
  let lo = x.offset, hi = x.offset;
  for (let k = 0; k < x.ndim; k++) {
    const step = (x.shape[k] - 1) * x.strides[k];
    if (step < 0) lo += step; else hi += step;
  }
  const out = allocF64Uninit(hi - lo + 1);
  out.set(x.data.subarray(lo, hi + 1));
  return new NDArray(out, x.shape, x.dtype, x.strides, x.offset - lo);
}

/** np.dot(a, b) deferred: `product` computes it from copies of a and b when the result is first read. */
export function deferredDot(a: NDArray, b: NDArray, product: (a: NDArray, b: NDArray) => NDArray): NDArray {
  const ca = detach(a), cb = detach(b);
  const shape = [a.shape[0], b.shape[1]];
  return new DeferredNDArray(shape, () => {
    const r = product(ca, cb);
    // np.dot's result is a new C-ordered array of exactly its elements.
    return r.offset === 0 && r.isCContiguous && r.data.length === r.size ? r.data : r.values().slice();
  });
}
