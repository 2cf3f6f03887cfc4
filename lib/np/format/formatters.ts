/**
 * Element formatters of numpy's array printing (FloatingFormat, IntegerFormat, BoolFormat): each
 * looks at the values that will be shown once, to fix a common width and notation.
 */
import { ValueError } from '../errors';
import { Dragon4Settings, positional, scientific } from './dragon4';
import { FloatMode, SignMode } from './printoptions';
import { pyInt } from './pyfloat';

export type DTypeName = 'float64' | 'int64' | 'bool';
export type ElementFormatter = (x: number) => string;

export interface FloatFormatSettings {
  precision: number;
  floatmode: FloatMode;
  suppress: boolean;
  sign: SignMode;
  nanstr: string;
  infstr: string;
}

/** Splits 'a.b' (positional) or 'a.bE' (scientific, E = exponent text) into its parts. */
function parts(s: string): { int: string; frac: string; exp: string } {
  const e = s.indexOf('e');
  const mantissa = e < 0 ? s : s.slice(0, e);
  const dot = mantissa.indexOf('.');
  return { int: mantissa.slice(0, dot), frac: mantissa.slice(dot + 1), exp: e < 0 ? '' : s.slice(e + 1) };
}

function longest(strs: readonly string[]): number {
  let n = 0;
  for (const s of strs) if (s.length > n) n = s.length;
  return n;
}

function floatFormatter(data: ArrayLike<number>, f: FloatFormatSettings): ElementFormatter {
  if (f.precision < 0) throw new ValueError('precision must be >= 0');
  const finite: number[] = [];
  let hasNegInf = false;
  for (let i = 0; i < data.length; i++) {
    const x = data[i];
    if (Number.isFinite(x)) finite.push(x);
    else if (x === -Infinity) hasNegInf = true;
  }
  let maxAbs = -Infinity;
  let minAbs = Infinity;
  for (const x of finite) {
    const a = Math.abs(x);
    if (a === 0) continue;
    if (a > maxAbs) maxAbs = a;
    if (a < minAbs) minAbs = a;
  }
  const expFormat = maxAbs >= 1e8 ||
    (!f.suppress && minAbs !== Infinity && (minAbs < 1e-4 || maxAbs / minAbs > 1e3));

  const fixed = f.floatmode === 'fixed';
  const s: Dragon4Settings = {
    precision: f.floatmode === 'unique' ? -1 : f.precision, minDigits: -1,
    unique: !fixed, fractional: true, trim: fixed ? 'k' : '.', sign: f.sign === '+',
    padLeft: -1, padRight: -1, expDigits: -1,
  };
  let padLeft = 0;
  let padRight = 0;
  if (finite.length === 0) {
    s.trim = '.';
    s.unique = true;
  } else if (expFormat) {
    const ps = finite.map((x) => parts(scientific(x, s)));
    const expSize = longest(ps.map((p) => p.exp)) - 1;
    s.precision = s.minDigits = longest(ps.map((p) => p.frac));
    s.trim = 'k';
    s.expDigits = expSize;
    padLeft = longest(ps.map((p) => p.int));
    padRight = expSize + 2 + s.precision;
  } else {
    const ps = finite.map((x) => parts(positional(x, s)));
    padLeft = longest(ps.map((p) => p.int));
    padRight = longest(ps.map((p) => p.frac));
    if (f.floatmode === 'fixed' || f.floatmode === 'maxprec_equal') {
      s.precision = s.minDigits = padRight;
      s.trim = 'k';
    } else {
      s.minDigits = 0;
    }
  }
  if (f.sign === ' ' && !finite.some((x) => x < 0 || Object.is(x, -0))) padLeft += 1;
  if (finite.length !== data.length) {
    const neginf = f.sign !== '-' || hasNegInf ? 1 : 0;
    const offset = padRight + 1;
    padLeft = Math.max(padLeft, f.nanstr.length - offset, f.infstr.length + neginf - offset);
  }
  s.padLeft = padLeft;
  if (!expFormat) s.padRight = padRight;
  const width = padLeft + padRight + 1;

  return (x: number) => {
    if (!Number.isFinite(x)) {
      const text = Number.isNaN(x)
        ? (f.sign === '+' ? '+' : '') + f.nanstr
        : (x < 0 ? '-' : f.sign === '+' ? '+' : '') + f.infstr;
      return text.padStart(width, ' ');
    }
    return expFormat ? scientific(x, s) : positional(x, s);
  };
}

function intFormatter(data: ArrayLike<number>): ElementFormatter {
  let width = 0;
  if (data.length > 0) {
    let max = -Infinity;
    let min = Infinity;
    for (let i = 0; i < data.length; i++) {
      if (data[i] > max) max = data[i];
      if (data[i] < min) min = data[i];
    }
    width = Math.max(pyInt(max).length, pyInt(min).length);
  }
  return (x: number) => pyInt(x).padStart(width, ' ');
}

/**
 * The formatter for one array, built from the values that will be printed (the corners of a
 * summarized array). `scalar` is true for a 0-d array.
 */
export function makeFormatter(data: ArrayLike<number>, dtype: DTypeName, scalar: boolean,
  f: FloatFormatSettings): ElementFormatter {
  if (dtype === 'bool') {
    const t = scalar ? 'True' : ' True';
    return (x: number) => (x ? t : 'False');
  }
  if (dtype === 'int64') return intFormatter(data);
  return floatFormatter(data, f);
}
