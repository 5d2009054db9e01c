export { lint, hasErrors } from './lint.js';
export { LINT_CODES, LINT_SEVERITY, type IssueSeverity, type LintCode, type LintIssue } from './issue.js';
