// NDArray's product methods (numpy: a.dot(b), a @ b).
import { ArrayLike, NDArray } from '../ndarray';
import { attach } from './attach';
import { dot, matmul } from '../linalg';

declare module '../ndarray' {
  interface NDArray {
    dot(b: ArrayLike): NDArray;
    matmul(b: ArrayLike): NDArray;
  }
}

attach('dot', function (this: NDArray, b: ArrayLike): NDArray { return dot(this, b); });
attach('matmul', function (this: NDArray, b: ArrayLike): NDArray { return matmul(this, b); });
