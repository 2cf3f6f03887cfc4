// NDArray's sorting methods: a.sort() sorts in place (numpy returns None; here the array), a.argsort().
import { NDArray } from '../ndarray';
import { attach } from './attach';
import { argsort, sort } from '../sorting';
import { setIndex } from '../indexing';

declare module '../ndarray' {
  interface NDArray {
    sort(options?: { axis?: number; kind?: string }): this;
    argsort(options?: { axis?: number | null; kind?: string }): NDArray;
  }
}

attach('sort', function <T extends NDArray>(this: T, options?: { axis?: number; kind?: string }): T {
  setIndex(this, [], sort(this, { axis: options?.axis ?? -1, kind: options?.kind }));
  return this;
});
attach('argsort', function (this: NDArray, options?: { axis?: number | null; kind?: string }): NDArray { return argsort(this, options); });
