import type { MigrationInterface } from 'typeorm';
import { InitialSchema1795414761489 } from './1795414761489-initial-schema.js';
import { SessionWorkspaceInvitationRevoked1795416049464 } from './1795416049464-session-workspace-invitation-revoked.js';
import { ContactConsentAndNameSearch1795416231981 } from './1795416231981-contact-consent-and-name-search.js';
import { RuntimeConversationsAndSessions1795417893448 } from './1795417893448-runtime-conversations-and-sessions.js';
import { ExternalEvents1795418786870 } from './1795418786870-external-events.js';
import { AddMessageSeq1795418789156 } from './1795418789156-add-message-seq.js';
import { RuntimeTimersAndSimulations1796396219691 } from './1796396219691-runtime-timers-and-simulations.js';
import { OutboxSendLeases1796398443002 } from './1796398443002-outbox-send-leases.js';
import { OutboxConversation1796497891258 } from './1796497891258-outbox-conversation.js';
import { TenantCompositeKeys1796584559650 } from './1796584559650-tenant-composite-keys.js';
import { RunLogStepRows1796671200000 } from './1796671200000-run-log-step-rows.js';
import { ConversationInboxIndex1796674800000 } from './1796674800000-conversation-inbox-index.js';
import { OutboxSweepIndex1796678400000 } from './1796678400000-outbox-sweep-index.js';

/**
 * Every migration, oldest first. TypeORM applies the ones the `migrations` table does not list
 * yet, in this order. Add new ones at the end; never edit one that has shipped.
 */
export const MIGRATIONS: readonly (new () => MigrationInterface)[] = [
  InitialSchema1795414761489,
  SessionWorkspaceInvitationRevoked1795416049464,
  ContactConsentAndNameSearch1795416231981,
  RuntimeConversationsAndSessions1795417893448,
  ExternalEvents1795418786870,
  AddMessageSeq1795418789156,
  RuntimeTimersAndSimulations1796396219691,
  OutboxSendLeases1796398443002,
  OutboxConversation1796497891258,
  TenantCompositeKeys1796584559650,
  RunLogStepRows1796671200000,
  ConversationInboxIndex1796674800000,
  OutboxSweepIndex1796678400000,
];
