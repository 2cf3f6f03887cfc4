/**
 * Injected by the bundler for every free `process` in the library code that runs inside the
 * student's V8 context: only the settings the library reads. `env` is filled at boot, before any
 * library module initialises.
 */
export const process = {
  env: {} as Record<string, string>,
  platform: 'linux',
  versions: {} as Record<string, string>,
  hrtime: (): [number, number] => [0, 0],
  cwd: (): string => '/',
};
