// Headless runner: executes a notebook's cells with the tslab kernel's semantics.
export { runNotebook, streamText } from './runner';
export type { RunOptions, RunResult, CellReport } from './runner';
