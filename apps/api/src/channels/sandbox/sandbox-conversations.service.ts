import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { InboundMessage } from '@jornada/flow-engine';
import { DataSource, type EntityManager } from 'typeorm';
import { ContactIdentityRepository } from '../../contacts/contact-identity.repository.js';
import { EMPTY_CONTACT } from '../../contacts/contact-state.js';
import { ContactWriter } from '../../contacts/contact-writer.js';
import { isUuid } from '../../flows/keyset-cursor.js';
import { ApiError } from '../../http/api-error.js';
import { QueueService } from '../../queues/queue.service.js';
import { Clock } from '../../runtime/clock.js';
import { RecentMap } from '../../runtime/concurrency/recent-map.js';
import { StatementCoalescer } from '../../runtime/concurrency/statement-coalescer.js';
import { RecordInboundEventUseCase } from '../../runtime/record-inbound-event.use-case.js';
import { FEED_MESSAGE_COLUMNS, toFeedMessage, type FeedMessage, type FeedMessageRow } from '../../realtime/feed-message.js';

export const SANDBOX_CHANNEL = 'sandbox';

export interface SandboxConversation {
  readonly id: string;
  readonly contactId: string;
  readonly sender: string;
}

export interface SandboxContactOptions {
  readonly contactName?: string | undefined;
  readonly simulatedFlowId?: string | undefined;
}

/**
 * Conversations and their contacts' sandbox identities, looked up by conversation id ($1, an
 * array: concurrent messages share the statement) and then each identity by contact (the
 * conversation row already proves the workspace). Filtered by workspace and channel too, the
 * planner prefers the (workspace, channel, external_id) index and reads one row per sandbox
 * contact of the workspace on every message posted — before statistics exist, which is when a
 * burst of new simulator or benchmark conversations arrives. The caller checks each row's
 * workspace and channel.
 */
export const FIND_SANDBOX_CONVERSATIONS_SQL = `SELECT c.id, c.workspace_id, c.channel, c.contact_id, i.external_id FROM conversations c
   CROSS JOIN LATERAL (
     SELECT ci.external_id FROM contact_identities ci
      WHERE ci.contact_id = c.contact_id AND ci.channel = c.channel
      ORDER BY ci.external_id LIMIT 1
   ) i
  WHERE c.id = ANY($1::uuid[])`;

interface SandboxConversationRow {
  id: string;
  workspace_id: string;
  channel: string;
  contact_id: string;
  external_id: string;
}

/**
 * Sandbox conversations a process remembers (about 200 bytes each). What find() answers from a
 * conversation row never changes: its workspace, channel, contact and that contact's sandbox
 * identity are written once, with the conversation, and nothing updates or deletes them.
 */
const REMEMBERED_CONVERSATIONS = 10_000;

const notFound = () => new ApiError({ status: 404, code: 'not_found', message: 'Sandbox conversation not found.' });

/**
 * The sandbox channel's inbound side: a simulated contact and conversation, messages posted as
 * if a provider delivered them (stored under their message id, then queued like a webhook), and
 * the thread both ways.
 */
@Injectable()
export class SandboxConversationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: ContactWriter,
    private readonly identities: ContactIdentityRepository,
    private readonly record: RecordInboundEventUseCase,
    private readonly queues: QueueService,
    private readonly clock: Clock,
  ) {}

  async create(workspaceId: string, options: SandboxContactOptions): Promise<SandboxConversation> {
    return this.dataSource.transaction((tx) => this.createIn(tx, workspaceId, options));
  }

  /**
   * A simulated contact (with its sandbox identity) and its conversation, in the caller's
   * transaction. `simulatedFlowId` marks the builder's simulator conversations.
   */
  async createIn(tx: EntityManager, workspaceId: string, { contactName, simulatedFlowId }: SandboxContactOptions): Promise<SandboxConversation> {
    const sender = `sandbox-${randomUUID()}`;
    const name = contactName?.trim() || null;
    // No phone or email: those are unique per workspace, and a simulated contact is nobody real.
    const state = { ...EMPTY_CONTACT, name, firstName: name?.split(/\s+/)[0]?.slice(0, 100) ?? null };
    const contact = await this.writer.write(tx, { workspaceId, state });
    await this.identities.insert({ workspaceId, contactId: contact.id, channel: SANDBOX_CHANNEL, externalId: sender }, tx);
    const now = this.clock.now();
    const rows = await tx.query<{ id: string }[]>(
      `INSERT INTO conversations (workspace_id, contact_id, channel, simulated_flow_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5) RETURNING id`,
      [workspaceId, contact.id, SANDBOX_CHANNEL, simulatedFlowId ?? null, now],
    );
    return { id: (rows[0] as { id: string }).id, contactId: contact.id, sender };
  }

  /** Records the message like a webhook delivery would (once per message id) and queues it. */
  async send(workspaceId: string, conversationId: string, input: { text?: string | undefined; buttonId?: string | undefined; title?: string | undefined; messageId?: string | undefined }): Promise<{ eventId: string; duplicate: boolean }> {
    const message = toInboundMessage(input);
    const conversation = await this.find(workspaceId, conversationId);
    const recorded = await this.record.execute({
      workspaceId,
      channel: SANDBOX_CHANNEL,
      providerKey: input.messageId ?? `sandbox-in-${randomUUID()}`,
      sender: conversation.sender,
      message,
    });
    // A duplicate is queued again too (a no-op while its job is kept): the first post may have died before enqueueing.
    // Stored is acknowledged: a queue store that is down delays the reply, it does not lose the message.
    await this.queues.addAfterStore('inbound', { v: 1, inboundEventId: recorded.eventId });
    return recorded;
  }

  /** The thread in order, both directions. */
  async messages(workspaceId: string, conversationId: string): Promise<FeedMessage[]> {
    await this.find(workspaceId, conversationId);
    const rows = await this.dataSource.query<FeedMessageRow[]>(
      `SELECT ${FEED_MESSAGE_COLUMNS} FROM messages WHERE workspace_id = $1 AND conversation_id = $2 ORDER BY created_at, seq`,
      [workspaceId, conversationId],
    );
    return rows.map(toFeedMessage);
  }

  /**
   * The sandbox conversation and its sender; 404 for another workspace's or another channel's.
   * Messages posted at the same time share one statement (StatementCoalescer); a conversation
   * found once is remembered (REMEMBERED_CONVERSATIONS), so its next messages skip the statement.
   * Only found sandbox conversations are remembered: an id not found yet is looked up again.
   */
  async find(workspaceId: string, conversationId: string): Promise<SandboxConversation> {
    let row = this.found.get(conversationId);
    if (row === undefined) {
      if (!isUuid(conversationId)) throw notFound();
      row = await this.lookups.submit(conversationId);
      if (row?.channel === SANDBOX_CHANNEL) this.found.set(row.id, row);
    }
    if (row === undefined || row.workspace_id !== workspaceId || row.channel !== SANDBOX_CHANNEL) throw notFound();
    return { id: row.id, contactId: row.contact_id, sender: row.external_id };
  }

  private readonly found = new RecentMap<SandboxConversationRow>(REMEMBERED_CONVERSATIONS);

  private readonly lookups = new StatementCoalescer<string, SandboxConversationRow | undefined>(async (ids) => {
    const rows = await this.dataSource.query<SandboxConversationRow[]>(FIND_SANDBOX_CONVERSATIONS_SQL, [[...new Set(ids)]]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id));
  });
}

function toInboundMessage({ text, buttonId, title }: { text?: string | undefined; buttonId?: string | undefined; title?: string | undefined }): InboundMessage {
  if (text !== undefined && buttonId === undefined && title === undefined) return { kind: 'text', text };
  if (text === undefined && buttonId !== undefined && title !== undefined) return { kind: 'button', id: buttonId, title };
  throw new ApiError({
    status: 400,
    code: 'validation_failed',
    message: 'Send either `text`, or `buttonId` with `title`.',
    details: [{ field: text === undefined ? 'buttonId' : 'text', message: 'either text, or buttonId with title' }],
  });
}
