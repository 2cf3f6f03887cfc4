// numpy 1.24 printing, checked case by case against test/fixtures/format.json
// (written by test/fixtures/gen_format.py with real numpy).
import * as fs from 'fs';
import * as util from 'util';
import * as path from 'path';
import { array2string, arrayRepr, arrayStr, Array2StringOptions, PrintableArray } from '../lib/np/format/array2string';
import { FloatFormatOptions, format_float_positional, format_float_scientific, roundAt, roundExact } from '../lib/np/format/dragon4';
import { DTypeName } from '../lib/np/format/formatters';
import { get_printoptions, PrintOptions, printoptions, set_printoptions } from '../lib/np/format/printoptions';
import { pyInt, pyStr } from '../lib/np/format/pyfloat';
import { NDArray } from '../lib/np/ndarray';

type Encoded = number | boolean | string;
type Recipe =
  | { kind: 'mod'; mul: number; mod: number; off: number; scale?: number; div?: number }
  | { kind: 'lin'; step: number; start: number };
interface ArrayInput {
  name: string;
  dtype: DTypeName;
  shape: number[];
  values?: Encoded[];
  recipe?: Recipe;
  sparse?: { fill: Encoded; idx: number[]; vals: Encoded[] };
}
interface ArrayCase extends ArrayInput { options?: Partial<PrintOptions>; str: string; repr: string }
interface A2SCase extends ArrayInput { fn: 'array2string' | 'array_str' | 'array_repr'; kwargs: Array2StringOptions; out: string }
interface Dragon4Case { fn: 'positional' | 'scientific'; x: Encoded; kwargs: FloatFormatOptions; out?: string; error?: string }
interface Fixture {
  numpy: string;
  defaults: Record<string, unknown>;
  arrays: ArrayCase[];
  a2s: A2SCase[];
  dragon4: Dragon4Case[];
  pystr: [Encoded, string][];
}

const fixture: Fixture = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'format.json'), 'utf8'));

function decode(v: Encoded): number {
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  switch (v) {
    case 'nan': return NaN;
    case 'inf': return Infinity;
    case '-inf': return -Infinity;
    case '-0.0': return -0;
  }
  throw new Error(`bad encoded value ${v}`);
}

function build(c: ArrayInput): PrintableArray {
  const n = c.shape.reduce((a, b) => a * b, 1);
  const data = new Float64Array(n);
  if (c.values) {
    c.values.forEach((v, i) => { data[i] = decode(v); });
  } else if (c.sparse) {
    data.fill(decode(c.sparse.fill));
    c.sparse.idx.forEach((k, i) => { data[k] = decode(c.sparse!.vals[i]); });
  } else if (c.recipe?.kind === 'mod') {
    const r = c.recipe;
    for (let i = 0; i < n; i++) {
      const k = ((i * r.mul) % r.mod) + r.off;
      data[i] = c.dtype === 'float64' ? (k * r.scale!) / r.div! : c.dtype === 'bool' ? Number(k !== 0) : k;
    }
  } else if (c.recipe?.kind === 'lin') {
    for (let i = 0; i < n; i++) data[i] = i * c.recipe.step + c.recipe.start;
  } else {
    throw new Error(`case ${c.name} has no input`);
  }
  return { shape: c.shape, dtype: c.dtype, values: () => data };
}

/** Fails with the case label and both strings, raw and JSON-quoted so whitespace shows. */
function same(actual: string, expected: string, label: string): void {
  if (actual === expected) return;
  throw new Error(`${label}\n--- numpy:\n${expected}\n--- tsdl:\n${actual}\n` +
    `--- numpy (json): ${JSON.stringify(expected)}\n--- tsdl (json): ${JSON.stringify(actual)}`);
}

test('fixture comes from numpy 1.24 and has enough cases', () => {
  expect(fixture.numpy.startsWith('1.24')).toBe(true);
  expect(fixture.arrays.length).toBeGreaterThanOrEqual(250);
  expect(fixture.pystr.length).toBeGreaterThanOrEqual(200);
});

test('default print options match numpy', () => {
  const o = get_printoptions();
  for (const k of ['precision', 'threshold', 'edgeitems', 'linewidth', 'suppress', 'nanstr',
    'infstr', 'sign', 'floatmode', 'legacy'] as const) {
    expect([k, o[k]]).toEqual([k, fixture.defaults[k]]);
  }
});

describe('pyStr is Python str(float)', () => {
  test.each(fixture.pystr.map((c, i) => [i, c[1], c[0]] as const))('#%i %s', (i, expected, x) => {
    same(pyStr(decode(x)), expected, `pystr case #${i}`);
  });
  test('pyInt', () => {
    expect(pyInt(-0)).toBe('0');
    expect(pyInt(2 ** 53 - 1)).toBe('9007199254740991');
    expect(pyInt(1e21)).toBe('1000000000000000000000');
  });
});

describe('format_float_positional / format_float_scientific', () => {
  test.each(fixture.dragon4.map((c, i) => [i, c] as const))('#%i', (i, c) => {
    const f = c.fn === 'positional' ? format_float_positional : format_float_scientific;
    const label = `dragon4 case #${i}: ${c.fn}(${JSON.stringify(c.x)}, ${JSON.stringify(c.kwargs)})`;
    if (c.error !== undefined) {
      expect(() => f(decode(c.x), c.kwargs)).toThrow();
    } else {
      same(f(decode(c.x), c.kwargs), c.out!, label);
    }
  });
});

describe('str(a) and repr(a)', () => {
  test.each(fixture.arrays.map((c, i) => [i, c.name, c] as const))('#%i %s', (i, name, c) => {
    const a = build(c);
    const [s, r] = printoptions(c.options ?? {}, () => [arrayStr(a), arrayRepr(a)]);
    same(s, c.str, `array case #${i} ${name}: str`);
    same(r, c.repr, `array case #${i} ${name}: repr`);
  });
});

describe('array2string / array_str / array_repr with keyword arguments', () => {
  test.each(fixture.a2s.map((c, i) => [i, c.name, c] as const))('#%i %s', (i, name, c) => {
    const a = build(c);
    const out = c.fn === 'array_str' ? arrayStr(a, c.kwargs)
      : c.fn === 'array_repr' ? arrayRepr(a, c.kwargs)
        : array2string(a.values(), a.shape, a.dtype, c.kwargs);
    same(out, c.out, `${c.fn} case #${i} ${name}`);
  });
});

describe('print options', () => {
  test('printoptions restores after fn, also when it throws', () => {
    const before = get_printoptions();
    printoptions({ precision: 3 }, (o) => {
      expect(o.precision).toBe(3);
      expect(get_printoptions().precision).toBe(3);
    });
    expect(get_printoptions()).toEqual(before);
    expect(() => printoptions({ linewidth: 10 }, () => { throw new Error('boom'); })).toThrow('boom');
    expect(get_printoptions()).toEqual(before);
  });
  test('set_printoptions changes only what is given and validates', () => {
    const before = get_printoptions();
    try {
      set_printoptions({ precision: 4 });
      expect(get_printoptions()).toEqual({ ...before, precision: 4 });
      expect(() => set_printoptions({ floatmode: 'nope' as never })).toThrow('floatmode option must be one of');
      expect(() => set_printoptions({ sign: 'x' as never })).toThrow("sign option must be one of");
      expect(() => set_printoptions({ threshold: NaN })).toThrow('threshold must be non-NAN');
      expect(() => set_printoptions({ precision: 1.5 })).toThrow('precision must be an integer');
    } finally {
      set_printoptions(before);
    }
    expect(get_printoptions()).toEqual(before);
  });
});

test('roundAt (toFixed with tie and carry handling) agrees with the exact BigInt expansion', () => {
  let seed = 12345;
  const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  const xs: number[] = [0.0999999, 9.9999999999, 0.95, 0.05, 2.5, 0.125, 1e-10, 6e-9, 999.5, 1e20];
  for (let k = 0; k < 6000; k++) {
    const e = Math.floor(rand() * 44) - 25;
    if (k % 3 === 0) xs.push(Math.floor(rand() * 4096) / 2 ** Math.floor(rand() * 24));
    else if (k % 3 === 1) xs.push((1 - 10 ** -Math.floor(rand() * 17)) * 10 ** e);
    else xs.push(rand() * 10 ** e);
  }
  xs.forEach((x, k) => {
    if (x === 0) return;
    const place = 0 - Math.floor(rand() * 30);
    const pad = k % 2 === 0;
    expect([x, place, pad, roundAt(x, place, pad)]).toEqual([x, place, pad, roundExact(x, place, pad)]);
  });
});

test('NDArray: String(a) is str(a), util.inspect(a) is repr(a), views print in logical order', () => {
  const c = fixture.arrays.find((k) => k.name === 'course W1 seed 3 randn(2,3)*10')!;
  const data = Float64Array.from(c.values!.map(decode));
  const a = new NDArray(data, [2, 3], 'float64');
  same(String(a), c.str, 'NDArray str');
  same(util.inspect(a), c.repr, 'NDArray repr');
  const t = new NDArray(data, [3, 2], 'float64', [1, 3], 0);
  same(util.inspect(t), 'array([[ 17.88628473, -18.63492703],\n       [  4.36509851,  -2.77388203],\n' +
    '       [  0.96497468,  -3.54758979]])', 'NDArray transposed view repr');
  same(String(new NDArray(new Float64Array([0.5]), [], 'float64')), '0.5', 'NDArray 0-d str');
});
