// NDArray's indexing methods (numpy: a[...], a[...] = v, a.fill, iteration, a.nonzero()).
import { ArrayLike, IndexItem, NDArray } from '../ndarray';
import { attach } from './attach';
import { getIndex, nonzero, setIndex } from '../indexing';

declare module '../ndarray' {
  interface NDArray {
    slice(...index: IndexItem[]): NDArray;
    set(index: IndexItem | readonly IndexItem[], value: ArrayLike): this;
    fill(value: number | boolean): this;
    nonzero(): NDArray[];
    [Symbol.iterator](): Iterator<NDArray | number>;
  }
}

attach('slice', function (this: NDArray, ...index: IndexItem[]): NDArray { return getIndex(this, index); });
attach('set', function <T extends NDArray>(this: T, index: IndexItem | readonly IndexItem[], value: ArrayLike): T {
  setIndex(this, Array.isArray(index) ? index as IndexItem[] : [index as IndexItem], value);
  return this;
});
attach('fill', function <T extends NDArray>(this: T, value: number | boolean): T { setIndex(this, [], value); return this; });
attach('nonzero', function (this: NDArray): NDArray[] { return nonzero(this); });
attach(Symbol.iterator, function* (this: NDArray): Iterator<NDArray | number> {
  if (this.ndim === 0) throw new TypeError('iteration over a 0-d array');
  for (let i = 0; i < this.shape[0]; i++) yield this.ndim === 1 ? this.get(i) : getIndex(this, [i]);
});
