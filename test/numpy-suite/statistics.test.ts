import { runFamily } from './suite';

runFamily('statistics');
