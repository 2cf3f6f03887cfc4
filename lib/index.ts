export { np, NDArray } from './np';
export type { ArrayLike } from './np';
export { pyStr } from './np/format/pyfloat';
export { pyFixed } from './np/format/pyformat';
