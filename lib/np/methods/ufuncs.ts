// NDArray's element-wise methods (numpy: a + b is np.add(a, b); here a.add(b) or np.add(a, b)).
import { ArrayLike, NDArray } from '../ndarray';
import { attach } from './attach';
import * as u from '../ufuncs';

declare module '../ndarray' {
  interface NDArray {
    add(b: ArrayLike): NDArray;
    subtract(b: ArrayLike): NDArray;
    sub(b: ArrayLike): NDArray;
    multiply(b: ArrayLike): NDArray;
    mul(b: ArrayLike): NDArray;
    divide(b: ArrayLike): NDArray;
    div(b: ArrayLike): NDArray;
    power(b: ArrayLike): NDArray;
    pow(b: ArrayLike): NDArray;
    maximum(b: ArrayLike): NDArray;
    minimum(b: ArrayLike): NDArray;
    greater(b: ArrayLike): NDArray;
    gt(b: ArrayLike): NDArray;
    greater_equal(b: ArrayLike): NDArray;
    ge(b: ArrayLike): NDArray;
    less(b: ArrayLike): NDArray;
    lt(b: ArrayLike): NDArray;
    less_equal(b: ArrayLike): NDArray;
    le(b: ArrayLike): NDArray;
    equal(b: ArrayLike): NDArray;
    eq(b: ArrayLike): NDArray;
    not_equal(b: ArrayLike): NDArray;
    ne(b: ArrayLike): NDArray;
    logical_and(b: ArrayLike): NDArray;
    logical_or(b: ArrayLike): NDArray;
    logical_not(): NDArray;
    neg(): NDArray;
    negative(): NDArray;
    abs(): NDArray;
    sqrt(): NDArray;
    square(): NDArray;
    exp(): NDArray;
    log(): NDArray;
    tanh(): NDArray;
    clip(min: ArrayLike | null, max: ArrayLike | null): NDArray;
  }
}

// One function per method, each calling its own operation, so every call site stays monomorphic.
attach('add', function (this: NDArray, b: ArrayLike): NDArray { return u.add(this, b); });
attach('subtract', function (this: NDArray, b: ArrayLike): NDArray { return u.subtract(this, b); });
attach('sub', function (this: NDArray, b: ArrayLike): NDArray { return u.subtract(this, b); });
attach('multiply', function (this: NDArray, b: ArrayLike): NDArray { return u.multiply(this, b); });
attach('mul', function (this: NDArray, b: ArrayLike): NDArray { return u.multiply(this, b); });
attach('divide', function (this: NDArray, b: ArrayLike): NDArray { return u.divide(this, b); });
attach('div', function (this: NDArray, b: ArrayLike): NDArray { return u.divide(this, b); });
attach('power', function (this: NDArray, b: ArrayLike): NDArray { return u.power(this, b); });
attach('pow', function (this: NDArray, b: ArrayLike): NDArray { return u.power(this, b); });
attach('maximum', function (this: NDArray, b: ArrayLike): NDArray { return u.maximum(this, b); });
attach('minimum', function (this: NDArray, b: ArrayLike): NDArray { return u.minimum(this, b); });
attach('greater', function (this: NDArray, b: ArrayLike): NDArray { return u.greater(this, b); });
attach('gt', function (this: NDArray, b: ArrayLike): NDArray { return u.greater(this, b); });
attach('greater_equal', function (this: NDArray, b: ArrayLike): NDArray { return u.greater_equal(this, b); });
attach('ge', function (this: NDArray, b: ArrayLike): NDArray { return u.greater_equal(this, b); });
attach('less', function (this: NDArray, b: ArrayLike): NDArray { return u.less(this, b); });
attach('lt', function (this: NDArray, b: ArrayLike): NDArray { return u.less(this, b); });
attach('less_equal', function (this: NDArray, b: ArrayLike): NDArray { return u.less_equal(this, b); });
attach('le', function (this: NDArray, b: ArrayLike): NDArray { return u.less_equal(this, b); });
attach('equal', function (this: NDArray, b: ArrayLike): NDArray { return u.equal(this, b); });
attach('eq', function (this: NDArray, b: ArrayLike): NDArray { return u.equal(this, b); });
attach('not_equal', function (this: NDArray, b: ArrayLike): NDArray { return u.not_equal(this, b); });
attach('ne', function (this: NDArray, b: ArrayLike): NDArray { return u.not_equal(this, b); });
attach('logical_and', function (this: NDArray, b: ArrayLike): NDArray { return u.logical_and(this, b); });
attach('logical_or', function (this: NDArray, b: ArrayLike): NDArray { return u.logical_or(this, b); });
attach('logical_not', function (this: NDArray): NDArray { return u.logical_not(this); });
attach('neg', function (this: NDArray): NDArray { return u.negative(this); });
attach('negative', function (this: NDArray): NDArray { return u.negative(this); });
attach('abs', function (this: NDArray): NDArray { return u.abs(this); });
attach('sqrt', function (this: NDArray): NDArray { return u.sqrt(this); });
attach('square', function (this: NDArray): NDArray { return u.square(this); });
attach('exp', function (this: NDArray): NDArray { return u.exp(this); });
attach('log', function (this: NDArray): NDArray { return u.log(this); });
attach('tanh', function (this: NDArray): NDArray { return u.tanh(this); });
attach('clip', function (this: NDArray, min: ArrayLike | null, max: ArrayLike | null): NDArray { return u.clip(this, min, max); });
