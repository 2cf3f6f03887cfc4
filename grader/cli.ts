import { Command } from 'commander';
import { version } from '../package.json';
import { registerReleaseCommand } from './commands/release';
import { registerRunCommand } from './commands/run';
import { registerGradeCommands } from './commands/grade';
import { registerValidateCommand } from './commands/validate';
import { registerWorkerCommand } from './commands/worker';
import { registerStatusCommand } from './commands/status';
import { registerGradescopeCommands } from './commands/gradescope';
import { registerNewCommand } from './commands/new';

const program = new Command();
program
  .name('tsdl')
  .description('Course notebooks on the tslab TypeScript kernel: numpy-faithful arrays, release and grading tools.')
  .version(version);
registerRunCommand(program);
registerReleaseCommand(program);
registerGradeCommands(program);
registerNewCommand(program);
registerValidateCommand(program);
registerWorkerCommand(program);
registerStatusCommand(program);
registerGradescopeCommands(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
