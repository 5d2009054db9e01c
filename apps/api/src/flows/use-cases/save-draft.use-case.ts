import { Injectable } from '@nestjs/common';
import { lint } from '@jornada/flow-engine';
import { explainRefusedWrite } from '../draft-conflict.js';
import { parseFlowDocumentOrThrow, toStoredDocument } from '../flow-document.js';
import { FlowRepository } from '../flow.repository.js';
import type { DraftSavedDto } from '../dto/flow-responses.dto.js';
import { toIssues } from '../flow-views.js';

export interface SaveDraftCommand {
  readonly workspaceId: string;
  readonly flowId: string;
  readonly document: Record<string, unknown>;
  /** The draftRevision the client's edit started from. */
  readonly revision: number;
}

/**
 * Saves the builder's draft. An invalid document is a 400 naming each path; lint issues do not
 * block a save (they come back with it). A save from a stale revision is refused with 409 and
 * the current draft: never a silent overwrite.
 */
@Injectable()
export class SaveDraftUseCase {
  constructor(private readonly flows: FlowRepository) {}

  async execute(command: SaveDraftCommand): Promise<DraftSavedDto> {
    const { flow } = parseFlowDocumentOrThrow(command.document);
    const draft = toStoredDocument(flow);
    const saved = await this.flows.writeDraft({
      workspaceId: command.workspaceId,
      id: command.flowId,
      expectedRevision: command.revision,
      draft,
      name: flow.name,
      description: flow.description ?? '',
    });
    if (saved === null) throw await explainRefusedWrite(this.flows, { workspaceId: command.workspaceId, id: command.flowId, sentRevision: command.revision });
    return { revision: saved.revision, updatedAt: saved.updatedAt.toISOString(), document: draft, issues: toIssues(lint(flow)) };
  }
}
