// Misuse of any np function or ndarray method raises an error of the library's own (numpy's class and
// wording where numpy has one), never a JavaScript error from inside the library such as
// "Cannot read properties of null" or "x.map is not a function".
import { np, NDArray } from '../lib/np';

const BAD: unknown[] = [null, undefined, 'abc', {}, [[1, 2], [3]], NaN, 1.5, [1, 2, 3], np.ones([2, 2])];
const INTERNAL = /cannot allocate|Cannot read properties|is not a function|is not iterable|Cannot convert undefined|Invalid array length|Maximum call stack/;

function internalErrors(calls: [string, (x: unknown, y: unknown) => unknown][]): string[] {
  const found = new Set<string>();
  for (const [name, f] of calls) {
    for (const x of BAD) for (const y of [undefined, ...BAD]) {
      try { f(x, y); } catch (e) {
        const m = (e as Error).message;
        if (INTERNAL.test(m)) found.add(`${name}: ${m}`);
      }
    }
  }
  return [...found];
}

test('np functions given wrong arguments throw the library\'s errors', () => {
  const calls: [string, (x: unknown, y: unknown) => unknown][] = [];
  const add = (prefix: string, ns: Record<string, unknown>, skip: string[]): void => {
    for (const [k, v] of Object.entries(ns)) {
      if (typeof v === 'function' && !skip.includes(k) && !/Error$/.test(k)) calls.push([prefix + k, v as (x: unknown, y: unknown) => unknown]);
    }
  };
  add('np.', np as unknown as Record<string, unknown>, ['ndarray']);
  add('np.linalg.', np.linalg as unknown as Record<string, unknown>, []);
  add('np.random.', np.random as unknown as Record<string, unknown>, ['RandomState', 'seed', 'set_state']);
  expect(calls.length).toBeGreaterThan(150);
  const saved = np.get_printoptions();
  try {
    expect(internalErrors(calls)).toEqual([]);
  } finally {
    np.set_printoptions(saved);
  }
});

test('ndarray methods given wrong arguments throw the library\'s errors', () => {
  const a = np.arange(6).reshape(2, 3);
  const proto = Object.getPrototypeOf(a) as Record<string, unknown>;
  const names = Object.getOwnPropertyNames(proto).filter((k) =>
    typeof Object.getOwnPropertyDescriptor(proto, k)?.value === 'function' && k !== 'constructor' && k !== 'flatOffset');
  expect(names.length).toBeGreaterThan(60);
  const calls = names.map((k): [string, (x: unknown, y: unknown) => unknown] =>
    [`ndarray.${k}`, (x, y) => (np.arange(6).reshape(2, 3) as unknown as Record<string, (...v: unknown[]) => unknown>)[k](x, y)]);
  expect(internalErrors(calls)).toEqual([]);
  expect(a).toBeInstanceOf(NDArray);
});
