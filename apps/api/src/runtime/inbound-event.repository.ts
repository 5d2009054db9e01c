import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { InboundEventStatus } from '../database/entities/inbound-event.entity.js';
import { isUuid } from '../flows/keyset-cursor.js';
import { RecentMap } from './concurrency/recent-map.js';
import { StatementCoalescer } from './concurrency/statement-coalescer.js';
import type { Queryable } from './runtime-sql.js';

export interface InboundEventRecord {
  readonly id: string;
  readonly workspaceId: string;
  readonly channel: string;
  readonly providerKey: string;
  readonly sender: string;
  readonly payload: unknown;
  readonly status: InboundEventStatus;
  readonly receivedAt: Date;
}

export interface NewInboundEvent {
  readonly workspaceId: string;
  readonly channel: string;
  readonly providerKey: string;
  readonly sender: string;
  readonly payload: unknown;
  readonly receivedAt: Date;
}

interface EventRow {
  id: string;
  workspace_id: string;
  channel: string;
  provider_key: string;
  sender: string;
  payload: unknown;
  status: InboundEventStatus;
  received_at: Date;
}

const COLUMNS = `id, workspace_id, channel, provider_key, sender, payload, status, received_at`;

/** Where an event came from: what orders its processing. */
export interface EventSender {
  readonly workspaceId: string;
  readonly channel: string;
  readonly sender: string;
}

/** Events stored by this process whose sender it remembers for their job (InboundEventRepository.findSender); a lost job's entry ages out. */
const STORED_SENDERS_REMEMBERED = 20_000;

/** Every query on `inbound_events`, scoped by workspace. */
@Injectable()
export class InboundEventRepository {
  /** Senders of the events this process stored lately, until their job asks; null in a process that runs no jobs (ROLE=api). */
  private readonly storedHere: RecentMap<EventSender> | null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'role'>,
  ) {
    this.storedHere = config.role === 'api' ? null : new RecentMap<EventSender>(STORED_SENDERS_REMEMBERED);
  }

  /**
   * Stores the event unless its key is known: then null, and nothing written (ON CONFLICT, no
   * aborted transaction). Concurrent calls share one multi-row INSERT (StatementCoalescer): the
   * webhooks of a busy minute cost a fraction of a round trip each. Within one statement the
   * first row of a key wins, as the first of two separate inserts would.
   */
  async insert(event: NewInboundEvent): Promise<string | null> {
    const id = await this.inserts.submit(event);
    if (id !== null) this.storedHere?.set(id, { workspaceId: event.workspaceId, channel: event.channel, sender: event.sender });
    return id;
  }

  /**
   * The channel and sender of an event (null when it is gone). An event this process just
   * stored is answered from memory — its job nearly always runs here, moments later, and these
   * columns never change; any other is read, many jobs' in one statement.
   */
  findSender(id: string): Promise<EventSender | null> {
    const known = this.storedHere?.take(id);
    return known === undefined ? this.senderReads.submit(id) : Promise.resolve(known);
  }

  private readonly inserts = new StatementCoalescer<NewInboundEvent, string | null>((events) => this.insertMany(events));
  private readonly senderReads = new StatementCoalescer<string, EventSender | null>(async (ids) => {
    const rows = await this.dataSource.query<{ id: string; workspace_id: string; channel: string; sender: string }[]>(
      `SELECT id, workspace_id, channel, sender FROM inbound_events WHERE id = ANY($1::uuid[])`,
      [ids.filter(isUuid)],
    );
    const byId = new Map(rows.map((row) => [row.id, { workspaceId: row.workspace_id, channel: row.channel, sender: row.sender }]));
    return ids.map((id) => byId.get(id) ?? null);
  });

  private async insertMany(events: readonly NewInboundEvent[]): Promise<(string | null)[]> {
    // Rows go in the order given (WITH ORDINALITY), so `seq` keeps the arrival order.
    const rows = await this.dataSource.query<{ id: string; ord: string }[]>(
      `WITH input AS (
         SELECT e.workspace_id, e.channel, e.provider_key, e.sender, e.payload, e.received_at, e.ord
           FROM ROWS FROM (jsonb_to_recordset($1::jsonb) AS (workspace_id uuid, channel text, provider_key text, sender text, payload jsonb, received_at timestamptz))
                WITH ORDINALITY AS e(workspace_id, channel, provider_key, sender, payload, received_at, ord)
       ), inserted AS (
         INSERT INTO inbound_events (workspace_id, channel, provider_key, sender, payload, received_at)
         SELECT workspace_id, channel, provider_key, sender, payload, received_at FROM input ORDER BY ord
         ON CONFLICT (workspace_id, channel, provider_key) DO NOTHING
         RETURNING id, workspace_id, channel, provider_key
       )
       SELECT DISTINCT ON (i.workspace_id, i.channel, i.provider_key) n.id, i.ord
         FROM inserted n JOIN input i ON i.workspace_id = n.workspace_id AND i.channel = n.channel AND i.provider_key = n.provider_key
        ORDER BY i.workspace_id, i.channel, i.provider_key, i.ord`,
      [
        JSON.stringify(
          events.map((e) => ({ workspace_id: e.workspaceId, channel: e.channel, provider_key: e.providerKey, sender: e.sender, payload: e.payload, received_at: e.receivedAt.toISOString() })),
        ),
      ],
    );
    const idAt = new Map(rows.map((row) => [Number(row.ord), row.id]));
    return events.map((_, index) => idAt.get(index + 1) ?? null);
  }

  async findByKey({ workspaceId, channel, providerKey }: { workspaceId: string; channel: string; providerKey: string }): Promise<string | null> {
    const rows = await this.dataSource.query<{ id: string }[]>(`SELECT id FROM inbound_events WHERE workspace_id = $1 AND channel = $2 AND provider_key = $3`, [
      workspaceId,
      channel,
      providerKey,
    ]);
    return rows[0]?.id ?? null;
  }

  async findById(db: Queryable, { workspaceId, id }: { workspaceId: string; id: string }): Promise<InboundEventRecord | null> {
    if (!isUuid(id)) return null;
    const rows = await db.query<EventRow[]>(`SELECT ${COLUMNS} FROM inbound_events WHERE id = $1 AND workspace_id = $2`, [id, workspaceId]);
    return rows[0] === undefined ? null : toRecord(rows[0]);
  }

  /**
   * The sender's unprocessed events up to and including `upTo`, oldest first (received_at,
   * then seq: arrival order). Call it holding the sender lock.
   */
  async listPendingUpTo(db: Queryable, upTo: InboundEventRecord): Promise<InboundEventRecord[]> {
    const rows = await db.query<EventRow[]>(
      `SELECT ${COLUMNS} FROM inbound_events
        WHERE workspace_id = $1 AND channel = $2 AND sender = $3 AND status = 'received'
          AND (received_at, seq) <= ($4::timestamptz, (SELECT seq FROM inbound_events WHERE id = $5))
        ORDER BY received_at, seq`,
      [upTo.workspaceId, upTo.channel, upTo.sender, upTo.receivedAt, upTo.id],
    );
    return rows.map(toRecord);
  }

  /** The same as listPendingUpTo, for an event known by id and sender only (the job looked those up). */
  async listPendingUpToId(db: Queryable, key: { workspaceId: string; channel: string; sender: string; id: string }): Promise<InboundEventRecord[]> {
    const rows = await db.query<EventRow[]>(
      `SELECT ${COLUMNS} FROM inbound_events
        WHERE workspace_id = $1 AND channel = $2 AND sender = $3 AND status = 'received'
          AND (received_at, seq) <= (SELECT received_at, seq FROM inbound_events WHERE id = $4)
        ORDER BY received_at, seq`,
      [key.workspaceId, key.channel, key.sender, key.id],
    );
    return rows.map(toRecord);
  }

  async markDone(db: Queryable, { workspaceId, id, status, at, error }: { workspaceId: string; id: string; status: Exclude<InboundEventStatus, 'received'>; at: Date; error?: string }): Promise<void> {
    await db.query(`UPDATE inbound_events SET status = $3, processed_at = $4, error = $5 WHERE id = $1 AND workspace_id = $2`, [id, workspaceId, status, at, error ?? null]);
  }
}

function toRecord(row: EventRow): InboundEventRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    channel: row.channel,
    providerKey: row.provider_key,
    sender: row.sender,
    payload: row.payload,
    status: row.status,
    receivedAt: row.received_at,
  };
}
