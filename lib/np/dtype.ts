import { ValueError } from './errors';
/**
 * The three dtypes tsdl supports and numpy's promotion rules between them.
 *
 * Storage: every dtype keeps its elements in a Float64Array.
 * - float64: IEEE doubles, exactly as numpy.
 * - int64: integers stored as doubles. Exact for |x| <= 2**53 - 1 (Number.MAX_SAFE_INTEGER);
 *   an integer result outside that range throws instead of wrapping or rounding silently.
 * - bool: 0 or 1.
 */
export type DType = 'float64' | 'int64' | 'bool';

export const DTYPES: readonly DType[] = ['bool', 'int64', 'float64'];

const RANK: Record<DType, number> = { bool: 0, int64: 1, float64: 2 };

/** numpy's result_type for two array dtypes. */
export function promoteTypes(a: DType, b: DType): DType {
  return RANK[a] >= RANK[b] ? a : b;
}

/** The dtype numpy would give a Python scalar of this JS value (int for integral numbers). */
export function scalarKind(x: number | boolean): DType {
  if (typeof x === 'boolean') return 'bool';
  return Number.isInteger(x) ? 'int64' : 'float64';
}

/**
 * numpy 1.24 value-based casting: a Python scalar only raises the result dtype when it is of a
 * higher kind than the array (bool < int < float).
 */
export function promoteWithScalar(arrayDtype: DType, x: number | boolean): DType {
  const k = scalarKind(x);
  return RANK[k] > RANK[arrayDtype] ? k : arrayDtype;
}

export function isDType(x: unknown): x is DType {
  return x === 'float64' || x === 'int64' || x === 'bool';
}

/** Accepts numpy-style aliases ('float', 'int', 'bool_', 'f8', ...) and returns the canonical name. */
export function normalizeDType(x: unknown): DType {
  switch (x) {
    case 'float64': case 'float': case 'f8': case 'double': case Number:
      return 'float64';
    case 'int64': case 'int': case 'i8': case 'long':
      return 'int64';
    case 'bool': case 'bool_': case '?': case Boolean:
      return 'bool';
  }
  throw new TypeError(`data type '${String(x)}' not understood (tsdl supports float64, int64 and bool)`);
}

/** Converts a stored double to the dtype's value domain, as numpy's astype does. */
export function castValue(x: number, to: DType): number {
  if (to === 'float64') return x;
  if (to === 'bool') return x !== 0 ? 1 : 0; // NaN != 0 is true, as numpy
  if (!Number.isFinite(x)) {
    throw new RangeError(`cannot convert float ${x} to int64`);
  }
  const t = Math.trunc(x);
  checkInt(t);
  return t === 0 ? 0 : t; // no -0 in integers
}

export function checkInt(x: number): void {
  if (!(x <= Number.MAX_SAFE_INTEGER && x >= -Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(
      `int64 result ${x} is outside tsdl's exact integer range ±(2**53 - 1); cast to float64 first`,
    );
  }
}

/** numpy's can_cast rule check for astype(..., { casting }). */
export function checkCasting(from: DType, to: DType, casting: string): void {
  let ok: boolean;
  switch (casting) {
    case 'unsafe': return;
    case 'no': case 'equiv': ok = from === to; break;
    case 'safe': case 'same_kind': ok = RANK[from] <= RANK[to]; break;
    default: throw new ValueError("casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'");
  }
  if (!ok) {
    throw new TypeError(`Cannot cast array data from dtype('${from}') to dtype('${to}') according to the rule '${casting}'`);
  }
}
/** Integers have no -0: x * -1 or -x of an int 0 must stay 0. */
export function clearNegativeZero(v: Float64Array): void {
  for (let i = 0; i < v.length; i++) if (v[i] === 0) v[i] = 0;
}
