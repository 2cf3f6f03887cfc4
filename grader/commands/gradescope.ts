/**
 * `tsdl gradescope <id> --out autograder.zip` builds a Gradescope autograder; `tsdl autograde <id>`
 * is what its run_autograder calls inside Gradescope.
 */
import { Command } from 'commander';
import * as fs from 'fs';
import * as path from 'path';
import { buildAutograder } from '../gradescope/build';
import { autograde } from '../gradescope/run';
import type { Visibility } from '../report/gradescope';
import { DEFAULT_LIMITS } from '../sandbox/client';

const DETAIL = ['visible', 'after_published'];

function detail(v: string): Visibility {
  if (!DETAIL.includes(v)) throw new Error(`--hidden-detail is one of ${DETAIL.join(', ')}, not '${v}'`);
  return v as Visibility;
}

export function registerGradescopeCommands(program: Command): void {
  program.command('gradescope')
    .description('build a Gradescope autograder zip (setup.sh, run_autograder and the grader) for an assignment')
    .argument('<id>', 'assignment id (a folder of grader/assignments)')
    .requiredOption('--out <zip>', 'where to write the zip')
    .option('--hidden-detail <when>', 'when students see each graded function\'s hidden-case feedback: visible | after_published', 'visible')
    .option('--timeout <s>', 'wall-clock limit per call, seconds', String(DEFAULT_LIMITS.timeoutMs / 1000))
    .option('--memory <mb>', 'memory limit of a sandbox, MB', String(DEFAULT_LIMITS.memoryMb))
    .action((id: string, o: { out: string; hiddenDetail: string; timeout: string; memory: string }) => {
      const built = buildAutograder({ assignment: id, hiddenDetail: detail(o.hiddenDetail), timeoutSec: Number(o.timeout), memoryMb: Number(o.memory) });
      fs.mkdirSync(path.dirname(path.resolve(o.out)), { recursive: true });
      fs.writeFileSync(o.out, built.zip);
      console.log(`${o.out}: ${built.files} files, ${(built.zip.length / 1e6).toFixed(1)} MB, hidden-tests version ${built.version}`);
    });

  program.command('autograde')
    .description('grade a Gradescope submission (run by the autograder\'s run_autograder)')
    .argument('<id>', 'assignment id')
    .option('--root <dir>', 'the autograder folder (submission/, results/)', process.env.TSDL_AUTOGRADER_ROOT ?? '/autograder')
    .option('--hidden-detail <when>', 'visible | after_published', 'visible')
    .option('--timeout <s>', 'wall-clock limit per call, seconds', String(DEFAULT_LIMITS.timeoutMs / 1000))
    .option('--memory <mb>', 'memory limit of a sandbox, MB', String(DEFAULT_LIMITS.memoryMb))
    .action(async (id: string, o: { root: string; hiddenDetail: string; timeout: string; memory: string }) => {
      const r = await autograde({ root: path.resolve(o.root), assignment: id, hiddenDetail: detail(o.hiddenDetail),
        limits: { ...DEFAULT_LIMITS, timeoutMs: Number(o.timeout) * 1000, memoryMb: Number(o.memory) } });
      console.log(r ? `${r.submission}: ${r.score} / ${r.max_score}` : 'no notebook submitted');
    });
}
