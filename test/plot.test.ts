/**
 * lib/plot: figure builders (structure, the decision-boundary grid against numpy's), PNG
 * encoding of images, the Jupyter mime bundle, and a real tslab kernel under Jupyter showing
 * figures. Drawing in a real browser: test/browser-notebook.test.ts.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { np, NDArray } from '../lib/np';
import { make_circles } from '../lib/datasets';
import {
  costCurve, scatter2D, decisionBoundary, boundaryGrid, imageGrid, showImage, mislabeledImages,
  show, mimeBundle, encodePNG, PLOTLY_MIME, Figure, Trace, TypedArraySpec, decodeTyped,
} from '../lib/plot';
import { loadFixture } from './helpers/fixtures';
import { KERNEL_NAME, REPO_DIR, PLOTLY_EXTENSION, prepareJupyterEnv } from '../scripts/jupyter-env';

const fx = loadFixture<{ grid: { shape: number[]; xs: string; ys: string; points_T_sum: string } }>('datasets.json');
const f64 = (b64: string): number[] => {
  const buf = Buffer.from(b64, 'base64');
  return Array.from(new Float64Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length)));
};

/** Pixels of a PNG written by encodePNG (8-bit RGB, filter 0 on every row). */
function decodePNG(png: Buffer): { width: number; height: number; rgb: Uint8Array } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let pos = 8, width = 0, height = 0;
  const idat: Buffer[] = [];
  while (pos < png.length) {
    const len = png.readUInt32BE(pos), type = png.toString('latin1', pos + 4, pos + 8);
    const body = png.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') { width = body.readUInt32BE(0); height = body.readUInt32BE(4); }
    if (type === 'IDAT') idat.push(body);
    pos += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 3 + 1)]).toBe(0);
    rgb.set(raw.subarray(y * (width * 3 + 1) + 1, (y + 1) * (width * 3 + 1)), y * width * 3);
  }
  return { width, height, rgb };
}
const pngOf = (t: Trace): Buffer => Buffer.from(String(t.source).replace('data:image/png;base64,', ''), 'base64');

function circles(): [NDArray, NDArray] {
  np.random.seed(1);
  const [X, y] = make_circles(300, { noise: 0.05 });
  return [X.T, y.reshape([1, 300])];
}

describe('figure builders', () => {
  test('costCurve: iterations on x (every 100 by default), cost on y, the learning rate in the title', () => {
    const f = costCurve([0.7, 0.5, 0.25], { learning_rate: 0.0075 });
    expect(f.data).toHaveLength(1);
    expect(f.data[0]).toMatchObject({ type: 'scatter', x: [0, 100, 200], y: [0.7, 0.5, 0.25] });
    expect(f.layout.title).toEqual({ text: 'Learning rate = 0.0075' });
    expect(f.layout.yaxis).toEqual({ title: { text: 'cost' } });
    expect(JSON.stringify(f.layout.xaxis)).toContain('iteration');
    const g = costCurve(np.array([[1, 2]]), { learning_rate: 1e-5, every: 1000 });
    expect(g.data[0]).toMatchObject({ x: [0, 1000], y: [1, 2] });
    expect(g.layout.title).toEqual({ text: 'Learning rate = 1e-05' }); // Python's str(1e-05)
    expect(costCurve([1, 2], { every: 100, unit: 'epoch' }).layout.xaxis).toEqual({ title: { text: 'epoch' } });
    expect(() => costCurve([1], { every: 0 })).toThrow('every must be a positive integer');
  });

  test("costCurve: costs constant up to rounding draw flat, as the course's plot does", () => {
    // the zeros initialization's costs: log 2, one of them a last bit off
    const zeros = costCurve([0.6931471805599453, 0.6931471805599453, 0.6931471805599455, 0.6931471805599453]);
    const range = (zeros.layout.yaxis as { range: number[] }).range;
    expect(range[0]).toBeLessThan(0.66);
    expect(range[1]).toBeGreaterThan(0.72);
    expect((costCurve([0.7, 0.5]).layout.yaxis as { range?: number[] }).range).toBeUndefined();
    expect((costCurve([0, 0]).layout.yaxis as { range: number[] }).range).toEqual([-1, 1]);
  });

  test('scatter2D: one trace per label, in label order, with its points', () => {
    const [X, Y] = circles();
    const f = scatter2D(X, Y);
    expect(f.data.map((t) => t.name)).toEqual(['y = 0', 'y = 1']);
    const ones = Array.from(Y.values().keys()).filter((i) => Y.values()[i] === 1);
    expect(f.data[1].x).toEqual(ones.map((i) => X.get(0, i)));
    expect(f.data[1].y).toEqual(ones.map((i) => X.get(1, i)));
    expect((f.data[0].x as number[]).length + ones.length).toBe(300);
    expect((f.data[0].marker as { color: string }).color).not.toBe((f.data[1].marker as { color: string }).color);
    expect(() => scatter2D(X.T, Y)).toThrow('X must have shape (2, m), got (300, 2)');
    expect(() => scatter2D(X, np.zeros([1, 5]))).toThrow('Y has 5 labels for 300 points');
  });

  test("the boundary grid is numpy's meshgrid(arange(min-1, max+1, .01), ...) for the course's circles", () => {
    const [X] = circles();
    const g = boundaryGrid(X);
    expect([g.ys.length, g.xs.length]).toEqual(fx.grid.shape);
    expect(g.xs).toEqual(f64(fx.grid.xs));
    expect(g.ys).toEqual(f64(fx.grid.ys));
    expect(g.points.shape).toEqual([2, g.xs.length * g.ys.length]);
    // np.c_[xx.ravel(), yy.ravel()]: x varies fastest
    expect([g.points.get(0, 1), g.points.get(1, 1)]).toEqual([g.xs[1], g.ys[0]]);
    expect([g.points.get(0, g.xs.length), g.points.get(1, g.xs.length)]).toEqual([g.xs[0], g.ys[1]]);
  });

  test('decisionBoundary: predictFn gets (2, k) grid points once; regions, then the labelled points', () => {
    const X = np.array([[0, 1, 2], [0, 1, 0.5]]), Y = np.array([[0, 1, 1]]);
    const calls: number[][] = [];
    const right = (P: NDArray): NDArray => { calls.push(P.shape.slice()); return P.slice('0:1').gt(0.5); }; // bool (1, k)
    const f = decisionBoundary(right, X, Y, { h: 0.5 });
    // x: arange(-1, 3, .5) -> 8 values; y: arange(-1, 2, .5) -> 6 values
    expect(calls).toEqual([[2, 48]]);
    const [regions, ...points] = f.data;
    expect(regions.type).toBe('contour');
    expect(regions.x).toEqual([-1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5]);
    expect(regions.y).toEqual([-1, -0.5, 0, 0.5, 1, 1.5]);
    const z = regions.z as number[][];
    expect(z).toHaveLength(6);
    for (const row of z) expect(row).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    expect(regions.contours).toMatchObject({ start: 0.5, end: 0.5 });
    expect(points.map((t) => t.name)).toEqual(['y = 0', 'y = 1']);
    expect(f.layout.xaxis).toMatchObject({ title: { text: 'x1' }, range: [-1, 2.5] });
    // a JS array result is accepted; a wrong count is an error
    const g = decisionBoundary((P) => Array.from({ length: P.shape[1] }, () => 1), X, Y, { h: 0.5 });
    expect((g.data[0].z as number[][])[0]).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(() => decisionBoundary(() => [1, 0], X, Y, { h: 0.5 })).toThrow('predict returned 2 values for 48 grid points');
  });

  test('decisionBoundary at the course step on 300 points builds a 440-odd square grid', () => {
    const [X, Y] = circles();
    const f = decisionBoundary((P) => np.sum(P.mul(P), { axis: 0, keepdims: true }).lt(0.5), X, Y);
    const z = f.data[0].z as number[][];
    expect([z.length, z[0].length]).toEqual(fx.grid.shape);
    expect(z[0][0]).toBe(0);
    const mid = z[Math.floor(z.length / 2)];
    expect(mid[Math.floor(mid.length / 2)]).toBe(1);
  });
});

describe('images', () => {
  const img = (seed: number): NDArray => { np.random.seed(seed); return np.random.randint(0, 256, [64, 64, 3]); };

  test('encodePNG round-trips RGB bytes', () => {
    const rgb = Uint8Array.from({ length: 5 * 3 * 3 }, (_, i) => (i * 37) % 256);
    expect(decodePNG(encodePNG(rgb, 5, 3))).toEqual({ width: 5, height: 3, rgb });
    expect(() => encodePNG(rgb, 4, 3)).toThrow('expected 36 RGB bytes, got 45');
  });

  test('showImage: one image trace carrying the pixels as a PNG, with the title', () => {
    const a = img(0);
    const f = showImage(a, 'y = 1');
    expect(f.data).toHaveLength(1);
    expect(f.data[0].type).toBe('image');
    const png = decodePNG(pngOf(f.data[0]));
    expect([png.width, png.height]).toEqual([64, 64]);
    expect(Array.from(png.rgb)).toEqual(Array.from(a.values()));
    expect((f.layout.annotations as { text: string }[])[0].text).toBe('y = 1');
  });

  test('imageGrid: a subplot per image, in a grid of the given columns', () => {
    np.random.seed(3);
    const batch = np.random.randint(0, 256, [5, 8, 8, 3]);
    const f = imageGrid(batch, { titles: ['a', 'b', 'c', 'd', 'e'], columns: 2 });
    expect(f.data.map((t) => [t.xaxis, t.yaxis])).toEqual([['x', 'y'], ['x2', 'y2'], ['x3', 'y3'], ['x4', 'y4'], ['x5', 'y5']]);
    expect(Object.keys(f.layout).filter((k) => /^xaxis/.test(k))).toHaveLength(5);
    const domains = [1, 2, 3].map((i) => (f.layout[i === 1 ? 'xaxis' : `xaxis${i}`] as { domain: number[] }).domain[0]);
    expect(domains[0]).toBe(domains[2]); // image 3 starts the second row
    expect(domains[1]).toBeGreaterThan(domains[0]);
    expect(Array.from(decodePNG(pngOf(f.data[4])).rgb)).toEqual(Array.from(batch.slice(4).values()));
    expect(() => imageGrid([np.zeros([8, 8])])).toThrow('an image must have shape (height, width, 3), got (8, 8)');
  });

  test('mislabeledImages: the columns where p != y, titled with both class names; 0..1 pixels scaled', () => {
    const imgs = [0, 1, 2, 3].map(img);
    // (12288, 4) columns of normalized pixels, as the models take them
    const cols = new Float64Array(12288 * 4);
    imgs.forEach((im, j) => im.values().forEach((v, i) => { cols[i * 4 + j] = v / 255; }));
    const Xcols = new NDArray(cols, [12288, 4]);
    const y = np.array([[1, 0, 1, 0]]), p = np.array([[1, 1, 0, 0]]);
    const f = mislabeledImages(['non-cat', 'cat'], Xcols, y, p);
    expect(f.data).toHaveLength(2);
    expect((f.layout.annotations as { text: string }[]).map((a) => a.text)).toEqual([
      'Prediction: cat<br>Class: non-cat', 'Prediction: non-cat<br>Class: cat']);
    expect(Array.from(decodePNG(pngOf(f.data[0])).rgb)).toEqual(Array.from(imgs[1].values()));
    expect(Array.from(decodePNG(pngOf(f.data[1])).rgb)).toEqual(Array.from(imgs[2].values()));
  });
});

describe('display', () => {
  const fig: Figure = { data: [{ type: 'scatter', x: [1, 2], y: [3, 4], name: '</script><b>' }], layout: { title: { text: 'a < b<br>c' } } };

  test('a bundle carries the figure once as plotly JSON, a one-line HTML fallback and a text line; no script, no plotly.js', () => {
    const b = mimeBundle(fig);
    expect(Object.keys(b).sort()).toEqual([PLOTLY_MIME, 'text/html', 'text/plain']);
    expect(b[PLOTLY_MIME]).toEqual({ data: fig.data, layout: fig.layout });
    expect(b['text/plain']).toBe('<plotly figure "a < b c": 1 trace (scatter)>');
    expect(b['text/html']).not.toMatch(/<script/i);
    expect(b['text/html']).not.toContain('</script><b>');
    expect(b['text/html']).toContain('plotly figure &quot;a &lt; b c&quot;: 1 trace (scatter)');
    expect(b['text/html']).not.toContain('\n');
    expect(b['text/html'].length).toBeLessThan(400);
    // the same bundle every time: nothing depends on which figure was shown first
    expect(mimeBundle(fig)).toEqual(b);
  });

  test('long numeric arrays travel as exact typed-array specs, a 0/1 grid as uint8', () => {
    const z = Array.from({ length: 30 }, (_, j) => Array.from({ length: 40 }, (_, i) => (i + j) % 2));
    const x = Array.from({ length: 100 }, (_, i) => i * 0.1 - 3.3e-17);
    const big: Figure = { data: [{ type: 'contour', z, x, y: [1, 2, 3] }, { type: 'scatter', x: [-1e6, 70000, ...Array(62).fill(5)] }], layout: {} };
    const [c, s] = mimeBundle(big)[PLOTLY_MIME].data as unknown as Record<string, TypedArraySpec | number[]>[];
    expect((c.z as TypedArraySpec).dtype).toBe('u1');
    expect((c.z as TypedArraySpec).shape).toBe('30, 40');
    expect(decodeTyped(c.z as TypedArraySpec)).toEqual(z.flat());
    expect((c.x as TypedArraySpec).dtype).toBe('f8');
    expect(decodeTyped(c.x as TypedArraySpec)).toEqual(x);
    expect(c.y).toEqual([1, 2, 3]); // short: plain JSON
    expect((s.x as TypedArraySpec).dtype).toBe('i4');
    expect(decodeTyped(s.x as TypedArraySpec)).toEqual([-1e6, 70000, ...Array(62).fill(5)]);
    expect(big.data[0].z).toBe(z); // the figure itself is not changed
  });

  test('show() of something that is not a figure is a clear error', () => {
    expect(() => show({ data: 3 } as unknown as Figure)).toThrow('show() takes a plotly figure');
  });

  test('outside a kernel show() returns the bundle and sends nothing', () => {
    const a = show(fig);
    expect(a && Object.keys(a).sort()).toEqual([PLOTLY_MIME, 'text/html', 'text/plain']);
  });

  test("inside a kernel show() hands one bundle with all mime types to tslab's display hook", () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const jupyter = require('tslab/dist/jupyter') as { lastWriteDisplayData: unknown };
    const sent: { data: Record<string, unknown>; update: boolean }[] = [];
    jupyter.lastWriteDisplayData = (msg: { data: Record<string, unknown> }, update: boolean) => sent.push({ data: msg.data, update });
    try {
      expect(show(fig)).toBeUndefined();
      expect(show(fig)).toBeUndefined();
    } finally {
      jupyter.lastWriteDisplayData = null;
    }
    expect(sent.map((m) => Object.keys(m.data).sort())).toEqual([[PLOTLY_MIME, 'text/html', 'text/plain'], [PLOTLY_MIME, 'text/html', 'text/plain']]);
    expect(sent.map((m) => m.update)).toEqual([false, false]);
    expect(sent[1].data).toEqual(sent[0].data);
  });

  test('the notebook server gets the renderer: extension and plotly.js under .jupyter-local, enabled in nbconfig', () => {
    const { env } = prepareJupyterEnv();
    const ext = path.join(env.JUPYTER_DATA_DIR!, 'nbextensions', PLOTLY_EXTENSION);
    expect(fs.readFileSync(path.join(ext, `${PLOTLY_EXTENSION}.js`), 'utf8'))
      .toBe(fs.readFileSync(path.join(REPO_DIR, 'lib', 'plot', 'nbextension', `${PLOTLY_EXTENSION}.js`), 'utf8'));
    expect(fs.statSync(path.join(ext, 'plotly.min.js')).size).toBe(fs.statSync(require.resolve('plotly.js-dist-min/plotly.min.js')).size);
    const nbconfig = JSON.parse(fs.readFileSync(path.join(env.JUPYTER_CONFIG_DIR!, 'nbconfig', 'notebook.json'), 'utf8'));
    expect(nbconfig.load_extensions[`${PLOTLY_EXTENSION}/${PLOTLY_EXTENSION}`]).toBe(true);
  });
});

describe('in a real tslab kernel under Jupyter', () => {
  test('show() emits one display_data per figure; the HDF5 and MAT loaders work in cells', () => {
    fs.mkdirSync(path.join(REPO_DIR, '.jupyter-local'), { recursive: true });
    const dir = fs.mkdtempSync(path.join(REPO_DIR, '.jupyter-local', 'plot-test-'));
    try {
      const cells = [
        "import { load_2D_dataset, load_cat_dataset } from 'tsdl/lib/datasets';\nimport { scatter2D, costCurve, show } from 'tsdl/lib/plot';",
        'const d = load_2D_dataset();\nshow(scatter2D(d.train_X, d.train_Y));',
        'show(costCurve([0.7, 0.5], { learning_rate: 0.3 }))',
        'const cats = await load_cat_dataset();\nconsole.log(cats.train_x_orig.shape.join(","), cats.classes.join(","));',
      ];
      const nb = {
        cells: cells.map((source, i) => ({ cell_type: 'code', execution_count: null, id: `c${i}`, metadata: {}, outputs: [], source })),
        metadata: { kernelspec: { display_name: 'TypeScript', language: 'typescript', name: KERNEL_NAME } },
        nbformat: 4, nbformat_minor: 5,
      };
      fs.writeFileSync(path.join(dir, 'p.ipynb'), JSON.stringify(nb));
      const { env } = prepareJupyterEnv();
      const run = spawnSync('jupyter', ['nbconvert', '--to', 'notebook', '--execute', '--ExecutePreprocessor.timeout=50',
        '--output', 'p.out.ipynb', 'p.ipynb'], { cwd: dir, env, encoding: 'utf8', timeout: 90_000 });
      expect(run.status).toBe(0);
      type Out = { output_type: string; data?: Record<string, unknown>; text?: string | string[] };
      const out = JSON.parse(fs.readFileSync(path.join(dir, 'p.out.ipynb'), 'utf8')) as { cells: { outputs: Out[] }[] };
      const shown = out.cells.map((c) => c.outputs.filter((o) => o.output_type === 'display_data'));
      expect(shown.map((s) => s.length)).toEqual([0, 1, 1, 0]);
      expect(Object.keys(shown[1][0].data!).sort()).toEqual([PLOTLY_MIME, 'text/html', 'text/plain']);
      const html = (s: Out[]) => [s[0].data!['text/html']].flat().join('');
      expect([html(shown[1]).length, html(shown[2]).length].every((n) => n < 400)).toBe(true); // no plotly.js in outputs
      expect((shown[1][0].data![PLOTLY_MIME] as Figure).data[0].type).toBe('scatter');
      const text = out.cells[3].outputs.map((o) => [o.text ?? ''].flat().join('')).join('');
      expect(text).toContain('209,64,64,3 non-cat,cat');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
