/**
 * Grading progress for a batch: a bar on a terminal (done, failed, remaining, rate), periodic plain
 * lines otherwise (logs of a batch job, CI). `createProgress(total, stream)`, then `p.done(result)`
 * for each result and `p.stop()` at the end.
 */
import { Presets, SingleBar } from 'cli-progress';
import type { SubmissionResult } from './grade/grade';
import { resultStatus } from './gradebook/status';

export interface Progress {
  done(r: SubmissionResult): void;
  stop(): void;
}

export interface ProgressOptions {
  /** Seconds between plain lines when the stream is not a terminal (default 10, or $TSDL_PROGRESS_INTERVAL). */
  intervalSec?: number;
  label?: string;
}

interface Counts { done: number; failed: number; total: number; started: number }

const perMinute = (c: Counts): number => {
  const min = (Date.now() - c.started) / 60_000;
  return min > 0 ? c.done / min : 0;
};

export function progressLine(c: Counts, label = 'grading'): string {
  const rate = perMinute(c);
  const left = c.total - c.done;
  const eta = rate > 0 && left > 0 ? `, about ${Math.ceil(left / rate)} min left` : '';
  return `${label}: ${c.done}/${c.total} done, ${c.failed} failed, ${left} remaining, ${rate.toFixed(1)}/min${eta}`;
}

export function createProgress(total: number, stream: NodeJS.WriteStream = process.stderr, opts: ProgressOptions = {}): Progress {
  const c: Counts = { done: 0, failed: 0, total, started: Date.now() };
  const label = opts.label ?? 'grading';
  const count = (r: SubmissionResult): void => {
    c.done++;
    if (resultStatus(r) === 'failed') c.failed++;
  };
  if (stream.isTTY) {
    const bar = new SingleBar({
      stream, format: `${label} {bar} {value}/{total} | {failed} failed | {remaining} left | {rate}/min | eta {eta_formatted}`,
      hideCursor: true,
    }, Presets.shades_classic);
    bar.start(total, 0, { failed: 0, remaining: total, rate: '0.0' });
    return {
      done(r) {
        count(r);
        bar.update(c.done, { failed: c.failed, remaining: total - c.done, rate: perMinute(c).toFixed(1) });
      },
      stop() { bar.stop(); },
    };
  }
  const interval = 1000 * (opts.intervalSec ?? (Number(process.env.TSDL_PROGRESS_INTERVAL) || 10));
  let last = '';
  const print = (): void => {
    const line = progressLine(c, label);
    if (line !== last) stream.write(`${line}\n`);
    last = line;
  };
  const timer = total > 0 ? setInterval(print, interval) : null;
  timer?.unref();
  return {
    done: count,
    stop() {
      if (timer) clearInterval(timer);
      if (total > 0) print();
    },
  };
}
