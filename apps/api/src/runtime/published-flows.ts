import { Injectable } from '@nestjs/common';
import type { FlowDocument } from '@jornada/flow-engine';
import { readStoredDocument } from '../flows/flow-document.js';
import type { Queryable } from './runtime-sql.js';

/** A published flow version the runtime can run. */
export interface PublishedFlow {
  readonly flowId: string;
  readonly version: number;
  readonly flow: FlowDocument;
}

/** Parsed documents kept in memory; a version is immutable, so an entry never goes stale. */
const CACHE_SIZE = 1000;

/**
 * The published flow versions sessions run on, read through an in-process cache of parsed
 * documents keyed by (workspace, flow, version): versions never change once published, so the
 * cache needs no invalidation, and a step no longer reads and validates a whole document
 * from Postgres every time. Which version is current is still read from Postgres on each call
 * (a publish takes effect at once in every process).
 */
@Injectable()
export class PublishedFlows {
  private readonly cache = new Map<string, FlowDocument>();

  /** The workspace's published flows at their current version, oldest flow first; unreadable documents are left out. */
  async listCurrent(db: Queryable, workspaceId: string): Promise<PublishedFlow[]> {
    const current = await db.query<{ flow_id: string; version: number }[]>(
      `SELECT f.id AS flow_id, f.current_version AS version FROM flows f
        WHERE f.workspace_id = $1 AND f.deleted_at IS NULL AND f.status = 'published' AND f.current_version IS NOT NULL
        ORDER BY f.created_at, f.id`,
      [workspaceId],
    );
    const missing = current.filter((row) => !this.cache.has(key(workspaceId, row.flow_id, row.version)));
    if (missing.length > 0) {
      const rows = await db.query<{ flow_id: string; version: number; document: unknown }[]>(
        `SELECT v.flow_id, v.version, v.document FROM flow_versions v
           JOIN unnest($2::uuid[], $3::int[]) AS wanted(flow_id, version) ON wanted.flow_id = v.flow_id AND wanted.version = v.version
          WHERE v.workspace_id = $1`,
        [workspaceId, missing.map((row) => row.flow_id), missing.map((row) => row.version)],
      );
      for (const row of rows) this.remember(key(workspaceId, row.flow_id, row.version), row.document);
    }
    const flows: PublishedFlow[] = [];
    for (const row of current) {
      const flow = this.cache.get(key(workspaceId, row.flow_id, row.version));
      if (flow !== undefined) flows.push({ flowId: row.flow_id, version: row.version, flow });
    }
    return flows;
  }

  /** The current published version of one flow; null when it is not published (or deleted, or unreadable). */
  async findCurrent(db: Queryable, { workspaceId, flowId }: { workspaceId: string; flowId: string }): Promise<PublishedFlow | null> {
    const rows = await db.query<{ version: number }[]>(
      `SELECT current_version AS version FROM flows WHERE id = $1 AND workspace_id = $2 AND deleted_at IS NULL AND status = 'published' AND current_version IS NOT NULL`,
      [flowId, workspaceId],
    );
    const version = rows[0]?.version;
    if (version === undefined) return null;
    const flow = await this.findVersion(db, { workspaceId, flowId, version });
    return flow === null ? null : { flowId, version, flow };
  }

  /** The document of one version (a running session's pinned one), or null when missing or unreadable. */
  async findVersion(db: Queryable, { workspaceId, flowId, version }: { workspaceId: string; flowId: string; version: number }): Promise<FlowDocument | null> {
    const cacheKey = key(workspaceId, flowId, version);
    const cached = this.cache.get(cacheKey);
    if (cached !== undefined) return cached;
    const rows = await db.query<{ document: unknown }[]>(`SELECT document FROM flow_versions WHERE workspace_id = $1 AND flow_id = $2 AND version = $3`, [
      workspaceId,
      flowId,
      version,
    ]);
    return rows[0] === undefined ? null : this.remember(cacheKey, rows[0].document);
  }

  private remember(cacheKey: string, stored: unknown): FlowDocument | null {
    const flow = readStoredDocument(stored);
    if (flow === null) return null;
    if (this.cache.size >= CACHE_SIZE) {
      // Map keeps insertion order: drop the oldest entry.
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(cacheKey, flow);
    return flow;
  }
}

function key(workspaceId: string, flowId: string, version: number): string {
  return `${workspaceId}:${flowId}:${String(version)}`;
}
