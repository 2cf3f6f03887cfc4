/**
 * The course's dataset loaders, returning what the course's helper modules return (as objects
 * rather than tuples): the same arrays, shapes and memory layouts (the transposes are views).
 */
import { np, NDArray } from '../np';
import { loadH5 } from './hdf5';
import { loadmat } from './mat5';
import { resolveDataFile } from './paths';
import { make_circles, make_moons } from './samples';

export interface CatDataset {
  /** (209, 64, 64, 3) int64 pixel values 0..255 (uint8 in the file). */
  train_x_orig: NDArray;
  /** (1, 209) int64 labels, 1 = cat. */
  train_y: NDArray;
  /** (50, 64, 64, 3) int64. */
  test_x_orig: NDArray;
  /** (1, 50) int64. */
  test_y: NDArray;
  /** ['non-cat', 'cat']: classes[label] names a label. */
  classes: string[];
}

export interface XYDataset { train_X: NDArray; train_Y: NDArray }
export interface XYTrainTest extends XYDataset { test_X: NDArray; test_Y: NDArray }

const asArray = (v: NDArray | string[], what: string): NDArray => {
  if (v instanceof NDArray) return v;
  throw new Error(`${what} holds strings, expected numbers`);
};
const row = (y: NDArray): NDArray => y.reshape([1, y.shape[0]]);

/** Cat vs non-cat images (course 1, week 4): train_catvnoncat.h5 and test_catvnoncat.h5. */
export async function load_cat_dataset(): Promise<CatDataset> {
  const train = await loadH5(resolveDataFile('train_catvnoncat.h5'));
  const test = await loadH5(resolveDataFile('test_catvnoncat.h5'));
  const classes = test.list_classes;
  if (!Array.isArray(classes)) throw new Error('test_catvnoncat.h5: list_classes is not a list of strings');
  return {
    train_x_orig: asArray(train.train_set_x, 'train_set_x'),
    train_y: row(asArray(train.train_set_y, 'train_set_y')),
    test_x_orig: asArray(test.test_set_x, 'test_set_x'),
    test_y: row(asArray(test.test_set_y, 'test_set_y')),
    classes,
  };
}

/** The regularization assignment's 2-D points (data.mat): X (2, 211), Y (1, 211), Xval/yval for test. */
export function load_2D_dataset(): XYTrainTest {
  const data = loadmat(resolveDataFile('data.mat'), { variable_names: ['X', 'y', 'Xval', 'yval'] });
  for (const key of ['X', 'y', 'Xval', 'yval']) if (!data[key]) throw new Error(`data.mat has no variable '${key}'`);
  return { train_X: data.X.T, train_Y: data.y.T, test_X: data.Xval.T, test_Y: data.yval.T };
}

/** The initialization assignment's circles: seed 1 for 300 training points, seed 2 for 100 test points. */
export function load_circles_dataset(): XYTrainTest {
  np.random.seed(1);
  const [trainX, trainY] = make_circles(300, { noise: 0.05 });
  np.random.seed(2);
  const [testX, testY] = make_circles(100, { noise: 0.05 });
  return { train_X: trainX.T, train_Y: row(trainY), test_X: testX.T, test_Y: row(testY) };
}

/** The optimization assignment's moons: seed 3, 300 points, noise 0.2. */
export function load_moons_dataset(): XYDataset {
  np.random.seed(3);
  const [X, Y] = make_moons(300, { noise: 0.2 });
  return { train_X: X.T, train_Y: row(Y) };
}
