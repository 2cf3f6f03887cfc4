// NDArray's layout methods (numpy: a.reshape(...), a.transpose(...), ...), attached to the class here
// so ndarray.ts imports no operation module.
import { Axis, NDArray } from '../ndarray';
import { attach } from './attach';
import { ravel, reshape, squeeze, swapaxes, transpose } from '../shape';

declare module '../ndarray' {
  interface NDArray {
    reshape(...shape: (number | readonly number[])[]): NDArray;
    transpose(...axes: (number | readonly number[])[]): NDArray;
    ravel(): NDArray;
    flatten(): NDArray;
    squeeze(axis?: Axis): NDArray;
    swapaxes(axis1: number, axis2: number): NDArray;
  }
}

function shapeArgs(args: (number | readonly number[])[]): readonly number[] {
  const one = args.length === 1 ? args[0] : null;
  return (Array.isArray(one) ? one : args) as readonly number[];
}

// reshape neither keeps nor changes the list, so no copy of it is needed.
attach('reshape', function (this: NDArray, ...shape: (number | readonly number[])[]): NDArray { return reshape(this, shapeArgs(shape)); });
attach('transpose', function (this: NDArray, ...axes: (number | readonly number[])[]): NDArray {
  return transpose(this, axes.length ? shapeArgs(axes) : undefined);
});
attach('ravel', function (this: NDArray): NDArray { return ravel(this); });
attach('flatten', function (this: NDArray): NDArray { return reshape(this.copy(), [-1]); });
attach('squeeze', function (this: NDArray, axis?: Axis): NDArray { return squeeze(this, axis); });
attach('swapaxes', function (this: NDArray, axis1: number, axis2: number): NDArray { return swapaxes(this, axis1, axis2); });
