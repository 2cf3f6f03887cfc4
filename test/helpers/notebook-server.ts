/**
 * The notebook server `npm start` starts (scripts/start-jupyter.js), on 127.0.0.1, a free port and
 * a random token, serving a given folder; stopped with SIGTERM (the launcher passes it on to Jupyter,
 * which shuts its kernels down).
 */
import { ChildProcess, spawn } from 'child_process';
import { randomBytes } from 'crypto';
import * as path from 'path';
import { REPO_DIR } from '../../scripts/jupyter-env';
import { freePort } from './free-port';

export interface NotebookServer { url: string; token: string; log: () => string; stop: () => Promise<void> }

export async function startNotebookServer(dir: string, timeoutMs = 60_000): Promise<NotebookServer> {
  const port = await freePort();
  const token = randomBytes(16).toString('hex');
  const child: ChildProcess = spawn(process.execPath, [path.join(REPO_DIR, 'scripts', 'start-jupyter.js'),
    '--no-browser', '--ip=127.0.0.1', `--port=${port}`, '--port-retries=0', `--NotebookApp.token=${token}`,
    `--notebook-dir=${dir}`], { cwd: REPO_DIR, env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (d) => { log += d; });
  child.stderr!.on('data', (d) => { log += d; });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the notebook server exited (${child.exitCode}):\n${log}`);
    try {
      const res = await fetch(`${url}/api/status?token=${token}`);
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { await stop(); throw new Error(`the notebook server did not answer within ${timeoutMs} ms:\n${log}`); }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, token, log: () => log, stop };
}
