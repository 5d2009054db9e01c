import type { FlowDiff, OperationErrorCode } from '@jornada/flow-engine';

// The API's response and request shapes the builder uses, as the OpenAPI document
// (/api/docs-json) describes them. Dates travel as ISO strings.

export const ROLES = ['owner', 'admin', 'editor', 'agent'] as const;
export type Role = (typeof ROLES)[number];
export const API_KEY_ROLES = ['admin', 'editor', 'agent'] as const satisfies readonly Role[];
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];
export const WORKSPACE_LOCALES = ['en', 'pt-BR'] as const;
export type WorkspaceLocale = (typeof WORKSPACE_LOCALES)[number];

export interface User {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly createdAt: string;
}

export interface MyWorkspace {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
}

export interface Account {
  readonly user: User;
  readonly workspaces: readonly MyWorkspace[];
  readonly currentWorkspaceId: string | null;
}

export interface Session extends Account {
  readonly token: string;
  readonly expiresAt: string;
}

export interface SetupStatus {
  readonly needsSetup: boolean;
}

export interface SetupRequest {
  readonly email: string;
  readonly password: string;
  readonly name: string;
  readonly workspaceName?: string;
  readonly timezone?: string;
  readonly locale?: WorkspaceLocale;
}

export interface AcceptInvitationRequest {
  readonly token: string;
  readonly name?: string;
  readonly password?: string;
}

export interface AcceptedInvitation {
  readonly user: User;
  readonly workspace: MyWorkspace;
  readonly token?: string;
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface OpeningInterval {
  /** HH:mm */
  readonly start: string;
  /** HH:mm or 24:00; earlier than start runs past midnight. */
  readonly end: string;
}

export interface BusinessHours {
  readonly timezone?: string;
  readonly days: Readonly<Partial<Record<Weekday, readonly OpeningInterval[]>>>;
  /** YYYY-MM-DD once, or MM-DD every year. */
  readonly holidays?: readonly string[];
}

export interface Workspace {
  readonly id: string;
  readonly name: string;
  readonly slug: string;
  readonly timezone: string;
  readonly locale: string;
  readonly currency: string;
  readonly country: string | null;
  readonly businessHours: BusinessHours | null;
  readonly createdAt: string;
}

export interface CreateWorkspaceRequest {
  readonly name: string;
  readonly timezone?: string;
  readonly locale?: WorkspaceLocale;
  readonly currency?: string;
  readonly country?: string;
}

export interface UpdateWorkspaceRequest {
  readonly name?: string;
  readonly timezone?: string;
  readonly locale?: WorkspaceLocale;
  readonly currency?: string;
  readonly country?: string | null;
  readonly businessHours?: BusinessHours | null;
}

export interface Member {
  /** The membership id, for /members/:id. */
  readonly id: string;
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly joinedAt: string;
}

export interface Invitation {
  readonly id: string;
  readonly email: string;
  readonly role: Role;
  readonly status: 'pending' | 'expired';
  readonly expiresAt: string;
  readonly createdAt: string;
  readonly invitedBy: string | null;
}

export interface CreatedInvitation extends Invitation {
  readonly token: string;
  /** `/accept-invitation#token=…`, relative to the Jornada address. */
  readonly acceptPath: string;
  readonly delivery: 'manual';
}

export interface ApiKey {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly role: Role;
  readonly createdBy: string | null;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
}

export interface CreatedApiKey extends ApiKey {
  /** Shown once. */
  readonly key: string;
}

export type FlowStatus = 'draft' | 'published';

export interface LintIssue {
  readonly code: string;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly nodeId?: string;
  readonly edgeId?: string;
  readonly handle?: string;
  readonly path?: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface FlowSummary {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly status: FlowStatus;
  readonly currentVersion: number | null;
  readonly draftRevision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly lastPublishedAt: string | null;
}

export interface FlowPage {
  readonly items: readonly FlowSummary[];
  readonly nextCursor: string | null;
}

/** A flow document as JSON (parse it with the engine's parseFlow to work on it). */
export type FlowDocumentJson = Readonly<Record<string, unknown>>;

export interface FlowDetail extends FlowSummary {
  readonly document: FlowDocumentJson;
  readonly issues: readonly LintIssue[];
}

export interface ImportedFlow extends FlowDetail {
  readonly migratedFrom?: number;
}

export interface DraftSaved {
  readonly revision: number;
  readonly updatedAt: string;
  readonly document: FlowDocumentJson;
  readonly issues: readonly LintIssue[];
}

/**
 * `error.meta` of a 422 `operation_refused` from POST /flows/:id/draft/operations: which
 * operation of the request was refused and why (the engine's OperationError code).
 */
export interface OperationRefusal {
  readonly operationIndex: number;
  readonly reason: OperationErrorCode;
  /** Path inside that operation, e.g. `edge.sourceHandle` or `operations.1.node.data.text`. */
  readonly path?: string;
  /** The node, trigger or edge concerned. */
  readonly elementId?: string;
}

export interface PublishedFlow {
  readonly version: number;
  readonly publishedAt: string;
  readonly revision: number;
  readonly issues: readonly LintIssue[];
}

export interface Publisher {
  readonly id: string;
  readonly name: string;
}

export interface FlowVersionSummary {
  readonly version: number;
  readonly publishedAt: string;
  readonly publishedBy: Publisher | null;
  /** What changed since the previous version, in the requested language. */
  readonly summary: readonly string[];
}

export interface FlowVersionPage {
  readonly items: readonly FlowVersionSummary[];
  readonly nextBefore: number | null;
}

export interface FlowVersion {
  readonly version: number;
  readonly publishedAt: string;
  readonly publishedBy: Publisher | null;
  readonly document: FlowDocumentJson;
}

export interface FlowVersionDiff {
  readonly from: number;
  readonly to: number;
  /** The engine's diffFlows() of the two documents. */
  readonly diff: FlowDiff;
  readonly summary: readonly string[];
}

export interface FlowTemplate {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly locale: WorkspaceLocale;
}
