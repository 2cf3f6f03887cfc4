// The compile thread (grader/run/converter-thread.ts): tslab's converters in a worker thread answer
// every call exactly as the same converters in this thread do, and failures reach the caller.
import { LocalConverterSet, loadConverterModule } from '../grader/run/converter-module';
import { ThreadConverterSet } from '../grader/run/converter-thread';

jest.setTimeout(120_000);

let thread: ThreadConverterSet;
let local: LocalConverterSet;
beforeAll(() => {
  thread = new ThreadConverterSet();
  local = new LocalConverterSet(loadConverterModule(false));
  thread.ready();
});
afterAll(() => {
  thread?.close();
  local?.close();
});

// A short history of cells, each compiled against the declarations the previous ones left.
const cells = [
  'const a: number = 1 + 1;\nfunction twice(x: number): number { return 2 * x; }\na',
  "import { np } from 'tsdl';\nconst m = np.ones([2, 3]);\nm.shape",
  'const s: string = twice(a);', // a type error
  'let y = ;', // a syntax error
  'await Promise.resolve(twice(a))',
];

test('convert: the same JavaScript, declarations and diagnostics as in this thread', () => {
  let prevT = '', prevL = '';
  for (const src of cells) {
    const t = thread.node.convert(prevT, src), l = local.node.convert(prevL, src);
    expect(t).toEqual(l);
    if (t.diagnostics.length === 0) {
      prevT = t.declOutput ?? prevT;
      prevL = l.declOutput ?? prevL;
    }
  }
  expect(thread.node.convert('', cells[2]).diagnostics.map((d) => d.messageText))
    .toEqual(["Cannot find name 'twice'.", "Cannot find name 'a'."]);
});

test('complete and inspect answer as in this thread', () => {
  const src = 'const word = "abc";\nword.toUpper';
  const pos = src.length;
  const t = thread.node.complete('', src, pos), l = local.node.complete('', src, pos);
  expect(t.candidates).toEqual(l.candidates);
  expect(t.candidates).toContain('toUpperCase');
  expect(thread.node.inspect('', src, src.indexOf('word'))).toEqual(local.node.inspect('', src, src.indexOf('word')));
});

test('addModule goes through the thread too', () => {
  expect(thread.node.addModule('mymod', 'export const k: number = 3;')).toEqual(local.node.addModule('mymod', 'export const k: number = 3;'));
});

test('an exception inside the thread is rethrown here with its name and message', () => {
  // A request for a method the converter lacks fails inside the thread, as a converter bug would.
  const call = (thread as unknown as { call(req: unknown): unknown }).call.bind(thread);
  expect(() => call({ which: 'node', method: 'noSuchMethod', args: [] })).toThrow(TypeError);
  expect(() => call({ which: 'node', method: 'noSuchMethod', args: [] })).toThrow('is not a function');
  // and the thread keeps working afterwards
  expect(thread.node.convert('', '1 + 1').diagnostics).toEqual([]);
});

test('after close, calls fail with a message saying so', () => {
  const t = new ThreadConverterSet();
  expect(t.node.convert('', 'const q = 1;').diagnostics).toEqual([]);
  t.close();
  expect(() => t.node.convert('', 'const q = 1;')).toThrow('compile thread was closed');
});

test('a thread that has stopped gives a clear error instead of a hang', async () => {
  const t = new ThreadConverterSet();
  t.ready();
  await (t as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
  await new Promise((r) => setImmediate(r)); // let the worker's exit event arrive
  expect(() => t.node.convert('', 'const q = 1;')).toThrow('compile thread stopped');
});
