// The printing names of the np namespace, with numpy's signatures (arrays, not raw buffers).
import { array2string as array2stringCore, Array2StringOptions, PrintableArray } from './array2string';

export { array_str, array_repr } from './array2string';
export type { Array2StringOptions, ArrayStrOptions, PrintableArray } from './array2string';
export { set_printoptions, get_printoptions, printoptions } from './printoptions';
export type { PrintOptions, FloatMode, SignMode } from './printoptions';
export { format_float_positional, format_float_scientific } from './dragon4';
export type { FloatFormatOptions, TrimMode } from './dragon4';

/** numpy.array2string(a, max_line_width, precision, suppress_small, separator, prefix, ...). */
export function array2string(a: PrintableArray, opts: Array2StringOptions = {}): string {
  return array2stringCore(a.values(), a.shape, a.dtype, opts);
}
