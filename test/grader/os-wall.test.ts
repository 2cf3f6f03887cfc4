// The operating-system wall, attacked as if the student had already escaped the V8 realm: a fake
// sandbox program started exactly as real ones are (bubblewrap, prlimit, Node's permission model)
// tries the network, the host's files and other processes. Each attack is also run without
// bubblewrap, to show the attack is real and it is the wall that stops it.
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { Sandbox } from '../../grader/sandbox/client';
import { asNobody, isolatedCommand } from '../../grader/sandbox/isolate';
import { seccompFile } from '../../grader/sandbox/seccomp';
import { fromWire, Wire } from '../../grader/grade/serialize';

const REPO = path.resolve(__dirname, '..', '..');
let dir: string;
let server: net.Server;
let port: number;
const connections: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-wall-'));
  fs.chmodSync(dir, 0o755);
  server = net.createServer((s) => { connections.push('tcp'); s.destroy(); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as net.AddressInfo).port;
  fs.writeFileSync(path.join(dir, 'escaped.js'), `
const net = require('net'), fs = require('fs');
const ch = new net.Socket({ fd: 3, readable: true, writable: true });
const frame = (o) => { const b = Buffer.from(JSON.stringify(o)); const h = Buffer.alloc(4); h.writeUInt32BE(b.length); return Buffer.concat([h, b]); };
const attempt = (f) => { try { const r = f(); return r === undefined ? 'ok' : String(r).slice(0, 80); } catch (e) { return 'blocked: ' + (e.code || e.message).slice(0, 80); } };
ch.on('data', async () => {
  const out = {};
  out.tcp = await new Promise((res) => { const s = net.connect(${port}, '127.0.0.1'); s.on('connect', () => { s.destroy(); res('connected'); }); s.on('error', (e) => res('blocked: ' + e.code)); setTimeout(() => res('blocked: timeout'), 3000); });
  out.passwd = attempt(() => fs.readFileSync('/etc/passwd', 'utf8').split('\\n')[0]);
  out.repo = attempt(() => fs.readFileSync(${JSON.stringify(path.join(REPO, 'package.json'))}, 'utf8').length);
  out.home = attempt(() => fs.readdirSync('/root').length);
  out.write = attempt(() => fs.writeFileSync(${JSON.stringify(path.join(dir, 'written-by-sandbox'))}, 'x'));
  out.spawn = attempt(() => require('child_process').execFileSync('/bin/true'));
  out.uid = process.getuid();
  out.pid = process.pid;
  ch.write(frame({ op: 'case', index: 0, ok: true, value: { t: 'str', v: JSON.stringify(out) } }));
  ch.write(frame({ op: 'done' }));
});
ch.on('end', () => process.exit(0));
ch.write(frame({ op: 'ready' }));
`);
});

afterAll(() => {
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function attacks(mode: 'bwrap' | 'none'): Promise<Record<string, string | number>> {
  const file = path.join(dir, 'escaped.js');
  const sb = new Sandbox({ dir, child: file, realm: file }, { mode }, { timeoutMs: 8000, memoryMb: 512, submissionMs: 30_000 });
  try {
    const out = await sb.test({ fn: 'f', cells: [], references: null, cases: [{ args: [] }], env: {} });
    const c = out.cases[0] as { ok: true; value: Wire };
    return JSON.parse(fromWire(c.value) as string) as Record<string, string | number>;
  } finally {
    sb.kill();
  }
}

test('inside bubblewrap: no network, no host files, no writes, no processes, an unprivileged user', async () => {
  connections.length = 0;
  const r = await attacks('bwrap');
  expect(r.tcp).toMatch(/^blocked/);
  expect(connections).toEqual([]);
  for (const k of ['passwd', 'repo', 'home', 'write', 'spawn']) expect({ k, v: r[k] }).toEqual({ k, v: expect.stringMatching(/^blocked/) });
  expect(fs.existsSync(path.join(dir, 'written-by-sandbox'))).toBe(false);
  expect(r.uid).toBe(process.getuid?.() === 0 ? 65534 : process.getuid?.());
  expect(r.pid).toBeLessThan(10); // its own PID namespace
}, 30_000);

test('without bubblewrap the same program reaches the listener: the wall is what stops it', async () => {
  connections.length = 0;
  const r = await attacks('none');
  expect(r.tcp).toBe('connected');
  // Node's permission model, the second wall, still refuses files and processes.
  for (const k of ['passwd', 'repo', 'write', 'spawn']) expect({ k, v: r[k] }).toEqual({ k, v: expect.stringMatching(/^blocked/) });
}, 30_000);

test('the sandbox runs under a seccomp filter and cannot gain privileges', () => {
  const filter = seccompFile(dir);
  if (process.arch !== 'x64') { expect(filter).toBeNull(); return; }
  const fd = fs.openSync(filter!, 'r');
  try {
    const cmd = isolatedCommand({ mode: 'bwrap' }, [], ['-e', "process.stdout.write(require('fs').readFileSync('/proc/self/status', 'utf8'))"],
      { addressSpaceMb: 32 * 1024, cpuSeconds: 30, processes: 512, fileBytes: 0, openFiles: 128 }, 4);
    const r = spawnSync(cmd.file, cmd.args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe', 'ignore', fd], ...asNobody() });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Seccomp:\s+2$/m);
    expect(r.stdout).toMatch(/^NoNewPrivs:\s+1$/m);
  } finally {
    fs.closeSync(fd);
  }
});
