// Notebook I/O: nbformat 4 types, validating reader, deterministic writer.
export * from './types';
export { readNotebook, parseNotebook, validateNotebook, isJsonMime, CELL_ID_PATTERN } from './read';
export { serializeNotebook, writeNotebook, splitLines } from './write';
