/**
 * Where the course's data files are found: $TSDL_DATA first, then the repository's own datasets/
 * (committed), located from this module's file rather than the working directory, so a notebook
 * anywhere finds them.
 */
import * as fs from 'fs';
import * as path from 'path';

/** This repository's root: the nearest folder above this module whose package.json is tsdl's. */
export function repoRoot(): string {
  let dir = fs.realpathSync(__dirname);
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if ((JSON.parse(fs.readFileSync(pkg, 'utf8')) as { name?: string }).name === 'tsdl') return dir;
      } catch { /* not JSON: keep looking */ }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(__dirname, '..', '..');
    dir = parent;
  }
}

/** The folders searched, in order, with a note for $TSDL_DATA when it is not set. */
export function dataDirs(): { dir: string | null; label: string }[] {
  const repo = repoRoot();
  const env = process.env.TSDL_DATA;
  return [
    { dir: env ? path.resolve(env) : null, label: env ? `$TSDL_DATA (${path.resolve(env)})` : '$TSDL_DATA (not set)' },
    { dir: path.join(repo, 'datasets'), label: path.join(repo, 'datasets') },
  ];
}

/** The full path of a data file, or an Error listing every place searched. */
export function resolveDataFile(name: string): string {
  const dirs = dataDirs();
  for (const { dir } of dirs) {
    if (dir && fs.existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  const seen = new Set<string>();
  const places = dirs.filter((d) => !d.dir || !seen.has(d.dir) && seen.add(d.dir)).map((d) => `  - ${d.label}`);
  throw new Error(`Data file '${name}' not found. Looked in:\n${places.join('\n')}\n` +
    `Put ${name} in ${path.join(repoRoot(), 'datasets')}, ` +
    'or set the TSDL_DATA environment variable to the folder that holds it.');
}
