// `tsdl new <id>` writes an assignment that passes `tsdl validate` as created; `tsdl grade` finds the
// assignment in the notebooks' metadata. The scaffold goes into grader/assignments (where its module
// 'tsdl/lib/course/<id>' is found) under a name of this process, its released notebook and course
// order into a scratch folder, and all of it is removed afterwards.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { assignmentOfSubmissions } from '../grader/batch/assignment-of';
import { scaffoldAssignment } from '../grader/scaffold/scaffold';
import { gradingConfigs } from '../grader/validate/configs';
import { validateAssignment } from '../grader/validate/validate';

const REPO = path.resolve(__dirname, '..');

describe('tsdl new', () => {
  const id = `scaffold_probe_${process.pid}`;
  const dir = path.join(REPO, 'grader', 'assignments', id);
  const scratch = path.join(REPO, 'test', 'artifacts', `scaffold-${process.pid}`);
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  test('scaffolds source, hidden tests, public tests and the release; validate passes as created', async () => {
    fs.mkdirSync(scratch, { recursive: true });
    const orderFile = path.join(scratch, 'order.json');
    fs.writeFileSync(orderFile, '["a", "b"]\n');
    const written = scaffoldAssignment(id, { title: 'A probe', before: 'b', notebooksDir: path.join(scratch, 'notebooks'), orderFile });
    expect(written.map((f) => path.relative(REPO, f)).sort()).toEqual([
      `grader/assignments/${id}/hidden_tests.ts`, `grader/assignments/${id}/lib/index.ts`, `grader/assignments/${id}/lib/public_tests.ts`,
      `grader/assignments/${id}/source.ipynb`, path.relative(REPO, path.join(scratch, 'notebooks', `${id}.ipynb`)), path.relative(REPO, orderFile),
    ].sort());
    expect(JSON.parse(fs.readFileSync(orderFile, 'utf8'))).toEqual(['a', id, 'b']);
    expect(() => scaffoldAssignment(id, { notebooksDir: path.join(scratch, 'notebooks'), orderFile })).toThrow('already exists');
    expect(() => scaffoldAssignment('Bad-Id')).toThrow('lowercase letters');

    const r = await validateAssignment(id, { repo: scratch, configs: gradingConfigs().slice(0, 1), layouts: false });
    expect(r.lines.filter((l) => !l.startsWith('ok ')).join('\n')).toBe('');
    expect(r.lines.join('\n')).toContain('source notebook runs headless');
    expect(r.lines.join('\n')).toMatch(/planted mistake scale: add k instead of multiplying by it loses points in scale, named in the feedback/);
    expect(r.ok).toBe(true);
  }, 600_000);
});

describe('tsdl grade without --assignment', () => {
  let tmp: string;
  beforeAll(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-assignment-of-')); });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const nb = (name: string, tsdl?: object): string => {
    const f = path.join(tmp, name);
    fs.writeFileSync(f, JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: tsdl ? { tsdl } : {}, cells: [] }));
    return f;
  };

  test('the assignment named by the notebooks; unreadable or silent ones do not count', () => {
    const a = nb('a.ipynb', { assignment: 'logistic_regression' });
    const silent = nb('b.ipynb');
    const junk = path.join(tmp, 'junk.ipynb');
    fs.writeFileSync(junk, '{ not json');
    expect(assignmentOfSubmissions([a, silent, junk])).toBe('logistic_regression');
  });

  test('none, or two different, is an error saying to pass -a', () => {
    expect(() => assignmentOfSubmissions([nb('c.ipynb')])).toThrow(/no submission names its assignment .*pass -a <id>/);
    expect(() => assignmentOfSubmissions([nb('d.ipynb', { assignment: 'x' }), nb('e.ipynb', { assignment: 'y' })])).toThrow(/name different assignments: x .*, y .*; pass -a <id>/);
    expect(() => assignmentOfSubmissions([nb('f.ipynb', { assignment: '../../etc' })])).toThrow(/no submission names/);
  });
});
