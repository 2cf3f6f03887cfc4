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
    .option('--batch <n>', 'most jobs a grading process takes at once', '8')
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
      let stopping = false;
      const stop = (): void => {
        if (stopping) { log('stopping now; jobs in progress return to the queue when their locks expire'); process.exit(130); }
        stopping = true;
        log('finishing the jobs in progress (signal again to stop at once)');
        void consumer.close().then(() => { log(`stopped after grading ${consumer.graded} submissions`); process.exit(0); });
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      await consumer.start();
      log(`worker ready: ${o.jobs} at a time from ${o.queue}`);
      await new Promise<void>(() => undefined);
    });
}
