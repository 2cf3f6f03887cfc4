/**
 * The SQLite gradebook. One row per (assignment, submission) plus one per graded function, written
 * in a single transaction, so a killed batch leaves whole results only; grading a batch again skips
 * what is already graded and never duplicates a row. A replaced result moves to `history`. Each row
 * records its status (graded, or failed: the grader could not grade it) and the hidden-tests version
 * it was graded under, which is what `--regrade` compares.
 */
import Database from 'better-sqlite3';
import type { SubmissionResult } from '../grade/grade';
import { migrate } from './schema';
import { ResultStatus, resultStatus } from './status';

export interface StoredResult { result: SubmissionResult; status: ResultStatus; version: string | null; graded_at: string }
export interface HistoryEntry extends StoredResult { superseded_at: string }

export class Gradebook {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    migrate(this.db);
  }

  /** True when the submission has a graded result (a failed one does not count: it is graded again). */
  has(assignment: string, submission: string): boolean {
    return !!this.db.prepare(`SELECT 1 FROM submissions WHERE assignment = ? AND submission = ? AND status = 'graded'`).get(assignment, submission);
  }

  /**
   * Of `submissions`, those to grade: not stored, or stored as failed; with `regrade`, also those
   * graded under a hidden-tests version other than `version`.
   */
  toGrade(assignment: string, submissions: string[], version: string, regrade: boolean): string[] {
    const row = this.db.prepare('SELECT status, version FROM submissions WHERE assignment = ? AND submission = ?');
    return submissions.filter((s) => {
      const r = row.get(assignment, s) as { status: string; version: string | null } | undefined;
      return !r || r.status !== 'graded' || (regrade && r.version !== version);
    });
  }

  /**
   * Stores a result, moving the one it replaces to history, in one transaction. A failed result
   * does not replace a graded one (the grade stays; the failure goes to history).
   */
  save(r: SubmissionResult, version: string | null = null): void {
    const status = resultStatus(r);
    const now = new Date().toISOString();
    const old = this.db.prepare('SELECT * FROM submissions WHERE assignment = ? AND submission = ?').get(r.assignment, r.submission) as
      { status: string; version: string | null; score: number; max_score: number; result_json: string; graded_at: string } | undefined;
    const toHistory = this.db.prepare(`INSERT INTO history (assignment, submission, status, version, score, max_score, result_json, graded_at, superseded_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const json = JSON.stringify({ ...r, status });
    this.db.transaction(() => {
      if (old && old.status === 'graded' && status === 'failed') {
        toHistory.run(r.assignment, r.submission, status, version, r.score, r.max_score, json, now, now);
        return;
      }
      if (old) toHistory.run(r.assignment, r.submission, old.status, old.version, old.score, old.max_score, old.result_json, old.graded_at, now);
      this.db.prepare('DELETE FROM submissions WHERE assignment = ? AND submission = ?').run(r.assignment, r.submission);
      this.db.prepare(`INSERT INTO submissions (assignment, submission, file, score, max_score, output, result_json, graded_at, status, version)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(r.assignment, r.submission, r.file, r.score, r.max_score, r.output, json, now, status, version);
      const insT = this.db.prepare('INSERT INTO tests VALUES (?, ?, ?, ?, ?, ?)');
      for (const t of r.tests) insT.run(r.assignment, r.submission, t.name, t.score, t.max_score, t.output);
    })();
  }

  results(assignment?: string): SubmissionResult[] {
    return this.stored(assignment).map((s) => s.result);
  }

  stored(assignment?: string): StoredResult[] {
    const rows = (assignment
      ? this.db.prepare('SELECT result_json, status, version, graded_at FROM submissions WHERE assignment = ? ORDER BY submission').all(assignment)
      : this.db.prepare('SELECT result_json, status, version, graded_at FROM submissions ORDER BY assignment, submission').all()) as
      { result_json: string; status: ResultStatus; version: string | null; graded_at: string }[];
    return rows.map((r) => ({ result: JSON.parse(r.result_json) as SubmissionResult, status: r.status, version: r.version, graded_at: r.graded_at }));
  }

  /** Earlier results of a submission, oldest first. */
  history(assignment: string, submission: string): HistoryEntry[] {
    const rows = this.db.prepare('SELECT result_json, status, version, graded_at, superseded_at FROM history WHERE assignment = ? AND submission = ? ORDER BY id')
      .all(assignment, submission) as { result_json: string; status: ResultStatus; version: string | null; graded_at: string; superseded_at: string }[];
    return rows.map((r) => ({ result: JSON.parse(r.result_json) as SubmissionResult, status: r.status, version: r.version, graded_at: r.graded_at, superseded_at: r.superseded_at }));
  }

  close(): void { this.db.close(); }
}
