// The gradebook's schema migration, history and regrade selection; the queue's job ids and payloads;
// Canvas's CSV; plain progress lines. Real SQLite files in a temp folder.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PassThrough } from 'stream';
import Database from 'better-sqlite3';
import type { SubmissionResult } from '../../grader/grade/grade';
import { Gradebook } from '../../grader/gradebook/db';
import { SCHEMA_VERSION } from '../../grader/gradebook/schema';
import { createProgress } from '../../grader/progress';
import { encodeJob, jobId, writeJobNotebook } from '../../grader/queue/payload';
import { gradingFailed } from '../../grader/queue/results';
import { canvasCsv } from '../../grader/report/csv';

let dir: string;
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-gradebook-')); });
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const result = (submission: string, score: number, extra: Partial<SubmissionResult> = {}): SubmissionResult => ({
  submission, file: `/subs/${submission}`, assignment: 'toy', score, max_score: 4, output: 'out', status: 'graded',
  tests: [{ name: 'scale', score, max_score: 4, output: `${score} of 4`, visibility: 'visible' }], execution_time: 0.5, ...extra,
});

// The tables as tsdl wrote them before statuses, versions and history existed.
const OLD_SCHEMA = `
CREATE TABLE submissions (assignment TEXT NOT NULL, submission TEXT NOT NULL, file TEXT NOT NULL, score REAL NOT NULL,
  max_score REAL NOT NULL, output TEXT NOT NULL, result_json TEXT NOT NULL, graded_at TEXT NOT NULL, PRIMARY KEY (assignment, submission));
CREATE TABLE tests (assignment TEXT NOT NULL, submission TEXT NOT NULL, name TEXT NOT NULL, score REAL NOT NULL, max_score REAL NOT NULL,
  output TEXT NOT NULL, PRIMARY KEY (assignment, submission, name),
  FOREIGN KEY (assignment, submission) REFERENCES submissions (assignment, submission) ON DELETE CASCADE);`;

test('a gradebook written before versions stays readable and is due for --regrade', () => {
  const file = path.join(dir, 'old.sqlite');
  const old = new Database(file);
  old.exec(OLD_SCHEMA);
  const r = result('a.ipynb', 3);
  old.prepare('INSERT INTO submissions VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run('toy', 'a.ipynb', r.file, 3, 4, 'out', JSON.stringify(r), '2020-01-01T00:00:00Z');
  old.close();

  const gb = new Gradebook(file);
  expect(gb.results('toy')).toEqual([r]);
  expect(gb.stored('toy')[0]).toMatchObject({ status: 'graded', version: null });
  expect(gb.has('toy', 'a.ipynb')).toBe(true);
  expect(gb.toGrade('toy', ['a.ipynb', 'b.ipynb'], 'v1', false)).toEqual(['b.ipynb']);
  expect(gb.toGrade('toy', ['a.ipynb', 'b.ipynb'], 'v1', true)).toEqual(['a.ipynb', 'b.ipynb']);
  gb.close();
  const again = new Database(file);
  expect(again.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
  again.close();
  // Opening a migrated file again changes nothing.
  const gb2 = new Gradebook(file);
  expect(gb2.results('toy')).toEqual([r]);
  gb2.close();
});

test('a replaced result moves to history; a failure never replaces a grade', () => {
  const gb = new Gradebook(path.join(dir, 'g.sqlite'));
  gb.save(result('a.ipynb', 2), 'v1');
  gb.save(result('a.ipynb', 4), 'v2');
  expect(gb.results('toy').map((r) => r.score)).toEqual([4]);
  expect(gb.history('toy', 'a.ipynb').map((h) => [h.result.score, h.version, h.status])).toEqual([[2, 'v1', 'graded']]);
  gb.save(gradingFailed({ file: '/subs/a.ipynb', id: 'a.ipynb' }, 'toy', 'worker lost'), 'v3');
  expect(gb.stored('toy').map((s) => [s.result.score, s.version, s.status])).toEqual([[4, 'v2', 'graded']]);
  expect(gb.history('toy', 'a.ipynb').map((h) => h.status)).toEqual(['graded', 'failed']);
  expect(gb.toGrade('toy', ['a.ipynb'], 'v2', true)).toEqual([]);
  expect(gb.toGrade('toy', ['a.ipynb'], 'v3', true)).toEqual(['a.ipynb']);
  gb.close();
});

test('a failed result is stored as failed and graded again by any re-run', () => {
  const gb = new Gradebook(path.join(dir, 'g.sqlite'));
  gb.save(gradingFailed({ file: '/subs/b.ipynb', id: 'b.ipynb' }, 'toy', 'the grading worker stopped (SIGKILL)'), 'v1');
  expect(gb.stored('toy')).toMatchObject([{ status: 'failed', result: { score: 0, output: 'grading failed: the grading worker stopped (SIGKILL)' } }]);
  expect(gb.has('toy', 'b.ipynb')).toBe(false);
  expect(gb.toGrade('toy', ['b.ipynb'], 'v1', false)).toEqual(['b.ipynb']);
  gb.save(result('b.ipynb', 4), 'v1');
  expect(gb.stored('toy')).toMatchObject([{ status: 'graded', result: { score: 4 } }]);
  gb.close();
});

test('job ids: same bytes, assignment and version give one id; any change gives another', () => {
  const a = Buffer.from('{"cells": []}');
  expect(jobId(a, 'toy', 'v1')).toBe(jobId(Buffer.from(a), 'toy', 'v1'));
  expect(new Set([jobId(a, 'toy', 'v1'), jobId(a, 'toy', 'v2'), jobId(a, 'other', 'v1'), jobId(Buffer.from('{"cells": [] }'), 'toy', 'v1')]).size).toBe(4);
  expect(jobId(a, 'toy', 'v1')).toMatch(/^g-[0-9a-f]{64}$/);
});

test('a payload gives the worker exactly the queued bytes', () => {
  const f = path.join(dir, 'n.ipynb');
  const bytes = Buffer.concat([Buffer.from('{"cells": ['), Buffer.alloc(100_000, 0x20), Buffer.from([0xff, 0x00, 0x7f])]);
  fs.writeFileSync(f, bytes);
  const e = encodeJob(f, { assignment: 'toy', assignmentId: 'toy', version: 'v', limits: { timeoutMs: 1000, memoryMb: 256, submissionMs: 60_000 } });
  expect(e.id).toBe(jobId(bytes, 'toy', 'v'));
  expect(Buffer.byteLength(e.data.notebook!)).toBeLessThan(bytes.length / 10);
  const out = path.join(dir, 'out.ipynb');
  writeJobNotebook(JSON.parse(JSON.stringify(e.data)), out);
  expect(fs.readFileSync(out).equals(bytes)).toBe(true);
});

test('Canvas CSV: Student, ID, SIS User ID, SIS Login ID, Section, a column per assignment and Points Possible', () => {
  const csv = canvasCsv([result('jdoe', 3), { ...result('asmith, jr', 4), assignment: 'other', max_score: 10 }, result('asmith, jr', 1)]);
  expect(csv).toBe([
    'Student,ID,SIS User ID,SIS Login ID,Section,other,toy',
    'Points Possible,,,,,10,4',
    '"asmith, jr",,,"asmith, jr",,4,1',
    'jdoe,,,jdoe,,,3',
    '',
  ].join('\n'));
  expect(canvasCsv([result('42', 3)], { key: 'id' }).split('\n')[2]).toBe('42,42,,,,3');
});

test('progress without a terminal prints plain lines with done, failed, remaining and rate', async () => {
  const s = new PassThrough();
  let text = '';
  s.on('data', (d: Buffer) => { text += d.toString(); });
  const p = createProgress(3, s as unknown as NodeJS.WriteStream, { intervalSec: 0.05 });
  p.done(result('a', 4));
  await new Promise((r) => setTimeout(r, 120));
  p.done(gradingFailed({ file: 'b', id: 'b' }, 'toy', 'x'));
  p.done(result('c', 1));
  p.stop();
  const lines = text.trim().split('\n');
  expect(lines[0]).toMatch(/^grading: 1\/3 done, 0 failed, 2 remaining, [\d.]+\/min/);
  expect(lines[lines.length - 1]).toMatch(/^grading: 3\/3 done, 1 failed, 0 remaining, [\d.]+\/min$/);
});
