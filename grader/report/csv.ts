/** Grades as CSV: one row per submission, a column per graded function, then the total. */
import type { SubmissionResult } from '../grade/grade';

function cell(v: string | number): string {
  const s = String(v);
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
