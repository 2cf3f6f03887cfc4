import { runFamily } from './suite';

runFamily('reductions');
