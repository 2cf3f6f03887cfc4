// `tsdl release [<id>...] [--check]`: grader/assignments/<id>/source.ipynb → notebooks/<id>.ipynb.
import path from 'path';
import { Command } from 'commander';
import { releaseAssignments } from '../release';

export interface ReleaseCommandOptions {
  check?: boolean;
  assignments?: string;
  notebooks?: string;
}

const rel = (p: string): string => path.relative(process.cwd(), p) || '.';

/** Runs the command; returns the process exit code. */
export function releaseCommand(ids: string[], opts: ReleaseCommandOptions): number {
  const report = releaseAssignments({ ids, check: opts.check, assignmentsDir: opts.assignments, notebooksDir: opts.notebooks });
  if (report.entries.length === 0 && report.orphans.length === 0) {
    console.log('tsdl release: no assignments (no grader/assignments/<id>/source.ipynb)');
    return 0;
  }
  if (opts.check) {
    const stale = report.entries.filter((e) => e.status === 'stale');
    for (const e of stale) console.error(`stale: ${rel(e.target)} differs from the release of ${rel(e.source)}`);
    for (const o of report.orphans) console.error(`stale: ${rel(o)} has no source notebook`);
    if (stale.length + report.orphans.length > 0) {
      const ids = stale.map((e) => e.id).join(' ');
      console.error(`tsdl release --check: ${stale.length + report.orphans.length} stale notebook(s); run \`npx tsdl release${ids ? ' ' + ids : ''}\`` +
        (report.orphans.length ? ' and remove the notebooks that have no source' : ''));
      return 1;
    }
    console.log(`tsdl release --check: ${report.entries.length} notebook(s) up to date`);
    return 0;
  }
  for (const e of report.entries) console.log(`${e.status === 'written' ? 'wrote' : 'unchanged'} ${rel(e.target)}`);
  for (const o of report.orphans) console.error(`warning: ${rel(o)} has no source notebook (left in place)`);
  return 0;
}

export function registerReleaseCommand(program: Command): void {
  program
    .command('release')
    .description('write the student notebooks notebooks/<id>.ipynb from grader/assignments/<id>/source.ipynb')
    .argument('[ids...]', 'assignment ids (default: all)')
    .option('--check', 'write nothing; exit 1 listing notebooks that are not what release would write')
    .option('--assignments <dir>', 'folder of <id>/source.ipynb (default: grader/assignments)')
    .option('--notebooks <dir>', 'folder of the released notebooks (default: notebooks)')
    .action((ids: string[], opts: ReleaseCommandOptions) => {
      process.exitCode = releaseCommand(ids, opts);
    });
}
