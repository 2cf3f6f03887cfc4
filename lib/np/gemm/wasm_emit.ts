/**
 * A tiny WebAssembly binary emitter: just the sections and instructions the gemm kernels use
 * (i32 arithmetic, structured control flow, calls, and the f64x2 SIMD loads, stores, mul and add).
 * The bytes come from this file alone; no toolchain is needed at build or run time.
 */

export const I32 = 0x7f;
export const F64 = 0x7c;
export const V128 = 0x7b;
export type ValType = typeof I32 | typeof F64 | typeof V128;

function uleb(out: number[], v: number): void {
  do {
    let b = v & 0x7f;
    v >>>= 7;
    if (v !== 0) b |= 0x80;
    out.push(b);
  } while (v !== 0);
}

function sleb(out: number[], v: number): void {
  v |= 0;
  for (;;) {
    const b = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0)) { out.push(b); return; }
    out.push(b | 0x80);
  }
}

function name(out: number[], s: string): void {
  // ASCII names only.
  uleb(out, s.length);
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i) & 0x7f);
}

/** The body of one function, built instruction by instruction. */
export class Code {
  readonly bytes: number[] = [];
  private raw(...b: number[]): this { for (const x of b) this.bytes.push(x); return this; }
  private simd(op: number): this { this.bytes.push(0xfd); uleb(this.bytes, op); return this; }
  private memarg(align: number, offset: number): this { uleb(this.bytes, align); uleb(this.bytes, offset); return this; }

  // control
  block(): this { return this.raw(0x02, 0x40); }
  loop(): this { return this.raw(0x03, 0x40); }
  if_(): this { return this.raw(0x04, 0x40); }
  else_(): this { return this.raw(0x05); }
  end(): this { return this.raw(0x0b); }
  br(depth: number): this { this.raw(0x0c); uleb(this.bytes, depth); return this; }
  brIf(depth: number): this { this.raw(0x0d); uleb(this.bytes, depth); return this; }
  ret(): this { return this.raw(0x0f); }
  call(fn: number): this { this.raw(0x10); uleb(this.bytes, fn); return this; }

  // locals
  get(i: number): this { this.raw(0x20); uleb(this.bytes, i); return this; }
  set(i: number): this { this.raw(0x21); uleb(this.bytes, i); return this; }
  tee(i: number): this { this.raw(0x22); uleb(this.bytes, i); return this; }

  // i32
  i32(v: number): this { this.raw(0x41); sleb(this.bytes, v); return this; }
  eqz(): this { return this.raw(0x45); }
  eq(): this { return this.raw(0x46); }
  ne(): this { return this.raw(0x47); }
  ltS(): this { return this.raw(0x48); }
  gtS(): this { return this.raw(0x4a); }
  leS(): this { return this.raw(0x4c); }
  geS(): this { return this.raw(0x4e); }
  add(): this { return this.raw(0x6a); }
  sub(): this { return this.raw(0x6b); }
  mul(): this { return this.raw(0x6c); }

  // v128 (SIMD); alignment hints are 8 bytes: rows of odd length are only 8-byte aligned.
  v128Load(offset = 0): this { return this.simd(0x00).memarg(3, offset); }
  v128Store(offset = 0): this { return this.simd(0x0b).memarg(3, offset); }
  load64Splat(offset = 0): this { return this.simd(0x0a).memarg(3, offset); }
  load64Zero(offset = 0): this { return this.simd(0x5d).memarg(3, offset); }
  load64Lane(lane: number, offset = 0): this { this.simd(0x57).memarg(3, offset); this.bytes.push(lane); return this; }
  store64Lane(lane: number, offset = 0): this { this.simd(0x5b).memarg(3, offset); this.bytes.push(lane); return this; }
  v128Zero(): this { this.simd(0x0c); for (let i = 0; i < 16; i++) this.bytes.push(0); return this; }
  f64x2Add(): this { return this.simd(0xf0); }
  f64x2Mul(): this { return this.simd(0xf2); }
}

export interface Func {
  params: ValType[];
  results: ValType[];
  locals: ValType[];
  code: Code;
  exportName?: string;
}

export interface ModuleSpec {
  /** Imported as env.memory; `shared` needs a maximum. */
  memory: { min: number; max: number; shared: boolean };
  funcs: Func[];
}

function section(out: number[], id: number, body: number[]): void {
  out.push(id);
  uleb(out, body.length);
  for (const b of body) out.push(b);
}

/** Encodes a module: one type per function, the memory import, the functions and their exports. */
export function emitModule(spec: ModuleSpec): Uint8Array {
  const out: number[] = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  const types: number[] = [];
  uleb(types, spec.funcs.length);
  for (const f of spec.funcs) {
    types.push(0x60);
    uleb(types, f.params.length); types.push(...f.params);
    uleb(types, f.results.length); types.push(...f.results);
  }
  section(out, 1, types);

  const imports: number[] = [];
  uleb(imports, 1);
  name(imports, 'env'); name(imports, 'memory');
  imports.push(0x02, spec.memory.shared ? 0x03 : 0x01);
  uleb(imports, spec.memory.min); uleb(imports, spec.memory.max);
  section(out, 2, imports);

  const fdecl: number[] = [];
  uleb(fdecl, spec.funcs.length);
  spec.funcs.forEach((_, i) => uleb(fdecl, i));
  section(out, 3, fdecl);

  const exps: number[] = [];
  const exported = spec.funcs.map((f, i) => [f, i] as const).filter(([f]) => f.exportName);
  uleb(exps, exported.length);
  for (const [f, i] of exported) { name(exps, f.exportName!); exps.push(0x00); uleb(exps, i); }
  section(out, 7, exps);

  const code: number[] = [];
  uleb(code, spec.funcs.length);
  for (const f of spec.funcs) {
    const body: number[] = [];
    // Locals in runs of equal type.
    const runs: [number, ValType][] = [];
    for (const t of f.locals) {
      if (runs.length && runs[runs.length - 1][1] === t) runs[runs.length - 1][0]++;
      else runs.push([1, t]);
    }
    uleb(body, runs.length);
    for (const [count, t] of runs) { uleb(body, count); body.push(t); }
    for (const b of f.code.bytes) body.push(b);
    body.push(0x0b);
    uleb(code, body.length);
    for (const b of body) code.push(b);
  }
  section(out, 10, code);
  return Uint8Array.from(out);
}
