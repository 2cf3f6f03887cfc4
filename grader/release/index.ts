// Release: source notebooks with solutions → student notebooks with stubs.
export { ReleaseError, releaseCode, releaseMarkdown, countCodeLines, stubMessage, MARKDOWN_PLACEHOLDER, STUB_COMMENT } from './markers';
export { releaseNotebook, releaseAssignments, listAssignments, gradedMetadata, KERNELSPEC, LANGUAGE_INFO, REPO_DIR } from './release';
export type { ReleaseOptions, ReleaseReport, ReleaseEntry } from './release';
