import { createContext, use } from 'react';
import type { Account, MyWorkspace } from '../api/types.js';

export type SessionState =
  | { readonly status: 'loading' }
  /** The server did not answer: nothing can be decided yet. */
  | { readonly status: 'unavailable'; readonly error: unknown }
  /** No account exists yet: first-run sign-up. */
  | { readonly status: 'needs-setup' }
  /** `expired` when a session ended while the app was open. */
  | { readonly status: 'signed-out'; readonly expired: boolean }
  | { readonly status: 'signed-in'; readonly account: Account; readonly workspace: MyWorkspace | null };

export interface SessionValue {
  readonly state: SessionState;
  /** After sign-in, setup or accepting an invitation: the account the API answered with. */
  signedIn(account: Account): void;
  signOut(): Promise<void>;
  /** Makes `workspaceId` the one every request acts in (and the session's current one). */
  switchWorkspace(workspaceId: string): Promise<void>;
  /** Reads the account again (a workspace was created or renamed, a role changed). */
  refresh(): Promise<void>;
  /** Asks the server again after it was unreachable. */
  retry(): void;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const value = use(SessionContext);
  if (value === null) throw new Error('useSession() outside <SessionProvider>');
  return value;
}

export interface SignedInSession extends Omit<SessionValue, 'state'> {
  readonly account: Account;
  readonly workspace: MyWorkspace;
}

/** For screens behind sign-in, inside a workspace: the account and the current workspace. */
export function useSignedIn(): SignedInSession {
  const session = useSession();
  const { state } = session;
  if (state.status !== 'signed-in' || state.workspace === null) throw new Error('useSignedIn() outside a signed-in workspace');
  return { ...session, account: state.account, workspace: state.workspace };
}
