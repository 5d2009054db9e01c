import { Injectable } from '@nestjs/common';
import type { FlowStatus } from '../../database/entities/index.js';
import type { FlowPageDto } from '../dto/flow-responses.dto.js';
import { toFlowSummary } from '../flow-views.js';
import { FlowRepository } from '../flow.repository.js';
import { decodeCursor, encodeCursor } from '../keyset-cursor.js';

export const DEFAULT_PAGE_SIZE = 50;

/** A page of the workspace's flows, most recently edited first. */
@Injectable()
export class ListFlowsQuery {
  constructor(private readonly flows: FlowRepository) {}

  async execute(query: { workspaceId: string; search?: string | undefined; status?: FlowStatus | undefined; cursor?: string | undefined; limit?: number | undefined }): Promise<FlowPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    // One row more than asked tells whether there is a next page.
    const rows = await this.flows.list({ workspaceId: query.workspaceId, search: query.search, status: query.status, after: decodeCursor(query.cursor), limit: limit + 1 });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return { items: page.map(toFlowSummary), nextCursor: rows.length > limit && last !== undefined ? encodeCursor(last.position) : null };
  }
}
