import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ApiError } from '../../http/api-error.js';
import { flowNotFound } from '../flow-errors.js';
import { renameStoredDocument } from '../flow-document.js';
import { FlowRepository, type FlowRecord } from '../flow.repository.js';

export interface RenameFlowCommand {
  readonly workspaceId: string;
  readonly flowId: string;
  readonly name?: string | undefined;
  readonly description?: string | undefined;
}

/**
 * Changes the name and/or description. They live in the draft document too (an export carries
 * them), so the draft gets a new revision: an editor still on the old one is told (409) on
 * the next save rather than silently putting the old name back.
 */
@Injectable()
export class RenameFlowUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly flows: FlowRepository,
  ) {}

  async execute(command: RenameFlowCommand): Promise<FlowRecord> {
    if (command.name === undefined && command.description === undefined) {
      throw new ApiError({
        status: 400,
        code: 'validation_failed',
        message: 'Invalid request: give a name or a description.',
        details: [{ field: '(body)', message: 'name or description is required' }],
      });
    }
    return this.dataSource.transaction(async (tx) => {
      const flow = await this.flows.lockById(tx, { workspaceId: command.workspaceId, id: command.flowId });
      if (flow === null) throw flowNotFound(command.flowId);
      const name = command.name ?? flow.name;
      const description = command.description ?? flow.description;
      await this.flows.writeDraft(
        {
          workspaceId: command.workspaceId,
          id: flow.id,
          expectedRevision: flow.draftRevision,
          draft: renameStoredDocument(flow.draft, { name, description }),
          name,
          description,
        },
        tx,
      );
      return (await this.flows.findById({ workspaceId: command.workspaceId, id: flow.id }, tx)) as FlowRecord;
    });
  }
}
