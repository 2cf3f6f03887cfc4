import { format_float_positional } from './dragon4';

/**
 * Python's '%f' / '{:.Nf}' formatting of a float: exactly N decimals, correctly rounded (ties to
 * even, as CPython). Used where the course prints e.g. "Cost after epoch 0: 0.702405".
 */
export function pyFixed(x: number, decimals = 6): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const s = format_float_positional(x, { precision: decimals, unique: false, fractional: true, trim: 'k' });
  return decimals === 0 ? s.replace(/\.$/, '') : s;
}
