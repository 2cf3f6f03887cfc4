/**
 * The SQLite gradebook. One row per (assignment, submission) plus one per graded function, written
 * in a single transaction, so a killed batch leaves whole results only; re-grading a batch skips
 * what is already stored and never duplicates a row.
 */
import Database from 'better-sqlite3';
import type { SubmissionResult } from '../grade/grade';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS submissions (
  assignment TEXT NOT NULL,
  submission TEXT NOT NULL,
  file TEXT NOT NULL,
  score REAL NOT NULL,
  max_score REAL NOT NULL,
  output TEXT NOT NULL,
  result_json TEXT NOT NULL,
  graded_at TEXT NOT NULL,
  PRIMARY KEY (assignment, submission)
);
CREATE TABLE IF NOT EXISTS tests (
  assignment TEXT NOT NULL,
  submission TEXT NOT NULL,
  name TEXT NOT NULL,
  score REAL NOT NULL,
  max_score REAL NOT NULL,
  output TEXT NOT NULL,
  PRIMARY KEY (assignment, submission, name),
  FOREIGN KEY (assignment, submission) REFERENCES submissions (assignment, submission) ON DELETE CASCADE
);`;

export class Gradebook {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA);
  }

  has(assignment: string, submission: string): boolean {
    return !!this.db.prepare('SELECT 1 FROM submissions WHERE assignment = ? AND submission = ?').get(assignment, submission);
  }

  /** Stores a result (replacing an earlier one for the same submission) in one transaction. */
  save(r: SubmissionResult): void {
    const del = this.db.prepare('DELETE FROM submissions WHERE assignment = ? AND submission = ?');
    const ins = this.db.prepare('INSERT INTO submissions VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const insT = this.db.prepare('INSERT INTO tests VALUES (?, ?, ?, ?, ?, ?)');
    this.db.transaction(() => {
      del.run(r.assignment, r.submission);
      ins.run(r.assignment, r.submission, r.file, r.score, r.max_score, r.output, JSON.stringify(r), new Date().toISOString());
      for (const t of r.tests) insT.run(r.assignment, r.submission, t.name, t.score, t.max_score, t.output);
    })();
  }

  results(assignment?: string): SubmissionResult[] {
    const rows = (assignment
      ? this.db.prepare('SELECT result_json FROM submissions WHERE assignment = ? ORDER BY submission').all(assignment)
      : this.db.prepare('SELECT result_json FROM submissions ORDER BY assignment, submission').all()) as { result_json: string }[];
    return rows.map((r) => JSON.parse(r.result_json) as SubmissionResult);
  }

  close(): void { this.db.close(); }
}
