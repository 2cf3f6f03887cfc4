/**
 * The sandbox configurations an assignment must grade identically under: the default (the
 * library's WebAssembly and TypeScript kernels), pure TypeScript, and, where the native addon is
 * built, OpenBLAS at one thread and at every core.
 */
import * as os from 'os';
import { nativeAddonFile, RunChoices } from '../batch/run-config';

export interface NamedConfig { name: string; choices: RunChoices }

export function gradingConfigs(base: RunChoices = {}): NamedConfig[] {
  const configs: NamedConfig[] = [
    { name: 'default kernels', choices: { ...base } },
    { name: 'pure TypeScript', choices: { ...base, env: { TSDL_PURE_JS: '1' } } },
  ];
  if (nativeAddonFile()) {
    configs.push({ name: 'native addon, OpenBLAS 1 thread', choices: { ...base, native: true, env: { TSDL_THREADS: '1' } } });
    configs.push({ name: `native addon, OpenBLAS ${os.cpus().length} threads`, choices: { ...base, native: true, env: { TSDL_THREADS: String(os.cpus().length) } } });
  }
  return configs;
}
