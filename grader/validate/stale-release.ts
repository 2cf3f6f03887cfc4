/** The released notebook is what `tsdl release` writes from the source now (what `tsdl release --check` checks). */
import * as fs from 'fs';
import { readNotebook, serializeNotebook } from '../notebook';
import { releaseNotebook } from '../release';
import { CheckResult, checkResult } from './check';

export function staleReleaseCheck(id: string, sourceFile: string, releasedFile: string): CheckResult {
  if (!fs.existsSync(releasedFile)) return checkResult(`released notebook ${releasedFile} not found`, [`run npx tsdl release ${id}`]);
  let problems: string[] = [];
  try {
    const want = serializeNotebook(releaseNotebook(readNotebook(sourceFile), sourceFile, id));
    if (fs.readFileSync(releasedFile, 'utf8') !== want) problems = [`${releasedFile} differs from the release of ${sourceFile}: run npx tsdl release ${id}`];
  } catch (e) {
    problems = [(e as Error).message];
  }
  return checkResult('released notebook is stale', problems, 'released notebook is up to date with the source');
}
