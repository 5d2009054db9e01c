import { ApiKey } from './api-key.entity.js';
import { AuthSession } from './auth-session.entity.js';
import { ContactIdentity } from './contact-identity.entity.js';
import { Contact } from './contact.entity.js';
import { FlowVersion } from './flow-version.entity.js';
import { Flow } from './flow.entity.js';
import { Invitation } from './invitation.entity.js';
import { Membership } from './membership.entity.js';
import { User } from './user.entity.js';
import { Workspace } from './workspace.entity.js';

export { ApiKey, AuthSession, Contact, ContactIdentity, Flow, FlowVersion, Invitation, Membership, User, Workspace };
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
] as const;
