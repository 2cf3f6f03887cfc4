// Plots: plotly figure builders and their display in Jupyter (see display.ts).
export type { Figure, Trace, Layout } from './figure';
export { costCurve, flatRange } from './cost';
export type { CostCurveOptions } from './cost';
export { scatter2D } from './scatter';
export type { ScatterOptions } from './scatter';
export { decisionBoundary, boundaryGrid } from './boundary';
export type { PredictFn, BoundaryOptions, Grid } from './boundary';
export { imageGrid, showImage, mislabeledImages } from './images';
export type { ImageGridOptions, MislabeledOptions } from './images';
export { show, mimeBundle, describeFigure, fallbackHTML, PLOTLY_MIME } from './display';
export type { MimeBundle } from './display';
export { compactFigure, decodeTyped } from './typed';
export type { TypedArraySpec } from './typed';
export { encodePNG } from './png';
