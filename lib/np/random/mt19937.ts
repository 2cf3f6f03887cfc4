/**
 * The MT19937 Mersenne Twister as numpy's legacy RandomState drives it: seeded by
 * init_genrand, tempered 32-bit outputs, and 53-bit doubles built from two outputs.
 */
import { activeNative } from '../native';

export const MT_N = 624;
const MT_M = 397;
// The key is kept as an Int32Array with int32 constants: V8 loads uint32 words above 2**31 as
// doubles, which made the twist twice as slow. Every operation below only looks at the 32 bits.
const MATRIX_A = 0x9908b0df | 0;
const UPPER_MASK = 0x80000000 | 0;
const LOWER_MASK = 0x7fffffff;

const TWO_POW_MINUS_53 = 1 / 9007199254740992; // exact: dividing by 2**53 gives the same bits

/**
 * From this many doubles on, fillDoubles calls the addon's mtFillDoubles: the N-API call costs about
 * 0.3 µs, what the TypeScript loop takes for 16-20 doubles (bench/random.ts, crossover table).
 */
export const NATIVE_FILL_MIN = 24;

const TEMPER_B = 0x9d2c5680 | 0;
const TEMPER_C = 0xefc60000 | 0;

/** MT19937's tempering of one state word (int32 in, int32 out; read the result with >>> 0). */
function temper(y: number): number {
  y ^= y >>> 11;
  y ^= (y << 7) & TEMPER_B;
  y ^= (y << 15) & TEMPER_C;
  return y ^ (y >>> 18);
}

/** Regenerates all 624 words of the state (the "twist"). */
function twist(key: Int32Array): void {
  let i = 0;
  for (; i < MT_N - MT_M; i++) {
    const y = (key[i] & UPPER_MASK) | (key[i + 1] & LOWER_MASK);
    key[i] = key[i + MT_M] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
  }
  for (; i < MT_N - 1; i++) {
    const y = (key[i] & UPPER_MASK) | (key[i + 1] & LOWER_MASK);
    key[i] = key[i + (MT_M - MT_N)] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
  }
  const y = (key[MT_N - 1] & UPPER_MASK) | (key[0] & LOWER_MASK);
  key[MT_N - 1] = key[MT_M - 1] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
}

export class MT19937 {
  readonly key = new Int32Array(MT_N);
  pos = MT_N;

  constructor(seed = 5489) { this.initGenrand(seed); }

  /** Knuth's linear-congruential fill (init_genrand); numpy's seed(s) for an integer s. */
  initGenrand(seed: number): void {
    const key = this.key;
    key[0] = seed >>> 0;
    for (let i = 1; i < MT_N; i++) {
      const prev = key[i - 1] ^ (key[i - 1] >>> 30);
      // 1812433253 * prev would lose bits as a double; Math.imul keeps the low 32.
      key[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
    this.pos = MT_N;
  }

  /** Matsumoto and Nishimura's init_by_array; numpy's seed(s) for a sequence s of uint32. */
  initByArray(initKey: ArrayLike<number>): void {
    const key = this.key;
    const len = initKey.length;
    this.initGenrand(19650218);
    let i = 1, j = 0;
    for (let k = Math.max(MT_N, len); k > 0; k--) {
      const prev = key[i - 1] ^ (key[i - 1] >>> 30);
      key[i] = ((key[i] ^ Math.imul(prev, 1664525)) + (initKey[j] >>> 0) + j) >>> 0;
      i++; j++;
      if (i >= MT_N) { key[0] = key[MT_N - 1]; i = 1; }
      if (j >= len) j = 0;
    }
    for (let k = MT_N - 1; k > 0; k--) {
      const prev = key[i - 1] ^ (key[i - 1] >>> 30);
      key[i] = ((key[i] ^ Math.imul(prev, 1566083941)) - i) >>> 0;
      i++;
      if (i >= MT_N) { key[0] = key[MT_N - 1]; i = 1; }
    }
    key[0] = 0x80000000;
    this.pos = MT_N;
  }

  /** Regenerates all 624 words (the "twist"). */
  private twist(): void {
    twist(this.key);
    this.pos = 0;
  }

  /** The next tempered 32-bit output, as an unsigned integer in [0, 2**32). */
  nextUint32(): number {
    if (this.pos >= MT_N) this.twist();
    let y = this.key[this.pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** out[start .. start+n) = n successive nextDouble() values, without a call per value. */
  fillDoubles(out: Float64Array, start: number, n: number): void {
    if (n >= NATIVE_FILL_MIN) {
      const nat = activeNative();
      if (nat?.mtFillDoubles) { this.pos = nat.mtFillDoubles(this.key, this.pos, out, start, n); return; }
    }
    const key = this.key;
    let pos = this.pos, i = start;
    const end = start + n;
    while (i < end) {
      if (pos >= MT_N) { twist(key); pos = 0; }
      // The pairs that fit in the current state block, without the end-of-block test per word; then
      // the one pair that straddles a twist, if any.
      const stop = Math.min(end, i + ((MT_N - pos) >> 1));
      for (; i < stop; i++, pos += 2) {
        let a = key[pos], b = key[pos + 1];
        a ^= a >>> 11; b ^= b >>> 11;
        a ^= (a << 7) & TEMPER_B; b ^= (b << 7) & TEMPER_B;
        a ^= (a << 15) & TEMPER_C; b ^= (b << 15) & TEMPER_C;
        a ^= a >>> 18; b ^= b >>> 18;
        out[i] = ((a >>> 5) * 67108864 + (b >>> 6)) * TWO_POW_MINUS_53;
      }
      if (i < end && pos === MT_N - 1) {
        const a = temper(key[pos]);
        twist(key); pos = 0;
        const b = temper(key[pos++]);
        out[i++] = ((a >>> 5) * 67108864 + (b >>> 6)) * TWO_POW_MINUS_53;
      }
    }
    this.pos = pos;
  }

  /** A double in [0, 1) with 53 random bits: (a >> 5) * 2**26 + (b >> 6), over 2**53. */
  nextDouble(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }
}
