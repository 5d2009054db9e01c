import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isUuid } from './keyset-cursor.js';
import type { Queryable } from './flow.repository.js';

export interface FlowVersionRecord {
  readonly version: number;
  readonly document: Record<string, unknown>;
  readonly publishedAt: Date;
  readonly publishedBy: { readonly id: string; readonly name: string } | null;
}

interface VersionRow {
  version: number;
  document: Record<string, unknown>;
  published_at: Date;
  published_by: string | null;
  publisher_name: string | null;
}

const SELECT = `SELECT v.version, v.document, v.published_at, v.published_by, u.name AS publisher_name
                  FROM flow_versions v LEFT JOIN users u ON u.id = v.published_by`;

/**
 * Every query on `flow_versions`: rows are only ever inserted (a published version is
 * immutable), and every read is scoped by workspace as well as by flow.
 */
@Injectable()
export class FlowVersionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Inserts version max+1 of the flow. Call it in the transaction that holds the flow's row
   * lock (FlowRepository.lockById): that is what makes the number safe from concurrent
   * publishes; the unique (flow_id, version) index is the backstop.
   */
  async insertNext(
    tx: EntityManager,
    input: { workspaceId: string; flowId: string; document: Record<string, unknown>; publishedBy: string | undefined },
  ): Promise<{ version: number; publishedAt: Date }> {
    // A principal's user id is recorded only if that user exists (API keys have none).
    const publisher = input.publishedBy !== undefined && isUuid(input.publishedBy) ? input.publishedBy : null;
    const rows = await tx.query<{ version: number; published_at: Date }[]>(
      `INSERT INTO flow_versions (workspace_id, flow_id, version, document, published_by)
       SELECT $1::uuid, $2::uuid, COALESCE(MAX(v.version), 0) + 1, $3::jsonb, (SELECT u.id FROM users u WHERE u.id = $4::uuid)
         FROM flow_versions v WHERE v.flow_id = $2::uuid
       RETURNING version, published_at`,
      [input.workspaceId, input.flowId, JSON.stringify(input.document), publisher],
    );
    const row = rows[0] as { version: number; published_at: Date };
    return { version: row.version, publishedAt: row.published_at };
  }

  /** Newest first; `before` pages back (versions with a smaller number). */
  async list(
    { workspaceId, flowId, before, limit }: { workspaceId: string; flowId: string; before?: number | undefined; limit: number },
    db: Queryable = this.dataSource,
  ): Promise<FlowVersionRecord[]> {
    const rows = await db.query<VersionRow[]>(
      `${SELECT} WHERE v.workspace_id = $1 AND v.flow_id = $2 AND ($3::int IS NULL OR v.version < $3::int)
        ORDER BY v.version DESC LIMIT $4`,
      [workspaceId, flowId, before ?? null, limit],
    );
    return rows.map(toRecord);
  }

  async find({ workspaceId, flowId, version }: { workspaceId: string; flowId: string; version: number }): Promise<FlowVersionRecord | null> {
    const rows = await this.dataSource.query<VersionRow[]>(`${SELECT} WHERE v.workspace_id = $1 AND v.flow_id = $2 AND v.version = $3`, [
      workspaceId,
      flowId,
      version,
    ]);
    return rows[0] === undefined ? null : toRecord(rows[0]);
  }
}

function toRecord(row: VersionRow): FlowVersionRecord {
  return {
    version: row.version,
    document: row.document,
    publishedAt: row.published_at,
    publishedBy: row.published_by === null ? null : { id: row.published_by, name: row.publisher_name ?? '' },
  };
}
