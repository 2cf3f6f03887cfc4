// Notebook processes start with the malloc settings of scripts/malloc-tunables.js: the Jupyter
// kernel through its kernelspec, `tsdl` commands by restarting themselves once.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/* eslint-disable @typescript-eslint/no-var-requires */
const { MALLOC_TUNABLES } = require('../scripts/malloc-tunables') as { MALLOC_TUNABLES: string };
const { kernelSpec } = require('../scripts/jupyter-env') as { kernelSpec: () => { env: Record<string, string> } };
/* eslint-enable @typescript-eslint/no-var-requires */
const REPO = path.resolve(__dirname, '..');

test('the kernelspec gives the kernel the malloc settings', () => {
  expect(MALLOC_TUNABLES).toMatch(/^glibc\.malloc\.mmap_threshold=\d+:glibc\.malloc\.trim_threshold=\d+:glibc\.malloc\.top_pad=\d+$/);
  expect(kernelSpec().env.GLIBC_TUNABLES).toBe(MALLOC_TUNABLES);
});

describe('tsdl run', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-malloc-'));
  const nb = path.join(dir, 'env.ipynb');
  fs.writeFileSync(nb, JSON.stringify({
    nbformat: 4, nbformat_minor: 5, metadata: {},
    cells: [{ cell_type: 'code', id: 'env', metadata: {}, execution_count: null, outputs: [], source: 'console.log(`tunables=${process.env.GLIBC_TUNABLES}`);' }],
  }));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = (env: NodeJS.ProcessEnv): string => {
    const out = path.join(dir, 'out.ipynb');
    const r = spawnSync(process.execPath, [path.join(REPO, 'bin', 'tsdl.js'), 'run', nb, '--out', out], { env, encoding: 'utf8', cwd: dir });
    expect(r.status).toBe(0);
    const cells = JSON.parse(fs.readFileSync(out, 'utf8')).cells as { outputs: { text?: string | string[] }[] }[];
    return cells[0].outputs.map((o) => [o.text ?? ''].flat().join('')).join('');
  };

  test('runs the notebook with them when the user set none', () => {
    const env = { ...process.env };
    delete env.GLIBC_TUNABLES;
    expect(run(env)).toContain(`tunables=${process.platform === 'linux' ? MALLOC_TUNABLES : 'undefined'}`);
  }, 60_000);

  test("keeps the user's own GLIBC_TUNABLES", () => {
    expect(run({ ...process.env, GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' })).toContain('tunables=glibc.malloc.arena_max=2');
  }, 60_000);

  test('passes the exit status through', () => {
    const env = { ...process.env };
    delete env.GLIBC_TUNABLES;
    const r = spawnSync(process.execPath, [path.join(REPO, 'bin', 'tsdl.js'), 'run', path.join(dir, 'missing.ipynb')], { env, encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.status).not.toBeNull();
    expect(r.stderr).toMatch(/missing\.ipynb/);
  }, 60_000);
});
