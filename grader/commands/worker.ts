/** `tsdl worker`: grades submissions from a Redis queue that `tsdl grade --queue` fills. */
import { Command } from 'commander';
import * as os from 'os';
import { QueueConsumer } from '../queue/consumer';
import { prepareRun } from '../batch/run-config';

export function registerWorkerCommand(program: Command): void {
  program.command('worker')
    .description('grade submissions queued by `tsdl grade --queue` (run as many as you like, on any machine with this repository)')
    .requiredOption('--queue <url>', 'Redis URL, e.g. redis://127.0.0.1:6379/0')
    .option('-j, --jobs <n>', 'submissions graded at the same time', String(os.cpus().length))
    .option('--batch <n>', 'most jobs a grading process takes at once (its start-up is paid once per batch)', '100')
    .option('--lock-duration <ms>', 'how long a job stays ours without a lock renewal; a dead worker\'s jobs return to the queue after it', '30000')
    .option('--stalled-interval <ms>', 'how often this worker looks for jobs of dead workers', '15000')
    .option('--max-stalled <n>', 'times a job may lose its worker before it is a failed attempt', '1')
    .action(async (o: { queue: string; jobs: string; batch: string; lockDuration: string; stalledInterval: string; maxStalled: string }) => {
      const log = (l: string): void => { process.stderr.write(`${new Date().toISOString()} ${l}\n`); };
      const run = await prepareRun();
      const consumer = new QueueConsumer({
        url: o.queue, lanes: Number(o.jobs), batch: Math.max(1, Number(o.batch)), run,
        lockDurationMs: Number(o.lockDuration), stalledIntervalMs: Number(o.stalledInterval), maxStalledCount: Number(o.maxStalled), log,
      });
      // The local pool stops its grading processes on these signals; the jobs this worker held go back
      // to the queue when their locks expire (--lock-duration).
      const stop = (): void => { log(`stopping; jobs in progress return to the queue within ${Number(o.lockDuration) / 1000} s`); process.exit(130); };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await consumer.start();
      log(`worker ready: ${o.jobs} at a time from ${o.queue}`);
      await new Promise<void>(() => undefined);
    });
}
