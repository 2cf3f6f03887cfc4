import { runFamily } from './suite';

runFamily('indexing');
