/**
 * Showing a figure in Jupyter from tslab. The output carries the figure's JSON once, under plotly's
 * own mime type, application/vnd.plotly.v1+json (what plotly.py sends), long arrays as typed-array
 * specs (typed.ts), and neither plotly.js nor a script: the front end draws it with a renderer for that mime type.
 * - Classic Notebook (what `npm start` serves): lib/plot/nbextension/tsdl-plotly.js, installed and
 *   enabled in .jupyter-local by scripts/jupyter-env.js, registers that renderer as safe (it only
 *   passes the JSON to Plotly.newPlot) and loads plotly.js from the notebook server once per page.
 *   Nothing depends on kernel state or on which output ran first, so re-running cells in any order,
 *   saving, reopening and untrusted notebooks all draw the same figures.
 * - JupyterLab and VS Code: their plotly renderer (JupyterLab's comes with the jupyterlab-plotly extension).
 * - Elsewhere (no renderer: GitHub, nbviewer, a bare JupyterLab): text/html with one line naming the
 *   figure, and text/plain for text-only front ends.
 * tslab's display.raw() sends one mime type per message, so the bundle goes straight to the
 * kernel's display hook. Outside a kernel (plain Node, jest) `show` returns the bundle instead.
 */
import { Figure } from './figure';
import { compactFigure } from './typed';

export const PLOTLY_MIME = 'application/vnd.plotly.v1+json';

export interface MimeBundle { [PLOTLY_MIME]: Figure; 'text/html': string; 'text/plain': string }

type DisplayHook = (msg: { data: Record<string, unknown>; metadata: Record<string, unknown>; transient: Record<string, unknown> }, update: boolean) => void;

const escapeHTML = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The figure's title text, if any, without plotly's <br> and tags. */
function titleOf(fig: Figure): string {
  const t = fig.layout.title;
  const text = typeof t === 'string' ? t : (t && typeof t === 'object' && typeof (t as { text?: unknown }).text === 'string') ? (t as { text: string }).text : '';
  return text.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, '').trim();
}

/** One line: `plotly figure "Learning rate = 0.01": 1 trace (scatter)`. */
export function describeFigure(fig: Figure): string {
  const title = titleOf(fig);
  const types = [...new Set(fig.data.map((t) => t.type))].join(', ');
  return `plotly figure${title ? ` "${title}"` : ''}: ${fig.data.length} trace${fig.data.length === 1 ? '' : 's'} (${types})`;
}

/** The fallback HTML: the one line, and where the figure is drawn. */
export function fallbackHTML(fig: Figure): string {
  return `<div class="tsdl-plot-fallback" style="padding: 0.5em; border: 1px dashed #999; color: #555;">` +
    `${escapeHTML(describeFigure(fig))}. It is drawn in the course's Jupyter (<code>npm start</code>) ` +
    'or in a front end with a plotly renderer (JupyterLab with jupyterlab-plotly, VS Code).</div>';
}

/** The mime bundle for a figure. */
export function mimeBundle(fig: Figure): MimeBundle {
  if (!fig || !Array.isArray(fig.data) || typeof fig.layout !== 'object' || fig.layout === null) {
    throw new TypeError('show() takes a plotly figure: { data: Trace[], layout: {...} }');
  }
  const compact = compactFigure(fig);
  return {
    [PLOTLY_MIME]: { data: compact.data, layout: fig.layout, ...(fig.config ? { config: fig.config } : {}) },
    'text/html': fallbackHTML(fig),
    'text/plain': `<${describeFigure(fig)}>`,
  };
}

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

/** Displays the figure in the notebook and returns undefined; outside a Jupyter kernel returns the mime bundle. */
export function show(fig: Figure): MimeBundle | undefined {
  const bundle = mimeBundle(fig);
  const hook = displayHook();
  if (!hook) return bundle;
  hook({ data: { ...bundle }, metadata: {}, transient: {} }, false);
  return undefined;
}
