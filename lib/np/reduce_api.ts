// Typed front doors for reductions: with no axis they return a JS number (boolean for all/any),
// as numpy returns a scalar; with an axis or keepdims they return an NDArray.
import { ArrayLike, NDArray, ReduceOptions } from './ndarray';
import * as r from './reductions';

type Full = ReduceOptions & { axis?: null; keepdims?: false };

export function sum(a: ArrayLike, options?: Full): number;
export function sum(a: ArrayLike, options: ReduceOptions): NDArray;
export function sum(a: ArrayLike, options?: ReduceOptions): number | NDArray { return r.sum(a, options); }
export function nansum(a: ArrayLike, options?: Full): number;
export function nansum(a: ArrayLike, options: ReduceOptions): NDArray;
export function nansum(a: ArrayLike, options?: ReduceOptions): number | NDArray { return r.nansum(a, options); }
export function mean(a: ArrayLike, options?: Full): number;
export function mean(a: ArrayLike, options: ReduceOptions): NDArray;
export function mean(a: ArrayLike, options?: ReduceOptions): number | NDArray { return r.mean(a, options); }
export function max(a: ArrayLike, options?: Full): number;
export function max(a: ArrayLike, options: ReduceOptions): NDArray;
export function max(a: ArrayLike, options?: ReduceOptions): number | NDArray { return r.max(a, options); }
export function min(a: ArrayLike, options?: Full): number;
export function min(a: ArrayLike, options: ReduceOptions): NDArray;
export function min(a: ArrayLike, options?: ReduceOptions): number | NDArray { return r.min(a, options); }
export function prod(a: ArrayLike, options?: Full): number;
export function prod(a: ArrayLike, options: ReduceOptions): NDArray;
export function prod(a: ArrayLike, options?: ReduceOptions): number | NDArray { return r.prod(a, options); }
export function all(a: ArrayLike, options?: Full): boolean;
export function all(a: ArrayLike, options: ReduceOptions): NDArray;
export function all(a: ArrayLike, options?: ReduceOptions): boolean | NDArray { return r.all(a, options); }
export function any(a: ArrayLike, options?: Full): boolean;
export function any(a: ArrayLike, options: ReduceOptions): NDArray;
export function any(a: ArrayLike, options?: ReduceOptions): boolean | NDArray { return r.any(a, options); }

type ArgOptions = { axis?: number | null; keepdims?: boolean };
export function argmax(a: ArrayLike, options?: { axis?: null }): number;
export function argmax(a: ArrayLike, options: ArgOptions): NDArray;
export function argmax(a: ArrayLike, options?: ArgOptions): number | NDArray { return r.argmax(a, options); }
export function argmin(a: ArrayLike, options?: { axis?: null }): number;
export function argmin(a: ArrayLike, options: ArgOptions): NDArray;
export function argmin(a: ArrayLike, options?: ArgOptions): number | NDArray { return r.argmin(a, options); }
