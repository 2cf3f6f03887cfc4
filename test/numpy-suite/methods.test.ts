import { runFamily } from './suite';

runFamily('methods');
