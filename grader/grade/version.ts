/**
 * The hidden-tests version of an assignment: a hash of its hidden tests, its source notebook, the
 * files of its own module (lib/: helpers the source and the hidden tests use) and tsdl's own version. A stored result graded under another version may have a different score now,
 * so `tsdl grade --regrade` grades it again.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { version as tsdlVersion } from '../../package.json';
import { assignmentLocation } from './assignment-location';


export function assignmentVersion(idOrDir: string): string {
  const { dir } = assignmentLocation(idOrDir);
  const h = crypto.createHash('sha256');
  h.update(`tsdl ${tsdlVersion}\0`);
  for (const f of ['hidden_tests.ts', 'source.ipynb']) {
    const file = path.join(dir, f);
    if (!fs.existsSync(file)) throw new Error(`assignment folder ${dir} has no ${f}`);
    h.update(`${f}\0`).update(fs.readFileSync(file)).update('\0');
  }
  for (const file of filesUnder(path.join(dir, 'lib'))) {
    h.update(`${path.relative(dir, file)}\0`).update(fs.readFileSync(file)).update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : e.isFile() ? [path.join(dir, e.name)] : []));
}
