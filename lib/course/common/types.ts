import type { NDArray } from '../../np/ndarray';

/** A dictionary of named arrays, like the course's `parameters`, `grads`, `v` and `s` dicts. */
export type Params = Record<string, NDArray>;
