// Every screen has its own URL, kept in the hash (#/functions/hello/versions) so reloading keeps the place and any
// static host can serve the panel without rewriting paths to index.html.

export const FUNCTION_TABS = [
  'overview',
  'deploy',
  'versions',
  'settings',
  'environment',
  'invoke',
  'invocations',
  'schedules',
  'dead-letters',
  'logs',
  'metrics',
] as const;

export type FunctionTab = (typeof FUNCTION_TABS)[number];

export type Route =
  | { screen: 'functions' }
  | { screen: 'create' }
  | { screen: 'function'; name: string; tab: FunctionTab; invocation: string | null }
  | { screen: 'tokens' }
  | { screen: 'account' }
  | { screen: 'admin' }
  | { screen: 'not-found'; hash: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const parts = path.split('/').filter((part) => part !== '').map(safeDecode);
  const [first, name, tab, invocation] = parts;
  if (first === undefined) return { screen: 'functions' };
  if (first === 'new' && parts.length === 1) return { screen: 'create' };
  if (first === 'tokens' && parts.length === 1) return { screen: 'tokens' };
  if (first === 'admin' && parts.length === 1) return { screen: 'admin' };
  if (first === 'account' && parts.length === 1) return { screen: 'account' };
  if (first === 'functions' && name !== undefined) {
    const chosen = tab ?? 'overview';
    if (isTab(chosen) && (invocation === undefined || chosen === 'invocations') && parts.length <= 4) {
      return { screen: 'function', name, tab: chosen, invocation: invocation ?? null };
    }
  }
  return { screen: 'not-found', hash: path };
}

export function hrefOf(route: Route): string {
  switch (route.screen) {
    case 'functions':
      return '#/';
    case 'create':
      return '#/new';
    case 'tokens':
      return '#/tokens';
    case 'admin':
      return '#/admin';
    case 'account':
      return '#/account';
    case 'function': {
      const base = `#/functions/${encodeURIComponent(route.name)}/${route.tab}`;
      return route.invocation === null ? base : `${base}/${encodeURIComponent(route.invocation)}`;
    }
    case 'not-found':
      return `#${route.hash}`;
  }
}

export function functionHref(name: string, tab: FunctionTab = 'overview', invocation: string | null = null): string {
  return hrefOf({ screen: 'function', name, tab, invocation });
}

function isTab(value: string): value is FunctionTab {
  return (FUNCTION_TABS as readonly string[]).includes(value);
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
