/**
 * numpy's Dragon4 float formatting: format_float_positional and format_float_scientific.
 *
 * Digits come from two exact sources instead of a bignum digit loop:
 * - JS's shortest round-trip digits (Number.prototype.toExponential() with no argument), which are
 *   what Dragon4's "unique" mode generates;
 * - the binary value rounded at a decimal place, half to even as numpy does (toFixed rounds the
 *   exact value but sends ties up, so ties are detected from the binary exponent and corrected;
 *   outside toFixed's range the exact decimal expansion is built with BigInt).
 */
import { ValueError } from '../errors';

export type TrimMode = 'k' | '.' | '0' | '-';

export interface FloatFormatOptions {
  precision?: number | null;
  unique?: boolean;
  /** positional only: precision counts digits after the point (true) or significant digits */
  fractional?: boolean;
  trim?: TrimMode;
  sign?: boolean;
  pad_left?: number | null;
  /** positional only */
  pad_right?: number | null;
  /** scientific only */
  exp_digits?: number | null;
  min_digits?: number | null;
}

/** Decimal digits with the first one at place 10**exp. */
export interface Digits { digits: string; exp: number }

/** Resolved settings, -1 meaning "not given", as numpy's C layer receives them. */
export interface Dragon4Settings {
  precision: number;
  minDigits: number;
  unique: boolean;
  fractional: boolean;
  trim: TrimMode;
  sign: boolean;
  padLeft: number;
  padRight: number;
  expDigits: number;
}

/** Shortest digits that round-trip, for finite x > 0. */
export function shortestDigits(x: number): Digits {
  const s = x.toExponential();
  const e = s.indexOf('e');
  return { digits: s.slice(0, e).replace('.', ''), exp: Number(s.slice(e + 1)) };
}

const scratch = new DataView(new ArrayBuffer(8));

/** x = m * 2**e with m odd, for finite x > 0. */
function decompose(x: number): { m: number; e: number } {
  scratch.setFloat64(0, x);
  const hi = scratch.getUint32(0);
  const lo = scratch.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let m = (hi & 0xfffff) * 4294967296 + lo;
  let e: number;
  if (biased === 0) {
    e = -1074;
  } else {
    m += 4503599627370496; // implicit leading bit, 2**52
    e = biased - 1075;
  }
  while (m % 2 === 0) {
    m /= 2;
    e++;
  }
  return { m, e };
}

/** The complete decimal expansion of finite x > 0, without trailing zeros. */
function exactDigits(x: number): Digits {
  const { m, e } = decompose(x);
  let s: string;
  let exp: number;
  if (e >= 0) {
    s = (BigInt(m) << BigInt(e)).toString();
    exp = s.length - 1;
  } else {
    s = (BigInt(m) * 5n ** BigInt(-e)).toString();
    exp = s.length - 1 + e;
  }
  return { digits: s.replace(/0+$/, ''), exp };
}

/** floor(log10(x)) of the exact value, for finite x > 0. */
function exactExponent(x: number): number {
  const s = shortestDigits(x);
  // only a shortest "1eK" can sit above the exact value (e.g. 1e23 is 9.99...e22)
  return s.digits === '1' ? exactDigits(x).exp : s.exp;
}

/** Add one unit in the last place; a carry out of every digit gives '1' one place higher. */
function incremented(d: Digits): Digits {
  const kept = d.digits.replace(/9+$/, '');
  if (kept === '') return { digits: '1', exp: d.exp + 1 };
  const last = kept.charCodeAt(kept.length - 1) + 1;
  return { digits: kept.slice(0, -1) + String.fromCharCode(last), exp: d.exp };
}

/** roundAt through the exact BigInt expansion (any place, any magnitude). */
export function roundExact(x: number, place: number, pad = true): Digits {
  const { digits, exp } = exactDigits(x);
  if (exp < place) {
    // nothing at or above `place`: the digit there is 0, rounded up only past one half
    const up = exp === place - 1 && (digits[0] > '5' || (digits[0] === '5' && digits.length > 1));
    return { digits: up ? '1' : '0', exp: place };
  }
  const n = exp - place + 1;
  const head = digits.slice(0, n);
  const kept: Digits = { digits: pad ? head.padEnd(n, '0') : head, exp };
  if (digits.length <= n) return kept;
  const next = digits[n];
  const odd = (head.charCodeAt(n - 1) & 1) === 1;
  const up = next > '5' || (next === '5' && (digits.length > n + 1 || odd));
  return up ? incremented(kept) : kept;
}

const stripZeros = (d: Digits): Digits => ({ digits: d.digits.replace(/(?<=.)0+$/, ''), exp: d.exp });

/**
 * x rounded at decimal place `place` (the last kept digit is at 10**place), half to even, as
 * Dragon4 leaves it: digits from the leading one (or a single 0 at `place`) down to `place`,
 * except that a carry drops the digits it zeroed and, without `pad`, an expansion that ends
 * above `place` is not extended with zeros.
 */
export function roundAt(x: number, place: number, pad = true): Digits {
  if (place > 0 || place < -100 || x >= 1e21) return roundExact(x, place, pad);
  let s = x.toFixed(-place);
  const { e } = decompose(x);
  // x = m*2**e (m odd) has its last decimal digit, a 5 when e < 0, at 10**e
  const exact = e >= place;
  if (e === place - 1) {
    // a tie, which toFixed sends away from zero: keep the even neighbour instead
    const last = s.charCodeAt(s.length - 1);
    if (last & 1) s = s.slice(0, -1) + String.fromCharCode(last - 1);
  }
  const point = s.indexOf('.');
  const whole = point < 0 ? s.length : point;
  const all = point < 0 ? s : s.slice(0, point) + s.slice(point + 1);
  const first = all.search(/[1-9]/);
  const d: Digits = first < 0 ? { digits: '0', exp: place } : { digits: all.slice(first), exp: whole - 1 - first };
  if (exact) return pad ? d : stripZeros(d);
  if (!s.endsWith('0')) return d;
  // a trailing zero is either a kept digit (rounded down) or left by a carry (rounded up)
  const near = Number(s);
  if (near > x) return stripZeros(d);
  return near < x ? d : roundExact(x, place, pad);
}

/** The digits Dragon4 produces for finite x > 0 under the given cutoffs. */
export function dragon4Digits(x: number, o: Dragon4Settings): Digits {
  const total = !o.fractional;
  const E = total ? exactExponent(x) : 0;
  const cut = (n: number) => (total ? E - n + 1 : -n);
  const maxPlace = o.precision < 0 ? -Infinity : cut(o.precision);
  if (!o.unique) return roundAt(x, maxPlace, false);
  const s = shortestDigits(x);
  const last = s.exp - s.digits.length + 1;
  if (maxPlace > last) return roundAt(x, maxPlace);
  const minPlace = o.minDigits < 0 ? Infinity : cut(o.minDigits);
  const stop = Math.max(Math.min(last, minPlace), maxPlace);
  return stop < last ? roundAt(x, stop) : s;
}

function signOf(x: number, sign: boolean): string {
  if (x < 0 || Object.is(x, -0)) return '-';
  return sign ? '+' : '';
}

function nonFinite(x: number, sign: boolean): string {
  if (Number.isNaN(x)) return 'nan';
  return (x < 0 ? '-' : sign ? '+' : '') + 'inf';
}

export function positional(x: number, o: Dragon4Settings): string {
  if (!Number.isFinite(x)) return nonFinite(x, o.sign);
  const sgn = signOf(x, o.sign);
  const d = x === 0 ? { digits: '0', exp: 0 } : dragon4Digits(Math.abs(x), o);
  const n = d.digits.length;
  let int: string;
  let frac: string;
  if (d.exp < 0) {
    int = '0';
    frac = '0'.repeat(-d.exp - 1) + d.digits;
  } else if (n <= d.exp + 1) {
    int = d.digits + '0'.repeat(d.exp + 1 - n);
    frac = '';
  } else {
    int = d.digits.slice(0, d.exp + 1);
    frac = d.digits.slice(d.exp + 1);
  }
  let point = frac.length > 0 || o.trim !== '-' ? '.' : '';
  const add = o.unique ? o.minDigits : o.precision;
  const wanted = o.fractional ? Math.max(add, 0) : add - int.length;
  if (o.trim === '0' && frac === '') frac = '0';
  else if (o.trim === 'k' && wanted > frac.length) frac = frac.padEnd(wanted, '0');
  if (o.trim !== 'k' && frac.length > 0) {
    frac = frac.replace(/0+$/, '');
    if (frac === '' && o.trim === '0') frac = '0';
    if (frac === '' && o.trim === '-') point = '';
  }
  let out = sgn + int + point + frac;
  if (o.padRight >= frac.length) {
    out += (o.trim === '-' && frac === '' ? ' ' : '') + ' '.repeat(o.padRight - frac.length);
  }
  const left = o.padLeft - int.length - sgn.length;
  return left > 0 ? ' '.repeat(left) + out : out;
}

export function scientific(x: number, o: Dragon4Settings): string {
  if (!Number.isFinite(x)) return nonFinite(x, o.sign);
  const sgn = signOf(x, o.sign);
  const sci = { ...o, fractional: false,
    precision: o.precision < 0 ? -1 : o.precision + 1,
    minDigits: o.minDigits < 0 ? -1 : o.minDigits + 1 };
  const d = x === 0 ? { digits: '0', exp: 0 } : dragon4Digits(Math.abs(x), sci);
  let frac = d.digits.slice(1);
  const point = frac.length > 0 || o.trim !== '-' ? '.' : '';
  const add = Math.max(o.unique ? o.minDigits : o.precision, 0);
  if (o.trim === '0' && frac === '') frac = '0';
  else if (o.trim === 'k' && add > frac.length) frac = frac.padEnd(add, '0');
  if (o.trim !== 'k' && frac.length > 0) {
    frac = frac.replace(/0+$/, '');
    if (frac === '' && o.trim === '0') frac = '0';
  }
  const expWidth = o.expDigits < 0 ? 2 : Math.min(o.expDigits, 5);
  const expAbs = d.exp === 0 ? '' : String(Math.abs(d.exp));
  const expText = (d.exp < 0 ? 'e-' : 'e+') + expAbs.padStart(expWidth, '0');
  const left = o.padLeft - 1 - sgn.length;
  return (left > 0 ? ' '.repeat(left) : '') + sgn + d.digits[0] + point + frac + expText;
}

function nonNegative(x: number | null | undefined, name: string): number {
  if (x === null || x === undefined) return -1;
  if (!Number.isInteger(x)) throw new TypeError(`${name} must be an integer`);
  if (x < 0) throw new ValueError(`${name} must be >= 0`);
  return x;
}

function settings(opts: FloatFormatOptions): Dragon4Settings {
  const s: Dragon4Settings = {
    precision: nonNegative(opts.precision, 'precision'),
    minDigits: nonNegative(opts.min_digits, 'min_digits'),
    unique: opts.unique ?? true,
    fractional: opts.fractional ?? true,
    trim: opts.trim ?? 'k',
    sign: opts.sign ?? false,
    padLeft: nonNegative(opts.pad_left, 'pad_left'),
    padRight: nonNegative(opts.pad_right, 'pad_right'),
    expDigits: nonNegative(opts.exp_digits, 'exp_digits'),
  };
  if (!['k', '.', '0', '-'].includes(s.trim)) {
    throw new ValueError("trim must be one of 'k', '.', '0' or '-'");
  }
  if (s.minDigits > 0 && s.precision > 0 && s.minDigits > s.precision) {
    throw new ValueError('min_digits must be less than or equal to precision');
  }
  if (!s.unique && s.precision < 0) {
    throw new TypeError('in non-unique mode `precision` must be supplied');
  }
  return s;
}

/** numpy.format_float_positional(x, precision, unique, fractional, trim, sign, pad_left, pad_right, min_digits). */
export function format_float_positional(x: number, opts: FloatFormatOptions = {}): string {
  const s = settings(opts ?? {});
  if (!s.fractional && s.precision === 0) {
    throw new ValueError('precision must be greater than 0 if fractional=False');
  }
  return positional(x, s);
}

/** numpy.format_float_scientific(x, precision, unique, trim, sign, pad_left, exp_digits, min_digits). */
export function format_float_scientific(x: number, opts: FloatFormatOptions = {}): string {
  return scientific(x, settings(opts ?? {}));
}
