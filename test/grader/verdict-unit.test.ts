// The per-case verdict (grader/grade/verdict.ts) and the layout-independent binding of graded
// callees (grader/grade/late_binding.ts), tested on their own.
import { np } from '../../lib';
import { simpleFactor, verdictFor } from '../../grader/grade/verdict';
import { bindThroughExports } from '../../grader/grade/late_binding';
import type { PreparedCase } from '../../grader/grade/context';

const prepared = (expected: unknown, mistakes: PreparedCase['mistakes'] = [], extra: Partial<PreparedCase> = {}): PreparedCase =>
  ({ name: 'case', args: [], wire: [], expected, mistakes, ...extra });

describe('simpleFactor', () => {
  const expected = np.array([[0.5, -1.25], [3, 0.125]]);

  test('a result twice the expected one, or half of it, is named by its factor', () => {
    expect(simpleFactor(expected.mul(2), expected)).toBe('2 times');
    expect(simpleFactor(expected.mul(0.5), expected)).toBe('1/2 of');
    expect(simpleFactor(expected.mul(-3), expected)).toBe('-3 times');
  });

  test('the factor holds across the numbers of a tuple of arrays and numbers', () => {
    const e = [np.array([1, 2, 3]), 4, { b: np.array([[5]]) }];
    const a = [np.array([2, 4, 6]), 8, { b: np.array([[10]]) }];
    expect(simpleFactor(a, e)).toBe('2 times');
  });

  test('a scalar result never gets a factor, as a number or as a one-element array', () => {
    expect(simpleFactor(2.26, 2)).toBeNull();
    expect(simpleFactor(4, 2)).toBeNull();
    expect(simpleFactor(np.array([4]), np.array([2]))).toBeNull();
  });

  test('a ratio that is not a small whole number or its inverse gets no factor', () => {
    expect(simpleFactor(expected.mul(1.13), expected)).toBeNull();
    expect(simpleFactor(expected.mul(2.5), expected)).toBeNull();
  });

  test('a result that is not one multiple of the expected one gets no factor', () => {
    expect(simpleFactor(np.array([2, 4, 7]), np.array([1, 2, 3]))).toBeNull();
    expect(simpleFactor(np.array([2, 4]), np.array([1, 2, 3]))).toBeNull();
    expect(simpleFactor(expected, expected)).toBeNull();
  });
});

describe('verdictFor', () => {
  const expected = np.array([0.375, 1.5, -2.25, 3.125]);

  test('a passing result has no verdict', () => {
    expect(verdictFor(np.array([0.375, 1.5, -2.25, 3.125]), prepared(expected))).toBeNull();
  });

  test('a multiple of a multi-element result names the factor and no value', () => {
    const v = verdictFor(expected.mul(2), prepared(expected));
    expect(v).toMatch(/your values are 2 times the expected ones/);
    for (const x of ['0.375', '1.5', '2.25', '3.125', '0.75', '4.5', '6.25']) expect(v).not.toContain(x);
  });

  test('a scalar result that is off by 1.13 or by 2 gets no factor', () => {
    for (const actual of [2.26, 4, np.array([4])]) {
      const v = verdictFor(actual, prepared(2));
      expect(v).not.toBeNull();
      expect(v).not.toMatch(/times|of the expected|1\.13|\b2\b/);
    }
  });

  test('the known-mistake diagnosis wins over the factor', () => {
    const c = prepared(expected, [{ message: 'divide by m', output: expected.mul(2) }]);
    const v = verdictFor(expected.mul(2), c);
    expect(v).toMatch(/this matches a known mistake: divide by m/);
    expect(v).not.toMatch(/times the expected/);
  });

  test('a known mistake whose output differs from the result is not named', () => {
    const c = prepared(expected, [{ message: 'divide by m', output: expected.mul(3) }, { message: 'threw', output: undefined, threw: 'x' }]);
    const v = verdictFor(expected.mul(2), c);
    expect(v).not.toMatch(/known mistake/);
    expect(v).toMatch(/2 times the expected ones/);
  });

  test('a judged case passes under its threshold and fails over it, with no digits of the result', () => {
    const c = prepared(undefined, [], { judge: { below: 2e-7 } });
    expect(verdictFor(1.5e-9, c)).toBeNull();
    expect(verdictFor(0.0123456, c)).toMatch(/below 2e-7/);
    expect(verdictFor(0.0123456, c)).not.toMatch(/0\.0123/);
    expect(verdictFor(np.array([1, 2]), c)).toMatch(/should be a number/);
    expect(verdictFor(0.5, prepared(undefined, [], { judge: { above: 1e-3 } }))).toBeNull();
    expect(verdictFor(1e-5, prepared(undefined, [], { judge: { above: 1e-3 } }))).toMatch(/above 0\.001/);
  });
});

describe('bindThroughExports', () => {
  const graded = new Set(['f', 'g']);
  const bind = (js: string): string => bindThroughExports(js, graded);

  test('a same-cell call to a graded function inside a function body goes through exports', () => {
    expect(bind('function g(x) { return f(x) + 1; }')).toBe('function g(x) { return exports.f(x) + 1; }');
    expect(bind('const h = (x) => g(f(x));')).toBe('const h = (x) => exports.g(exports.f(x));');
  });

  test('a parameter or a local of the same name shadows the graded function', () => {
    expect(bind('function h(f) { return f(1); }')).toBe('function h(f) { return f(1); }');
    expect(bind('function h() { const f = (x) => x; return f(1); }')).toBe('function h() { const f = (x) => x; return f(1); }');
    expect(bind('function h() { function f() { return 0; } return f(); }')).toBe('function h() { function f() { return 0; } return f(); }');
  });

  // Known bug (reported for issue 14): declaredNames collects a function's block-scoped `let`/`const`
  // from every nested block, so a `const f` inside an inner block shadows `f` in the whole function
  // and the caller keeps the same-cell callee. When it is fixed, this test fails: make it a plain test.
  test('a let in an inner block shadows the graded function only inside that block', () => {
    expect(bind('function h() { { let f = 1; } return f(); }')).toBe('function h() { { let f = 1; } return exports.f(); }');
  });

  test('a var in an inner block is function-scoped and shadows the graded function everywhere in it', () => {
    expect(bind('function h() { { var f = 1; } return f; }')).toBe('function h() { { var f = 1; } return f; }');
  });

  test('property names are not references', () => {
    expect(bind('function h(a) { return a.f + a.g(); }')).toBe('function h(a) { return a.f + a.g(); }');
    expect(bind('function h() { return { f: 1, g() { return 2; } }; }')).toBe('function h() { return { f: 1, g() { return 2; } }; }');
  });

  test('a shorthand property keeps its key and binds its value through exports', () => {
    expect(bind('function h() { return { f }; }')).toBe('function h() { return { f: exports.f }; }');
  });

  test('top-level calls are left alone', () => {
    expect(bind('f(1);\nconst y = g(2);')).toBe('f(1);\nconst y = g(2);');
    expect(bind('f(1);\nfunction h() { return f(2); }')).toBe('f(1);\nfunction h() { return exports.f(2); }');
  });

  test('names outside the graded set are left alone', () => {
    expect(bind('function h() { return k(1); }')).toBe('function h() { return k(1); }');
    expect(bindThroughExports('function h() { return f(1); }', new Set())).toBe('function h() { return f(1); }');
  });
});
