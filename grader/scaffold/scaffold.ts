/**
 * `tsdl new <id>`: grader/assignments/<id>/ with source.ipynb, hidden_tests.ts and lib/ (public
 * tests), the released notebook notebooks/<id>.ipynb, and the id in the course order the
 * notebook server lists (lib/course/order.json). Nothing else registers an assignment.
 */
import * as fs from 'fs';
import * as path from 'path';
import { writeNotebook } from '../notebook';
import { releaseAssignments } from '../release';
import { HIDDEN_TESTS, LIB_INDEX, PUBLIC_TESTS, sourceNotebook } from './templates';

const REPO = path.resolve(__dirname, '..', '..');

export interface ScaffoldOptions { title?: string; before?: string; assignmentsDir?: string; notebooksDir?: string; orderFile?: string }

export function scaffoldAssignment(id: string, opts: ScaffoldOptions = {}): string[] {
  if (!/^[a-z][a-z0-9_]*$/.test(id)) throw new Error(`assignment id '${id}': use lowercase letters, digits and _ (it is also a module name: tsdl/lib/course/${id})`);
  const assignments = opts.assignmentsDir ?? path.join(REPO, 'grader', 'assignments');
  const dir = path.join(assignments, id);
  if (fs.existsSync(dir)) throw new Error(`${dir} already exists`);
  const title = opts.title ?? id.split('_').map((w) => w[0].toUpperCase() + w.slice(1)).join(' ');
  fs.mkdirSync(path.join(dir, 'lib'), { recursive: true });
  const written = [path.join(dir, 'source.ipynb'), path.join(dir, 'hidden_tests.ts'), path.join(dir, 'lib', 'index.ts'), path.join(dir, 'lib', 'public_tests.ts')];
  writeNotebook(written[0], sourceNotebook(id, title));
  fs.writeFileSync(written[1], HIDDEN_TESTS);
  fs.writeFileSync(written[2], LIB_INDEX.replace('<id>', id));
  fs.writeFileSync(written[3], PUBLIC_TESTS);
  const report = releaseAssignments({ ids: [id], assignmentsDir: assignments, notebooksDir: opts.notebooksDir });
  written.push(...report.entries.map((e) => e.target));
  const orderFile = opts.orderFile ?? path.join(REPO, 'lib', 'course', 'order.json');
  if (fs.existsSync(orderFile)) {
    const order = JSON.parse(fs.readFileSync(orderFile, 'utf8')) as string[];
    if (!order.includes(id)) {
      const at = opts.before ? order.indexOf(opts.before) : -1;
      if (opts.before && at < 0) throw new Error(`--before ${opts.before}: not in ${orderFile}`);
      order.splice(at < 0 ? order.length : at, 0, id);
      fs.writeFileSync(orderFile, `${JSON.stringify(order)}\n`);
      written.push(orderFile);
    }
  }
  return written;
}
