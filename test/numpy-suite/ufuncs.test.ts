import { runFamily } from './suite';

runFamily('ufuncs');
