/**
 * RGB pictures (the 64x64x3 cats) as plotly 'image' traces, one subplot each, with titles.
 * Pixels may be 0..255 integers (the h5 files) or 0..1 floats (the normalized inputs the models
 * see); each image is sent as a PNG data URI.
 */
import { NDArray } from '../np';
import { Figure, Layout, Trace } from './figure';
import { encodePNG, pngDataURI } from './png';

export interface ImageGridOptions {
  /** One title per image (plotly accepts <br> for a line break). */
  titles?: readonly string[];
  /** Images per row (default: all in one row up to 5). */
  columns?: number;
  /** Pixel size of each subplot (default 200). */
  cell?: number;
}

/** Bytes 0..255 of an (h, w, 3) image; floats in [0, 1] are scaled by 255. */
function rgbBytes(img: NDArray, scale: number): Uint8Array {
  const v = img.values();
  const out = new Uint8Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = Math.max(0, Math.min(255, Math.round(v[i] * scale)));
  return out;
}

const isUnitRange = (imgs: NDArray[]): boolean => imgs.every((im) => {
  const v = im.values();
  for (let i = 0; i < v.length; i++) if (v[i] > 1 || v[i] < 0) return false;
  return im.dtype === 'float64';
});

/** Images (h, w, 3) side by side in a grid of subplots. */
export function imageGrid(images: NDArray | readonly NDArray[], options: ImageGridOptions = {}): Figure {
  const list = images instanceof NDArray ? Array.from({ length: images.shape[0] }, (_, i) => images.slice(i)) : [...images];
  for (const im of list) {
    if (im.ndim !== 3 || im.shape[2] !== 3) throw new Error(`an image must have shape (height, width, 3), got (${im.shape.join(', ')})`);
  }
  const scale = isUnitRange(list) ? 255 : 1;
  const n = list.length;
  const columns = Math.max(1, Math.min(options.columns ?? Math.min(n, 5), n || 1));
  const rows = Math.max(1, Math.ceil(n / columns));
  const cell = options.cell ?? 200;
  const titles = options.titles ?? [];
  const titleSpace = titles.some((t) => t.includes('<br>')) ? 0.3 : 0.18; // fraction of a row kept for the title
  const data: Trace[] = [];
  const layout: Layout = {
    width: columns * cell + 40, height: rows * cell * (1 + titleSpace) + 20,
    margin: { l: 20, r: 20, t: 20, b: 10 }, showlegend: false, annotations: [] as unknown[],
  };
  list.forEach((im, i) => {
    const [h, w] = im.shape;
    const r = Math.floor(i / columns), c = i % columns, suffix = i === 0 ? '' : String(i + 1);
    const gap = 0.02;
    const x0 = c / columns + gap, x1 = (c + 1) / columns - gap;
    const rowTop = 1 - r / rows, rowBottom = 1 - (r + 1) / rows;
    const y1 = rowTop - (titleSpace / (1 + titleSpace)) / rows, y0 = rowBottom + gap / rows;
    data.push({ type: 'image', source: pngDataURI(encodePNG(rgbBytes(im, scale), w, h)), xaxis: `x${suffix}`, yaxis: `y${suffix}`,
      hoverinfo: 'skip' });
    const hidden = { showticklabels: false, showgrid: false, zeroline: false, ticks: '' };
    layout[`xaxis${suffix}`] = { ...hidden, domain: [x0, x1], anchor: `y${suffix}`, scaleanchor: `y${suffix}` };
    layout[`yaxis${suffix}`] = { ...hidden, domain: [y0, y1], anchor: `x${suffix}`, autorange: 'reversed' };
    if (titles[i] !== undefined) {
      (layout.annotations as unknown[]).push({ text: titles[i], showarrow: false, xref: 'paper', yref: 'paper',
        x: (x0 + x1) / 2, y: y1, xanchor: 'center', yanchor: 'bottom', font: { size: 13 } });
    }
  });
  return { data, layout };
}

/** One image (h, w, 3) with an optional title. */
export function showImage(image: NDArray, title?: string): Figure {
  return imageGrid([image], { titles: title === undefined ? [] : [title], cell: 260 });
}

export interface MislabeledOptions { imageShape?: readonly [number, number, number]; columns?: number }

/**
 * The images whose prediction p differs from the label y, titled with both class names.
 * X holds the images as columns (h*w*3, m), as the models take them (0..1 or 0..255),
 * or as (m, h, w, 3); y and p are (1, m) 0/1 arrays; classes name the labels.
 */
export function mislabeledImages(classes: readonly string[], X: NDArray, y: NDArray, p: NDArray, options: MislabeledOptions = {}): Figure {
  const yv = y.values(), pv = p.values();
  if (yv.length !== pv.length) throw new Error(`y has ${yv.length} labels but p has ${pv.length} predictions`);
  const shape = options.imageShape ?? [64, 64, 3];
  const wrong = Array.from(yv.keys()).filter((i) => pv[i] !== yv[i]);
  const images = wrong.map((i) => (X.ndim === 4 ? X.slice(i) : X.slice(':', i).reshape([...shape])));
  const name = (v: number): string => classes[v] ?? String(v);
  return imageGrid(images, {
    titles: wrong.map((i) => `Prediction: ${name(pv[i])}<br>Class: ${name(yv[i])}`),
    columns: options.columns ?? Math.min(Math.max(wrong.length, 1), 5), cell: 180,
  });
}
