/**
 * Storage for new arrays. Every buffer the library creates for an array's elements comes from here.
 *
 * Creating an ArrayBuffer costs V8 a backing-store allocation and GC bookkeeping (about 2 µs here),
 * more than the arithmetic on a few hundred elements, and `new Float64Array(n)` also zero-fills memory
 * that the garbage collector recycled a while ago (cache-cold), which for a few thousand elements costs
 * as much as the operation itself. So arrays up to 64 KB are carved out of shared slabs, as Node's
 * Buffer pool does, and the slabs come uninitialized (Buffer.allocUnsafeSlow) where Node offers that:
 * allocF64 zeroes just the elements it hands out, allocF64Uninit (for callers that write every
 * element) does not even do that. The price is that a slab stays alive while any array cut from it
 * does: at most 64 KB per surviving small array, 512 KB per surviving medium one.
 */
const SMALL_ELEMENTS = 1024;
const SMALL_SLAB_BYTES = 64 * 1024;
const MEDIUM_ELEMENTS = 8192;
const MEDIUM_SLAB_BYTES = 512 * 1024;

// Node's Buffer can hand out memory that is not zero-filled (malloc instead of calloc).
const unsafeBuffer: ((size: number) => Uint8Array) | null =
  typeof Buffer !== 'undefined' && typeof Buffer.allocUnsafeSlow === 'function' ? Buffer.allocUnsafeSlow : null;
/** Whether slabs (and large uninitialized buffers) may hold old bytes. */
const DIRTY = unsafeBuffer !== null;

function rawBuffer(bytes: number): ArrayBuffer {
  // allocUnsafeSlow gives a buffer of its own (offset 0, exactly `bytes` long), never a pooled one.
  return unsafeBuffer ? unsafeBuffer(bytes).buffer as ArrayBuffer : new ArrayBuffer(bytes);
}

let small = rawBuffer(SMALL_SLAB_BYTES);
let smallUsed = 0;
let medium: ArrayBuffer | null = null;
let mediumUsed = MEDIUM_SLAB_BYTES;

/** n (≤ MEDIUM_ELEMENTS, > 0) elements cut from a slab, contents unspecified when DIRTY. */
function carve(n: number): Float64Array {
  const bytes = n * 8;
  if (n <= SMALL_ELEMENTS) {
    if (smallUsed + bytes > SMALL_SLAB_BYTES) { small = rawBuffer(SMALL_SLAB_BYTES); smallUsed = 0; }
    const out = new Float64Array(small, smallUsed, n);
    smallUsed += bytes;
    return out;
  }
  if (mediumUsed + bytes > MEDIUM_SLAB_BYTES) { medium = rawBuffer(MEDIUM_SLAB_BYTES); mediumUsed = 0; }
  const out = new Float64Array(medium as ArrayBuffer, mediumUsed, n);
  mediumUsed += bytes;
  return out;
}

/** A size that is not a whole number would misalign every later slice of the slab: refused. */
function badSize(n: number): never {
  throw new RangeError(`tsdl: cannot allocate ${n} elements (not a non-negative integer)`);
}

/** A zero-filled Float64Array of n elements. */
export function allocF64(n: number): Float64Array {
  if (!(n >= 0 && n === Math.floor(n))) badSize(n);
  if (n > MEDIUM_ELEMENTS || n === 0) return new Float64Array(n);
  const out = carve(n);
  if (DIRTY) out.fill(0);
  return out;
}

/** A Float64Array of n elements with unspecified contents, for callers that write every element. */
export function allocF64Uninit(n: number): Float64Array {
  if (!(n >= 0 && n === Math.floor(n))) badSize(n);
  if (n === 0) return new Float64Array(0);
  if (n <= MEDIUM_ELEMENTS) return carve(n);
  if (!unsafeBuffer) return new Float64Array(n);
  return new Float64Array(unsafeBuffer(n * 8).buffer, 0, n);
}

/** Whether two Float64Arrays share any element (views of one buffer may). */
export function sharesElements(x: Float64Array, y: Float64Array): boolean {
  return x.buffer === y.buffer && x.byteOffset < y.byteOffset + y.byteLength && y.byteOffset < x.byteOffset + x.byteLength;
}
