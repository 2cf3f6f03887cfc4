/**
 * numpy 1.24's array2string, array_str and array_repr for float64, int64 and bool arrays.
 * Arrays are given as their elements in C order plus a shape.
 */
import { ValueError } from '../errors';
import { DTypeName, ElementFormatter, makeFormatter } from './formatters';
import { FloatMode, PrintOptions, SignMode, checkPrintOptions, get_printoptions } from './printoptions';
import { pyInt, pyStr } from './pyfloat';
import { cStrides, shapeSize } from '../layout';

export interface Array2StringOptions {
  max_line_width?: number;
  precision?: number;
  suppress_small?: boolean;
  separator?: string;
  prefix?: string;
  suffix?: string;
  threshold?: number;
  edgeitems?: number;
  sign?: SignMode;
  floatmode?: FloatMode;
  legacy?: false | '1.21';
}

/** What array_str/array_repr need of an NDArray. */
export interface PrintableArray {
  readonly shape: readonly number[];
  readonly dtype: DTypeName;
  values(): Float64Array;
}

export interface ArrayStrOptions {
  max_line_width?: number;
  precision?: number;
  suppress_small?: boolean;
}


const rstrip = (s: string) => s.replace(/\s+$/, '');

/** The indices shown along an axis of length n (numpy keeps the whole axis when edgeitems is 0). */
function shownIndices(n: number, edge: number): number[] {
  const idx: number[] = [];
  if (n > 2 * edge && edge > 0) {
    for (let i = 0; i < edge; i++) idx.push(i);
    for (let i = n - edge; i < n; i++) idx.push(i);
  } else {
    for (let i = 0; i < n; i++) idx.push(i);
  }
  return idx;
}

/** The elements a summarized array prints: its corners, `edge` items from each end of each axis. */
function corners(values: Float64Array, shape: readonly number[], edge: number): number[] {
  const strides = cStrides(shape);
  const out: number[] = [];
  const walk = (axis: number, offset: number) => {
    if (axis === shape.length) {
      out.push(values[offset]);
      return;
    }
    for (const i of shownIndices(shape[axis], edge)) walk(axis + 1, offset + i * strides[axis]);
  };
  walk(0, 0);
  return out;
}

/** Appends `word` to `line`, first breaking the line if it would grow past `width`. */
function extendLine(s: string, line: string, word: string, width: number,
  nextPrefix: string): [string, string] {
  // a break that would not make the line any shorter is not taken
  if (line.length + word.length > width && line.length > nextPrefix.length) {
    s += rstrip(line) + '\n';
    line = nextPrefix;
  }
  return [s, line + word];
}

function formatArray(values: Float64Array, shape: readonly number[], fmt: ElementFormatter,
  lineWidth: number, nextLinePrefix: string, separator: string, edge: number,
  summaryInsert: string): string {
  const ndim = shape.length;
  const strides = cStrides(shape);
  const sepEnd = rstrip(separator);

  const recurse = (axis: number, offset: number, hanging: string, width: number): string => {
    if (axis === ndim) return fmt(values[offset]);
    const nextHanging = hanging + ' ';
    const nextWidth = width - 1; // room for this axis' closing ']'
    const n = shape[axis];
    const summarize = summaryInsert !== '' && 2 * edge < n;
    const leading = summarize ? edge : 0;
    const trailing = summarize ? edge : n;
    const child = (i: number) => recurse(axis + 1, offset + i * strides[axis], nextHanging, nextWidth);
    let s = '';
    if (axis === ndim - 1) {
      const elemWidth = width - Math.max(sepEnd.length, 1);
      let line = hanging;
      for (let i = 0; i < leading; i++) {
        [s, line] = extendLine(s, line, child(i), elemWidth, hanging);
        line += separator;
      }
      if (summarize) {
        [s, line] = extendLine(s, line, summaryInsert, elemWidth, hanging);
        line += separator;
      }
      for (let i = trailing; i > 1; i--) {
        [s, line] = extendLine(s, line, child(n - i), elemWidth, hanging);
        line += separator;
      }
      [s, line] = extendLine(s, line, child(n - 1), elemWidth, hanging);
      s += line;
    } else {
      const lineSep = sepEnd + '\n'.repeat(ndim - axis - 1);
      for (let i = 0; i < leading; i++) s += hanging + child(i) + lineSep;
      if (summarize) s += hanging + summaryInsert + lineSep;
      for (let i = trailing; i > 1; i--) s += hanging + child(n - i) + lineSep;
      s += hanging + child(n - 1);
    }
    return '[' + s.slice(hanging.length) + ']';
  };
  return recurse(0, 0, nextLinePrefix, lineWidth);
}

function resolveOptions(opts: Array2StringOptions): PrintOptions {
  const o = { ...get_printoptions(), ...checkPrintOptions({
    precision: opts.precision, threshold: opts.threshold, edgeitems: opts.edgeitems,
    linewidth: opts.max_line_width, suppress: opts.suppress_small, sign: opts.sign,
    floatmode: opts.floatmode, legacy: opts.legacy,
  }) };
  if (o.edgeitems < 0) throw new ValueError('edgeitems must be >= 0');
  return o;
}

/** numpy.array2string for an array given as C-order values and a shape. */
export function array2string(values: Float64Array, shape: readonly number[], dtype: DTypeName,
  opts: Array2StringOptions = {}): string {
  const o = resolveOptions(opts);
  const separator = opts.separator ?? ' ';
  const prefix = opts.prefix ?? '';
  const lineWidth = o.linewidth - (opts.suffix ?? '').length;
  const n = shapeSize(shape);
  if (n === 0) return '[]';
  const summarize = n > o.threshold;
  const shown = summarize ? corners(values, shape, o.edgeitems) : values.subarray(0, n);
  const fmt = makeFormatter(shown, dtype, shape.length === 0, {
    precision: o.precision, floatmode: o.floatmode, suppress: o.suppress, sign: o.sign,
    nanstr: o.nanstr, infstr: o.infstr,
  });
  const nextLinePrefix = ' ' + ' '.repeat(prefix.length);
  return formatArray(values, shape, fmt, lineWidth, nextLinePrefix, separator, o.edgeitems,
    summarize ? '...' : '');
}

function scalarStr(x: number, dtype: DTypeName): string {
  if (dtype === 'bool') return x ? 'True' : 'False';
  return dtype === 'int64' ? pyInt(x) : pyStr(x);
}

function pyTuple(shape: readonly number[]): string {
  return `(${shape.join(', ')}${shape.length === 1 ? ',' : ''})`;
}

/** numpy.array_str: what str(a) / print(a) shows. A 0-d array prints as its Python scalar. */
export function arrayStr(a: PrintableArray, opts: ArrayStrOptions = {}): string {
  const values = a.values();
  if (a.shape.length === 0) return scalarStr(values[0], a.dtype);
  return array2string(values, a.shape, a.dtype, { ...opts, separator: ' ', prefix: '' });
}

/** numpy.array_repr: what a notebook shows for a bare array expression. */
export function arrayRepr(a: PrintableArray, opts: ArrayStrOptions = {}): string {
  const lineWidth = opts.max_line_width ?? get_printoptions().linewidth;
  const n = shapeSize(a.shape);
  const prefix = 'array(';
  // float64, int64 and bool are the dtypes numpy leaves implied, unless the array is empty
  const showDtype = n === 0;
  const suffix = showDtype ? ',' : ')';
  let body: string;
  if (n > 0 || (a.shape.length === 1 && a.shape[0] === 0)) {
    body = array2string(a.values(), a.shape, a.dtype, {
      ...opts, max_line_width: lineWidth, separator: ', ', prefix, suffix,
    });
  } else {
    body = `[], shape=${pyTuple(a.shape)}`;
  }
  const text = prefix + body + suffix;
  if (!showDtype) return text;
  const dtypeText = `dtype=${a.dtype})`;
  const lastLine = text.length - (text.lastIndexOf('\n') + 1);
  const spacer = lastLine + dtypeText.length + 1 > lineWidth ? '\n' + ' '.repeat(prefix.length) : ' ';
  return text + spacer + dtypeText;
}

export { arrayStr as array_str, arrayRepr as array_repr };
