/**
 * The initialization notebook in a real browser (Debian's chromium through playwright-core) on the
 * classic Notebook server `npm start` starts: run all cells, re-run the first figure cell, save,
 * reload; every figure must be an SVG with its points drawn, and our outputs must log no error.
 * Then the saved file is opened again as an untrusted notebook: the figures still draw. Screenshots
 * go to test/artifacts/ (not committed) for people to look at.
 */
import * as fs from 'fs';
import * as path from 'path';
import { chromium, BrowserContext, Page } from 'playwright-core';
import { REPO_DIR } from '../scripts/jupyter-env';
import { PLOTLY_MIME, TypedArraySpec, decodeTyped } from '../lib/plot';
import { NotebookServer, startNotebookServer } from './helpers/notebook-server';

jest.setTimeout(300_000);

// The callbacks given to page.evaluate run in the page; tsconfig has no DOM library.
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const window: any;
declare const document: any;

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.join(REPO_DIR, 'test', 'artifacts');
const SOURCE = path.join(REPO_DIR, 'grader', 'assignments', 'initialization', 'source.ipynb');

interface Output { output_type: string; data?: Record<string, unknown> }
interface Nb { cells: { cell_type: string; source: string | string[]; outputs?: Output[] }[] }

/** What the page shows for each plotly output, in order. */
interface Drawn { svg: boolean; markers: number; lines: number; images: number; contours: number; fallback: boolean }

let dir: string, server: NotebookServer, context: BrowserContext, page: Page;
const errors: string[] = [];

beforeAll(async () => {
  fs.mkdirSync(path.join(REPO_DIR, '.jupyter-local'), { recursive: true });
  // inside the repo, so the kernel resolves 'tsdl' from node_modules as a notebook in notebooks/ does
  dir = fs.mkdtempSync(path.join(REPO_DIR, '.jupyter-local', 'browser-test-'));
  fs.copyFileSync(SOURCE, path.join(dir, 'initialization.ipynb'));
  server = await startNotebookServer(dir);
  const profile = fs.mkdtempSync(path.join(dir, 'chromium-profile-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
  page = context.pages()[0] ?? await context.newPage();
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
});

afterAll(async () => {
  await context?.close();
  await server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function open(name: string): Promise<void> {
  await page.goto(`${server.url}/notebooks/${name}?token=${server.token}`);
  await page.waitForFunction(() => {
    const J = (window as any).Jupyter;
    return J?.notebook?._fully_loaded && J.notebook.kernel?.is_connected() &&
      document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null;
  }, undefined, { timeout: 120_000 });
}

/** Waits until every code cell given has a number in its prompt and the kernel is idle. */
async function waitForCells(indices: number[] | 'all', since: Record<number, number | null> = {}): Promise<void> {
  await page.waitForFunction(([which, before]) => {
    const nb = (window as any).Jupyter.notebook;
    const cells = nb.get_cells().map((c: any, i: number) => [c, i]).filter(([c, i]: [any, number]) =>
      c.cell_type === 'code' && (which === 'all' || (which as number[]).includes(i)));
    return cells.every(([c, i]: [any, number]) => typeof c.input_prompt_number === 'number' && c.input_prompt_number !== before[i]) &&
      document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null;
  }, [indices, since] as const, { timeout: 240_000, polling: 250 });
}

/** Per plotly output of the notebook, in order: what was drawn in its output element. */
async function drawn(): Promise<Drawn[]> {
  return page.evaluate((mime) => {
    const nb = (window as any).Jupyter.notebook;
    const out: any[] = [];
    for (const cell of nb.get_cells()) {
      if (cell.cell_type !== 'code') continue;
      const figures = cell.output_area.element.find('.output_tsdl_plotly').toArray() as any[];
      const fallbacks = cell.output_area.element.find('.tsdl-plot-fallback').toArray() as any[];
      const n = cell.output_area.outputs.filter((o: any) => o.data && o.data[mime]).length;
      for (let i = 0; i < n; i++) {
        const el = figures[i];
        out.push({
          svg: !!el?.querySelector('svg.main-svg'),
          markers: el ? el.querySelectorAll('.scatterlayer path.point').length : 0,
          lines: el ? Array.from(el.querySelectorAll('.scatterlayer path.js-line')).filter((p: any) => (p.getAttribute('d') ?? '').length > 10).length : 0,
          images: el ? el.querySelectorAll('.layer-subplot image, g.imagelayer image').length : 0,
          contours: el ? el.querySelectorAll('.contourlayer path').length : 0,
          fallback: fallbacks.length > 0,
        });
      }
    }
    return out;
  }, PLOTLY_MIME);
}

/** What each figure of a saved notebook must show: markers per marker trace, a line per line trace. */
function expected(nb: Nb): { markers: number; lines: number; contour: boolean }[] {
  const want: { markers: number; lines: number; contour: boolean }[] = [];
  for (const cell of nb.cells) {
    for (const o of cell.outputs ?? []) {
      const fig = o.data?.[PLOTLY_MIME] as { data: { type: string; mode?: string; x?: unknown[] | TypedArraySpec }[] } | undefined;
      if (!fig) continue;
      let markers = 0, lines = 0, contour = false;
      for (const t of fig.data) {
        if (t.type === 'contour') contour = true;
        if (t.type !== 'scatter') continue;
        if ((t.mode ?? 'markers').includes('markers')) markers += !t.x ? 0 : Array.isArray(t.x) ? t.x.length : decodeTyped(t.x).length;
        if ((t.mode ?? '').includes('lines')) lines += 1;
      }
      want.push({ markers, lines, contour });
    }
  }
  return want;
}

function checkFigures(got: Drawn[], nb: Nb): void {
  const want = expected(nb);
  expect(want.length).toBeGreaterThanOrEqual(6); // the training set, three cost curves, three boundaries
  expect(got.map((d) => d.svg)).toEqual(want.map(() => true));
  expect(got.map((d) => d.markers)).toEqual(want.map((w) => w.markers));
  expect(got.map((d) => d.lines)).toEqual(want.map((w) => w.lines));
  expect(got.map((d) => d.contours > 0)).toEqual(want.map((w) => w.contour));
  expect(got.some((d) => d.fallback)).toBe(false);
}

const ourErrors = () => errors.filter((e) => /plotly|tsdl|pageerror/i.test(e));

async function screenshot(name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  // the classic Notebook scrolls inside #site: let the page itself grow so one picture holds all cells
  await page.addStyleTag({ content: '#site { height: auto !important; overflow: visible !important; } html, body { overflow: visible !important; height: auto !important; }' });
  const file = path.join(ARTIFACTS, name);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

test('run all, re-run the first figure cell, save, reload: every figure is drawn as an SVG', async () => {
  await open('initialization.ipynb');
  await page.evaluate(() => (window as any).Jupyter.notebook.execute_all_cells());
  await waitForCells('all');
  const errorOutputs = await page.evaluate(() => (window as any).Jupyter.notebook.get_cells()
    .filter((c: any) => c.cell_type === 'code' && c.output_area.outputs.some((o: any) => o.output_type === 'error')).length);
  expect(errorOutputs).toBe(0);

  const first = await page.evaluate((mime) => {
    const cells = (window as any).Jupyter.notebook.get_cells();
    const i = cells.findIndex((c: any) => c.cell_type === 'code' && c.output_area.outputs.some((o: any) => o.data && o.data[mime]));
    const before = cells[i].input_prompt_number;
    cells[i].execute();
    return { i, before };
  }, PLOTLY_MIME);
  expect(first.i).toBeGreaterThan(0);
  await waitForCells([first.i], { [first.i]: first.before });
  await page.waitForFunction(() => document.querySelectorAll('.output_tsdl_plotly svg.main-svg').length >= 7, undefined, { timeout: 60_000 });

  await page.evaluate(() => (window as any).Jupyter.notebook.save_notebook());
  const saved = JSON.parse(fs.readFileSync(path.join(dir, 'initialization.ipynb'), 'utf8')) as Nb;
  const text = JSON.stringify(saved);
  expect(text).not.toMatch(/plotly\.js v\d/);        // plotly.js is served, never stored
  expect(text).not.toMatch(/<script/);
  // each figure's data once, its long arrays packed (the three decision boundaries: ~0.2 MB each)
  const size = fs.statSync(path.join(dir, 'initialization.ipynb')).size;
  console.log(`saved notebook: ${size} bytes`);
  expect(size).toBeLessThan(1_500_000);

  await page.reload();
  await open('initialization.ipynb');
  await page.waitForFunction(() => document.querySelectorAll('.output_tsdl_plotly svg.main-svg').length >= 7, undefined, { timeout: 60_000 });
  checkFigures(await drawn(), saved);
  const shot = await screenshot('initialization.png');
  expect(fs.statSync(shot).size).toBeGreaterThan(50_000);
  expect(ourErrors()).toEqual([]);
});

test('the saved notebook opened untrusted (changed outside the browser) still draws every figure', async () => {
  const nb = JSON.parse(fs.readFileSync(path.join(dir, 'initialization.ipynb'), 'utf8')) as Nb;
  nb.cells.push({ cell_type: 'markdown', source: 'edited elsewhere', outputs: undefined } as never);
  delete (nb.cells[nb.cells.length - 1] as { outputs?: unknown }).outputs;
  (nb.cells[nb.cells.length - 1] as unknown as { metadata: object }).metadata = {};
  fs.writeFileSync(path.join(dir, 'untrusted.ipynb'), JSON.stringify(nb));
  await open('untrusted.ipynb');
  expect(await page.evaluate(() => (window as any).Jupyter.notebook.trusted)).toBe(false);
  await page.waitForFunction(() => document.querySelectorAll('.output_tsdl_plotly svg.main-svg').length >= 7, undefined, { timeout: 60_000 });
  checkFigures(await drawn(), nb);
  await screenshot('initialization-untrusted.png');
  expect(ourErrors()).toEqual([]);
});

test('the file tree lists the assignments in course order (lib/course/order.json), whatever their names', async () => {
  const order = JSON.parse(fs.readFileSync(path.join(REPO_DIR, 'lib', 'course', 'order.json'), 'utf8')) as string[];
  const ids = fs.readdirSync(path.join(REPO_DIR, 'grader', 'assignments'))
    .filter((d) => fs.existsSync(path.join(REPO_DIR, 'grader', 'assignments', d, 'source.ipynb')));
  expect([...order].sort()).toEqual([...ids].sort());
  const tree = fs.mkdtempSync(path.join(dir, 'tree-'));
  for (const id of order) fs.copyFileSync(path.join(REPO_DIR, 'notebooks', `${id}.ipynb`), path.join(tree, `${id}.ipynb`));
  await page.goto(`${server.url}/tree/${path.basename(tree)}?token=${server.token}`);
  await page.waitForFunction((n) => document.querySelectorAll('#notebook_list .list_item .item_name').length >= n, order.length, { timeout: 30_000 });
  // the extension re-sorts once it has read its config
  const notebookNames = () => page.evaluate(() => Array.from(document.querySelectorAll('#notebook_list .list_item .item_name'))
    .map((e: any) => e.textContent as string).filter((t) => t.endsWith('.ipynb')));
  await page.waitForFunction((want) => JSON.stringify(Array.from(document.querySelectorAll('#notebook_list .list_item .item_name'))
    .map((e: any) => e.textContent as string).filter((t) => t.endsWith('.ipynb'))) === want,
  JSON.stringify(order.map((id) => `${id}.ipynb`)), { timeout: 30_000 }).catch(() => undefined);
  const names = await notebookNames();
  await screenshot('tree.png');
  expect(names).toEqual(order.map((id) => `${id}.ipynb`));
  expect(ourErrors()).toEqual([]);
});
