import { lint, type LintIssue } from '@jornada/flow-engine';
import type { FlowDetailDto, FlowSummaryDto, FlowVersionDto, LintIssueDto } from './dto/flow-responses.dto.js';
import type { FlowVersionRecord } from './flow-version.repository.js';
import type { FlowListItem, FlowRecord } from './flow.repository.js';

/** Rows -> the API's JSON. Pure; lint runs here so every read shows the draft's issues. */
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
  return { ...toFlowSummary(flow), document: flow.draft, issues: toIssues(lint(flow.draft)) };
}

export function toFlowVersion(version: FlowVersionRecord): FlowVersionDto {
  return { version: version.version, publishedAt: version.publishedAt.toISOString(), publishedBy: version.publishedBy, document: version.document };
}

export function toIssues(issues: readonly LintIssue[]): LintIssueDto[] {
  return issues.map((issue) => ({ ...issue }));
}
