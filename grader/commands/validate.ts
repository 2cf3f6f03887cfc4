/** `tsdl validate <ids...>`: the checks an instructor runs before publishing an assignment (grader/validate). */
import { Command } from 'commander';
import { gradingConfigs } from '../validate/configs';
import { validateAssignment } from '../validate/validate';

export function registerValidateCommand(program: Command): void {
  program.command('validate')
    .description('check an assignment: the source notebook runs with every public check passing, the released notebook is current and compiles, hidden_tests.ts type-checks and covers every graded function with its points; the source scores full marks and each planted mistake loses exactly its function\'s points, in every sandbox configuration and cell layout; the released notebook scores 0; every hidden test can fail')
    .argument('<ids...>', 'assignment ids (folders of grader/assignments) or assignment folders')
    .option('--quick', 'only the default sandbox configuration, without the other cell layouts; the source notebook runs with TSDL_QUICK=1 (shorter trainings)')
    .option('--no-source-run', 'do not run the source notebook headless')
    .option('--unsafe-no-isolation', 'run the sandboxes without bubblewrap (for machines without it; not for grading)')
    .action(async (ids: string[], o: { quick?: boolean; sourceRun: boolean; unsafeNoIsolation?: boolean }) => {
      let ok = true;
      for (const id of ids) {
        const configs = gradingConfigs({ unsafeNoIsolation: o.unsafeNoIsolation });
        const authoring = { runSource: o.sourceRun, runEnv: (o.quick ? { TSDL_QUICK: '1' } : {}) as Record<string, string> };
        const r = await validateAssignment(id, { configs: o.quick ? configs.slice(0, 1) : configs, layouts: !o.quick, authoring });
        console.log(`${id}:\n  ${r.lines.join('\n  ')}`);
        ok &&= r.ok;
      }
      if (!ok) process.exitCode = 1;
    });
}
