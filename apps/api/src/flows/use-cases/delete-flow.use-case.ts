import { Injectable } from '@nestjs/common';
import { flowNotFound } from '../flow-errors.js';
import { FlowRepository } from '../flow.repository.js';

/**
 * Soft delete: the flow disappears from every route (404), while its versions stay for the
 * sessions still pinned to them.
 */
@Injectable()
export class DeleteFlowUseCase {
  constructor(private readonly flows: FlowRepository) {}

  async execute({ workspaceId, flowId }: { workspaceId: string; flowId: string }): Promise<void> {
    if (!(await this.flows.softDelete({ workspaceId, id: flowId }))) throw flowNotFound(flowId);
  }
}
