/**
 * Renders every kind of figure tsdl draws in headless Chromium, offline, from the same HTML
 * a notebook output carries, and writes screenshots to look at:
 *     npx tsx scripts/plot-render-check.ts [outDir]      (needs `chromium`: apt-get install chromium)
 * One page holds all figures in order, as a saved notebook would: only the first carries
 * plotly.js, the others use window.Plotly. Prints the PNG paths and the HTML sizes.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { np, NDArray } from '../lib/np';
import { load_cat_dataset, load_circles_dataset } from '../lib/datasets';
import { costCurve, scatter2D, decisionBoundary, showImage, mislabeledImages, imageGrid, mimeBundle, Figure } from '../lib/plot';

async function figures(): Promise<[string, Figure][]> {
  const circles = load_circles_dataset();
  // a toy classifier: inside the circle of radius 0.75 is class 1
  const inside = (P: NDArray): NDArray => np.sum(P.mul(P), { axis: 0, keepdims: true }).lt(0.5625);
  const costs = Array.from({ length: 150 }, (_, i) => 0.7 * Math.exp(-i / 30) + 0.05);
  const out: [string, Figure][] = [
    ['cost', costCurve(costs, { learning_rate: 0.0075, every: 100 })],
    ['scatter', scatter2D(circles.train_X, circles.train_Y, { title: 'circles (train)' })],
    ['boundary', decisionBoundary(inside, circles.train_X, circles.train_Y, { title: 'radius 0.75' })],
  ];
  try {
    const cats = await load_cat_dataset();
    const X = cats.test_x_orig.reshape([50, -1]).T.div(255);
    const y = cats.test_y;
    const p = y.copy();
    for (const i of [1, 5, 6, 10, 13, 19]) p.set([0, i], 1 - p.get(0, i));
    out.push(['image', showImage(cats.train_x_orig.slice(7), `y = ${cats.train_y.get(0, 7)}, a '${cats.classes[cats.train_y.get(0, 7)]}' picture`)]);
    out.push(['grid', imageGrid(cats.train_x_orig.slice('0:8'), { titles: Array.from({ length: 8 }, (_, i) => `#${i}`), columns: 4 })]);
    out.push(['mislabeled', mislabeledImages(cats.classes, X, y, p)]);
  } catch (e) {
    console.log(`cat images skipped: ${(e as Error).message.split('\n')[0]}`);
  }
  return out;
}

function screenshot(html: string, png: string, height: number): void {
  const r = spawnSync('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--hide-scrollbars', `--window-size=1100,${height}`, '--virtual-time-budget=15000', `--screenshot=${png}`, html],
  { encoding: 'utf8', timeout: 120000 });
  if (r.status !== 0) throw new Error(`chromium failed (${r.status}): ${r.stderr}`);
}

async function main(): Promise<void> {
  const outDir = path.resolve(process.argv[2] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-plots-')));
  fs.mkdirSync(outDir, { recursive: true });
  const figs = await figures();
  const bundles = figs.map(([, f]) => mimeBundle(f));
  const page = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>\n${
    bundles.map((b, i) => `<h3>${figs[i][0]}</h3>\n${b['text/html']}`).join('\n')}\n</body></html>`;
  const html = path.join(outDir, 'all.html');
  fs.writeFileSync(html, page);
  const height = Math.ceil(figs.reduce((h, [, f]) => h + Number(f.layout.height ?? 450) + 60, 100));
  const png = path.join(outDir, 'all.png');
  screenshot(html, png, height);
  console.log(`${html}: ${(page.length / 1e6).toFixed(2)} MB; plotly.js inline ${bundles.filter((b) => b['text/html'].length > 1e6).length} time(s)`);
  for (const [i, b] of bundles.entries()) console.log(`  ${figs[i][0]}: html ${(b['text/html'].length / 1e3).toFixed(0)} kB, json ${(JSON.stringify(b['application/vnd.plotly.v1+json']).length / 1e3).toFixed(0)} kB`);
  console.log(png);
}

main().catch((e) => { console.error(e); process.exit(1); });
