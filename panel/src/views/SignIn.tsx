import { useState } from 'preact/hooks';
import { ApiError, asApiError } from '../api/problem';
import type { LoginOptions, WhoAmI } from '../api/types';
import { ProblemView } from '../components/ui';
import { api, LOGIN_ERRORS, refreshSession, signOut } from '../session';

/** Sign-in: Gitea's browser login (a full-page redirect), or in dev mode the local admin. */
export function SignIn({ options, loginError, problem }: { options: LoginOptions | null; loginError: string | null; problem: ApiError | null }) {
  const [devProblem, setDevProblem] = useState<ApiError | null>(null);
  const devSignIn = async () => {
    try {
      await api.devSignIn();
      await refreshSession();
    } catch (error) {
      setDevProblem(asApiError(error));
    }
  };
  return (
    <section class="card narrow" aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading">Sign in to Wasmcloud</h1>
      {loginError !== null && (
        <div class="problem" role="alert">
          <p class="problem-title">{loginError === 'suspended' ? 'Account suspended' : 'Sign-in refused'}</p>
          <p class="problem-detail">{LOGIN_ERRORS[loginError] ?? `The sign-in failed (${loginError}).`}</p>
        </div>
      )}
      {problem !== null && <ProblemView error={problem} />}
      <p>Run WebAssembly functions on your own URL. Sign in to deploy, invoke and watch them.</p>
      <div class="stack">
        {(options === null || options.gitea) && (
          <a class="button" href="/oauth2/authorization/gitea">
            Sign in with Gitea
          </a>
        )}
        {options?.devLogin && (
          <button type="button" class="secondary" onClick={devSignIn}>
            Dev login (local admin “dev”)
          </button>
        )}
      </div>
      {options !== null && !options.gitea && !options.devLogin && (
        <p class="hint">This server has no browser sign-in configured; ask its operator.</p>
      )}
      {devProblem !== null && <ProblemView error={devProblem} />}
    </section>
  );
}

/** Signed in, but not yet (or no longer) allowed to use the platform. */
export function AccountWaiting({ who }: { who: WhoAmI }) {
  return (
    <section class="card narrow" aria-labelledby="waiting-heading">
      {who.status === 'pending' ? (
        <>
          <h1 id="waiting-heading">Waiting for approval</h1>
          <p>
            Welcome, <strong>{who.login}</strong>. New accounts on this server are reviewed by an administrator; yours is
            in the queue. Once it is approved you can create and deploy functions here.
          </p>
          <p class="hint">Nothing else to do for now. Reload this page later, or sign out.</p>
          <button type="button" onClick={() => void refreshSession()}>
            Check again
          </button>
        </>
      ) : (
        <>
          <h1 id="waiting-heading">Account suspended</h1>
          <p>
            The account <strong>{who.login}</strong> is suspended. Its functions do not answer and nothing can be deployed.
            An administrator can lift the suspension.
          </p>
        </>
      )}
      <button type="button" class="secondary" onClick={() => void signOut()}>
        Sign out
      </button>
    </section>
  );
}
