/**
 * What a queued job carries: the notebook's bytes (gzip, base64), so a worker needs no shared
 * filesystem, and everything else that decides its grade. Its id is a hash of the bytes, the
 * assignment and the hidden-tests version: the same bytes queued twice are one job.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as zlib from 'zlib';
import { MAX_NOTEBOOK_BYTES } from '../grade/notebook_input';
import type { Limits } from '../sandbox/client';

export interface GradingJob {
  /** `tsdl grade -a` as given: an assignment id, or an assignment folder (which must exist on the worker too). */
  assignment: string;
  assignmentId: string;
  version: string;
  limits: Limits;
  /** gzip + base64 of the notebook; absent when the file is over the grader's size limit. */
  notebook?: string;
  /** Size of the file in bytes (a worker recreates an oversize file's size so the grader's own message applies). */
  size: number;
}

export function jobId(bytes: Buffer, assignmentId: string, version: string): string {
  const h = crypto.createHash('sha256');
  h.update(bytes).update('\0').update(assignmentId).update('\0').update(version);
  return `g-${h.digest('hex')}`;
}

export interface Encoded { id: string; data: GradingJob }

export function encodeJob(file: string, base: Omit<GradingJob, 'notebook' | 'size'>): Encoded {
  const size = fs.statSync(file).size;
  if (size > MAX_NOTEBOOK_BYTES) {
    // Not sent: the grade is the grader's "over the limit" message, which depends on the size alone.
    return { id: jobId(Buffer.from(`oversize ${size}`), base.assignmentId, base.version), data: { ...base, size } };
  }
  const bytes = fs.readFileSync(file);
  return { id: jobId(bytes, base.assignmentId, base.version), data: { ...base, size, notebook: zlib.gzipSync(bytes).toString('base64') } };
}

/** Writes the job's notebook to `file`, exactly the bytes that were queued. */
export function writeJobNotebook(data: GradingJob, file: string): void {
  if (data.notebook === undefined) {
    fs.writeFileSync(file, '');
    fs.truncateSync(file, data.size);
    return;
  }
  const bytes = zlib.gunzipSync(Buffer.from(data.notebook, 'base64'), { maxOutputLength: MAX_NOTEBOOK_BYTES });
  if (bytes.length !== data.size) throw new Error(`the queued notebook decoded to ${bytes.length} bytes, expected ${data.size}`);
  fs.writeFileSync(file, bytes);
}
