import { Injectable } from '@nestjs/common';
import { lint, parseFlow, type LintIssue } from '@jornada/flow-engine';
import { DataSource } from 'typeorm';
import { ApiError } from '../../http/api-error.js';
import type { PublishedFlowDto } from '../dto/flow-responses.dto.js';
import { draftConflict, flowNotFound } from '../flow-errors.js';
import { toStoredDocument } from '../flow-document.js';
import { FlowVersionRepository } from '../flow-version.repository.js';
import { toIssues } from '../flow-views.js';
import { FlowRepository } from '../flow.repository.js';

export interface PublishFlowCommand {
  readonly workspaceId: string;
  readonly flowId: string;
  readonly userId?: string | undefined;
  /** When given, publish only if the draft is still at this revision. */
  readonly revision?: number | undefined;
}

/**
 * Publishes the draft as the next immutable version. One transaction holds the flow's row
 * lock from the check to the insert, so two concurrent publishes get consecutive numbers; a
 * draft with lint errors is refused with 422 and the errors, and writes nothing.
 */
@Injectable()
export class PublishFlowUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly flows: FlowRepository,
    private readonly versions: FlowVersionRepository,
  ) {}

  execute(command: PublishFlowCommand): Promise<PublishedFlowDto> {
    return this.dataSource.transaction(async (tx) => {
      const flow = await this.flows.lockById(tx, { workspaceId: command.workspaceId, id: command.flowId });
      if (flow === null) throw flowNotFound(command.flowId);
      if (command.revision !== undefined && command.revision !== flow.draftRevision) {
        throw draftConflict({ revision: flow.draftRevision, document: flow.draft, updatedAt: flow.updatedAt }, command.revision);
      }
      // The stored draft is re-read through parseFlow: a version always holds a document of
      // the current schema, migrated and validated, whatever schema the draft was saved in.
      const parsed = parseFlow(flow.draft);
      const issues = parsed.ok ? lint(parsed.flow) : lint(flow.draft);
      const errors = issues.filter((issue) => issue.severity === 'error');
      if (!parsed.ok || errors.length > 0) throw flowHasErrors(errors);

      const published = await this.versions.insertNext(tx, {
        workspaceId: command.workspaceId,
        flowId: flow.id,
        document: toStoredDocument(parsed.flow),
        publishedBy: command.userId,
      });
      await this.flows.markPublished(tx, { workspaceId: command.workspaceId, id: flow.id, version: published.version });
      return { version: published.version, publishedAt: published.publishedAt.toISOString(), revision: flow.draftRevision, issues: toIssues(issues) };
    });
  }
}

function flowHasErrors(errors: readonly LintIssue[]): ApiError {
  return new ApiError({
    status: 422,
    code: 'flow_has_errors',
    message: `The flow has ${String(errors.length)} error(s) to fix before it can be published.`,
    details: errors.map((issue) => ({ field: issue.path ?? issue.nodeId ?? issue.edgeId ?? 'document', message: issue.message })),
    meta: { issues: toIssues(errors) },
  });
}
