// lib/ has no import cycle: madge reads every import of lib/ and lists the cycles it finds.
import * as path from 'path';

interface Graph { obj(): Record<string, string[]>; circular(): string[][] }
// madge ships no type declarations; this is the part of its API the test uses.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const madge = require('madge') as (p: string, o: object) => Promise<Graph>;

const LIB = path.join(__dirname, '..', 'lib');

test('lib/ has no import cycle', async () => {
  const graph = await madge(LIB, { fileExtensions: ['ts'], tsConfig: path.join(__dirname, '..', 'tsconfig.json') });
  expect(Object.keys(graph.obj()).length).toBeGreaterThan(50); // the files were found and read
  expect(graph.circular()).toEqual([]);
}, 60_000);

test('lib/np/ndarray.ts imports no operation module', async () => {
  const graph = await madge(path.join(LIB, 'np', 'ndarray.ts'), { fileExtensions: ['ts'] });
  const reached = Object.keys(graph.obj()).map((f) => f.replace(/\\/g, '/'));
  for (const op of ['ufuncs.ts', 'reductions.ts', 'shape.ts', 'indexing.ts', 'linalg.ts']) expect(reached).not.toContain(op);
  expect(reached).toContain('layout.ts');
}, 60_000);

test('grader/ has no import cycle, type-only imports included', async () => {
  const graph = await madge(path.join(__dirname, '..', 'grader'), {
    fileExtensions: ['ts'], tsConfig: path.join(__dirname, '..', 'tsconfig.json'), detectiveOptions: { ts: { skipTypeImports: false } },
  });
  expect(Object.keys(graph.obj()).length).toBeGreaterThan(50);
  expect(graph.circular()).toEqual([]);
}, 60_000);
