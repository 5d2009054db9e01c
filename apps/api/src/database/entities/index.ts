import { ApiKey } from './api-key.entity.js';
import { AuthSession } from './auth-session.entity.js';
import { ContactIdentity } from './contact-identity.entity.js';
import { Contact } from './contact.entity.js';
import { Conversation } from './conversation.entity.js';
import { Conversion } from './conversion.entity.js';
import { ExternalEvent } from './external-event.entity.js';
import { FlowSession } from './flow-session.entity.js';
import { InboundEvent } from './inbound-event.entity.js';
import { FlowVersion } from './flow-version.entity.js';
import { Flow } from './flow.entity.js';
import { Invitation } from './invitation.entity.js';
import { Membership } from './membership.entity.js';
import { Message } from './message.entity.js';
import { OutboxEntry } from './outbox-entry.entity.js';
import { RunLogStep } from './run-log-step.entity.js';
import { SessionTimer } from './session-timer.entity.js';
import { SurveyResponse } from './survey-response.entity.js';
import { User } from './user.entity.js';
import { Workspace } from './workspace.entity.js';

export {
  ApiKey,
  AuthSession,
  Contact,
  ContactIdentity,
  Conversation,
  Conversion,
  ExternalEvent,
  Flow,
  FlowSession,
  FlowVersion,
  InboundEvent,
  Invitation,
  Membership,
  Message,
  OutboxEntry,
  RunLogStep,
  SessionTimer,
  SurveyResponse,
  User,
  Workspace,
};
export { CONVERSATION_PRIORITIES, CONVERSATION_STATUSES, type ConversationPriority, type ConversationStatus } from './conversation.entity.js';
export { FLOW_STATUSES, type FlowStatus } from './flow.entity.js';
export { OPT_IN_STATUSES, type OptInStatus } from './contact.entity.js';
export type { BusinessHours } from './workspace.entity.js';

/**
 * Every entity the DataSource knows. A new entity is added here AND gets a migration
 * (npm run db:migration:generate -- <Name>); the drift check fails until both agree.
 */
export const ENTITIES = [
  User,
  Workspace,
  Membership,
  Invitation,
  AuthSession,
  ApiKey,
  Flow,
  FlowVersion,
  Contact,
  ContactIdentity,
  Conversation,
  Message,
  InboundEvent,
  FlowSession,
  SessionTimer,
  OutboxEntry,
  RunLogStep,
  SurveyResponse,
  Conversion,
  ExternalEvent,
] as const;
