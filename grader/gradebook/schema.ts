/**
 * The gradebook's tables and their migrations. `PRAGMA user_version` records the schema a file has;
 * files written before it existed (version 0 with a `submissions` table) gain the new columns with
 * values that make their results readable and eligible for `--regrade` (no version recorded).
 */
import type Database from 'better-sqlite3';

export const SCHEMA_VERSION = 2;

const BASE = `
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

const HISTORY = `
CREATE TABLE IF NOT EXISTS history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  assignment TEXT NOT NULL,
  submission TEXT NOT NULL,
  status TEXT NOT NULL,
  version TEXT,
  score REAL NOT NULL,
  max_score REAL NOT NULL,
  result_json TEXT NOT NULL,
  graded_at TEXT NOT NULL,
  superseded_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS history_by_submission ON history (assignment, submission);`;

function columns(db: Database.Database, table: string): Set<string> {
  return new Set((db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name));
}

export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(`this gradebook has schema ${current}, newer than this tsdl understands (${SCHEMA_VERSION}); update tsdl`);
  }
  if (current === SCHEMA_VERSION) return;
  db.transaction(() => {
    db.exec(BASE);
    const have = columns(db, 'submissions');
    if (!have.has('status')) db.exec(`ALTER TABLE submissions ADD COLUMN status TEXT NOT NULL DEFAULT 'graded'`);
    if (!have.has('version')) db.exec('ALTER TABLE submissions ADD COLUMN version TEXT');
    db.exec(HISTORY);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}
