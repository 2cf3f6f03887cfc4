/**
 * The wasm gemm kernels, generated with wasm_emit.ts. Two orientations, both bit-identical to the
 * scalar loops (each lane of an f64x2 accumulator is one C[i,j], summed over p in order from +0,
 * f64x2.mul then f64x2.add, never fused, never split over p):
 *
 *  - rows ("R"): B's rows are contiguous; vectors run along j. C[i, j:j+2] += splat(A[i,p]) * B[p, j:j+2].
 *    Micro-tile MR_R rows × NR_R columns. A[i,p] is read at a + i*ars + p*acs (any strides).
 *    An odd last column uses a half vector (load64_zero / store64_lane), so nothing past n is touched.
 *    `first` = 1 starts the accumulators at +0 instead of loading C (the first panel of k).
 *  - columns ("C"): B's columns are contiguous (B = Xᵀ); vectors run along i over A packed p-major:
 *    C[i:i+2, j] += Apack[p, i:i+2] * splat(B[p, j]). Micro-tile MR_C rows × NR_C columns, full k.
 *
 * Exports: macroR(a, ars, acs, b, brs, c, ldc, m, n, kc, first) and
 *          macroC(a, aps, b, bcs, c, ldc, m, n, kc)      (all addresses and strides in bytes).
 */
import { Code, Func, I32, V128, ValType, emitModule } from './wasm_emit';

export const MR_R = 4, NR_R = 4;
export const MR_C = 8, NR_C = 2;

class Locals {
  readonly types: ValType[] = [];
  constructor(private readonly nParams: number) {}
  add(t: ValType): number { this.types.push(t); return this.nParams + this.types.length - 1; }
}

/**
 * Runs `step` kc times (kc ≥ 1; the local is clobbered), in p order. (Unrolling by two was
 * measured slower with V8's register allocation, so the loop stays simple.)
 */
function loopKc(x: Code, kc: number, step: () => void): void {
  x.block().loop();
  step();
  x.get(kc).i32(1).sub().tee(kc).brIf(0);
  x.end().end();
}

/** C[0:mr, 0:nr] (+)= A[0:mr, 0:kc]·B[0:kc, 0:nr], vectors along j. */
function microR(mr: number, nr: number): Func {
  const [a, ars, acs, b, brs, c, ldc, kc, first] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const L = new Locals(9);
  const nv = Math.ceil(nr / 2), half = nr % 2 === 1;
  const acc = Array.from({ length: mr }, () => Array.from({ length: nv }, () => L.add(V128)));
  const ar = Array.from({ length: mr }, (_, r) => (r === 0 ? a : L.add(I32)));
  const bv = Array.from({ length: nv }, () => L.add(V128));
  const av = L.add(V128);
  const crow = L.add(I32);
  const x = new Code();
  const isHalf = (v: number): boolean => half && v === nv - 1;

  // Accumulators: +0, or the C values of earlier panels.
  x.get(first).if_();
  for (let r = 0; r < mr; r++) for (let v = 0; v < nv; v++) x.v128Zero().set(acc[r][v]);
  x.else_();
  x.get(c).set(crow);
  for (let r = 0; r < mr; r++) {
    for (let v = 0; v < nv; v++) {
      x.get(crow);
      if (isHalf(v)) x.load64Zero(16 * v); else x.v128Load(16 * v);
      x.set(acc[r][v]);
    }
    if (r < mr - 1) x.get(crow).get(ldc).add().set(crow);
  }
  x.end();
  for (let r = 1; r < mr; r++) x.get(ar[r - 1]).get(ars).add().set(ar[r]);

  const step = (): void => {
    for (let v = 0; v < nv; v++) {
      x.get(b);
      if (isHalf(v)) x.load64Zero(16 * v); else x.v128Load(16 * v);
      x.set(bv[v]);
    }
    for (let r = 0; r < mr; r++) {
      x.get(ar[r]).load64Splat().set(av);
      for (let v = 0; v < nv; v++) {
        x.get(acc[r][v]).get(av).get(bv[v]).f64x2Mul().f64x2Add().set(acc[r][v]);
      }
      x.get(ar[r]).get(acs).add().set(ar[r]);
    }
    x.get(b).get(brs).add().set(b);
  };
  loopKc(x, kc, step);

  x.get(c).set(crow);
  for (let r = 0; r < mr; r++) {
    for (let v = 0; v < nv; v++) {
      x.get(crow).get(acc[r][v]);
      if (isHalf(v)) x.store64Lane(0, 16 * v); else x.v128Store(16 * v);
    }
    if (r < mr - 1) x.get(crow).get(ldc).add().set(crow);
  }
  return { params: Array(9).fill(I32), results: [], locals: L.types, code: x };
}

/** C[0:mr, 0:nr] = Apack[0:kc, 0:mr]ᵀ·B[0:kc, 0:nr], vectors along i, columns of B contiguous. */
function microC(mr: number, nr: number): Func {
  const [a, aps, b, bcs, c, ldc, kc] = [0, 1, 2, 3, 4, 5, 6];
  const L = new Locals(7);
  const nv = Math.ceil(mr / 2), half = mr % 2 === 1;
  const acc = Array.from({ length: nv }, () => Array.from({ length: nr }, () => L.add(V128)));
  const bc = Array.from({ length: nr }, (_, q) => (q === 0 ? b : L.add(I32)));
  const av = Array.from({ length: nv }, () => L.add(V128));
  const bs = L.add(V128);
  const crow = L.add(I32);
  const x = new Code();
  for (let v = 0; v < nv; v++) for (let q = 0; q < nr; q++) x.v128Zero().set(acc[v][q]);
  for (let q = 1; q < nr; q++) x.get(bc[q - 1]).get(bcs).add().set(bc[q]);

  const step = (): void => {
    for (let v = 0; v < nv; v++) x.get(a).v128Load(16 * v).set(av[v]);
    for (let q = 0; q < nr; q++) {
      x.get(bc[q]).load64Splat().set(bs);
      for (let v = 0; v < nv; v++) x.get(acc[v][q]).get(av[v]).get(bs).f64x2Mul().f64x2Add().set(acc[v][q]);
      x.get(bc[q]).i32(8).add().set(bc[q]);
    }
    x.get(a).get(aps).add().set(a);
  };
  loopKc(x, kc, step);

  x.get(c).set(crow);
  for (let r = 0; r < mr; r++) {
    const v = r >> 1, lane = r & 1;
    for (let q = 0; q < nr; q++) x.get(crow).get(acc[v][q]).store64Lane(lane, 8 * q);
    if (r < mr - 1) x.get(crow).get(ldc).add().set(crow);
  }
  void half;
  return { params: Array(7).fill(I32), results: [], locals: L.types, code: x };
}

/**
 * Emits `if (sel == k) call fn(k)` for k = from..1 (largest first), with the arguments pushed
 * by `args` in each branch.
 */
function dispatch(x: Code, sel: number, cases: [number, number][], args: () => void): void {
  cases.forEach(([k, fn]) => {
    x.get(sel).i32(k).eq().if_();
    args();
    x.call(fn);
    x.else_();
  });
  x.ret(); // unreachable in practice: every size has a case
  cases.forEach(() => x.end());
}

function macroR(microIndex: (mr: number, nr: number) => number): Func {
  const [a, ars, acs, b, brs, c, ldc, m, n, kc, first] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const L = new Locals(11);
  const i = L.add(I32), j = L.add(I32), mr = L.add(I32), nr = L.add(I32), pa = L.add(I32), pc = L.add(I32);
  const x = new Code();
  x.get(kc).i32(1).ltS().if_().ret().end();
  x.i32(0).set(i);
  x.block().loop();
  x.get(i).get(m).geS().brIf(1);
  x.get(m).get(i).sub().set(mr);
  x.get(mr).i32(MR_R).gtS().if_().i32(MR_R).set(mr).end();
  x.get(a).get(i).get(ars).mul().add().set(pa);
  x.i32(0).set(j);
  x.block().loop();
  x.get(j).get(n).geS().brIf(1);
  x.get(n).get(j).sub().set(nr);
  x.get(nr).i32(NR_R).gtS().if_().i32(NR_R).set(nr).end();
  x.get(c).get(i).get(ldc).mul().add().get(j).i32(8).mul().add().set(pc);
  const args = (): void => {
    x.get(pa).get(ars).get(acs).get(b).get(j).i32(8).mul().add().get(brs).get(pc).get(ldc).get(kc).get(first);
  };
  const mrCases: [number, number][] = [];
  for (let r = MR_R; r >= 1; r--) mrCases.push([r, r]);
  // Nested dispatch on (mr, nr): outer on mr, inner on nr.
  mrCases.forEach(([r]) => {
    x.get(mr).i32(r).eq().if_();
    dispatch(x, nr, Array.from({ length: NR_R }, (_, q) => [NR_R - q, microIndex(r, NR_R - q)] as [number, number]), args);
    x.else_();
  });
  x.ret();
  mrCases.forEach(() => x.end());
  x.get(j).i32(NR_R).add().set(j);
  x.br(0);
  x.end().end();
  x.get(i).i32(MR_R).add().set(i);
  x.br(0);
  x.end().end();
  return { params: Array(11).fill(I32), results: [], locals: L.types, code: x, exportName: 'macroR' };
}

function macroC(microIndex: (mr: number, nr: number) => number): Func {
  const [a, aps, b, bcs, c, ldc, m, n, kc] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const L = new Locals(9);
  const i = L.add(I32), j = L.add(I32), mr = L.add(I32), nr = L.add(I32), pb = L.add(I32), pc = L.add(I32);
  const x = new Code();
  x.get(kc).i32(1).ltS().if_().ret().end();
  x.i32(0).set(j);
  x.block().loop();
  x.get(j).get(n).geS().brIf(1);
  x.get(n).get(j).sub().set(nr);
  x.get(nr).i32(NR_C).gtS().if_().i32(NR_C).set(nr).end();
  x.get(b).get(j).get(bcs).mul().add().set(pb);
  x.i32(0).set(i);
  x.block().loop();
  x.get(i).get(m).geS().brIf(1);
  x.get(m).get(i).sub().set(mr);
  x.get(mr).i32(MR_C).gtS().if_().i32(MR_C).set(mr).end();
  x.get(c).get(i).get(ldc).mul().add().get(j).i32(8).mul().add().set(pc);
  const args = (): void => {
    x.get(a).get(i).i32(8).mul().add().get(aps).get(pb).get(bcs).get(pc).get(ldc).get(kc);
  };
  for (let q = NR_C; q >= 1; q--) {
    x.get(nr).i32(q).eq().if_();
    dispatch(x, mr, Array.from({ length: MR_C }, (_, r) => [MR_C - r, microIndex(MR_C - r, q)] as [number, number]), args);
    x.else_();
  }
  x.ret();
  for (let q = NR_C; q >= 1; q--) x.end();
  x.get(i).i32(MR_C).add().set(i);
  x.br(0);
  x.end().end();
  x.get(j).i32(NR_C).add().set(j);
  x.br(0);
  x.end().end();
  return { params: Array(9).fill(I32), results: [], locals: L.types, code: x, exportName: 'macroC' };
}

/** 64 KiB wasm pages. */
export const PAGE = 65536;

/** The module's bytes for a memory of at most maxPages pages (shared or not). */
export function kernelBytes(shared: boolean, maxPages: number): Uint8Array {
  const funcs: Func[] = [];
  const rIndex = new Map<string, number>(), cIndex = new Map<string, number>();
  for (let r = 1; r <= MR_R; r++) for (let q = 1; q <= NR_R; q++) { rIndex.set(`${r},${q}`, funcs.length); funcs.push(microR(r, q)); }
  for (let r = 1; r <= MR_C; r++) for (let q = 1; q <= NR_C; q++) { cIndex.set(`${r},${q}`, funcs.length); funcs.push(microC(r, q)); }
  funcs.push(macroR((r, q) => rIndex.get(`${r},${q}`)!));
  funcs.push(macroC((r, q) => cIndex.get(`${r},${q}`)!));
  return emitModule({ memory: { min: 1, max: maxPages, shared }, funcs });
}

export interface KernelExports {
  macroR(a: number, ars: number, acs: number, b: number, brs: number, c: number, ldc: number, m: number, n: number, kc: number, first: number): void;
  macroC(a: number, aps: number, b: number, bcs: number, c: number, ldc: number, m: number, n: number, kc: number): void;
}
