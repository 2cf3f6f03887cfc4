import { runFamily } from './suite';

runFamily('linalg');
