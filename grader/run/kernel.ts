// The Jupyter kernel: tslab's kernel (tslab/dist/main.js startKernel) built from the same pieces,
// its executor, Jupyter handler and ZeroMQ server, except that cells are compiled in a worker
// thread (converter-thread.ts). The kernel thread's heap then holds the notebook's values and not
// the TypeScript program, so its garbage collector has far less to mark while cells compute.
import type { ExecutorModule } from './tslab';
import { converterSet } from './tslab';

type JupyterServerModule = typeof import('tslab/dist/jupyter');

export function startKernel(configPath: string): void {
  const convs = converterSet();
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { createExecutor } = require('tslab/dist/executor') as ExecutorModule;
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { JupyterHandlerImpl, ZmqServer } = require('tslab/dist/jupyter') as JupyterServerModule;
  void convs.node; // warm the Node converter (in the thread, it is already being built)
  const executor = createExecutor(process.cwd(), convs, { log: console.log, error: console.error });
  const server = new ZmqServer(new JupyterHandlerImpl(executor, false), configPath);
  process.on('SIGINT', () => executor.interrupt());
  process.on('uncaughtException', (err) => console.error('UncaughtException:', err));
  process.on('unhandledRejection', (reason) => console.error('UnhandledPromiseRejection:', reason));
  server.init();
}
