// The panel in Debian's Chromium against the real dev stack: started by the devstack module's PanelInBrowserTest,
// which passes PANEL_URL, HELLO_WASM, and session cookies of an ordinary and of a pending user. The steps run in order
// in one browser tab, as a user would go through them; every main screen is checked with axe and photographed at
// desktop and phone width into target/screenshots/.

import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PANEL_URL = required('PANEL_URL');
const HELLO_WASM = required('HELLO_WASM');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = resolve(import.meta.dirname, '../../target/screenshots');
const DESKTOP = { width: 1280, height: 860 };
const PHONE = { width: 390, height: 844 };
const NAME = `panel-${Date.now().toString(36)}`;
const SECRET_VALUE = 'never-shown-7f3a';

let browser: Browser;
let context: BrowserContext;
let page: Page;
const cspViolations: string[] = [];

function required(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`${name} is not set; run this through the devstack's PanelInBrowserTest`);
  return value;
}

async function openContext(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<BrowserContext> {
  const opened = await browser.newContext({ viewport: DESKTOP, colorScheme: options.colorScheme ?? 'light' });
  // Reports every CSP violation the page sees; the panel must cause none.
  await opened.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return opened;
}

function watch(watched: Page): Page {
  watched.on('console', (message) => {
    const text = message.text();
    if (/CSP violation|Content Security Policy/i.test(text)) cspViolations.push(text);
  });
  return watched;
}

/** axe on the current screen (no serious or critical violation), then a screenshot at both widths. */
async function check(target: Page, screen: string): Promise<void> {
  await target.evaluate(axe.source);
  const violations = await target.evaluate(async () => {
    const result = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
  });
  expect(violations, `accessibility of ${screen}`).toEqual([]);
  await target.screenshot({ path: `${SCREENSHOTS}/${screen}-desktop.png`, fullPage: true });
  await target.setViewportSize(PHONE);
  await target.screenshot({ path: `${SCREENSHOTS}/${screen}-phone.png`, fullPage: true });
  const overflow = await target.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${screen} fits 390 px without sideways scrolling`).toBeLessThanOrEqual(0);
  await target.setViewportSize(DESKTOP);
}

async function go(hash: string): Promise<void> {
  await page.goto(new URL(hash, PANEL_URL).toString());
}

async function tab(label: string): Promise<void> {
  await page.getByRole('navigation', { name: `${NAME} sections` }).getByRole('link', { name: label, exact: true }).click();
}

/** Calls the API from the page, as the panel does: session cookie plus the CSRF header. */
async function apiFromPage(target: Page, method: string, path: string, body?: string): Promise<number> {
  return target.evaluate(
    async ({ method, path, body }) => {
      const xsrf = /(?:^|; )XSRF-TOKEN=([^;]*)/.exec(document.cookie)?.[1] ?? '';
      const response = await fetch(path, { method, headers: { 'X-XSRF-TOKEN': decodeURIComponent(xsrf) }, body: body ?? null });
      return response.status;
    },
    { method, path, body },
  );
}

async function sessionContext(variable: string): Promise<Page> {
  const [jwt, xsrf] = required(variable).split(' ');
  const opened = await openContext();
  await opened.addCookies([
    { name: 'wasmcloud_session', value: jwt!, url: PANEL_URL, httpOnly: true, sameSite: 'Lax' },
    { name: 'XSRF-TOKEN', value: xsrf!, url: PANEL_URL, sameSite: 'Lax' },
  ]);
  return watch(await opened.newPage());
}

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  context = await openContext();
  page = watch(await context.newPage());
});

afterAll(async () => {
  await browser?.close();
});

describe('the panel against the dev stack', () => {
  it('signs in with the dev button, into a session cookie and nothing in web storage', async () => {
    await go('/');
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in to Wasmcloud' }).isVisible()).toBe(true);
    await check(page, 'sign-in');
    await page.getByRole('button', { name: /Dev login/ }).click();
    await page.getByRole('heading', { name: 'Functions', exact: true }).waitFor();

    const cookies = await context.cookies(PANEL_URL);
    const storage = await page.evaluate(() => localStorage.length + sessionStorage.length);
    expect(cookies.find((cookie) => cookie.name === 'wasmcloud_session')?.httpOnly).toBe(true);
    expect(storage).toBe(0);
    expect(await page.evaluate(() => document.cookie)).not.toContain('wasmcloud_session');
  });

  it('creates a function and lands on its deploy tab', async () => {
    await page.getByRole('link', { name: 'New function' }).click();
    await page.getByLabel('Name').fill(NAME);
    await page.getByLabel('Description (optional)').fill('<img src=x onerror=alert(1)> made by the browser test');
    await check(page, 'create-function');
    await page.getByRole('button', { name: 'Create function' }).click();
    await page.getByText('Drop a WebAssembly module here').waitFor();
    expect(page.url()).toContain(`#/functions/${NAME}/deploy`);
  });

  it('lists the reasons a bad module is refused, each once, then deploys hello', async () => {
    await page.setInputFiles('#module-file', { name: 'broken.wasm', mimeType: 'application/wasm', buffer: Buffer.from('not a module') });
    const problem = page.getByRole('alert');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('Invalid module (422)');
    await check(page, 'deploy-refused');

    await page.setInputFiles('#module-file', HELLO_WASM);
    await page.getByRole('heading', { name: 'Version 1 is live' }).waitFor();
    expect(await page.locator('.card.success').textContent()).toContain('olin');
    const imports = await page.getByTestId('deployed-imports').locator('li').allTextContents();
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.every((imported) => imported.startsWith('env.'))).toBe(true);
    await check(page, 'deploy');
  });

  it('sets a variable the function reads and a secret it never shows again', async () => {
    await tab('Environment');
    await page.getByLabel('Name').fill('GREETING');
    await page.getByLabel('Value').fill('howdy');
    await page.getByRole('button', { name: 'Set variable' }).click();
    await page.getByRole('cell', { name: 'howdy' }).waitFor();

    await page.getByLabel('Name').fill('API_KEY');
    await page.getByLabel(/Secret/).check();
    await page.getByLabel('Value').fill(SECRET_VALUE);
    await page.getByRole('button', { name: 'Set secret' }).click();
    await page.getByText('secret · set').waitFor();
    await page.reload();
    await page.getByText('secret · set').waitFor();

    expect(await page.content()).not.toContain(SECRET_VALUE);
    await check(page, 'environment');
  });

  it('invokes the function from the console and shows its body, status and invocation id', async () => {
    await tab('Invoke');
    await page.getByLabel('Method').selectOption('POST');
    await page.getByLabel('Path').fill('/from/the/console');
    await page.getByLabel('Body text').fill('hi there');
    await page.getByRole('button', { name: 'Send' }).click();
    const body = page.getByTestId('invoke-body');
    await body.waitFor();

    expect(await page.getByTestId('invoke-status').textContent()).toBe('200');
    expect(await body.textContent()).toContain('howdy from wasmcloud!');
    expect(await body.textContent()).toContain('body: hi there');
    expect(await page.getByRole('link', { name: /^[0-9a-f-]{36}$/ }).count()).toBe(1);
    await check(page, 'invoke');
  });

  it('shows the invocation in the table and its detail in a deep-linkable drawer', async () => {
    await tab('Invocations');
    const row = page.locator('.invocations-table tbody tr').first();
    // Executors write records in batches, a moment after the reply.
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: 'Refresh' }).click();
          return row.isVisible();
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe(true);
    // The status filter is the API's: no 5xx among these, and the 2xx list still has the row.
    await page.getByLabel('Status').selectOption('5xx');
    await page.getByText('No invocations match these filters.').waitFor();
    await page.getByLabel('Status').selectOption('2xx');
    await row.waitFor();
    await row.getByRole('link').click();
    const drawer = page.getByRole('dialog', { name: 'Invocation' });
    await drawer.getByText('Wall / CPU').waitFor();
    expect(page.url()).toMatch(/\/invocations\/[0-9a-f-]{36}$/);
    await check(page, 'invocation-detail');

    await page.reload();
    await drawer.getByText('Wall / CPU').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => drawer.count()).toBe(0);
  });

  it('tails new invocations live, highlighted as they arrive', async () => {
    await tab('Live logs');
    await page.getByText('Live', { exact: true }).waitFor();
    await check(page, 'live-logs');
    expect(await apiFromPage(page, 'POST', `/api/functions/${NAME}/invoke`, 'from the live test')).toBe(200);
    // A row is highlighted for a few seconds after it arrives; poll often so a slow machine still sees it.
    await expect
      .poll(() => page.locator('.log-rows li.fresh', { hasText: '200' }).count(), { timeout: 20_000, interval: 100 })
      .toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByText('Paused', { exact: true }).waitFor();
  });

  it('draws the metrics charts and the overview sparkline from the invocations', async () => {
    await tab('Metrics');
    const chart = page.getByTestId('chart-invocations');
    await chart.locator('canvas').waitFor();
    expect(await chart.getAttribute('aria-label')).toMatch(/: [1-9]\d* in this range/);
    await page.getByTestId('chart-latency').locator('canvas').waitFor();
    await page.getByRole('button', { name: 'Week' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Week' }).getAttribute('aria-pressed')).toBe('true');
    await chart.locator('canvas').waitFor();
    await page.getByRole('button', { name: 'Hour' }).click();
    await chart.locator('canvas').waitFor();
    await check(page, 'metrics');

    await tab('Overview');
    await page.getByText(/[1-9]\d* invocations? in the last 24 hours/).waitFor();
    await check(page, 'overview');
  });

  it('creates a schedule with its next fire times, pauses it, and shows no dead letters', async () => {
    await tab('Schedules');
    await page.getByText(/No schedules yet/).waitFor();
    await page.getByLabel('Cron (minute hour day month weekday)').fill('0 3 * * *');
    await page.getByLabel('Time zone').fill('Europe/Paris');
    await page.getByRole('button', { name: 'Create schedule' }).click();
    const row = page.locator('tr', { hasText: '0 3 * * *' });
    await row.getByText('Europe/Paris').waitFor();
    expect(await row.locator('li').count()).toBe(5);
    await check(page, 'schedules');
    await row.getByRole('button', { name: 'Pause 0 3 * * *' }).click();
    await row.getByText('paused').waitFor();

    await tab('Dead letters');
    await page.getByText(/No dead letters/).waitFor();
    await check(page, 'dead-letters');
  });

  it('rolls back to an earlier version after confirming', async () => {
    await tab('Deploy');
    await page.setInputFiles('#module-file', HELLO_WASM);
    await page.getByRole('heading', { name: 'Version 2 is live' }).waitFor();
    await tab('Versions');
    await page.getByRole('button', { name: 'Roll back' }).click();
    await page.getByRole('button', { name: 'Yes, activate v1' }).click();
    await page.locator('.page-head').getByText('v1 active').waitFor();
    expect(await page.locator('tr', { hasText: 'v1' }).getByText('active', { exact: true }).count()).toBe(1);
    await check(page, 'versions');

    // Every tab is on screen at phone width, none scrolled out of sight.
    await page.setViewportSize(PHONE);
    const tabs = page.getByRole('navigation', { name: `${NAME} sections` }).getByRole('link');
    for (const box of await tabs.evaluateAll((links) => links.map((link) => link.getBoundingClientRect().right))) {
      expect(box).toBeLessThanOrEqual(PHONE.width);
    }
    await page.setViewportSize(DESKTOP);
  });

  it('shows the settings with the operator maximums', async () => {
    await tab('Settings');
    await page.getByText(/at most 60000 ms on this server/).waitFor();
    await page.getByLabel('Timeout (ms)').fill('2500');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Saved.').waitFor();
    await check(page, 'settings');
  });

  it("records the function for replay and shows an invocation's host-call timeline with its replay command", async () => {
    await tab('Settings');
    await page.getByLabel('Record for replay').selectOption('on');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Saved.').waitFor();
    // The executor hears of the setting through NOTIFY and stores recordings in the background: both take a moment.
    let id = '';
    await expect
      .poll(
        async () => {
          await apiFromPage(page, 'POST', `/api/functions/${NAME}/invoke`, 'recorded');
          id = await page.evaluate(async (name) => {
            const response = await fetch(`/api/functions/${name}/recordings`);
            if (!response.ok) return '';
            const list = (await response.json()) as { newest: { invocationId: string }[] };
            return list.newest[0]?.invocationId ?? '';
          }, NAME);
          return id;
        },
        { timeout: 20_000, interval: 500 },
      )
      .not.toBe('');
    await go(`#/functions/${NAME}/invocations/${id}`);
    const drawer = page.getByRole('dialog', { name: 'Invocation' });
    await drawer.getByRole('button', { name: 'Copy replay command' }).waitFor();
    expect(await drawer.getByTestId('replay-command').textContent()).toBe(`wasmcloud replay ${id} --trace`);
    expect(await drawer.getByTestId('recording-timeline').locator('tbody tr').count()).toBeGreaterThan(0);
    await check(page, 'invocation-recording');
    await page.keyboard.press('Escape');
  });

  it('lists the function with its activity, escaping what users wrote', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Functions' }).click();
    const row = page.locator('tr', { hasText: NAME });
    await row.waitFor();
    expect(await row.textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('main img').count()).toBe(0);
    await check(page, 'functions');

    // A phone hides the table's header with its sort buttons; a select sorts instead, and only there.
    const phoneSort = page.getByLabel('Sort', { exact: true });
    expect(await phoneSort.isVisible()).toBe(false);
    await page.setViewportSize(PHONE);
    await phoneSort.selectOption('invocations:descending');
    expect(await page.locator('thead th', { hasText: 'Invocations' }).getAttribute('aria-sort')).toBe('descending');
    await page.setViewportSize(DESKTOP);
  });

  it('creates a token shown once with a copy button, and revokes it', async () => {
    await page.getByRole('link', { name: 'Tokens' }).click();
    await page.getByLabel('Name').fill('browser-test');
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByRole('heading', { name: 'Token “browser-test” created' }).waitFor();
    expect(await page.getByRole('button', { name: 'Copy the new token' }).count()).toBe(1);
    await check(page, 'tokens');

    await page.getByRole('button', { name: 'Done, hide it' }).click();
    await page.getByRole('button', { name: 'Revoke browser-test' }).first().click();
    await expect.poll(() => page.getByRole('button', { name: 'Revoke browser-test' }).count()).toBe(0);
  });

  it('gives the admin the users screen', async () => {
    await page.getByRole('link', { name: 'Admin' }).click();
    await page.getByRole('heading', { name: 'Users' }).waitFor();
    await page.getByText(/^newcomer-/).first().waitFor();
    await check(page, 'admin');
  });

  it('shows the account: tier, quotas, and the usage per day in a chart', async () => {
    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByRole('heading', { name: 'Account', exact: true }).waitFor();
    await page.getByTestId('quotas').waitFor();
    await page.getByTestId('chart-usage').locator('canvas').waitFor();
    expect(await page.getByRole('heading', { name: /^Tier/ }).textContent()).toContain('full');
    await check(page, 'account');
  });

  it('asks before the CLI gets a token, on a consent page in the panel\'s look', async () => {
    await page.goto(new URL('/login/cli?port=45678&state=browser-test-state-0001', PANEL_URL).toString());
    await page.getByRole('heading', { name: /Authorize the wasmcloud CLI/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Approve' }).count()).toBe(1);
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(background, 'the inline stylesheet is allowed by its hash').toBe('rgb(246, 246, 249)');
    await check(page, 'cli-consent');
    await go('/');
  });

  it('follows the system dark mode', async () => {
    const dark = await openContext({ colorScheme: 'dark' });
    await dark.addCookies(await context.cookies(PANEL_URL));
    const darkPage = watch(await dark.newPage());
    await darkPage.goto(new URL(`#/functions/${NAME}/metrics`, PANEL_URL).toString());
    await darkPage.getByTestId('chart-invocations').locator('canvas').waitFor();
    const background = await darkPage.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(background).toBe('rgb(18, 18, 24)');
    await check(darkPage, 'metrics-dark');
    await darkPage.goto(new URL('#/', PANEL_URL).toString());
    await darkPage.locator('tr', { hasText: NAME }).waitFor();
    await check(darkPage, 'functions-dark');
    await dark.close();
  });

  it('hides the admin screen from an ordinary user, and the API refuses it too', async () => {
    const member = await sessionContext('USER_SESSION');
    await member.goto(PANEL_URL);
    await member.getByRole('heading', { name: 'Functions', exact: true }).waitFor();
    expect(await member.getByRole('link', { name: 'Admin' }).count()).toBe(0);

    await member.goto(new URL('#/admin', PANEL_URL).toString());
    await member.getByRole('heading', { name: 'Administrators only' }).waitFor();
    expect(await apiFromPage(member, 'GET', '/api/admin/users')).toBe(403);
    expect(await apiFromPage(member, 'POST', '/api/admin/users/dev/suspend')).toBe(403);
    await check(member, 'admin-refused');
    await member.context().close();
  });

  it('tells a pending user they are waiting for approval, and lets them in once an admin approves', async () => {
    const pending = await sessionContext('PENDING_SESSION');
    await pending.goto(PANEL_URL);
    await pending.getByRole('heading', { name: 'Waiting for approval' }).waitFor();
    await check(pending, 'pending');

    const login = (await pending.locator('.account-name').textContent())!;
    expect(login).toMatch(/^newcomer-/);
    await go('#/admin');
    await page.getByRole('button', { name: `Approve ${login}` }).click();
    await expect.poll(() => page.getByRole('button', { name: `Approve ${login}` }).count()).toBe(0);
    await pending.getByRole('button', { name: 'Check again' }).click();
    await pending.getByRole('heading', { name: 'Functions', exact: true }).waitFor();
    await pending.context().close();
  });

  it('tells a suspended Gitea user why the sign-in was refused', async () => {
    const fresh = watch(await (await openContext()).newPage());
    await fresh.goto(new URL('/?login-error=suspended', PANEL_URL).toString());
    await fresh.getByText('Account suspended').waitFor();
    expect(fresh.url()).not.toContain('login-error');
    await check(fresh, 'suspended');
    await fresh.context().close();
  });

  it('deletes the function only once its name is typed out', async () => {
    await go(`#/functions/${NAME}/settings`);
    const remove = page.getByRole('button', { name: `Delete ${NAME}` });
    await remove.waitFor();
    expect(await remove.isDisabled()).toBe(true);
    await page.getByLabel(/Type .* to confirm/).fill(NAME.slice(0, -1));
    expect(await remove.isDisabled()).toBe(true);
    await page.getByLabel(/Type .* to confirm/).fill(NAME);
    await remove.click();
    await page.getByRole('heading', { name: 'Functions', exact: true }).waitFor();
    await expect.poll(() => page.locator('tr', { hasText: NAME }).count()).toBe(0);
    expect(await apiFromPage(page, 'GET', `/api/functions/${NAME}`)).toBe(404);
  });

  it('ran under the strict CSP without a single violation', async () => {
    const html = await (await fetch(PANEL_URL)).text();
    expect(html).toContain("script-src 'self'; style-src 'self'");
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/style=/);
    expect(cspViolations).toEqual([]);
  });

  it('keeps the gzipped JavaScript under 80 KiB', async () => {
    const html = await (await fetch(PANEL_URL)).text();
    const scripts = [...html.matchAll(/src="\.?\/?(assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    const { gzipSync } = await import('node:zlib');
    const total = scripts.reduce((sum, script) => sum + gzipSync(readFileSync(resolve(import.meta.dirname, '../../target/dist', script))).length, 0);
    expect(total).toBeLessThan(80 * 1024);
  });
});
