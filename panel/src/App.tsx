import { useSignal, useSignalEffect } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import type { WhoAmI } from './api/types';
import { Loading } from './components/ui';
import { parseRoute, type Route } from './lib/route';
import { session, signOut } from './session';
import { AccountPage } from './views/AccountPage';
import { AdminPage } from './views/AdminPage';
import { CreateFunction } from './views/CreateFunction';
import { FunctionPage } from './views/FunctionPage';
import { FunctionsList } from './views/FunctionsList';
import { AccountWaiting, SignIn } from './views/SignIn';
import { TokensPage } from './views/TokensPage';

export function App() {
  const route = useSignal<Route>(parseRoute(window.location.hash));
  useEffect(() => {
    const follow = () => {
      route.value = parseRoute(window.location.hash);
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [route]);
  // A new screen moves focus to its heading, so keyboard and screen-reader users land where the content is; a new
  // tab of the same function keeps focus on the tab that was chosen.
  const shown = useRef('');
  useSignalEffect(() => {
    const current = route.value;
    const screen = current.screen === 'function' ? `function:${current.name}` : current.screen;
    if (screen === shown.current) return;
    shown.current = screen;
    window.requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true }));
  });

  const current = session.value;
  const who = current.state === 'signed-in' ? current.who : null;
  return (
    <>
      <a class="skip-link" href="#main" onClick={skipToMain}>
        Skip to content
      </a>
      <Header who={who} route={route.value} />
      <main id="main" tabIndex={-1}>
        {current.state === 'checking' && <Loading label="Checking your session…" />}
        {current.state === 'signed-out' && <SignIn options={current.options} loginError={current.loginError} problem={current.problem} />}
        {who !== null && who.status !== 'active' && <AccountWaiting who={who} />}
        {who !== null && who.status === 'active' && <Screen who={who} route={route.value} />}
      </main>
    </>
  );
}

function Screen({ who, route }: { who: WhoAmI; route: Route }) {
  switch (route.screen) {
    case 'functions':
      return <FunctionsList />;
    case 'create':
      return <CreateFunction />;
    case 'function':
      return <FunctionPage key={route.name} name={route.name} tab={route.tab} invocation={route.invocation} />;
    case 'tokens':
      return <TokensPage isAdmin={who.role === 'admin'} />;
    case 'account':
      return <AccountPage />;
    case 'admin':
      return who.role === 'admin' ? <AdminPage /> : <NotAllowed />;
    case 'not-found':
      return (
        <section>
          <h1 tabIndex={-1}>Page not found</h1>
          <p>
            There is no screen at <code>{route.hash}</code>. <a href="#/">Back to your functions</a>.
          </p>
        </section>
      );
  }
}

function NotAllowed() {
  return (
    <section>
      <h1 tabIndex={-1}>Administrators only</h1>
      <p>This screen is for administrators of this server. <a href="#/">Back to your functions</a>.</p>
    </section>
  );
}

function Header({ who, route }: { who: WhoAmI | null; route: Route }) {
  const active = who !== null && who.status === 'active';
  const current = (screen: Route['screen'][]) => (screen.includes(route.screen) ? 'page' : undefined);
  return (
    <header class="site-header">
      <a class="brand" href="#/">
        <span class="brand-mark" aria-hidden="true" />
        Wasmcloud
      </a>
      {active && (
        <nav aria-label="Main">
          <a href="#/" aria-current={current(['functions', 'create', 'function'])}>
            Functions
          </a>
          <a href="#/tokens" aria-current={current(['tokens'])}>
            Tokens
          </a>
          <a href="#/account" aria-current={current(['account'])}>
            Account
          </a>
          {who.role === 'admin' && (
            <a href="#/admin" aria-current={current(['admin'])}>
              Admin
            </a>
          )}
        </nav>
      )}
      {who !== null && (
        <div class="account">
          <span class="account-name">{who.login}</span>
          <button type="button" class="secondary small" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      )}
    </header>
  );
}

function skipToMain(event: Event) {
  // The hash is the router's; move focus without navigating.
  event.preventDefault();
  document.getElementById('main')?.focus();
}
