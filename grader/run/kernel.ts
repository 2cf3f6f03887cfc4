// The Jupyter kernel: tslab's kernel (tslab/dist/main.js startKernel) built from the same pieces,
// its executor, Jupyter handler and ZeroMQ server, except that cells are compiled in a worker
// thread (converter-thread.ts). The kernel thread's heap then holds the notebook's values and not
// the TypeScript program, so its garbage collector has far less to mark while cells compute.
// Runtime errors are printed at the student's cell and line (student-trace.ts), compile errors
// with a hint for Python habits (compile-hints.ts).
import type { ExecutorModule } from './tslab';
import { converterSet } from './tslab';
import { CellRegistry } from './cell-registry';
import { studentConsoleArgs } from './student-trace';

type JupyterServerModule = typeof import('tslab/dist/jupyter');

export function startKernel(configPath: string): void {
  const convs = converterSet();
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { createExecutor } = require('tslab/dist/executor') as ExecutorModule;
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { JupyterHandlerImpl, ZmqServer } = require('tslab/dist/jupyter') as JupyterServerModule;
  void convs.node; // warm the Node converter (in the thread, it is already being built)
  // Cells are named `In [n]` by the execution count the handler has just given the running cell.
  let handler: { execCount?: number } | undefined;
  const cells = new CellRegistry(() => `In [${handler?.execCount ?? ' '}]`);
  const executor = createExecutor(process.cwd(), cells.wrapSet(convs), {
    log: console.log,
    error: (...args: unknown[]) => console.error(...studentConsoleArgs(args, cells)),
  });
  const jupyterHandler = new JupyterHandlerImpl(executor, false);
  handler = jupyterHandler as unknown as { execCount?: number };
  const server = new ZmqServer(jupyterHandler, configPath);
  process.on('SIGINT', () => executor.interrupt());
  process.on('uncaughtException', (err) => console.error('UncaughtException:', err));
  process.on('unhandledRejection', (reason) => console.error('UnhandledPromiseRejection:', reason));
  server.init();
}
