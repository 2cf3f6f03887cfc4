// An instructor's mistakes are caught: each authoring mistake is planted into a scratch copy of the
// logistic-regression assignment, and `tsdl validate` must fail with a message that names it. The
// copy's known mistakes lose their plants (validate then grades only the source and the release),
// except where a test is about them.
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { validateAssignment, ValidationReport } from '../grader/validate/validate';
import { gradingConfigs } from '../grader/validate/configs';
import { REPO, Scratch, removeScratches, scratchCopy } from './helpers/authoring-scratch';

const ID = 'logistic_regression';
jest.setTimeout(600_000);

async function validate(s: Scratch, runSource = false): Promise<ValidationReport> {
  return validateAssignment(s.dir, { repo: s.root, configs: gradingConfigs().slice(0, 1), layouts: false, authoring: { runSource } });
}

/** The FAIL lines of a report with their details, as one text. */
const failures = (r: ValidationReport): string => {
  const out: string[] = [];
  let inFail = false;
  for (const l of r.lines) {
    if (l.startsWith('FAIL')) inFail = true;
    else if (l.startsWith('ok')) inFail = false;
    if (inFail) out.push(l);
  }
  return out.join('\n');
};

afterAll(() => removeScratches());

test('the unchanged copy passes validate, source run included', async () => {
  const r = await validate(scratchCopy(ID, 'baseline', { plants: false }), true);
  expect(failures(r)).toBe('');
  expect(r.ok).toBe(true);
});

test('a bug in the reference solution: the public check that prints ✗ is named', async () => {
  const s = scratchCopy(ID, 'reference-bug', { plants: false });
  s.editCell('propagate', 'db = (1 / m) * np.sum(A.sub(Y));', 'db = np.sum(A.sub(Y));');
  s.release();
  const r = await validate(s, true);
  expect(r.ok).toBe(false);
  expect(failures(r)).toMatch(/source notebook, run headless: .*public checks printed ✗/);
  expect(failures(r)).toMatch(/code cell 9 \(In \[\d+\]\) printed: ✗ db = 0\.00145557813678: db is/);
  // The course's published db, pinned in the hidden tests, disagrees too.
  expect(failures(r)).toMatch(/propagate: hidden test 1 .*disagrees with the published values: .*result\[0\]\.db/);
});

test('a released stub that does not compile is named with its cell and error', async () => {
  const s = scratchCopy(ID, 'stub-compile', { plants: false });
  s.editCell('sigmoid', '  let s: NDArray;\n', '');
  s.editCell('sigmoid', '  s = np.divide(', '  const s = np.divide(');
  s.release();
  const r = await validate(s);
  expect(r.ok).toBe(false);
  expect(failures(r)).toContain("code cell 3 (the stub of sigmoid) does not compile: 7:10 - Cannot find name 's'.");
});

test('known mistakes that crash do not count as caught', async () => {
  const s = scratchCopy(ID, 'crashing-mistakes', { plants: false });
  s.editTests('impl: (z) => np.divide(1, np.add(1, np.exp(z as NDArray))),', 'impl: (z) => np.exp((z as { no?: NDArray }).no as NDArray),');
  s.editTests('impl: (z) => np.divide(1, np.subtract(1, np.exp(np.negative(z as NDArray)))),', 'impl: () => np.exp(undefined as unknown as NDArray),');
  const r = await validate(s);
  expect(r.ok).toBe(false);
  expect(failures(r)).toMatch(/sigmoid: hidden test 1 \(.*\) passes for every planted mistake \(2 planted; 2 crashed, not caught/);
});

test('a graded function using a constant of a cell with statements: the rule is named', async () => {
  const s = scratchCopy(ID, 'statement-constant', { plants: false });
  s.editCell('data', 'const { train_X', 'const THRESHOLD = 0.5;\nconst { train_X');
  s.editCell('predict', 'A.gt(0.5)', 'A.gt(THRESHOLD)');
  s.release();
  const r = await validate(s);
  expect(r.ok).toBe(false);
  expect(failures(r)).toContain("Cannot find name 'THRESHOLD'");
  expect(failures(r)).toContain('THRESHOLD is declared in code cell 2, a cell with statements: graded functions are graded with only the graded cells and the cells that only declare');
});

test('a helper function from a cell of declarations only is seen by a graded function, in the kernel and when graded', async () => {
  const s = scratchCopy(ID, 'helper-cell', { plants: false });
  s.editSource((nb) => {
    const at = nb.cells.findIndex((c) => c.id === 'data');
    nb.cells.splice(at, 0, { cell_type: 'code', id: 'helper', metadata: {}, source: 'function decision_threshold(): number {\n  return 0.5;\n}', outputs: [], execution_count: null });
  });
  s.editCell('predict', 'A.gt(0.5)', 'A.gt(decision_threshold())');
  s.release();
  const r = await validate(s, true);
  expect(failures(r)).toBe('');
  expect(r.ok).toBe(true);
});

test('an assignment folder is all there is: its module resolves with nothing registered', () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { publicModules } = require('../scripts/runtime-bundle.js') as { publicModules: () => Record<string, string> };
  expect(publicModules()[`tsdl/lib/course/${ID}`]).toBe(path.join(REPO, 'grader', 'assignments', ID, 'lib', 'index.ts'));
  expect(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).not.toContain(ID);
  expect(fs.realpathSync(require.resolve(`tsdl/lib/course/${ID}`))).toBe(path.join(REPO, 'dist', 'entries', `lib__course__${ID}.js`));
  const resolved = ts.resolveModuleName(`tsdl/lib/course/${ID}`, path.join(REPO, 'notebooks', 'x.ts'), { moduleResolution: ts.ModuleResolutionKind.Node10 }, ts.createCompilerHost({})).resolvedModule;
  expect(resolved && fs.realpathSync(resolved.resolvedFileName)).toBe(path.join(REPO, 'dist', 'types', 'grader', 'assignments', ID, 'lib', 'index.d.ts'));
});

describe('hidden_tests.ts mistakes are named with the field and the line', () => {
  test('a typo in a field name', async () => {
    const s = scratchCopy(ID, 'typo', { plants: false });
    s.editTests("callees: ['sigmoid'],\n    cases: [\n      {\n        name: 'the course\\'s example', args: courseCase,", "callees: ['sigmoid'],\n    case: [\n      {\n        name: 'the course\\'s example', args: courseCase,");
    const r = await validate(s);
    expect(r.ok).toBe(false);
    expect(failures(r)).toMatch(/hidden_tests\.ts: propagate\.case \(line \d+\): unknown field; did you mean 'cases'\?/);
    expect(failures(r)).toMatch(/hidden_tests\.ts: propagate\.cases \(line \d+\): cases must be a non-empty list/);
  });

  test('points given as a string', async () => {
    const s = scratchCopy(ID, 'points-string', { plants: false });
    s.editTests("  predict: {\n    points: 1,", "  predict: {\n    points: '1',");
    const r = await validate(s);
    expect(r.ok).toBe(false);
    const line = fs.readFileSync(s.testsFile, 'utf8').split('\n').findIndex((l) => l.includes("points: '1',")) + 1;
    expect(failures(r)).toContain(`hidden_tests.ts: predict.points (line ${line}): points must be a number of at least 0 (found the string "1")`);
    expect(failures(r)).toMatch(new RegExp(`hidden_tests\\.ts line ${line}:\\d+ - Type 'string' is not assignable to type 'number'`));
  });

  test('a case with the wrong number of arguments', async () => {
    const s = scratchCopy(ID, 'arity', { plants: false });
    s.editTests("args: () => [np.array([0, 2])],", 'args: () => [np.array([0, 2]), 3],');
    const r = await validate(s);
    expect(r.ok).toBe(false);
    expect(failures(r)).toMatch(/hidden_tests\.ts: sigmoid\.cases\[0\] '.*' \(line \d+\): args gives 2 argument\(s\); sigmoid takes 1/);
  });
});

describe('the assignment is complete and current', () => {
  test('a stale released notebook', async () => {
    const s = scratchCopy(ID, 'stale', { plants: false });
    s.editCell('data', "console.log('train_X shape: '", "console.log('training set, train_X shape: '");
    const r = await validate(s);
    expect(r.ok).toBe(false);
    expect(failures(r)).toContain(`FAIL released notebook is stale\n     ${path.join(s.root, 'notebooks', `${ID}.ipynb`)} differs from the release of ${s.sourceFile}: run npx tsdl release ${ID}`);
  });

  test('a graded function without hidden tests', async () => {
    const s = scratchCopy(ID, 'untested', { plants: false });
    s.editTests(/\n {2}model: \{[\s\S]*\n {2}\},\n\};\n$/, '\n};\n');
    const r = await validate(s);
    expect(r.ok).toBe(false);
    expect(failures(r)).toContain('model (code cell 14) is a graded function with no hidden tests: add model to hidden_tests.ts');
  });

  test('points that disagree with the notebook\'s metadata', async () => {
    const s = scratchCopy(ID, 'points', { plants: false });
    s.editTests("  sigmoid: {\n    points: 1,", "  sigmoid: {\n    points: 2,");
    const r = await validate(s);
    expect(r.ok).toBe(false);
    expect(failures(r)).toContain("sigmoid: hidden_tests.ts gives 2 point(s), the notebook's metadata (code cell 3, nbgrader.points) 1");
  });

  test('a public test cell whose declarations a later cell needs', async () => {
    const s = scratchCopy(ID, 'test-cell', { plants: false });
    s.editCell('sigmoid-test', "console.log('sigmoid([0, 2]) = ' + sigmoid(np.array([0, 2])));", "const s0 = sigmoid(np.array([0, 2]));\nconsole.log('sigmoid([0, 2]) = ' + s0);");
    s.editCell('init-test', 'const [w0, b0] = initialize_with_zeros(2);', "const [w0, b0] = initialize_with_zeros(2);\nconsole.log('again: ' + s0);");
    s.release();
    const r = await validate(s);
    expect(r.ok).toBe(false);
    expect(failures(r)).toContain('code cell 4 runs a public test and declares s0, which code cell 6 uses');
  });

  test('a reference that disagrees with a published value', async () => {
    const s = scratchCopy(ID, 'published', { plants: false });
    s.editTests('5.801545319394553],', '5.9],');
    const r = await validate(s);
    expect(r.ok).toBe(false);
    expect(failures(r)).toMatch(/propagate: hidden test 1 \(the course's example\): the reference disagrees with the published values: .*result\[1\]/);
  });
});
