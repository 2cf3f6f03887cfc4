// NDArray's reduction methods (numpy: a.sum(axis=1) is a.sum({ axis: 1 })).
import { NDArray, ReduceOptions } from '../ndarray';
import { attach } from './attach';
import * as r from '../reductions';

type Full = ReduceOptions & { axis?: null };
type ArgOptions = { axis?: number | null; keepdims?: boolean };

declare module '../ndarray' {
  interface NDArray {
    sum(options?: Full): number;
    sum(options: ReduceOptions): NDArray;
    mean(options?: Full): number;
    mean(options: ReduceOptions): NDArray;
    max(options?: Full): number;
    max(options: ReduceOptions): NDArray;
    min(options?: Full): number;
    min(options: ReduceOptions): NDArray;
    prod(options?: Full): number;
    prod(options: ReduceOptions): NDArray;
    argmax(options?: { axis?: null }): number;
    argmax(options: { axis: number; keepdims?: boolean }): NDArray;
    argmin(options?: { axis?: null }): number;
    argmin(options: { axis: number; keepdims?: boolean }): NDArray;
    all(options?: Full): boolean;
    all(options: ReduceOptions): NDArray;
    any(options?: Full): boolean;
    any(options: ReduceOptions): NDArray;
  }
}

attach('sum', function (this: NDArray, options?: ReduceOptions): unknown { return r.sum(this, options); });
attach('mean', function (this: NDArray, options?: ReduceOptions): unknown { return r.mean(this, options); });
attach('max', function (this: NDArray, options?: ReduceOptions): unknown { return r.max(this, options); });
attach('min', function (this: NDArray, options?: ReduceOptions): unknown { return r.min(this, options); });
attach('prod', function (this: NDArray, options?: ReduceOptions): unknown { return r.prod(this, options); });
attach('all', function (this: NDArray, options?: ReduceOptions): unknown { return r.all(this, options); });
attach('any', function (this: NDArray, options?: ReduceOptions): unknown { return r.any(this, options); });
attach('argmax', function (this: NDArray, options?: ArgOptions): unknown { return r.argmax(this, options); });
attach('argmin', function (this: NDArray, options?: ArgOptions): unknown { return r.argmin(this, options); });
