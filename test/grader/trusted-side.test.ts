// The trusted side of the sandbox protocol against a sandbox process that has been taken over:
// fake sandbox programs send forged, oversized, malformed and out-of-order replies to the real
// Sandbox client, which must fail the request with a reason, allocate nothing it was told to, and
// cut what it keeps to report size.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FrameReader, FrameError, encodeFrame, MAX_FRAME_BYTES } from '../../grader/sandbox/frames';
import { Sandbox, SandboxFailure, cleanError } from '../../grader/sandbox/client';
import { fromWire, Unsupported, Wire } from '../../grader/grade/serialize';
import { NDArray } from '../../lib/np/ndarray';

let dir: string;
beforeAll(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-trusted-')); fs.chmodSync(dir, 0o755); });
afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }); });

/** A fake sandbox program: `onRequest` is JavaScript run with `send(obj)` and `raw(buffer)` in scope. */
function fakeSandbox(name: string, onRequest: string): Sandbox {
  const file = path.join(dir, `${name}.js`);
  fs.writeFileSync(file, `
const net = require('net');
const ch = new net.Socket({ fd: 3, readable: true, writable: true });
const frame = (o) => { const b = Buffer.from(JSON.stringify(o)); const h = Buffer.alloc(4); h.writeUInt32BE(b.length); return Buffer.concat([h, b]); };
const send = (o) => ch.write(frame(o));
const raw = (b) => ch.write(b);
ch.on('data', () => { ${onRequest} });
ch.on('end', () => process.exit(0));
send({ op: 'ready' });
`);
  return new Sandbox({ dir, child: file, realm: file }, { mode: 'none' }, { timeoutMs: 2000, memoryMb: 512, submissionMs: 30_000 });
}

const request = { fn: 'f', cells: [], references: null, cases: [{ args: [] }], env: {} };

async function failure(sb: Sandbox): Promise<SandboxFailure> {
  try { await sb.test(request); } catch (e) { return e as SandboxFailure; } finally { sb.kill(); }
  throw new Error('the request succeeded');
}

test('a forged 150-byte reply claiming a 2^29-element array allocates nothing and decodes to an unsupported value', async () => {
  const sb = fakeSandbox('huge-array', `send({ op: 'case', index: 0, ok: true, value: { t: 'nd', shape: [536870912], dtype: 'float64', data: [] } }); send({ op: 'done' });`);
  const before = process.memoryUsage().rss;
  const out = await sb.test(request);
  sb.kill();
  const c = out.cases[0];
  expect(c && c.ok).toBe(true);
  const value = fromWire((c as { value: Wire }).value);
  expect(value).toBeInstanceOf(Unsupported);
  expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
});

test('a frame header claiming a gigabyte ends the process before anything is buffered', async () => {
  const e = await failure(fakeSandbox('oversize', `const h = Buffer.alloc(4); h.writeUInt32BE(1 << 30); raw(h); raw(Buffer.alloc(1 << 20));`));
  expect(e).toBeInstanceOf(SandboxFailure);
  expect(e.kind).toBe('protocol');
  expect(e.message).toMatch(/over the \d+-byte limit/);
});

test('a 20 MB error name and message are cut to report size', async () => {
  const sb = fakeSandbox('huge-error', `send({ op: 'case', index: 0, ok: false, error: { name: 'N'.repeat(20e6), message: 'M'.repeat(20e6), line: 1e12, cell: '../../etc' } }); send({ op: 'done' });`);
  const out = await sb.test(request);
  sb.kill();
  const c = out.cases[0] as { ok: false; error: { name: string; message: string; line?: number; cell?: string } };
  expect(c.error.name.length).toBeLessThanOrEqual(101);
  expect(c.error.message.length).toBeLessThanOrEqual(601);
  expect(c.error.line).toBeUndefined();
  expect(c.error.cell).toBeUndefined();
});

test('a frame that is not JSON ends the process with a protocol failure', async () => {
  const e = await failure(fakeSandbox('garbage', `const b = Buffer.from('{not json'); const h = Buffer.alloc(4); h.writeUInt32BE(b.length); raw(Buffer.concat([h, b]));`));
  expect(e.kind).toBe('protocol');
  expect(e.message).toMatch(/not JSON/);
});

test('replies out of order or for cases never asked for are refused', async () => {
  const e = await failure(fakeSandbox('out-of-order', `send({ op: 'case', index: 7, ok: true, value: { t: 'num', v: 1 } });`));
  expect(e.kind).toBe('protocol');
  expect(e.message).toMatch(/out of order/);
});

test('a sandbox that never answers is stopped by the time limit', async () => {
  const e = await failure(fakeSandbox('silent', ``));
  expect(e.kind).toBe('timeout');
}, 20_000);

test('a sandbox that dies is reported as stopped, with no hang', async () => {
  const e = await failure(fakeSandbox('dies', `process.exit(3);`));
  expect(e.kind).toBe('crash');
  expect(e.message).toMatch(/exit code 3/);
});

test('the frame reader refuses an oversized frame from its header alone', () => {
  const seen: unknown[] = [];
  const r = new FrameReader((m) => seen.push(m), 1024);
  const h = Buffer.alloc(4);
  h.writeUInt32BE(1025);
  expect(() => r.push(h)).toThrow(FrameError);
  const ok = new FrameReader((m) => seen.push(m));
  const f = encodeFrame({ op: 'done' });
  ok.push(f.subarray(0, 3));
  ok.push(f.subarray(3));
  expect(seen).toEqual([{ op: 'done' }]);
  expect(MAX_FRAME_BYTES).toBeLessThanOrEqual(64 * 1024 * 1024);
});

test('fromWire checks every node before allocating', () => {
  expect(fromWire({ t: 'nd', shape: [2, 2], dtype: 'float64', data: [1, 2, 3] } as Wire)).toBeInstanceOf(Unsupported);
  expect(fromWire({ t: 'nd', shape: [-1], dtype: 'float64', data: [] } as Wire)).toBeInstanceOf(Unsupported);
  expect(fromWire({ t: 'nd', shape: [1], dtype: 'evil' as never, data: [1] } as Wire)).toBeInstanceOf(Unsupported);
  expect(fromWire({ t: 'bogus' } as unknown as Wire)).toBeInstanceOf(Unsupported);
  const ok = fromWire({ t: 'nd', shape: [2], dtype: 'float64', data: [1, 'nan'] } as Wire) as NDArray;
  expect(Array.from(ok.values())).toEqual([1, NaN]);
  const proto = fromWire({ t: 'obj', v: { __proto__: { t: 'num', v: 1 } } } as unknown as Wire) as Record<string, unknown>;
  expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
  expect(cleanError({ name: 5, message: { toString() { return 'x'; } } })).toEqual({ name: 'Error', message: '', cell: undefined, line: undefined });
});

test('finding the assignment a notebook names does not parse costly JSON in the trusted process', () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { assignmentNamedBy } = require('../../grader/batch/assignment-of') as { assignmentNamedBy: (f: string) => string | null };
  const file = path.join(dir, 'deep.ipynb');
  // Six million empty arrays: a few bytes each in the file, a few hundred MB once parsed.
  fs.writeFileSync(file, `{"metadata": {"tsdl": {"assignment": "toy"}}, "cells": [${'[],'.repeat(6_000_000)}[]]}`);
  const before = process.memoryUsage().rss;
  expect(assignmentNamedBy(file)).toBeNull();
  expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  fs.writeFileSync(file, JSON.stringify({ metadata: { tsdl: { assignment: 'toy' } }, cells: [] }));
  expect(assignmentNamedBy(file)).toBe('toy');
});
