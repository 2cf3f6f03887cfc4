// The linalg family again with the native addon switched off: tsdl's TypeScript LU, Jacobi SVD and
// eigensolver, within the tolerances numpy's own tests allow.
import { setNativeEnabled } from '../../lib/np/native';
import { runFamily } from './suite';

beforeAll(() => setNativeEnabled(false));
afterAll(() => setNativeEnabled(true));
runFamily('linalg');
