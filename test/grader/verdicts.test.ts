// Issue 14: one mistake costs one function, on every machine and in every cell layout. For every
// assignment, `validateAssignment` grades under every sandbox configuration (default kernels, pure
// TypeScript, native addon at 1 and all threads) the source notebook (full marks), each known
// mistake planted into it (only that function loses points, and its feedback names the mistake),
// the merged and reversed layouts (the same scores) and the released notebook (0), and checks that
// every configuration gives the same verdicts. Slow: one assignment takes from 15 s to 4 min.
import * as fs from 'fs';
import * as path from 'path';
import { validateAssignment } from '../../grader/validate/validate';
import { gradingConfigs } from '../../grader/validate/configs';
import type { HiddenSuite } from '../../grader/grade/hidden';

const root = path.resolve(__dirname, '..', '..');
// Every folder of grader/assignments with hidden tests is an assignment: nothing to list here.
const ASSIGNMENTS = fs.readdirSync(path.join(root, 'grader', 'assignments')).sort()
  .filter((d) => fs.existsSync(path.join(root, 'grader', 'assignments', d, 'hidden_tests.ts')));

const suiteOf = (id: string): HiddenSuite =>
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  (require(path.join(root, 'grader', 'assignments', id, 'hidden_tests')) as { tests: HiddenSuite }).tests;

test('every assignment folder has a source notebook and a released notebook', () => {
  expect(ASSIGNMENTS.length).toBeGreaterThanOrEqual(6);
  for (const id of ASSIGNMENTS) {
    expect(fs.existsSync(path.join(root, 'grader', 'assignments', id, 'source.ipynb'))).toBe(true);
    expect(fs.existsSync(path.join(root, 'notebooks', `${id}.ipynb`))).toBe(true);
  }
});

describe.each(ASSIGNMENTS)('%s', (id) => {
  test('every known mistake has a plant, so validate grades it', () => {
    const missing = Object.entries(suiteOf(id)).flatMap(([fn, t]) => (t.mistakes ?? []).filter((m) => !m.plant).map((m) => `${fn}: ${m.message}`));
    expect(missing).toEqual([]);
  });

  test('validate: every line ok in every configuration and layout', async () => {
    const report = await validateAssignment(id);
    const failing = report.lines.filter((l) => !l.startsWith('ok '));
    expect(failing.join('\n')).toBe('');
    expect(report.ok).toBe(true);

    // Every planted mistake was graded under every configuration, and in both layouts.
    const configs = gradingConfigs().map((c) => c.name);
    const missing: string[] = [];
    for (const [fn, t] of Object.entries(suiteOf(id))) {
      for (const m of t.mistakes ?? []) {
        const label = `planted mistake ${fn}: ${m.message} `;
        for (const c of configs) if (!report.lines.some((l) => l.startsWith(`ok   ${c}: ${label}`))) missing.push(`${c}: ${label}`);
        for (const layout of ['merged into one cell', 'reversed']) {
          if (!report.lines.some((l) => l.startsWith(`ok   layout ${layout}: ${label}`))) missing.push(`layout ${layout}: ${label}`);
        }
      }
    }
    expect(missing).toEqual([]);
    for (const c of configs.slice(1)) expect(report.lines).toContainEqual(expect.stringMatching(new RegExp(`^ok   ${c}: every verdict equals`)));
  }, 15 * 60_000);
});
