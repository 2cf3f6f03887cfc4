// Datasets: scikit-learn-faithful generators, MAT v5 and HDF5 readers, the course's loaders.
export { make_circles, make_moons } from './samples';
export type { SampleOptions, CirclesOptions } from './samples';
export { loadmat, parseMat5, readMatHeader } from './mat5';
export type { LoadMatOptions, MatHeader } from './mat5';
export { loadH5, h5wasm } from './hdf5';
export type { H5Value, H5Module } from './hdf5';
export { resolveDataFile, dataDirs, repoRoot } from './paths';
export { load_cat_dataset, load_2D_dataset, load_circles_dataset, load_moons_dataset } from './course';
export type { CatDataset, XYDataset, XYTrainTest } from './course';
