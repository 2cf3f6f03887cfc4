/**
 * Showing a figure in Jupyter from tslab: one display_data message whose bundle carries
 * - application/vnd.plotly.v1+json, drawn by JupyterLab's and VS Code's plotly renderers;
 * - text/html, for the classic notebook: a div and a script calling Plotly.newPlot. The first
 *   figure of a kernel session also carries plotly.js itself (about 4.8 MB, inline), so an
 *   executed notebook saved to disk shows its figures offline; later figures use window.Plotly.
 * - text/plain, a one-line description for text-only front ends.
 * tslab's display.raw() sends one mime type per message, so the bundle goes straight to the
 * kernel's display hook. Outside a kernel (plain Node, jest) `show` returns the bundle instead.
 */
import * as fs from 'fs';
import * as path from 'path';
import { randomUUID } from 'crypto';
import { Figure } from './figure';

export const PLOTLY_MIME = 'application/vnd.plotly.v1+json';

export interface MimeBundle { [PLOTLY_MIME]: Figure; 'text/html': string; 'text/plain': string }

type DisplayHook = (msg: { data: Record<string, unknown>; metadata: Record<string, unknown>; transient: Record<string, unknown> }, update: boolean) => void;

let plotlyIncluded = false;
let plotlySource: string | null = null;

/** plotly.min.js from the plotly.js-dist-min package, made safe to sit inside a <script> element. */
export function plotlyScript(): string {
  if (plotlySource === null) {
    const file = require.resolve('plotly.js-dist-min/plotly.min.js');
    plotlySource = safeInScript(fs.readFileSync(file, 'utf8'));
  }
  return plotlySource;
}

/** The plotly.js version bundled (for the text/plain line and tests). */
export function plotlyVersion(): string {
  const pkg = path.join(path.dirname(require.resolve('plotly.js-dist-min/plotly.min.js')), 'package.json');
  return (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version: string }).version;
}

/** JS source that cannot end its <script> element early or open an HTML comment. */
function safeInScript(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\x21--');
}

/** JSON that can sit in a <script> element (no '<', U+2028 or U+2029 left raw). */
function scriptJSON(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const describe = (fig: Figure): string =>
  `<plotly figure: ${fig.data.length} trace${fig.data.length === 1 ? '' : 's'} (${[...new Set(fig.data.map((t) => t.type))].join(', ')})>`;

/** The HTML for the classic notebook; with includePlotly, plotly.js comes inline first. */
export function figureHTML(fig: Figure, includePlotly: boolean): string {
  const id = `tsdl-plot-${randomUUID()}`;
  const width = typeof fig.layout.width === 'number' ? `${fig.layout.width}px` : '100%';
  const height = typeof fig.layout.height === 'number' ? `${fig.layout.height}px` : '450px';
  const lib = includePlotly ? `<script type="text/javascript">${plotlyScript()}</script>\n` : '';
  return `<div id="${id}" style="width: ${width}; height: ${height};"></div>\n${lib}` +
    `<script type="text/javascript">(function () {\n` +
    `  var fig = ${scriptJSON({ data: fig.data, layout: fig.layout, config: fig.config ?? { responsive: true } })};\n` +
    `  var el = document.getElementById(${JSON.stringify(id)});\n` +
    `  if (window.Plotly) { window.Plotly.newPlot(el, fig.data, fig.layout, fig.config); }\n` +
    `  else { el.textContent = 'plotly.js is not loaded here: re-run the first cell that shows a figure (its output carries plotly.js).'; }\n` +
    `})();</script>`;
}

/** The mime bundle for a figure; plotly.js goes into the HTML of the first bundle of the session. */
export function mimeBundle(fig: Figure, options: { includePlotly?: boolean } = {}): MimeBundle {
  const include = options.includePlotly ?? !plotlyIncluded;
  if (include) plotlyIncluded = true;
  return {
    [PLOTLY_MIME]: { data: fig.data, layout: fig.layout, ...(fig.config ? { config: fig.config } : {}) },
    'text/html': figureHTML(fig, include),
    'text/plain': describe(fig),
  };
}

/** The next figure carries plotly.js again (e.g. after clearing the output that carried it). */
export function resetPlotlyInclusion(): void { plotlyIncluded = false; }

/**
 * tslab's display hook, when this process is a tslab kernel: its `jupyter` module is then already
 * loaded (normally ours in node_modules; or another tslab install's, found by path). Nothing is
 * required here, so plain Node never loads tslab (and TypeScript and zeromq with it).
 */
function displayHook(): DisplayHook | null {
  type JupyterModule = { exports?: { lastWriteDisplayData?: DisplayHook | null } };
  const cache = require.cache as Record<string, JupyterModule | undefined>;
  const candidates: (JupyterModule | undefined)[] = [];
  try { candidates.push(cache[require.resolve('tslab/dist/jupyter')]); } catch { /* tslab not installed here */ }
  for (const key of Object.keys(cache)) {
    if (/[\\/]tslab[\\/]dist[\\/]jupyter\.js$/.test(key)) candidates.push(cache[key]);
  }
  for (const mod of candidates) {
    const hook = mod?.exports?.lastWriteDisplayData;
    if (typeof hook === 'function') return hook;
  }
  return null;
}

/**
 * Displays the figure in the notebook and returns undefined; outside a Jupyter kernel does
 * nothing but return the mime bundle (which is then not counted as having carried plotly.js).
 */
export function show(fig: Figure, options: { includePlotly?: boolean } = {}): MimeBundle | undefined {
  const hook = displayHook();
  if (!hook) {
    const wasIncluded = plotlyIncluded;
    const bundle = mimeBundle(fig, options);
    plotlyIncluded = wasIncluded;
    return bundle;
  }
  const bundle = mimeBundle(fig, options);
  hook({ data: { ...bundle }, metadata: {}, transient: {} }, false);
  return undefined;
}
