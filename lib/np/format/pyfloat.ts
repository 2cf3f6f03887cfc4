/**
 * Python's str()/repr() of numbers, which is also numpy's str of a float64/int64 scalar:
 * shortest round-trip digits, positional when the decimal exponent is in [-4, 16), else
 * 'd.ddde+XX' with at least two exponent digits.
 */
import { shortestDigits } from './dragon4';

export function pyStr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const { digits, exp } = shortestDigits(Math.abs(x));
  if (exp < -4 || exp >= 16) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const int = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  return `${sign}${int}.${digits.slice(exp + 1) || '0'}`;
}

/** Python's str(int) for an integer-valued double (no exponent form, no '-0'). */
export function pyInt(x: number): string {
  if (!Number.isInteger(x)) throw new TypeError(`pyInt: ${x} is not an integer`);
  return BigInt(x).toString();
}
