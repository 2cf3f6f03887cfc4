// The ndarray core against numpy 1.24 (fixtures from test/fixtures/gen_core.py).
import { np, NDArray } from '../lib';
import { IndexItem } from '../lib/np/ndarray';
import { EncArray, EncResult, decArray, expectArray, expectResult, loadFixture, sameValues } from './helpers/fixtures';

type IndexSpec = (number | string | null | { arr: number[] } | { mask: boolean[] })[];
interface Core {
  inputs: { array: EncArray; strides: number[] }[];
  binary: { op: string; a: EncArray; b: EncArray; c?: EncArray; out: EncArray }[];
  scalars: { op: string; a: EncArray; c?: EncArray; scalar?: number | boolean; side?: string; lo?: number; hi?: number; out: EncArray }[];
  unary: { op: string; a: EncArray; out: EncArray }[];
  reduce: { op: string; input?: number; a?: EncArray; axis: number | number[] | null; keepdims: boolean; out: EncResult }[];
  dot: { op: string; a: EncArray; b: EncArray; out: EncArray }[];
  norm: { a: EncArray; axis: number | number[] | null; keepdims: boolean; out: EncResult }[];
  index: { a: EncArray; index: IndexSpec; out: EncArray; view: boolean }[];
  setindex: { a: EncArray; index: IndexSpec; value: number | number[]; out: EncArray }[];
  shape: { op: string; a?: EncArray; prep?: [string, unknown] | null; arrays?: EncArray[]; arg: unknown; out: EncArray; view?: boolean }[];
  creation: { op: string; args: unknown[]; dtype?: string; out: EncArray }[];
  errors: { op: string; shapes: number[][]; axis?: number; index?: number[]; message: string }[];
  course: { sum_209: number; mean_209_of_bool: number };
}
const F = loadFixture<Core>('core.json');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const npAny = np as unknown as Record<string, (...args: any[]) => any>;

const toItems = (spec: IndexSpec): IndexItem[] => spec.map((s) => {
  if (s !== null && typeof s === 'object') return 'arr' in s ? s.arr : s.mask;
  return s;
});

describe('binary ufuncs with broadcasting', () => {
  test.each(F.binary.map((c, i) => [i, c.op, c] as const))('case %i: %s', (_i, _op, c) => {
    const out = c.op === 'where' ? np.where(decArray(c.c as EncArray), decArray(c.a), decArray(c.b))
      : npAny[c.op](decArray(c.a), decArray(c.b));
    expectArray(out, c.out);
  });
  test('method forms equal function forms', () => {
    const a = np.array([[1.5, -2], [3, 4]]), b = np.array([2, 0.5]);
    expect(a.add(b).toArray()).toEqual(np.add(a, b).toArray());
    expect(a.mul(b).sub(1).div(2).toArray()).toEqual(np.divide(np.subtract(np.multiply(a, b), 1), 2).toArray());
    expect(a.gt(0).dtype).toBe('bool');
  });
});

describe('Python scalars on either side (value-based casting)', () => {
  test.each(F.scalars.map((c, i) => [i, c.op, c] as const))('case %i: %s', (_i, _op, c) => {
    let out: NDArray;
    if (c.op === 'clip') out = np.clip(decArray(c.a), c.lo as number, c.hi as number);
    else if (c.op === 'where0') out = np.where(decArray(c.c as EncArray), decArray(c.a), 0);
    else if (c.side === 'right') out = npAny[c.op](decArray(c.a), c.scalar);
    else out = npAny[c.op](c.scalar, decArray(c.a));
    // power: V8's Math.pow may differ from glibc's pow by an ulp (see README).
    expectArray(out, c.out, c.op === 'power' ? 1 : 0);
  });
});

describe('unary ufuncs', () => {
  // exp/log/tanh: V8's Math functions may differ from glibc's by an ulp (see README).
  test.each(F.unary.map((c, i) => [i, c.op, c] as const))('case %i: %s', (_i, op, c) => {
    expectArray(npAny[op](decArray(c.a)), c.out, ['exp', 'log', 'tanh'].includes(op) ? 1 : 0);
  });
});

describe('reductions (pairwise summation, axis, keepdims)', () => {
  const inputs = F.inputs.map((x) => decArray(x.array, x.strides));
  test.each(F.reduce.map((c, i) => [i, c.op, JSON.stringify(c.axis), c] as const))('case %i: %s axis=%s', (_i, op, _ax, c) => {
    const a = c.input !== undefined ? inputs[c.input] : decArray(c.a as EncArray);
    const opts = { axis: c.axis, keepdims: c.keepdims || undefined };
    const out = op === 'cumsum' ? np.cumsum(a, c.axis === null ? {} : { axis: c.axis as number }) : npAny[op](a, opts);
    if (!('array' in c.out) && c.axis !== null) {
      // An explicit axis gives an NDArray even when every axis is reduced: 0-d here.
      expect((out as NDArray).ndim).toBe(0);
      const item = (out as NDArray).item();
      expectResult('bool' in c.out ? item !== 0 : item, c.out);
    } else if ('bool' in c.out && (op === 'max' || op === 'min')) {
      // max/min of a bool array are typed as numbers in tsdl: 1 or 0.
      expect(out).toBe(c.out.bool ? 1 : 0);
    } else expectResult(out, c.out);
  });
  test('209 copies of 1/209 sum to 0.9999999999999998, as numpy', () => {
    expect(np.sum(np.full([1, 209], 1 / 209))).toBe(0.9999999999999998);
    expect(F.course.sum_209).toBe(0.9999999999999998);
    expect(np.mean(np.ones([1, 209]).eq(np.ones([1, 209])))).toBe(F.course.mean_209_of_bool);
  });
  test('full reductions return JS numbers; axis reductions return arrays', () => {
    const a = np.array([[1, 2], [3, 4]]);
    expect(typeof np.sum(a)).toBe('number');
    expect(np.sum(a, { axis: 0 })).toBeInstanceOf(NDArray);
    expect(np.all(a.gt(0))).toBe(true);
    expect(a.sum({ axis: [0, 1], keepdims: true }).shape).toEqual([1, 1]);
  });
});

describe('dot, matmul, outer, norm', () => {
  // numpy uses BLAS here; its summation order differs from ours in the last bits.
  test.each(F.dot.map((c, i) => [i, c.op, c] as const))('case %i: %s', (_i, op, c) => {
    const out: NDArray = npAny[op](decArray(c.a), decArray(c.b));
    expect(out.shape).toEqual(c.out.shape);
    expect(out.dtype).toBe(c.out.dtype);
    expect(np.allclose(out, decArray(c.out), { rtol: 1e-13, atol: 1e-15 })).toBe(true);
  });
  test.each(F.norm.map((c, i) => [i, c] as const))('norm case %i', (_i, c) => {
    const out: unknown = np.linalg.norm(decArray(c.a), { axis: c.axis, keepdims: c.keepdims });
    if ('number' in c.out) expect(Math.abs((out as number) - (c.out.number as number))).toBeLessThanOrEqual(1e-14 * (c.out.number as number));
    else if ('array' in c.out) expect(np.allclose(out as NDArray, decArray(c.out.array), { rtol: 1e-14, atol: 0 }) && (out as NDArray).shape.join() === c.out.array.shape.join()).toBe(true);
  });
});

describe('indexing', () => {
  test.each(F.index.map((c, i) => [i, JSON.stringify(c.index), c] as const))('case %i: a[%s]', (_i, _s, c) => {
    const a = decArray(c.a);
    const out = a.slice(...toItems(c.index));
    expectArray(out, c.out);
    // A view shares the buffer (numpy's shares_memory); a copy does not.
    // A view shares the buffer (numpy's shares_memory); a copy does not. numpy returns a scalar,
    // not a view, for a full integer index, and an empty result shares no memory.
    if (out.ndim > 0 && out.size > 0) expect(out.data === a.data).toBe(c.view);
  });
  test.each(F.setindex.map((c, i) => [i, JSON.stringify(c.index), c] as const))('case %i: a[%s] = v', (_i, _s, c) => {
    const a = decArray(c.a);
    a.set(toItems(c.index), c.value);
    expectArray(a, c.out);
  });
  test('writing through a view changes the base', () => {
    const a = np.zeros([3, 4]);
    a.slice(':', '1:3').fill(5);
    expect(np.sum(a)).toBe(30);
    expect(a.get(0, 1)).toBe(5);
    expect(a.get(-1, -1)).toBe(0);
  });
});

describe('shape operations', () => {
  test.each(F.shape.map((c, i) => [i, c.op, c] as const))('case %i: %s', (_i, op, c) => {
    let out: NDArray;
    if (c.arrays) {
      const arrs = c.arrays.map((x) => decArray(x));
      if (op === 'concatenate') out = np.concatenate(arrs, { axis: c.arg as number | null });
      else if (op === 'append') out = np.append(arrs[0], arrs[1], c.arg === null ? {} : { axis: c.arg as number });
      else out = npAny[op](arrs);
    } else {
      const base = decArray(c.a as EncArray);
      const a = !c.prep ? base : c.prep[0] === 'slice' ? base.slice(...(c.prep[1] as IndexItem[]))
        : c.prep[1] === null ? base.T : base.transpose(c.prep[1] as number[]);
      if (op === 'reshape') out = a.reshape(c.arg as number[]);
      else if (op === 'transpose') out = c.arg === null ? a.T : a.transpose(c.arg as number[]);
      else if (op === 'ravel') out = a.ravel();
      else if (op === 'flatten') out = a.flatten();
      else if (op === 'squeeze') out = np.squeeze(a, c.arg === null ? undefined : c.arg as number);
      else out = np.expand_dims(a, c.arg as number);
      expect(out.data === a.data).toBe(c.view);
    }
    expectArray(out, c.out);
  });
});

describe('creation', () => {
  test.each(F.creation.map((c, i) => [i, c.op, c] as const))('case %i: %s', (_i, op, c) => {
    const args = c.args;
    let out: NDArray;
    if (op === 'linspace') out = np.linspace(args[0] as number, args[1] as number, args[2] as number, { endpoint: args[3] as boolean | undefined });
    else if (op === 'astype') out = np.array(args[0] as number[]).astype(c.dtype as string);
    else out = npAny[op](...args);
    expectArray(out, c.out);
  });
});

describe('errors read like numpy', () => {
  const run: Record<string, (c: Core['errors'][number]) => unknown> = {
    add: (c) => np.add(np.zeros(c.shapes[0]), np.zeros(c.shapes[1])),
    multiply: (c) => np.multiply(np.zeros(c.shapes[0]), np.zeros(c.shapes[1])),
    reshape: (c) => np.zeros(c.shapes[0]).reshape(c.shapes[1]),
    dot: (c) => np.dot(np.zeros(c.shapes[0]), np.zeros(c.shapes[1])),
    sum: (c) => np.sum(np.zeros(c.shapes[0]), { axis: c.axis }),
    index: (c) => np.zeros(c.shapes[0]).slice(...(c.index as number[])),
    concatenate: (c) => np.concatenate([np.zeros(c.shapes[0]), np.zeros(c.shapes[1])], { axis: 0 }),
    squeeze: (c) => np.squeeze(np.zeros(c.shapes[0]), c.axis),
    setindex: (c) => np.zeros(c.shapes[0]).set(':', np.zeros(c.shapes[1])),
    subtract_bool: (c) => np.subtract(np.ones(c.shapes[0], 'bool'), np.ones(c.shapes[1], 'bool')),
    power_neg_int: () => np.power(np.arange(2), -1),
  };
  test.each(F.errors.map((c, i) => [i, c.op, c] as const))('case %i: %s', (_i, op, c) => {
    expect(() => run[op](c)).toThrow(c.message.trimEnd());
  });
  test('nothing broadcasts beyond numpy rules', () => {
    expect(() => np.add(np.zeros([2, 3]), np.zeros([3, 2]))).toThrow('operands could not be broadcast together with shapes (2,3) (3,2)');
    expect(() => np.array([[1, 2], [3]])).toThrow(/inhomogeneous/);
    expect(() => np.array([1, 'x' as unknown as number])).toThrow(/unsupported element/);
    expect(() => np.zeros([2, 2]).get(0)).toThrow(/expected 2 indices/);
    expect(() => np.zeros(3).astype('float32')).toThrow(/not understood/);
    expect(() => np.arange(3).mul(2 ** 52).mul(4)).toThrow(/int64 result/);
  });
  test('sameValues reports the first mismatch', () => {
    expect(sameValues([1, 2], [1, 3])).toBe('element 1: got 2, numpy 3');
  });
});
