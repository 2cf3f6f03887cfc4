import { runFamily } from './suite';

runFamily('creation');
