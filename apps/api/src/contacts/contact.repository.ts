import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { OptInStatus } from '../database/entities/index.js';
import { escapeLike, isUuid, keysetTimestampSql, type KeysetPosition } from '../flows/keyset-cursor.js';

type Queryable = Pick<EntityManager, 'query'>;

export interface ContactState {
  readonly name: string | null;
  readonly firstName: string | null;
  readonly email: string | null;
  readonly phone: string | null;
  readonly attributes: Record<string, unknown>;
  readonly tags: readonly string[];
  readonly optInStatus: OptInStatus;
  readonly optedInAt: Date | null;
  readonly optedOutAt: Date | null;
}

export interface ContactRecord extends ContactState {
  readonly id: string;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface ContactSearch {
  /** Matched anywhere in jornada_fold(name): pass it through foldForSearch (contact-fields.ts). */
  readonly foldedName?: string;
  /** Matched in lower(email), anywhere. */
  readonly emailPart?: string;
  /** An exact E.164 phone. */
  readonly phone?: string;
  /** Digits matched anywhere in the phone. */
  readonly phoneDigits?: string;
}

interface ContactRow {
  id: string;
  name: string | null;
  first_name: string | null;
  email: string | null;
  phone: string | null;
  attributes: Record<string, unknown>;
  tags: string[];
  opt_in_status: OptInStatus;
  opted_in_at: Date | null;
  opted_out_at: Date | null;
  created_at: Date;
  updated_at: Date;
  cursor_at?: string;
}

const COLUMNS = `c.id, c.name, c.first_name, c.email, c.phone, c.attributes, c.tags, c.opt_in_status, c.opted_in_at, c.opted_out_at, c.created_at, c.updated_at`;
const RETURNING = COLUMNS.replaceAll('c.', '');

/**
 * Every query on `contacts`, each scoped by workspace and blind to soft-deleted contacts.
 * Phone and email are unique among a workspace's live contacts; that is enforced here with
 * transaction-scoped advisory locks per (workspace, value) around check-then-write (see
 * lockValues), since the schema's indexes on them are not unique.
 */
@Injectable()
export class ContactRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findById({ workspaceId, id }: { workspaceId: string; id: string }, db: Queryable = this.dataSource): Promise<ContactRecord | null> {
    if (!isUuid(id)) return null;
    const rows = await db.query<ContactRow[]>(`SELECT ${COLUMNS} FROM contacts c WHERE c.id = $1 AND c.workspace_id = $2 AND c.deleted_at IS NULL`, [id, workspaceId]);
    return rows[0] === undefined ? null : toRecord(rows[0]);
  }

  async lockById(tx: EntityManager, { workspaceId, id }: { workspaceId: string; id: string }): Promise<ContactRecord | null> {
    if (!isUuid(id)) return null;
    const rows = await tx.query<ContactRow[]>(`SELECT ${COLUMNS} FROM contacts c WHERE c.id = $1 AND c.workspace_id = $2 AND c.deleted_at IS NULL FOR UPDATE`, [id, workspaceId]);
    return rows[0] === undefined ? null : toRecord(rows[0]);
  }

  /**
   * Serialises writers of the same phone or email in a workspace until `tx` ends, so "is it
   * taken?" and the write that follows cannot interleave with another contact's. Locks are
   * taken in a fixed order (sorted keys) so two writers cannot deadlock.
   */
  async lockValues(tx: EntityManager, { workspaceId, phone, email }: { workspaceId: string; phone: string | null; email: string | null }): Promise<void> {
    const keys = [phone === null ? null : `contacts:${workspaceId}:phone:${phone}`, email === null ? null : `contacts:${workspaceId}:email:${email}`]
      .filter((key): key is string => key !== null)
      .sort();
    for (const key of keys) await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [key]);
  }

  /** Another live contact of the workspace with this phone or email (idx_contacts_workspace_id_phone / _email_lower). */
  async findOwnerOf(
    db: Queryable,
    { workspaceId, phone, email, exceptId }: { workspaceId: string; phone: string | null; email: string | null; exceptId?: string },
  ): Promise<{ id: string; field: 'phone' | 'email' } | null> {
    if (phone === null && email === null) return null;
    const rows = await db.query<{ id: string; phone: string | null }[]>(
      `SELECT c.id, c.phone FROM contacts c
        WHERE c.workspace_id = $1 AND c.deleted_at IS NULL AND ($4::uuid IS NULL OR c.id <> $4::uuid)
          AND (c.phone = $2 OR lower(c.email) = $3)
        LIMIT 1`,
      [workspaceId, phone, email, exceptId ?? null],
    );
    const row = rows[0];
    return row === undefined ? null : { id: row.id, field: phone !== null && row.phone === phone ? 'phone' : 'email' };
  }

  async insert(tx: Queryable, { workspaceId, state }: { workspaceId: string; state: ContactState }): Promise<ContactRecord> {
    const rows = await tx.query<ContactRow[]>(
      `INSERT INTO contacts (workspace_id, name, first_name, email, phone, attributes, tags, opt_in_status, opted_in_at, opted_out_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::text[], $8, $9, $10) RETURNING ${RETURNING}`,
      [workspaceId, ...stateParameters(state)],
    );
    return toRecord(rows[0] as ContactRow);
  }

  async update(tx: Queryable, { workspaceId, id, state }: { workspaceId: string; id: string; state: ContactState }): Promise<ContactRecord> {
    const [rows] = await tx.query<[ContactRow[], number]>(
      `UPDATE contacts SET name = $3, first_name = $4, email = $5, phone = $6, attributes = $7::jsonb, tags = $8::text[],
              opt_in_status = $9, opted_in_at = $10, opted_out_at = $11, updated_at = now()
        WHERE id = $1 AND workspace_id = $2 AND deleted_at IS NULL RETURNING ${RETURNING}`,
      [id, workspaceId, ...stateParameters(state)],
    );
    return toRecord(rows[0] as ContactRow);
  }

  async softDelete(tx: Queryable, { workspaceId, id }: { workspaceId: string; id: string }): Promise<boolean> {
    if (!isUuid(id)) return false;
    const [, count] = await tx.query<[unknown[], number]>(`UPDATE contacts SET deleted_at = now() WHERE id = $1 AND workspace_id = $2 AND deleted_at IS NULL`, [id, workspaceId]);
    return count > 0;
  }

  /**
   * Newest first (created_at, then id): idx_contacts_workspace_id_created_at. Tags use
   * idx_contacts_tags; a search uses the trigram indexes on jornada_fold(name), lower(email)
   * and phone, or (workspace_id, phone) for a whole number.
   */
  async list(query: {
    workspaceId: string;
    search?: ContactSearch | undefined;
    tags?: readonly string[] | undefined;
    optIn?: OptInStatus | undefined;
    after?: KeysetPosition | undefined;
    limit: number;
  }): Promise<(ContactRecord & { position: KeysetPosition })[]> {
    const parameters: unknown[] = [query.workspaceId];
    const add = (value: unknown): string => {
      parameters.push(value);
      return `$${String(parameters.length)}`;
    };
    const where = ['c.workspace_id = $1', 'c.deleted_at IS NULL'];
    if (query.tags !== undefined && query.tags.length > 0) where.push(`c.tags @> ${add(query.tags)}::text[]`);
    if (query.optIn !== undefined) where.push(`c.opt_in_status = ${add(query.optIn)}`);
    if (query.search !== undefined) {
      const { foldedName, emailPart, phone, phoneDigits } = query.search;
      const any: string[] = [];
      if (foldedName !== undefined && foldedName !== '') any.push(`jornada_fold(c.name) LIKE ${add(`%${escapeLike(foldedName)}%`)}`);
      if (emailPart !== undefined && emailPart !== '') any.push(`lower(c.email) LIKE ${add(`%${escapeLike(emailPart)}%`)}`);
      if (phone !== undefined) any.push(`c.phone = ${add(phone)}`);
      if (phoneDigits !== undefined) any.push(`c.phone LIKE ${add(`%${phoneDigits}%`)}`);
      where.push(any.length === 0 ? 'FALSE' : `(${any.join(' OR ')})`);
    }
    if (query.after !== undefined) where.push(`(c.created_at, c.id) < (${add(query.after.at)}::timestamptz, ${add(query.after.id)}::uuid)`);
    const rows = await this.dataSource.query<ContactRow[]>(
      `SELECT ${COLUMNS}, ${keysetTimestampSql('c.created_at')} AS cursor_at FROM contacts c
        WHERE ${where.join(' AND ')} ORDER BY c.created_at DESC, c.id DESC LIMIT ${add(query.limit)}`,
      parameters,
    );
    return rows.map((row) => ({ ...toRecord(row), position: { at: row.cursor_at ?? '', id: row.id } }));
  }
}

function stateParameters(state: ContactState): unknown[] {
  return [
    state.name,
    state.firstName,
    state.email,
    state.phone,
    JSON.stringify(state.attributes),
    [...state.tags],
    state.optInStatus,
    state.optedInAt,
    state.optedOutAt,
  ];
}

function toRecord(row: ContactRow): ContactRecord {
  return {
    id: row.id,
    name: row.name,
    firstName: row.first_name,
    email: row.email,
    phone: row.phone,
    attributes: row.attributes,
    tags: row.tags,
    optInStatus: row.opt_in_status,
    optedInAt: row.opted_in_at,
    optedOutAt: row.opted_out_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
