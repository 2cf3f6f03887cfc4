/**
 * Natural log, bit for bit as glibc 2.36 computes it on x86-64 with FMA (__log_fma, which numpy
 * reaches on any AVX2 machine). glibc's log is not correctly rounded (about 0.1% of inputs in
 * (0, 1) come out 1 ulp off), so matching it means following its algorithm and constants:
 * x = 2^k z, log(x) = k ln2 + log(c) + log1p(r) with r = z/c - 1 and 1/c, log(c) from a table;
 * inputs near 1 use a longer polynomial in r = x - 1. Each fused multiply-add that GCC emitted
 * (read off the disassembly of libm) is emulated exactly, every other operation is a plain one.
 *
 * Coefficients and table: glibc's __log_data (originally Arm optimized-routines, MIT), extracted
 * from libm by test/fixtures/gen_libm.py, which records them so test/libm.test.ts checks them.
 */
import * as dd from './double_double';
import { halves, hexDoubles, splitTable } from './double_double';

// Module-local copies: esbuild's CommonJS output turns every use of an import into a getter
// call, which costs more than the arithmetic here.
const { fma, fmaK, SPLITTER, HI } = dd;
const F64 = new Float64Array(1), U32 = new Uint32Array(F64.buffer);

const LN2HI = 0.6931471805598903, LN2LO = 5.497923018708371e-14;
const [LN2LO_H, LN2LO_L] = halves(LN2LO);
// log1p(r) - r = A0 r^2 + ... + A4 r^6 for |r| < 1/256
const A0 = -0.5000000000000001, A1 = 0.33333333331825593, A2 = -0.2499999999622955;
const A3 = 0.20000304511814496, A4 = -0.16667054827627667;
// log1p(r) = r + B0 r^2 + ... + B10 r^12 for x = 1 + r in [1 - 2^-4, 1 + 0x1.09p-4)
const B0 = -0.5, B1 = 0.3333333333333352, B2 = -0.24999999999998432, B3 = 0.19999999999320328;
const B4 = -0.16666666669929706, B5 = 0.14285715076560868, B6 = -0.12499997863982555;
const B7 = 0.11110712032936046, B8 = -0.10000486757818193, B9 = 0.09181994006195467;
const B10 = -0.08328363062289341;
const [A0_H, A0_L] = halves(A0);
const [A2_H, A2_L] = halves(A2);
const [A4_H, A4_L] = halves(A4);
const [B2_H, B2_L] = halves(B2);
const [B3_H, B3_L] = halves(B3);
const [B5_H, B5_L] = halves(B5);
const [B6_H, B6_L] = halves(B6);
const [B8_H, B8_L] = halves(B8);
const [B9_H, B9_L] = halves(B9);
const [B10_H, B10_L] = halves(B10);

/** __log_data's scalars in glibc's order (checked against libm by test/libm.test.ts). */
export const LOG_COEFFS = [LN2HI, LN2LO, A0, A1, A2, A3, A4, B0, B1, B2, B3, B4, B5, B6, B7, B8, B9, B10];

/** 128 pairs (1/c, log c), c near the middle of the i-th subinterval of [0x1.6p-1, 0x1.6p0). */
export const LOG_TABLE = hexDoubles([
  '3ff734f0c3e0de9fbfd7cc7f79e690003ff713786a2ce91fbfd76feec20d0000',
  '3ff6f26008fab5a0bfd713e31351e0003ff6d1a61f138c7dbfd6b85b38287800',
  '3ff6b1490bc5b4d1bfd65d55908078003ff69147332f0cbabfd602d076180000',
  '3ff6719f18224223bfd5a8ca869090003ff6524f99a51ed9bfd54f4356035000',
  '3ff63356aa8f24c4bfd4f637c36b40003ff614b36b9ddc14bfd49da7fda85000',
  '3ff5f66452c65c4cbfd445923989a8003ff5d867b5912c4fbfd3edf439b0b800',
  '3ff5babccb5b90debfd396ce448f70003ff59d61f2d91a78bfd3401e17bda000',
  '3ff5805612465687bfd2e9e2ef4680003ff56397cee76bd3bfd2941b3830e000',
  '3ff54725e2a77f93bfd23ec58cda88003ff52aff42064583bfd1e9e129279000',
  '3ff50f22dbb2bddfbfd1956d2b48f8003ff4f38f4734ded7bfd141679ab9f800',
  '3ff4d843cfde2840bfd0edd094ef98003ff4bd3ec078a3c8bfd09aa518db1000',
  '3ff4a27fc3e0258abfd047e65263b8003ff4880524d48434bfcfeb224586f000',
  '3ff46dce1b192d0bbfcf474a7517b0003ff453d9d3391854bfcea4443d103000',
  '3ff43a2744b4845abfce020d44e9b0003ff420b54115f8fbbfcd60a22977f000',
  '3ff40782da3ef4b1bfccc001049590003ff3ee8f5d57fe8fbfcc202956891000',
  '3ff3d5d9a00b4ce9bfcb81178d8110003ff3bd60c010c12bbfcae2c9ccd3d000',
  '3ff3a5242b75dab8bfca45402e1290003ff38d22cd9fd002bfc9a877681df000',
  '3ff3755bc5847a1cbfc90c6d694830003ff35dce49ad36e2bfc87120a645c000',
  '3ff34679984dd440bfc7d68fb41430003ff32f5cceffcb24bfc73cb83c627000',
  '3ff3187775a10d49bfc6a39a9b3760003ff301c8373e3990bfc60b3154b7a000',
  '3ff2eb4ebb95f841bfc5737d762430003ff2d50a0219a9d1bfc4dc7b8fc23000',
  '3ff2bef9a8b7fd2abfc4462c51d200003ff2a91c7a0c1babbfc3b08abc830000',
  '3ff293726014b530bfc31b996b4900003ff27dfa5757a1f5bfc2875490a44000',
  '3ff268b39b1d3bbfbfc1f3b9f879a0003ff2539d838ff5bdbfc160c8252ca000',
  '3ff23eb7aac9083bbfc0ce7f57f720003ff22a012ba940b6bfc03cdc49fea000',
  '3ff2157996cc4132bfbf57bdbc4b80003ff201201dd2fc9bbfbe370896404000',
  '3ff1ecf4494d480bbfbd17983ef940003ff1d8f5528f6569bfbbf9674ed8a000',
  '3ff1c52311577e7cbfbadc79202f60003ff1b17c74cb26e9bfb9c0c3e7288000',
  '3ff19e010c2c1ab6bfb8a646b372c0003ff18ab07bb670bdbfb78d01b3ac0000',
  '3ff1778a25efbcb6bfb674f1453800003ff1648d354c31dabfb55e0e6d878000',
  '3ff151b990275fddbfb4485cdea1e0003ff13f0ea432d24cbfb333d94d6aa000',
  '3ff12c8b7210f9dabfb22079f8c560003ff11a3028ecb531bfb10e4698622000',
  '3ff107fbda8434afbfaffa6c6ad200003ff0f5ee0f4e6bb3bfadda8d4a774000',
  '3ff0e4065d2a9fcebfabbcece48500003ff0d244632ca521bfa9a1894012c000',
  '3ff0c0a77ce2981abfa788583302c0003ff0af2f83c636d1bfa5715e67d68000',
  '3ff09ddb98a01339bfa35c8a496580003ff08cabaf52e7dfbfa149e364154000',
  '3ff07b9f2f4e28fbbf9e72c082eb80003ff06ab58c358f19bf9a55f152528000',
  '3ff059eea5ecf92cbf963d62cf8180003ff04949cdd12c90bf9228fb8caa0000',
  '3ff038c6c6f0ada9bf8c317b20f900003ff02865137932a9bf8419355daa0000',
  '3ff0182427ea7348bf781203c2ec00003ff008040614b195bf60040979240000',
  '3fefe01ff726fa1a3f6feff3849000003fefa11cc261ea743f87dc41353d0000',
  '3fef6310b081992e3f93cea3c4c280003fef25f63ceeadcd3f9b9fc114890000',
  '3feee9c8039113e73fa1b0d8ce1100003feeae8078cbb1ab3fa58a5bd001c000',
  '3fee741aa29d0c9b3fa95c8340d880003fee3a91830a99b53fad276aef578000',
  '3fee01e009609a563fb07598e598c0003fedca01e577bb983fb253f5e30d2000',
  '3fed92f20b7c91033fb42edd8b3800003fed5cac66fb5cce3fb606598757c000',
  '3fed272caa5ede9d3fb7da76356a00003fecf26e3e6b2ccd3fb9ab434e1c6000',
  '3fecbe6da2a779023fbb78c7bb0d60003fec8b266d37086d3fbd431332e72000',
  '3fec5894bd5d58043fbf0a3171de60003fec26b533bb9f8c3fc067152b914000',
  '3febf583eeece73f3fc147858292b0003febc4fd75db96c13fc2266ecdca3000',
  '3feb951e0c864a283fc303d7a6c550003feb65e2c5ef3e2c3fc3dfc33c331000',
  '3feb374867c9888b3fc4ba366b7a80003feb094b211d304a3fc5933928d1f000',
  '3feadbe885f2ef7e3fc66acd2418f0003feaaf1d31603da23fc740f8ec669000',
  '3fea82e63fd358a73fc815c0f51af0003fea5740ef09738b3fc8e92954f68000',
  '3fea2c2a90ab4b273fc9bb3602f840003fea01a01393f2d13fca8bed1c2c0000',
  '3fe9d79f24db3c1b3fcb5b515c01d0003fe9ae2505c7b1903fcc2967ccbcc000',
  '3fe9852ef297ce2f3fccf635d54860003fe95cbaeea44b753fcdc1bd3446c000',
  '3fe934c69de748383fce8c01b8cfe0003fe90d4f2f6752e63fcf5509c0179000',
  '3fe8e6528effd79d3fd00e6c121fb8003fe8bfce9fcc007c3fd071b80e93d000',
  '3fe899c0dabec30e3fd0d46b9e8670003fe87427aa2317fb3fd13687334bd000',
  '3fe84f00acb39a083fd1980d672348003fe82a49e8653e553fd1f8ffe0cc8000',
  '3fe8060195f402603fd2595fd76368003fe7e22563e0a3293fd2b9300914a800',
  '3fe7beb377dcb5ad3fd31872104360003fe79baa679725c23fd377266dec1800',
  '3fe77907f21706573fd3d54ffbaf30003fe756cadbd6130c3fd432eee32fe000',
].join(''));
const INVC = LOG_TABLE.filter((_, j) => j % 2 === 0), LOGC = LOG_TABLE.filter((_, j) => j % 2 === 1);
const [INVC_H, INVC_L] = splitTable(INVC);

function logNearOne(x: number): number {
  if (x === 1) return 0;
  const r = x - 1, r2 = r * r, r3 = r * r2;
  const u1 = fmaK(r2, B3, B3_H, B3_L, fmaK(r, B2, B2_H, B2_L, B1));
  const u4 = fmaK(r2, B6, B6_H, B6_L, fmaK(r, B5, B5_H, B5_L, B4));
  const u7 = fmaK(r2, B9, B9_H, B9_L, fmaK(r, B8, B8_H, B8_L, B7));
  const poly = fma(fma(fmaK(r3, B10, B10_H, B10_L, u7), r3, u4), r3, u1);
  // r - r^2/2 = hi + lo, with rhi the top half of r so that rhi^2 is exact
  const w = r * 134217728;
  const rhi = (r + w) - w, rlo = r - rhi;
  const w2 = rhi * rhi * B0;
  const hi = r + w2;
  const lo = fma(B0 * rlo, r + rhi, (r - hi) + w2);
  return hi + fma(poly, r3, lo);
}

export function log(x: number): number {
  if (x >= 0.9375 && x < 1.064697265625) return logNearOne(x); // [1 - 2^-4, 1 + 0x1.09p-4)
  let hw: number;
  if (x >= 2.2250738585072014e-308 && x < Infinity) {
    F64[0] = x;
    hw = U32[HI];
  } else {
    if (x === 0) return -Infinity;
    if (!(x > 0)) return NaN;
    if (x === Infinity) return x;
    F64[0] = x * 4503599627370496; // subnormal: scale by 2^52 and take 52 off the exponent
    hw = U32[HI] - (52 << 20);
  }
  // z = x / 2^k in [0x1.6p-1, 0x1.6p0); i = its subinterval
  const tmp = (hw - 0x3fe60000) | 0;
  const i = (tmp >>> 13) & 127, k = tmp >> 20;
  U32[HI] = hw - (tmp & 0xfff00000);
  const z = F64[0];
  // r = fma(z, invc, -1): z*invc = p + pe exactly and p - 1 is exact
  const p = z * INVC[i];
  const t = SPLITTER * z, zh = t - (t - z), zl = z - zh;
  const r = (p - 1) + (((zh * INVC_H[i] - p) + zh * INVC_L[i] + zl * INVC_H[i]) + zl * INVC_L[i]);
  const w = k * LN2HI + LOGC[i];
  const hi = w + r;
  const lo = fmaK(k, LN2LO, LN2LO_H, LN2LO_L, (w - hi) + r);
  const r2 = r * r;
  const q = fmaK(r2, A0, A0_H, A0_L, lo);
  const poly = fma(fmaK(r, A4, A4_H, A4_L, A3), r2, fmaK(r, A2, A2_H, A2_L, A1));
  return fma(r * r2, poly, q) + hi;
}
