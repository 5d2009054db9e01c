import { lint, type LintIssue } from '@jornada/flow-engine';
import type { FlowDetailDto, FlowSummaryDto, FlowVersionDto, LintIssueDto } from './dto/flow-responses.dto.js';
import type { FlowVersionRecord } from './flow-version.repository.js';
import type { FlowListItem, FlowRecord } from './flow.repository.js';

/** Rows -> the API's JSON; lint runs here so every read shows the draft's issues (kept per draft revision). */
export function toFlowSummary(flow: FlowRecord | FlowListItem): FlowSummaryDto {
  return {
    id: flow.id,
    name: flow.name,
    description: flow.description,
    status: flow.status,
    currentVersion: flow.currentVersion,
    draftRevision: flow.draftRevision,
    createdAt: flow.createdAt.toISOString(),
    updatedAt: flow.updatedAt.toISOString(),
    lastPublishedAt: flow.lastPublishedAt?.toISOString() ?? null,
  };
}

export function toFlowDetail(flow: FlowRecord): FlowDetailDto {
  return { ...toFlowSummary(flow), document: flow.draft, issues: draftIssues(flow) };
}

/** Drafts whose issues are kept: a draft revision never changes, so an entry never goes stale. */
const LINTED_DRAFTS = 500;
const lintedDrafts = new Map<string, LintIssueDto[]>();

/**
 * The lint issues of a flow's draft at its revision. Every read of a flow shows them, and
 * linting a 1,000-box draft takes some 20 ms: a draft read again at the same revision (the
 * editor opened again, another tab) reuses them.
 */
function draftIssues(flow: FlowRecord): LintIssueDto[] {
  // The time of the write too: a revision number alone could name a write rolled back, then another.
  const key = `${flow.id}#${String(flow.draftRevision)}#${String(flow.updatedAt.getTime())}`;
  const known = lintedDrafts.get(key);
  if (known !== undefined) return known.map((issue) => ({ ...issue }));
  const issues = toIssues(lint(flow.draft));
  if (lintedDrafts.size >= LINTED_DRAFTS) {
    const oldest = lintedDrafts.keys().next().value;
    if (oldest !== undefined) lintedDrafts.delete(oldest);
  }
  lintedDrafts.set(key, issues);
  return issues.map((issue) => ({ ...issue }));
}

export function toFlowVersion(version: FlowVersionRecord): FlowVersionDto {
  return { version: version.version, publishedAt: version.publishedAt.toISOString(), publishedBy: version.publishedBy, document: version.document };
}

export function toIssues(issues: readonly LintIssue[]): LintIssueDto[] {
  return issues.map((issue) => ({ ...issue }));
}
