import { runFamily } from './suite';

runFamily('errors');
