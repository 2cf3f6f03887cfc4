/**
 * Where an assignment lives: `tsdl grade -a`, `tsdl validate` and the loaders take an id (a folder
 * of grader/assignments) or a path to an assignment folder (tests grade fixture assignments).
 * Results are stored under the id, which for a folder is its name.
 */
import * as fs from 'fs';
import * as path from 'path';

export function assignmentDir(id: string): string {
  return path.join(__dirname, '..', 'assignments', id);
}

export function assignmentLocation(idOrDir: string): { id: string; dir: string } {
  const isPath = (idOrDir.includes('/') || idOrDir.includes(path.sep)) && fs.existsSync(idOrDir);
  const dir = isPath ? path.resolve(idOrDir) : assignmentDir(idOrDir);
  return { id: isPath ? path.basename(dir) : idOrDir, dir };
}
