/** Type-checks hidden_tests.ts (with the TypeScript API, the project's options) and reports each error with its line. */
import * as path from 'path';
import * as ts from 'typescript';
import { CheckResult, checkResult } from './check';

const REPO = path.resolve(__dirname, '..', '..');

export function hiddenTypecheck(testsFile: string): CheckResult {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(REPO, 'tsconfig.json'), {}, {
    ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined,
  });
  const options: ts.CompilerOptions = { ...(config?.options ?? {}), noEmit: true, types: ['node'] };
  const program = ts.createProgram([testsFile], options);
  const file = path.resolve(testsFile);
  // Only the file's own errors: the library and the assignment's modules are checked by the project's build.
  const problems = ts.getPreEmitDiagnostics(program).filter((d) => d.file && path.resolve(d.file.fileName) === file).map((d) => {
    const { line, character } = d.file!.getLineAndCharacterOfPosition(d.start ?? 0);
    return `hidden_tests.ts line ${line + 1}:${character + 1} - ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
  return checkResult('hidden_tests.ts does not type-check', problems, 'hidden_tests.ts type-checks');
}
