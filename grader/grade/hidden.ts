/** The shape of an assignment's hidden tests (grader/assignments/<id>/hidden_tests.ts). */
import type { Tolerance } from './compare';

export interface HiddenCase {
  /** Shown to students only as "hidden test i of n"; for instructors' reports. */
  name: string;
  /** Builds the inputs in the trusted process (deterministic: seed np.random inside if needed). */
  args: () => unknown[];
  /** np.random.seed(seed) right before the call, in the sandbox and for the reference alike. */
  seed?: number;
  tol?: Partial<Tolerance>;
  /**
   * For a result that is rounding noise by nature (a gradient check's difference for correct
   * gradients): judge it by a threshold instead of comparing digits with the reference's.
   * `below`: the result must be a number under the limit; `above`: over it.
   */
  judge?: { below: number } | { above: number };
  /**
   * Values the course publishes for this case (its printed cost, an array it shows): `tsdl validate`
   * fails when the reference solution's result differs from them (with `tol`). Numbers, nested
   * arrays of numbers (for an NDArray), and objects or tuples of these; an object pins only the keys
   * it names, a `null` element of a tuple pins nothing.
   */
  published?: unknown;
}

/** A known wrong implementation: diagnoses that mistake and proves the tests can fail (validate). */
export interface Mistake {
  message: string;
  impl: (...args: unknown[]) => unknown;
  /** The mistake makes the function throw (it is caught by a test only if the student's version throws too). */
  throws?: boolean;
  /**
   * The same mistake as an edit of the source notebook's solution: `find` (exactly once in the
   * graded cell) becomes `replace`. `tsdl validate` grades the source with it planted: only this
   * function may lose points, and its feedback must name the mistake.
   */
  plant?: { find: string; replace: string };
}

export interface FunctionTests {
  points: number;
  /** Graded functions this one calls; they run as the reference versions while it is tested. */
  callees?: string[];
  cases: HiddenCase[];
  mistakes?: Mistake[];
}

export type HiddenSuite = Record<string, FunctionTests>;

/** Callees before callers, so a reference implementation enters the sandbox only after its own tests ran. */
export function testOrder(suite: HiddenSuite): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string): void => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`hidden tests: callee cycle through ${name}`);
    state.set(name, 'visiting');
    for (const c of suite[name]?.callees ?? []) if (suite[c]) visit(c);
    state.set(name, 'done');
    order.push(name);
  };
  for (const name of Object.keys(suite)) visit(name);
  return order;
}
