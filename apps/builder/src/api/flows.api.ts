import type { FlowOperation } from '@jornada/flow-engine';
import { isApiError } from './api-error.js';
import type { HttpClient } from './http-client.js';
import type {
  DraftSaved,
  FlowDetail,
  FlowDocumentJson,
  FlowPage,
  FlowStatus,
  FlowTemplate,
  FlowVersion,
  FlowVersionDiff,
  FlowVersionPage,
  ImportedFlow,
  LintIssue,
  OperationRefusal,
  PublishedFlow,
  WorkspaceLocale,
} from './types.js';

const flowPath = (id: string): string => `/flows/${encodeURIComponent(id)}`;

/** Flows of the current workspace: CRUD, drafts, publishing, versions, templates. */
export function flowsApi(http: HttpClient) {
  return {
    list: (query: { search?: string; status?: FlowStatus; limit?: number; cursor?: string } = {}, signal?: AbortSignal) =>
      http.request<FlowPage>({ path: '/flows', query, ...(signal === undefined ? {} : { signal }) }),
    /** In the current workspace, or in `workspaceId` (the builder's start, before the session has named one). */
    get: (id: string, workspaceId?: string) => http.request<FlowDetail>({ path: flowPath(id), ...(workspaceId === undefined ? {} : { workspace: workspaceId }) }),
    create: (body: { name: string; description?: string; templateId?: string; locale?: WorkspaceLocale; document?: FlowDocumentJson }) =>
      http.request<FlowDetail>({ method: 'POST', path: '/flows', body }),
    rename: (id: string, body: { name?: string; description?: string }) => http.request<FlowDetail>({ method: 'PATCH', path: flowPath(id), body }),
    remove: (id: string) => http.request<undefined>({ method: 'DELETE', path: flowPath(id) }),
    duplicate: (id: string, body: { name?: string } = {}) => http.request<FlowDetail>({ method: 'POST', path: `${flowPath(id)}/duplicate`, body }),
    import: (body: { document: FlowDocumentJson; name?: string }) => http.request<ImportedFlow>({ method: 'POST', path: '/flows/import', body }),
    /** The draft as the API exports it (pretty JSON) and the file name it suggests. */
    export: (id: string) => http.requestText({ path: `${flowPath(id)}/export` }),
    validate: async (document: unknown) =>
      (await http.request<{ issues: LintIssue[] }>({ method: 'POST', path: '/flows/validate', body: { document } })).issues,
    saveDraft: (id: string, body: { document: FlowDocumentJson; revision: number }) =>
      http.request<DraftSaved>({ method: 'PUT', path: `${flowPath(id)}/draft`, body }),
    /**
     * Applies typed operations to the draft on the server (the reducer the editor ran), all or
     * none, and answers like saveDraft. Throws ApiError: 409 `draft_conflict` when `revision`
     * is stale (meta.current has the draft), 422 `operation_refused` (see operationRefusal).
     */
    applyOperations: (id: string, body: { revision: number; operations: readonly FlowOperation[] }) =>
      http.request<DraftSaved>({ method: 'POST', path: `${flowPath(id)}/draft/operations`, body }),
    publish: (id: string, body: { revision?: number } = {}) => http.request<PublishedFlow>({ method: 'POST', path: `${flowPath(id)}/publish`, body }),

    versions: (id: string, query: { locale?: WorkspaceLocale; limit?: number; before?: number } = {}) =>
      http.request<FlowVersionPage>({ path: `${flowPath(id)}/versions`, query }),
    version: (id: string, version: number) => http.request<FlowVersion>({ path: `${flowPath(id)}/versions/${String(version)}` }),
    diff: (id: string, { from, to, locale }: { from: number; to: number; locale?: WorkspaceLocale }) =>
      http.request<FlowVersionDiff>({ path: `${flowPath(id)}/versions/${String(from)}/diff/${String(to)}`, query: { locale } }),
    restore: (id: string, { version, revision }: { version: number; revision: number }) =>
      http.request<DraftSaved>({ method: 'POST', path: `${flowPath(id)}/versions/${String(version)}/restore`, body: { revision } }),

    templates: async (locale?: WorkspaceLocale) =>
      (await http.request<{ items: FlowTemplate[] }>({ path: '/flow-templates', query: { locale } })).items,
  };
}

/** Which operation the API refused and why, when `error` is a 422 `operation_refused`. */
export function operationRefusal(error: unknown): OperationRefusal | undefined {
  if (!isApiError(error) || error.code !== 'operation_refused') return undefined;
  const { operationIndex, reason, path, elementId } = error.meta;
  if (typeof operationIndex !== 'number' || typeof reason !== 'string') return undefined;
  return {
    operationIndex,
    reason: reason as OperationRefusal['reason'],
    ...(typeof path === 'string' ? { path } : {}),
    ...(typeof elementId === 'string' ? { elementId } : {}),
  };
}
