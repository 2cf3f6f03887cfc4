/**
 * np.dot on the native BLAS addon against numpy 1.24 + OpenBLAS (test/fixtures/blas_dot.json,
 * written by test/fixtures/gen_blas_dot.py): every kind of operand pair numpy hands to a different
 * BLAS call. On the OpenBLAS build and core that wrote the fixture the bits must be numpy's; on
 * another core (other kernels) the values must agree to 1e-13 relative. The addon's own argument
 * checks and the kernels used without it are tested too.
 */
import * as fs from 'fs';
import * as path from 'path';
import { np, NDArray } from '../lib';
import { RandomState } from '../lib/np/random';
import { gemmStats, setGemmOptions } from '../lib/np/gemm';
import { nativeBlas, nativeBlasError } from '../lib/np/native';

interface Case { name: string; seed: number; shapes: number[][]; shape: number[]; f64: string }
interface NormCase { name: string; seed: number; shape: number[]; value: number }
interface Fixture { numpy: string; openblas_corename: string; openblas_config: string; cases: Case[]; norms: NormCase[] }

const fixture: Fixture = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'blas_dot.json'), 'utf8'));

/** The operand recipes of gen_blas_dot.py, by case name. */
const MAKE: Record<string, (...ops: NDArray[]) => [NDArray, NDArray]> = {
  'vec.vec ddot': (a, b) => [a, b],
  'row.col ddot': (a, b) => [a, b],
  'mat.vec gemv': (a, b) => [a, b],
  'matF.vec gemv col-major': (a, b) => [a.T, b],
  'mat.col gemv': (a, b) => [a, b],
  'vec.mat gemv trans': (a, b) => [a, b],
  'row.matF gemv trans col-major': (a, b) => [a, b.T],
  'strided vec.vec': (a, b) => [a.slice('::2'), b],
  'mat.mat gemm': (a, b) => [a, b],
  'mat.matT gemm': (a, b) => [a, b.T],
  'matT.mat gemm': (a, b) => [a.T, b],
  'sliced operand copied': (a, b) => [a.slice(':', '::2'), b],
  'negative strides copied': (a, b) => [a.slice('::-1'), b.slice(':', '::-1')],
  'col.row gemm k=1': (a, b) => [a, b],
  'X.XT dsyrk': (x) => [x, x.T],
  'XT.X dsyrk': (x) => [x.T, x],
  'scalar (1,1).(1,9)': (a, b) => [a, b],
  'scalar (7,1).(1,1)': (a, b) => [a, b],
  'scalar (1,).(1,5)': (a, b) => [a, b],
  'scalar (1,1).(1,)': (a, b) => [a, b],
  'N-D.vec': (a, b) => [a, b],
  'N-D.mat': (a, b) => [a, b],
  'mat.N-D': (a, b) => [a, b],
  'int.float': (b) => [np.arange(12).reshape(3, 4), b],
  'signed zeros': () => [np.zeros([3, 4]), np.negative(np.ones([4, 2]))],
  'threaded gemm': (a, b) => [a, b],
  'threaded gemm, transposed B': (a, b) => [a, b.T],
};

function operands(c: Case): [NDArray, NDArray] {
  const rs = new RandomState(c.seed);
  const ops = c.shapes.map((s) => np.subtract(rs.rand(...s) as NDArray, 0.5));
  const make = MAKE[c.name];
  if (!make) throw new Error(`no recipe for fixture case ${c.name}`);
  return make(...ops);
}

function expected(c: Case): Float64Array {
  const buf = Buffer.from(c.f64, 'base64');
  return new Float64Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
}

function bitsEqual(x: number, y: number): boolean { return Object.is(x, y); }

const blas = nativeBlas();
const sameBuild = blas !== null && blas.info().corename === fixture.openblas_corename && blas.info().config === fixture.openblas_config;

afterEach(() => setGemmOptions({ native: true, threads: 2, adaptive: true, threadMinFlops: 1 << 22 }));

test('the fixture lists every recipe and nothing else', () => {
  expect(fixture.cases.map((c) => c.name).sort()).toEqual(Object.keys(MAKE).sort());
});

// CI builds the addon (.ci/run installs gcc and libopenblas-dev); say so plainly if it did not.
test('the native addon is built and loads here', () => {
  expect(nativeBlasError()).toBeNull();
  expect(blas).not.toBeNull();
  expect(blas!.info().library).toBe('OpenBLAS');
});

describe.each(fixture.cases.map((c) => [c.name, c] as const))('np.dot, %s', (_name, c) => {
  test(sameBuild ? "numpy's bits (same OpenBLAS build and core)" : 'numpy to 1e-13 relative (another OpenBLAS core)', () => {
    if (!blas) throw new Error(`native addon unavailable: ${nativeBlasError()}`);
    const [a, b] = operands(c);
    const before = gemmStats().native;
    const r = np.dot(a, b);
    expect(gemmStats().native).toBe(before + 1);
    expect([...r.shape]).toEqual(c.shape);
    const got = r.values(), want = expected(c);
    expect(got.length).toBe(want.length);
    for (let i = 0; i < want.length; i++) {
      if (sameBuild) {
        if (!bitsEqual(got[i], want[i])) throw new Error(`${c.name}[${i}]: ${got[i]} vs numpy ${want[i]}`);
      } else if (Math.abs(got[i] - want[i]) > 1e-13 * Math.max(1, Math.abs(want[i]))) {
        throw new Error(`${c.name}[${i}]: ${got[i]} vs numpy ${want[i]}`);
      }
    }
  });

  test('the kernels used without the addon agree to 1e-12 relative', () => {
    setGemmOptions({ native: false });
    const [a, b] = operands(c);
    const r = np.dot(a, b).values(), want = expected(c);
    for (let i = 0; i < want.length; i++) {
      if (Math.abs(r[i] - want[i]) > 1e-12 * Math.max(1, Math.abs(want[i]))) throw new Error(`${c.name}[${i}]: ${r[i]} vs ${want[i]}`);
    }
  });
});

// The adaptive choice of OpenBLAS threads per product (gemm.ts withBlasThreads) relies on this.
test.each(fixture.cases.filter((c) => c.name.startsWith('threaded')).map((c) => [c.name, c] as const))(
  '%s: the same bits on one OpenBLAS thread and on two', (_name, c) => {
    if (!blas) throw new Error(`native addon unavailable: ${nativeBlasError()}`);
    const [a, b] = operands(c);
    setGemmOptions({ threads: 1, threadMinFlops: 0 });
    const one = np.dot(a, b).values();
    setGemmOptions({ threads: 2, adaptive: false, threadMinFlops: 0 });
    const two = np.dot(a, b).values();
    expect(blas.info().threads).toBe(2);
    expect(Buffer.from(two.buffer, two.byteOffset, two.byteLength).equals(Buffer.from(one.buffer, one.byteOffset, one.byteLength))).toBe(true);
    if (sameBuild) expect(Buffer.from(one.buffer, one.byteOffset, one.byteLength).equals(Buffer.from(c.f64, 'base64'))).toBe(true);
  });

const NORM_MAKE: Record<string, (x: NDArray) => NDArray> = {
  'column (47,1)': (x) => x,
  'matrix (7,300)': (x) => x,
  'F-ordered (300,7).T': (x) => x.T,
  'strided [:, ::2]': (x) => x.slice(':', '::2'),
};

test.each(fixture.norms.map((c) => [c.name, c] as const))('np.linalg.norm of %s is numpy\'s (a BLAS ddot)', (_name, c) => {
  const x = NORM_MAKE[c.name](np.subtract(new RandomState(c.seed).rand(...c.shape) as NDArray, 0.5));
  const r = np.linalg.norm(x) as number;
  if (sameBuild) expect(Object.is(r, c.value)).toBe(true);
  else expect(Math.abs(r - c.value)).toBeLessThanOrEqual(1e-14 * c.value);
});

// blas_dot.ts hands dgemm and dsyrk uninitialized result buffers.
test('dgemm and dsyrk with beta = 0 overwrite every element of C without reading it (NaN garbage)', () => {
  if (!blas) throw new Error(`native addon unavailable: ${nativeBlasError()}`);
  const A = new Float64Array(300 * 40).map((_, i) => Math.sin(i)), B = new Float64Array(40 * 200).map((_, i) => Math.cos(i));
  for (const [m, n, k] of [[300, 200, 40], [3, 2, 4], [1, 200, 40]]) {
    const C = new Float64Array(m * n).fill(NaN);
    blas.dgemm(101, 111, 111, m, n, k, A, 0, k, B, 0, n, C, 0, n);
    expect(C.every((v) => Number.isFinite(v))).toBe(true);
  }
  const S = new Float64Array(300 * 300).fill(NaN);
  blas.dsyrk(101, 121, 111, 300, 40, A, 0, 40, S, 0, 300);
  for (let i = 0; i < 300; i++) for (let j = i; j < 300; j++) if (!Number.isFinite(S[i * 300 + j])) throw new Error(`S[${i},${j}]`);
});

describe('the addon refuses what would read or write outside an array', () => {
  const b = () => { if (!blas) throw new Error(`native addon unavailable: ${nativeBlasError()}`); return blas; };
  const x = new Float64Array(6);
  test('ddot past the end', () => {
    expect(() => b().ddot(4, x, 0, 2, x, 0, 1)).toThrow(/outside its array/);
    expect(b().ddot(3, x, 0, 2, x, 0, 1)).toBe(0);
  });
  test('dgemm with a C too small', () => {
    expect(() => b().dgemm(101, 111, 111, 2, 3, 1, x, 0, 1, x, 0, 3, new Float64Array(5), 0, 3)).toThrow(/C addresses elements outside/);
  });
  test('a leading dimension shorter than a row', () => {
    expect(() => b().dgemm(101, 111, 111, 2, 3, 2, x, 0, 1, x, 0, 3, x, 0, 3)).toThrow(/A addresses elements outside/);
  });
  test('dgemv with y too short, dsyrk past the end', () => {
    expect(() => b().dgemv(101, 111, 3, 2, x, 0, 2, x, 0, 1, new Float64Array(2), 0)).toThrow(/y addresses/);
    expect(() => b().dsyrk(101, 121, 111, 3, 2, x, 1, 2, new Float64Array(9), 0, 3)).toThrow(/A addresses/);
  });
  test('wrong argument types and counts', () => {
    expect(() => b().ddot(3, [1, 2, 3] as unknown as Float64Array, 0, 1, x, 0, 1)).toThrow(/must be a Float64Array/);
    expect(() => b().ddot(3.5, x, 0, 1, x, 0, 1)).toThrow(/n must be an integer/);
    expect(() => b().ddot(-1, x, 0, 1, x, 0, 1)).toThrow(/n must be an integer/);
    expect(() => (b().ddot as unknown as (n: number) => number)(3)).toThrow(/takes 7 arguments/);
  });
});
