/**
 * numpy 1.24's legacy RandomState (what np.random.seed / rand / randn drive), draw for draw.
 * Python keyword arguments may be given as a trailing options object, e.g.
 * `choice(10, { size: 3, replace: false })`. Without a size the result is a JS number.
 */
import { allocF64, allocF64Uninit } from '../alloc';
import { IndexError, OverflowError, ValueError } from '../errors';
import { randomFillSync } from 'crypto';
import { NDArray } from '../ndarray';
import { shapeSize } from '../layout';
import { MT19937, MT_N } from './mt19937';
import { log as glibcLog } from '../libm/log';
import { activeNative } from '../native';
import { drawBroadcast } from './param_draws';
import { Source, beta, binomial, poisson, standardExponential, standardGamma } from './distributions';

// numpy's CONS_NON_NEGATIVE tests the sign bit: -0.0 is refused too.
const nonNegative = (v: number): boolean => !(v < 0 || Object.is(v, -0));
const positive = (v: number): boolean => !(v <= 0);
/** numpy's POISSON_LAM_MAX: the largest lam whose draws fit in an int64 with room to spare. */
const POISSON_LAM_MAX = 9.223372006484771e18;
const isArrayParam = (x: unknown): boolean => x instanceof NDArray ? x.ndim > 0 : Array.isArray(x);
const asNumbers = (x: unknown): number[] => (x instanceof NDArray ? Array.from(x.values()) : Array.isArray(x) ? (x as unknown[]).flat(Infinity) as number[] : [Number(x)]);

export type Size = number | readonly number[];
export type SizeArg = Size | null | undefined;
/** get_state()'s legacy tuple: ('MT19937', key, pos, has_gauss, cached_gaussian). */
export type LegacyState = [string, Uint32Array, number, number, number];
export interface DictState {
  bit_generator: string;
  state: { key: Uint32Array | readonly number[]; pos: number };
  has_gauss?: number | boolean;
  gauss?: number;
}
type StateInput = DictState | readonly unknown[];
type Values = NDArray | readonly unknown[] | Float64Array;

export interface SizeOptions { size?: SizeArg }
export interface NormalOptions extends SizeOptions { loc?: number; scale?: number }
export interface UniformOptions extends SizeOptions { low?: number; high?: number }
export interface RandintOptions extends SizeOptions { high?: number | null; dtype?: string }
export interface ChoiceOptions extends SizeOptions { replace?: boolean; p?: Values | null }
/** A method's result: an NDArray when the options carry a size, else a number. */
type Out<O> = O extends { size: Size } ? NDArray : number;

/** numpy's exception of that name (lib/np/errors.ts). */
function pyError(name: 'ValueError' | 'IndexError' | 'OverflowError', message: string): Error {
  return name === 'IndexError' ? new IndexError(message) : name === 'OverflowError' ? new OverflowError(message) : new ValueError(message);
}
const valueError = (message: string) => pyError('ValueError', message);

function isOptions(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && !(x instanceof NDArray) &&
    !ArrayBuffer.isView(x);
}

/** Names positional arguments; a trailing plain object supplies keyword arguments. */
function parseArgs(fn: string, args: readonly unknown[], names: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let n = args.length;
  const opts = n > 0 && isOptions(args[n - 1]) ? args[--n] as Record<string, unknown> : null;
  if (n > names.length) {
    throw new TypeError(`${fn}() takes at most ${names.length} positional arguments (${n} given)`);
  }
  for (let i = 0; i < n; i++) out[names[i]] = args[i];
  if (opts) {
    for (const key of Object.keys(opts)) {
      if (!names.includes(key)) throw new TypeError(`${fn}() got an unexpected keyword argument '${key}'`);
      if (out[key] !== undefined) throw new TypeError(`${fn}() got multiple values for argument '${key}'`);
      out[key] = opts[key];
    }
  }
  return out;
}

/** A size argument as a shape, or null for "no size" (a scalar result). */
function toShape(size: unknown): number[] | null {
  if (size === undefined || size === null) return null;
  if (typeof size === 'number') {
    if (!Number.isInteger(size)) {
      throw new TypeError(`expected a sequence of integers or a single integer, got '${size}'`);
    }
    return dimsOf([size]);
  }
  if (size instanceof NDArray) return dimsOf(size.toArray() as number[]);
  if (Array.isArray(size)) return dimsOf(size);
  throw new TypeError(`expected a sequence of integers or a single integer, got '${String(size)}'`);
}

function dimsOf(dims: readonly unknown[]): number[] {
  for (const d of dims) {
    if (typeof d !== 'number' || !Number.isInteger(d)) {
      throw new TypeError(`'${typeof d === 'number' ? 'float' : typeof d}' object cannot be interpreted as an integer`);
    }
  }
  if ((dims as number[]).some((d) => d < 0)) throw valueError('negative dimensions are not allowed');
  return (dims as number[]).slice();
}


/** Python's int() of a bound: truncation toward zero, with its errors for NaN and infinities. */
function toInt(x: unknown, name: string): number {
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (typeof x !== 'number') throw new TypeError(`${name} must be a number, got ${typeof x}`);
  if (Number.isNaN(x)) throw valueError('cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw pyError('OverflowError', 'cannot convert float infinity to integer');
  return Math.trunc(x) + 0; // + 0 turns -0 into 0
}

function toFloat(x: unknown, name: string): number {
  if (typeof x === 'number') return x;
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (x instanceof NDArray && x.size === 1) return x.data[x.offset];
  throw new TypeError(`${name} must be a number (array-valued ${name} is not supported)`);
}

/** A 1-d or n-d array from an NDArray or nested JS arrays, dtype inferred as numpy would. */
function toNDArray(x: Values): NDArray {
  if (x instanceof NDArray) return x;
  if (x instanceof Float64Array) return new NDArray(Float64Array.from(x), [x.length], 'float64');
  const shape: number[] = [];
  for (let v: unknown = x; Array.isArray(v); v = v[0]) shape.push(v.length);
  const flat: unknown[] = [];
  const walk = (v: unknown, d: number): void => {
    if (d === shape.length) { flat.push(v); return; }
    if (!Array.isArray(v) || v.length !== shape[d]) {
      throw valueError('setting an array element with a sequence. The requested array has an inhomogeneous shape');
    }
    for (const e of v) walk(e, d + 1);
  };
  walk(x, 0);
  let dtype: 'bool' | 'int64' | 'float64' = 'bool';
  for (const v of flat) {
    if (typeof v === 'number') {
      if (!Number.isInteger(v)) { dtype = 'float64'; break; }
      dtype = 'int64';
    } else if (typeof v !== 'boolean') {
      throw new TypeError(`tsdl random: unsupported element ${String(v)} (numbers and booleans only)`);
    }
  }
  return new NDArray(Float64Array.from(flat as number[], Number), shape, flat.length ? dtype : 'float64');
}

/** Index of the first cdf entry > u (numpy's searchsorted side='right'). */
function searchRight(cdf: Float64Array, u: number): number {
  let lo = 0, hi = cdf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid] <= u) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** cumsum(p) / cumsum(p)[-1], summed left to right as np.cumsum does. */
function normalizedCdf(p: Float64Array): Float64Array {
  const cdf = allocF64(p.length);
  let s = 0;
  for (let i = 0; i < p.length; i++) cdf[i] = s += p[i];
  const last = cdf[cdf.length - 1];
  for (let i = 0; i < cdf.length; i++) cdf[i] /= last;
  return cdf;
}

const TWO32 = 4294967296;

// numpy's gauss calls the C library's log: glibc's, ported bit for bit in lib/np/libm (a correctly
// rounded log would differ on the ~0.1 % of inputs where glibc's is not).
let gaussLog: (x: number) => number = glibcLog;

/**
 * From this many gaussians on (the break-even in bench/random.ts is 6-8), a bulk draw goes to the
 * addon's mtFillGauss. It calls the C library's log, the function lib/np/libm/log ports, so it is
 * used only while gaussLog is that port.
 */
const NATIVE_GAUSS_MIN = 8;
const gaussCache = new Float64Array(2);

/** Swaps the log used by the gaussian draws and returns the previous one (tests measure other logs). */
export function setGaussLog(log: (x: number) => number): (x: number) => number {
  const previous = gaussLog;
  gaussLog = log;
  return previous;
}

export class RandomState {
  private readonly mt = new MT19937();
  private hasGauss = false;
  private gaussValue = 0;

  constructor(seed?: number | readonly number[] | null) { this.seed(seed); }

  /**
   * seed(s): an integer in [0, 2**32 - 1] uses init_genrand, a sequence of them init_by_array;
   * no seed draws fresh entropy. Clears the cached gaussian.
   */
  seed(seed?: number | boolean | readonly number[] | NDArray | null): void {
    if (seed === undefined || seed === null) {
      const fresh = new Uint32Array(MT_N);
      randomFillSync(fresh);
      this.mt.key.set(fresh);
      this.mt.key[0] = 0x80000000;
      this.mt.pos = MT_N;
    } else if (typeof seed === 'number' || typeof seed === 'boolean' ||
      (seed instanceof NDArray && seed.ndim === 0)) {
      const s = Number(seed instanceof NDArray ? seed.item() : seed);
      if (!Number.isInteger(s)) {
        throw new TypeError("Cannot cast scalar from dtype('float64') to dtype('int64') according to the rule 'safe'");
      }
      if (s < 0 || s > 0xffffffff) throw valueError('Seed must be between 0 and 2**32 - 1');
      this.mt.initGenrand(s);
    } else {
      const arr = toNDArray(seed as Values);
      if (arr.size === 0) throw valueError('Seed must be non-empty');
      if (arr.dtype === 'float64') {
        throw new TypeError("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'");
      }
      if (arr.ndim !== 1) throw valueError('Seed array must be 1-d');
      const key = arr.values();
      if (key.some((v) => v < 0 || v > 0xffffffff)) throw valueError('Seed must be between 0 and 2**32 - 1');
      this.mt.initByArray(key);
    }
    this.hasGauss = false;
    this.gaussValue = 0;
  }

  /** get_state(): the legacy tuple by default, numpy's dict with `{ legacy: false }`. */
  get_state(legacy: false | { legacy: false }): DictState;
  get_state(legacy?: true | { legacy?: true }): LegacyState;
  get_state(legacy?: boolean | { legacy?: boolean }): LegacyState | DictState;
  get_state(legacy: boolean | { legacy?: boolean } = true): LegacyState | DictState {
    const asTuple = legacy === null ? true : typeof legacy === 'object' ? legacy.legacy !== false : legacy;
    const key = Uint32Array.from(this.mt.key);
    const has = this.hasGauss ? 1 : 0;
    if (asTuple) return ['MT19937', key, this.mt.pos, has, this.gaussValue];
    return { bit_generator: 'MT19937', state: { key, pos: this.mt.pos }, has_gauss: has, gauss: this.gaussValue };
  }

  /** set_state(state) from get_state()'s tuple (3 or 5 entries) or dict. */
  set_state(state: StateInput): void {
    let key: unknown, pos: unknown, has: unknown = 0, gauss: unknown = 0;
    if (Array.isArray(state)) {
      if (state[0] !== 'MT19937') {
        throw valueError('set_state can only be used with legacy MT19937state instances.');
      }
      if (state.length < 3 || state.length === 4) throw pyError('IndexError', 'tuple index out of range');
      [, key, pos] = state;
      if (state.length > 3) [, , , has, gauss] = state;
    } else if (isOptions(state)) {
      const st = state as unknown as Record<string, unknown>;
      const inner = st.state as Record<string, unknown> | undefined;
      if (!('bit_generator' in st) || !isOptions(inner)) throw valueError('state dictionary is not valid.');
      if (st.bit_generator !== 'MT19937') throw valueError('state must be for a MT19937 PRNG');
      key = inner.key; pos = inner.pos;
      if ('has_gauss' in st) { has = st.has_gauss; gauss = st.gauss; }
    } else {
      throw new TypeError('state must be a dict or a tuple.');
    }
    const words = key instanceof NDArray ? key.values() : key as ArrayLike<number>;
    if (!words || typeof words.length !== 'number') throw new TypeError('state key must be an array of 624 uint32');
    if (words.length < MT_N) {
      throw pyError('IndexError', `index ${words.length} is out of bounds for axis 0 with size ${words.length}`);
    }
    for (let i = 0; i < MT_N; i++) {
      const w = words[i];
      if (!Number.isInteger(w) || w < 0 || w > 0xffffffff) {
        throw pyError('OverflowError', `state key entry ${i} (${w}) is not a uint32`);
      }
    }
    if (typeof pos !== 'number' || !Number.isInteger(pos) || pos < 0 || pos > MT_N) {
      throw valueError(`state pos must be an integer in [0, ${MT_N}], got ${String(pos)}`);
    }
    for (let i = 0; i < MT_N; i++) this.mt.key[i] = words[i];
    this.mt.pos = pos;
    this.hasGauss = Boolean(has);
    this.gaussValue = Number(gauss);
  }

  // ---- floats ---------------------------------------------------------------------------------

  /** rand(d0, d1, ...): uniform [0, 1) doubles of that shape; no dimensions gives a number. */
  rand(): number;
  rand(...shape: number[]): NDArray;
  rand(...shape: number[]): number | NDArray {
    if (shape.length === 0) return this.mt.nextDouble();
    return this.random_sample(dimsOf(shape));
  }

  /** randn(d0, d1, ...): standard normal draws of that shape; no dimensions gives a number. */
  randn(): number;
  randn(...shape: number[]): NDArray;
  randn(...shape: number[]): number | NDArray {
    if (shape.length === 0) return this.gauss();
    return this.standard_normal(dimsOf(shape));
  }

  random_sample(size?: null): number;
  random_sample(size: Size): NDArray;
  random_sample<O extends SizeOptions>(options: O): Out<O>;
  random_sample(...args: unknown[]): number | NDArray {
    const shape = toShape(parseArgs('random_sample', args, ['size']).size);
    if (shape === null) return this.mt.nextDouble();
    const out = allocF64Uninit(shapeSize(shape));
    this.mt.fillDoubles(out, 0, out.length);
    return new NDArray(out, shape, 'float64');
  }

  random(size?: null): number;
  random(size: Size): NDArray;
  random<O extends SizeOptions>(options: O): Out<O>;
  random(...args: unknown[]): number | NDArray {
    return (this.random_sample as (...a: unknown[]) => number | NDArray)(...args);
  }

  standard_normal(size?: null): number;
  standard_normal(size: Size): NDArray;
  standard_normal<O extends SizeOptions>(options: O): Out<O>;
  standard_normal(...args: unknown[]): number | NDArray {
    return this.normalImpl(0, 1, parseArgs('standard_normal', args, ['size']).size);
  }

  normal(loc?: number, scale?: number, size?: null): number;
  normal(loc: number | undefined, scale: number | undefined, size: Size): NDArray;
  normal<O extends NormalOptions>(options: O): Out<O>;
  normal<O extends NormalOptions>(loc: number, options: O): Out<O>;
  normal<O extends NormalOptions>(loc: number, scale: number, options: O): Out<O>;
  normal(...args: unknown[]): number | NDArray {
    const a = parseArgs('normal', args, ['loc', 'scale', 'size']);
    if (isArrayParam(a.loc) || isArrayParam(a.scale)) {
      return drawBroadcast([{ value: a.loc ?? 0 }, { value: a.scale ?? 1, valid: nonNegative, message: 'scale < 0' }],
        toShape(a.size), 'float64', ([loc, scale]) => loc + scale * this.gauss());
    }
    const loc = a.loc === undefined ? 0 : toFloat(a.loc, 'loc');
    const scale = a.scale === undefined ? 1 : toFloat(a.scale, 'scale');
    if (scale < 0 || Object.is(scale, -0)) throw valueError('scale < 0');
    return this.normalImpl(loc, scale, a.size);
  }

  private normalImpl(loc: number, scale: number, size: unknown): number | NDArray {
    const shape = toShape(size);
    const plain = loc === 0 && scale === 1;
    if (shape === null) return plain ? this.gauss() : loc + scale * this.gauss();
    const out = allocF64Uninit(shapeSize(shape));
    this.fillGauss(out);
    if (!plain) for (let i = 0; i < out.length; i++) out[i] = loc + scale * out[i];
    return new NDArray(out, shape, 'float64');
  }

  uniform(low?: number, high?: number, size?: null): number;
  uniform(low: number | undefined, high: number | undefined, size: Size): NDArray;
  uniform<O extends UniformOptions>(options: O): Out<O>;
  uniform<O extends UniformOptions>(low: number, options: O): Out<O>;
  uniform<O extends UniformOptions>(low: number, high: number, options: O): Out<O>;
  uniform(...args: unknown[]): number | NDArray {
    const a = parseArgs('uniform', args, ['low', 'high', 'size']);
    if (isArrayParam(a.low) || isArrayParam(a.high)) {
      return drawBroadcast([{ value: a.low ?? 0 }, { value: a.high ?? 1 }], toShape(a.size), 'float64',
        ([low, high]) => low + (high - low) * this.mt.nextDouble());
    }
    const low = a.low === undefined ? 0 : toFloat(a.low, 'low');
    const high = a.high === undefined ? 1 : toFloat(a.high, 'high');
    const range = high - low;
    if (!Number.isFinite(range)) throw pyError('OverflowError', 'Range exceeds valid bounds');
    const shape = toShape(a.size);
    if (shape === null) return low + range * this.mt.nextDouble();
    const out = allocF64Uninit(shapeSize(shape));
    this.mt.fillDoubles(out, 0, out.length);
    for (let i = 0; i < out.length; i++) out[i] = low + range * out[i];
    return new NDArray(out, shape, 'float64');
  }

  // ---- integers -------------------------------------------------------------------------------

  /** randint(low, high?, size?): int64 draws in [low, high), or [0, low) without high. */
  randint(low: number, high?: number | null, size?: null, dtype?: string): number;
  randint(low: number, high: number | null | undefined, size: Size, dtype?: string): NDArray;
  randint<O extends RandintOptions>(low: number, options: O): Out<O>;
  randint<O extends RandintOptions>(low: number, high: number | null, options: O): Out<O>;
  randint(...args: unknown[]): number | NDArray {
    const a = parseArgs('randint', args, ['low', 'high', 'size', 'dtype']);
    if (a.dtype !== undefined && !['int64', 'int', 'i8', 'long', 'int_'].includes(a.dtype as string)) {
      throw new TypeError(`tsdl random: randint supports dtype int64 only, got ${String(a.dtype)}`);
    }
    const shape = toShape(a.size);
    if (shape !== null && shapeSize(shape) === 0) return new NDArray(allocF64(0), shape, 'int64');
    let low = toInt(a.low, 'low');
    let high: number;
    if (a.high === undefined || a.high === null) { high = low; low = 0; } else high = toInt(a.high, 'high');
    if (low < -(2 ** 63)) throw valueError('low is out of bounds for int64');
    if (high - 1 >= 2 ** 63) throw valueError('high is out of bounds for int64');
    if (low >= high) throw valueError(low === 0 ? 'high <= 0' : 'low >= high');
    if (!Number.isSafeInteger(low) || !Number.isSafeInteger(high) || high - low > 2 ** 53) {
      throw new RangeError('tsdl random: randint bounds must lie within ±(2**53 - 1) and span at most 2**53 ' +
        '(int64 values are stored as doubles)');
    }
    const rng = high - 1 - low;
    if (shape === null) return low + this.bounded(rng);
    const out = allocF64(shapeSize(shape));
    for (let i = 0; i < out.length; i++) out[i] = low + this.bounded(rng);
    return new NDArray(out, shape, 'int64');
  }

  /**
   * A uniform integer in [0, rng] by masked rejection: 32-bit draws when rng fits in 32 bits,
   * else 64-bit draws (high word first). rng = 0 consumes nothing. This is both numpy's
   * random_bounded_uint64 (masked) and its random_interval, used by shuffle.
   */
  private bounded(rng: number): number {
    if (rng === 0) return 0;
    const mt = this.mt;
    if (rng <= 0xffffffff) {
      const mask = 0xffffffff >>> Math.clz32(rng);
      let v: number;
      do v = (mt.nextUint32() & mask) >>> 0; while (v > rng);
      return v;
    }
    const rngHi = Math.floor(rng / TWO32);
    const maskHi = 0xffffffff >>> Math.clz32(rngHi);
    let v: number;
    do {
      const hi = (mt.nextUint32() & maskHi) >>> 0;
      v = hi * TWO32 + mt.nextUint32();
    } while (v > rng);
    return v;
  }

  // ---- permutations ---------------------------------------------------------------------------

  /** shuffle(x): permutes x in place along its first axis (an NDArray or a JS array). */
  shuffle(x: NDArray | unknown[]): void {
    if (Array.isArray(x)) {
      for (let i = x.length - 1; i > 0; i--) {
        const j = this.bounded(i);
        const t = x[i]; x[i] = x[j]; x[j] = t;
      }
      return;
    }
    if (!(x instanceof NDArray)) throw new TypeError(`object of type '${typeof x}' has no len()`);
    if (x.ndim === 0) throw new TypeError('len() of unsized object');
    if (x.size === 0) return; // numpy skips empty arrays without drawing, even with shape[0] > 1
    this.shuffleRows(x);
  }

  /** Fisher-Yates from the end over x's first axis, swapping whole rows in place. */
  private shuffleRows(x: NDArray): void {
    const n = x.shape[0];
    const rowShape = x.shape.slice(1);
    const rowStrides = x.strides.slice(1);
    // Element offsets of one row (the sub-array x[i]) relative to the row's start.
    const rowSize = shapeSize(rowShape);
    const rel = allocF64(rowSize);
    for (let e = 0; e < rowSize; e++) {
      let rem = e, off = 0;
      for (let k = rowShape.length - 1; k >= 0; k--) {
        off += (rem % rowShape[k]) * rowStrides[k];
        rem = Math.floor(rem / rowShape[k]);
      }
      rel[e] = off;
    }
    const data = x.data, s0 = x.strides[0], base = x.offset;
    for (let i = n - 1; i > 0; i--) {
      const j = this.bounded(i);
      if (j === i) continue;
      const pi = base + i * s0, pj = base + j * s0;
      for (let e = 0; e < rowSize; e++) {
        const t = data[pi + rel[e]];
        data[pi + rel[e]] = data[pj + rel[e]];
        data[pj + rel[e]] = t;
      }
    }
  }

  /** permutation(n): a shuffled arange(n); permutation(a): a shuffled copy of a along axis 0. */
  permutation(x: number | Values): NDArray {
    if (typeof x === 'number') {
      if (!Number.isInteger(x)) throw pyError('IndexError', 'x must be an integer or at least 1-dimensional');
      const n = Math.max(x, 0);
      const out = allocF64(n);
      for (let i = 0; i < n; i++) out[i] = i;
      const arr = new NDArray(out, [n], 'int64');
      this.shuffleRows(arr);
      return arr;
    }
    const src = toNDArray(x);
    if (src.ndim < 1) throw pyError('IndexError', 'x must be an integer or at least 1-dimensional');
    const arr = src.copy();
    // numpy shuffles an index array here for ndim > 1, so even an empty (n, 0) array draws.
    this.shuffleRows(arr);
    return arr;
  }

  /** choice(a, size?, replace = true, p?): numpy's legacy sampling algorithm for each case. */
  choice(a: number | Values, size?: null, replace?: boolean, p?: Values | null): number;
  choice(a: number | Values, size: Size, replace?: boolean, p?: Values | null): NDArray;
  choice<O extends ChoiceOptions>(a: number | Values, options: O): Out<O>;
  choice<O extends ChoiceOptions>(a: number | Values, size: Size, options: O): NDArray;
  choice<O extends ChoiceOptions>(a: number | Values, size: null | undefined, options: O): number;
  choice(...args: unknown[]): number | NDArray {
    const o = parseArgs('choice', args, ['a', 'size', 'replace', 'p']);
    const shape = toShape(o.size);
    const count = shape === null ? 1 : shapeSize(shape);
    const replace = o.replace === undefined ? true : Boolean(o.replace);

    let pool: NDArray | null = null;
    let popSize: number;
    if (typeof o.a === 'number' || (o.a instanceof NDArray && o.a.ndim === 0)) {
      const v = typeof o.a === 'number' ? o.a : o.a.item();
      if (!Number.isInteger(v) || (o.a instanceof NDArray && o.a.dtype === 'float64')) {
        throw valueError('a must be 1-dimensional or an integer');
      }
      popSize = v;
      if (popSize <= 0 && count !== 0) throw valueError('a must be greater than 0 unless no samples are taken');
    } else {
      pool = toNDArray(o.a as Values);
      if (pool.ndim !== 1) throw valueError('a must be 1-dimensional');
      popSize = pool.shape[0];
      if (popSize === 0 && count !== 0) throw valueError("'a' cannot be empty unless no samples are taken");
    }

    let p: Float64Array | null = null;
    if (o.p !== undefined && o.p !== null) {
      const pa = toNDArray(o.p as Values);
      if (pa.ndim !== 1) throw valueError("'p' must be 1-dimensional");
      if (pa.size !== popSize) throw valueError("'a' and 'p' must have same size");
      p = Float64Array.from(pa.values());
      // numpy checks the Kahan-compensated sum against 1 with atol sqrt(eps)
      let sum = p[0], c = 0;
      for (let i = 1; i < p.length; i++) {
        const y = p[i] - c, t = sum + y;
        c = (t - sum) - y;
        sum = t;
      }
      if (Number.isNaN(sum)) throw valueError('probabilities contain NaN');
      if (p.some((v) => v < 0)) throw valueError('probabilities are not non-negative');
      if (Math.abs(sum - 1) > Math.sqrt(2 ** -52)) throw valueError('probabilities do not sum to 1');
    }

    const idx = allocF64(count);
    if (replace) {
      if (p) {
        const cdf = normalizedCdf(p);
        for (let i = 0; i < count; i++) idx[i] = searchRight(cdf, this.mt.nextDouble());
      } else {
        for (let i = 0; i < count; i++) idx[i] = this.bounded(popSize - 1);
      }
    } else {
      if (count > popSize) {
        throw valueError("Cannot take a larger sample than population when 'replace=False'");
      }
      if (p) {
        let nonzero = 0;
        for (const v of p) if (v > 0) nonzero++;
        if (nonzero < count) throw valueError('Fewer non-zero entries in p than size');
        const weights = Float64Array.from(p);
        let found = 0;
        while (found < count) {
          const u = allocF64(count - found);
          for (let i = 0; i < u.length; i++) u[i] = this.mt.nextDouble();
          for (let i = 0; i < found; i++) weights[idx[i]] = 0;
          const cdf = normalizedCdf(weights);
          // Keep each new index at its first occurrence, in draw order (np.unique + sort).
          const seen = new Set<number>();
          for (let i = 0; i < u.length; i++) {
            const k = searchRight(cdf, u[i]);
            if (!seen.has(k)) { seen.add(k); idx[found++] = k; }
          }
        }
      } else {
        const perm = this.permutation(popSize).data;
        idx.set(perm.subarray(0, count));
      }
    }

    if (pool === null) {
      if (shape === null) return idx[0];
      return new NDArray(idx, shape, 'int64');
    }
    const vals = pool.values();
    if (shape === null) return vals[idx[0]];
    const out = allocF64(count);
    for (let i = 0; i < count; i++) out[i] = vals[idx[i]];
    return new NDArray(out, shape, pool.dtype);
  }

  // ---- other distributions (numpy's legacy algorithms, lib/np/random/distributions.ts) ----------

  private get source(): Source {
    return { double: () => this.mt.nextDouble(), gauss: () => this.gauss() };
  }

  exponential(...args: unknown[]): number | NDArray {
    const a = parseArgs('exponential', args, ['scale', 'size']);
    const src = this.source;
    return drawBroadcast([{ value: a.scale ?? 1, valid: nonNegative, message: 'scale < 0' }], toShape(a.size), 'float64',
      ([scale]) => scale * standardExponential(src));
  }

  standard_exponential(...args: unknown[]): number | NDArray {
    const a = parseArgs('standard_exponential', args, ['size']);
    const src = this.source;
    return drawBroadcast([], toShape(a.size), 'float64', () => standardExponential(src));
  }

  standard_gamma(...args: unknown[]): number | NDArray {
    const a = parseArgs('standard_gamma', args, ['shape', 'size']);
    const src = this.source;
    return drawBroadcast([{ value: a.shape, valid: nonNegative, message: 'shape < 0' }], toShape(a.size), 'float64',
      ([shape]) => standardGamma(src, shape));
  }

  gamma(...args: unknown[]): number | NDArray {
    const a = parseArgs('gamma', args, ['shape', 'scale', 'size']);
    const src = this.source;
    return drawBroadcast([{ value: a.shape, valid: nonNegative, message: 'shape < 0' },
      { value: a.scale ?? 1, valid: nonNegative, message: 'scale < 0' }], toShape(a.size), 'float64',
    ([shape, scale]) => scale * standardGamma(src, shape));
  }

  beta(...args: unknown[]): number | NDArray {
    const a = parseArgs('beta', args, ['a', 'b', 'size']);
    const src = this.source;
    return drawBroadcast([{ value: a.a, valid: positive, message: 'a <= 0' }, { value: a.b, valid: positive, message: 'b <= 0' }],
      toShape(a.size), 'float64', ([x, y]) => beta(src, x, y));
  }

  poisson(...args: unknown[]): number | NDArray {
    const a = parseArgs('poisson', args, ['lam', 'size']);
    const lam = a.lam ?? 1;
    if (asNumbers(lam).some((v) => v > POISSON_LAM_MAX)) throw valueError('lam value too large');
    const src = this.source;
    return drawBroadcast([{ value: lam, valid: (v) => v >= 0, message: 'lam < 0 or lam is NaN' }], toShape(a.size), 'int64',
      ([l]) => poisson(src, l));
  }

  binomial(...args: unknown[]): number | NDArray {
    const a = parseArgs('binomial', args, ['n', 'p', 'size']);
    const src = this.source;
    return drawBroadcast([{ value: a.n, valid: nonNegative, message: 'n < 0' },
      { value: a.p, valid: (v) => v >= 0 && v <= 1, message: 'p < 0, p > 1 or p is NaN' }], toShape(a.size), 'int64',
    ([n, p]) => binomial(src, Math.trunc(n), p));
  }

  // ---- the gaussian ---------------------------------------------------------------------------

  /** out[i] = successive gauss() values. */
  private fillGauss(out: Float64Array): void {
    const n = out.length;
    const nat = n >= NATIVE_GAUSS_MIN && gaussLog === glibcLog ? activeNative() : null;
    if (nat?.mtFillGauss) {
      gaussCache[0] = this.hasGauss ? 1 : 0;
      gaussCache[1] = this.gaussValue;
      this.mt.pos = nat.mtFillGauss(this.mt.key, this.mt.pos, out, 0, n, gaussCache);
      this.hasGauss = gaussCache[0] !== 0;
      this.gaussValue = gaussCache[1];
      return;
    }
    for (let i = 0; i < n; i++) out[i] = this.gauss();
  }

  /** numpy's legacy_gauss: Marsaglia's polar method, caching the second value of each pair. */
  private gauss(): number {
    if (this.hasGauss) {
      const g = this.gaussValue;
      this.hasGauss = false;
      this.gaussValue = 0;
      return g;
    }
    let x1: number, x2: number, r2: number;
    do {
      x1 = 2 * this.mt.nextDouble() - 1;
      x2 = 2 * this.mt.nextDouble() - 1;
      r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1 || r2 === 0);
    // numpy calls glibc's log here, which is correctly rounded far more often than V8's.
    const f = Math.sqrt(-2 * gaussLog(r2) / r2);
    this.gaussValue = f * x1;
    this.hasGauss = true;
    return f * x2;
  }
}
