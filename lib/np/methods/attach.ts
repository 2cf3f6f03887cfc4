import { NDArray } from '../ndarray';

/** Adds a method to NDArray.prototype as a class body would: writable, configurable, not enumerable. */
export function attach(name: string | symbol, method: Function): void {
  Object.defineProperty(NDArray.prototype, name, { value: method, writable: true, configurable: true, enumerable: false });
}
