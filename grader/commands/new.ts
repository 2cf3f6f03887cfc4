/** `tsdl new <id>`: scaffolds an assignment that passes `tsdl validate` as created (grader/scaffold). */
import * as path from 'path';
import { Command } from 'commander';
import { scaffoldAssignment } from '../scaffold/scaffold';

export function registerNewCommand(program: Command): void {
  program.command('new')
    .description('create grader/assignments/<id>/ (source notebook, hidden tests, public tests) and its released notebook, ready for tsdl validate')
    .argument('<id>', 'assignment id: lowercase letters, digits and _')
    .option('--title <text>', 'the notebook\'s title')
    .option('--before <id>', 'list it before this assignment in the course order (default: last)')
    .action((id: string, o: { title?: string; before?: string }) => {
      const files = scaffoldAssignment(id, o);
      for (const f of files) console.log(`wrote ${path.relative(process.cwd(), f)}`);
      console.log(`next: write the assignment in source.ipynb, its tests in hidden_tests.ts and lib/, then npx tsdl release ${id} && npx tsdl validate ${id}`);
    });
}
