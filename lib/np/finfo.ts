// numpy's finfo for float64, the one floating type tsdl has.
import { normalizeDType } from './dtype';
import { ValueError } from './errors';

export interface FInfo {
  readonly bits: number; readonly eps: number; readonly epsneg: number; readonly max: number; readonly min: number;
  readonly tiny: number; readonly smallest_normal: number; readonly smallest_subnormal: number;
  readonly resolution: number; readonly precision: number; readonly maxexp: number; readonly minexp: number;
  readonly nmant: number; readonly nexp: number; readonly dtype: 'float64';
}

const FLOAT64: FInfo = Object.freeze({
  bits: 64, eps: 2 ** -52, epsneg: 2 ** -53, max: Number.MAX_VALUE, min: -Number.MAX_VALUE,
  tiny: 2 ** -1022, smallest_normal: 2 ** -1022, smallest_subnormal: 5e-324,
  resolution: 1e-15, precision: 15, maxexp: 1024, minexp: -1022, nmant: 52, nexp: 11, dtype: 'float64' as const,
});

export function finfo(dtype: unknown = 'float64'): FInfo {
  const t = typeof dtype === 'number' ? (Number.isInteger(dtype) ? 'int64' : 'float64') : normalizeDType(dtype);
  if (t !== 'float64') throw new ValueError(`data type <class 'numpy.${t === 'bool' ? 'bool_' : t}'> not inexact`);
  return FLOAT64;
}
