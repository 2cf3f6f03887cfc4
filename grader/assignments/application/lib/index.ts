// What the cat-classifier notebook imports: the dataset, the course's dnn_app_utils equivalents and public tests.
export type { Params } from '../../../../lib/course/common/types';
export type { LinearCache, LayerCache } from '../../../../lib/course/common/dnn_utils';
export { load_cat_dataset as load_data } from '../../../../lib/datasets';
export * from './dnn_app_utils';
export * from './public_tests';

/**
 * The number of training iterations to run: `n`, or a couple when the environment variable
 * TSDL_QUICK is set (the quick test suite checks the first costs without the full training).
 */
export function iterations(n: number): number {
  if (!process.env.TSDL_QUICK) return n;
  console.log(`(TSDL_QUICK is set: running 2 of ${n} iterations)`);
  return 2;
}
