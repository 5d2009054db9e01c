import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { isApiError } from '../api/api-error.js';
import type { Account } from '../api/types.js';
import type { AppServices } from '../app/app-services.js';
import { preloadFlowAtStart } from '../flows/flow-preload.js';
import { SessionContext, type SessionState, type SessionValue } from './session-context.js';

/** The workspace last chosen in this browser, tried first on the next visit. */
const WORKSPACE_STORAGE_KEY = 'jornada.workspace';

function remember(workspaceId: string | null): void {
  try {
    if (workspaceId === null) window.localStorage.removeItem(WORKSPACE_STORAGE_KEY);
    else window.localStorage.setItem(WORKSPACE_STORAGE_KEY, workspaceId);
  } catch {
    // Without storage the server's "current workspace" of the session still applies.
  }
}

function remembered(): string | undefined {
  try {
    return window.localStorage.getItem(WORKSPACE_STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Who is using the builder: asks the server once at start (`/auth/me`, then `/auth/setup`
 * when signed out), and keeps the workspace every request acts in.
 */
export function SessionProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  const { api, workspace } = services;
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  const apply = useCallback(
    (account: Account) => {
      const current = account.workspaces.find((item) => item.id === account.currentWorkspaceId) ?? account.workspaces[0] ?? null;
      workspace.set(current?.id);
      remember(current?.id ?? null);
      setState({ status: 'signed-in', account, workspace: current });
    },
    [workspace],
  );

  const loadAccount = useCallback(
    async (preferred: string | undefined): Promise<Account> => {
      try {
        return await api.auth.me(preferred);
      } catch (error) {
        // A remembered workspace we no longer belong to answers 404: fall back to the server's choice.
        if (preferred !== undefined && isApiError(error) && (error.status === 404 || error.status === 400)) return api.auth.me();
        throw error;
      }
    },
    [api],
  );

  useEffect(() => {
    let cancelled = false;
    const start = async () => {
      const preferred = remembered();
      // A flow's address opened directly: its draft is fetched alongside the account, not after it.
      if (attempt === 0) preloadFlowAtStart(api, window.location.pathname, preferred);
      try {
        const account = await loadAccount(preferred);
        if (!cancelled) apply(account);
      } catch (error) {
        if (cancelled) return;
        if (!isApiError(error) || error.status !== 401) {
          setState({ status: 'unavailable', error });
          return;
        }
        try {
          const { needsSetup } = await api.auth.setupStatus();
          if (!cancelled) setState(needsSetup ? { status: 'needs-setup' } : { status: 'signed-out', expired: false });
        } catch (statusError) {
          if (!cancelled) setState({ status: 'unavailable', error: statusError });
        }
      }
    };
    void start();
    return () => {
      cancelled = true;
    };
  }, [api, apply, loadAccount, attempt]);

  useEffect(
    () =>
      services.onUnauthorized(() => {
        workspace.set(undefined);
        setState((current) => (current.status === 'signed-in' ? { status: 'signed-out', expired: true } : current));
      }),
    [services, workspace],
  );

  const value = useMemo<SessionValue>(
    () => ({
      state,
      signedIn: apply,
      signOut: async () => {
        try {
          await api.auth.logout();
        } finally {
          workspace.set(undefined);
          setState({ status: 'signed-out', expired: false });
        }
      },
      switchWorkspace: async (workspaceId) => apply(await api.auth.me(workspaceId)),
      refresh: async () => apply(await api.auth.me(workspace.get())),
      retry: () => {
        setState({ status: 'loading' });
        setAttempt((value) => value + 1);
      },
    }),
    [state, apply, api, workspace],
  );

  return <SessionContext value={value}>{children}</SessionContext>;
}
