import { Injectable } from '@nestjs/common';
import { lint } from '@jornada/flow-engine';
import { explainRefusedWrite } from '../draft-conflict.js';
import type { DraftSavedDto } from '../dto/flow-responses.dto.js';
import { flowNotFound, versionNotFound } from '../flow-errors.js';
import { readStoredDocument, toStoredDocument } from '../flow-document.js';
import { FlowVersionRepository } from '../flow-version.repository.js';
import { toIssues } from '../flow-views.js';
import { FlowRepository } from '../flow.repository.js';

export interface RestoreVersionCommand {
  readonly workspaceId: string;
  readonly flowId: string;
  readonly version: number;
  /** The draftRevision the client has; the same conflict rule as a save. */
  readonly revision: number;
}

/** Copies a published version into the draft (a new draft revision); publishing stays a separate step. */
@Injectable()
export class RestoreVersionUseCase {
  constructor(
    private readonly flows: FlowRepository,
    private readonly versions: FlowVersionRepository,
  ) {}

  async execute(command: RestoreVersionCommand): Promise<DraftSavedDto> {
    const flow = await this.flows.findById({ workspaceId: command.workspaceId, id: command.flowId });
    if (flow === null) throw flowNotFound(command.flowId);
    const version = await this.versions.find({ workspaceId: command.workspaceId, flowId: flow.id, version: command.version });
    if (version === null) throw versionNotFound(command.flowId, command.version);
    const document = readStoredDocument(version.document);
    const draft = document === null ? version.document : toStoredDocument(document);
    const name = typeof draft['name'] === 'string' ? draft['name'] : flow.name;
    const description = typeof draft['description'] === 'string' ? draft['description'] : '';
    const saved = await this.flows.writeDraft({ workspaceId: command.workspaceId, id: flow.id, expectedRevision: command.revision, draft, name, description });
    if (saved === null) throw await explainRefusedWrite(this.flows, { workspaceId: command.workspaceId, id: flow.id, sentRevision: command.revision });
    return { revision: saved.revision, updatedAt: saved.updatedAt.toISOString(), document: draft, issues: toIssues(lint(draft)) };
  }
}
