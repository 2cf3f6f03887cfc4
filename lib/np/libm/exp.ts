/**
 * e^x, bit for bit as glibc 2.36 computes it on x86-64 with FMA (__exp_fma). glibc's exp is not
 * correctly rounded (about 0.07% of inputs in [-50, 50] are 1 ulp off), so this follows its
 * algorithm and constants: x = k ln2/128 + r, exp(x) = 2^(k/128) exp(r) with 2^(j/128) from a
 * table and exp(r) - 1 a degree-5 polynomial. The fused multiply-adds GCC emitted (read off the
 * disassembly of libm) are emulated exactly, every other operation is a plain one.
 *
 * Coefficients and table: glibc's __exp_data (originally Arm optimized-routines, MIT), extracted
 * from libm by test/fixtures/gen_libm.py, which records them so test/libm.test.ts checks them.
 */
import * as dd from './double_double';
import { halves, hexDoubles, splitTable } from './double_double';

// Module-local copies: esbuild's CommonJS output turns every use of an import into a getter
// call, which costs more than the arithmetic here.
const { fma, fmaK, twoProdErr, HI } = dd;
const F64 = new Float64Array(1), U32 = new Uint32Array(F64.buffer);

const INVLN2N = 184.6649652337873, SHIFT = 6755399441055744; // 128/ln2, 1.5 * 2^52
const NEGLN2HIN = -0.005415212348111709, NEGLN2LON = -1.2864023111638346e-14; // -ln2/128
const [NHI_A, NHI_B] = halves(NEGLN2HIN); // 26 + 10 bits: k * each is exact for |k| < 2^18
const [NLO_H, NLO_L] = halves(NEGLN2LON);
const C2 = 0.49999999999996786, C3 = 0.16666666666665886, C4 = 0.0416666808410674, C5 = 0.008333335853059549;
const [C3_H, C3_L] = halves(C3);
const [C5_H, C5_L] = halves(C5);

/** __exp_data's scalars in glibc's order (checked against libm by test/libm.test.ts). */
export const EXP_COEFFS = [INVLN2N, NEGLN2HIN, NEGLN2LON, C2, C3, C4, C5, SHIFT];

/** 2^(j/128) = EXP_H[j] * (1 + EXP_TAIL[j]) to well beyond double precision. */
export const EXP_TAIL = hexDoubles([
  '00000000000000003c9b3b4f1a88bf6ebc7160139cd8dc5dbc905e7a108766d1',
  '3c8cd2523567f613bc8bce8023f98efa3c60f74e61e6c8613c90a3e45b33d399',
  '3c979aa65d837b6d3c8eb51a92fdeffc3c3ebe3d702f9cd1bc6a033489906e0b',
  'bc9556522a2fbd0ebc5080ef8c4eea55bc91c923b9d5f4163c80d3e3e95c55af',
  'bc801b15eaa59348bc8f1ff055de323d3c8b898c3f1353bfbc96d99c7611eb26',
  '3c9aecf73e3a2f60bc8fe782cb86389d3c8a6f4144a6c38d3c807a05b0e4047d',
  '3c968efde3a8a8943c875e18f274487d3c80472b981fe7f2bc96b87b3f71085e',
  '3c82f7e16d09ab31bc3d219b1a6fbffa3c8b3782720c0ab43c6e149289cecb8f',
  '3c834d754db0abb63c864201e2ac744c3c8fdd395dd3f84abc86a3803b8e5b04',
  'bc924aedcc4b5068bc9907f81b512d8ebc71d1e83e9436d2bc991919b3ce1b15',
  '3c859f48a72a4c6dbc9312607a28698abc58a78f4817895bbc7c2c9b67499a1b',
  '3c4363ed60c2ac113c9666093b0664ef3c6ecce1daa103793c93ff8e3f0f1230',
  '3c7690cebb7aafb03c931dbdeb54e077bc8f94340071a38ebc87deccdc93a349',
  'bc78dec6bd0f385fbc861246ec7b5cf63c93350518fdd78e3c7b98b72f8a9b05',
  '3c9063e1e21c54093c34c7855019c6ea3c9432e62b64c035bc8ce44a6199769f',
  'bc8c33c53bef4da8bc845378892be9aebc93cedd785658583c5710aa807e1964',
  'bc93b3efbf5e2228bc6a12ad8734b982bc6367efb86da9eebc80dc3d54e08851',
  'bc781f647e5a3ecfbc86ee4ac08b7db0bc8619321e55e68a3c909ccb5e09d4d3',
  'bc7b32dcb94da51d3c94ecfd5467c06b3c65ebe1abd66c55bc88a1c52fb3cf42',
  'bc9369b6f13b3734bc805e843a19ff1ebc94d450d872576e3c90ad675b0e8a00',
  '3c8db72fc1f0eab4bc65b6609cc5e7ff3c7bf68359f35f44bc93091fa71e3d83',
  'bc5da9b88b6c1e29bc6c23f97c90b959bc92434322f4f9aabc85ca6cd7668e4b',
  '3c71affc2b91ce273c6dd235e10a73bbbc87c504226222633c8b1c86e3e231d5',
  'bc91bbd1d3bcbb153c90cc319cee31d23c8469846e735ab3bc82dfcd978e9db4',
  '3c8c1a7792cb3387bc907b8f4ad1d9fabc55c3d956dcaebabc90a40e3da6f640',
  'bc68d6f438ad9334bc91eee26b588a353c74ffd70a5fddcdbc91bdfbfa9298ac',
  '3c736eae30af0cb33c8ee3325c9ffd943c84e08fd10959ac3c63cdaf384e1a67',
  '3c676b2c6c921968bc808a1883ccb5d2bc8fad5d3ffffa6fbc900dae3875a949',
  '3c74a385a63d07a7bc82919e2040220f3c8e5a50d5c192ac3c843a59ac016b4b',
  'bc82d52107b43e1fbc892ab93b470dc93c74b604603a88d33c83c5ec519d7271',
  'bc8ff7128fd391f0bc8dae98e223747d3c8ec3bc41aa20083c842b94c3a9eb32',
  '3c8a64a931d185eebc8e37bae43be3ed3c77893b4d91cd9d3c5305c14160cc89',
].join(''));
export const EXP_H = hexDoubles([
  '3ff00000000000003ff0163da9fb33353ff02c9a3e7780613ff04315e86e7f85',
  '3ff059b0d31585743ff0706b29ddf6de3ff0874518759bc83ff09e3ecac6f383',
  '3ff0b5586cf9890f3ff0cc922b7247f73ff0e3ec32d3d1a23ff0fb66affed31b',
  '3ff11301d0125b513ff12abdc06c31cc3ff1429aaea92de03ff15a98c8a58e51',
  '3ff172b83c7d517b3ff18af9388c8dea3ff1a35beb6fcb753ff1bbe084045cd4',
  '3ff1d4873168b9aa3ff1ed5022fcd91d3ff2063b88628cd63ff21f49917ddc96',
  '3ff2387a6e7562383ff251ce4fb2a63f3ff26b4565e27cdd3ff284dfe1f56381',
  '3ff29e9df51fdee13ff2b87fd0dad9903ff2d285a6e4030b3ff2ecafa93e2f56',
  '3ff306fe0a31b7153ff32170fc4cd8313ff33c08b26416ff3ff356c55f929ff1',
  '3ff371a7373aa9cb3ff38cae6d05d8663ff3a7db34e59ff73ff3c32dc313a8e5',
  '3ff3dea64c1234223ff3fa4504ac801c3ff4160a21f72e2a3ff431f5d950a897',
  '3ff44e086061892d3ff46a41ed1d00573ff486a2b5c13cd03ff4a32af0d7d3de',
  '3ff4bfdad5362a273ff4dcb299fddd0d3ff4f9b2769d2ca73ff516daa2cf6642',
  '3ff5342b569d4f823ff551a4ca5d920f3ff56f4736b527da3ff58d12d497c7fd',
  '3ff5ab07dd4854293ff5c9268a5946b73ff5e76f15ad21483ff605e1b976dc09',
  '3ff6247eb03a55853ff6434634ccc3203ff66238825522253ff68155d44ca973',
  '3ff6a09e667f3bcd3ff6c012750bdabf3ff6dfb23c651a2f3ff6ff7df9519484',
  '3ff71f75e8ec5f743ff73f9a48a581743ff75feb564267c93ff780694fde5d3f',
  '3ff7a11473eb01873ff7c1ed0130c1323ff7e2f336cf4e623ff80427543e1a12',
  '3ff82589994cce133ff8471a4623c7ad3ff868d99b4492ed3ff88ac7d98a6699',
  '3ff8ace5422aa0db3ff8cf3216b5448c3ff8f1ae991577363ff9145b0b91ffc6',
  '3ff93737b0cdc5e53ff95a44cbc8520f3ff97d829fde4e503ff9a0f170ca07ba',
  '3ff9c49182a3f0903ff9e86319e323233ffa0c667b5de5653ffa309bec4a2d33',
  '3ffa5503b23e255d3ffa799e1330b3583ffa9e6b5579fdbf3ffac36bbfd3f37a',
  '3ffae89f995ad3ad3ffb0e07298db6663ffb33a2b84f15fb3ffb59728de5593a',
  '3ffb7f76f2fb5e473ffba5b030a1064a3ffbcc1e904bc1d23ffbf2c25bd71e09',
  '3ffc199bdd85529c3ffc40ab5fffd07a3ffc67f12e57d14b3ffc8f6d9406e7b5',
  '3ffcb720dcef90693ffcdf0b555dc3fa3ffd072d4a07897c3ffd2f87080d89f2',
  '3ffd5818dcfba4873ffd80e316c983983ffda9e603db32853ffdd321f301b460',
  '3ffdfc97337b9b5f3ffe264614f5a1293ffe502ee78b3ff63ffe7a51fbc74c83',
  '3ffea4afa2a490da3ffecf482d8e67f13ffefa1bee615a273fff252b376bba97',
  '3fff50765b6e45403fff7bfdad9cbe143fffa7c1819e90d83fffd3c22b8f71f1',
].join(''));
const [EXP_H_H, EXP_H_L] = splitTable(EXP_H);

/** POW2[e + 1022] = 2^e for e in [-1022, 1023], built by exact doubling. */
const POW2 = new Float64Array(2046);
POW2[1022] = 1;
for (let e = 1; e <= 1023; e++) POW2[1022 + e] = POW2[1021 + e] * 2;
for (let e = 1; e <= 1022; e++) POW2[1022 - e] = POW2[1023 - e] / 2;
const TWO1009 = POW2[1022 + 1009], TWOM1022 = POW2[0];

/**
 * ±exp(x + xtail) (negative when neg) for finite x with |xtail| tiny next to |x|; pow's tail
 * of y*log(x) enters here. Shared by exp (xtail = 0) and pow, as in glibc.
 */
export function expInline(x: number, xtail: number, neg: boolean): number {
  F64[0] = x;
  const abstop = (U32[HI] >>> 20) & 0x7ff;
  let special = false;
  if (abstop - 0x3c9 >>> 0 >= 0x3f) { // |x| < 2^-54 or |x| >= 512
    if (abstop < 0x3c9) return neg ? -(1 + x) : 1 + x;
    if (abstop >= 0x409) return x < 0 ? (neg ? -0 : 0) : (neg ? -Infinity : Infinity);
    special = true;
  }
  // k = round(x * 128/ln2) from the exact product, as fma(x, INVLN2N, SHIFT) - SHIFT rounds it
  const z = x * INVLN2N;
  let kd = (z + SHIFT) - SHIFT;
  const d = z - kd;
  if (d === 0.5 || d === -0.5) {
    const ze = twoProdErr(x, INVLN2N, z);
    if (d === 0.5 ? ze > 0 : ze < 0) kd += 2 * d;
  }
  // r = x - k ln2/128: the hi product is exact below |k| = 2^17, split above
  const t = special ? (x + kd * NHI_A) + kd * NHI_B : x + kd * NEGLN2HIN;
  const r = fmaK(kd, NEGLN2LON, NLO_H, NLO_L, t) + xtail;
  const ki = kd | 0, j = ki & 127, e = ki >> 7;
  const r2 = r * r;
  const tmp = fma(r2 * r2, fmaK(r, C5, C5_H, C5_L, C4), fma(fmaK(r, C3, C3_H, C3_L, C2), r2, EXP_TAIL[j] + r));
  const h = EXP_H[j];
  if (!special) {
    const y = fmaK(tmp, h, EXP_H_H[j], EXP_H_L[j], h) * POW2[1022 + e];
    return neg ? -y : y;
  }
  if (ki >= 0) { // may overflow: scale by 2^-1009 first
    const y = fmaK(tmp, h, EXP_H_H[j], EXP_H_L[j], h) * POW2[e - 1009 + 1022];
    return (neg ? -y : y) * TWO1009;
  }
  // may underflow: round to the final precision before scaling into the subnormal range
  const scale = (neg ? -h : h) * POW2[e + 1022 + 1022];
  let y = scale + scale * tmp;
  if (Math.abs(y) < 1) {
    const one = y < 0 ? -1 : 1;
    const hi = one + y;
    y = (hi + (((one - hi) + y) + ((scale - y) + scale * tmp))) - one;
    if (y === 0) y = neg ? -0 : 0;
  }
  return y * TWOM1022;
}

export function exp(x: number): number {
  if (!(Math.abs(x) < Infinity)) return x === -Infinity ? 0 : 1 + x;
  return expInline(x, 0, false);
}
