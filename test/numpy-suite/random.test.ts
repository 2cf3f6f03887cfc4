import { runFamily } from './suite';

runFamily('random');
