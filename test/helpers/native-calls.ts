/**
 * For `jest.mock('../lib/np/native', ...)`: the real module, except that activeNative() hands the
 * library a wrapper of the addon that counts the calls of the named functions (in `nativeCalls`), so a
 * test can tell that the native path really ran. Everything else passes through.
 */
import type * as native from '../../lib/np/native';

type Counted = 'mtFillDoubles' | 'mtFillGauss' | 'ufuncBinary' | 'ufuncUnary' | 'sumRows';

export function countingNative(names: readonly Counted[]): typeof native & { nativeCalls: Record<Counted, number> } {
  const actual = jest.requireActual('../../lib/np/native') as typeof native;
  const calls = Object.fromEntries(names.map((k) => [k, 0])) as Record<Counted, number>;
  let wrapped: native.NativeBlas | null = null;
  const wrap = (n: native.NativeBlas | null): native.NativeBlas | null => {
    if (!n || names.some((k) => typeof n[k] !== 'function')) return n;
    return wrapped ??= Object.create(n, Object.fromEntries(names.map((k) => {
      const f = n[k] as (...a: unknown[]) => unknown;
      return [k, { value: (...a: unknown[]) => { calls[k]++; return f(...a); } }];
    })));
  };
  return { ...actual, activeNative: () => wrap(actual.activeNative()), nativeCalls: calls };
}
