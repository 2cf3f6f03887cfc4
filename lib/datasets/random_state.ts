import { np } from '../np';
import { RandomState } from '../np/random';

/** What scikit-learn's `random_state` accepts: null (numpy's global generator), a seed, or a RandomState. */
export type RandomStateLike = RandomState | number | null | undefined;

/** The drawing methods the generators need, from the global np.random or from a RandomState. */
export interface Generator {
  shuffle: RandomState['shuffle'];
  normal: RandomState['normal'];
}

/** scikit-learn's check_random_state: null means np.random itself (the global RandomState). */
export function checkRandomState(seed: RandomStateLike): Generator {
  if (seed === null || seed === undefined) return np.random;
  if (seed instanceof RandomState) return seed;
  if (typeof seed === 'number' && Number.isInteger(seed)) return new RandomState(seed);
  throw new Error(`${String(seed)} cannot be used to seed a numpy.random.RandomState instance`);
}
