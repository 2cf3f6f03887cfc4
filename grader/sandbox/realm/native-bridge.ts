/**
 * The native addon as the library inside a realm sees it. The addon is loaded by the sandbox
 * process, in its own realm; its functions and the errors they throw belong to that realm, and one
 * such object in student reach would lead back to the process (`f.constructor` is that realm's
 * Function). So each method is wrapped in a function made here: it passes the library's typed
 * arrays and numbers through, and turns what comes back (results, errors) into values of this realm.
 */
import type { NativeBlas } from '../../../lib/np/native';

const METHODS = ['ddot', 'dgemv', 'dgemm', 'dsyrk', 'map', 'mtFillDoubles', 'mtFillGauss', 'ufuncBinary', 'ufuncUnary', 'sumRows', 'setThreads', 'info'] as const;

export function wrapNative(outer: Record<string, unknown>): NativeBlas {
  const inner: Record<string, unknown> = {};
  for (const name of METHODS) {
    const fn = outer[name];
    if (typeof fn !== 'function') continue;
    inner[name] = (...args: unknown[]): unknown => {
      let r: unknown;
      try {
        r = (fn as (...a: unknown[]) => unknown)(...args);
      } catch (e) {
        const message = String((e as { message?: unknown })?.message ?? 'native call failed');
        const kind = String((e as { name?: unknown })?.name ?? 'Error');
        throw kind === 'RangeError' ? new RangeError(message) : kind === 'TypeError' ? new TypeError(message) : new Error(message);
      }
      if (r === null || r === undefined || typeof r === 'number' || typeof r === 'boolean' || typeof r === 'string') return r;
      return JSON.parse(JSON.stringify(r)) as unknown;
    };
  }
  return Object.freeze(inner) as unknown as NativeBlas;
}
