import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { isUuid } from '../flows/keyset-cursor.js';

type Queryable = Pick<EntityManager, 'query'>;

export interface ContactIdentityRecord {
  readonly id: string;
  readonly contactId: string;
  readonly channel: string;
  readonly externalId: string;
  readonly createdAt: Date;
}

interface IdentityRow {
  id: string;
  contact_id: string;
  channel: string;
  external_id: string;
  created_at: Date;
}

/** Every query on `contact_identities`, scoped by workspace (and by contact where one is named). */
@Injectable()
export class ContactIdentityRepository {
  constructor(private readonly dataSource: DataSource) {}

  async listForContacts({ workspaceId, contactIds }: { workspaceId: string; contactIds: readonly string[] }, db: Queryable = this.dataSource): Promise<ContactIdentityRecord[]> {
    if (contactIds.length === 0) return [];
    const rows = await db.query<IdentityRow[]>(
      `SELECT id, contact_id, channel, external_id, created_at FROM contact_identities
        WHERE workspace_id = $1 AND contact_id = ANY($2::uuid[]) ORDER BY created_at, id`,
      [workspaceId, contactIds],
    );
    return rows.map(toRecord);
  }

  /**
   * Adds the identity unless (workspace, channel, external id) is taken: then null, and
   * nothing written. ON CONFLICT rather than catching the violation, which would abort the
   * surrounding transaction.
   */
  async insert(
    identity: { workspaceId: string; contactId: string; channel: string; externalId: string },
    db: Queryable = this.dataSource,
  ): Promise<ContactIdentityRecord | null> {
    const rows = await db.query<IdentityRow[]>(
      `INSERT INTO contact_identities (workspace_id, contact_id, channel, external_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (workspace_id, channel, external_id) DO NOTHING
       RETURNING id, contact_id, channel, external_id, created_at`,
      [identity.workspaceId, identity.contactId, identity.channel, identity.externalId],
    );
    return rows[0] === undefined ? null : toRecord(rows[0]);
  }

  async findByExternalId(
    { workspaceId, channel, externalId }: { workspaceId: string; channel: string; externalId: string },
    db: Queryable = this.dataSource,
  ): Promise<ContactIdentityRecord | null> {
    const rows = await db.query<IdentityRow[]>(
      `SELECT id, contact_id, channel, external_id, created_at FROM contact_identities WHERE workspace_id = $1 AND channel = $2 AND external_id = $3`,
      [workspaceId, channel, externalId],
    );
    return rows[0] === undefined ? null : toRecord(rows[0]);
  }

  async delete({ workspaceId, contactId, id }: { workspaceId: string; contactId: string; id: string }): Promise<boolean> {
    if (!isUuid(id) || !isUuid(contactId)) return false;
    const [, count] = await this.dataSource.query<[unknown[], number]>(
      `DELETE FROM contact_identities i USING contacts c
        WHERE i.id = $1 AND i.contact_id = $2 AND i.workspace_id = $3 AND c.id = i.contact_id AND c.deleted_at IS NULL`,
      [id, contactId, workspaceId],
    );
    return count > 0;
  }

  /** Frees a deleted contact's channel ids, so the same number can belong to a new contact. */
  async deleteForContact(tx: Queryable, { workspaceId, contactId }: { workspaceId: string; contactId: string }): Promise<void> {
    await tx.query(`DELETE FROM contact_identities WHERE workspace_id = $1 AND contact_id = $2`, [workspaceId, contactId]);
  }
}

function toRecord(row: IdentityRow): ContactIdentityRecord {
  return { id: row.id, contactId: row.contact_id, channel: row.channel, externalId: row.external_id, createdAt: row.created_at };
}
