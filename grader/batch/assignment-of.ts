/**
 * The assignment a batch of submissions belongs to, when `tsdl grade` is not told: each released
 * notebook names it in `metadata.tsdl.assignment` (written by `tsdl release`), and students keep it.
 * Submissions that cannot be read, or do not say, are left to grading (they get their own results);
 * two different names are an error.
 */
import * as fs from 'fs';
import { jsonShapeProblem } from '../grade/notebook_input';

/** At most this much of a file is read to find its metadata (a submission is at most 64 MB). */
const MAX_BYTES = 64 * 1024 * 1024;

export function assignmentNamedBy(file: string): string | null {
  try {
    const st = fs.lstatSync(file);
    if (!st.isFile() || st.size > MAX_BYTES) return null;
    const text = fs.readFileSync(file, 'utf8');
    // The trusted parent reads these: the same guard against costly JSON as grading's own reading.
    if (jsonShapeProblem(text)) return null;
    const nb = JSON.parse(text) as { metadata?: { tsdl?: { assignment?: unknown } } };
    const id = nb?.metadata?.tsdl?.assignment;
    return typeof id === 'string' && /^[A-Za-z0-9_-]+$/.test(id) ? id : null;
  } catch {
    return null;
  }
}

export function assignmentOfSubmissions(files: string[]): string {
  const named = new Map<string, string>();
  for (const f of files) {
    const id = assignmentNamedBy(f);
    if (id && !named.has(id)) named.set(id, f);
  }
  if (named.size === 0) {
    throw new Error('no --assignment given, and no submission names its assignment (metadata.tsdl.assignment, written by tsdl release): pass -a <id>');
  }
  if (named.size > 1) {
    throw new Error(`no --assignment given, and the submissions name different assignments: ${[...named].map(([id, f]) => `${id} (${f})`).join(', ')}; pass -a <id>`);
  }
  return [...named.keys()][0];
}
