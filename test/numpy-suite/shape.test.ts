import { runFamily } from './suite';

runFamily('shape');
