/**
 * The shared control block: Int32 words at the start of the wasm memory, through which the main
 * thread hands a product to the workers and the threads signal progress (Atomics only, no messages).
 */
export const CTL_BYTES = 4096;

// Words that one thread writes while another polls them sit on cache lines (16 words) of their
// own, so threads do not invalidate each other's lines for unrelated words.
export const W = {
  GEN: 0,        // job generation: bumped for each job; workers wait on it
  QUIT: 1,       // 1: workers return
  FINISHED: 4,   // workers that finished the job
  ERROR: 5,      // a worker failed: everybody stops, the main thread recomputes
  MASK: 6,       // bit t set: worker t takes part in the job
  NPART: 7,      // participants including the main thread
  READY: 16,     // panels published so far
  CLAIM: 32,     // next panel to claim (columns path)
  PROGRESS: 48,  // bumped after every computed (group, panel) and lock release
  KIND: 64,      // 0: rows kernel, k-panels; 1: columns kernel, column panels
  NPANELS: 65,
  RING: 66,
  SLOT0: 67,     // byte address of ring slot 0
  SLOTB: 68,     // bytes per slot
  A: 69, ARS: 70, ACS: 71,
  C: 72, LDC: 73,
  M: 74, N: 75, K: 76,
  KC: 77,        // rows path: panel depth; columns path: panel width (columns)
  BSTRIDE: 78,   // rows path: bytes between B rows in a slot; columns path: between B columns
  NGROUPS: 79,   // rows path: C is cut into groups of columns (or rows)...
  GDIM: 80,      // ...0: of columns, 1: of rows...
  GSIZE: 81,     // ...of GSIZE columns (rows) each
  DONE: 128,     // DONE + 16*slot: columns path: the panel in that slot is done
  PROG: 384,     // PROG + 16*g: rows path: panels done for group g (in order, one thread at a time)
  LOCK: 640,     // LOCK + 16*g: 1 while a thread works on group g
  WREADY: 896,   // WREADY + tid: worker tid is up and waiting for jobs
} as const;

/** Words between per-slot / per-group counters (one 64-byte cache line). */
export const LINE = 16;
export const MAX_RING = 16;
export const MAX_GROUPS = 16;
export const MAX_THREADS = 32; // MASK is one Int32
