// NDArray's remaining numpy methods: round, repeat, diagonal, trace and the flat view.
import { NDArray } from '../ndarray';
import { attach } from './attach';
import { round } from '../math';
import { repeat } from '../joining';
import { diagonal, trace } from '../matrices';
import { ravel } from '../shape';

declare module '../ndarray' {
  interface NDArray {
    round(decimals?: number): NDArray;
    repeat(repeats: number | readonly number[], options?: { axis?: number | null } | number): NDArray;
    diagonal(options?: { offset?: number; axis1?: number; axis2?: number }): NDArray;
    trace(options?: { offset?: number; axis1?: number; axis2?: number }): NDArray | number;
    /** The elements in C order as a 1-d array (a view when the layout allows, as ravel). */
    readonly flat: NDArray;
  }
}

attach('round', function (this: NDArray, decimals?: number): NDArray { return round(this, decimals); });
attach('repeat', function (this: NDArray, repeats: number | readonly number[], options?: { axis?: number | null } | number): NDArray {
  return repeat(this, repeats, options);
});
attach('diagonal', function (this: NDArray, options?: { offset?: number; axis1?: number; axis2?: number }): NDArray { return diagonal(this, options); });
attach('trace', function (this: NDArray, options?: { offset?: number; axis1?: number; axis2?: number }): NDArray | number { return trace(this, options); });
Object.defineProperty(NDArray.prototype, 'flat', {
  get(this: NDArray): NDArray { return ravel(this); }, configurable: true, enumerable: false,
});
