/**
 * Storage for new arrays. Every buffer the library creates for an array's elements comes from here.
 *
 * Creating an ArrayBuffer costs V8 a backing-store allocation and GC bookkeeping (about 2 µs here),
 * more than the arithmetic on a few hundred elements. Small arrays are therefore carved out of a
 * shared slab, as Node's Buffer pool does: a view costs a fraction of that. The price is that a slab
 * stays alive while any array cut from it does, so both limits stay small (at most SLAB_BYTES kept
 * per surviving small array).
 */
const SMALL_ELEMENTS = 1024;
const SLAB_BYTES = 64 * 1024;

let slab = new ArrayBuffer(SLAB_BYTES);
let used = 0;

/** A zero-filled Float64Array of n elements (slabs are never reused, so they are still zero). */
export function allocF64(n: number): Float64Array {
  if (n > SMALL_ELEMENTS || n === 0) return new Float64Array(n);
  const bytes = n * 8;
  if (used + bytes > SLAB_BYTES) { slab = new ArrayBuffer(SLAB_BYTES); used = 0; }
  const out = new Float64Array(slab, used, n);
  used += bytes;
  return out;
}
