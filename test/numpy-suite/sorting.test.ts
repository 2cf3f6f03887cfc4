import { runFamily } from './suite';

runFamily('sorting');
