/**
 * Grades as CSV: one row per submission, a column per graded function, then the total; and the
 * layout Canvas's gradebook import reads (Student, ID, SIS User ID, SIS Login ID, Section, then a
 * column per assignment, with a "Points Possible" row).
 */
import type { SubmissionResult } from '../grade/grade';

function cell(v: string | number): string {
  // A text that a spreadsheet would read as a formula (=, +, -, @, tab, CR first) is kept as text.
  const s = typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function gradesCsv(results: SubmissionResult[]): string {
  const fns = [...new Set(results.flatMap((r) => r.tests.map((t) => t.name)))];
  const rows = [['submission', 'assignment', ...fns, 'score', 'max_score'].map(cell).join(',')];
  for (const r of results) {
    const by = new Map(r.tests.map((t) => [t.name, t.score]));
    rows.push([r.submission, r.assignment, ...fns.map((f) => by.get(f) ?? ''), r.score, r.max_score].map(cell).join(','));
  }
  return rows.join('\n') + '\n';
}

/** Which Canvas column holds the submission id (Canvas matches a row to a student by any of them). */
export type CanvasKey = 'id' | 'sis_user_id' | 'sis_login_id';

export interface CanvasOptions {
  key?: CanvasKey;
  /** Column header per assignment id; Canvas matches an existing assignment by "Name (canvas id)" or creates one. */
  columns?: Record<string, string>;
}

export function canvasCsv(results: SubmissionResult[], opts: CanvasOptions = {}): string {
  const key = opts.key ?? 'sis_login_id';
  const assignments = [...new Set(results.map((r) => r.assignment))].sort();
  const header = (a: string): string => opts.columns?.[a] ?? a;
  const points = new Map<string, number>();
  for (const r of results) points.set(r.assignment, Math.max(points.get(r.assignment) ?? 0, r.max_score));
  const students = [...new Set(results.map((r) => r.submission))].sort();
  const score = new Map(results.map((r) => [`${r.assignment}\0${r.submission}`, r.score]));
  const rows = [
    ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', ...assignments.map(header)],
    ['Points Possible', '', '', '', '', ...assignments.map((a) => points.get(a) ?? 0)],
  ];
  for (const s of students) {
    rows.push([s, key === 'id' ? s : '', key === 'sis_user_id' ? s : '', key === 'sis_login_id' ? s : '', '',
      ...assignments.map((a) => score.get(`${a}\0${s}`) ?? '')]);
  }
  return rows.map((r) => r.map(cell).join(',')).join('\n') + '\n';
}
