// Who is signed in, shared by every view. The session itself is the HttpOnly cookie; this is only what the API
// said about it, re-read on start and after signing in or out.

import { signal } from '@preact/signals';
import { ApiClient } from './api/client';
import { ApiError, asApiError } from './api/problem';
import type { LoginOptions, WhoAmI } from './api/types';

export type Session =
  | { state: 'checking' }
  | { state: 'signed-out'; options: LoginOptions | null; loginError: string | null; problem: ApiError | null }
  | { state: 'signed-in'; who: WhoAmI };

export const api = new ApiClient();
export const session = signal<Session>({ state: 'checking' });

/** The reasons the API gives in `?login-error=` after a refused Gitea login, in words. */
export const LOGIN_ERRORS: Record<string, string> = {
  suspended: 'Your account is suspended. An administrator has to lift the suspension before you can sign in again.',
  'signups-closed': 'Sign-ups are closed on this server: only accounts an administrator set up can sign in.',
  'login-taken': 'Another account already uses your Gitea login name here; ask an administrator to sort it out.',
  'gitea-failed': 'Gitea did not complete the sign-in. Try again; if it keeps failing, tell an administrator.',
};

export async function refreshSession(loginError: string | null = null): Promise<void> {
  try {
    session.value = { state: 'signed-in', who: await api.whoami() };
  } catch (error) {
    const problem = asApiError(error);
    if (problem.status !== 401) {
      session.value = { state: 'signed-out', options: null, loginError, problem };
      return;
    }
    const options = await api.loginOptions().catch(() => null);
    session.value = { state: 'signed-out', options, loginError, problem: null };
  }
}

export async function signOut(): Promise<void> {
  await api.signOut();
  await refreshSession();
}

/** Takes `?login-error=` off the address (it is shown once) and returns it. */
export function takeLoginError(location: Location, history: History): string | null {
  const params = new URLSearchParams(location.search);
  const code = params.get('login-error');
  if (code === null) return null;
  params.delete('login-error');
  const search = params.size > 0 ? `?${params.toString()}` : '';
  history.replaceState(null, '', `${location.pathname}${search}${location.hash}`);
  return code;
}
