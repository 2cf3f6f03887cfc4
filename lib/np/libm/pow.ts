/**
 * x^y, bit for bit as glibc 2.36 computes it on x86-64 with FMA (__pow_fma), which is not
 * correctly rounded (about 0.08% of pow(x, 1.7) for x in (0, 10) are 1 ulp off). As in glibc:
 * log(|x|) to about 2^-68 relative as hi + tail (k ln2 + log(c) + log1p(r), 1/c = j/128 exact
 * so r = z/c - 1 is exact), y*log(|x|) as ehi + elo, then exp(ehi + elo) by exp.ts's
 * expInline. Special values follow C99 Annex F exactly as glibc does. The fused multiply-adds
 * GCC emitted (read off the disassembly of libm) are emulated exactly.
 *
 * Coefficients and table: glibc's __pow_log_data (originally Arm optimized-routines, MIT),
 * extracted from libm by test/fixtures/gen_libm.py, which records them so test/libm.test.ts
 * checks them.
 */
import * as dd from './double_double';
import * as expModule from './exp';
import { halves, hexDoubles } from './double_double';

// Module-local copies: esbuild's CommonJS output turns every use of an import into a getter
// call, which costs more than the arithmetic here.
const { fma, fmaK, twoProdErr, SPLITTER, HI, LO } = dd;
const { expInline } = expModule;
const F64 = new Float64Array(1), U32 = new Uint32Array(F64.buffer);

const LN2HI = 0.6931471805598903, LN2LO = 5.497923018708371e-14;
const [LN2LO_H, LN2LO_L] = halves(LN2LO);
// log1p(r) - r - r^2/2 = ar^3 (A1 + A2 r + ar^2 (A3 + A4 r + ar^2 (A5 + A6 r))), ar = -r/2
const A0 = -0.5, A1 = -0.6666666666666679, A2 = 0.5000000000000007, A3 = 0.7999999995323976;
const A4 = -0.6666666663487739, A5 = -1.142909628459501, A6 = 1.0000415263675542;
const [A2_H, A2_L] = halves(A2);
const [A4_H, A4_L] = halves(A4);
const [A6_H, A6_L] = halves(A6);

/** __pow_log_data's scalars in glibc's order (checked against libm by test/libm.test.ts). */
export const POW_COEFFS = [LN2HI, LN2LO, A0, A1, A2, A3, A4, A5, A6];

/** 128 triples (1/c, log c, log c - its double), 1/c = j/128 or j/256 with 8-bit j. */
export const POW_LOG_TABLE = hexDoubles([
  '3ff6a00000000000bfd62c82f2b9c8003cfab42428375680',
  '3ff6800000000000bfd5d1bdbf580800bd1ca508d8e0f720',
  '3ff6600000000000bfd5767717455800bd2362a4d5b6506d',
  '3ff6400000000000bfd51aad872df800bce684e49eb067d5',
  '3ff6200000000000bfd4be5f95777800bd041b6993293ee0',
  '3ff6000000000000bfd4618bc21c60003d13d82f484c84cc',
  '3ff5e00000000000bfd404308686a8003cdc42f3ed820b3a',
  '3ff5c00000000000bfd3a64c556948003d20b1c686519460',
  '3ff5a00000000000bfd347dd9a9880003d25594dd4c58092',
  '3ff5800000000000bfd2e8e2bae120003d267b1e99b72bd8',
  '3ff5600000000000bfd2895a13de88003d15ca14b6cfb03f',
  '3ff5600000000000bfd2895a13de88003d15ca14b6cfb03f',
  '3ff5400000000000bfd22941fbcf7800bd165a242853da76',
  '3ff5200000000000bfd1c898c1699800bd1fafbc68e75404',
  '3ff5000000000000bfd1675cababa8003d1f1fc63382a8f0',
  '3ff4e00000000000bfd1058bf9ae4800bd26a8c4fd055a66',
  '3ff4c00000000000bfd0a324e2739000bd0c6bee7ef4030e',
  '3ff4a00000000000bfd0402594b4d000bcf036b89ef42d7f',
  '3ff4a00000000000bfd0402594b4d000bcf036b89ef42d7f',
  '3ff4800000000000bfcfb9186d5e40003d0d572aab993c87',
  '3ff4600000000000bfcef0adcbdc60003d2b26b79c86af24',
  '3ff4400000000000bfce27076e2af000bd172f4f543fff10',
  '3ff4200000000000bfcd5c216b4fc0003d21ba91bbca681b',
  '3ff4000000000000bfcc8ff7c79aa0003d27794f689f8434',
  '3ff4000000000000bfcc8ff7c79aa0003d27794f689f8434',
  '3ff3e00000000000bfcbc286742d90003d194eb0318bb78f',
  '3ff3c00000000000bfcaf3c94e80c0003cba4e633fcd9066',
  '3ff3a00000000000bfca23bc1fe2b000bd258c64dc46c1ea',
  '3ff3a00000000000bfca23bc1fe2b000bd258c64dc46c1ea',
  '3ff3800000000000bfc9525a9cf45000bd2ad1d904c1d4e3',
  '3ff3600000000000bfc87fa06520d0003d2bbdbf7fdbfa09',
  '3ff3400000000000bfc7ab890210e0003d2bdb9072534a58',
  '3ff3400000000000bfc7ab890210e0003d2bdb9072534a58',
  '3ff3200000000000bfc6d60fe719d000bd10e46aa3b2e266',
  '3ff3000000000000bfc5ff3070a79000bd1e9e439f105039',
  '3ff3000000000000bfc5ff3070a79000bd1e9e439f105039',
  '3ff2e00000000000bfc526e5e3a1b000bd20de8b90075b8f',
  '3ff2c00000000000bfc44d2b6ccb80003d170cc16135783c',
  '3ff2c00000000000bfc44d2b6ccb80003d170cc16135783c',
  '3ff2a00000000000bfc371fc201e90003cf178864d27543a',
  '3ff2800000000000bfc29552f81ff000bd248d301771c408',
  '3ff2600000000000bfc1b72ad52f6000bd2e80a41811a396',
  '3ff2600000000000bfc1b72ad52f6000bd2e80a41811a396',
  '3ff2400000000000bfc0d77e7cd090003d0a699688e85bf4',
  '3ff2400000000000bfc0d77e7cd090003d0a699688e85bf4',
  '3ff2200000000000bfbfec9131dbe000bd2575545ca333f2',
  '3ff2000000000000bfbe27076e2b00003d2a342c2af0003c',
  '3ff2000000000000bfbe27076e2b00003d2a342c2af0003c',
  '3ff1e00000000000bfbc5e548f5bc000bd1d0c57585fbe06',
  '3ff1c00000000000bfba926d3a4ae0003d253935e85baac8',
  '3ff1c00000000000bfba926d3a4ae0003d253935e85baac8',
  '3ff1a00000000000bfb8c345d631a0003d137c294d2f5668',
  '3ff1a00000000000bfb8c345d631a0003d137c294d2f5668',
  '3ff1800000000000bfb6f0d28ae56000bd269737c93373da',
  '3ff1600000000000bfb51b073f0620003d1f025b61c65e57',
  '3ff1600000000000bfb51b073f0620003d1f025b61c65e57',
  '3ff1400000000000bfb341d7961be0003d2c5edaccf913df',
  '3ff1400000000000bfb341d7961be0003d2c5edaccf913df',
  '3ff1200000000000bfb16536eea380003d147c5e768fa309',
  '3ff1000000000000bfaf0a30c01180003d2d599e83368e91',
  '3ff1000000000000bfaf0a30c01180003d2d599e83368e91',
  '3ff0e00000000000bfab42dd711980003d1c827ae5d6704c',
  '3ff0e00000000000bfab42dd711980003d1c827ae5d6704c',
  '3ff0c00000000000bfa77458f632c000bd2cfc4634f2a1ee',
  '3ff0c00000000000bfa77458f632c000bd2cfc4634f2a1ee',
  '3ff0a00000000000bfa39e87b9fec0003cf502b7f526feaa',
  '3ff0a00000000000bfa39e87b9fec0003cf502b7f526feaa',
  '3ff0800000000000bf9f829b0e780000bd2980267c7e09e4',
  '3ff0800000000000bf9f829b0e780000bd2980267c7e09e4',
  '3ff0600000000000bf97b91b07d58000bd288d5493faa639',
  '3ff0400000000000bf8fc0a8b0fc0000bcdf1e7cf6d3a69c',
  '3ff0400000000000bf8fc0a8b0fc0000bcdf1e7cf6d3a69c',
  '3ff0200000000000bf7fe02a6b100000bd19e23f0dda40e4',
  '3ff0200000000000bf7fe02a6b100000bd19e23f0dda40e4',
  '3ff000000000000000000000000000000000000000000000',
  '3ff000000000000000000000000000000000000000000000',
  '3fefc000000000003f80101575890000bd10c76b999d2be8',
  '3fef8000000000003f90205658938000bd23dc5b06e2f7d2',
  '3fef4000000000003f98492528c90000bd2aa0ba325a0c34',
  '3fef0000000000003fa0415d89e740003d0111c05cf1d753',
  '3feec000000000003fa466aed42e0000bd2c167375bdfd28',
  '3fee8000000000003fa894aa149fc000bd197995d05a267d',
  '3fee4000000000003faccb73cdddc000bd1a68f247d82807',
  '3fee2000000000003faeea31c006c000bd0e113e4fc93b7b',
  '3fede000000000003fb1973bd1466000bd25325d560d9e9b',
  '3feda000000000003fb3bdf5a7d1e0003d2cc85ea5db4ed7',
  '3fed6000000000003fb5e95a4d97a000bd2c69063c5d1d1e',
  '3fed4000000000003fb700d30aeac0003cec1e8da99ded32',
  '3fed0000000000003fb9335e5d5940003d23115c3abd47da',
  '3fecc000000000003fbb6ac88dad6000bd1390802bf768e5',
  '3feca000000000003fbc885801bc40003d2646d1c65aacd3',
  '3fec6000000000003fbec739830a2000bd2dc068afe645e0',
  '3fec4000000000003fbfe89139dbe000bd2534d64fa10afd',
  '3fec0000000000003fc1178e8227e0003d21ef78ce2d07f2',
  '3febe000000000003fc1aa2b7e23f0003d2ca78e44389934',
  '3feba000000000003fc2d1610c8680003d039d6ccb81b4a1',
  '3feb8000000000003fc365fcb01590003cc62fa8234b7289',
  '3feb4000000000003fc4913d8333b0003d25837954fdb678',
  '3feb2000000000003fc527e5e4a1b0003d2633e8e5697dc7',
  '3feae000000000003fc6574ebe8c10003d19cf8b2c3c2e78',
  '3feac000000000003fc6f0128b757000bd25118de59c21e1',
  '3feaa000000000003fc7898d85445000bd1c661070914305',
  '3fea6000000000003fc8beafeb390000bd073d54aae92cd1',
  '3fea4000000000003fc95a5adcf700003d07f22858a0ff6f',
  '3fea0000000000003fca93ed3c8ae000bd28724350562169',
  '3fe9e000000000003fcb31d8575bd000bd0c358d4eace1aa',
  '3fe9c000000000003fcbd087383be000bd2d4bc4595412b6',
  '3fe9a000000000003fcc6ffbc6f01000bcf1ec72c5962bd2',
  '3fe96000000000003fcdb13db0d49000bd2aff2af715b035',
  '3fe94000000000003fce530effe710003cc212276041f430',
  '3fe92000000000003fcef5ade4dd0000bcca211565bb8e11',
  '3fe90000000000003fcf991c6cb3b0003d1bcbecca0cdf30',
  '3fe8c000000000003fd07138604d58003cf89cdb16ed4e91',
  '3fe8a000000000003fd0c42d676160003d27188b163ceae9',
  '3fe88000000000003fd1178e8227e800bd2c210e63a5f01c',
  '3fe86000000000003fd16b5ccbacf8003d2b9acdf7a51681',
  '3fe84000000000003fd1bf99635a68003d2ca6ed5147bdb7',
  '3fe82000000000003fd214456d0eb8003d0a87deba46baea',
  '3fe7e000000000003fd2bef07cdc90003d2a9cfa4a5004f4',
  '3fe7c000000000003fd314f1e1d36000bd28e27ad3213cb8',
  '3fe7a000000000003fd36b6776be10003d116ecdb0f177c8',
  '3fe78000000000003fd3c252773330003d183b54b606bd5c',
  '3fe76000000000003fd419b423d5e8003d08e436ec90e09d',
  '3fe74000000000003fd4718dc271c800bd2f27ce0967d675',
  '3fe72000000000003fd4c9e09e173000bd2e20891b0ad8a4',
  '3fe70000000000003fd522ae0738a0003d2ebe708164c759',
  '3fe6e000000000003fd57bf753c8d0003d1fadedee5d40ef',
  '3fe6c000000000003fd5d5bddf596000bd0a0b2a08a465dc',
].join(''));
const INVC = POW_LOG_TABLE.filter((_, j) => j % 3 === 0);
const LOGC = POW_LOG_TABLE.filter((_, j) => j % 3 === 1);
const LOGCTAIL = POW_LOG_TABLE.filter((_, j) => j % 3 === 2);

let logTail = 0;

/** log(x) = result + logTail for x > 0 given by its words (hw may carry a negative exponent). */
function logInline(hw: number, lw: number): number {
  const tmp = (hw - 0x3fe69555) | 0;
  const i = (tmp >>> 13) & 127, k = tmp >> 20;
  U32[HI] = hw - (tmp & 0xfff00000);
  U32[LO] = lw;
  const z = F64[0];
  // r = z * invc - 1 is exact; invc has 8 bits, so both halves of z times invc are exact
  const invc = INVC[i];
  const s = SPLITTER * z, zh = s - (s - z);
  const r = (zh * invc - 1) + (z - zh) * invc;
  const t1 = k * LN2HI + LOGC[i];
  const t2 = t1 + r;
  const lo1 = fmaK(k, LN2LO, LN2LO_H, LN2LO_L, LOGCTAIL[i]);
  const lo2 = (t1 - t2) + r;
  const ar = A0 * r, ar2 = r * ar, ar3 = r * ar2;
  const hi = t2 + ar2;
  const lo3 = twoProdErr(ar, r, ar2);
  const lo4 = (t2 - hi) + ar2;
  const q = fma(ar2, fma(fmaK(r, A6, A6_H, A6_L, A5), ar2, fmaK(r, A4, A4_H, A4_L, A3)), fmaK(r, A2, A2_H, A2_L, A1));
  const lo = fma(ar3, q, ((lo1 + lo2) + lo3) + lo4);
  const y = hi + lo;
  logTail = (hi - y) + lo;
  return y;
}

/** 0 if y is not an integer, 1 if odd, 2 if even (y finite and nonzero). */
function checkint(y: number): number {
  if (!Number.isInteger(y)) return 0;
  return Math.abs(y) >= 9007199254740992 || y % 2 === 0 ? 2 : 1;
}

export function pow(x: number, y: number): number {
  F64[0] = x;
  let hw = U32[HI], lw = U32[LO];
  F64[0] = y;
  const ytop = (U32[HI] >>> 20) & 0x7ff;
  let neg = false;
  // x <= 0, subnormal, inf or nan; or |y| < 2^-65, |y| >= 2^63, inf or nan
  if ((hw >>> 20) - 1 >>> 0 >= 0x7fe || ytop - 0x3be >>> 0 >= 0x80) {
    if (y === 0 || ytop === 0x7ff) {
      if (y === 0 || x === 1) return 1;
      if (x !== x || y !== y) return x + y;
      const ax = Math.abs(x);
      if (ax === 1) return 1;
      return (ax < 1) === (y > 0) ? 0 : y * y;
    }
    if (x === 0 || !(Math.abs(x) < Infinity)) {
      const x2 = hw >>> 31 && checkint(y) === 1 ? -(x * x) : x * x;
      return y < 0 ? 1 / x2 : x2;
    }
    if (x < 0) {
      const yint = checkint(y);
      if (yint === 0) return NaN;
      neg = yint === 1;
      x = -x;
      hw &= 0x7fffffff;
    }
    if (ytop - 0x3be >>> 0 >= 0x80) {
      if (x === 1) return 1;
      if (ytop < 0x3be) return x > 1 ? 1 + y : 1 - y;
      return (x > 1) === (y > 0) ? Infinity : 0;
    }
    if (x < 2.2250738585072014e-308) { // subnormal: scale by 2^52 and take 52 off the exponent
      F64[0] = x * 4503599627370496;
      hw = U32[HI] - (52 << 20);
      lw = U32[LO];
    }
  }
  const hi = logInline(hw, lw);
  const ehi = y * hi;
  const elo = fma(y, logTail, twoProdErr(y, hi, ehi));
  return expInline(ehi, elo, neg);
}
