import type { CompiledCell } from '../grade/executor';
import type { Wire } from '../grade/serialize';

/** Parent → child. */
export type Request =
  | { op: 'exec'; id: number; cells: CompiledCell[]; into: 'student' | 'reference' }
  | { op: 'call'; id: number; fn: string; args: Wire[]; seed?: number; references: string[] };

export interface ErrorInfo { name: string; message: string; cell?: string; line?: number }

/** Child → parent. */
export type Reply =
  | { op: 'ready' }
  | { op: 'exec'; id: number; results: ({ ok: true } | { ok: false; error: ErrorInfo })[] }
  | { op: 'call'; id: number; ok: true; value: Wire }
  | { op: 'call'; id: number; ok: false; error: ErrorInfo };
