// The operations NDArray's methods delegate to, gathered in one place to keep ndarray.ts small.
export * from './ufuncs';
export * from './reductions';
export { reshape, transpose, ravel, squeeze } from './shape';
export { getIndex, setIndex } from './indexing';
export { dot, matmul } from './linalg';
export { arrayStr as array_str, arrayRepr as array_repr } from './format/array2string';
