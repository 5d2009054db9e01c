import { Injectable } from '@nestjs/common';
import { flowNotFound } from '../flow-errors.js';
import { FlowRepository, type FlowRecord } from '../flow.repository.js';

/** One flow of the workspace, or 404. */
@Injectable()
export class GetFlowQuery {
  constructor(private readonly flows: FlowRepository) {}

  async execute({ workspaceId, flowId }: { workspaceId: string; flowId: string }): Promise<FlowRecord> {
    const flow = await this.flows.findById({ workspaceId, id: flowId });
    if (flow === null) throw flowNotFound(flowId);
    return flow;
  }
}
