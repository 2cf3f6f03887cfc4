/** `tsdl status --queue <url>`: what a grading queue holds and who works on it. */
import { Command } from 'commander';
import { formatStatus, queueStatus } from '../queue/status';

export function registerStatusCommand(program: Command): void {
  program.command('status')
    .description('show a grading queue\'s state: waiting, active, completed and failed jobs, and connected workers')
    .requiredOption('--queue <url>', 'Redis URL, e.g. redis://127.0.0.1:6379/0')
    .option('--json', 'print JSON')
    .action(async (o: { queue: string; json?: boolean }) => {
      const s = await queueStatus(o.queue);
      console.log(o.json ? JSON.stringify(s, null, 2) : formatStatus(o.queue, s));
    });
}
