/** The released notebook is what `tsdl release` writes from the source now (what `tsdl release --check` checks). */
import * as fs from 'fs';
import { serializeNotebook } from '../notebook';
import type { Notebook } from '../notebook';
import { CheckResult, checkResult } from './check';

/** `release`: the release of the source now, or the error that reading or releasing the source gave. */
export function staleReleaseCheck(id: string, sourceFile: string, releasedFile: string, release: Notebook | Error): CheckResult {
  if (!fs.existsSync(releasedFile)) return checkResult(`released notebook ${releasedFile} not found`, [`run npx tsdl release ${id}`]);
  let problems: string[] = [];
  try {
    if (release instanceof Error) throw release;
    if (fs.readFileSync(releasedFile, 'utf8') !== serializeNotebook(release)) problems = [`${releasedFile} differs from the release of ${sourceFile}: run npx tsdl release ${id}`];
  } catch (e) {
    problems = [(e as Error).message];
  }
  return checkResult('released notebook is stale', problems, 'released notebook is up to date with the source');
}
