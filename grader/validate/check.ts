/** What one authoring check of `tsdl validate` reports: a line, and when it fails, the details. */
export interface CheckResult { pass: boolean; line: string; details: string[] }

export const checkResult = (line: string, problems: string[], okLine = line): CheckResult =>
  ({ pass: problems.length === 0, line: problems.length === 0 ? okLine : line, details: problems });
