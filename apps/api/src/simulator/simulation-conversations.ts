import { Injectable } from '@nestjs/common';
import { isUuid } from '../flows/keyset-cursor.js';
import { ApiError } from '../http/api-error.js';
import type { Queryable } from '../runtime/runtime-sql.js';

export interface SimulationConversation {
  readonly id: string;
  readonly workspaceId: string;
  readonly flowId: string;
  readonly status: string;
}

/** Finds the builder's simulation conversations; anything else (a real customer's) answers 404. */
@Injectable()
export class SimulationConversations {
  async find(db: Queryable, { workspaceId, id }: { workspaceId: string; id: string }): Promise<SimulationConversation> {
    const notFound = new ApiError({ status: 404, code: 'not_found', message: 'Simulation not found.' });
    if (!isUuid(id)) throw notFound;
    const rows = await db.query<{ id: string; simulated_flow_id: string; status: string }[]>(
      `SELECT id, simulated_flow_id, status FROM conversations WHERE id = $1 AND workspace_id = $2 AND simulated_flow_id IS NOT NULL`,
      [id, workspaceId],
    );
    const row = rows[0];
    if (row === undefined) throw notFound;
    return { id: row.id, workspaceId, flowId: row.simulated_flow_id, status: row.status };
  }
}
