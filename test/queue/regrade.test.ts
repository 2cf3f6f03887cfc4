// Regrades through the real CLI: a fixed hidden test changes the assignment's version; a plain re-run
// skips what is graded, `--regrade` grades it again and keeps the earlier result as history; `tsdl
// export --canvas` writes Canvas's import layout.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import Database from 'better-sqlite3';
import { assignmentVersion } from '../../grader/grade/version';
import { REPO, TSDL } from './processes';

jest.setTimeout(600_000);

const TOY = path.join(REPO, 'test', 'fixtures', 'grader', 'toy');
let dir: string, assignment: string, subs: string, db: string;

const tsdl = (...args: string[]): ReturnType<typeof spawnSync> =>
  spawnSync(process.execPath, [TSDL, ...args], { cwd: REPO, encoding: 'utf8', timeout: 300_000 });
const grade = (...extra: string[]): ReturnType<typeof spawnSync> => tsdl('grade', subs, '-a', assignment, '--jobs', '1', '--db', db, ...extra);
const query = (sql: string): unknown[] => { const d = new Database(db, { readonly: true }); try { return d.prepare(sql).all(); } finally { d.close(); } };

beforeAll(() => {
  // At the fixture's depth in the repository: its hidden tests import the library by relative path.
  fs.mkdirSync(path.join(REPO, 'test', 'artifacts'), { recursive: true });
  dir = fs.mkdtempSync(path.join(REPO, 'test', 'artifacts', 'regrade-'));
  assignment = path.join(dir, 'toy');
  fs.cpSync(TOY, assignment, { recursive: true });
  subs = path.join(dir, 'subs');
  fs.mkdirSync(subs);
  fs.copyFileSync(path.join(TOY, 'source.ipynb'), path.join(subs, 'good.ipynb'));
  fs.writeFileSync(path.join(subs, 'broken.ipynb'), '{"cells": [');
  db = path.join(dir, 'grades.sqlite');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('version, re-run, regrade, history and Canvas export', () => {
  const v1 = assignmentVersion(assignment);
  const first = grade();
  expect(first.status).toBe(0);
  expect(query('SELECT submission, score, status, version FROM submissions ORDER BY submission')).toEqual([
    { submission: 'broken.ipynb', score: 0, status: 'graded', version: v1 },
    { submission: 'good.ipynb', score: 4, status: 'graded', version: v1 },
  ]);

  fs.appendFileSync(path.join(assignment, 'hidden_tests.ts'), '\n// a fixed hidden test\n');
  const v2 = assignmentVersion(assignment);
  expect(v2).not.toBe(v1);

  const rerun = grade();
  expect(rerun.stderr).toMatch(/2 submissions already in .*; grading the other 0/);
  expect(query('SELECT version FROM submissions')).toEqual([{ version: v1 }, { version: v1 }]);

  const regrade = grade('--regrade');
  expect(regrade.status).toBe(0);
  expect(query('SELECT submission, score, version FROM submissions ORDER BY submission')).toEqual([
    { submission: 'broken.ipynb', score: 0, version: v2 },
    { submission: 'good.ipynb', score: 4, version: v2 },
  ]);
  expect(query('SELECT submission, version, status FROM history ORDER BY submission')).toEqual([
    { submission: 'broken.ipynb', version: v1, status: 'graded' },
    { submission: 'good.ipynb', version: v1, status: 'graded' },
  ]);
  expect(grade('--regrade').stderr).toMatch(/grading the other 0/);

  const canvas = path.join(dir, 'canvas.csv');
  expect(tsdl('export', '--db', db, '--canvas', canvas).status).toBe(0);
  expect(fs.readFileSync(canvas, 'utf8')).toBe('Student,ID,SIS User ID,SIS Login ID,Section,toy\nPoints Possible,,,,,4\nbroken.ipynb,,,broken.ipynb,,0\ngood.ipynb,,,good.ipynb,,4\n');
});
