// NDArray's statistics and running methods (numpy: a.std(), a.var(), a.ptp(), a.cumsum(), a.cumprod()).
import { NDArray, ReduceOptions } from '../ndarray';
import { attach } from './attach';
import { VarOptions, ptp, std, variance } from '../statistics';
import { cumprod, cumsum } from '../accumulate';

declare module '../ndarray' {
  interface NDArray {
    std(options?: VarOptions & { axis?: null }): number;
    std(options: VarOptions): NDArray;
    var(options?: VarOptions & { axis?: null }): number;
    var(options: VarOptions): NDArray;
    ptp(options?: ReduceOptions & { axis?: null }): number;
    ptp(options: ReduceOptions): NDArray;
    cumsum(options?: { axis?: number | null }): NDArray;
    cumprod(options?: { axis?: number | null }): NDArray;
  }
}

attach('std', function (this: NDArray, options?: VarOptions): unknown { return std(this, options); });
attach('var', function (this: NDArray, options?: VarOptions): unknown { return variance(this, options); });
attach('ptp', function (this: NDArray, options?: ReduceOptions): unknown { return ptp(this, options); });
attach('cumsum', function (this: NDArray, options?: { axis?: number | null }): NDArray { return cumsum(this, options); });
attach('cumprod', function (this: NDArray, options?: { axis?: number | null }): NDArray { return cumprod(this, options); });
