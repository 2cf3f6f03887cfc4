/**
 * What `tsdl grade` takes in: the submissions named on the command line (files as given, folders
 * expanded to the entries named *.ipynb, without following symbolic links), their ids (from a
 * folder's manifest.json, else the file name), and a report file name per submission that no other
 * submission can share.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { Job } from './pool';

export function collectJobs(paths: string[]): Job[] {
  const jobs: Job[] = [];
  for (const p of paths) {
    let st: fs.Stats;
    try { st = fs.lstatSync(p); } catch { throw new Error(`no such file or folder: ${p}`); }
    // Anything but a folder is a submission; one that is not a regular file gets a result saying so.
    if (!st.isDirectory()) { jobs.push({ file: path.resolve(p), id: path.basename(p) }); continue; }
    const manifestFile = path.join(p, 'manifest.json');
    let manifest: Record<string, unknown> = {};
    if (fs.existsSync(manifestFile)) {
      try { manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Record<string, unknown>; } catch (e) {
        throw new Error(`${manifestFile} is not valid JSON (expected {"<file name>": "<submission id>"}): ${(e as Error).message}`);
      }
    }
    for (const f of fs.readdirSync(p).filter((f) => f.endsWith('.ipynb')).sort()) {
      const id = manifest[f];
      jobs.push({ file: path.resolve(p, f), id: typeof id === 'string' && id.length > 0 ? id : f });
    }
  }
  const seen = new Set<string>();
  for (const j of jobs) {
    if (seen.has(j.id)) throw new Error(`two submissions have the id '${j.id}'; give them distinct ids in manifest.json`);
    seen.add(j.id);
  }
  return jobs;
}

/** A file name for a submission's report: readable, and unique because it ends in a hash of the id. */
export function reportName(id: string): string {
  const readable = id.replace(/[^\w.-]+/g, '_').replace(/^\.+/, '_').slice(0, 80);
  return `${readable}-${crypto.createHash('sha256').update(id).digest('hex').slice(0, 10)}`;
}
