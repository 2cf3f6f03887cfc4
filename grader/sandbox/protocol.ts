import type { CompiledCell } from '../grade/compile';
import type { Wire } from '../grade/serialize';

export interface CaseInput { args: Wire[]; seed?: number }

/**
 * Worker → sandbox: test one function. The sandbox makes a fresh realm, runs `cells` in it (setup
 * cells and the submission's graded cells), and calls `fn` on each case. With `references`, the
 * named callees run as reference versions, evaluated in a second realm holding only `cells` of the
 * references; nothing else of the reference solutions enters the sandbox.
 */
export interface TestRequest {
  op: 'test';
  fn: string;
  cells: CompiledCell[];
  references: { names: string[]; cells: CompiledCell[] } | null;
  cases: CaseInput[];
  /** Time limit per cell and per case, ms. */
  timeoutMs: number;
  env: Record<string, string>;
}

export interface ErrorInfo { name: string; message: string; cell?: string; line?: number }

/** Sandbox → worker, in this order: one `cell` per cell, one `case` per case run, then `done`. */
export type Reply =
  | { op: 'ready'; codeCache?: 'used' | 'rejected' | 'none' }
  | { op: 'cell'; index: number; ok: boolean; error?: ErrorInfo }
  | { op: 'case'; index: number; ok: true; value: Wire }
  | { op: 'case'; index: number; ok: false; error: ErrorInfo; timeout?: boolean }
  | { op: 'reference-failed'; message: string }
  | { op: 'fatal'; message: string }
  | { op: 'done' };
